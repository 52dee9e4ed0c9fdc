"""A file's size written twice: once with its file ("`scripts/validate.mjs` - 237 lines" in
the list of files) and once without ("the validator (237 lines)" in the summary). The count
without a subject is the same claim when exactly one file of the document is given that count
in that unit; it is checked as that file's size. A count under ``MIN_COUNT`` is too common to
tie to one file, a total ("Total: 450 lines") counts several, a line that names a path has its
own subject, and a table's row may count something else than its column says (a row of "Lines
of Code Added" is insertions)."""

from __future__ import annotations

from handoff_lint.claims.line_tables import CODE_UNIT, line_claim
from handoff_lint.claims.walk import Line
from handoff_lint.document import quantity, textscan
from handoff_lint.model import Claim

MIN_COUNT = 30


def _key(value: dict[str, object]) -> tuple[int, bool]:
    """A size as the echoes match it: its count, and whether it counts lines of code."""
    return int(str(value["count"])), bool(value.get("code"))


def _sizes(found: list[Claim]) -> dict[tuple[int, bool], set[str]]:
    """(count, lines of code) -> the files the document gives that size."""
    sizes: dict[tuple[int, bool], set[str]] = {}
    for claim in found:
        value = claim.value
        if value.get("path") and value.get("measure") == "lines" and not value.get("before"):
            sizes.setdefault(_key(value), set()).add(str(value["path"]))
    return sizes


def _name_echoes(
    found: list[Claim], sizes: dict[tuple[int, bool], set[str]], rows: set[int]
) -> None:
    for claim in found:
        value = claim.value
        if claim.line in rows or not value.get("name") or value.get("path"):
            continue
        paths = sizes.get(_key(value), set())
        if _key(value)[0] >= MIN_COUNT and len(paths) == 1:
            value["echo_path"] = next(iter(paths))


def echoes(lines: list[Line], found: list[Claim], rows: set[int]) -> list[Claim]:
    """Claims for the sizes on ``lines`` (lines that hold a unit of lines and no claim of
    their own) that repeat the size of exactly one file of ``found``. A size of a thing named
    ("Validator: 237 lines") that repeats one gets that file as ``echo_path``: its file when
    the name fits no file the session made. ``rows`` are the line numbers of table rows."""
    from handoff_lint.claims.lines_total import TOTAL  # it imports lines, which imports this

    sizes = _sizes(found)
    if not sizes:
        return []
    _name_echoes(found, sizes, rows)
    out: list[Claim] = []
    for line in lines:
        if line.number in rows or TOTAL.search(line.text) or textscan.path_tokens(line.text):
            continue
        for size in quantity.every(line.text):
            if size.unit != "lines" or size.count < MIN_COUNT:
                continue
            if size.plus or size.change or size.minus is not None:
                continue
            code = CODE_UNIT.search(line.text[size.start : size.end]) is not None
            paths = sizes.get((size.count, code), set())
            if len(paths) == 1:
                claim = line_claim(line, next(iter(paths)), size)
                claim.value["echo"] = True
                out.append(claim)
    return out
