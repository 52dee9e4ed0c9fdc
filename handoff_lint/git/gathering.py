"""Gather, in a bounded number of git processes, everything needed to settle a document's claims.

Per document: one ``cat-file --batch-check`` for every claimed id, one ``rev-list`` for the
reachability of all claimed commits, one ``log --no-walk`` for their subjects and stats, one
``diff --name-status`` for the window's net changes, one ``ls-tree``/``ls-files`` for the files at
its end, one ``log`` for the window's commits, and at most one bounded ``log`` over the window for
paths whose net change does not settle their claim. The answers fill one ``Evidence``.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from handoff_lint.claims import load
from handoff_lint.git import contents, history, trees, unknown_paths
from handoff_lint.git.evidence import Evidence, parse_name_status
from handoff_lint.git.gitcmd import empty_tree
from handoff_lint.git.repo import RECORD, ObjectInfo, RepoFacts, lookup_objects, parse_records
from handoff_lint.model import Claim, Window
from handoff_lint.session import window_fit
from handoff_lint.session.window_log import WINDOW_LIMIT, log_question, window_log

if TYPE_CHECKING:
    from handoff_lint.config import Config

MAX_AMBIGUOUS = 50  # short ids looked up again as commits, per document


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
    from handoff_lint.session.added import added_commit
    from handoff_lint.session.window import state

    if facts.head is None:
        return False
    return state(facts, relative)[1] or added_commit(facts, relative) == facts.head


def tree_questions(facts: RepoFacts, relative: str) -> list[tuple[str, ...]]:
    """The listing of the files at HEAD (the index's) that the document's window reads when it
    most likely ends at HEAD, to start before the window is known: for a staged document, or
    one HEAD's commit added (``trees.at_end``)."""
    from handoff_lint.session.added import added_commit
    from handoff_lint.session.window import state

    if facts.head is None:
        return []
    if state(facts, relative)[1]:
        return [trees.STAGED_TREE]
    return trees.questions(facts, facts.head) if added_commit(facts, relative) == facts.head else []


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
    parse_name_status(fields, evidence.changes)
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
    parse_name_status([f.strip("\n") for f in output.split("\0")], evidence.changes)


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
    settings: Config | None = None,
) -> Evidence:
    """Everything git can tell about ``claims``; ``anchors`` are commit ids listed in code blocks,
    ``settings`` the configuration in force (its globs name the handoff documents)."""
    evidence = Evidence(
        window=window, shallow=facts.shallow, doc_dir=posixpath.dirname(doc_path), doc_path=doc_path
    )
    if settings is not None:
        evidence.settings = settings
    evidence.branches = facts.branches
    evidence.head_branch = facts.head_branch
    evidence.repo = facts
    start(facts, window)  # a no-op after the pipeline's: each command is started once
    _commit_evidence(facts, evidence, claims)
    window_fit.fit(facts, evidence, claims, anchors or [])
    window = evidence.window  # fitted: the window every question below is about
    if window.head is not None or window.staged:
        facts.git.prefetch(*history.questions(window, doc_path, claims))
        recent = facts.recent_question()
        if recent and any(c.kind == "branch" for c in claims):  # merges of the named branch
            facts.git.prefetch(recent)
        _window_evidence(facts, evidence)
        _cited_submodules(evidence, claims)
        _drawn_paths(evidence, claims)
        _named_files(evidence, claims)
        facts.git.prefetch(*contents.line_count_questions(evidence, claims))
        unknown = unknown_paths.unknown_paths(evidence, claims)
        facts.git.prefetch(*_early(evidence, claims, unknown))
        unknown_paths.gather_ignored(facts, evidence, unknown)
        _leftovers(facts, evidence, claims)
        if window.head and (
            any(c.kind == "file_count" for c in claims) or _recreated(claims, evidence)
        ):
            evidence.commit_changes = history.commit_changes(facts, window)
    for kind in load().values():  # what a kind alone asks git
        if kind.gather is not None:
            kind.gather(facts, evidence, claims)
    return evidence


def _cited_submodules(evidence: Evidence, claims: list[Claim]) -> None:
    """The submodules the document names a path inside (the session worked in them)."""
    if evidence.submodules:
        paths = {str(c.value.get("path", "")) for c in claims}
        evidence.cited_submodules = {s for p in paths if (s := evidence.submodule_of(p))}


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
