"""Test counts about the whole repository or session: "All 69 tests passing", "Total tests: 90",
"307 new tests created", "275个新测试", "新規テスト 12件" (HL407).

A count of the session's new tests cannot exceed the tests the window added, nor a total the
tests the repository defines at its end (a partial count, of unit tests or of one area, may be
smaller). Refuted only when git's count is exact: every test file in a known framework and none
generated at run time (``suite``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre, textscan
from handoff_lint.claims import register
from handoff_lint.claims.walk import containing, table_cells
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.evidence import Evidence

N = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)"
KIND = r"(?:[\w-]+\s+){0,2}?(?:tests?|test\s+cases|specs)\b"
FOREIGN = (
    r"(?:testes|pruebas|tests|Tests|test)(?:\s+(?:unitári[oa]s|unitari[oa]s|de\s+integração))?"
)
ADDED = lazyre.compile(
    r"\b(?:added|created|wrote|written|implemented)\s+"
    + N
    + r"\s+(?:new\s+)?"
    + KIND
    + r"|\b"
    + N.replace("<n>", "<n2>")
    + r"\s+new\s+"
    + KIND
    + r"|"
    + N.replace("<n>", "<n3>")
    + r"\s*(?:个|個)\s*新(?:增)?(?:的)?(?:单元|集成)?测试"
    + r"|新(?:增|規|规)(?:的)?(?:单元|集成)?(?:测试|テスト)\s*[:：]?\s*\**\s*"
    + N.replace("<n>", "<n4>")
    # "47 novos testes", "50+ testes novos", "12 nuevas pruebas", "8 neue Tests"
    + r"|\b"
    + N.replace("<n>", "<n5>")
    + r"(?P<more>\+)?\s+(?:(?:novos|nuevos|nuevas|nouveaux|neue|nuovi)\s+"
    + FOREIGN
    + r"|"
    + FOREIGN
    + r"\s+(?:novos|nuevos|nuevas|nouveaux|neue|nuovi))\b",
    re.I,
)
TOTAL = lazyre.compile(
    r"\b(?:all|total(?:\s+of)?)\s+"
    + N
    + r"\s+"
    + KIND
    + r"|\btotal\s+tests?\**\s*[:：|]\s*\**\s*"
    + N.replace("<n>", "<n2>")
    + r"|(?:测试总数|总测试数|テスト総数|総テスト数)\**\s*[:：|]?\s*\**\s*"
    + N.replace("<n>", "<n3>"),
    re.I,
)
# "Passing: 68", "Tests passed: 120": no more can pass than the repository defines
PASSING = lazyre.compile(
    r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?\**(?:tests?\s+)?(?:passing|passed)\**\s*[:：]\s*\**\s*"
    + N
    + r"(?!\s*[%/.\d])",
    re.I,
)
WORDS = ("test", "spec", "测试", "テスト", "prueba", "passing", "passed")


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for line in containing(doc, *WORDS):
        if textscan.path_tokens(line.text):
            continue  # a count about a file is the test_count and tests_added kinds'
        text = line.text
        if line.block.kind == "table_row":  # "| Total tests | 90 |": label cell, value cell
            text = " : ".join(cell.strip(" *") for _, cell in table_cells(line.text))
        for measure, pattern in (("added", ADDED), ("total", TOTAL), ("passing", PASSING)):
            for match in pattern.finditer(text):
                group = next(g for g in match.groupdict() if g != "more" and match.group(g))
                written = match.group(group)
                start = match.start(group) if text is line.text else line.text.find(written)
                if start < 0:
                    continue
                value = {"count": int(written.replace(",", "")), "measure": measure}
                if match.groupdict().get("more"):
                    value["at_least"] = True
                out.append(Claim("test_total", written, line.number, start + 1, value))
    return out


def verify(claims: list[Claim], evidence: Evidence) -> None:
    found = evidence.suite
    for claim in claims:
        count, measure = int(claim.value["count"]), str(claim.value["measure"])
        if found is None or not evidence.available:
            claim.settle("unverifiable", "the repository's tests could not be counted")
            continue
        actual = found.added if measure == "added" else found.defined
        what = "the session added" if measure == "added" else "the repository defines"
        if measure == "passing" and not (count > actual and found.complete):
            claim.settle("unverifiable", "how many pass exists only at run time")
        elif count == actual or (claim.value.get("at_least") and actual >= count):
            claim.settle("verified", f"{what} {actual} tests")
        elif count > actual and found.complete:
            claim.settle(
                "refuted", f"{what} {actual} tests, not {count}", "HL407", f"write {actual}"
            )
        else:
            reason = "a part of them?" if count < actual else "some are generated or in a framework"
            claim.settle("unverifiable", f"{what} {actual} tests by a static count ({reason})")


register("test_total", extract, verify)
