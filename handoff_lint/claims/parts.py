"""A total and the parts it is made of, on one line: the document's own arithmetic (issue 11,
item 5). No git is needed: the parts must add up to the total.

- "116 UI tests + 248 unit tests = 364 total tests": the sum written out;
- "11 unit tests (8 in name_index.rs, 2 in index_tests.rs)", "9 files (3 new, 6 modified)":
  a count with its parts in the bracket right after it;
- "118 total tests, 104 passing, 3 skipped, 9 failures", "Tests: 2 failed, 100 passed, 107
  total": a run's outcomes beside its total.

Only whole numbers are added; a part that is approximate ("~3", "5+"), a percent or a size
makes the line no breakdown.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.claims.walk import Line, done_lines
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

N = r"\d{1,3}(?:,\d{3})+|\d{1,6}"
QUICK = lazyre.compile(r"\d\s*(?:[\w ]{0,30})[+=(]|total|passed|passing|failed|failing", re.I)
# "116 UI tests + 248 unit tests = 364 total tests"
SUM = lazyre.compile(
    rf"(?<![\w.,~+-])(?P<terms>(?:{N})(?:\s+[^\W\d_]+){{0,3}}(?:\s*\+\s*(?:{N})(?:\s+[^\W\d_]+)"
    rf"{{0,3}})+)\s*=\s*(?P<total>{N})(?![\d.,%])"
)
TERM = lazyre.compile(rf"(?:^|\+)\s*(?P<n>{N})")
# "11 unit tests (8 in a.rs, 2 in b.rs)": a count, its noun, then the parts in brackets
BRACKETED = lazyre.compile(
    rf"(?<![\w.,~+-])(?P<total>{N})\s+(?P<noun>(?:[^\W\d_]+\s+){{0,2}}?"
    r"(?:tests?|files?|test\s+cases|items|tasks|fixes|bugs|issues|commits|endpoints|pages|"
    r"components|modules|scripts|documents|docs))\b[^()（）\d]{0,20}[(（](?P<parts>[^()（）]{3,200})[)）]"
)
PART = lazyre.compile(
    rf"^\s*(?P<n>{N})\s+(?:(?:in|from|for|of)\s+\S+|[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?)\s*$"
)
# a run's outcomes: "104 passing", "3 skipped", "9 failures"
OUTCOME = lazyre.compile(
    rf"(?<![\w.,~+-])(?P<n>{N})\s+(?P<word>passed|passing|pass|failed|failing|failures?|"
    r"skipped|pending|errors?|todo|xfail(?:ed)?|xpassed|broken|ignored)\b",
    re.I,
)
TOTAL = lazyre.compile(
    rf"(?<![\w.,~+-])(?P<n>{N})\s+total\b|\btotal\s*[:：]?\s*(?P<m>{N})(?![\d.,%])"
    rf"|(?<![\w.,~+-])(?P<k>{N})\s+total\s+tests\b",
    re.I,
)
# what is no part of a count: an estimate, a share, a size or time, a diff's lines ("5 files
# (384 insertions, 93 deletions)")
NOT_WHOLE = lazyre.compile(
    r"[~≈%]|\d\+|\d\s*(?:ms|s|kb|mb|lines?|行|insertions?|deletions?|additions?|changes)\b", re.I
)


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def _claim(line: Line, start: int, written: str, total: int, parts: list[int]) -> Claim:
    value = {"count": total, "parts": parts}
    return Claim("parts", written, line.number, start + 1, value)


def _sums(line: Line) -> list[Claim]:
    out: list[Claim] = []
    for match in SUM.finditer(line.text):
        terms = [_number(t.group("n")) for t in TERM.finditer(match.group("terms"))]
        if len(terms) >= 2 and not NOT_WHOLE.search(match.group(0)):
            total = match.group("total")
            out.append(_claim(line, match.start("total"), total, _number(total), terms))
    return out


def _bracketed(line: Line) -> list[Claim]:
    out: list[Claim] = []
    for match in BRACKETED.finditer(line.text):
        pieces = re.split(r"[,;、，]|\band\b", match.group("parts"))
        found = [PART.match(piece) for piece in pieces]
        if len(found) < 2 or not all(found) or NOT_WHOLE.search(match.group("parts")):
            continue
        parts = [_number(m.group("n")) for m in found if m]
        total = match.group("total")
        out.append(_claim(line, match.start("total"), total, _number(total), parts))
    return out


def _outcomes(line: Line) -> list[Claim]:
    totals = list(TOTAL.finditer(line.text))
    outcomes = list(OUTCOME.finditer(line.text))
    if len(totals) != 1 or len(outcomes) < 2 or NOT_WHOLE.search(line.text):
        return []
    match = totals[0]
    group = next(g for g in ("n", "m", "k") if match.group(g))
    parts = [_number(m.group("n")) for m in outcomes]
    total = match.group(group)
    return [_claim(line, match.start(group), total, _number(total), parts)]


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for line in done_lines(doc):
        if QUICK.search(line.text) is None:
            continue
        out += _sums(line) or _bracketed(line) or _outcomes(line)
    return out


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        parts = [int(n) for n in claim.value["parts"]]
        total = int(claim.value["count"])
        written = " + ".join(str(n) for n in parts)
        if sum(parts) == total:
            claim.settle("verified", f"{written} = {total}")
        else:
            claim.settle(
                "refuted",
                f"its parts on the same line add up to {sum(parts)} ({written}), not {total}",
                "HL402",
                f"write {sum(parts)}",
            )


register("parts", extract, verify)
