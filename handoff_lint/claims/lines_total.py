"""Totals of the files listed with their line counts: "- `a.md` (450 lines)", "- `b.md` (700
lines)", then "**Total documentation**: 1,150 lines".

A total counts the files listed right above it: it must equal the sum of their line counts in
git at the end of the window (a "~" total within 10%), however the document's own per-file
figures add up (a total that sums wrong figures is wrong too). Judged only when every listed
file was created in the window (for an older file a count may mean its insertions).

A heading's own count ("### 3. Widgets (1,067 lines)") is about the files its section lists
("- `Sources/Widget.swift`", ...): some of them, or all, must hold that many lines (a section
may list a file its count leaves out, such as a README).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.claims.line_sizes import agrees
from handoff_lint.claims.line_tables import table_claims
from handoff_lint.claims.lines import LINE_WORDS
from handoff_lint.claims.walk import Line, cell_index, done_lines, table_cells
from handoff_lint.document import counted_paths, quantity, textscan
from handoff_lint.git import contents
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.config import Config
    from handoff_lint.git.evidence import Evidence

TOTAL = lazyre.compile(
    r"\b(?:total|sum|in\s+all|insgesamt|gesamt)\b|总计|合计|總計|合計|共计", re.I
)
MAX_LISTED = 60
MAX_PARTS = 8  # files of a section whose every selection is tried (2**8 - 1 sums)
ITEM_START = lazyre.compile(r"^\s*(?:[-*+]|\d+[.)])\s+[`*_\[]*$")


def _listed(line: Line) -> str | None:
    """The one file a line lists with its line count, or None."""
    if not LINE_WORDS.search(line.folded):
        return None
    found = counted_paths.annotated(line.text, line.starts_item or line.first, ("lines",))
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
                if _item_path(above) is not None:
                    listed = []  # "3. `docs/SUMMARY.md` - This file": a listed file with no count
                break
            listed.insert(0, path)
        if len(listed) >= 2:
            value = {"count": total.count, "paths": listed, "approx": total.approx}
            if total.at_least:
                value["at_least"] = True
            text = line.text[total.start : total.end]
            out.append(Claim("lines_total", text, line.number, total.start + 1, value))
    return out + _section_totals(lines) + _table_totals(lines)


TOTAL_CELL = lazyre.compile(r"^[\s*_]*(?:total|sum|gesamt|insgesamt|总计|合计|合計|總計)\b", re.I)
NUMBER_CELL = lazyre.compile(
    r"^[\s*_~≈]*(?P<n>\d{1,3}(?:,\d{3})+|\d+)[\s*_]*(?:lines?|行)?[\s*_]*$"
)


def _table_totals(lines: list[Line]) -> list[Claim]:
    """ "| **Total** | **2,254** |" under rows that each give one file's size in the same
    column: the total is the sum of the files' sizes in git (not of the rows as written)."""
    out: list[Claim] = []
    rows: list[tuple[str, int]] = []  # (path, cell index) of the rows above, in this table
    header: list[str] | None = None
    for line in lines:
        if line.block.kind != "table_row":
            rows, header = [], None
            continue
        if line.block.table_header is not header:
            rows, header = [], line.block.table_header
        cells = table_cells(line.text)
        if [c.strip() for _, c in cells] == header:
            continue  # the header row
        if cells and TOTAL_CELL.match(cells[0][1]):
            out.extend(_table_total(line, cells, rows))
            rows = []
            continue
        found = [c for c in table_claims(line) if c.value["measure"] == "lines"]
        if len(found) == 1 and not found[0].value.get("approx"):
            rows.append((str(found[0].value["path"]), cell_index(cells, found[0].column - 1)))
        else:
            rows = [("", -1)]  # a row that is not one file's size: no total over this table
    return out


def _table_total(
    line: Line, cells: list[tuple[int, str]], rows: list[tuple[str, int]]
) -> list[Claim]:
    columns = {index for _, index in rows}
    if len(rows) < 2 or len(columns) != 1 or -1 in columns:
        return []
    index = columns.pop()
    found = NUMBER_CELL.match(cells[index][1]) if index < len(cells) else None
    if found is None:
        return []
    written = found.group("n")
    value = {"count": int(written.replace(",", "")), "paths": [p for p, _ in rows], "sizes": True}
    column = cells[index][0] + found.start("n")
    return [Claim("lines_total", written, line.number, column + 1, value)]


def _item_path(line: Line) -> str | None:
    """The one path a list item starts with ("- `src/a.swift`", "1. **a.md** - notes")."""
    if not line.starts_item:
        return None
    found = textscan.path_tokens(line.text)
    if not found or not ITEM_START.match(line.text[: found[0][0]]):
        return None
    return found[0][2]


def _heading_count(line: Line) -> quantity.Quantity | None:
    """The one line count of a heading that names no file ("### 1. Sync (499 lines)")."""
    if line.block.kind != "heading" or textscan.path_tokens(line.text):
        return None
    found = [q for q in quantity.every(line.text) if q.unit == "lines"]
    if len(found) != 1 or found[0].plus or found[0].change:
        return None
    return found[0]


def _section_totals(lines: list[Line]) -> list[Claim]:
    """A heading's count of lines against the files its section lists, and a bold label's
    against the files of the list right under it: some of them, or all."""
    out: list[Claim] = []
    for index, line in enumerate(lines):
        if not LINE_WORDS.search(line.folded):
            continue
        heading = line.block.kind == "heading"
        count = _heading_count(line) if heading else _label_count(line)
        if count is None:
            continue
        listed: list[str] = []
        for below in lines[index + 1 : index + 1 + MAX_LISTED]:
            if below.block.section is not line.block.section:
                break
            if not heading and below.block.list_depth < 0:
                break  # a label's list ends with it
            path = _item_path(below)
            if path is not None and path not in listed:
                listed.append(path)
        if 1 <= len(listed) <= MAX_PARTS:
            value = {"count": count.count, "paths": listed, "approx": count.approx, "parts": True}
            if count.at_least:
                value["at_least"] = True
            text = line.text[count.start : count.end]
            out.append(Claim("lines_total", text, line.number, count.start + 1, value))
    return out


# "**Created (2 files, 344 lines):**": a bold label over the list right under it
LABEL = lazyre.compile(r"^\s*\*\*[^*]+\*\*\s*[:：]?\s*$|^\s*\*\*[^*]+[:：]\s*\*\*\s*$")


def _label_count(line: Line) -> quantity.Quantity | None:
    """The one line count of a bold label line that names no file and ends in a colon."""
    if "*" not in line.text or line.block.list_depth >= 0 or not line.first:
        return None
    if not LABEL.match(line.text):
        return None
    if not line.text.rstrip(" *").endswith((":", "：")) or textscan.path_tokens(line.text):
        return None
    found = [q for q in quantity.every(line.text) if q.unit == "lines"]
    if len(found) != 1 or found[0].plus or found[0].change:
        return None
    return found[0]


def _sums(counts: list[int]) -> list[int]:
    """The sum of every non-empty selection of ``counts``."""
    sums = {0}
    for n in counts:
        sums |= {s + n for s in sums}
    return sorted(sums - {0} if all(counts) else sums)


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        paths = [
            evidence.resolve(str(p)) if evidence.available else None for p in claim.value["paths"]
        ]
        counts = [
            min(contents.sizes(evidence).lines.get(p or "", set()), default=None) for p in paths
        ]
        created = all(p is not None and "A" in evidence.actions(p) for p in paths)
        sizes = bool(claim.value.get("sizes"))  # a column of sizes: what the files hold now
        if not (created or sizes) or any(n is None for n in counts):
            claim.settle(
                "unverifiable",
                "not every file listed above was created in the session with a count git has",
            )
            continue
        actual = sum(n for n in counts if n is not None)
        claimed = int(claim.value["count"])
        if claim.value.get("parts"):
            _settle_parts(claim, [n for n in counts if n is not None], evidence.settings)
        elif agrees(claimed, actual, claim.value, evidence.settings):
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


def _settle_parts(claim: Claim, counts: list[int], settings: Config) -> None:
    """A heading's count against the files its section lists: some of them, or all."""
    claimed = int(claim.value["count"])
    if any(agrees(claimed, n, claim.value, settings) for n in _sums(counts)):
        claim.settle("verified", f"files the section lists hold {claimed} lines")
        return
    shown = " + ".join(str(n) for n in counts)
    if len(counts) == 1:
        claim.settle(
            "refuted",
            f"the file the section lists holds {shown} lines in git, not {claimed}",
            "HL305",
            f"write {shown}",
        )
        return
    claim.settle(
        "refuted",
        f"the {len(counts)} files the section lists hold {shown} = {sum(counts)} lines in git: "
        f"no part of them adds up to {claimed}",
        "HL305",
    )


register("lines_total", extract, verify, contents.gather_sizes)
