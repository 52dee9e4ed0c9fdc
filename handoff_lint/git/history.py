"""History facts of a window for some claim kinds: its diff stats, the branches holding its head."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.git.gitcmd import empty_tree
from handoff_lint.git.repo import RECORD, CommitInfo, RepoFacts, parse_records, parse_shortstat
from handoff_lint.model import Claim, Window

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence


def _diff_questions(window: Window, doc_path: str) -> list[tuple[str, ...]]:
    base = window.base or empty_tree(window.head)
    args = ("--cached", base) if window.staged else (base, str(window.head))
    net = ("diff", "--shortstat", *args)
    return [net, (*net, "--", ".", f":(exclude,literal){doc_path}")] if doc_path else [net]


def commits_question(window: Window) -> tuple[str, ...]:
    """Every commit of the window (500 at most) with its diff stats."""
    return ("log", f"--format={RECORD}", "--shortstat", "--max-count=500", window.span)


def questions(window: Window, doc_path: str, claims: list[Claim]) -> list[tuple[str, ...]]:
    """The commands ``diffstats`` and ``branches`` will run for ``claims`` (to start early)."""
    asked: list[tuple[str, ...]] = []
    if any(c.kind == "stats" for c in claims):
        asked += _diff_questions(window, doc_path)
        asked += [commits_question(window)] if window.head else []
    if window.head and any(c.kind == "branch" for c in claims):
        asked.append(contains_question(window.head))
    if window.head and any(c.kind == "file_count" for c in claims):
        asked.append(_changes_question(window))
    return asked


def diffstats(facts: RepoFacts, evidence: Evidence) -> None:
    """The window's net diff, the sum of its commits and each commit, as (files, +, -)."""
    window = evidence.window
    asked = _diff_questions(window, evidence.doc_path)
    net = CommitInfo("", "", "", None)
    parse_shortstat(facts.git.run_renames(*asked[0]), net)
    evidence.diffstats["the session's net diff"] = (net.files, net.insertions, net.deletions)
    if evidence.doc_path:
        work = CommitInfo("", "", "", None)
        parse_shortstat(facts.git.run_renames(*asked[1]), work)
        evidence.diffstats["the session's work without this document"] = (
            work.files,
            work.insertions,
            work.deletions,
        )
    if window.head:
        commits = parse_records(facts.git.run_renames(*commits_question(window)))
        total = (
            sum(c.files for c in commits),
            sum(c.insertions for c in commits),
            sum(c.deletions for c in commits),
        )
        evidence.diffstats["the sum of the session's commits"] = total
        own = [c for c in commits if c.sha == window.head]
        if own and len(commits) > 1:
            evidence.diffstats["the sum of the session's commits before this document's"] = (
                total[0] - own[0].files,
                total[1] - own[0].insertions,
                total[2] - own[0].deletions,
            )
        for info in commits:
            evidence.diffstats[f"commit {info.sha[:7]}"] = (
                info.files,
                info.insertions,
                info.deletions,
            )
    _cited_readings(evidence)


def _cited_readings(evidence: Evidence) -> None:
    """The commits the document cites, each and summed: "Total Changes: 4,177 insertions, 25
    deletions" under a list of four commits is their sum, wherever the window was drawn."""
    cited = list(evidence.commits.values())
    for info in cited:
        evidence.diffstats.setdefault(
            f"commit {info.sha[:7]}", (info.files, info.insertions, info.deletions)
        )
    if len(cited) > 1:
        evidence.diffstats["the sum of the commits the document cites"] = (
            -1,  # files: a file two commits change is counted once by git, twice by a sum
            sum(c.insertions for c in cited),
            sum(c.deletions for c in cited),
        )


MAX_FILE_READINGS = 2000


def single_files(facts: RepoFacts, evidence: Evidence) -> None:
    """Each file's change in each commit of the window, as a reading of one file: a claimed
    "1 file, +19/-8" is often one file of a commit that also changed others (its tests, its
    notes). Asked only when a one-file claim fits no other reading (one ``log --numstat``)."""
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
                name = f"{parts[2]} in commit {sha.strip()}"
                evidence.diffstats[name] = (1, int(parts[0]), int(parts[1]))
                if len(evidence.diffstats) > MAX_FILE_READINGS:
                    return


MAX_LATER_STARTS = 8


def later_starts(facts: RepoFacts, evidence: Evidence) -> None:
    """Where the window's start is an estimate, the session may have begun at any of its
    commits: the net diff from each of them (to the document's commit and to the one before
    it) is a reading too. Asked only when a claimed diff stat fits no other reading (at most
    eight starts, two ``diff --shortstat`` each, started together)."""
    commits = evidence.window_commits
    head = evidence.window.head
    if evidence.window_exact() or head is None or len(commits) < 3:
        return
    starts = [c.sha for c in commits[1 : MAX_LATER_STARTS + 1]]
    ends = [head, f"{head}^"]
    questions = [("diff", "--shortstat", f"{start}^", end) for start in starts for end in ends]
    facts.git.prefetch(*questions)
    for (_, _, start, end), question in zip(questions, questions, strict=True):
        info = CommitInfo("", "", "", None)
        parse_shortstat(facts.git.run_renames(*question), info)
        which = "the document's commit" if end == head else "the commit before the document"
        name = f"the net diff from {start[:7]} to {which}"
        evidence.diffstats[name] = (info.files, info.insertions, info.deletions)


# a conventional commit of documentation only: "docs: next steps", "docs(readme): ..."
DOCS_COMMIT = lazyre.compile(r"^docs(?:\([^)]*\))?!?:", re.I)


def closing_docs(commits: list[CommitInfo]) -> int:
    """How many of the window's newest commits (``commits`` newest first) are documentation
    commits closing it; -1 when every commit is one (or there is none)."""
    return next((i for i, c in enumerate(commits) if not DOCS_COMMIT.match(c.subject)), -1)


def before_closing_docs(facts: RepoFacts, evidence: Evidence) -> None:
    """The session's work often ends with commits of documents alone (its reports, a next-steps
    note): the net diff up to the last commit before them is a reading too (the work the report
    counts). Asked only when a claimed diff stat fits no other reading: one ``diff``."""
    commits = evidence.window_commits  # newest first
    index = closing_docs(commits)
    start = evidence.window.base
    if index < 1 or start is None:
        return  # no closing documentation commit, nothing but them, or the whole history
    end = commits[index].sha
    info = CommitInfo("", "", "", None)
    parse_shortstat(facts.git.run_renames("diff", "--shortstat", start, end), info)
    name = f"the net diff up to {end[:7]}, before the closing documentation commits"
    evidence.diffstats[name] = (info.files, info.insertions, info.deletions)


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
