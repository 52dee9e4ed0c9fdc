"""Line counts given under labels rather than beside a path: "**File:** `a/b.ts`" then, within
three lines or in the section of a heading naming one file, "**Size:** 450+ lines" or
"**Lines Added:** 261"; and the counts a front matter's key-files entry gives after its path
(GSD's "key-files: {created: [...]}")."""

from __future__ import annotations

import dataclasses
import re

from handoff_lint import lazyre
from handoff_lint.claims.line_tables import value_of
from handoff_lint.claims.walk import done_lines, file_labels, heading_file
from handoff_lint.document import counted_paths, frontmatter, quantity, textscan
from handoff_lint.model import Claim, Document, MetaField

# a key of lines the session added to the file: "**Lines Added:** 261", "新增: 1,793 行"
ADDED = (
    r"lines\s+added|added\s+lines|lines\s+inserted|新增(?:代码|行数)?|增加|追加(?:行数)?|"
    r"líneas\s+añadidas|linhas\s+adicionadas|lignes\s+ajoutées|zeilen\s+hinzugefügt"
)
ADDED_KEY = lazyre.compile(rf"^(?:{ADDED})$", re.I)
# a key that names lines: a bare number after it is a line count ("**Líneas**: 1,258")
LINES = rf"lines|loc|line\s+count|行数|líneas|linhas|lignes|zeilen|righe|{ADDED}"
LINES_KEY = lazyre.compile(rf"^(?:{LINES})$", re.I)
# "- Before: 437 lines" and "- After: 112 lines" under a File label: its size before the
# session and at its end
BEFORE = r"before|vorher|antes|avant|prima|之前|修改前|変更前"
AFTER = r"after|nachher|después|depois|après|dopo|之后|修改后|変更後"
BEFORE_KEY = lazyre.compile(rf"^(?:{BEFORE})$", re.I)
SIZE_KEY = lazyre.compile(
    rf"^(?:size|length|tamanho|tamaño|taille|größe|大小|{LINES}|{BEFORE}|{AFTER})$",
    re.I,
)
# "**Lines:** 865", "**Lines:** 865 total (complete rewrite)", "**LOC**: 1,258 gesamt"
BARE_COUNT = lazyre.compile(
    r"^\s*" + quantity.NUMBER + r"\s*(?:(?:in\s+)?total|gesamt|insgesamt|au\s+total|总计|合计)?"
    r"\s*(?:$|[|,;(])",
    re.I,
)


def _size(key: str, value: str) -> quantity.Quantity | None:
    """The one line count of a size label's value: "450+ lines", or a bare number under a key
    that names lines."""
    found = [q for q in quantity.every(value) if q.unit == "lines" and not q.plus]
    if len(found) == 1:
        return found[0]
    bare = BARE_COUNT.match(value) if not found and LINES_KEY.match(key) else None
    if bare is None or bare.group("plus") or bare.group("minus"):
        return None
    return quantity.Quantity(
        bare.start("approx") if bare.group("approx") else bare.start("n"),
        quantity.number(bare.group("n")),
        "lines",
        bool(bare.group("approx")),
        bool(bare.group("more")),
        False,
        None,
        bare.end("n") + (1 if bare.group("more") else 0),
    )


def labelled_sizes(doc: Document, done: set[int]) -> list[Claim]:
    """ "**File:** `a/b.ts`" and, within three lines under it, "**Size:** 450+ lines": the size
    is the file's line count. Under a heading that names one file ("### 2. `net/outputs.tf`")
    the label may be anywhere in that heading's own section (after its status and list of
    changes), as long as no File label in the section names another file."""
    out: list[Claim] = []
    labels = file_labels(doc)
    for meta in [*doc.metadata, *_plain_items(doc, labels)]:
        key = meta.key.strip()
        if not SIZE_KEY.match(key) or meta.line not in done:
            continue
        named = [path for line, path in labels if 0 < meta.line - line <= 3]
        section = doc.section_at(meta.line)
        if not named and section is not None and section.line < meta.line:
            named = [path for path in [heading_file(section.title)] if path]
            if any(section.line < line < meta.line for line, _ in labels):
                named = []  # the section names other files before the label
        value = str(meta.value)
        q = _size(key, value)
        if q is not None and ADDED_KEY.match(key):
            q = dataclasses.replace(q, plus=True)  # lines added to the file: its insertions
        if named and q is not None and not textscan.path_tokens(value):
            text = value[q.start : q.end]
            claimed = value_of(q, named[-1])
            if BEFORE_KEY.match(key):
                claimed["before"] = True  # its size before the session (or at its end)
            out.append(Claim("lines", text, meta.line, meta.column + q.start, claimed))
    return out


# "- Before: 437 lines" as a plain item under a File label, anywhere in the document (plain
# "Key: value" lines are metadata only near the top)
PLAIN_ITEM = lazyre.compile(r"^\s*[-*+]\s+(?P<key>[^\W\d_][\w ]{0,20}?)\s*[:：]\s*(?P<value>\S.*)$")


def _plain_items(doc: Document, labels: list[tuple[int, str]]) -> list[MetaField]:
    """Plain "- Key: value" items within three lines under a File label that no bold label
    or top-of-document field already gives."""
    known = {meta.line for meta in doc.metadata}
    out: list[MetaField] = []
    for line, _ in labels:
        for number in range(line + 1, min(line + 4, len(doc.lines) + 1)):
            match = PLAIN_ITEM.match(doc.lines[number - 1])
            if number in known or match is None or not SIZE_KEY.match(match.group("key")):
                continue
            value = match.group("value")
            out.append(MetaField(match.group("key"), value, number, match.start("value") + 1))
    return out


def label_size_lines(doc: Document) -> set[int]:
    """The lines whose size label ``labelled_sizes`` reads as a file's line count (worked out
    once per document: the diff-stat kind leaves them to the line-count kind)."""

    def lines() -> set[int]:
        done = {line.number for line in done_lines(doc)}
        return {claim.line for claim in labelled_sizes(doc, done)}

    return doc.once("label_size_lines", lines)


def key_files_sizes(doc: Document) -> list[Claim]:
    """The counts a front matter's key-files entry gives after its path: "- a.md (306 lines)",
    "- test/a_test.rb (2 new tests, 33 insertions)", "- b.rb (+200 lines: ...)"."""
    out: list[Claim] = []
    for parent, _table in frontmatter.key_files(doc):
        for key in ("created", "modified"):
            for number in frontmatter.nested_item_lines(doc, parent, key):
                text = doc.lines[number - 1]
                for _, path, q in counted_paths.annotated(text, True, ("lines", "insertions")):
                    value = value_of(q, path)
                    if key == "created":
                        value["made"] = True
                    out.append(Claim("lines", text[q.start : q.end], number, q.start + 1, value))
    return out
