"""The Total row of a table of changes ("| **Total** | 12 | +1,460 | -230 |" under "| Area |
Files | Lines Added | Lines Removed |"): a stats claim of the whole diff, or of a part of the
work when the rows are components rather than commits or files."""

from __future__ import annotations

import re
from typing import Any

from handoff_lint import lazyre
from handoff_lint.claims.walk import Line, table_cells
from handoff_lint.model import Claim

# the labels of lines added and removed, in the languages reports are written in
ADDED_WORDS = (
    r"lines?\s+(?:of\s+code\s+)?added|added\s+lines|lines?\s+inserted|insertions|"
    r"total\s+lines?\s+added|code\s+added|新增(?:代码)?(?:行数)?|追加行数?|増加行数|"
    r"líneas\s+(?:añadidas|agregadas)|linhas\s+adicionadas|lignes\s+ajoutées|hinzugefügte\s+zeilen"
)
REMOVED_WORDS = (
    r"lines?\s+(?:deleted|removed)|deleted\s+lines|removed\s+lines|deletions|删除(?:代码)?(?:行数)?|"
    r"削除行数?|líneas\s+(?:eliminadas|borradas)|linhas\s+removidas|lignes\s+supprimées"
)
FILES_COLUMN = lazyre.compile(r"\bfiles?\b|文件|ファイル", re.I)
# "Files Moved", "Files Removed": a count of files of one action, not of the diff's files
OTHER_ACTION = lazyre.compile(
    r"\b(?:moved|removed|deleted|renamed|archived|created|added|new)\b|移动|删除|新增|移動|削除",
    re.I,
)
TOTAL_CELL = lazyre.compile(r"^\W*(?:total|totals|sum|合计|总计|合計)\W*$", re.I)


def total_row(line: Line) -> Claim | None:
    header = [h.lower() for h in line.block.table_header]
    cells = table_cells(line.text)
    if not cells or not TOTAL_CELL.match(cells[0][1].replace("*", "")):
        return None
    value: dict[str, Any] = {"files": None, "insertions": None, "deletions": None}
    first = None
    for index, (start, raw) in enumerate(cells[1:], 1):
        name = header[index] if index < len(header) else ""
        number = re.match(r"\W*(\d[\d,]*)", raw)
        files = FILES_COLUMN.search(name) is not None  # "Files Removed" counts files, not lines
        key = (
            ("" if OTHER_ACTION.search(name) else "files")
            if files
            else "insertions"
            if re.search(ADDED_WORDS + r"|^\+$|added", name, re.I)
            else "deletions"
            if re.search(REMOVED_WORDS + r"|^-$|removed", name, re.I)
            else ""
        )
        if key and number:
            value[key] = int(number.group(1).replace(",", ""))
            first = first or (start + number.start(1))
    if first is None or (value["insertions"] is None and value["deletions"] is None):
        return None
    written = line.text[first:].split("|")[0].strip(" *")
    if header and not WHOLE_ROWS.search(header[0]) and not any(map(FILES_COLUMN.search, header)):
        value["part"] = True  # the total of components or features: maybe a part of the work
    return Claim("stats", written, line.number, first + 1, value)


# a table whose rows are commits or files (or that counts files): its Total row is the whole diff
WHOLE_ROWS = lazyre.compile(r"commit|sha|hash|file|path|文件|ファイル|파일|datei|archivo|fichier")
