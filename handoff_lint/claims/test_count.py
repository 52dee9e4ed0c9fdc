"""Test-count claims about one file: "`tests/test_x.py` (12 tests)", "`x_test.go` (302 lines,
9 tests)", "`FooTests.cs` (24个)", "Created `x.spec.ts` with 6 test cases".

The file must define that many tests at the end of the session window (``testdefs`` counts them
statically), or the session must have added that many to it. Where tests are generated at run
time (parametrized, data providers, subtests, loops) the count is unverifiable.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import lead_folders, register
from handoff_lint.claims.test_commands import command_claims
from handoff_lint.claims.test_count_sections import (
    TEST_FILE,
    heading_count,
    section_ratio,
    section_test_files,
    section_total,
    under_label,
)
from handoff_lint.claims.test_file_rows import ratio_claims, table_claims
from handoff_lint.claims.tests_added import ADDED, added, red_reason
from handoff_lint.claims.walk import (
    Line,
    claimed_text,
    done_lines,
    red_step,
)
from handoff_lint.document import counted_paths, quantity, roles, textscan
from handoff_lint.git import contents, testdefs
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

WORDS = lazyre.words("test", "spec", "个", "個", "件", "개", "테스트", "prueba", "teste", "тест")


# "ParserTrackerTests (7 tests)", "`UserServiceSpec` - 12 tests": a test class named for its file
TEST_CLASS = lazyre.compile(r"(?<![\w./-])`?\*{0,2}(?P<name>" + textscan.TEST_CLASS_NAME + r")\b")
CLASS = lazyre.compile(r"^(?P<indent>[ \t]*)(?:[\w@]+\s+)*(?:class|struct|object)\s+\w+", re.M)


def _outer_classes(text: str) -> int:
    """The classes declared at the outermost level the file declares any (classes nested in
    one, JUnit's @Nested groups, are its parts)."""
    indents = [len(m.group("indent").expandtabs(4)) for m in CLASS.finditer(text)]
    return indents.count(min(indents)) if indents else 0


# "CellViewModelTests (24)": a bare count in brackets right after a test class is its tests
BARE_COUNT = lazyre.compile(r"\s*[(（]\s*(?P<n>\d{1,4})\s*[)）]")


def _class_claims(line: Line) -> list[Claim]:
    out: list[Claim] = []
    for match in TEST_CLASS.finditer(line.text):
        bare = BARE_COUNT.match(line.text, match.end())
        if bare is not None:
            value = {"path": match.group("name"), "count": int(bare.group("n")), "by_name": True}
            out.append(
                Claim("test_count", bare.group("n"), line.number, bare.start("n") + 1, value)
            )
            continue
        for found in quantity.after(line.text, match.end()):
            if found.unit != "tests" or found.approx or found.at_least:
                continue
            value = {"path": match.group("name"), "count": found.count, "by_name": True}
            text = line.text[found.start : found.end]
            out.append(Claim("test_count", text, line.number, found.start + 1, value))
    return out


# "1. ValidationHelper (24 tests)", "- **InboxBehavior** — 18 test cases", "### CatgaResult<T>
# (30 tests)": an item or heading that leads with the name of what is tested; its tests are in
# the one file test frameworks name for it (ValidationHelperTests.cs, validation_helper_test.go)
SUBJECT = lazyre.compile(
    r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)(?:\[[ xX]\]\s+)?(?:[✅✓✔]\s*)?"
    r"(?P<mark>\*\*|`)?(?P<name>[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|(?<=`)[A-Za-z_]\w+)"
    r"(?:<[\w, ]+>)?(?P=mark)?(?:\s*[(（]|\s*[:：—–-]\s)"
)


def subject_of(line: Line) -> re.Match[str] | None:
    """The tested subject an item or heading leads with, when the line counts tests once and
    names no file (the count is then about the subject's test file)."""
    match = SUBJECT.match(line.text)
    if match is None or textscan.TEST_CLASS.fullmatch(match.group("name")):
        return None  # "ParserTests (7 tests)": the test class's own claim
    if textscan.path_tokens(line.text):
        return None
    found = [q for q in quantity.every(line.text) if q.unit == "tests"]
    return match if len(found) == 1 and found[0].start >= match.end("name") else None


def _subject_claims(line: Line) -> list[Claim]:
    match = subject_of(line)
    if match is None:
        return []
    (found,) = [q for q in quantity.every(line.text) if q.unit == "tests"]
    if found.approx or found.at_least:
        return []
    value = {"path": match.group("name"), "count": found.count, "subject": True}
    text = line.text[found.start : found.end]
    return [Claim("test_count", text, line.number, found.start + 1, value)]


# "| RepositoryIntegrationTest | 31 | Repository |" under "| Test File | Tests | ... |": a test
# "- chat_api_test: 6 passed", "test_parser: 12 tests (2 ignored)": a test runner's line per
# suite, named by its file's stem
SUITE = lazyre.compile(
    r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?`?(?P<name>" + textscan.TEST_STEM_NAME + r")"
    r"(?P<ext>\.[A-Za-z]\w{0,5})?`?\s*[:：]\s*"
    r"(?P<n>\d+)\s+(?:passed|passing|tests?)\b(?:\s*\((?P<ignored>\d+)\s+ignored\))?"
)


# "- BrowserStorageService: 13 passed": a runner's line per test class, named by its subject
# (the class is the subject's name with "Tests": BrowserStorageServiceTests)
SUBJECT_SUITE = lazyre.compile(
    r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?`?(?P<name>[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+)`?\s*[:：]\s*"
    r"(?P<n>\d+)\s+(?:passed|passing)\b(?:\s*\((?P<ignored>\d+)\s+ignored\))?\s*$"
)


# "- EmptyStateUITest: 18/18 passing (100%)", "test_parser: 11/12": a per-file line of a run
# that names the file's test class or stem; every test of the file ran, so the second number
# is the file's count
RATIO_SUITE = lazyre.compile(
    r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:[✅✓✔❌]\s*)?`?\*{0,2}(?P<name>"
    + textscan.TEST_CLASS_NAME
    + "|"
    + textscan.TEST_STEM_NAME
    + r")(?P<ext>\.[A-Za-z]\w{0,5})?\*{0,2}`?\s*[:：]\s*\**(?P<x>\d{1,4})\s*/\s*(?P<n>\d{1,4})\b(?!\s*%)"
)


def _ratio_claims(line: Line) -> list[Claim]:
    match = RATIO_SUITE.match(line.text)
    if match is None or int(match.group("x")) > int(match.group("n")):
        return []
    name = match.group("name") + (match.group("ext") or "")  # "test_x.gd: 36/36": the file
    value: dict[str, object] = {"path": name, "count": int(match.group("n")), "by_name": True}
    text = line.text[match.start("x") : match.end("n")]
    return [Claim("test_count", text, line.number, match.start("x") + 1, value)]


def _suite_claims(line: Line) -> list[Claim]:
    match = SUITE.match(line.text)
    subject = SUBJECT_SUITE.match(line.text) if match is None else None
    match = match or subject
    if match is None:
        return []
    value: dict[str, object] = {
        "path": match.group("name") + ("Tests" if subject else (match.group("ext") or "")),
        "count": int(match.group("n")),
        "by_name": True,
        "ran": "pass" in match.group(0),
    }
    if match.group("ignored"):
        value["ignored"] = int(match.group("ignored"))
    text = line.text[match.start("n") : match.end()]
    return [Claim("test_count", text, line.number, match.start("n") + 1, value)]


# tests a runner skips (a count of those that passed may leave them out)
SKIPPED = lazyre.compile(
    r"#\[ignore\b|@pytest\.mark\.skip|\bunittest\.skip|\.skip\s*\(|\bx(?:it|test|describe)\s*\(|"
    r"@Disabled\b|@Ignore\b|\bt\.Skip(?:Now|f)?\s*\(|\[Fact\(Skip\s*=|markTestSkipped"
)


# a test definition marked skipped (one mark, one test; not a skip decided while it runs)
SKIP_MARK = lazyre.compile(
    r"(?m)^[ \t]*(?:(?:it|test|specify)\.skip\s*\(|x(?:it|test)\s*\(|#\[ignore\b|@Disabled\b|"
    r"@pytest\.mark\.skip\b|@unittest\.skip\b|\[Fact\(Skip\s*=)"
)


def _under_modified(doc: Document, line: Line) -> bool:
    """The line is an item of a list under a "**Files Modified:**" label, or in a section of
    modified files (looked up only for the rare line with a file's test count)."""
    from handoff_lint.claims.file_words import LABEL, label_action
    from handoff_lint.claims.witness import position

    at = position(doc, line.block)
    while at > 0 and doc.blocks[at].list_depth >= 0:
        at -= 1
    label = LABEL.match(doc.blocks[at].lines[0]) if doc.blocks[at].kind == "paragraph" else None
    action = label_action(label.group("label"), doc.heading_words) if label else ""
    return (action or roles.file_action(line.block.section)) == "modified"


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    files = section_test_files(doc)
    for line in done_lines(doc):
        table = table_claims(line) if line.block.kind == "table_row" else []
        if table:  # a column of tests: the header says so; the row need not
            out.extend(table)
            continue
        if not WORDS.search(line.folded):
            if files and "pass" in line.folded and "/" in line.text:  # "Result: 12/12 passing"
                out.extend(section_ratio(line, files))
            elif "pass" in line.folded:  # "- BrowserStorageService: 13 passed"
                out.extend(_suite_claims(line))
            continue
        if ADDED.search(line.text):
            continue  # "Added 3 tests in `x.py`": the tests_added kind's
        first = line.starts_item or line.first
        found_here = counted_paths.annotated(line.text, first, ("tests", "count"), bool(line.shape))
        if not found_here and files:
            out.extend(
                under_label(line, doc)
                or section_total(line, files, doc)
                or section_ratio(line, files)
                or heading_count(line, doc)
            )
        if not found_here:
            out.extend(
                _class_claims(line)
                or command_claims(line)
                or _suite_claims(line)
                or _ratio_claims(line)
                or ratio_claims(line)
                or _subject_claims(line)
                or lead_folders.counted_tests(line, doc)
            )
        for _, path, found in found_here:
            name = path.rsplit("/", 1)[-1]
            if found.unit == "count" and not TEST_FILE.search(name):
                continue
            if found.approx:
                continue  # "~20 tests": no exact count to check ("20+ tests": at least 20)
            value = {**line.in_folder(path), "count": found.count, "at_least": found.at_least}
            if red_step(line.text):
                value["red"] = True  # "RED: 12 tests in `x_test.go`": before the code was written
            if found.plus:
                value["plus"] = True  # "+14 tests": how many the session added, not the total
            elif _under_modified(doc, line):
                value["modified"] = True  # under "Files Modified": maybe the tests it changed
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
    new = [
        added(path, before, text) for before in contents.texts(evidence).at_start.get(path, [""])
    ]
    ran = claimed + int(claim.value.get("ignored", 0))  # "41 passed (7 ignored)" of 48
    if claimed == total or ran == total or (claim.value.get("at_least") and total > claimed):
        claim.settle("verified", f"the file defines {total} tests")
    elif not claim.value.get("ran") and claimed == total - (skips := len(SKIP_MARK.findall(text))):
        claim.settle(
            "unverifiable",
            f"the file defines {total} tests and marks {skips} skipped: {claimed} leaves them out",
        )
    elif claimed in new:
        claim.settle("verified", f"the session added {claimed} tests to the file ({total} now)")
    elif _added_unknown(claim, total, new, evidence):
        pass
    elif found.dynamic:
        claim.settle(
            "unverifiable",
            f"the file defines {total} tests, some parametrized or generated: how many run "
            "is a run-time fact",
        )
    elif total == 0:
        claim.settle("unverifiable", "no test definitions recognised in the file")
    elif claim.value.get("red"):
        claim.settle("unverifiable", red_reason(f"the file defines {total} tests"))
    elif claim.value.get("modified") and claimed < total:
        claim.settle(
            "unverifiable",
            f"the file defines {total} tests; a count beside a file the session modified may be "
            "of the tests it changed",
        )
    elif claim.value.get("ran") and claimed < total and SKIPPED.search(text):
        claim.settle(
            "unverifiable",
            f"the file defines {total} tests and skips some: how many pass is a run-time fact",
        )
    elif claimed in _earlier_counts(path, evidence):
        claim.settle(
            "unverifiable",
            f"the file defines {total} tests at the end of the window and {claimed} after an "
            "earlier commit of the session: which moment the document describes git cannot tell",
        )
    else:
        session = f" ({new[0]} added in the session)" if new and new[0] not in (None, total) else ""
        plus = claim.value.get("plus") and new  # "+14 tests": the tests added
        said, right = (claim.text, f"+{new[0]}") if plus else (claimed, total)
        claim.settle(
            "refuted",
            f"the file defines {total} tests{session}, not {said}",
            "HL406",
            f"write {right}",
        )


def _added_unknown(claim: Claim, total: int, new: list[int | None], evidence: Evidence) -> bool:
    """ "+14 tests" counts the tests added: unverifiable unless the window's start is exact."""
    if not claim.value.get("plus") or (new and new[0] is not None and evidence.window_exact()):
        return False
    claim.settle(
        "unverifiable",
        f"{claim.text} counts tests added; the file defines {total} tests, and where this "
        "session started git cannot tell",
    )
    return True


def _earlier_counts(path: str, evidence: Evidence) -> set[int]:
    """How many tests the file defined after each earlier commit of the session (not before
    the session: a count of then is stale)."""
    texts = contents.texts(evidence).at_start.get(path, [])
    after = texts[1:] if evidence.window.base else texts
    found = (testdefs.tests_in(path, text) for text in after if text)
    return {len(tests.names) for tests in found if tests is not None}


def _by_name(claim: Claim, evidence: Evidence) -> tuple[str, str] | None:
    """The one file a test class is named for, holding that class alone; else unverifiable."""
    found = contents.text_at_end(evidence, str(claim.value["path"])) if evidence.available else None
    if found is None or _outer_classes(found[1]) > 1:
        claim.settle(
            "unverifiable",
            f"no test file holds {claim.value['path']} alone at the end of the window",
        )
        return None
    return found


def _by_subject(claim: Claim, evidence: Evidence) -> tuple[str, str] | None:
    """The one test file named for the subject, holding one test class at most."""
    subject = str(claim.value["path"])
    path = evidence.test_file(subject) if evidence.available else None
    text = contents.texts(evidence).at_end.get(path or "")
    if path is None or text is None or _outer_classes(text) > 1:
        claim.settle("unverifiable", f"no one test file holds the tests of {subject}")
        return None
    return path, text


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        if claim.value.get("subject"):
            found = _by_subject(claim, evidence)
        elif claim.value.get("by_name"):
            found = _by_name(claim, evidence)
        else:
            found = claimed_text(claim, evidence, "HL406")
        if found is not None:
            claim.value["resolved"] = found[0]
            _settle(claim, found[0], found[1], evidence)


register("test_count", extract, verify, contents.gather_texts)
