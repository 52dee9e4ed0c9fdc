"""The claimed files git does not know at the end of the window: which of them .gitignore covers
(a build output or a local settings file is absent from git by design), which names a commit
deleted (created and deleted inside the window is not "never committed"), and which another ref
holds (an unmerged branch's or a pull request's file exists, only not here). One
``check-ignore`` and two ``log``s for all of a document's claims.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.git.repo import RepoFacts
from handoff_lint.model import Claim
from handoff_lint.session.added import PLAIN_PATH

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

MAX_IGNORE_QUESTIONS = 100
OTHER_REFS_LIMIT = 2000  # commits of other refs read for the files they hold


GLOB_CHARS = lazyre.compile(r"[*?\[\]\\:]")


def _named(listing: str, wanted: set[str]) -> set[str]:
    """The paths of ``listing`` (one a line, as ``--name-only`` prints them) whose file name
    is one of ``wanted``."""
    kept = (line.strip() for line in listing.split("\n"))
    return {path for path in kept if path and posixpath.basename(path) in wanted}


def _deleted(facts: RepoFacts, evidence: Evidence, unknown: list[str]) -> None:
    """Which of the claimed names a commit of the window deleted: the net diff forgets a file
    created and deleted inside the window (or, when the window is the whole history, committed
    once and deleted since), which is not "never committed" (one ``log`` for all of them)."""
    names = sorted({posixpath.basename(p) for p in unknown} - {""})
    specs = [f":(glob)**/{name}" for name in names if not GLOB_CHARS.search(name)]
    window = evidence.window
    if not specs or window.head is None:
        return
    question = ("log", window.span, "--no-renames", "--diff-filter=D", "--name-only", "--format=")
    if all(PLAIN_PATH.fullmatch(name) for name in names):
        # every deleted path, kept by its file name: the `**/NAME` pathspecs made git match
        # each path of every commit against each pattern, twice the time of the walk itself
        deleted = _named(facts.git.run(*question, check=False), set(names))
    else:  # names git would quote in its output: asked by pathspec, as written
        output = facts.git.run(*question, "--", *specs, check=False)
        deleted = {line.strip() for line in output.split("\n") if line.strip()}
    evidence.deleted_names = {posixpath.basename(path) for path in deleted}
    evidence.transient = deleted - evidence.files_at_end - set(evidence.changes)


def unknown_paths(evidence: Evidence, claims: list[Claim]) -> list[str]:
    """The claimed paths git does not know, as written (those a ``check-ignore`` may ask)."""
    unknown = sorted(
        {
            str(c.value["path"])
            for c in claims
            if c.kind in ("file", "lines", "test_count", "symbol", "tests_added")
            and "path" in c.value
            and not evidence.known(evidence.resolve(str(c.value["path"])) or "")
        }
    )[:MAX_IGNORE_QUESTIONS]
    return [p for p in unknown if p and not p.startswith(("-", "/")) and "\n" not in p]


def other_refs_question(evidence: Evidence) -> tuple[str, ...] | None:
    """The files written by the commits of other refs (branches, remotes, pull requests) that
    the window's head does not hold, oldest first, with their parents: a file only an
    unmerged branch has is somewhere."""
    window = evidence.window
    if window.head is None or not _other_branches(evidence):
        return None
    return (
        "log",
        "--all",
        "--topo-order",
        "--reverse",
        "--no-renames",
        "--name-only",
        "--format=%x00%H %P",
        f"--max-count={OTHER_REFS_LIMIT}",
        "--not",
        window.head,
    )


def _other_branches(evidence: Evidence) -> bool:
    """Whether any branch other than the checked-out one (and its remote twins), or a
    pull-request ref, exists: in a repository of one branch, as CI often checks out, no other
    ref is asked (a process less)."""
    if evidence.repo is not None and evidence.repo.pull_refs:
        return True  # a squash-merged pull request's own commits live only there
    own = evidence.head_branch
    if not own:
        return bool(evidence.branches)
    return any(
        b != own and not b.endswith("/" + own) and not b.endswith("/HEAD")
        for b in evidence.branches
    )


def _other_refs(facts: RepoFacts, evidence: Evidence, unknown: list[str]) -> None:
    """Which of the ``unknown`` names a commit of another ref wrote, leaving out the commits
    made on top of the window's head (the document's own future is no witness)."""
    question = other_refs_question(evidence)
    if question is None or not unknown:
        return
    wanted = {posixpath.basename(p) for p in unknown}
    later = {str(evidence.window.head)}
    found: set[str] = set()
    for chunk in facts.git.run(*question, check=False).split("\0")[1:]:
        head, _, names = chunk.partition("\n")
        sha, *parents = head.split()
        if any(p in later for p in parents):
            later.add(sha)
            continue
        found |= _named(names, wanted)
    evidence.on_other_refs = found


def invented_folders(evidence: Evidence, unknown: list[str]) -> None:
    """The folders no file at the end of the window is in, that hang off a folder some file is
    in, under which the document names two files or more ("apps/scan_lab/controllers.py",
    "apps/scan_lab/views.py" where apps/ holds other apps): a folder made up, not a file put
    in the wrong place, so a namesake elsewhere does not excuse its files."""
    if not unknown:
        return  # every claimed file is known: no tree walk
    known = evidence.ancestors()
    roots: dict[str, set[str]] = {}
    for path in unknown:
        parts = path.strip("/").split("/")[:-1]
        for depth in range(2, len(parts) + 1):
            folder = "/".join(parts[:depth])
            if folder not in known:
                if "/".join(parts[: depth - 1]) in known:
                    roots.setdefault(folder, set()).add(path)
                break
    evidence.invented = {folder for folder, paths in roots.items() if len(paths) >= 2}


def ignore_question(unknown: list[str]) -> tuple[str, ...]:
    return ("check-ignore", "--no-index", "--", *unknown)


def gather_ignored(facts: RepoFacts, evidence: Evidence, safe: list[str]) -> None:
    """Which claimed paths that git does not know (``safe``, from ``unknown_paths``) .gitignore
    covers (a build output or a local settings file is absent from git by design): one
    ``check-ignore`` for all of them."""
    if safe:
        output = facts.git.run(*ignore_question(safe), check=False)
        evidence.ignored = {line.strip() for line in output.split("\n") if line.strip()}
    rest = [p for p in safe if p not in evidence.ignored]
    _deleted(facts, evidence, rest)
    _other_refs(facts, evidence, rest)
    invented_folders(evidence, [p for p in rest if not evidence.known(p)])
