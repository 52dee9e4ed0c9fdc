"""History facts of a window for some claim kinds: its diff stats, the branches holding its head."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handoff_lint.gitcmd import EMPTY_TREE
from handoff_lint.model import Claim
from handoff_lint.repo import RECORD, CommitInfo, RepoFacts, parse_records, parse_shortstat

if TYPE_CHECKING:
    from handoff_lint.evidence import Evidence


def diffstats(facts: RepoFacts, evidence: Evidence) -> None:
    """The window's net diff, the sum of its commits and each commit, as (files, +, -)."""
    window = evidence.window
    base = window.base or EMPTY_TREE
    args = ["--cached", base] if window.staged else [base, str(window.head)]
    net = CommitInfo("", "", "", None)
    parse_shortstat(facts.git.run("diff", "--shortstat", *args, check=False), net)
    evidence.diffstats["the session's net diff"] = (net.files, net.insertions, net.deletions)
    if evidence.doc_path:
        work = CommitInfo("", "", "", None)
        parse_shortstat(
            facts.git.run(
                "diff",
                "--shortstat",
                *args,
                "--",
                ".",
                f":(exclude,literal){evidence.doc_path}",
                check=False,
            ),
            work,
        )
        evidence.diffstats["the session's work without this document"] = (
            work.files,
            work.insertions,
            work.deletions,
        )
    if window.head:
        span = f"{window.base}..{window.head}" if window.base else window.head
        commits = parse_records(
            facts.git.run(
                "log", f"--format={RECORD}", "--shortstat", "--max-count=500", span, check=False
            )
        )
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


def branches(facts: RepoFacts, evidence: Evidence, claims: list[Claim]) -> None:
    """Branches (short names, remote prefix dropped too) that hold the window's last commit."""
    head = evidence.window.head
    if head is None or not any(c.kind == "branch" for c in claims):
        return
    refs = facts.git.lines(
        "for-each-ref",
        "--format=%(refname)",
        "--contains",
        head,
        "refs/heads",
        "refs/remotes",
        check=False,
    )
    containing: set[str] = set()
    for ref in refs:
        short = ref.removeprefix("refs/heads/").removeprefix("refs/remotes/")
        containing.add(short)
        if ref.startswith("refs/remotes/") and "/" in short:
            containing.add(short.split("/", 1)[1])
    evidence.containing = containing
