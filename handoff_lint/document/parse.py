"""Parse Markdown into the document model, with exact source lines for every block.

mistune gives the structure (headings, lists, tables, code, quotes) but no positions, so the
source map is built here: each leaf block is aligned, in document order, with the source line
where its first text appears (a forward-only search from the end of the previous block). A block
then covers the source lines up to the next block; claims are found in those raw lines, so their
columns are exact by construction.
"""

from __future__ import annotations

import re
from typing import Any

from handoff_lint import lazyre
from handoff_lint.checks import rules
from handoff_lint.document import fastlist, frontmatter, metadata, roles
from handoff_lint.document.source import SourceText
from handoff_lint.model import Block, Document, Finding, HeadingWords, Position, Section

SEARCH_AHEAD = 400
WORD = lazyre.compile(r"\w")
DEEPEST = 19  # mistune stops nesting lists and quotes at 20 levels (its max_nested_level)
CONTAINER = lazyre.compile(r"^[ \t]*(?:>|(?:[-*+]|\d+[.)])(?:\s|$))", re.M)
FENCE = lazyre.compile(r"^ {0,3}(?:>\s?)*\s*(`{3,}|~{3,})")
BREAK = lazyre.compile(r"^ {0,3}(?:>\s?)*\s*([-*_])(?:\s*\1){2,}\s*$")

_markdown: Any = None


def _parser() -> Any:
    global _markdown
    if _markdown is None:
        import mistune

        _markdown = mistune.create_markdown(renderer=None, plugins=["table", "strikethrough"])
        fastlist.install(_markdown)
    return _markdown


def _block_tokens(body: str) -> tuple[list[dict[str, Any]], Any]:
    """mistune's block pass only (what ``Markdown.parse`` does before rendering).

    Inline parsing is left to the few tokens whose text is needed without markup (headings and
    table headers, see ``_inline``): paragraphs are placed by their raw source text, which
    mistune keeps verbatim. The inline pass was a third of the parse time of a large document.
    """
    markdown = _parser()
    state = markdown.block.state_cls()
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    state.process(text if text.endswith("\n") else text + "\n")
    for hook in markdown.before_parse_hooks:
        hook(markdown, state)
    markdown.block.parse(state)
    return list(state.tokens), state


PLAIN = lazyre.compile(r"[^*_`\[\]<>&\\!~]*")  # no character that inline Markdown gives a meaning


def _inline(token: dict[str, Any], state: Any) -> list[dict[str, Any]]:
    """The inline tokens of a block token's text (the block pass leaves it raw; a text without
    markup characters is its own single text token: no need to run the parser)."""
    text = str(token.get("text", ""))
    if PLAIN.fullmatch(text) and "\n" not in text:
        return [{"type": "text", "raw": text.strip(" \r\n\t\f")}]
    children: list[dict[str, Any]] = _parser().inline(text.strip(" \r\n\t\f"), state.env)
    return children


def inline_text(children: list[dict[str, Any]] | None) -> list[str]:
    """The raw text fragments of inline tokens, in order."""
    out: list[str] = []
    for child in children or []:
        if "raw" in child:
            out.append(str(child["raw"]))
        elif child.get("type") in ("softbreak", "linebreak"):
            out.append("\n")
        out.extend(inline_text(child.get("children")))
    return out


class _Aligner:
    """Walks mistune's token tree and places each leaf block on its source line."""

    def __init__(self, doc: Document, state: Any) -> None:
        self.doc = doc
        self.state = state
        self.lines = doc.lines
        self.cursor = (doc.front_matter_line and self._front_matter_end()) or 0
        self.section: Section | None = None
        self.next_item = 0

    def _front_matter_end(self) -> int:
        for index in range(1, len(self.lines)):
            if self.lines[index].strip() in ("---", "..."):
                return index + 1
        return 0

    def find(self, probe: str, limit: int = SEARCH_AHEAD) -> int | None:
        """Index of the first line at or after the cursor that contains ``probe``."""
        probe = probe.strip()
        if not probe:
            return None
        stop = min(len(self.lines), self.cursor + limit)
        for index in range(self.cursor, stop):
            if probe in self.lines[index]:
                return index
        return None

    def find_match(self, pattern: lazyre.Pattern) -> int | None:
        stop = min(len(self.lines), self.cursor + SEARCH_AHEAD)
        for index in range(self.cursor, stop):
            if pattern.match(self.lines[index]):
                return index
        return None

    def locate(self, fragments: list[str]) -> int:
        """Line index where a block whose first line holds ``fragments`` starts.

        Each inline fragment is contiguous in the source, so the earliest line after the cursor
        that holds one of the first line's fragments is the block's line (the lines in between
        are blank or markup only). Falls back to the cursor.
        """
        probes: list[str] = []
        for fragment in fragments:
            if fragment == "\n" and probes:
                break
            for piece in fragment.split("\n"):
                piece = piece.strip()
                if WORD.search(piece):
                    probes.append(piece[:40])
                    break
            if len(probes) >= 3:
                break
        best: int | None = None
        for probe in probes:
            found = self.find(probe)
            if found is not None and (best is None or found < best):
                best = found
            if best == self.cursor:
                break
        if best is None:
            return min(self.cursor, max(len(self.lines) - 1, 0))
        return best

    def add(self, kind: str, index: int, span: int, **extra: Any) -> Block:
        index = max(0, min(index, len(self.lines) - 1))
        block = Block(kind=kind, line=index + 1, lines=[], section=self.section, **extra)
        self.doc.blocks.append(block)
        self.cursor = max(self.cursor, index + span)
        return block

    def walk(self, tokens: list[dict[str, Any]], ctx: dict[str, Any]) -> None:
        for token in tokens:
            handler = getattr(self, "on_" + str(token.get("type")), None)
            if handler is not None:
                handler(token, ctx)

    def on_heading(self, token: dict[str, Any], ctx: dict[str, Any]) -> None:
        if _separator_not_heading(token):
            self._text_block(token, ctx)
            found = self.find_match(BREAK)
            if found is not None:
                self.add("break", found, 1)
            return
        fragments = inline_text(_inline(token, self.state))
        index = self.locate(fragments)
        level = int(token.get("attrs", {}).get("level", 1))
        span = 2 if token.get("style") == "setext" else 1
        title = "".join(fragments).strip()
        line = self.lines[index] if index < len(self.lines) else ""
        column = line.find(title[:12]) + 1 if title and title[:12] in line else 1
        parent = self.section
        while parent is not None and parent.level >= level:
            parent = parent.parent
        first = level == 1 and not self.doc.sections
        words = self.doc.heading_words
        role = roles.title_role(title, words) if first else roles.role_of(title, words)
        done = roles.marked_done(title)
        self.section = Section(title, level, index + 1, max(column, 1), parent, role, done, first)
        self.doc.sections.append(self.section)
        self.add("heading", index, span)

    def _text_block(self, token: dict[str, Any], ctx: dict[str, Any]) -> None:
        text = str(token.get("text", "")).strip(" \r\n\t\f")  # raw source text
        index = self.locate([text])
        if ctx.get("level", 0) >= DEEPEST and CONTAINER.search(text):
            self._too_deep(index)
        span = text.count("\n") + 1
        self.add(
            "paragraph",
            index,
            span,
            list_depth=ctx.get("depth", -1),
            item_id=ctx.get("item", -1),
            parent_item_id=ctx.get("parent_item", -1),
        )

    on_paragraph = on_block_text = _text_block

    def _too_deep(self, index: int) -> None:
        if not any(p.rule == "HL905" for p in self.doc.problems):
            message = (
                f"lists or quotes nested more than {DEEPEST} levels deep: the Markdown parser "
                "reads deeper items as plain text, so claims in them were not checked"
            )
            self.doc.problems.append(rules.finding("HL905", index + 1, 1, message))

    def on_block_code(self, token: dict[str, Any], ctx: dict[str, Any]) -> None:
        raw = str(token.get("raw", ""))
        fenced = token.get("style") == "fenced"
        found = self.find_match(FENCE) if fenced else self.locate([raw])
        index = found if found is not None else self.cursor
        span = raw.count("\n") + (2 if fenced else 0)
        info = str(token.get("attrs", {}).get("info", "") or "")
        self.add("code", index, max(span, 1), info=info)

    def on_block_html(self, token: dict[str, Any], ctx: dict[str, Any]) -> None:
        raw = str(token.get("raw", ""))
        index = self.locate([raw])
        self.add("html", index, max(raw.rstrip("\n").count("\n") + 1, 1))

    def on_thematic_break(self, token: dict[str, Any], ctx: dict[str, Any]) -> None:
        found = self.find_match(BREAK)
        if found is not None:
            self.add("break", found, 1)

    def on_block_quote(self, token: dict[str, Any], ctx: dict[str, Any]) -> None:
        self.walk(token.get("children", []), {**ctx, "level": ctx.get("level", 0) + 1})

    def on_list(self, token: dict[str, Any], ctx: dict[str, Any]) -> None:
        depth = int(token.get("attrs", {}).get("depth", 0))
        for item in token.get("children", []):
            item_id = self.next_item
            self.next_item += 1
            inner = {**ctx, "depth": depth, "item": item_id, "parent_item": ctx.get("item", -1)}
            inner["level"] = ctx.get("level", 0) + 1
            self.walk(item.get("children", []), inner)

    def on_table(self, token: dict[str, Any], ctx: dict[str, Any]) -> None:
        header: list[str] = []
        for part in token.get("children", []):
            if part.get("type") == "table_head":
                cells = part["children"]
                header = ["".join(inline_text(_inline(c, self.state))).strip() for c in cells]
                self._row(cells, header, ctx, skip=1)
            elif part.get("type") == "table_body":
                for row in part.get("children", []):
                    self._row(row.get("children", []), header, ctx, skip=0)

    def _row(
        self, cells: list[dict[str, Any]], header: list[str], ctx: dict[str, Any], skip: int
    ) -> None:
        fragments = [str(c.get("text", "")) for c in cells]  # raw source text of each cell
        probe = next((f.strip() for f in fragments if f.strip()), "")
        found = self.find(probe) if probe else None
        index = found if found is not None else self.cursor
        self.add("table_row", index, 1 + skip, table_header=header)


def _separator_not_heading(token: dict[str, Any]) -> bool:
    """Lines of metadata followed by ``---`` make a setext heading in Markdown, but the author
    meant a separator under a block of fields ("**Date:** ...\n**Status:** ...\n---"): read
    them as the paragraph they were written as."""
    if token.get("style") != "setext" or int(token.get("attrs", {}).get("level", 1)) != 2:
        return False
    text = str(token.get("text", ""))
    return "\n" in text.strip() or metadata.META.match(text.split("\n", 1)[0]) is not None


def _assign_spans(doc: Document) -> None:
    """Give each block the source lines up to the next block, trailing blanks dropped.

    Headings, table rows and breaks are one line long whatever follows them.
    """
    blocks = sorted(doc.blocks, key=lambda b: b.line)
    for position, block in enumerate(blocks):
        end = blocks[position + 1].line - 1 if position + 1 < len(blocks) else len(doc.lines)
        if block.kind in ("heading", "table_row", "break"):
            end = block.line
        lines = doc.lines[block.line - 1 : max(end, block.line)]
        while len(lines) > 1 and not lines[-1].strip():
            lines.pop()
        block.lines = lines
    doc.blocks = blocks


def _plans_marked_done(doc: Document) -> None:
    """A heading with a plan word whose own list items are marked done ("### P3 Priority
    Features" over "4. **Internationalization** ✅", ...) reports done work: not a plan."""
    items: dict[int, list[str]] = {}
    status: dict[int, str] = {}  # the first line of text under the heading
    seen: set[int] = set()
    for block in doc.blocks:
        section = block.section
        if section is None or section.role != "plan" or block.kind == "heading":
            continue
        opening = block.kind == "paragraph" and block.list_depth < 0 and block.lines
        status.setdefault(id(section), block.lines[0] if opening else "")
        if block.kind != "paragraph":
            continue
        if block.list_depth == 0 and block.lines and block.item_id not in seen:
            seen.add(block.item_id)
            items.setdefault(id(section), []).append(block.lines[0])
    for section in doc.sections:
        if roles.done_by_items(section.title, items.get(id(section), [])) or (
            roles.done_by_status(section.title, status.get(id(section), ""))
        ):
            section.role = ""


def _set_title(doc: Document) -> None:
    fm_title = (doc.front_matter or {}).get("title")
    if isinstance(fm_title, str) and fm_title.strip():
        doc.title = fm_title.strip()
        doc.title_position = Position(frontmatter.key_line(doc, "title"), 1)
        return
    headings = sorted(doc.sections, key=lambda s: (s.level != 1, s.line))
    if headings:
        doc.title = headings[0].title
        doc.title_position = Position(headings[0].line, headings[0].column)


# zero-width characters (U+200B-U+200D, U+2060, U+FEFF) and bidi marks (U+200E, U+200F, U+061C)
# between characters of a word or path, and bidi embeddings, overrides and isolates anywhere
# (U+202A-U+202E, U+2066-U+2069): "READ<U+200B>ME.md" looks like README.md but names no file
INVISIBLE = lazyre.compile(
    r"(?<=[\w./-])[\u200b-\u200f\u2060\ufeff\u061c]+(?=[\w./-])|[\u202a-\u202e\u2066-\u2069]"
)
ANY_INVISIBLE = lazyre.compile(r"[\u200b-\u200f\u2060\ufeff\u061c\u202a-\u202e\u2066-\u2069]")


def _visible_lines(lines: list[str]) -> tuple[list[str], list[Finding]]:
    """The lines with invisible characters inside words and paths removed (claims are read from
    what a reader sees), and one HL108 finding at the first such character, naming the others."""
    found: list[tuple[int, int, str]] = []
    out = list(lines)
    for index, line in enumerate(lines):
        if not ANY_INVISIBLE.search(line):
            continue
        hits = list(INVISIBLE.finditer(line))
        if hits:
            found.extend((index + 1, m.start() + 1, m.group(0)) for m in hits)
            out[index] = INVISIBLE.sub("", line)
    if not found:
        return lines, []
    number, column, chars = found[0]
    names = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(chars))
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    message = (
        f"invisible character {names} inside a word or path{more}: it can make a claim name "
        "something other than what a reader sees; delete it (claims are checked without it)"
    )
    return out, [rules.finding("HL108", number, column, message)]


# "````markdown" opening a document that an agent wrote as its chat showed it, fence and all
WRAPPER = re.compile(r"^(?P<fence>`{3,}|~{3,})\s*(?:markdown|md)\s*$", re.I)


def _unwrapped(body: str) -> str:
    """The body without a fence that wraps all of it ("````markdown" on its first line and the
    same fence on its last, or never closed): blanked, so the line numbers stay the file's."""
    lines = body.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), -1)
    opened = WRAPPER.match(lines[first].strip()) if first >= 0 else None
    if opened is None:
        return body
    fence = opened.group("fence")
    closes = [
        i
        for i in range(first + 1, len(lines))
        if lines[i].strip().startswith(fence) and not lines[i].strip().strip(fence[0])
    ]
    last = max(i for i, line in enumerate(lines) if line.strip())
    if closes and closes[0] != last:
        return body  # the fence closes before the end: one block among others
    for i in [first, *closes]:
        lines[i] = ""
    return "\n".join(lines)


def parse(path: str, source: SourceText, words: HeadingWords | None = None) -> Document:
    """Build the document model of ``source``; ``words`` are the configuration's heading words
    for plans and done work."""
    lines, problems = (
        _visible_lines(source.lines) if ANY_INVISIBLE.search(source.text) else (source.lines, [])
    )
    doc = Document(path=path, lines=lines, problems=problems)
    if words is not None:
        doc.heading_words = words
    body = _unwrapped(frontmatter.split(doc))
    tokens, state = _block_tokens(body)
    _Aligner(doc, state).walk(tokens, {})
    _assign_spans(doc)
    _plans_marked_done(doc)
    metadata.collect(doc)
    _set_title(doc)
    return doc
