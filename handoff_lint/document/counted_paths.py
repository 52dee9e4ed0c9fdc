"""Counts given to paths on one line: "`x.py` (74 lines)", "`x.sh` - 545 lines", "215 行
(errors.py)", a path that opens an item with its count in brackets at the end of the line, and
the one count a table row gives its file in another cell. The counts themselves are read by
``quantity``."""

from __future__ import annotations

import re

from handoff_lint import lazyre
from handoff_lint.document import quantity, textscan


def one_file(paths: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The one file ``paths`` name: a path alone, or a link's text and its target
    ("[task/executor.py](backend/task/executor.py)": the target, the longer)."""
    if len(paths) == 1:
        return paths[0]
    if len(paths) == 2:
        short, long = sorted(paths, key=lambda p: len(p[2]))
        if long[2] == short[2] or long[2].endswith("/" + short[2]):
            return (paths[0][0], max(p[1] for p in paths), long[2])
    return None


# what comes before the path that opens an item: its marker, a tick, a short label ("- ✅
# Created: `x.md`", "2. **Docs:** `x.md`") and the path's own emphasis
OPENING = lazyre.compile(
    r"\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:[✅✔☑️🆕]\uFE0F?\s*)*[*_]*"
    r"(?:[^\W\d_][^\W\d_ ]*(?:\s[^\W\d_]+){0,2}\s*[:：]\s*[*_]*\s*)?[`*_\[]*"
)
# the subject alone in brackets, or a link's target: "Core (`core.py`) - 352 lines",
# "[x.tsx](src/x.tsx) — 70 lines"
ALONE_OPEN = lazyre.compile(r"[(（][`*_]*$")
ALONE_CLOSE = lazyre.compile(r"[`*_]*[)）]")


# a callable named before the path, which the path only locates: "`price()` aus lib.rs (~107
# Zeilen)", "`parse()` method in `a.py` (60 lines)": the count is the callable's, not the file's
PART_BEFORE = lazyre.compile(
    r"`[^`\n]{1,80}\)`\s*(?:[^\W\d_]+\s+){0,2}?"
    r"(?:from|in|aus|von|im|de|du|dans|em|en|no|na|di|within|inside|of)\s+[`*_\[]*$",
    re.I,
)


# a drawn tree's entry whose name has words before the path found in it: the name has spaces
SPACED_NAME = lazyre.compile(
    r"^[\s│|]*(?:├──|└──|├─|└─|\|--|`--|\+--)\s*(?:[^\W\d_]{2,}[^\s`]*\s+)+$"
)


def _past_brackets(text: str, start: int, end: int) -> int:
    """Where the subject at ``start``..``end`` ends with the brackets it is alone in."""
    closing = ALONE_CLOSE.match(text, end)
    if closing and ALONE_OPEN.search(text, max(0, start - 4), start):
        return closing.end()
    return end


def opens_item(text: str, start: int) -> bool:
    """Whether only an item's marker, a tick and a short label come before ``start``."""
    return start <= 8 or OPENING.fullmatch(text, 0, start) is not None


def annotated(
    text: str, item_start: bool, units: tuple[str, ...], columns: bool = False
) -> list[tuple[int, str, quantity.Quantity]]:
    """(column offset, path, quantity) for each path of ``text`` given a count in one of
    ``units``: "`x.py` (74 lines)", "`x.sh` - 545 lines", "215 行 (errors.py)", and a path that
    opens an item with the count in brackets at the end of the line; in pasted tool output
    (``columns``), also "src/a.go      288 LOC"."""
    out: list[tuple[int, str, quantity.Quantity]] = []
    paths = textscan.path_tokens(text)
    for start, end, path in paths:
        if PART_BEFORE.search(text, max(0, start - 160), start):
            continue
        if columns and SPACED_NAME.match(text, 0, start):
            continue  # "├─ Modelo de Planificación moderno.md (214 L)": a name with spaces
        given = quantity.after(
            text, _past_brackets(text, start, end), columns
        ) or quantity.opened_before(text, start, end)
        out += [(start, path, q) for q in given if q.unit in units]
    one = one_file(paths)
    if not out and one is not None and item_start and opens_item(text, paths[0][0]):
        start, end, path = one
        out += [(start, path, q) for q in quantity.trailing(text, end) if q.unit in units]
    if not out:
        for start, end, path in paths:
            found = quantity.before(text, start, end) or quantity.before_in(text, start)
            if found is not None and found.unit in units:
                out.append((start, path, found))
    return out


def in_other_cells(
    cells: list[tuple[int, str]], column: int, unit: str
) -> tuple[int, str, quantity.Quantity] | None:
    """(the cell's start, its text, the count in it) of the one count of ``unit`` that the
    cells of a table row other than ``column`` give ("| `a_test.go` | Created with 20 tests
    (480 lines) |"); None for none, or several (the sizes of several parts)."""
    found = [
        (start, cell, q)
        for index, (start, cell) in enumerate(cells)
        if index != column
        for q in quantity.every(cell)
        if q.unit == unit
    ]
    return found[0] if len(found) == 1 else None
