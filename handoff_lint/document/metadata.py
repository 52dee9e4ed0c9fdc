"""The fields a document states as labelled values: ``**Key:** value`` lines anywhere, plain
``Key: value`` lines near the top, an emphasised footer ("*Session completed: ...*") and the
rows of a two-column table of fields. Claim kinds read them as ``Document.metadata``."""

from __future__ import annotations

import re

from handoff_lint import lazyre
from handoff_lint.model import Block, Document, MetaField

META = lazyre.compile(
    r"^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?\*\*(?P<key>[^*\n]{1,60}?)\s*(?:[:：]\*\*|\*\*\s*[:：])\s*(?P<value>\S.*)$"
)

PLAIN_META = lazyre.compile(
    r"^\s*(?:[-*+]\s+)?(?P<key>[^\W\d][^:：*`|#\n]{1,29}?)\s*[:：]\s+(?P<value>\S.*)$"
)
# "*Session completed: January 9, 2025*", "_Date: 2025-06-01_": a footer in emphasis, alone
ITALIC_META = lazyre.compile(
    r"^\s*(?P<mark>[*_])(?P<key>[^\W\d][^*_:：\n]{1,40}?)\s*[:：]\s*(?P<value>[^*_\n]+?)\s*(?P=mark)\s*$"
)
TOP_LINES = 20


# the header of a table of fields: "| Field | Value |", "| Key | Details |", "| 项目 | 内容 |"
VALUE_HEADER = re.compile(r"^\W*(?:values?|details?|wert|valor|valeur|值|内容|値)\W*$", re.I)


def _table_field(doc: Document, block: Block) -> MetaField | None:
    """A row of a two-column table of fields ("| Start Date | 2026-01-22 |" under "| Field |
    Value |"), read as the ``**Key:** value`` line it stands for."""
    header = block.table_header
    if len(header) != 2 or not VALUE_HEADER.match(header[1]):
        return None
    text = doc.lines[block.line - 1]
    parts = text.strip().strip("|").split("|")
    if len(parts) != 2:
        return None
    key, value = parts[0].strip(" *`_"), parts[1].strip()
    if not key or not value or len(key) > 40 or [key, value.strip(" *`_")] == header:
        return None  # the header row itself
    column = text.index("|", text.index(parts[0]) + len(parts[0])) + 1
    column += len(parts[1]) - len(parts[1].lstrip())
    return MetaField(key, value, block.line, column + 1)


def collect(doc: Document) -> None:
    """``**Key:** value`` lines anywhere, plain ``Key: value`` lines near the top (where
    documents without bold labels put their date and branch), and the rows of a table of
    fields."""
    for block in doc.blocks:
        if block.kind == "table_row":
            field = _table_field(doc, block)
            if field is not None:
                doc.metadata.append(field)
        if block.kind != "paragraph":
            continue
        for offset, line in enumerate(block.lines):
            match = META.match(line)
            if not match and block.line + offset <= TOP_LINES and block.list_depth <= 0:
                match = PLAIN_META.match(line)
            if not match and block.list_depth < 0:
                match = ITALIC_META.match(line)
            if match:
                key = match.group("key").strip().rstrip(":").strip()
                doc.metadata.append(
                    MetaField(
                        key,
                        match.group("value").strip(),
                        block.line + offset,
                        match.start("value") + 1,
                    )
                )
