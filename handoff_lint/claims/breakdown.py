"""A total over its breakdown: "Tests run: 33" (or "**Total:** 1,380 lines") right before a list
whose every item gives one count of the same unit ("- ParkingEventRepository: 8 тестов").

A list may leave some parts out, so parts that add up to less than the total say nothing; parts
that add up to more than the whole contradict it (HL402), and parts that add up to it agree. A
list of outcomes ("- Passing: 30", "- 2 failing tests") splits the same tests another way and is
no breakdown.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.claims.test_total import RUN, run_group
from handoff_lint.claims.walk import Line, done_lines
from handoff_lint.claims.witness import FENCE_LINE
from handoff_lint.document import quantity
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

UNITS = ("tests", "lines")
# a word that makes a count a total: "Total: 33 tests", "33 tests in all", "всего 33 теста"
TOTAL_WORD = lazyre.compile(
    r"\b(?:total|in\s+all|overall|altogether|insgesamt|gesamt)\b|всего|总计|合计|合計|共计", re.I
)
# a word every line that RUN or TOTAL_WORD matches holds: one test of the folded line, without
# word bounds or case folding, twice as fast as TOTAL_WORD itself on the 1 MB document
TOTAL_OR_RUN = lazyre.compile(
    r"total|in\s+all|overall|altogether|gesamt|run|example|всего|总计|合计|合計|共计"
)
OUTCOME = lazyre.compile(
    r"\b(?:pass\w*|fail\w*|skip\w*|error\w*|pending|ignored|flaky|broken)\b|通过|失败|跳过|"
    r"пройден|упал|пропущен",
    re.I,
)
ITEM = lazyre.compile(r"^(?P<indent>\s*)(?:[-*+]|\d{1,3}[.)])\s+")
MAX_GAP = 3  # blank lines and a closing fence between the total and its list


def _total(line: Line) -> tuple[int, int, str] | None:
    """(count, column, unit) of the one total the line gives."""
    run = RUN.search(line.text)
    if run is not None:  # "Tests run: 33", "14 examples, 0 failures", "Tests: 12 total"
        group = run_group(run)
        return int(run.group(group)), run.start(group), "tests"
    if not TOTAL_WORD.search(line.text):
        return None
    found = [q for q in quantity.every(line.text) if q.unit in UNITS]
    if len(found) != 1 or found[0].approx or found[0].at_least:
        return None
    return found[0].count, found[0].start, found[0].unit


def _parts(lines: list[str], start: int, unit: str) -> list[int]:
    """The count of ``unit`` each top-level item of the list that begins within MAX_GAP lines
    after index ``start`` gives; [] when an item gives none, several, or an outcome. Under a
    total that is itself a list item, only items nested in it are its parts (the next items of
    its own list are its siblings: "7. ParserTests (+6 tests, now 23 total)" then "8. ...")."""
    own = ITEM.match(lines[start - 1])
    index, gap = start, 0
    while index < len(lines) and gap <= MAX_GAP and not ITEM.match(lines[index]):
        if lines[index].strip() and not FENCE_LINE.match(lines[index]):
            return []
        index, gap = index + 1, gap + 1
    first = ITEM.match(lines[index]) if index < len(lines) else None
    if first is None:
        return []
    indent, parts = len(first.group("indent")), []
    if own is not None and indent <= len(own.group("indent")):
        return []
    for text in lines[index:]:
        item = ITEM.match(text)
        if not text.strip() or (item is None and len(text) - len(text.lstrip()) > indent):
            continue  # a blank line, or a line of the item above
        if item is None or len(item.group("indent")) < indent:
            break  # the list has ended
        if len(item.group("indent")) > indent:
            continue  # a nested item: a detail of its parent
        count = _part(text, unit)
        if count is None:
            return []
        parts.append(count)
    return parts if len(parts) >= 2 else []


# a total that opens its line ("- **Total**: 69 tests", "总计: 275个新测试"), and a word that
# narrows a total to some of the tests its parts count ("Total new tests: 20")
LEADING_TOTAL = lazyre.compile(
    r"^\s*(?:(?:[-*+]|\d{1,3}[.)])\s+)?[*_]*(?:total|overall|insgesamt|gesamt|всего|总计|合计|合計|共计)",
    re.I,
)
NARROWING = lazyre.compile(r"\b(?:new|added|passing|passed|failing|failed)\b|新|通过", re.I)


def _part(text: str, unit: str) -> int | None:
    found = [q for q in quantity.every(text) if q.unit == unit]
    if len(found) != 1 or found[0].approx or OUTCOME.search(text):
        return None
    return found[0].count


def _parts_above(lines: list[str], start: int, unit: str) -> list[int]:
    """The counts of the items right above a total that opens its line: its sibling items
    ("- Unit: 66 tests" ... "- **Total**: 69 tests"), or the list it closes; [] when an item
    gives none, several, or an outcome, or when the total narrows what they count."""
    text = lines[start - 1]
    if not LEADING_TOTAL.match(text) or NARROWING.search(text):
        return []
    own = ITEM.match(text)
    indent = len(own.group("indent")) if own else -1
    parts: list[int] = []
    end = start - 1
    while own is None and end > 0 and start - 1 - end < MAX_GAP and not lines[end - 1].strip():
        end -= 1  # the blank lines between a list and the paragraph that totals it
    for above in reversed(lines[:end]):
        item = ITEM.match(above)
        if item is None or (own is not None and len(item.group("indent")) < indent):
            break  # the list began (a blank line, a paragraph, a parent item)
        if indent < 0:
            indent = len(item.group("indent"))
        if len(item.group("indent")) > indent:
            continue  # a nested item: a detail of its parent
        count = _part(above, unit)
        if count is None or NARROWING.search(above):
            return []
        parts.append(count)
    return parts if len(parts) >= 2 else []


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for line in done_lines(doc):
        total = _total(line) if TOTAL_OR_RUN.search(line.folded) else None
        if total is None:
            continue
        count, column, unit = total
        parts = _parts(doc.lines, line.number, unit) or _parts_above(doc.lines, line.number, unit)
        if parts:
            value = {"count": count, "unit": unit, "parts": sum(parts), "items": len(parts)}
            out.append(Claim("breakdown", str(count), line.number, column + 1, value))
    return out


def verify(claims: list[Claim], evidence: Evidence) -> None:
    del evidence  # the document is its own witness
    for claim in claims:
        count, parts = int(claim.value["count"]), int(claim.value["parts"])
        unit, items = claim.value["unit"], claim.value["items"]
        if parts == count:
            claim.settle("verified", f"the {items} items under it give {parts} {unit} in all")
        elif parts > count:
            claim.settle(
                "refuted",
                f"the {items} items right under it give {parts} {unit} in all, more than the "
                f"{count} it totals",
                "HL402",
            )
        else:
            claim.settle(
                "unverifiable",
                f"the {items} items under it give {parts} {unit}: the list may leave some out",
            )


register("breakdown", extract, verify)
