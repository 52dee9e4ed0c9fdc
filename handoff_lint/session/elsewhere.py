"""The window of a report on the work of another branch.

"### Commits in postgres-migration (not in master)" over a pasted log: a document committed on
one branch may report on the commits of another that is not merged. When none of the commits it
cites (two or more) is in its window, they lie on one line of history (one of them holds all
the others), that line forked from the document's own history, and no default branch (main,
master, trunk, develop) holds it, and none of them has the subject of a commit of the window
or of a recent one (the copy a rebase or squash left behind), the session is that branch's work: its commits up to the newest cited one, and its diff from the document's own commit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from handoff_lint.git import history
from handoff_lint.git.repo import RepoFacts
from handoff_lint.model import Fit
from handoff_lint.session.window_log import WINDOW_LIMIT, window_log

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence


def _merged(facts: RepoFacts, tip: str) -> bool:
    """Whether a default branch (main, master, ...; local or remote) holds ``tip``: then the
    document reports work that was merged, not another branch's."""
    refs = facts.git.lines(*history.contains_question(tip), check=False)
    return any(ref.rsplit("/", 1)[-1] in history.DEFAULT_BRANCHES for ref in refs)


def to_branch(facts: RepoFacts, evidence: Evidence) -> None:
    """Move an implicit window onto the branch whose commits the document cites (see above)."""

    window = evidence.window
    if window.head is None or window.staged or window.explicit:
        return
    found = {o.sha for o in evidence.objects.values() if o.type == "commit" and o.sha}
    cited = sorted(found - evidence.unreachable)
    if len(cited) < 2:
        return
    logged = window_log(facts, window)
    if {c.sha for c in logged} & set(cited):
        return  # the window holds some of them: a report of its own session
    subjects = {c.subject.strip() for c in [*logged, *evidence.recent_commits]}
    if any(info.subject.strip() in subjects for info in evidence.commits.values()):
        return  # copies of the history's commits from before a rebase or squash: not a branch
    git = facts.git
    tips = git.lines("merge-base", "--independent", *cited, check=False)
    if len(tips) != 1:
        return
    tip = tips[0]
    fork = git.run("merge-base", window.head, tip, check=False).strip()
    if not fork or fork == tip:
        return  # older commits of the document's own history, not another branch
    line = set(git.lines("rev-list", f"--max-count={WINDOW_LIMIT}", f"{fork}..{tip}", check=False))
    if not set(cited) <= line or _merged(facts, tip):
        return
    # from the document's own commit: the same commits (those of the branch), and the diff a
    # comparison of the two branches shows ("git diff master postgres-migration")
    evidence.window = window.moved(
        Fit.BRANCH,
        f"the work of the branch it reports on (forked at {fork[:7]}, to {tip[:7]}): none of "
        "the commits it cites is in its own history",
        base=window.head,
        head=tip,
    )
