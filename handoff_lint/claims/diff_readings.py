"""What git says a diff stat claim could be about: the window's net diff, the sum of its
commits, each commit, the commits the document cites; and, only when a claim fits none of
them, the window's later starts, the work before closing documentation commits, the
work a merge in the window brought in and each file of each commit. The stats kind asks these questions itself and keeps the answers in
the evidence's memo (``readings``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.git.gitcmd import empty_tree
from handoff_lint.git.history import commits_question
from handoff_lint.git.repo import CommitInfo, RepoFacts, parse_records, parse_shortstat
from handoff_lint.model import Claim, Window

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

Stat = tuple[int, int, int]  # files, insertions, deletions (-1: a number a reading lacks)
MEMO = ("stats",)
NET = "the session's net diff"
WORK = "the session's work without this document"
MAX_FILE_READINGS = 2000
MAX_LATER_STARTS = 8
# a conventional commit of documentation only: "docs: next steps", "docs(readme): ..."
DOCS_COMMIT = lazyre.compile(r"^docs(?:\([^)]*\))?!?:", re.I)


def _diff_questions(window: Window, doc_path: str) -> list[tuple[str, ...]]:
    base = window.base or empty_tree(window.head)
    args = ("--cached", base) if window.staged else (base, str(window.head))
    net = ("diff", "--shortstat", *args)
    return [net, (*net, "--", ".", f":(exclude,literal){doc_path}")] if doc_path else [net]


def _of_window(claim: Claim) -> bool:
    """A stat of the session, not of one commit (those are settled against their commit)."""
    return claim.kind == "stats" and not claim.value.get("commit")


def questions(window: Window, doc_path: str, claims: list[Claim]) -> list[tuple[str, ...]]:
    """The commands ``gather`` will run for the document's diff stats (to start them early)."""
    if not any(_of_window(c) for c in claims):
        return []
    return _diff_questions(window, doc_path) + ([commits_question(window)] if window.head else [])


def readings(evidence: Evidence) -> dict[str, Stat]:
    """The readings gathered for the window (empty when it has no stats claim or no diff)."""
    found = evidence.memo.get(MEMO)
    return found if isinstance(found, dict) else {}


def gather(facts: RepoFacts, evidence: Evidence, claims: list[Claim]) -> None:
    """The window's readings; the costlier ones only for claims the first ones do not fit."""
    window = evidence.window
    stats = [c for c in claims if _of_window(c)]
    if not stats or MEMO in evidence.memo or (window.head is None and not window.staged):
        return
    found = collect(facts, evidence)
    evidence.memo[MEMO] = found
    from handoff_lint.claims.stats import fitting

    unfit = [c for c in stats if not fitting(c, evidence)]
    if unfit:
        _later_starts(facts, evidence, found)
        _before_closing_docs(facts, evidence, found)
        _merged_work(facts, evidence, found)
    if any(c.value.get("files") == 1 for c in unfit):
        _single_files(facts, evidence, found)


def collect(facts: RepoFacts, evidence: Evidence) -> dict[str, Stat]:
    """The window's net diff, the sum of its commits and each commit, as (files, +, -)."""
    window = evidence.window
    asked = _diff_questions(window, evidence.doc_path)
    found = {NET: _shortstat(facts, asked[0])}
    if evidence.doc_path:
        found[WORK] = _shortstat(facts, asked[1])
    if window.head:
        commits = parse_records(facts.git.run_renames(*commits_question(window)))
        total = (
            sum(c.files for c in commits),
            sum(c.insertions for c in commits),
            sum(c.deletions for c in commits),
        )
        found["the sum of the session's commits"] = total
        own = [c for c in commits if c.sha == window.head]
        if own and len(commits) > 1:
            found["the sum of the session's commits before this document's"] = (
                total[0] - own[0].files,
                total[1] - own[0].insertions,
                total[2] - own[0].deletions,
            )
        for info in commits:
            found[f"commit {info.sha[:7]}"] = _stat(info)
    _cited(evidence, found)
    return found


def _stat(info: CommitInfo) -> Stat:
    return (info.files, info.insertions, info.deletions)


def _shortstat(facts: RepoFacts, question: tuple[str, ...]) -> Stat:
    info = CommitInfo("", "", "", None)
    parse_shortstat(facts.git.run_renames(*question), info)
    return _stat(info)


def _cited(evidence: Evidence, found: dict[str, Stat]) -> None:
    """The commits the document cites, each and summed: "Total Changes: 4,177 insertions, 25
    deletions" under a list of four commits is their sum, wherever the window was drawn."""
    cited = list(evidence.commits.values())
    for info in cited:
        found.setdefault(f"commit {info.sha[:7]}", _stat(info))
    if len(cited) > 1:
        found["the sum of the commits the document cites"] = (
            -1,  # files: a file two commits change is counted once by git, twice by a sum
            sum(c.insertions for c in cited),
            sum(c.deletions for c in cited),
        )


def _single_files(facts: RepoFacts, evidence: Evidence, found: dict[str, Stat]) -> None:
    """Each file's change in each commit of the window, as a reading of one file: a claimed
    "1 file, +19/-8" is often one file of a commit that also changed others (its tests, its
    notes). One ``log --numstat``."""
    window = evidence.window
    if window.head is None:
        return
    output = facts.git.run_renames(
        "log", "--numstat", "--format=%x00%h", "--max-count=500", window.span
    )
    for chunk in output.split("\0")[1:]:
        sha, _, rows = chunk.partition("\n")
        for row in rows.split("\n"):
            parts = row.split("\t")
            if len(parts) == 3 and parts[0].isdigit() and parts[1].isdigit():
                found[f"{parts[2]} in commit {sha.strip()}"] = (1, int(parts[0]), int(parts[1]))
                if len(found) > MAX_FILE_READINGS:
                    return


def _later_starts(facts: RepoFacts, evidence: Evidence, found: dict[str, Stat]) -> None:
    """The session may have begun at any of the window's newest commits, even after the
    previous handoff (other work between, a plan committed first): the net diff from each of
    them (to the document's commit and to the one before it) is a reading too (at most eight
    starts, two ``diff --shortstat`` each, started together). Asked only for a claim no other
    reading fits."""
    commits = evidence.window_commits
    head = evidence.window.head
    if head is None or len(commits) < 3:
        return
    starts = [c.sha for c in commits[1 : MAX_LATER_STARTS + 1]]
    ends = [head, f"{head}^"]
    asked = [("diff", "--shortstat", f"{start}^", end) for start in starts for end in ends]
    facts.git.prefetch(*asked)
    for question in asked:
        start, end = question[2][:-1], question[3]
        which = "the document's commit" if end == head else "the commit before the document"
        found[f"the net diff from {start[:7]} to {which}"] = _shortstat(facts, question)


MAX_MERGES = 3


def _merged_work(facts: RepoFacts, evidence: Evidence, found: dict[str, Stat]) -> None:
    """A session on a branch merged within the window: the work the merge brought in (from
    where the branch left its first parent to its tip) is a reading too. Asked only when a
    claimed diff stat fits no other reading (one ``diff`` a merge, at most three)."""
    merges = [c for c in evidence.window_commits if len(c.parents) == 2][:MAX_MERGES]
    asked = [("diff", "--shortstat", f"{m.parents[0]}...{m.parents[1]}") for m in merges]
    facts.git.prefetch(*asked)
    for merge, question in zip(merges, asked, strict=True):
        found[f"the work merge {merge.sha[:7]} brought in"] = _shortstat(facts, question)


def closing_docs(commits: list[CommitInfo]) -> int:
    """How many of the window's newest commits (``commits`` newest first) are documentation
    commits closing it; -1 when every commit is one (or there is none)."""
    return next((i for i, c in enumerate(commits) if not DOCS_COMMIT.match(c.subject)), -1)


def _before_closing_docs(facts: RepoFacts, evidence: Evidence, found: dict[str, Stat]) -> None:
    """The session's work often ends with commits of documents alone (its reports, a next-steps
    note): the net diff up to the last commit before them is a reading too (the work the report
    counts). One ``diff``."""
    commits = evidence.window_commits  # newest first
    index = closing_docs(commits)
    start = evidence.window.base
    if index < 1 or start is None:
        return  # no closing documentation commit, nothing but them, or the whole history
    end = commits[index].sha
    name = f"the net diff up to {end[:7]}, before the closing documentation commits"
    found[name] = _shortstat(facts, ("diff", "--shortstat", start, end))
