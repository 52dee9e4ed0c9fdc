"""Second windows for refuted claims: the session run before the document, and the work
committed right after it (issue 12, item 6).

An agent often commits its summary first and the last fix minutes later, in the same session.
A claim the session window refutes but the window widened to those commits verifies is verified,
with a note naming the commit: the run of commits right after the document's, by the same
author, each within FOLLOW_GAP of the one before (FOLLOW_MAX at most).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from handoff_lint.claims.walk import NOWHERE
from handoff_lint.git.repo import RepoFacts
from handoff_lint.model import Claim, Fit, Window
from handoff_lint.session import window

FOLLOW_GAP = 3600  # seconds
FOLLOW_MAX = 20


@dataclass(frozen=True)
class After:
    """The last commit of the run after the document, and how long after it it came."""

    sha: str
    minutes: int


def run_after(facts: RepoFacts, head: str) -> After | None:
    """The run of commits right after ``head`` by its author (None when there is none): on the
    way to HEAD, or, with the document's own commit checked out detached (an audit of an old
    version), on the way to any ref that holds it. A branch whose tip is the document's commit
    (a hook's commit) has nothing after it: no git process is run for it."""
    if facts.head is None or (head == facts.head and facts.head_branch):
        return None
    first = facts.git.lines("log", "-1", "--format=%ae %ct", head, check=False)
    if not first or len(first[0].split(" ")) != 2:
        return None
    author, stamp = first[0].split(" ")
    start = previous = int(stamp)
    span = [f"{head}..{facts.head}"] if head != facts.head else ["--all", f"^{head}"]
    rows = facts.git.lines(
        "log", "--reverse", "--ancestry-path", "--format=%H %ae %ct", *span, check=False
    )
    last: After | None = None
    for row in rows[:FOLLOW_MAX]:
        sha, email, when = [*row.split(" "), "", "", ""][:3]
        if email != author or not when.isdigit() or int(when) - previous > FOLLOW_GAP:
            break
        previous = int(when)
        last = After(sha, max(0, (previous - start) // 60))
    return last


def settle(
    members: list[Claim],
    facts: RepoFacts,
    span: Window,
    judge: Callable[[Window], list[Claim]],
) -> None:
    """Verify, with a note, each refuted claim that the window widened to the run after the
    document verifies (``judge`` verifies copies of ``members`` against a window)."""
    if span.head is None or span.staged or not any(c.verdict == "refuted" for c in members):
        return
    after = run_after(facts, span.head)
    if after is None:
        return
    wider = replace(span, staged=False, notes=()).moved(Fit.AFTER, head=after.sha)
    for claim, other in zip(members, judge(wider), strict=True):
        if claim.verdict == "refuted" and other.verdict == "verified":
            claim.settle(
                "verified",
                f"{other.reason}, by {after.sha[:7]}, committed {after.minutes} min after the "
                "document (same author): the document was committed before that work",
            )
        elif _absent_then_read(claim, other):
            # "there is no X" was untrue: the run after the document adds X, still refuted
            claim.settle(
                "refuted",
                f"{other.reason} (in {after.sha[:7]}, committed {after.minutes} min after the "
                "document)",
                other.rule,
                other.fix,
            )


def _absent_then_read(claim: Claim, other: Claim) -> bool:
    """Refuted for a file the window lacks, and refuted on its content once the run after the
    document adds the file: the second reason is what git says."""
    return (
        claim.verdict == other.verdict == "refuted"
        and claim.reason.startswith(NOWHERE)
        and not other.reason.startswith(NOWHERE)
    )


def second_opinion(
    members: list[Claim],
    facts: RepoFacts,
    span: Window,
    judge: Callable[[Window], list[Claim]],
) -> None:
    """A second window for a claim that its own refutes: the last run of commits without a long
    pause, the session the document most likely reports on.

    A document with no earlier handoff was judged against the whole history before it: a claim
    is refuted only if it is refuted in both, and verified if either verifies it. A version of a
    living document was judged against the commits since its previous version, which an agent
    may have committed minutes earlier in the same session (or a parallel one committed for
    it), and an estimated window may start too late or too early: a claim that the run
    verifies is not refuted but unverifiable (right before loud)."""
    if span.head is None or span.staged:
        return
    if span.base is not None and not any(c.verdict == "refuted" for c in members):
        return
    tight = window.session_run(facts, span.head)
    if tight is None:
        return
    for claim, other in zip(members, judge(tight), strict=True):
        if span.base is not None:
            if claim.verdict == "refuted" and other.verdict == "verified":
                claim.settle(
                    "unverifiable",
                    f"{claim.reason}; but true of the commits since the last pause of more "
                    "than 6 hours, and where the session starts is not certain",
                )
            continue
        better = (claim.verdict == "refuted" and other.verdict != "refuted") or (
            claim.verdict == "unverifiable" and other.verdict == "verified"
        )
        if better:
            claim.settle(other.verdict, other.reason, other.rule, other.fix)
