"""The end of a session whose report was committed days after it was written, with later work.

An agent's report is often committed late: a person commits it with the next session's work, or
with other reports. Its window since the previous handoff then runs past the session it reports
on, and every claim of that session is judged against work done after the report was written.
When the report gives the day it was written ("**Date:** 2025-10-18"), the commit that adds it is
dated more than a day later, and the newest commit of the window on or before that day is the one
the report calls its latest ("**Latest Commit:** `4145c62`"), citing none after it, the session
ends at that commit. (Without that word the report may tell of later work too: it is judged
against the whole window.)
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from handoff_lint.git.repo import RepoFacts
from handoff_lint.model import Claim, Fit
from handoff_lint.session.window_log import window_log

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence


def _written_on(claims: list[Claim]) -> dt.date | None:
    """The one day the document says it was written (none when it gives several)."""
    days = {str(c.value["date"]) for c in claims if c.kind == "date" and not c.value.get("month")}
    return dt.date.fromisoformat(days.pop()) if len(days) == 1 else None


def _sha(claim: Claim, evidence: Evidence) -> str:
    """The full id of the commit a commit claim names ("" when it names none)."""
    found = evidence.objects.get(claim.text) if claim.kind == "commit" else None
    return found.sha if found is not None and found.type == "commit" else ""


def end_when_written(facts: RepoFacts, evidence: Evidence, claims: list[Claim]) -> None:
    """End an implicit window at the report's own day when it was committed later (see above)."""

    window = evidence.window
    written = _written_on(claims)
    if window.head is None or window.staged or window.explicit or written is None:
        return
    logged = window_log(facts, window)
    newest = logged[0].day if logged else None
    if newest is None or newest <= written + dt.timedelta(days=1):
        return  # committed the day it was written, or the next
    order = {c.sha: index for index, c in enumerate(logged)}
    cited = {o.sha for o in evidence.objects.values() if o.type == "commit" and o.sha in order}
    latest = {_sha(c, evidence) for c in claims if c.value.get("role") == "latest"}
    last = next((c for c in logged if c.day is not None and c.day <= written), None)
    if last is None or latest != {last.sha} or any(order[s] < order[last.sha] for s in cited):
        return
    evidence.window = window.moved(
        Fit.WRITTEN,
        f"ended at {last.sha[:7]}, the last commit of the document's date {written}: it was "
        "committed later, with later work",
        head=last.sha,
    )
