"""Gather, in a bounded number of git processes, everything needed to settle a document's claims.

Per document: one ``cat-file --batch-check`` for every claimed id, one ``rev-list`` for the
reachability of all claimed commits, one ``log --no-walk`` for their subjects and stats, one
``diff --name-status`` for the window's net changes, one ``ls-tree``/``ls-files`` for the files at
its end, one ``log`` for the window's commits, and at most one bounded ``log`` over the window for
paths whose net change does not settle their claim.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from handoff_lint import agent_start, contents, history, trees, unknown_paths, window_fit
from handoff_lint.discover import DEFAULT_GLOBS
from handoff_lint.gitcmd import empty_tree
from handoff_lint.model import Claim, Window
from handoff_lint.paths import Paths
from handoff_lint.repo import (
    RECORD,
    CommitInfo,
    ObjectInfo,
    RepoFacts,
    lookup_objects,
    parse_records,
)
from handoff_lint.suite import Inventory, inventory, needs_inventory
from handoff_lint.window import pathspecs
from handoff_lint.window_log import WINDOW_LIMIT, log_question, window_log

if TYPE_CHECKING:
    from handoff_lint.junit import Counts

MAX_AMBIGUOUS = 50  # short ids looked up again as commits, per document
EXACT_WINDOWS = (
    "since the previous handoff document",
    agent_start.HOW,
    "--since",
    "front matter base",
)


@dataclass
class Evidence(Paths):
    window: Window
    available: bool = True
    unavailable_reason: str = ""
    shallow: bool = False
    doc_dir: str = ""
    doc_path: str = ""
    objects: dict[str, ObjectInfo] = field(default_factory=dict)
    unreachable: set[str] = field(default_factory=set)
    commits: dict[str, CommitInfo] = field(default_factory=dict)
    branches: set[str] = field(default_factory=set)
    head_branch: str = ""
    changes: dict[str, set[str]] = field(default_factory=dict)
    files_at_end: set[str] = field(default_factory=set)
    submodules: set[str] = field(default_factory=set)
    truncated: bool = False
    window_commits: list[CommitInfo] = field(default_factory=list)
    repo: RepoFacts | None = None
    line_counts: dict[str, set[int]] = field(default_factory=dict)
    code_counts: dict[str, set[int]] = field(default_factory=dict)  # "115 LOC": code, non-blank
    # the files under each folder a claim names, by the folder as written
    folder_sizes: dict[str, contents.FolderSize] = field(default_factory=dict)
    numstat: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    history_size: int = -1
    diffstats: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    junit: Counts | None = None
    containing: set[str] | None = None
    rewritten: set[str] = field(default_factory=set)  # claimed branches holding copies of it
    merged_as: str | None = None  # the subject of the merge that brought the session in
    suite: Inventory | None = None  # the repository's tests, when a claim counts them all
    ignored: set[str] = field(default_factory=set)  # claimed paths .gitignore covers
    deleted_names: set[str] = field(default_factory=set)  # claimed names some commit deleted
    on_other_refs: set[str] = field(default_factory=set)  # claimed files only other refs hold
    invented: set[str] = field(default_factory=set)  # made-up folders the document names files in
    _ancestors: set[str] | None = field(default=None, repr=False)
    # claimed files a commit of the window created and another deleted: in neither end's tree
    transient: set[str] = field(default_factory=set)
    commit_changes: list[dict[str, set[str]]] = field(default_factory=list)  # per commit
    texts_at_end: dict[str, str] = field(default_factory=dict)
    texts_at_start: dict[str, list[str]] = field(default_factory=dict)
    feature_status: dict[str, tuple[int, int]] = field(default_factory=dict)
    session_features: dict[int, tuple[str, tuple[int, int]]] = field(default_factory=dict)
    tree_names: dict[str, list[str]] = field(default_factory=dict, repr=False)
    blobs_at_end: dict[str, str] = field(default_factory=dict, repr=False)  # path -> blob id
    _names: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _names_size: int = -1
    _folder_set: set[str] | None = field(default=None, repr=False)
    _nfc: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _nfc_size: int = -1
    _suggested: dict[tuple[str, int], str] = field(default_factory=dict, repr=False)
    memo: dict[tuple[str, ...], object] = field(default_factory=dict, repr=False)  # per kind
    _resolved: dict[tuple[str, int, int, int, int, int], str | None] = field(
        default_factory=dict, repr=False
    )
    _folded: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _folded_size: int = -1

    @property
    def recent_commits(self) -> list[CommitInfo]:
        """HEAD's newest commits (read on first use: suggestions, merges, rewritten commits)."""
        return self.repo.recent if self.repo is not None else []

    def submodule_of(self, path: str) -> str | None:
        """The submodule ``path`` lies inside (its history is not this repository's), if any."""
        return next((s for s in self.submodules if path.startswith(s + "/")), None)

    def actions(self, path: str) -> set[str]:
        return self.changes.get(path, set())

    def parse_changes(self, fields: list[str]) -> None:
        """Add ``--name-status -z`` output to the window's changes."""
        _parse_name_status(fields, self.changes)

    def text_at_end(self, written: str) -> tuple[str, str] | None:
        """(path, text) of a claimed file at the end of the window, when git has it."""
        path = self.resolve(written) if self.available else None
        text = self.texts_at_end.get(path or "")
        return (path, text) if path is not None and text is not None else None

    def writes_document(self) -> bool:
        """A commit of the window wrote the document itself (its own commit: not one the
        document could count or cite)."""
        return self.doc_path in self.changes

    def window_exact(self) -> bool:
        """The window's start is given or is the previous handoff's commit itself (not widened
        to a cited commit, a family or a pause, nor moved before a commit with other work)."""
        return self.window.how in EXACT_WINDOWS

    def absent(self, written: str, linked: bool = False) -> bool:
        """The claimed file is nowhere: not at the end of the window, not changed in it, no file
        of that name anywhere, not ignored, while its folder holds tracked files (a path in
        another repository, or a build output, is not refuted for being absent here). A
        relative link of the document (``linked``) points into this repository by itself."""
        path = self.resolve(written)
        if path is None or self.known(path) or path in self.ignored:
            return False
        if self._namesake_meant(path):
            return False
        if posixpath.basename(path) in self.deleted_names:
            return False  # a file of that name was committed once, and deleted since
        if self.on_other_ref(path):
            return False  # an unmerged branch or a pull request holds it
        if ".." in path.split("/"):  # a link from the document's folder: "../src/a.ts"
            path = posixpath.normpath(posixpath.join(self.doc_dir, path))
        if written in self.ignored or path in self.ignored or path.split("/")[0] == "..":
            return False  # outside the repository: another one's file is not refuted here
        folder = posixpath.dirname(path)
        if written.startswith("/") and not self._rooted_here(path):
            return False  # "/etc/app.conf": a path of the machine, not of the repository
        if not folder or linked or self.in_invented(path):
            return True
        # its folder holds tracked files, or (a new folder in a known one: src/lib/admin/x.ts
        # where src/lib/ is) the folder above it, when that is not the root
        above = posixpath.dirname(folder)
        known = [folder, above] if above else [folder]
        return any(
            f == k or f.endswith("/" + k) or f.startswith(k + "/")  # a folder of folders too
            for f in self.folders()
            for k in known
        )

    def _namesake_meant(self, path: str) -> bool:
        """A file of that name elsewhere may be the one meant, written at another place; not
        when the path's own folder is nowhere and there are several, each in a folder of
        another name (".tasks/04-billing/prd.md" beside each task's own prd.md)."""
        namesakes = self.same_name(path)
        if not namesakes or self.misplaced(path) or self.in_invented(path):
            return False
        folder = posixpath.dirname(path)
        if len(namesakes) == 1 or not folder or folder in self.folders():
            return True
        own = posixpath.basename(folder)
        return any(posixpath.basename(posixpath.dirname(n)) == own for n in namesakes)

    def misplaced(self, path: str) -> bool:
        """``path`` names a folder of the repository ("docs/STATUS.md" where docs/ holds
        tracked files) that has no such file, while its namesakes live elsewhere: the file
        the document names at that place is nowhere, whatever it meant."""
        folder = posixpath.dirname(path)
        if not folder or folder not in self.folders() or path in self.changes:
            return False
        return all(posixpath.dirname(p) != folder for p in self.same_name(path))

    def _rooted_here(self, path: str) -> bool:
        """A path written from "/" ("/src/app/x.ts") is the repository's when its first folder
        is one of the repository's top folders."""
        top = path.split("/")[0]
        return "/" in path and any(f == top or f.startswith(top + "/") for f in self.folders())

    def folders(self) -> set[str]:
        """The folders that hold files at the end of the window (read once)."""
        if self._folder_set is None:
            self._folder_set = {posixpath.dirname(p) for p in self.files_at_end}
        return self._folder_set

    def session_days(self) -> list[dt.date]:
        days = [c.day for c in self.window_commits if c.day is not None]
        if self.window.staged:
            days.append(dt.datetime.now().astimezone().date())
        return days


def stats_fit(claim: Claim, evidence: Evidence) -> bool:
    """A claimed diff stat equals one of the window's readings (the stats kind settles it)."""
    from handoff_lint.claims.stats import readings

    return bool(readings(claim, evidence))


def commit_questions(
    facts: RepoFacts, claims: list[Claim]
) -> tuple[dict[str, ObjectInfo], list[str], list[tuple[str, ...]]]:
    """The claimed ids resolved, the commits among them, and the two git commands that judge
    them (reachability; subjects and stats). They do not depend on the window, so the pipeline
    starts them before computing it."""
    hashes = sorted({c.text for c in claims if c.kind == "commit"})
    objects = lookup_objects(facts.git, hashes)
    # a short id shared by a commit and a tree or blob names the commit (git's own hint)
    shared = [h for h, o in objects.items() if o.status == "ambiguous"][:MAX_AMBIGUOUS]
    peeled = lookup_objects(facts.git, [f"{h}^{{commit}}" for h in shared])
    for name in shared:
        found = peeled.get(f"{name}^{{commit}}")
        if found is not None and found.status == "found" and found.type == "commit":
            objects[name] = found
    shas = sorted({o.sha for o in objects.values() if o.status == "found" and o.type == "commit"})
    if not shas:
        return objects, shas, []
    negative = ["--all"]  # any ref: branches, tags, pull-request refs; HEAD
    reachable = ("rev-list", *shas, "--not", *negative)
    stats = ("log", "--no-walk=unsorted", f"--format={RECORD}", "--shortstat")
    return objects, shas, [reachable, (*stats, "--diff-merges=first-parent", *shas)]


def _commit_evidence(facts: RepoFacts, evidence: Evidence, claims: list[Claim]) -> None:
    evidence.objects, shas, questions = commit_questions(facts, claims)
    if not questions:
        return
    reachable, described = questions
    if not _reached(facts, evidence.window, shas):
        facts.git.prefetch(*questions)
        evidence.unreachable = set(facts.git.lines(*reachable, check=False)) & set(shas)
    output = facts.git.run_renames(*described)
    evidence.commits = {c.sha: c for c in parse_records(output)}


def _reached(facts: RepoFacts, window: Window, shas: list[str]) -> bool:
    """Whether every commit of ``shas`` is known to be reachable from HEAD without asking
    ``rev-list``: a window ending at HEAD (this one, or one before it in the run) lists them
    all in its log, started already."""
    known: set[str] = facts.memo.setdefault(("reachable",), set())
    if known.issuperset(shas):
        return True
    question = log_question(window)
    if window.head != facts.head or window.head is None or not facts.git.asked(*question):
        return False
    logged = facts.git.run(*question, check=False).split("\0")[1:]
    known.update(record.split("\x1f", 1)[0].strip() for record in logged)
    return known.issuperset(shas)


def head_at_head(facts: RepoFacts, relative: str) -> bool:
    """Whether the document's window most likely ends at HEAD (it was added by HEAD's commit,
    or is staged): then its claimed commits' reachability is read from the window's log."""
    from handoff_lint.added import added_commit
    from handoff_lint.window import state

    if facts.head is None:
        return False
    return state(facts, relative)[1] or added_commit(facts, relative) == facts.head


def tree_questions(facts: RepoFacts, relative: str) -> list[tuple[str, ...]]:
    """The listing of the files at HEAD (the index's) that the document's window reads when it
    most likely ends at HEAD, to start before the window is known: for a staged document, or
    one HEAD's commit added (``trees.at_end``)."""
    from handoff_lint.added import added_commit
    from handoff_lint.window import state

    if facts.head is None:
        return []
    if state(facts, relative)[1]:
        return [trees.STAGED_TREE]
    return trees.questions(facts, facts.head) if added_commit(facts, relative) == facts.head else []


def _parse_name_status(fields: list[str], into: dict[str, set[str]]) -> None:
    index = 0
    while index < len(fields):
        status = fields[index]
        if not status:
            index += 1
            continue
        letter = status[0]
        if letter in "RC" and index + 2 < len(fields):
            old, new = fields[index + 1], fields[index + 2]
            into.setdefault(old, set()).add("D" if letter == "R" else "C")
            into.setdefault(new, set()).add("R" if letter == "R" else "A")
            index += 3
        elif index + 1 < len(fields):
            into.setdefault(fields[index + 1], set()).add(letter)
            index += 2
        else:
            break


def _window_evidence(facts: RepoFacts, evidence: Evidence) -> None:
    window = evidence.window
    base = window.base or empty_tree(window.head)
    git = facts.git
    if window.staged:
        fields = git.run_renames(
            "diff", "--cached", "--name-status", "-z", "-M", "--no-ext-diff", base
        ).split("\0")
    else:
        assert window.head is not None
        questions = _window_questions(facts, window)
        git.prefetch(*questions)
        fields = git.run_renames(*questions[0]).split("\0")
    _parse_name_status(fields, evidence.changes)
    tree = trees.at_end(facts, window)  # documents that share a window share it (read-only)
    evidence.files_at_end, evidence.submodules, evidence.tree_names, evidence.blobs_at_end = tree
    if window.head:
        evidence.window_commits = window_log(facts, window)


def _window_questions(facts: RepoFacts, window: Window) -> list[tuple[str, ...]]:
    """The window's diff, its tree listing and its log, in that order (committed windows)."""
    head = str(window.head)
    diff = (
        "diff",
        "--name-status",
        "-z",
        "-M",
        "--no-ext-diff",
        window.base or empty_tree(head),
        head,
    )
    known = trees.key(window) in facts.memo  # an earlier document's tree, parsed already
    return [diff, *([] if known else trees.questions(facts, head)), log_question(window)]


def _recreated(claims: list[Claim], evidence: Evidence) -> bool:
    """A file claimed created that the window as a whole modified (one of its commits may have
    deleted and added it again), or that is gone at its end (the commit that added the document
    may have removed it after the document was written): the commits are then read one by one."""
    for claim in claims:
        if claim.kind == "file" and claim.value.get("action") == "created":
            path = evidence.resolve(str(claim.value.get("path", "")))
            if path is None:
                continue
            acts = evidence.actions(path)
            gone = bool({"A", "R"} & acts) and path not in evidence.files_at_end
            if "M" in acts or gone:
                return True  # remade, or made and gone: by the document's own commit?
    return False


def _leftover_paths(evidence: Evidence, claims: list[Claim]) -> set[str]:
    """The claimed files the window's net diff does not settle."""
    paths: set[str] = set()
    for claim in claims:
        if claim.kind != "file":
            continue
        path = evidence.resolve(str(claim.value.get("path", "")))
        if path is None:
            continue
        action, net = claim.value.get("action"), evidence.actions(path)
        if (action == "created" and "A" not in net) or not net:
            paths.add(path)
    return paths


def _leftovers_question(window: Window, paths: set[str]) -> tuple[str, ...]:
    return (
        "--literal-pathspecs",
        "log",
        "--format=%x00",
        "--name-status",
        "-z",
        "-M",
        f"--max-count={WINDOW_LIMIT}",
        window.span,
        "--",
        *sorted(paths),
    )


def _leftovers(facts: RepoFacts, evidence: Evidence, claims: list[Claim]) -> None:
    """Per-commit actions, over the window only, for paths the net diff cannot settle."""
    window = evidence.window
    if window.head is None:
        return
    paths = _leftover_paths(evidence, claims)
    if not paths:
        return
    untouched = {p for p in paths if not evidence.actions(p)}
    history.branch_work(facts, evidence, claims, untouched)
    paths -= {p for p in untouched if evidence.actions(p)}  # found on the document's branch
    if not paths:
        return
    output = facts.git.run_renames(*_leftovers_question(window, paths))
    _parse_name_status([f.strip("\n") for f in output.split("\0")], evidence.changes)


def _early(evidence: Evidence, claims: list[Claim], unknown: list[str]) -> list[tuple[str, ...]]:
    """The ``check-ignore`` of ``unknown`` and, unless a named branch was merged (its work may
    settle a path first), the leftovers' ``log``: started together, not one after the other."""
    asked = [unknown_paths.ignore_question(unknown)] if unknown else []
    other = unknown_paths.other_refs_question(evidence) if unknown else None
    asked += [other] if other else []
    window = evidence.window
    paths = _leftover_paths(evidence, claims) if window.head is not None else set()
    if paths and not history.branch_merges(evidence, claims):
        asked.append(_leftovers_question(window, paths))
    return asked


def start(facts: RepoFacts, window: Window) -> None:
    """Start the window's diff, tree listing and log, which ``gather`` asks first, so that they
    run while the document's own checks are done. (If the window is widened to a cited commit
    in ``gather``, its diff and log are asked again with the new base: rare, and one process.)"""
    if window.head is not None and not window.staged and not facts.shallow:
        facts.git.prefetch(*_window_questions(facts, window))


def gather(
    facts: RepoFacts,
    window: Window,
    claims: list[Claim],
    doc_path: str,
    anchors: list[str] | None = None,
    globs: list[str] | None = None,
) -> Evidence:
    """Everything git can tell about ``claims``; ``anchors`` are commit ids listed in code blocks."""
    evidence = Evidence(
        window=window, shallow=facts.shallow, doc_dir=posixpath.dirname(doc_path), doc_path=doc_path
    )
    evidence.branches = facts.branches
    evidence.head_branch = facts.head_branch
    evidence.repo = facts
    start(facts, window)  # a no-op after the pipeline's: each command is started once
    _commit_evidence(facts, evidence, claims)
    window_fit.fit(facts, evidence, claims, anchors or [])
    if window.head is not None or window.staged:
        facts.git.prefetch(*history.questions(window, doc_path, claims))
        recent = facts.recent_question()
        if recent and any(c.kind == "branch" for c in claims):  # merges of the named branch
            facts.git.prefetch(recent)
        _window_evidence(facts, evidence)
        _drawn_paths(evidence, claims)
        _named_files(evidence, claims)
        facts.git.prefetch(*contents.line_count_questions(evidence, claims))
        unknown = unknown_paths.unknown_paths(evidence, claims)
        facts.git.prefetch(*_early(evidence, claims, unknown))
        history.branches(facts, evidence, claims)
        unknown_paths.gather_ignored(facts, evidence, unknown)
        _leftovers(facts, evidence, claims)
        contents.gather_line_counts(facts, evidence, claims)
        contents.gather_folder_sizes(facts, evidence, claims)
        contents.gather_texts(facts, evidence, claims)
        if any(c.kind == "stats" for c in claims):
            history.diffstats(facts, evidence)
            unfit = [c for c in claims if c.kind == "stats" and not stats_fit(c, evidence)]
            if unfit:
                history.later_starts(facts, evidence)
                history.before_closing_docs(facts, evidence)
            if any(c.value.get("files") == 1 for c in unfit):
                history.single_files(facts, evidence)
        if needs_inventory(claims, evidence):
            evidence.suite = inventory(facts, evidence)
        if window.head and (
            any(c.kind == "file_count" for c in claims) or _recreated(claims, evidence)
        ):
            evidence.commit_changes = history.commit_changes(facts, window)
    if any(c.kind == "tests" for c in claims):
        shas = [c.sha for c in evidence.window_commits]
        evidence.feature_status = contents.feature_status(
            facts.git, window, shas, evidence.files_at_end
        )
        timeline = any("session" in c.value for c in claims if c.kind == "tests")
        if timeline and evidence.feature_status and window.head:
            specs = pathspecs(list(globs or DEFAULT_GLOBS))
            evidence.session_features = contents.session_features(facts.git, window.head, specs)
    if window.head and any(
        c.value.get("measure") == "commits" for c in claims if c.kind == "counts"
    ):
        counted = facts.git.run("rev-list", "--count", window.head, check=False).strip()
        evidence.history_size = int(counted) if counted.isdigit() else -1
    return evidence


def unavailable(window: Window, reason: str) -> Evidence:
    return Evidence(window=window, available=False, unavailable_reason=reason)


def _named_files(evidence: Evidence, claims: list[Claim]) -> None:
    """A line count of a thing named, not pathed, is about the one created file called so."""
    if any(c.kind == "lines" and c.value.get("name") for c in claims):
        from handoff_lint.claims import named

        named.resolve(evidence, claims)


def _drawn_paths(evidence: Evidence, claims: list[Claim]) -> None:
    """A file a drawn tree puts in a folder where git has no such file is the file as written
    (the tree's folder was wrong: README.md drawn under docs/ lives at the root)."""
    for claim in claims:
        written = claim.value.get("written")
        if not written:
            continue
        drawn = str(claim.value["path"])
        if not evidence.known(evidence.resolve(drawn) or ""):
            # the tree's top folder may be the project's own name ("my-app/src/a.ts"): the
            # drawn path without its leading folders, the longest one git knows
            parts = drawn.split("/")
            inner = (
                "/".join(parts[i:])
                for i in range(1, len(parts) - 1)
                if evidence.known("/".join(parts[i:]))
            )
            claim.value["path"] = next(inner, written)
