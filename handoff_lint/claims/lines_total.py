"""Totals of the files listed with their line counts: "- `a.md` (450 lines)", "- `b.md` (700
lines)", then "**Total documentation**: 1,150 lines".

A total counts the files listed right above it: it must equal the sum of their line counts in
git at the end of the window (a "~" total within 10%), however the document's own per-file
figures add up (a total that sums wrong figures is wrong too). Judged only when every listed
file was created in the window (for an older file a count may mean its insertions).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre, quantity, textscan
from handoff_lint.claims import register
from handoff_lint.claims.lines import LINE_WORDS, agrees
from handoff_lint.claims.walk import Line, done_lines
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.evidence import Evidence

TOTAL = lazyre.compile(
    r"\b(?:total|sum|in\s+all|insgesamt|gesamt)\b|总计|合计|總計|合計|共计", re.I
)
MAX_LISTED = 60


def _listed(line: Line) -> str | None:
    """The one file a line lists with its line count, or None."""
    if not LINE_WORDS.search(line.folded):
        return None
    found = quantity.annotated(line.text, line.starts_item or line.first, ("lines",))
    if len(found) != 1 or found[0][2].plus:
        return None
    return found[0][1]


def _total(line: Line) -> quantity.Quantity | None:
    """The line count a total line gives ("Total: 1,350 lines"), when it names no file."""
    if not TOTAL.search(line.text) or textscan.path_tokens(line.text):
        return None
    found = [q for q in quantity.every(line.text) if q.unit == "lines" and not q.plus]
    return found[0] if len(found) == 1 else None


def extract(doc: Document) -> list[Claim]:
    """Totals first (few lines hold one), then the files listed right above each, walking up
    while each line lists one file with its count (in the same section)."""
    lines = done_lines(doc)
    out: list[Claim] = []
    for index, line in enumerate(lines):
        if not LINE_WORDS.search(line.folded) or not TOTAL.search(line.text):
            continue
        total = _total(line)
        if total is None:
            continue
        listed: list[str] = []
        for above in reversed(lines[max(0, index - MAX_LISTED) : index]):
            path = _listed(above) if above.block.section is line.block.section else None
            if path is None:
                break
            listed.insert(0, path)
        if len(listed) >= 2:
            value = {"count": total.count, "paths": listed, "approx": total.approx}
            if total.at_least:
                value["at_least"] = True
            text = line.text[total.start : total.end]
            out.append(Claim("lines_total", text, line.number, total.start + 1, value))
    return out


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        paths = [
            evidence.resolve(str(p)) if evidence.available else None for p in claim.value["paths"]
        ]
        counts = [min(evidence.line_counts.get(p or "", set()), default=None) for p in paths]
        created = all(p is not None and "A" in evidence.actions(p) for p in paths)
        if not created or any(n is None for n in counts):
            claim.settle(
                "unverifiable",
                "not every file listed above was created in the session with a count git has",
            )
            continue
        actual = sum(n for n in counts if n is not None)
        claimed = int(claim.value["count"])
        if agrees(claimed, actual, claim.value):
            claim.settle("verified", f"the {len(paths)} files listed above hold {actual} lines")
        else:
            shown = " + ".join(str(n) for n in counts)
            claim.settle(
                "refuted",
                f"the {len(paths)} files listed above hold {shown} = {actual} lines in git, "
                f"not {claimed}",
                "HL305",
                f"write {actual}",
            )


register("lines_total", extract, verify)
