"""The start of a coding agent's pull request: its "Initial plan" commit.

GitHub's Copilot coding agent works on one branch per task, forked from the default branch,
and opens every such branch with an empty commit whose subject is "Initial plan". A report the
agent commits on that branch tells of that task: its window starts at that commit, not at the
previous handoff document (which may be many merged pull requests older). The start is certain,
so the window is exact.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from handoff_lint.git.repo import RepoFacts
from handoff_lint.model import Origin
from handoff_lint.session.window_log import window_log

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

MARKER = "initial plan"


def start_at_plan(facts: RepoFacts, evidence: Evidence) -> None:
    """Start an implicit window at the newest "Initial plan" commit in it (see above)."""

    window = evidence.window
    if window.head is None or window.staged or window.explicit:
        return
    logged = window_log(facts, window)
    marker = next((c for c in logged if c.subject.strip().lower() == MARKER), None)
    if marker is None or not marker.parents or marker.sha == window.head:
        return
    evidence.window = replace(window, base=marker.parents[0], origin=Origin.AGENT_PLAN, steps=())
