"""``check --fix --unsafe-fixes``: the fixes git supports but a person should look at (ruff's
sense: the edit may change what the writer meant).

- an unknown commit id whose subject, as the document gives it, matches exactly one commit of
  the session window: the id becomes that commit's (HL201);
- a file listed as created that the session only modified: the action word becomes "modified"
  where it stands alone, on the item's line or, for a whole list, in its heading (HL302);
- a count judged against git rather than the document's own list (the window's commits, files
  created or modified): git's count (HL402, the number-only edit of ``fixer``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handoff_lint.model import Claim

COMMIT = re.compile(r"^write (?P<sha>[0-9a-f]{7,40}), the session's one commit ")
ACTION = re.compile(
    r"\b(?:created|new|added|modified|updated|deleted|removed|renamed|moved)\b", re.I
)
CREATED = {"created", "new", "added"}


def commit_id(line: str, claim: Claim) -> str | None:
    """The unknown id at the claim's column replaced by the one commit its subject names."""
    fix, start = COMMIT.match(claim.fix), claim.column - 1
    if fix is None or line[start : start + len(claim.text)] != claim.text:
        return None
    return line[:start] + fix.group("sha") + line[start + len(claim.text) :]


def _word(line: str) -> re.Match[str] | None:
    """The one action word of ``line`` when it is a word of creating, else None."""
    found = list(ACTION.finditer(line))
    return found[0] if len(found) == 1 and found[0].group(0).lower() in CREATED else None


def action(line: str) -> str | None:
    """``line`` with its one word of creating replaced by "modified", in its letter case."""
    found = _word(line)
    if found is None:
        return None
    word = found.group(0)
    new = "MODIFIED" if word.isupper() else "Modified" if word[0].isupper() else "modified"
    return line[: found.start()] + new + line[found.end() :]


def _refuted_as_created(claim: Claim) -> bool:
    return claim.verdict == "refuted" and claim.rule == "HL302" and claim.fix == "write modified"


def action_target(claim: Claim, lines: list[str], claims: list[Claim]) -> int:
    """The line whose action word a HL302 fix rewrites: the item's own line when the word is
    there, else the heading of its list when every file it lists as created was modified; 0
    when the word does not stand alone (another file on the line, or in the list, was
    created)."""
    if not _refuted_as_created(claim) or not 0 < claim.line <= len(lines):
        return 0
    same_line = [c for c in claims if c.kind == "file" and c.line == claim.line]
    if _word(lines[claim.line - 1]) is not None:
        return claim.line if all(_refuted_as_created(c) for c in same_line) else 0
    if ACTION.search(lines[claim.line - 1]):
        return 0
    heading = int(str(claim.value.get("list", "0:")).split(":")[0] or 0)
    if not 0 < heading <= len(lines) or _word(lines[heading - 1]) is None:
        return 0
    listed = [
        c
        for c in claims
        if c.kind == "file"
        and str(c.value.get("list", "")).split(":")[0] == str(heading)
        and c.value.get("action") == "created"
    ]
    return heading if all(_refuted_as_created(c) for c in listed) else 0
