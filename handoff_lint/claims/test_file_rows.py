"""Per-file test counts written beside a test file's path, in two shapes test_count's own
patterns leave out:

- a table row that names one test file and counts its tests in a cell of prose
  ("| `tests/test_x.py` | Created with 26 tests |", "| `x_test.go` | New: 12 unit tests |");
- a runner's line per file, with how many of the file's tests passed
  ("PASS test/unit/x.test.js (21/21)", "- `tests/test_y.py` — 17/17 passing",
  "**test/z_test.dart** (32/33 tests)").

Each count is the file's tests, checked like any test_count claim: the file must define that
many at the end of the window, or the session must have added that many.
"""

from __future__ import annotations

from handoff_lint import lazyre
from handoff_lint.claims.test_count_sections import TEST_FILE
from handoff_lint.claims.walk import Line
from handoff_lint.document import counted_paths, textscan
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
