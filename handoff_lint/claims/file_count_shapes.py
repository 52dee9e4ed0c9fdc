"""The shapes of a count of files in prose, headings, labels and compact summaries: which
words name files, which name an action on them, and where the number sits (file_counts reads
them)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import filetypes

if TYPE_CHECKING:
    from handoff_lint.claims.walk import Line
    from handoff_lint.model import Document

ACTIONS = {
    "created": r"created|new|added|新增|新建|创建|新規|新規作成|作成|追加|neu|neue[nrs]?|erstellt|angelegt|nuevos?|"
    r"cread[oa]s?|criad[oa]s?|novos?|nuovi|creati|nouveaux?|créés?|нов(?:ых|ые|ый)|"
    r"созда(?:но|ны|н|нных)|добавлен(?:о|ы|ных)?",
    "modified": r"modified|updated|edited|修改|更改|更新|修正|変更|geändert|modifiziert|aktualisiert|bearbeitet|angepasst|actualizad[oa]s?|atualizad[oa]s?|aggiornati|modificad[oa]s?|"
    r"modificati|modifiés?|изменен(?:о|ы|ных)?|изменён(?:о|ы|ных)?|обновлен(?:о|ы|ных)?",
    "deleted": r"deleted|removed|删除|削除|gelöscht|entfernt|eliminados?|removidos?|supprimés?|"
    r"удален(?:о|ы|ных)?|удалён(?:о|ы|ных)?",
    "renamed": r"renamed|moved|移动|重命名|移動|verschoben|umbenannt|movidos?|renommés?",
    "changed": r"changed|touched|affected|afectados|afetados|betroffen|concernés|total|涉及|共",
}
NOUN = (
    r"(?P<noun>(?:(?:code|source|"
    + filetypes.KIND
    + r")\s+)?files?|docs?|documents?|documentos|documenti|dokumente|文件|文档|ファイル|"
    r"ドキュメント|파일|Datei(?:en)?|archivos?|arquivos?|fichiers?|файл(?:ов|а|ы)?|документ(?:ов|а|ы)?)"
    r"(?![A-Za-z])"  # not "4 new doc tests"
)
# a count, not a duration or a share ("| 创建文档 | 25 分钟 |" is 25 minutes of writing documents)
NUMBER = (
    r"(?P<approx>~|≈|约|約)?\s*(?P<n>\d{1,5})(?P<more>\+)?"
    r"(?![\d.,]|\s*(?:分钟|分鐘|小时|小時|秒|天|%|(?:min(?:ute)?s?|h(?:ours?)?|sec(?:ond)?s?|ms|days?)\b))"
)
ACTION = "|".join(ACTIONS.values())  # which action: ``_action`` on the words matched
# "Files Modified", "Modified Files", "文件修改", "created/modified files": an action on files,
# either way round (``{between}``: what may stand between an action first and its noun)
ACTION_AND_NOUN = (
    (
        r"(?:(?P<a1>"
        + ACTION
        + r"){between}"
        + NOUN
        + r"|"
        + NOUN.replace("<noun>", "<noun2>")
        + r"\s*(?P<a2>"
        + ACTION
        + r")(?:\s*/\s*(?P<a3>"
        + ACTION
        + r"))?)"
    )
    .replace("{", "{{")
    .replace("}", "}}")
    .replace("{{between}}", "{between}")
)
SHAPES = [
    # "**Files Modified:** 9", "删除文件: 40个", "変更ファイル: 1個", "Total Files Changed: 21"
    lazyre.compile(
        r"(?:^(?:#{1,6}\s+|[-+]\s+|\d+[.)]\s+)?|[*|])\s*(?:total\s+)?"
        + ACTION_AND_NOUN.format(between=r"\s*")
        + r"\s*(?:数|count)?\**\s*[:：|]\s*\**\s*"
        + NUMBER,
        re.I,
    ),
    # "3 new files created", "12 modified files", "22 个文件 被修改", "~15 个文件"
    lazyre.compile(
        r"(?<![\w.,/])"
        + NUMBER
        + r"\s*(?:个|個)?\s*(?:(?P<a1>"
        + ACTION
        + r")(?:\s*/\s*(?P<a3>"  # "8 created/modified files"
        + ACTION
        + r"))?\s+)?"
        + NOUN
        + r"(?:\**\s*(?:were\s+|have\s+been\s+|被|已)?(?P<a2>"
        + ACTION
        + r"))?",
        re.I,
    ),
    # "- **Deleted**: 59 files", "- **删除**: 59个文件", "新增: 4个文件": an action label, then the count
    lazyre.compile(
        r"(?:^\s*(?:[-+*]\s+|\d+[.)]\s+)?|[|])\s*\**\s*(?P<a1>"
        + ACTION
        + r")\s*\**\s*[:：]\s*\**\s*"
        + NUMBER
        + r"\s*(?:个|個|件)?\s*"
        + NOUN,
        re.I,
    ),
]
# "### New Files (17)", "#### 新增文件（17 个）", "### 删除的文档 (27个)", "**Files Modified (3):**":
# a heading or a bold label that names an action on files, its count in brackets
SHAPES.append(
    lazyre.compile(
        r"^(?:#{1,6}\s+|\s*(?:(?:[-+]|\d{1,3}[.)])\s+)?\*\*)[^\w(（]{0,8}(?:total\s+)?"
        + ACTION_AND_NOUN.format(between=r"\s*的?\s*")
        + r"\s*\**\s*[(（]\s*"
        + NUMBER
        + r"\s*(?:个|個|件|files?|documents?|docs?)?\s*[)）]",
        re.I,
    )
)
# "### Código Modificado (2 arquivos)", "**Updated code (3 files):**": an action on what the
# heading names, and the files it is spread over counted in the bracket
SHAPES.append(
    lazyre.compile(
        r"^(?:#{1,6}\s+|\s*(?:[-+]\s+)?\*\*)[^\w(（]{0,8}(?:\w+\s+){0,2}?(?P<a1>"
        + ACTION
        + r")(?:\s+\w+){0,2}?\s*\**\s*[(（]\s*"
        + NUMBER
        + r"\s*(?:个|個)?\s*"
        + NOUN
        + r"\s*[)）]",
        re.I,
    )
)
# "- Created 5 files", "- Moved 9 documentation files", "Создано 5 файлов": the action first, at
# the start of an item or a sentence, then the count and what it counts (not "Removed 1
# temporary test file": a word that picks some of them out counts a part git cannot tell)
SHAPES.append(
    lazyre.compile(
        r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\[[xX]\]\s+)?(?:[✅✔]\ufe0f?\s*)?\**(?P<a1>"
        + ACTION
        + r")\**\s+"
        + NUMBER
        + r"\s+"
        + NOUN,
        re.I,
    )
)
# "変更規模: 新規0件、修正1件、削除0件"
COMPACT = lazyre.compile(r"(?P<a1>" + ACTION + r")\s*" + NUMBER + r"\s*(?:件|個|个)", re.I)
COMPACT_LINE = lazyre.compile(r"変更規模|变更规模|変更ファイル|修改规模")
# "3 files changed, 14 insertions(+)": git's own summary, a diff-stat claim (stats, commit)
DIFF_STAT = lazyre.compile(r"\d\s+files?\s+changed\s*,\s*\d+\s+(?:insertion|deletion)", re.I)
CHANGED = lazyre.compile(
    r"\b(?:changed|touched|affected|afectados|afetados|betroffen|concernés|total)\b|涉及|共", re.I
)
WORDS = lazyre.words(
    "file",
    "doc",
    "文件",
    "文档",
    "ファイル",
    "ドキュメント",
    "파일",
    "datei",
    "archivo",
    "arquivo",
    "fichier",
    "件",
    "файл",
    "документ",
)


# "in src/", "em src/", "dans lib/": the folder a count of files is of
IN_FOLDER = lazyre.compile(
    r"\s*(?:in|em|en|dans|im|unter|under|inside|within|no|na|nel)\s+`?[\w.@-]+(?:/[\w.@-]+)*/",
    re.I,
)


# "All 3 new test files pass": a count of a set the document has named
ALL = lazyre.compile(r"\b(?:all|todos|todas|alle|tous|toutes)\b|全部|所有|すべて", re.I)


TOTAL_LABEL = lazyre.compile(r"^\W*(?:total|gesamt|insgesamt|总计|合计|合計)\b", re.I)


def each_commits_total(doc: Document, line: Line) -> bool:
    """Sections of commits that each give a total ("### Commit 1" ... "**Total:** 9 files",
    "### Commit 2" ... "**Total:** 8 files"): a total in one of them is its commit's."""
    section = line.block.section
    if section is None:
        return False
    siblings = {id(s) for s in doc.sections if s.parent is section.parent and s is not section}
    return any(
        b.section is not None and id(b.section) in siblings and TOTAL_LABEL.match(b.lines[0])
        for b in doc.blocks
    )


# "3 (RELEASE_GUIDE, READY_SUMMARY, WORK_SUMMARY)": the bracket after a count names its files
BRACKET_AFTER = lazyre.compile(
    r"\d+\+?\s*(?:[^\W\d_]+\s*){0,3}[(（](?P<items>[^()（）]{3,400})[)）]"
)
SEPARATOR = lazyre.compile(r"\s*(?:[,，、;；]|\band\b|和|及)\s*")


def enumerated(text: str, column: int) -> int:
    """How many names the bracket right after the count at ``column`` lists, one each (0 when
    it lists none: "(3 XML, 3 Kotlin)" counts parts, "(see below)" names nothing)."""
    found = BRACKET_AFTER.match(text, column)
    if found is None:
        return 0
    items = [i.strip(" `*_") for i in SEPARATOR.split(found.group("items"))]
    if len(items) < 2 or any(not i or i[0].isdigit() or " " in i for i in items):
        return 0
    return len(items)
