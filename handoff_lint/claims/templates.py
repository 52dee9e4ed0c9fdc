"""Sections that are a template to fill in, not a report: "### Date: [YYYY-MM-DD]", "|
`path/to/file.ts` | Modified |", "abc1234 - commit message 1", "Tag: vX.X.X".

A handoff document often carries the template its next entries copy. A short section (with
what is under it) that holds placeholders of two kinds or more claims nothing: its files,
commits and counts stand for the ones a session will write there.
"""

from __future__ import annotations

import re

from handoff_lint import lazyre
from handoff_lint.model import Block, Document, Section

# each alternative is one kind of placeholder
PLACEHOLDERS = (
    r"\[(?:YYYY-MM-DD|YYYY|X+(?:\s+\w+)?|N+(?:\s+\w+)?|(?:list|describe|add|insert|your)\b[^\]]{0,40})\]",
    r"\bpath/to/",
    r"\bXXX[_-]|\bvX\.X(?:\.X)?\b|\bX\.Y\.Z\b",
    r"\b(?:abc123\d?|def456\d?|1234567|a1b2c3d)\b",
    r"<(?:commit|hash|sha|date|file|path|description|name)[^>]{0,20}>",
)
KINDS = [lazyre.compile(p, re.I) for p in PLACEHOLDERS]
QUICK = lazyre.compile(r"\[|path/to|XXX|X\.|abc|def4|1234567|a1b2|<")
MIN_KINDS = 2
MAX_LINES = 80  # a template is short; a report's section with a stray placeholder is not


def _template_sections(doc: Document) -> set[int]:
    """The sections (by id) whose subtree is a short template: two kinds of placeholder or
    more in at most MAX_LINES lines (a document's title, over everything, never is)."""
    own: dict[int, list[str]] = {}
    sections: dict[int, Section] = {}
    for block in doc.blocks:
        if block.section is not None:
            own.setdefault(id(block.section), []).extend(block.lines)
            sections[id(block.section)] = block.section
    subtree: dict[int, list[str]] = {}
    for key, lines in own.items():
        node: Section | None = sections[key]
        depth = 0
        while node is not None and depth < 64:  # a document decides the depth: bounded
            subtree.setdefault(id(node), []).extend(lines)
            sections[id(node)] = node
            node, depth = node.parent, depth + 1
    out: set[int] = set()
    for key, lines in subtree.items():
        if sections[key].heads_document or len(lines) > MAX_LINES:
            continue
        text = "\n".join(line for line in lines if QUICK.search(line))
        if sum(1 for kind in KINDS if kind.search(text)) >= MIN_KINDS:
            out.add(key)
    return out


def in_template(doc: Document, block: Block) -> bool:
    """The block belongs to a section that is a template to fill in, or to one inside it."""
    found = doc.once("template_sections", lambda: _template_sections(doc))
    node, depth = block.section, 0
    while node is not None and depth < 64:
        if id(node) in found:
            return True
        node, depth = node.parent, depth + 1
    return False
