"""Test-count claims: 'X/Y tests passing (Z%)' and similar ratios; the arithmetic is checked."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from handoff_lint import roles
from handoff_lint.claims import register
from handoff_lint.claims.walk import prose_lines
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.evidence import Evidence

RATIO = r"(?<![\d/.,])(?P<x>\d{1,6})\s*/\s*(?P<y>\d{1,6})(?![\d/.])"
PERCENT = r"(?P<p>\d{1,3}(?:\.\d+)?)\s*%"
WORDS = r"(?:\s+[A-Za-z][\w-]*){0,3}?"
AFTER = re.compile(RATIO + WORDS + r"\s*[(\[]\s*" + PERCENT + r"\s*[)\]]")
BEFORE = re.compile(PERCENT + WORDS + r"\s*[(\[]\s*" + RATIO + r"\s*[)\]]")
PLAIN = re.compile(
    RATIO
    + r"\s+(?:[\w-]+\s+)?(?P<word>tests?|passing|passed|pass|features?|tasks?|fixed|complete[d]?|done)\b",
    re.I,
)


def _claims_on(text: str, number: int) -> list[Claim]:
    out: list[Claim] = []
    taken: list[tuple[int, int]] = []
    for pattern in (AFTER, BEFORE, PLAIN):
        for match in pattern.finditer(text):
            if any(s <= match.start("x") < e for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            x, y = int(match.group("x")), int(match.group("y"))
            value: dict[str, object] = {"passed": x, "total": y}
            if "p" in match.groupdict() and match.group("p"):
                value["percent"] = match.group("p")
            text_ = f"{match.group('x')}/{match.group('y')}"
            out.append(Claim("tests", text_, number, match.start("x") + 1, value))
    return out


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for line in prose_lines(doc):
        if not roles.in_plan(line.block.section):
            out.extend(_claims_on(line.text, line.number))
    return out


def percent_agrees(passed: int, total: int, written: str) -> bool:
    """Z% agrees with X/Y when it is X/Y rounded up or down to the digits written."""
    decimals = len(written.split(".", 1)[1]) if "." in written else 0
    scale = 10**decimals
    exact = passed / total * 100 * scale
    low, high = math.floor(exact + 1e-9) / scale, math.ceil(exact - 1e-9) / scale
    return bool(low - 1e-9 <= float(written) <= high + 1e-9)


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        passed, total = int(claim.value["passed"]), int(claim.value["total"])
        percent = claim.value.get("percent")
        if passed > total:
            claim.settle("refuted", f"{passed} of {total} is more than all of them", "HL401")
        elif percent is None or total == 0:
            claim.settle("unverifiable", "pass/fail exists only at run time")
        elif percent_agrees(passed, total, str(percent)):
            claim.settle(
                "unverifiable",
                f"{claim.text} = {percent}% adds up; pass/fail exists only at run time",
            )
        else:
            exact = passed / total * 100
            claim.settle(
                "refuted",
                f"{claim.text} is {exact:.2f}%, not {percent}%",
                "HL401",
                f"write {round(exact, len(str(percent).partition('.')[2]) or None)}%",
            )


register("tests", extract, verify)
