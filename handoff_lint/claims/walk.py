"""Iterate over the lines of a document where claims can be, with their context."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims.branch_inventory import about_branches
from handoff_lint.claims.templates import in_template
from handoff_lint.document import codeshape, roles, textscan
from handoff_lint.git import contents
from handoff_lint.model import Block, Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

PROSE_KINDS = ("paragraph", "heading", "table_row")


@dataclass(slots=True)
class Line:
    block: Block
    number: int
    text: str
    first: bool
    planned: bool = False  # under a plan heading: not done work
    folded: str = ""  # ``text.casefold()``, for the keyword tests of ``containing``
    shape: str = ""  # for a line of pasted tool output in a code block: its shape (codeshape)
    folder: str = ""  # for an entry of a drawn file tree: the folder the tree puts it in

    def in_folder(self, path: str) -> dict[str, str]:
        """The ``path`` and ``written`` values of a claim about ``path`` as written on this line:
        the path inside the folder a drawn tree puts it in, and the name as written when they
        differ (git is asked for the drawn one first: gathering._drawn_paths)."""
        if self.folder and "/" not in path:
            return {"path": self.folder + path, "written": path}
        return {"path": path}

    @property
    def starts_item(self) -> bool:
        """True on the first line of a list item's first text block."""
        return self.first and self.block.list_depth >= 0


def prose_lines(doc: Document) -> list[Line]:
    """Every source line of a prose block (not code, not HTML), listed once per document."""

    def lines() -> list[Line]:
        open_tasks = _open_tasks(doc)
        return [
            Line(
                block,
                block.line + offset,
                text,
                offset == 0,
                roles.in_plan(block.section)
                or about_branches(doc, block)
                or in_template(doc, block)
                or block.item_id in open_tasks,
                text.casefold(),
            )
            for block in doc.blocks
            if block.kind in PROSE_KINDS
            for offset, text in enumerate(block.lines)
        ]

    return doc.once("prose_lines", lines)


# "- [ ] **P0: Fix the score** ... ~15 LOC in Hud.cpp": a task not done (its estimate, no claim)
OPEN_TASK = lazyre.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+\[ \]")


def _open_tasks(doc: Document) -> set[int]:
    """The list items that are unticked tasks, and the items nested in them."""
    found: set[int] = set()
    seen: set[int] = set()
    for block in doc.blocks:
        if block.item_id < 0 or block.item_id in seen:
            continue
        seen.add(block.item_id)
        if block.parent_item_id in found or (block.lines and OPEN_TASK.match(block.lines[0])):
            found.add(block.item_id)
    return found


# a bold label alone on its line: "**Files to create:**", "**Expected output**:"
BOLD_LABEL = lazyre.compile(r"^\s*(?:[-*+]\s+)?\*\*(?P<label>[^*]{2,60}?)[:：]?\*\*[:：]?\s*$")


def _line_above(doc: Document, block: Block) -> str:
    """The last non-blank of the two lines right over ``block`` (a code block's fence), or ''."""
    start = block.line - 1  # the index of the block's first line
    above = [t for t in doc.lines[max(0, start - 2) : max(0, start)] if t.strip()]
    return above[-1] if above else ""


def _under_plan_label(doc: Document, block: Block) -> bool:
    """The label right over a code block names future work ("**Files to modify:**",
    "**Expected output:**"), as a plan heading would."""
    label = BOLD_LABEL.match(_line_above(doc, block))
    return label is not None and roles.role_of(label.group("label"), doc.heading_words) == "plan"


def output_lines(doc: Document) -> list[Line]:
    """The lines of pasted tool output in code blocks (``git log``, ``--stat``, file trees with
    counts, test summaries), with their shape; program code is left out (codeshape)."""

    def lines() -> list[Line]:
        out: list[Line] = []
        for block in doc.blocks:
            if block.kind != "code":
                continue
            planned = (
                roles.in_plan(block.section)
                or about_branches(doc, block)
                or _under_plan_label(doc, block)
                or in_template(doc, block)
            )
            shaped = codeshape.output_lines(block.info, block.lines)
            folders = codeshape.tree_folders(block.lines) if shaped else {}
            for offset, shape in shaped:
                text = block.lines[offset]
                number = block.line + offset
                line = Line(block, number, text, True, planned, text.casefold(), shape)
                drawn = shape in ("tree", "counted", "entry")
                line.folder = folders.get(offset, "") if drawn else ""
                out.append(line)
        return out

    return doc.once("output_lines", lines)


def done_lines(doc: Document) -> list[Line]:
    """The lines of done work, in document order: prose not under a plan heading, and pasted
    tool output (a claim like prose), listed once per document."""

    def lines() -> list[Line]:
        prose = [line for line in prose_lines(doc) if not line.planned]
        output = [line for line in output_lines(doc) if not line.planned]
        return sorted(prose + output, key=lambda line: line.number) if output else prose

    return doc.once("done_lines", lines)


# a heading or label that introduces the state before the session: "#### Vorher", "**Before:**"
BEFORE = lazyre.compile(
    r"^[\W_]*(?:before|vorher|antes|avant|prima|previously|变更前|修改前|之前|変更前|以前|이전)"
    r"(?![\w-])",
    re.I,
)


# a label that ends with the word: "**Structure avant** :", "Code before:"
BEFORE_LAST = lazyre.compile(
    r"\s(?:before|vorher|antes|avant|prima|previously|以前|이전)[\W_]*$", re.I
)


def told_before(doc: Document, line: Line) -> bool:
    """The line's own heading, or the label line right over its block, introduces the state
    before the session ("#### Vorher" over a pasted tree, "**Before:**" over a list)."""
    section = line.block.section
    if section is not None and BEFORE.match(section.title.strip(" *_")):
        return True
    label = _line_above(doc, line.block).strip(" #*_>-:")
    return bool(label) and (
        BEFORE.match(label) is not None or BEFORE_LAST.search(label) is not None
    )


# the first step of test-first work: tests written before the code ("RED: wrote 12 tests", "Tests
# written first (RED)", "red phase"); the steps after it may add or drop tests
RED_STEP = lazyre.compile(
    r"\bRED\b|(?i:\bred\s+(?:phase|step)\b|\b(?:written|wrote|write)\s+(?:\w+\s+)?first\b"
    r"|\bfailing\s+tests?\s+first\b)"
)


def red_step(text: str) -> bool:
    """The line tells of the test-first step: a count of tests there is of that moment, before
    the code (and the tests added with it) was written, not of the session's end."""
    return RED_STEP.search(text) is not None


def containing(doc: Document, *words: str) -> list[Line]:
    """The prose lines of done work (not plans) that contain one of ``words`` (lower case,
    matched case-insensitively), in document order, listed once per document.

    The extractors' patterns each need a word ("commit", "line", "test"); asking for the lines
    that have it spares them the regular expressions on every other line of a large document.
    """

    def lines() -> list[Line]:
        search = re.compile("|".join(re.escape(word) for word in words)).search
        return [line for line in done_lines(doc) if search(line.folded)]

    return doc.once("containing:" + "|".join(words), lines)


def cell_index(cells: list[tuple[int, str]], column: int) -> int:
    """The index of the cell (of ``table_cells``) holding the 0-based ``column``; -1 if none."""
    return next(
        (i for i, (start, raw) in enumerate(cells) if start <= column < start + len(raw)), -1
    )


def table_cells(line: str) -> list[tuple[int, str]]:
    """(start offset, raw text) of each cell of a Markdown table row."""
    cells: list[tuple[int, str]] = []
    start = 0
    body = line
    if body.lstrip().startswith("|"):
        start = body.index("|") + 1
    position = start
    escaped = False
    for index in range(start, len(body)):
        char = body[index]
        if char == "|" and not escaped and not _in_code(body, index):
            cells.append((position, body[position:index]))
            position = index + 1
        escaped = char == "\\" and not escaped
    tail = body[position:]
    if tail.strip():
        cells.append((position, tail))
    return cells


def _in_code(line: str, index: int) -> bool:
    return line.count("`", 0, index) % 2 == 1


def header_index(header: list[str], *names: str) -> int:
    """Index of the first column whose header contains one of ``names`` (case-insensitive)."""
    for position, title in enumerate(header):
        lowered = title.lower()
        if any(name in lowered for name in names):
            return position
    return -1


def counted_cell(
    cells: list[tuple[int, str]],
    header: list[str],
    first: int,
    column: lazyre.Pattern,
    number: lazyre.Pattern,
) -> tuple[str, int] | None:
    """(the number as written, its offset in the line) of the first cell of a table row's
    ``cells``, from index ``first`` on, whose ``header`` matches ``column`` and whose text
    matches ``number`` (the number its group "n")."""
    for index in range(first, min(len(cells), len(header))):
        start, cell = cells[index]
        found = number.match(cell)
        if found and column.match(header[index]):
            return found.group("n"), start + found.start("n")
    return None


def claimed_text(claim: Claim, evidence: Evidence, rule: str) -> tuple[str, str] | None:
    """(path, text) of the file ``claim`` names, at the end of the window; when git cannot give
    it, the claim is settled (refuted with ``rule`` when no such file was ever there) and None is
    returned."""
    found = contents.text_at_end(evidence, str(claim.value["path"]))
    if found is None:
        settle_absent(claim, evidence, rule)
    return found


NOWHERE = "there is no "  # how a refutation for a file that is nowhere begins


def settle_absent(claim: Claim, evidence: Evidence, rule: str) -> None:
    """A claim about the content of a file git cannot read at the end of the window."""
    written = str(claim.value["path"])
    if evidence.available and evidence.absent(written):
        claim.settle(
            "refuted",
            f"{NOWHERE}{written} in the repository at the end of the session, and the "
            "session did not change such a file",
            rule,
        )
    else:
        claim.settle("unverifiable", f"{written} cannot be read at the end of the window")


FILE_KEY = lazyre.compile(
    r"^(?:test\s+)?(?:file|path|archivo|arquivo|fichier|datei|文件|ファイル)$", re.I
)


# "File: `provider/ops_test.go`" alone on a line anywhere (plain "Key: value" metadata is only
# read near the top of a document)
PLAIN_FILE = lazyre.compile(
    r"^\s*(?:test\s+)?(?:file|path|archivo|arquivo|fichier|datei|文件|ファイル)\s*[:：]\s*"
    r"(?P<value>`[^`]+`|\S+)\s*$",
    re.I,
)


def file_labels(doc: Document) -> list[tuple[int, str]]:
    """(line, path) of each "**File:** `a/b.ts`" label that names one path, in document order
    (a size or a test total near it, or in its section, is about that file)."""

    def labels() -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        for meta in doc.metadata:
            if FILE_KEY.match(meta.key.strip()):
                paths = textscan.path_tokens(str(meta.value))
                if len(paths) == 1:
                    out.append((meta.line, paths[0][2]))
        seen = {line for line, _ in out}
        for line in prose_lines(doc):
            plain = PLAIN_FILE.match(line.text)
            if plain and line.number not in seen and line.block.list_depth < 0:
                paths = textscan.path_tokens(plain.group("value"))
                if len(paths) == 1 and paths[0][0] <= 1:
                    out.append((line.number, paths[0][2]))
        return sorted(out)

    return doc.once("file_labels", labels)


def heading_file(title: str) -> str | None:
    """The one file a heading names ("### 2. Parser (`src/parse.py`)"), if it names one and no
    other path: what the section under it counts is about that file."""
    if "." not in title:
        return None  # no file name: most headings
    paths = textscan.path_tokens(title)
    if len(paths) != 1:
        return None
    path = paths[0][2]
    return path if "." in path.rsplit("/", 1)[-1].strip(".") else None


def section_files(doc: Document) -> dict[int, list[tuple[int, str]]]:
    """For each section (by id), the files it is about, with the line naming each: its
    "**File:**" labels in document order, then its heading when that names one file."""

    def files() -> dict[int, list[tuple[int, str]]]:
        found: dict[int, list[tuple[int, str]]] = {}
        for line, path in file_labels(doc):
            section = doc.section_at(line)
            if section is not None:
                found.setdefault(id(section), []).append((line, path))
        for section in doc.sections:
            named = heading_file(section.title)
            if named is not None:
                found.setdefault(id(section), []).append((section.line, named))
        return found

    return doc.once("section_files", files)


# a commit id in a heading: "### Commit 2: `cffee86` - UI", "## a1b2c3d (feat: parser)"
HEADING_HASH = lazyre.compile(
    r"(?<![\w/.-])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,40}(?![\w/.-])"
)


# "**Commit**: `f05832a`" on a line of its own in a task's section
# "**Commit**: `id`", "**SHA:** id", "Commit hash: id": the commit a section is about
COMMIT_LABEL = lazyre.compile(
    r"^\W*(?:commit(?:\s+(?:id|hash|sha))?|sha(?:-?1)?|hash)\W*[:：]\W*([0-9a-f]{7,40})\W*$", re.I
)


def section_commit(line: Line, doc: Document | None = None) -> str | None:
    """The one commit id the heading of ``line``'s section names, if it names one and no other,
    or (with ``doc``) the one a "**Commit**: `id`" label gives above ``line`` in the section:
    what the section counts is that commit's."""
    section = line.block.section
    if section is None:
        return None
    found = HEADING_HASH.findall(section.title)
    if not found and doc is not None:
        above = doc.lines[section.line : line.number - 1]
        found = sorted({m.group(1) for t in above if (m := COMMIT_LABEL.match(t))})
    return found[0] if len(found) == 1 else None
