"""The nearest witness of a count: the list, table or pasted file tree right after it.

"### Files Modified (9 files)", "#### 新增文件（17 个）", "**Keyboard tests (5 tests):**" count
what follows them. The witness is the first of: the rows of a table, the entries of a code block
(a tree or a list of paths), or the top-level items of the lists that follow (several lists
count together when only bold group labels stand between them), up to the next heading.
A list that says it is incomplete ("... and 7 more", "etc.") is no witness.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handoff_lint import lazyre
from handoff_lint.claims.bracketed import BRACKETED, bracketed
from handoff_lint.document import textscan
from handoff_lint.model import Block, Document

# nouns a list gives one item each (a list of "patterns" or "tests" grouped by category does not)
ONE_EACH = lazyre.compile(
    r"^(?:[\w-]+\s+){0,2}?(?:files?|documents?|docs?|tests?|test\s+cases?|tasks?|items?|steps?|commits?|"
    r"fix(?:es)?|bugs?|issues?|features?|components?|modules?|endpoints?|scripts?|pages?|"
    r"screens?|prs?|pull\s+requests?|changes|reports?|checks?|stories|classes|functions?|"
    r"ind(?:ex(?:es)?|ices)|tables?|migrations?|routes?|models?|hooks?|commands?|rules?|"
    r"arquivos|archivos|ficheiros|fichiers|dateien|documentos|testes|pruebas|tarefas|tareas|"
    r"tâches|aufgaben|componentes|módulos|modulos|índices|tabelas|tablas|rotas|rutas|"
    r"文件|文档|测试|任务|问题|组件|模块|ファイル|ドキュメント|テスト|タスク|파일|테스트)$",
    re.I,
)
FILE_NOUN = lazyre.compile(
    r"\b(?:files?|documents?|docs?)\b|文件|文档|ファイル|ドキュメント|파일", re.I
)
INCOMPLETE = lazyre.compile(
    r"\b(?:and|plus)\s+\d+\s+more\b|\betc\.?$|…|\.\.\.\s*$|以及其他|など$|等$"
    # an item that stands for several: "14 other reports", "other 14 files", "其他14个报告文档"
    r"|\b\d+\s+(?:more|others?)\b|\b(?:other|another|remaining)\s+\d+\b"
    r"|(?:其他|其余|另外|ほか|他の)\s*\d+",
    re.I,
)
# "Task 12-30: ...": one item standing for many
RANGED = lazyre.compile(
    r"\b(?:tasks?|items?|issues?|steps?|phases?|tickets?|stories|#)\s*\d+\s*(?:-|–|to)\s*\d+\b",
    re.I,
)
# "abc1234 fix: x", "- `abc1234` x", "✅ Commit abc1234: x", "2. **abc1234** x": one commit a line
HASH_LINE = lazyre.compile(
    r"^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:[✅✓✔☑]\s*)?(?:\*\*)?(?:commit\s+)?`?[0-9a-f]{7,40}\b"
    r"`?(?:\*\*)?:?\s+\S",
    re.I,
)
GROUP_LABEL = lazyre.compile(r"^\s*\*\*[^*]{1,60}\*\*\s*[:：]?\s*$")
# a size in brackets ("(409 行)", "(120 lines)") measures an item; it does not make it a group
SIZE_UNIT = (
    r"(?!(?:lines?|行|LOC|SLOC|KB|MB|bytes?|ms|%|lignes|l[ií]neas|linhas|zeilen|righe|строк)"
    r"(?:[\W_]|$))"
)
GROUP_COUNT = lazyre.compile(
    r"[(（](?![0-9a-f]{7,40}[)）])\s*\d+(?:,\d{3})*\s*"
    + SIZE_UNIT
    + r"\S{0,12}\s*[)）]|\b\d+\s+(?:[\w-]+\s+)?(?:tests?|files?|items?|patterns?)\b|\d+\s*(?:个|個|件)"
    # an item that opens with a count of its own ("- 24 obsolete .md Dateien", "- ~4 scripts")
    r"|^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:[*_]{1,2})?[~≈]?\d[\d,.]*\+?(?:[*_]{1,2})?\s+[^\W\d_]"
)
# a tree or list entry, or a `git status --short` line ("M  src/a.go - note", "D  old.go")
TREE_ENTRY = lazyre.compile(
    r"^[\s│|]*(?:├──|└──|├─|└─|\|--|`--|[-*+]\s|(?:[MADRCU]{1,2}|\?\?)\s)\s*(?P<name>\S.*?)\s*$"
)


# an item that starts by naming something in a code span: "- `RoleTest::test_scope`"
NAMES = lazyre.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\*\*)?`")


# an item that stands for several of what is counted: "callbacks for all options (1m, 5m, 30m)"
PLURAL = lazyre.compile(
    r"\b(?:all|each|every|both|various|multiple|several|per)\b|[(（][^()（）]*[,、/][^()（）]*[)）]"
    # "- `parseTooltip()`: div-based, br-based, mixed format": a label, then cases after a colon
    r"|[:：]\s*[^,，、:：]{1,60}[,，、][^,，、]{1,60}[,，、]",
    re.I,
)


@dataclass(frozen=True)
class Witness:
    count: int
    what: str  # "list items", "table rows", "entries"
    named: int = 0  # items that name something in a code span, when only some of them do
    plural: bool = False  # some item stands for several: the count is at least the items
    cited: bool = False  # every item cites a commit id: a list of commits


def position(doc: Document, block: Block) -> int:
    """The index of ``block`` in ``doc.blocks`` (one table per document)."""
    positions = doc.once("block_positions", lambda: {id(b): i for i, b in enumerate(doc.blocks)})
    return positions[id(block)]


def _table(blocks: list[Block]) -> Witness | None:
    header = blocks[0].table_header
    rows = 0
    for block in blocks:
        if block.kind != "table_row" or block.table_header is not header:
            break
        rows += 1
    return Witness(rows - 1, "table rows") if rows > 1 else None


# a line of a bare list of paths, one a line, perhaps with a note: "src/a.py  # new"
# or with its size: "internal/a.go      288 LOC"
PATH_LINE = lazyre.compile(
    r"^\s*(?P<name>[^\s`#]\S*)(?:\s+(?:#|//|\(|--?\s|[—–]).*"
    r"|\s+[~≈]?\d[\d,.]*\+?(?:\s*[^\W\d_]{1,12})?)?\s*$"
)
FENCE_LINE = lazyre.compile(r"^\s*(?:`{3,}|~{3,})")


def _code(block: Block, end: int | None = None) -> Witness | None:
    """A pasted tree or list of files (its lines up to ``end``): its file entries (folders and
    other lines aside); or a bare list of paths, one a line, when every line is one."""
    lines = block.lines[:end]
    entries = [m.group("name") for m in map(TREE_ENTRY.match, lines) if m]
    if not entries:
        entries = _path_lines(lines)
    else:  # a tree, and files at the top level beside it ("docs/" drawn, then "README.md")
        rest = [
            line
            for line in lines
            if line.strip() and not TREE_ENTRY.match(line) and not FENCE_LINE.match(line)
        ]
        found = [m.group("name") for m in map(PATH_LINE.match, rest) if m]
        entries += [f for f in found if textscan.looks_like_path(f)]
    names = [e.split()[0].strip("`*") for e in entries]
    files = [n for n in names if textscan.looks_like_path(n)]
    if not files or len(files) < len(names) - sum(n.endswith("/") for n in names):
        return None  # not a list of files
    if any(INCOMPLETE.search(e) for e in entries):
        return None
    return Witness(len(files), "files listed")


def _path_lines(lines: list[str]) -> list[str]:
    """Every line of a code block that is a path, if all of them are (fences and blank lines
    aside): "src/app/a.ts" one a line; else none."""
    content = [line for line in lines if line.strip() and not FENCE_LINE.match(line)]
    found = [m.group("name") for m in map(PATH_LINE.match, content) if m]
    if len(found) < len(content) or not all(textscan.looks_like_path(f) for f in found):
        return []
    return found


# a heading that is one numbered item: "Item #3: ...", "Task 2 - ...", "Fix 4.", "3. ...", "任务 2"
ITEM_HEADING = lazyre.compile(
    r"^\W*(?:(?:item|task|step|fix|bug|issue|feature|story|change|tarea|paso|aufgabe|tâche|"
    r"任务|步骤|項目|タスク)\s*)?#?\d{1,3}(?![\d.]\d)\b",
    re.I,
)


def _subsections(doc: Document, block: Block) -> Witness | None:
    """ "## Completed Items (6 of 9)" over "### Item #1 ...", "### Item #2 ...": the numbered
    items its own subheadings are (nothing when they are groups or not all numbered)."""
    own = block.section
    children = [s for s in doc.sections if s.parent is own and own is not None]
    if len(children) < 2 or not all(ITEM_HEADING.match(s.title) for s in children):
        return None
    return Witness(len(children), "numbered subheadings")


def _summed(doc: Document, block: Block, noun: str) -> Witness | None:
    """ "### Backend (13)" over "#### New files (8)" and "#### Modified files (3)": the sum of
    the counts its subheadings give, when each of them gives one of the same thing."""
    own = block.section
    children = [s for s in doc.sections if s.parent is own and own is not None]
    counts = [c for s in children if (c := bracketed(s.title)) is not None]
    if len(children) < 2 or len(counts) < len(children):
        return None
    whats = {c.what.strip(" *_").lower() for c in counts} | {noun}
    if len(whats - {""}) > 1:
        return None  # "(13 files)" over "(8 files)" and "(5 tests)": other things
    return Witness(sum(c.n for c in counts), "counts of its subheadings")


def listed_above(block: Block, line: int) -> Witness | None:
    """The files a pasted list or tree holds above its own line ``line`` ("Total Files: 11" at
    the end of the list it totals)."""
    return _code(block, line - block.line)


# "**Total:** 11 documents", "Total: 8 files", "总计: 5 个文件": a total line after lists
TOTAL_LINE = lazyre.compile(r"^\s*\**\s*(?:total|in\s+all|gesamt|insgesamt|总计|合计|合計)\b", re.I)


def total_above(doc: Document, block: Block) -> Witness | None:
    """The files named by the lists above a total line ("**Total:** 11 documents"): those of
    its own section, and of the sibling sections before it when it ends the last of parallel
    subsections ("### Part 1 (6 documents)", "### Part 2 (1 document)", ... then the total).
    Top-level items that name a file, as far back as the enclosing heading; or the files of a
    pasted tree or list right above it."""
    section = block.section
    if section is None or block.list_depth >= 0 or not TOTAL_LINE.match(block.lines[0]):
        return None
    own = {id(s) for s in doc.sections if s is section or s.parent is section.parent}
    items: set[int] = set()
    for earlier in reversed(doc.blocks[: position(doc, block)]):
        if earlier.section is None or id(earlier.section) not in own:
            break
        if earlier.kind == "code" and not items:  # a pasted tree or list right above it
            drawn = _code(earlier)
            return Witness(drawn.count, "files listed above") if drawn else None
        if earlier.kind != "paragraph" or earlier.list_depth != 0 or earlier.parent_item_id >= 0:
            continue
        if textscan.path_tokens(earlier.lines[0]):
            items.add(earlier.item_id)
    return Witness(len(items), "files listed above") if items else None


def _hash_lines(block: Block) -> Witness | None:
    """Pasted ``git log --oneline`` output (in a code block or a bare paragraph): its commits."""
    lines = [line for line in block.lines if line.strip() and not line.lstrip().startswith("```")]
    if lines and all(HASH_LINE.match(line) for line in lines):
        return Witness(len(lines), "commits listed")
    return None


def _group_label(block: Block) -> bool:
    """A bold label alone on its paragraph, with no count of its own ("**Core:**")."""
    return (
        block.kind == "paragraph"
        and block.list_depth < 0
        and GROUP_LABEL.match(block.text) is not None
        and BRACKETED.search(block.text) is None
    )


# "Located in: `scripts/`", "**Path:** `docs/`", "位置: ...": where the items below are
PLACE = lazyre.compile(
    r"^\s*\**(?:located\s+in|location|path|folder|directory|in\s+folder|位于|位置|路径|目录)"
    r"\**\s*[:：]",
    re.I,
)


def _place(block: Block) -> bool:
    """A one-line paragraph that says where the items below it are, not one of them."""
    return (
        block.kind == "paragraph"
        and block.list_depth < 0
        and len(block.lines) == 1
        and PLACE.match(block.text) is not None
    )


# a commit id anywhere in an item's first line ("3. **Fix parser** (1234238)"): in a list
# of commits, digits-only ids count too
ITEM_ID = lazyre.compile(r"(?<![\w/.#-])[0-9a-f]{7,40}(?![\w-])")


def _lists(blocks: list[Block], through_labels: bool, files: bool = False) -> Witness | None:
    """Top-level items of the lists in ``blocks``; a heading's count goes on through bold group
    labels ("**Core:**") that carry no count of their own. Items that carry counts themselves
    ("- Fantasy (14): ...") are groups of what is counted, not one each: no witness. A count of
    ``files`` is witnessed by items that name files, not by a list of what changed."""
    items: set[int] = set()
    counted = named = plural = pathed = cited = 0
    for block in blocks:
        if block.kind == "heading":
            break
        if block.kind == "paragraph" and block.list_depth < 0:
            if through_labels and _group_label(block):
                continue
            break
        if block.kind != "paragraph":
            break
        if INCOMPLETE.search(block.text) or RANGED.search(block.lines[0]):
            return None
        if block.list_depth == 0 and block.parent_item_id < 0 and block.item_id not in items:
            items.add(block.item_id)
            counted += GROUP_COUNT.search(block.lines[0]) is not None
            named += NAMES.match(block.lines[0]) is not None
            plural += PLURAL.search(block.lines[0]) is not None
            pathed += bool(files and textscan.path_tokens(block.lines[0]))
            cited += ITEM_ID.search(block.lines[0]) is not None
    if not items or counted * 2 >= len(items) or (files and pathed * 2 < len(items)):
        return None
    # "(1 test)" over "- `RoleTest::test_scope`", "- Expected 'like'", "- SQLite ...": the
    # items that name something may be what is counted, the others details of them
    some_named = named if 0 < named < len(items) else 0
    return Witness(len(items), "list items", some_named, plural > 0, cited == len(items))


# "**Core** (6 个):", "**Tests (5):**": a group label with its own count, over its list
COUNTED_LABEL = lazyre.compile(
    r"^\s*\*\*[^*]{1,60}\*\*\s*[(（](?![0-9a-f]{7,40}[)）])\s*\d+\s*\S{0,6}\s*[)）]\s*[:：]?\s*$"
    r"|^\s*\*\*[^*]{1,60}[(（](?![0-9a-f]{7,40}[)）])\s*\d+\s*\S{0,6}\s*[)）]\s*[:：]?\*\*\s*$"
)


def _groups(blocks: list[Block]) -> Witness | None:
    """A heading's count over groups that count themselves ("**Docs** (4):" and its list, then
    "**Code** (6):" and its list): every item of every group, one each."""
    total, index = 0, 0
    while index < len(blocks) and blocks[index].kind == "paragraph":
        label = blocks[index]
        if label.list_depth >= 0 or COUNTED_LABEL.match(label.text) is None:
            break
        found = _lists(blocks[index + 1 :], False)
        if found is None:
            return None
        total += found.count
        index += 1
        while (
            index < len(blocks)
            and blocks[index].kind == "paragraph"
            and blocks[index].list_depth >= 0
        ):
            index += 1
    if index == 0 or (index < len(blocks) and blocks[index].kind not in ("heading", "break")):
        return None  # not groups alone up to the next heading: no witness
    return Witness(total, "list items")


def after(doc: Document, block: Block, what: str = "") -> Witness | None:
    """The witness right after ``block`` (a heading, a label or a paragraph) of a count of
    ``what`` (a noun, or "" for a bare counter), or None. A table witnesses a count of files
    or a bare count only: its rows may be categories of what is counted."""
    rest = doc.blocks[position(doc, block) + 1 :]
    noun = what.strip(" *_").lower()
    if not rest or (noun and not ONE_EACH.match(noun)):
        return None
    while block.kind == "heading" and len(rest) > 1 and (_group_label(rest[0]) or _place(rest[0])):
        rest = rest[1:]  # "### New files (3)" then "**Core:**" (or "Located in: `x/`") and its list
    if _swallowed_item(block):  # "**B. Dispatch (2 tests)**" then "3. TestDispatch"
        return None
    first = rest[0]
    if block.kind == "heading" and first.kind == "heading":
        summed = _summed(doc, block, noun)
        if summed is not None:
            return summed
        return None if FILE_NOUN.search(noun) else _subsections(doc, block)
    if block.kind == "heading" and first.kind == "paragraph" and first.list_depth < 0:
        grouped = _groups(rest)
        if grouped is not None:
            return grouped
    # pasted log lines (a list of commits is counted by its items, below)
    if noun.startswith("commit") and (first.kind == "code" or first.list_depth < 0):
        found = _hash_lines(first)
        if found is not None or first.kind == "code":
            return found
    if first.kind == "table_row":
        return _table(rest) if not noun or FILE_NOUN.search(noun) else None
    if first.kind == "code":
        return _code(first)
    if first.kind == "paragraph" and first.list_depth >= 0:
        return _lists(rest, block.kind == "heading", bool(FILE_NOUN.search(noun)))
    return None


SWALLOWED_ITEM = lazyre.compile(r"^\s*\d{1,3}[.)]\s+\S")


def _swallowed_item(block: Block) -> bool:
    """The paragraph goes on with an item not numbered 1 (which cannot interrupt a paragraph in
    Markdown): the list it began was joined to it, and no list after it is a witness."""
    return block.kind == "paragraph" and any(SWALLOWED_ITEM.match(t) for t in block.lines[1:])
