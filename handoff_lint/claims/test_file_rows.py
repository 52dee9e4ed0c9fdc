"""Per-file test counts written beside a test file's path, in the shapes of a table row and
of a runner's line:

- a table row whose first cell (or File column) names a test class, a suite or a file, with
  its count in a column of tests ("| `ParserTest` | 12 |", "| `src/queue.rs` | 12 |");

- a table row that names one test file and counts its tests in a cell of prose
  ("| `tests/test_x.py` | Created with 26 tests |", "| `x_test.go` | New: 12 unit tests |");
- a runner's line per file, with how many of the file's tests passed
  ("PASS test/unit/x.test.js (21/21)", "- `tests/test_y.py` — 17/17 passing",
  "**test/z_test.dart** (32/33 tests)").

Each count is the file's tests, checked like any test_count claim: the file must define that
many at the end of the window, or the session must have added that many.
"""

from __future__ import annotations

import re

from handoff_lint import lazyre
from handoff_lint.claims.test_count_sections import TEST_FILE
from handoff_lint.claims.walk import Line, counted_cell, table_cells
from handoff_lint.document import counted_paths, textscan
from handoff_lint.git import testdefs
from handoff_lint.model import Claim

# "PASS test/unit/x.test.js (21/21)", "- `tests/test_y.py` — 17/17", "test_z.gd: 36/36 passed":
# the path opens the line (after a list marker or a runner's status), the ratio follows it
FILE_RATIO = lazyre.compile(
    r"^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:(?:PASS|FAIL|ok|[✓✔✅❌])\s+)?[`*]*"
    r"(?P<path>[\w@.-]+(?:/[\w@.-]+)*\.[A-Za-z]\w{0,5})[`*]*"
    r"\s*(?:[:：—–-]\s*\(?|\()\**(?P<x>\d{1,4})\s*/\s*(?P<n>\d{1,4})\b(?!\s*%)"
)


def _test_file(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return bool(TEST_FILE.search(name)) and textscan.looks_like_path(path)


def ratio_claims(line: Line) -> list[Claim]:
    """A runner's line for one test file: its second number is the file's count."""
    match = FILE_RATIO.match(line.text)
    if match is None or not _test_file(match.group("path")):
        return []
    passed, count = int(match.group("x")), int(match.group("n"))
    if passed > count or count == 0:
        return []
    value: dict[str, object] = {**line.in_folder(match.group("path")), "count": count}
    text = line.text[match.start("x") : match.end("n")]
    return [Claim("test_count", text, line.number, match.start("x") + 1, value)]


def row_claims(line: Line, cells: list[tuple[int, str]], named: int) -> list[Claim]:
    """A table row (its ``cells``) naming one test file in cell ``named`` and one count of tests
    in the others ("| `x_test.go` | Created with 26 tests (580 lines) |")."""
    if named >= len(cells):
        return []
    paths = textscan.path_tokens(cells[named][1])
    if len(paths) != 1 or not _test_file(paths[0][2]):
        return []
    found = counted_paths.in_other_cells(cells, named, "tests")
    if found is None or found[2].approx or found[2].at_least:
        return []
    start, _, count = found
    value: dict[str, object] = {**line.in_folder(paths[0][2]), "count": count.count}
    text = line.text[start + count.start : start + count.end]
    return [Claim("test_count", text, line.number, start + count.start + 1, value)]


# class (or a suite's file stem) alone in the first cell, its count in a column of tests; or a
# file alone there ("| `src/queue.rs` | 12 |" under "Module | Tests"): the tests it defines
# (a test file, or a Rust source with its tests inside), else those of its test file
# ("| `Parser.cs` | 26 |": ParserTests.cs)
NAME_CELL = lazyre.compile(
    r"^[\s`*]*(?P<name>" + textscan.TEST_CLASS_NAME + "|" + textscan.TEST_STEM_NAME + r")[\s`*]*$"
)
COUNT_COLUMN = lazyre.compile(
    r"^\W*(?:tests?|test\s+count|count|#|cases|测试数?|測試數?|テスト数?|테스트\s*수?|"
    r"new\s+tests?|tests?\s+added|added\s+tests?|新增测试|新增測試|追加テスト)\W*$",
    re.I,
)
NUMBER_CELL = lazyre.compile(r"^[\s*]*(?P<n>\d{1,5})[\s*]*$")
SUBJECT_STEM = lazyre.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
# the column a table names its files in ("| Task | File | New tests |"), else the first
FILE_HEADER = lazyre.compile(r"^\W*(?:files?|path|module|文件|檔案|ファイル|파일)\W*$", re.I)


def _row_subject(line: Line, cell: str) -> dict[str, object] | None:
    """What a table row's first cell names, as a test_count claim's value (without its count)."""
    named = NAME_CELL.match(cell)
    if named is not None:
        return {"path": named.group("name"), "by_name": True}
    paths = textscan.path_tokens(cell)
    if len(paths) != 1 or paths[0][2] != cell.strip(" `*"):
        return None
    path = paths[0][2]
    name = path.rsplit("/", 1)[-1]
    if TEST_FILE.search(name) or testdefs.INLINE.search(name):
        return dict(line.in_folder(path))
    stem = name.split(".")[0]
    return {"path": stem, "subject": True} if SUBJECT_STEM.match(stem) else None


def table_claims(line: Line) -> list[Claim]:
    """A table row naming a test class, a suite or a file, with its count in a column of tests."""
    cells = table_cells(line.text)
    header = line.block.table_header
    named = next((i for i, h in enumerate(header) if FILE_HEADER.match(h)), 0)
    subject = _row_subject(line, cells[named][1]) if named < len(cells) else None
    if subject is None:
        return row_claims(line, cells, named)
    found = counted_cell(cells, header, named + 1, COUNT_COLUMN, NUMBER_CELL)
    if found is not None:
        count, column = found
        value = {**subject, "count": int(count)}
        return [Claim("test_count", count, line.number, column + 1, value)]
    return row_claims(line, cells, named)
