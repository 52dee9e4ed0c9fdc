"""Line-count claims about files: "`x.ts` (74 lines)", "(NEW - 2,469 lines)", "| `x.py` | +21, -12 |".

A bare N is exact; "~N" is within 10% (at least 5 lines); "N+" means at least N. "+N" is the
file's insertions in one commit of the window or in the whole window. A plain N for a file the
window created is its line count at the end of the window; for a file that existed before, the
line count or the insertions agree with it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from handoff_lint import config, textscan
from handoff_lint.claims import register
from handoff_lint.claims.walk import Line, done_lines, header_index, table_cells
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.evidence import Evidence

NUMBER = (
    r"(?P<approx>~|≈|about\s+|approx\.?\s+)?(?P<plus>\+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?P<more>\+)?"
)
PAREN = re.compile(
    r"[`*_]*\s*\(\s*(?:(?:new|created|added)\b\s*[-,–:]?\s*)?"
    + NUMBER
    + r"\s+(?:new\s+)?lines?(?:\s+of\s+code)?(?:,\s*now\s+(?P<now>\d[\d,]*)\s+lines?)?\s*\)",
    re.I,
)
TRAILING = re.compile(r"\(\s*" + NUMBER + r"\s+(?:new\s+)?lines?\s*\)\s*\**\s*$", re.I)
CELL = re.compile(
    r"^\s*\**\s*" + NUMBER + r"\s*(?:new)?\s*(?:lines?)?\s*\**\s*(?:,\s*-(?P<del>\d+))?\s*$", re.I
)
PATH_AT = re.compile(
    r"`([^`]+)`|\*\*([^*\s]+)\*\*|(?<![\w/.-])([\w.-]+(?:/[\w.-]+)*\.\w{1,10})(?![\w/-])"
)


def _value(match: re.Match[str], path: str) -> dict[str, Any]:
    count = int(match.group("n").replace(",", ""))
    value: dict[str, Any] = {
        "path": path,
        "count": count,
        "measure": "insertions" if match.group("plus") else "lines",
    }
    if match.group("approx"):
        value["approx"] = True
    if match.group("more"):
        value["at_least"] = True
    return value


def _paths(text: str) -> list[tuple[int, int, str]]:
    """(start, end, path) of each path-like token of ``text``."""
    out = []
    for match in PATH_AT.finditer(text):
        group = next(g for g in (1, 2, 3) if match.group(g))
        raw = match.group(group)
        token = textscan.normalize_path(raw)
        if (
            textscan.looks_like_path(token, spaces=group == 1)
            and "::" not in token
            and token in raw
        ):
            out.append((match.start(group) + raw.find(token), match.end(), token))
    return out


def _prose_claims(line: Line) -> list[Claim]:
    out: list[Claim] = []
    paths = _paths(line.text)
    for start, end, path in paths:
        match = PAREN.match(line.text, end)
        if match:
            out.append(Claim("lines", path, line.number, start + 1, _value(match, path)))
    if not out and len(paths) == 1 and line.starts_item and paths[0][0] <= 6:
        match = TRAILING.search(line.text)
        if match and match.start() > paths[0][1]:
            start, _, path = paths[0]
            out.append(Claim("lines", path, line.number, start + 1, _value(match, path)))
    return out


def _table_claims(line: Line) -> list[Claim]:
    header = line.block.table_header
    column = header_index(header, "file", "path")
    cells = table_cells(line.text)
    if column < 0 or column + 1 >= len(cells):
        return []
    start, raw = cells[column]
    paths = _paths(raw)
    match = CELL.match(cells[column + 1][1])
    if not paths or not match:
        return []
    named = header[column + 1].lower() if column + 1 < len(header) else ""
    explicit = match.group("plus") or "new" in cells[column + 1][1].lower() or "line" in named
    if not (explicit or any(w in named for w in ("loc", "size", "change", "+"))):
        return []
    value = _value(match, paths[0][2])
    if match.group("del"):
        value["deletions"] = int(match.group("del"))
    return [Claim("lines", paths[0][2], line.number, start + paths[0][0] + 1, value)]


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for line in done_lines(doc):
        if line.block.kind == "table_row":
            out.extend(_table_claims(line))
        elif "line" in line.folded:  # PAREN and TRAILING need the word
            out.extend(_prose_claims(line))
    return out


def agrees(claimed: int, actual: int, value: dict[str, Any]) -> bool:
    if value.get("at_least"):
        return actual >= claimed
    if value.get("approx"):
        active = config.ACTIVE
        return abs(actual - claimed) <= max(
            active.approx_lines, claimed * active.approx_percent // 100
        )
    return actual == claimed


def _candidates(path: str, value: dict[str, Any], evidence: Evidence) -> tuple[list[int], str]:
    rows = evidence.numstat.get(path, [])
    inserted = [r[0] for r in rows] + ([sum(r[0] for r in rows)] if len(rows) > 1 else [])
    if value["measure"] == "insertions" and not rows and path in evidence.files_at_end:
        return [0], "insertions"  # the window did not touch the file
    if value["measure"] == "insertions":
        if "deletions" in value:
            pairs = [r for r in rows if r[1] == value["deletions"]]
            inserted = [r[0] for r in pairs] or inserted
        return inserted, "insertions"
    counts = sorted(evidence.line_counts.get(path, set()))
    if "A" in evidence.actions(path):
        return counts, "lines"
    return counts + inserted + [r[0] + r[1] for r in rows], "lines or insertions"


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        path = evidence.resolve(str(claim.value["path"])) if evidence.available else None
        if path is None or (path not in evidence.files_at_end and not evidence.numstat.get(path)):
            claim.settle(
                "unverifiable", "the file cannot be found at the end of the session window"
            )
            continue
        found, measure = _candidates(path, claim.value, evidence)
        claimed = int(claim.value["count"])
        if not found:
            claim.settle("unverifiable", f"git has no {measure} for {path} in the window")
        elif any(agrees(claimed, actual, claim.value) for actual in found):
            claim.settle("verified", f"{path}: {claimed} {measure} agrees with git")
        else:
            shown = ", ".join(str(n) for n in sorted(set(found))[:4])
            claim.settle("refuted", f"{path} has {shown} {measure} in git, not {claimed}", "HL305")


register("lines", extract, verify)
