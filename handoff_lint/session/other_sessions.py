"""Sections that report an earlier session, written in the newest version of a document.

A progress log keeps one section per session ("## Session 1: setup", "## Session 2: timer",
... "## Session 4: audio"); an archive of evidence may repeat the first sessions' items under
"### Session 1". Where git blame says an earlier version wrote such a section, its claims are
judged in that version's window already (``versions``). Where the newest version wrote it (a
log written at once, a section added later), its claims are judged in the newest session's
window, which says nothing about the session it reports: "PROJECT.md created" under "###
Session 1" is not refuted by the file existing before session 4. Such a claim is left
unverifiable instead of refuted; verified claims stay verified. A commit id that names no
object at all is refuted in any window: no session could have made it.
"""

from __future__ import annotations

import re

from handoff_lint import lazyre
from handoff_lint.model import Claim, Document

ANY_WINDOW = frozenset({"HL201"})  # refuted whatever the session: the commit exists nowhere

# "## Session 2: ...", "### Session #3", "## Sessão 4", "### セッション 5"; the number first
SESSION = lazyre.compile(
    r"^\W*(?:session|sesión|sessão|sessao|sitzung|séance|sessione|セッション|会话|세션)"
    r"\s*#?\s*(?P<n>\d{1,4})\b",
    re.I,
)


def _number(title: str) -> int | None:
    found = SESSION.match(title)
    return int(found.group("n")) if found else None


def current(doc: Document) -> int | None:
    """The newest session the document's headings number, when they number two or more."""
    numbers = {n for s in doc.sections if (n := _number(s.title)) is not None}
    return max(numbers) if len(numbers) >= 2 else None


def excuse(doc: Document, found: list[Claim]) -> None:
    """Refuted claims in a section of an earlier session than the newest: unverifiable."""
    newest = current(doc) if any(c.verdict == "refuted" for c in found) else None
    if newest is None:
        return
    for claim in found:
        judged = claim.verdict == "refuted" and claim.rule not in ANY_WINDOW
        section = doc.section_at(claim.line) if judged else None
        chain = section.chain() if section is not None else []
        number = next((n for s in chain if (n := _number(s.title)) is not None), None)
        if number is not None and number < newest:
            claim.settle(
                "unverifiable",
                f"{claim.reason}; but the line reports session {number}, written with session "
                f"{newest}'s version: that session's window is not known",
            )
