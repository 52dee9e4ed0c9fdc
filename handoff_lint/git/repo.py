"""Facts about the repository shared by every document of a run, gathered once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handoff_lint.git.gitcmd import Git

RECORD = "%x00%H%x1f%aI%x1f%P%x1f%s%x1f%b%x1e"
RECENT_LIMIT = 500


@dataclass
class CommitInfo:
    sha: str
    subject: str
    body: str
    day: dt.date | None
    files: int = 0
    insertions: int = 0
    deletions: int = 0
    when: str = ""
    parents: tuple[str, ...] = ()


@dataclass
class ObjectInfo:
    status: str  # found, missing, ambiguous
    sha: str = ""
    type: str = ""


@dataclass
class RepoFacts:
    git: Git
    root: Path
    shallow: bool
    head: str | None
    head_branch: str
    branches: set[str] = field(default_factory=set)
    grafts: bool = False  # parents other than the commit objects' (``info/grafts``)
    pull_refs: bool = False  # pull-request refs (``refs/pull/*``) hold commits branches may not
    memo: dict[tuple[str, ...], Any] = field(default_factory=dict)  # answers shared by documents
    _recent: list[CommitInfo] | None = None

    def recent_question(self) -> tuple[str, ...] | None:
        """The command ``recent`` runs (to start early, when it will probably be needed)."""
        return (
            ("log", f"--format={RECORD}", f"--max-count={RECENT_LIMIT}", self.head)
            if self.head
            else None
        )

    @property
    def recent(self) -> list[CommitInfo]:
        """The newest commits of HEAD's history, read once, when first needed."""
        if self._recent is None:
            question = self.recent_question()
            self._recent = parse_records(self.git.run(*question)) if question else []
        return self._recent


def parse_records(output: str) -> list[CommitInfo]:
    """Parse ``git log --format=RECORD [--shortstat]`` output."""
    out: list[CommitInfo] = []
    for chunk in output.split("\0")[1:]:
        record, _, stat = chunk.partition("\x1e")
        parts = record.split("\x1f")
        if len(parts) < 5:
            continue
        sha, date, parents, subject = parts[0], parts[1], parts[2], parts[3]
        body = "\x1f".join(parts[4:])
        try:
            day: dt.date | None = dt.date.fromisoformat(date[:10])
        except ValueError:
            day = None
        info = CommitInfo(sha.strip(), subject, body, day, when=date.strip())
        info.parents = tuple(parents.split())
        parse_shortstat(stat, info)
        out.append(info)
    return out


def parse_shortstat(text: str, info: CommitInfo) -> None:
    for part in text.strip().split(","):
        words = part.split()
        if len(words) >= 2 and words[0].isdigit():
            if "file" in words[1]:
                info.files = int(words[0])
            elif words[1].startswith("insertion"):
                info.insertions = int(words[0])
            elif words[1].startswith("deletion"):
                info.deletions = int(words[0])


def lookup_objects(git: Git, names: list[str]) -> dict[str, ObjectInfo]:
    """Resolve many object names through the run's one ``git cat-file --batch-check``."""
    names = [n for n in dict.fromkeys(names) if n and "\n" not in n]
    if not names:
        return {}
    output = "\n".join(git.object_headers(names))
    result: dict[str, ObjectInfo] = {}
    for name, line in zip(names, output.split("\n"), strict=False):
        if line.endswith(" missing"):
            result[name] = ObjectInfo("missing")
        elif line.endswith(" ambiguous"):
            result[name] = ObjectInfo("ambiguous")
        else:
            parts = line.split(" ")
            result[name] = ObjectInfo("found", parts[0], parts[1] if len(parts) > 1 else "")
    return result


def sha_of(git: Git, name: str) -> str | None:
    """The object id ``name`` resolves to (``HEAD``, ``abc1234^``...), or None when it does not."""
    found = lookup_objects(git, [name]).get(name)
    return found.sha if found is not None and found.status == "found" else None


def gather(git: Git) -> RepoFacts:
    """HEAD, branches, shallowness and recent history: a handful of processes per run."""
    where = (
        "rev-parse",
        "--is-bare-repository",
        "--is-shallow-repository",
        "--git-common-dir",
        "--show-toplevel",
    )
    listing = (
        "for-each-ref",
        "--format=%(HEAD)%(refname) %(objectname)",
        "refs/heads",
        "refs/remotes",
        "refs/pull",
    )
    git.prefetch(where, listing)
    if (git.cwd / ".git").exists():  # the top of a work tree: no rebase below, it stays
        git.start_objects()  # HEAD's look-up below: git starts up while these answer
    top = git.lines(*where)
    listed = [line.rpartition(" ") for line in git.lines(*listing)]  # no space in a ref name
    entries = [e for e in listed if not e[0].lstrip("* ").startswith("refs/pull/")]
    refs = [ref for ref, _, _ in entries]
    shallow = len(top) > 1 and top[1] == "true"
    grafts = len(top) > 2 and _grafted(git.cwd / top[2])
    root = Path(top[3]) if len(top) > 3 else git.cwd
    git.rebase(root)  # every later command runs from the top: paths and pathspecs from the root
    _contained(git, {ref.lstrip("* "): tip for ref, _, tip in entries})
    head = sha_of(git, "HEAD")
    head_branch = next((r[1:].removeprefix("refs/heads/") for r in refs if r.startswith("*")), "")
    if head is None:  # an unborn branch has no ref yet
        head_branch = git.run("symbolic-ref", "-q", "--short", "HEAD", check=False).strip()
    branches: set[str] = set()
    for ref in (r.lstrip("* ") for r in refs):
        short = ref.removeprefix("refs/heads/").removeprefix("refs/remotes/")
        branches.add(short)
        if ref.startswith("refs/remotes/") and "/" in short:
            branches.add(short.split("/", 1)[1])
    branches.discard("HEAD")
    pulls = len(entries) < len(listed)
    return RepoFacts(git, root, shallow, head, head_branch, branches, grafts, pull_refs=pulls)


def _contained(git: Git, tips: dict[str, str]) -> None:
    """When every branch and remote-tracking branch points at one commit (a repository of one
    branch, as CI checks out), each of them holds that commit: ``contains_question`` of it is
    answered from the listing, as ``for-each-ref --contains`` would (same refs, same order),
    without its process."""
    commits = set(tips.values())
    if len(commits) == 1 and "" not in commits:
        from handoff_lint.git.history import contains_question

        git.remember(contains_question(commits.pop()), "".join(f"{ref}\n" for ref in tips))


def _grafted(common: Path) -> bool:
    """Whether git reads grafts (``info/grafts``, or the file GIT_GRAFT_FILE names), which
    give commits other parents than their objects name."""
    import os

    return bool(os.environ.get("GIT_GRAFT_FILE")) or (common / "info" / "grafts").exists()
