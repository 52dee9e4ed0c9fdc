"""Test counts of one file told by the section it is in: a heading over the sections that name
one test file ("### Provider Package (15 tests)"), the count that opens the text under a File
label ("**Archivo:** `tests/JobTests.cs`" then "16 tests unitarios:"), a section's total
("**Total Config Tests: 34 test cases**") and its run ("**Result**: 12/12 passing")."""

from __future__ import annotations

import re

from handoff_lint import lazyre
from handoff_lint.claims.walk import Line, file_labels, section_files
from handoff_lint.document import quantity, textscan
from handoff_lint.model import Claim, Document, Section

# a test file's name (a bare counter, "(24个)", counts a test file's tests)
TEST_FILE = lazyre.compile(r"test|spec", re.I)

TOTAL = lazyre.compile(r"\btotal\b|总计|合计|合計", re.I)


def section_test_files(doc: Document) -> dict[int, tuple[int, str]]:
    """For each section (by id), the one test file it is about ("**File:** `x.test.ts`", or a
    heading naming one test file), with the line naming it."""
    found: dict[int, tuple[int, str]] = {}
    for section, named in section_files(doc).items():
        tests = [(line, path) for line, path in named if TEST_FILE.search(path.rsplit("/", 1)[-1])]
        if tests:
            found[section] = tests[0]
    return found


def heading_count(line: Line, doc: Document) -> list[Claim]:
    """ "### Provider Package (15 tests)" over a section (and its subsections) whose File labels
    name one test file and no other file: the heading counts that file's tests."""
    section = line.block.section
    if section is None or section.line != line.number or textscan.path_tokens(line.text):
        return []
    found = [q for q in quantity.every(line.text) if q.unit == "tests"]
    if len(found) != 1 or found[0].approx or found[0].at_least:
        return []
    below = _descendants(doc, section)
    named = {path for sid, lines in section_files(doc).items() if sid in below for _, path in lines}
    if len(named) != 1:
        return []
    (path,) = named
    if not TEST_FILE.search(path.rsplit("/", 1)[-1]):
        return []
    q = found[0]
    return [
        Claim(
            "test_count",
            line.text[q.start : q.end],
            line.number,
            q.start + 1,
            {
                "path": path,
                "count": q.count,
            },
        )
    ]


def _descendants(doc: Document, section: Section) -> set[int]:
    """The ids of ``section`` and of every section under it."""
    return {id(s) for s in doc.sections if any(x is section for x in s.chain())}


def _has_parallel_files(line: Line, files: dict[int, tuple[int, str]], doc: Document) -> bool:
    """The section about the line's test file counts its tests in its heading and has a
    sibling about another test file: a total in it is the siblings' sum."""
    section = line.block.section
    own = next((s for s in section.chain() if id(s) in files), None) if section else None
    if own is None or not any(q.unit == "tests" for q in quantity.every(own.title)):
        return False
    return any(
        s is not own
        and s.parent is own.parent
        and id(s) in files
        and files[id(s)][1] != files[id(own)][1]
        for s in doc.sections
    )


def _file_of(line: Line, files: dict[int, tuple[int, str]]) -> tuple[int, str] | None:
    """The test file the line's section, or an enclosing one, is about."""
    section = line.block.section
    if section is None:
        return None
    return next((files[id(s)] for s in section.chain() if id(s) in files), None)


def under_label(line: Line, doc: Document) -> list[Claim]:
    """ "**Archivo:** `tests/JobTests.cs`" then, as the next paragraph, "16 tests unitarios:":
    the count that opens the text right under a File label naming one test file is its count."""
    if line.number != line.block.line or line.block.list_depth >= 0:
        return []
    found = LEADING_COUNT.match(line.text)
    if found is None:
        return []  # most lines: no count to start them, no labels to look through
    above = [(at, path) for at, path in file_labels(doc) if 0 < line.number - at <= 2]
    if not above or textscan.path_tokens(line.text):
        return []
    between = doc.lines[above[-1][0] : line.number - 1]
    path = above[-1][1]
    if any(text.strip() for text in between) or not TEST_FILE.search(path.rsplit("/", 1)[-1]):
        return []
    count = quantity.every(line.text[: found.end()])
    if len(count) != 1 or count[0].unit != "tests" or count[0].approx or count[0].at_least:
        return []
    q = count[0]
    value = {"path": path, "count": q.count}
    return [Claim("test_count", line.text[q.start : q.end], line.number, q.start + 1, value)]


def _first_below(line: Line, named: tuple[int, str]) -> bool:
    """``line`` is the first of its section's text, right under the heading that names the test
    file ("### Compliance Tests (`compliance_test.go`)" over "10 tests validating:"), and starts
    with its count: what the section says of the file as a whole."""
    section = line.block.section
    if section is None or named[0] != section.line or line.block.line > section.line + 2:
        return False
    return line.number == line.block.line and LEADING_COUNT.match(line.text) is not None


# a count at the start of a line: "10 tests validating:", "**12 tests**", "- 12 tests cover"
LEADING_COUNT = lazyre.compile(r"^[\s*_>-]*\d{1,5}\s+(?:[\w-]+\s+)?(?:tests?|test cases)\b", re.I)


def section_total(line: Line, files: dict[int, tuple[int, str]], doc: Document) -> list[Claim]:
    """ "**Total Config Tests: 34 test cases**" in the section whose File label or heading names
    one test file: the file's test count (so is a count that opens the section's text). A total
    in the last of parallel sections, each about its own test file ("#### 3. `c.test.js` (3
    tests)" after "#### 1." and "#### 2."), sums them all: not the file's."""
    named = _file_of(line, files)
    if named is None or named[0] >= line.number:
        return []
    total = TOTAL.search(line.text) is not None
    if not total and not _first_below(line, named):
        return []
    if total and _has_parallel_files(line, files, doc):
        return []
    found = [q for q in quantity.every(line.text) if q.unit == "tests"]
    if len(found) != 1 or found[0].approx or found[0].at_least or textscan.path_tokens(line.text):
        return []
    q = found[0]
    value = {"path": named[1], "count": q.count}
    return [Claim("test_count", line.text[q.start : q.end], line.number, q.start + 1, value)]


# "**Result**: 12/12 passing", "8/8 tests passed": how many of how many ran
RAN = lazyre.compile(
    r"(?<![\d./])(?P<done>\d{1,5})\s*/\s*(?P<n>\d{1,5})(?![\d./%])\s*(?:tests?\s+)?"
    r"(?:passing|passed|pass)\b",
    re.I,
)


def section_ratio(line: Line, files: dict[int, tuple[int, str]]) -> list[Claim]:
    """ "**Result**: 12/12 passing" in the section of one test file: all of the file's tests
    ran, so the second number is the file's test count."""
    found = list(RAN.finditer(line.text))
    if len(found) != 1 or textscan.path_tokens(line.text):
        return []
    named = _file_of(line, files)
    if named is None or named[0] >= line.number:
        return []
    match = found[0]
    value = {"path": named[1], "count": int(match.group("n"))}
    text = line.text[match.start() : match.end()]
    return [Claim("test_count", text, line.number, match.start() + 1, value)]
