"""A count of commits given with the range it spans: "### Commits Applied (11 total: bc78c7b →
31f63cd)", "- **Commits**: bc78c7b..31f63cd (11 total)", "7 commits (a1b2c3d → e4f5a6b)".

The range is git's to count: the commits reachable from the second id and not from the first
(``rev-list --count A..B``), read as the document may mean it, with or without the first id
itself. Either count is accepted; any other number is refuted (HL402). A range whose ends git
does not know, or whose first end is not an ancestor of the second, is left unverifiable: the
commit claims of the two ids say what is wrong with them. One ``rev-list`` per range, for the
first MAX_RANGES ranges of a document.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.claims.walk import done_lines
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

MAX_RANGES = 8
HEX = r"`?(?P<{}>[0-9a-f]{{7,40}})`?"
ARROW = r"\s*(?:→|->|=>|\.\.\.?|⟶)\s*"
SPAN = HEX.format("first") + ARROW + HEX.format("last")
COUNTED = r"(?P<n>\d{1,4})\s+(?:(?:git\s+)?commits?\s*)?(?:in\s+)?(?:total)?"
# "(11 total: A → B)", "11 commits: A..B", "(7 commits, A → B)"
BEFORE = lazyre.compile(
    r"(?<![\w.])" + COUNTED + r"\s*[:：,]?\s*[(（]?\s*(?:from\s+)?" + SPAN + r"\b"
)
# "A → B (11 total)", "A..B (11 commits)"
AFTER = lazyre.compile(
    SPAN + r"\s*[(（]\s*(?P<n>\d{1,4})\s*(?:(?:git\s+)?commits?|total)(?:\s+total)?\s*[)）]"
)
NOUN = lazyre.compile(r"\bcommits?\b|\btotal\b", re.I)


def _found(text: str) -> re.Match[str] | None:
    """The count and range on a line of text, or None."""
    if not any(a in text for a in ("→", "..", "->", "=>")):
        return None
    for shape in (BEFORE, AFTER):
        match = shape.search(text)
        if match is not None and (shape is AFTER or NOUN.search(match.group(0))):
            return match
    return None


def covers(text: str, column: int) -> bool:
    """The count at ``column`` (0-based) of ``text`` is one of a range's (counts leaves it)."""
    match = _found(text) if "commit" in text.lower() else None
    return match is not None and match.start("n") == column


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for line in done_lines(doc):
        match = _found(line.text) if "commit" in line.folded else None
        if match is None:
            continue
        value = {
            "count": int(match.group("n")),
            "first": match.group("first"),
            "last": match.group("last"),
        }
        out.append(
            Claim("commit_range", match.group("n"), line.number, match.start("n") + 1, value)
        )
    return out


def _counted(evidence: Evidence, first: str, last: str) -> int | None:
    """How many commits ``first..last`` holds, or None when git cannot say (an unknown id, a
    first end that is not an ancestor of the last). One ``rev-list --left-right``."""
    if evidence.repo is None:
        return None
    answer = evidence.repo.git.run(
        "rev-list", "--count", "--left-right", f"{first}...{last}", "--", check=False
    ).split()
    if len(answer) != 2 or not all(n.isdigit() for n in answer) or answer[0] != "0":
        return None  # unknown ids, or commits of the first end's own: no one line of history
    return int(answer[1])


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for index, claim in enumerate(claims):
        if not evidence.available or index >= MAX_RANGES:
            claim.settle("unverifiable", evidence.unavailable_reason or "too many ranges to count")
            continue
        first, last = str(claim.value["first"]), str(claim.value["last"])
        counted = _counted(evidence, first, last)
        claimed = int(claim.value["count"])
        if counted is None:
            claim.settle("unverifiable", f"git cannot count {first}..{last}")
        elif claimed in (counted, counted + 1):
            claim.settle(
                "verified", f"{first}..{last} holds {counted} commits ({counted + 1} with {first})"
            )
        else:
            claim.settle(
                "refuted",
                f"{first}..{last} holds {counted} commits in git ({counted + 1} with {first}), "
                f"not {claimed}",
                "HL402",
                f"write {counted + 1}",
            )


register("commit_range", extract, verify)
