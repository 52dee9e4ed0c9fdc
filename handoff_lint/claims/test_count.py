"""Test-count claims about one file: "`tests/test_x.py` (12 tests)", "`x_test.go` (302 lines,
9 tests)", "`FooTests.cs` (24个)", "Created `x.spec.ts` with 6 test cases".

The file must define that many tests at the end of the session window (``testdefs`` counts them
statically), or the session must have added that many to it. Where tests are generated at run
time (parametrized, data providers, subtests, loops) the count is unverifiable.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre, quantity, testdefs
from handoff_lint.claims import register
from handoff_lint.claims.tests_added import ADDED, added
from handoff_lint.claims.walk import claimed_text, done_lines
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.evidence import Evidence

TEST_FILE = lazyre.compile(
    r"test|spec", re.I
)  # a bare counter ("(24个)") counts a test file's tests
WORDS = lazyre.words("test", "spec", "个", "個", "件", "개", "테스트", "prueba", "teste")


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for line in done_lines(doc):
        if not WORDS.search(line.folded):
            continue
        if ADDED.search(line.text):
            continue  # "Added 3 tests in `x.py`": the tests_added kind's
        first = line.starts_item or line.first
        for _, path, found in quantity.annotated(line.text, first, ("tests", "count")):
            name = path.rsplit("/", 1)[-1]
            if found.unit == "count" and not TEST_FILE.search(name):
                continue
            if found.approx or found.at_least:
                continue  # "~20 tests", "20+ tests": no exact count to check
            value = {"path": path, "count": found.count}
            text = line.text[found.start : found.end]  # the count as written
            out.append(Claim("test_count", text, line.number, found.start + 1, value))
    return out


def _settle(claim: Claim, path: str, text: str, evidence: Evidence) -> None:
    found = testdefs.tests_in(path, text)
    claimed = int(claim.value["count"])
    if found is None:
        claim.settle("unverifiable", "handoff-lint does not know the file's test framework")
        return
    total = len(found.names)
    new = [added(path, before, text) for before in evidence.texts_at_start.get(path, [""])]
    if claimed == total or claimed in new:
        claim.settle("verified", f"the file defines {total} tests")
    elif found.dynamic:
        claim.settle(
            "unverifiable",
            f"the file defines {total} tests, some parametrized or generated: how many run "
            "is a run-time fact",
        )
    elif total == 0:
        claim.settle("unverifiable", "no test definitions recognised in the file")
    else:
        session = f" ({new[0]} added in the session)" if new and new[0] not in (None, total) else ""
        claim.settle(
            "refuted",
            f"the file defines {total} tests{session}, not {claimed}",
            "HL406",
            f"write {total}",
        )


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        found = claimed_text(claim, evidence, "HL406")
        if found is not None:
            claim.value["resolved"] = found[0]
            _settle(claim, found[0], found[1], evidence)


register("test_count", extract, verify)
