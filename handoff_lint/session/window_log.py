"""The commits of a session window, read once: every step that fits the window (``window_fit``)
and every kind of evidence reads them, and the log is parsed again only when the window moves.
"""

from __future__ import annotations

from handoff_lint.git.repo import RECORD, CommitInfo, RepoFacts, parse_records
from handoff_lint.model import Window

WINDOW_LIMIT = 5000  # commits of a window read at most


def log_question(window: Window) -> tuple[str, ...]:
    return ("log", f"--format={RECORD}", f"--max-count={WINDOW_LIMIT}", window.span)


def window_log(facts: RepoFacts, window: Window) -> list[CommitInfo]:
    """The window's commits, newest first. The steps that fit the window and the evidence all
    read them: the log is parsed once while the window stays the same (up to 5,000 records)."""
    key = ("window log",)
    span, found = facts.memo.get(key, (None, None))
    if span != window.span or found is None:
        found = parse_records(facts.git.run(*log_question(window), check=False))
        facts.memo[key] = (window.span, found)
    return list(found)
