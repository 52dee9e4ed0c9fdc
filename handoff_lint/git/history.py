"""History facts of a window for some claim kinds: its commits, the branches holding its head,
the merges of named branches, each commit's changes; and the questions every kind will ask."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.git.repo import RECORD, RepoFacts
from handoff_lint.model import Claim, Window

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence


def commits_question(window: Window) -> tuple[str, ...]:
    """Every commit of the window (500 at most) with its diff stats."""
    return ("log", f"--format={RECORD}", "--shortstat", "--max-count=500", window.span)


def questions(window: Window, doc_path: str, claims: list[Claim]) -> list[tuple[str, ...]]:
    """The commands the claim kinds' gatherers will run for ``claims`` (to start early)."""
    from handoff_lint.claims import load

    asked = [
        question
        for kind in load().values()
        if kind.questions is not None
        for question in kind.questions(window, doc_path, claims)
    ]
    if window.head and any(c.kind == "file_count" for c in claims):
        asked.append(_changes_question(window))
    return asked


def contains_question(head: str) -> tuple[str, ...]:
    return ("for-each-ref", "--format=%(refname)", "--contains", head, "refs/heads", "refs/remotes")


DEFAULT_BRANCHES = ("main", "master", "trunk", "develop")


MAX_BRANCH_MERGES = 3
MERGE_NAMES = lazyre.compile(
    r"Merge branch '(?P<a>[^']+)'"
    r"|Merge remote-tracking branch '[^/']+/(?P<c>[^']+)'"  # "'origin/x'": the branch x
    r"|Merge pull request #\d+ from [^/\s]+/(?P<b>\S+)"
)


def merged_name(subject: str) -> str:
    """The branch a merge commit's subject names ('' when it names none)."""
    match = MERGE_NAMES.search(subject)
    return (match.group("a") or match.group("b") or match.group("c") or "") if match else ""


def branch_merges(evidence: Evidence, claims: list[Claim]) -> list[str]:
    """The recent merges, outside the window, of the branches the document names (at most
    MAX_BRANCH_MERGES): their side's commits are the session's too (``branch_work``)."""
    names = {c.text for c in claims if c.kind == "branch"}
    if not names:
        return []
    inside = {c.sha for c in evidence.window_commits}  # merged there: already the window's
    merges = [
        c.sha
        for c in evidence.recent_commits
        if c.sha not in inside and merged_name(c.subject) in names
    ]
    return merges[:MAX_BRANCH_MERGES]


def branch_work(facts: RepoFacts, evidence: Evidence, claims: list[Claim], paths: set[str]) -> None:
    """The document names its branch, and that branch was merged (before the previous handoff,
    when sessions run in parallel): the merged side's commits are the session's too. Their
    changes join the window's, for ``paths`` (claimed files the window does not explain). A
    branch merged more than once (a pull request per session) is looked at even when it holds the
    window's head: its earlier merges are outside the window."""
    if not paths:
        return
    for sha in branch_merges(evidence, claims):
        output = facts.git.run_renames(
            "--literal-pathspecs",
            "log",
            "--format=%x00",
            "--name-status",
            "-z",
            "-M",
            "--no-merges",
            "--max-count=200",
            f"{sha}^1..{sha}^2",
            "--",
            *sorted(paths),
        )
        evidence.parse_changes([f.strip("\n") for f in output.split("\0")])


def _changes_question(window: Window) -> tuple[str, ...]:
    return ("log", "--format=%x01", "--name-status", "-z", "-M", "--max-count=500", window.span)


def commit_changes(facts: RepoFacts, window: Window) -> list[dict[str, set[str]]]:
    """Each commit's changes in the window (500 at most), by path: one log."""
    from handoff_lint.git.evidence import parse_name_status

    output = facts.git.run_renames(*_changes_question(window))
    out: list[dict[str, set[str]]] = []
    for chunk in output.split("\x01")[1:]:
        changes: dict[str, set[str]] = {}
        parse_name_status([f.strip("\n") for f in chunk.split("\0") if f.strip("\n")], changes)
        if changes:
            out.append(changes)
    return out
