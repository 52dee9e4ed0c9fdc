"""Line counts in tables: a row of a table with a file column and a count column ("| `src/x.ts`
| 120 |" under "File | Lines"), insertions and deletions ("Lines Added", "Lines Removed"), a
file alone in the first cell over a Lines column, a cell that names one file with its size in
words; and the claim a count of lines about a file makes (shared by the prose shapes).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from handoff_lint import lazyre
from handoff_lint.claims import named
from handoff_lint.claims.walk import Line, header_index, table_cells
from handoff_lint.document import counted_paths, quantity, textscan
from handoff_lint.model import Claim

CELL = lazyre.compile(
    r"^\s*\**\s*"
    + quantity.NUMBER
    + r"\s*(?:new)?\s*(?:lines?|行)?\s*\**\s*(?:,\s*-(?P<del>\d+))?"
    + r"\s*(?:\([^()]{0,80}\))?\s*$",  # "+32 (custom Deserialize)": a note after the count
    re.I,
)
FILE_COLUMN = (
    "file",
    "path",
    "文件",
    "檔案",
    "ファイル",
    "파일",
    "datei",
    "archivo",
    "arquivo",
    "fichier",
)
ADDED_COLUMN = ("added", "insertion", "新增", "追加", "增加", "hinzugefügt", "añadid", "adicionad")
REMOVED_COLUMN = (
    "removed",
    "deleted",
    "deletion",
    "删除",
    "削除",
    "entfernt",
    "eliminad",
    "removid",
)
LINES_COLUMN = (
    "line",
    "loc",
    "size",
    "change",
    "+",
    "行",
    "줄",
    "zeilen",
    "líneas",
    "linhas",
    "lignes",
)


# a column that gives a place in the file, not a count: "Line", "Line #", "Ln", "行号"
# "| File | Lines Before | Lines After |": the size before the session, beside the size now
BEFORE_COLUMN = lazyre.compile(
    r"\b(?:before|old|was|original|previous|vorher|antes|avant|prima)\b|之前|变更前|變更前|変更前|이전",
    re.I,
)
PLACE_COLUMN = lazyre.compile(
    r"^[\s*_`]*(?:line|line\s*(?:#|no\.?|nr\.?|number)|ln|at\s+line|location|行号|行番号|"
    r"zeile|línea|linha|ligne|riga)[\s*_`]*$",
    re.I,
)
# a column that counts lines by name (not "Size", "Changes" or "+", which may count other things)
LINES_NAMED = ("line", "loc", "行", "줄", "zeilen", "líneas", "linhas", "lignes")
# a column that counts something else ("New Tests", "新增测试", "Files Added"): not lines, even
# when its header says "added"
OTHER_UNIT = lazyre.compile(
    r"test|spec|测试|測試|テスト|테스트|prueba|teste|commit|提交|コミット|file|文件|檔案|ファイル|"
    r"파일|func|函数|関数|method|方法|case|用例",
    re.I,
)


NOTE = lazyre.compile(r"\s*\([^()]*\)\s*$")  # a note in brackets after a cell's count
# "`adapter.go` - Added bindSymbol() function (~60 lines)": the count measures what was added
ADDED_PART = lazyre.compile(
    r"\b(?:added|adds|implemented|introduced|wrote|inserted)\s+(?!\d|lines?\b)\S", re.I
)
# words of a line that says its files were made (their size then may not be their size now)
MADE_WORDS = lazyre.compile(
    r"\b(?:created|built|wrote|written|implemented|scaffolded|generated|introduced)\b", re.I
)


def _counts_lines(named: str) -> bool:
    """Whether a count column's header may count lines: not one that names another unit."""
    return not OTHER_UNIT.search(named) or any(w in named for w in LINES_NAMED)


def value_of(found: quantity.Quantity, path: str) -> dict[str, Any]:
    measure = "insertions" if found.plus or found.change == "added" else "lines"
    if found.change in ("changed", "removed"):
        measure = "edited" if found.change == "changed" else "deletions"
    value: dict[str, Any] = {"path": path, "count": found.count, "measure": measure}
    if found.change.startswith("net"):  # "(-9 net lines)": its sign in "sign" ("" for none)
        value.update(measure="net", sign=found.change[3:])
    if found.approx:
        value["approx"] = True
    if found.at_least:
        value["at_least"] = True
    if found.minus is not None:
        value["deletions"] = found.minus
    if found.change == "before":  # "(850 lines before; ...)": the size before the session
        value["before"] = value["was"] = True
    return value


def line_claim(line: Line, path: str, found: quantity.Quantity) -> Claim:
    """The claim is the count as written ("74 lines"), about ``path``: its finding points at
    the number, and a true claim about the file on the same line keeps its own verdict."""
    text = line.text[found.start : found.end]
    value = {**value_of(found, path), **line.in_folder(path)}
    if CODE_UNIT.search(text) and value["measure"] == "lines":
        value["code"] = True
    return Claim("lines", text, line.number, found.start + 1, value)


# "115 LOC", "200 lines of code", "300 行代码": lines of code, which may leave out blank lines
# and comments
CODE_UNIT = lazyre.compile(
    r"\b(?:S?LOC|lines\s+of\s+code)\b|行代码|行代碼|行のコード|コード行", re.I
)


def _names_one_file(cell: str, header: list[str]) -> bool:
    """The first cell is a file: a path with a folder in a code span, or (under a column of
    line counts) a file name alone ("| handler_email.go | ~300 |" under "Lines of Code")."""
    if textscan.CODE_PATH.fullmatch(cell.strip()):
        return True
    paths = textscan.path_tokens(cell)
    bare = cell.strip(" *`")
    return len(paths) == 1 and paths[0][2] == bare and header_index(header, *LINES_NAMED) >= 0


def _cell_claims(line: Line, cells: list[tuple[int, str]]) -> list[Claim]:
    """A table with no file column, whose cell names one file with its size in words:
    "| Client files | `lib/hmac.ts` (77 lines) | removed |"."""
    out: list[Claim] = []
    for start, cell in cells:
        if len(textscan.path_tokens(cell)) != 1:
            continue  # no file, or several in one cell
        found = counted_paths.annotated(cell, False, ("lines",))
        if len(found) != 1:
            continue  # no size, or several
        _, path, q = found[0]
        shifted = dataclasses.replace(q, start=q.start + start, end=q.end + start)
        out.append(line_claim(line, path, shifted))
    return out


def _cell_number(cells: list[tuple[int, str]], index: int) -> tuple[int, re.Match[str]] | None:
    if index < 0 or index >= len(cells):
        return None
    match = CELL.match(cells[index][1])
    return (cells[index][0], match) if match else None


def table_claims(line: Line) -> list[Claim]:
    """A row of a table with a file column: its count column is a line count ("Lines", "LOC",
    "行数"), insertions ("Lines Added", "+N") with deletions beside them ("Lines Removed")."""
    header = [h.lower() for h in line.block.table_header]
    column = header_index(header, *FILE_COLUMN)
    cells = table_cells(line.text)
    if 0 <= column < len(cells) and CELL.match(cells[column][1]):
        column = -1  # "| Feature | Files | Lines |": a count of files, not a file
    if column < 0 and cells and _names_one_file(cells[0][1], header):
        column = 0  # "| `src/x.ts` | ~1,030 | ... |" under "Module | Lines": files by shape
    if column < 0 and cells:  # "| CloudKit Sync | 1 | 499 |" under "Feature | Files | Lines"
        files = header_index(header, "file")
        several = 0 <= files < len(cells) and cells[files][1].strip(" *") not in ("", "1")
        if header_index(header, *LINES_NAMED) < 0:
            return _cell_claims(line, cells)  # "| Before | `x.ts` (77 lines) |": a cell says it
        if several:
            return []  # one of several files together
        count = _row_count(cells, header, 0)
        return named.table_claim(line, cells[0][1], count) if count else []
    if column < 0 or column + 1 >= len(cells):
        return []
    paths = textscan.path_tokens(cells[column][1])
    if len(paths) != 1:
        return []  # no file, or several sharing one count
    count = _row_count(cells, header, column)
    if count is None:
        return _size_in_words(line, cells, column, paths[0][2])
    return [line_claim(line, paths[0][2], count)]


def _size_in_words(line: Line, cells: list[tuple[int, str]], column: int, path: str) -> list[Claim]:
    """The one size another cell of the file's row gives in words: "| `a_test.go` | Created
    with 20 tests (480 lines) |" (the file's size when made), "| `adapter.go` | Added the URL
    bindings (~600 lines total) |" (what a change added to it)."""
    found = counted_paths.in_other_cells(cells, column, "lines")
    if found is None:
        return []  # none, or the sizes of several parts
    start, cell, q = found
    claim = line_claim(line, path, dataclasses.replace(q, start=q.start + start, end=q.end + start))
    if claim.value["measure"] == "lines" and ADDED_PART.search(cell, 0, q.start):
        claim.value["added_part"] = True
    elif MADE_WORDS.search(cell, 0, q.start):
        claim.value["made"] = True
    return [claim]


def _row_count(
    cells: list[tuple[int, str]], header: list[str], column: int
) -> quantity.Quantity | None:
    """The line count of a table row, in the first column after ``column`` that holds one."""
    removed = _cell_number(cells, header_index(header, *REMOVED_COLUMN))
    for index in range(column + 1, len(cells)):
        found = _cell_number(cells, index)
        named = header[index] if index < len(header) else ""
        if found is None or any(w in named for w in REMOVED_COLUMN) or PLACE_COLUMN.match(named):
            continue
        if BEFORE_COLUMN.search(named):
            continue  # the size before: the size now is in a later column, or not given
        if not _counts_lines(named) and not any(w in cells[index][1].lower() for w in LINES_NAMED):
            continue  # "| `x.rs` | 3 |" under "New Tests": the cell does not say lines either
        start, match = found
        added = match.group("plus") or any(w in named for w in ADDED_COLUMN)
        explicit = added or "new" in cells[index][1].lower()
        if not (explicit or any(w in named for w in LINES_COLUMN)):
            continue
        minus = (
            match.group("del")
            or match.group("minus")
            or (removed[1].group("n") if removed and added else None)
        )
        count = quantity.Quantity(
            start + match.start("n") - (1 if match.group("plus") else 0),
            quantity.number(match.group("n")),
            "lines",
            bool(match.group("approx")),
            bool(match.group("more")),
            bool(added),
            int(minus.replace(",", "")) if minus else None,
            start + len(NOTE.sub("", cells[index][1]).rstrip(" *")),
        )
        return count
    return None
