"""Fit a session window to what the document says, before its evidence is read.

``window.compute`` finds the window from the history alone (the previous handoff, a pause, the
whole history); these steps move its ends by the document's own evidence, in order:

1. to the oldest commit the document cites (a report committed late, or with the next work);
2. to the commit that wrote the document's own version (``written``);
3. onto the branch whose commits it cites when none of them is in the window (``elsewhere``);
4. to a coding agent's task branch, from its "Initial plan" commit (``agent_start``);
5. to a shallow clone's boundary (what lies beyond it is unverifiable).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from handoff_lint.git.repo import RepoFacts, lookup_objects, sha_of
from handoff_lint.model import Claim, Fit
from handoff_lint.session import agent_start, elsewhere, written
from handoff_lint.session.window_log import WINDOW_LIMIT, window_log

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence


def fit(facts: RepoFacts, evidence: Evidence, claims: list[Claim], anchors: list[str]) -> None:
    """Move ``evidence.window`` by the steps above (``anchors``: ids listed in code blocks)."""
    _widen_to_cited(facts, evidence, anchors)
    written.end_when_written(facts, evidence, claims)
    elsewhere.to_branch(facts, evidence)
    agent_start.start_at_plan(facts, evidence)
    if facts.shallow and evidence.window.head is not None:
        _start_at_boundary(facts, evidence)


def _widen_to_cited(facts: RepoFacts, evidence: Evidence, anchors: list[str]) -> None:
    """Fit an implicit window to the commits the document cites.

    Documents are often committed late, or with the next session's work; the commits they cite
    are the best anchor of the session they report on. A window since the previous handoff is
    widened to hold the oldest cited ancestor of its head; a whole-history window (a first
    handoff document) that cites two or more commits starts at the oldest of them.
    """
    window = evidence.window
    if window.head is None or window.explicit:
        return
    found = lookup_objects(facts.git, anchors)
    listed = {o.sha for o in found.values() if o.status == "found" and o.type == "commit"}
    claimed = {o.sha for o in evidence.objects.values() if o.type == "commit"}
    cited = sorted((claimed | listed) - evidence.unreachable)
    if not cited or (window.base is None and len(cited) < 2):
        return
    if window.base is not None:
        inside = {c.sha for c in window_log(facts, window)}
        if inside.issuperset(cited):
            return  # every cited commit is in the window already: nothing to widen (no merge-base)
    outside = set(facts.git.lines("merge-base", "--independent", window.head, *cited, check=False))
    ancestors = [c for c in cited if c not in outside or c == window.head]
    if not ancestors or (window.base is None and len(ancestors) < 2):
        return
    start = [window.base] if window.base else []
    oldest = facts.git.run("merge-base", "--octopus", *start, *ancestors, check=False).strip()
    if oldest and oldest != window.base and oldest in ancestors:
        evidence.window = window.moved(Fit.CITED, base=sha_of(facts.git, f"{oldest}^"))


def _start_at_boundary(facts: RepoFacts, evidence: Evidence) -> None:
    """In a shallow clone, a window reaching the boundary starts at it (the boundary commit's diff
    would show every file as added) and is marked truncated: what it cannot see is unverifiable."""
    where = facts.git.run("rev-parse", "--git-path", "shallow", check=False).strip()
    path = Path(where) if Path(where).is_absolute() else facts.root / where
    try:
        boundary = path.read_text(encoding="utf-8").split()
    except OSError:
        return
    window = evidence.window
    visible = set(
        facts.git.lines("rev-list", f"--max-count={WINDOW_LIMIT}", window.span, check=False)
    )
    reached = [b for b in boundary if b in visible or b == window.base]
    if window.base is None or reached:
        start = reached[0] if reached else window.base
        evidence.window = window.moved(Fit.SHALLOW, base=start)
        evidence.truncated = True
