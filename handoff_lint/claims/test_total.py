"""Test counts about the whole repository or session: "All 69 tests passing", "Total tests: 90",
"307 new tests created", "275个新测试", "新規テスト 12件" (HL407), and any other count of tests
written without a file: "70 test cases", "73 tests pasando", "49 passing".

A count of the session's new tests cannot exceed the tests the window added, nor a total the
tests the repository defines at its end (a partial count, of unit tests or of one area, may be
smaller). Refuted only when git's count is exact: every test file in a known framework and none
generated at run time (``suite``). A count of tests that may have run more than once (browser
projects, a matrix of versions) or that were deleted is left alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.claims.test_commands import command_claims
from handoff_lint.claims.test_count import subject_of
from handoff_lint.claims.walk import Line, containing, table_cells
from handoff_lint.document import frontmatter, quantity, textscan
from handoff_lint.git import suite
from handoff_lint.model import Claim, Document, Origin

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence
    from handoff_lint.git.suite import Inventory

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
    # "**Total New Test Methods**: 54"
    + r"|\btotal\s+new\s+(?:tests?|test\s+(?:cases|methods|functions))\**\s*[:：|]\s*\**\s*"
    + N.replace("<n>", "<n6>")
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
    + r"|\btotal\s+(?:tests?|test\s+(?:cases|methods|functions))\**\s*[:：|]\s*\**\s*"
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
WORDS = ("test", "spec", "测试", "テスト", "prueba", "passing", "passed", "example")
# "73 passing", "12 tests pasando": a count of tests that ran, on a line about tests
RAN = lazyre.compile(
    r"(?<![\d/.,])" + N + r"\s+(?:passing|passed|pasando|passando|aprovados|bestanden|réussis)\b",
    re.I,
)
# the total a test runner prints: "Tests run: 33, Failures: 0" (Maven, JUnit), "14 examples,
# 0 failures" (RSpec), "Tests:  2 failed, 40 passed, 42 total" (Jest)
RUN = lazyre.compile(
    r"\btests?\s+run\s*[:：]\s*\**\s*(?P<n>\d{1,6})(?![\d/%]|[.,]\d)"
    r"|(?<![\d/.,])(?P<n2>\d{1,6})\s+examples?,\s+\d+\s+failures?\b"
    r"|^\s*Tests:\s+(?:\d+\s+\w+,\s+)*(?P<n3>\d{1,6})\s+total\b",
    re.I,
)


def run_group(match: re.Match[str]) -> str:
    """The group of a RUN match that holds its count: "n" (Maven), "n2" (RSpec), "n3" (Jest)."""
    return next(g for g in ("n", "n2", "n3") if match.group(g))


TEST_WORD = lazyre.compile(r"test|spec|prueba|测试|テスト|테스트", re.I)
# a count of test files, suites, scripts... rather than of tests
NOT_TESTS = lazyre.compile(
    r"\s*(?:files?|suites?|classes|modules?|scripts?|runs?|fixtures?|helpers?|data|plans?|"
    r"coverage|director(?:y|ies)|folders?|projects?|targets?|commands?|steps?|environments?|"
    r"scenarios?|servers?|users?|accounts?|results?|reports?|framework|infrastructure|tools?|"
    r"harness|dependencies|packages?|config\w*|/)\b",
    re.I,
)
# tests counted more than once (per browser, per version) or no longer there
NOT_AT_END = lazyre.compile(
    r"\b(?:browsers?|versions|platforms|matrix|shards?|times|iterations|removed|deleted|dropped|"
    r"before|previously|was|were|from|antes|vorher|eliminad\w*|removid\w*|"
    r"remaining|next|pending|todo|will|planned|left)\b|×|之前|删除|削除",
    re.I,
)


DIGIT = lazyre.compile(r"\d")  # every count here is written in digits
# "a generic 500 test", "the 404 test": a number naming a test, not counting tests
SINGULAR = lazyre.compile(r"\b(?:test|spec|check)\W*$", re.I)
OF = lazyre.compile(r"(?:/|\bout\s+of)\s*$", re.I)  # "33/40 tests", "33 out of 40 tests"
LABEL_OVER_LIST = lazyre.compile(r"[:：]\s*\**\s*$")  # "**Parser tests (5 tests):**"


WORD = lazyre.compile(r"[A-Za-z][\w-]*")


def _about_tests(line: Line) -> bool:
    """The line, or a heading over it, speaks of tests."""
    section = line.block.section
    titles = [s.title for s in section.chain()] if section is not None else []
    return any(TEST_WORD.search(t) for t in [line.text, *titles])


def _mentioned(
    text: str, taken: list[tuple[int, int]], about_tests: bool
) -> list[tuple[str, int, dict[str, object]]]:
    """Counts of tests that no label shape took: (written, start, value)."""
    if NOT_AT_END.search(text):
        return []
    out: list[tuple[str, int, dict[str, object]]] = []
    found = [
        (q.start, q.end, q.count, q.approx, q.at_least)
        for q in quantity.every(text)
        if q.unit == "tests" and not NOT_TESTS.match(text, q.end)
    ]
    for match in RUN.finditer(text):
        found.append((match.start(), match.end(), int(match.group(run_group(match))), False, False))
    if about_tests:
        found += [
            (m.start(), m.end(), int(m.group("n").replace(",", "")), False, False)
            for m in RAN.finditer(text)
        ]
    for start, end, count, approx, at_least in found:
        if OF.search(text, 0, start) or text[end : end + 1] == "/":
            continue  # a ratio's part: the tests kind's
        if count != 1 and SINGULAR.search(text, 0, end):
            continue
        if any(a < end and start < b for a, b in taken):
            continue
        taken.append((start, end))
        value: dict[str, object] = {"count": count, "measure": "mentioned"}
        scopes = [s for word in WORD.findall(text[start:end]) if (s := suite.scope_of(word))]
        if len(set(scopes)) == 1:  # "324 unit tests": the tests of one kind
            value["scope"] = scopes[0]
        if approx:
            value["approx"] = True
        if at_least:
            value["at_least"] = True
        out.append((text[start:end], start, value))
    return out


def _before_block(doc: Document, line: Line) -> bool:
    """A line of a code block that a label such as "**Before This Session**:" introduces: the
    state at the start, which tests deleted since may have made larger."""
    if not line.shape:
        return False
    start = line.block.line - 1  # the index of the fence line
    above = [t for t in doc.lines[max(0, start - 3) : max(0, start)] if t.strip()]
    return bool(above) and NOT_AT_END.search(above[-1]) is not None


# a harness's front matter: "metrics: {tests_added: 4, tests_total_passing: 364}"
FRONT_MATTER_KEYS = {
    "tests_added": "added",
    "tests_total": "total",
    "test_count": "total",
    "tests_total_passing": "passing",
    "tests_passing": "passing",
}


def _front_matter_claims(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    found = doc.front_matter or {}
    for table in (found, found.get("metrics")):
        if not isinstance(table, dict):
            continue
        for key, measure in FRONT_MATTER_KEYS.items():
            count = table.get(key)
            if isinstance(count, int) and not isinstance(count, bool) and count >= 0:
                line = frontmatter.key_line(doc, key, nested=table is not found)
                text = doc.lines[line - 1] if line <= len(doc.lines) else ""
                column = text.find(str(count), text.find(key) + len(key)) + 1
                value = {"count": count, "measure": measure}
                out.append(Claim("test_total", str(count), line, max(column, 1), value))
    return out


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = _front_matter_claims(doc)
    for line in containing(doc, *WORDS):
        if not DIGIT.search(line.text) or textscan.path_tokens(line.text) or subject_of(line):
            continue  # a count about a file is the test_count and tests_added kinds'
        if "`" in line.text and command_claims(line):
            continue  # "`pytest tests/test_x.py`: 12 passed": the run of one file'
        text = line.text
        if line.block.kind == "table_row":  # "| Total tests | 90 |": label cell, value cell
            text = " : ".join(cell.strip(" *") for _, cell in table_cells(line.text))
        taken: list[tuple[int, int]] = []
        for measure, pattern in (("added", ADDED), ("total", TOTAL), ("passing", PASSING)):
            for match in pattern.finditer(text):
                group = next(g for g in match.groupdict() if g != "more" and match.group(g))
                written = match.group(group)
                start = match.start(group) if text is line.text else line.text.find(written)
                if start < 0:
                    continue
                taken.append((match.start(), match.end()))
                value = {"count": int(written.replace(",", "")), "measure": measure}
                if match.groupdict().get("more"):
                    value["at_least"] = True
                out.append(Claim("test_total", written, line.number, start + 1, value))
        # "### Parser tests (4 tests)", "**Parser tests (5 tests):**": the count of a list (counts)
        over_list = line.block.kind == "heading" or LABEL_OVER_LIST.search(text)
        if text is line.text and not over_list and not _before_block(doc, line):
            for written, start, value in _mentioned(text, taken, _about_tests(line)):
                out.append(Claim("test_total", written, line.number, start + 1, value))
    return out


# a run that repeats the suite per browser project, or tests kept in a submodule
REPEATED = lazyre.compile(r"(?:^|/)(?:playwright\.config\.\w+|\.gitmodules)$")


def _mention(claim: Claim, count: int, found: Inventory, evidence: Evidence) -> None:
    """Any count of tests is at most what the repository defines (a part may be fewer)."""
    defined = found.defined
    slack = max(5, count // 10) if claim.value.get("approx") else 0
    repeated = any(REPEATED.search(p) for p in evidence.files_at_end)
    if count == defined:
        claim.settle("verified", f"the repository defines {defined} tests")
    elif count - slack > defined and found.complete and not repeated:
        claim.settle(
            "refuted",
            f"the repository defines {defined} tests at the end of the session (counted in "
            f"every test file), fewer than the {count} claimed",
            "HL407",
        )
    else:
        claim.settle("unverifiable", f"the repository defines {defined} tests by a static count")


def _scoped(claim: Claim, count: int, found: Inventory) -> bool:
    """ "324 unit tests" against the tests under folders named for unit tests: verified when
    they are that many; refuted when they and the tests under no such folder (which may be unit
    tests too) are fewer. False when the repository has no folder for that kind of test."""
    scope = str(claim.value["scope"])
    if scope not in found.scopes or claim.value.get("approx") or claim.value.get("at_least"):
        return False
    held, exact = found.scopes[scope]
    loose, loose_exact = found.scopes.get("", (0, True))
    where = f"the test files under {scope} test folders define {held}"
    if count == held:
        claim.settle("verified", where)
    elif count > held + loose and exact and loose_exact:
        claim.settle(
            "refuted",
            f"{where}, and the test files under no such folder {loose}: fewer than {count}",
            "HL407",
            f"write {held}",
        )
    else:
        claim.settle("unverifiable", f"{where} by a static count")
    return True


def _earlier_start(measure: str, count: int, evidence: Evidence) -> bool:
    """A living document's new version may sum up work its earlier versions reported: more
    tests added than the window since the previous version holds is no lie while the
    repository defines that many."""
    inventory = suite.found(evidence)
    defined = inventory.defined if inventory else 0
    since = evidence.window.origin is Origin.PREVIOUS_VERSION
    return measure == "added" and since and count <= defined


def verify(claims: list[Claim], evidence: Evidence) -> None:
    found = suite.found(evidence)
    for claim in claims:
        count, measure = int(claim.value["count"]), str(claim.value["measure"])
        if found is None or not evidence.available:
            claim.settle("unverifiable", "the repository's tests could not be counted")
            continue
        if measure == "mentioned" and claim.value.get("scope") and _scoped(claim, count, found):
            continue
        if measure == "mentioned":
            _mention(claim, count, found, evidence)
            continue
        actual = found.added if measure == "added" else found.defined
        what = "the session added" if measure == "added" else "the repository defines"
        if measure == "passing" and not (count > actual and found.complete):
            claim.settle("unverifiable", "how many pass exists only at run time")
        elif count == actual or (claim.value.get("at_least") and actual >= count):
            claim.settle("verified", f"{what} {actual} tests")
        elif count > actual and found.complete and _earlier_start(measure, count, evidence):
            claim.settle(
                "unverifiable",
                f"{what} {actual} tests; where the session starts is an estimate, and "
                f"{count} is no more than the repository defines",
            )
        elif count > actual and found.complete:
            claim.settle(
                "refuted", f"{what} {actual} tests, not {count}", "HL407", f"write {actual}"
            )
        else:
            reason = "a part of them?" if count < actual else "some are generated or in a framework"
            claim.settle("unverifiable", f"{what} {actual} tests by a static count ({reason})")


register("test_total", extract, verify, suite.gather)
