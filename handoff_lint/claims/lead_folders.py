"""The folder a list's lead-in names, for the bare file names of its items.

"**Android**: `app/src/test/kotlin/.../snapshots/`" over "- `README.md` (1.4 KB)" and
"- `CardTests.kt` (5.3 KB)": the items name files of that folder, not the root's README.md. A
claim about a bare name in such a list gets the folder's path, and keeps the name as written
(``written``): where git has no such file in the folder, the name as written is asked instead
(``gathering._drawn_paths``, as for a drawn tree's entries).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.document import quantity, textscan
from handoff_lint.model import Block, Claim, Document

if TYPE_CHECKING:
    from handoff_lint.claims.walk import Line

# a folder in a code span, "`src/components/`", "`android/.../snapshots/`"
# (a segment is a name, which may start with one dot, or the ellipsis: never both ways)
FOLDER = lazyre.compile(r"`((?:\.?[\w@-][\w.@-]*|\.\.\.|…)(?:/(?:\.?[\w@-][\w.@-]*|\.\.\.|…))*/)`")
# what a lead-in may say beside its folder: a short label ("**iOS**:", "Located in"), no sentence
LABEL_ONLY = lazyre.compile(
    r"^[\s*_:：`–—-]*[^\s;,.!?*_:：`][^;,.!?`]{0,30}?[\s*_:：`–—-]*$|^[\s*_:：`–—-]*$"
)
LEADS = ("paragraph", "heading")
TEST_NAME = lazyre.compile(r"test|spec", re.I)
RUN_WORDS = lazyre.compile(r"\b(?:pass\w*|fail\w*|suite|total|all|run|ran|green|red)\b", re.I)


def _folder(block: Block) -> str:
    """The one folder a one-line lead-in names, when it names no file ("" otherwise)."""
    if len(block.lines) != 1:
        return ""
    line = block.lines[0]
    folders = FOLDER.findall(line)
    if len(folders) != 1 or folders[0].startswith((".../", "…/")):
        return ""
    if not LABEL_ONLY.match(FOLDER.sub("", line)):
        return ""  # "The package lives in `pkg/`; the root was touched too:": a sentence
    folder = str(folders[0]).removeprefix("./")
    named = [t for _, _, t in textscan.path_tokens(line)]
    if not folder or any(t.rstrip("/") != folder.rstrip("/") for t in named):
        return ""  # a file is named beside the folder: not a lead-in to its files
    return folder


def _under_leads(doc: Document) -> list[tuple[Block, Block]]:
    """(lead-in, item) for each list item's text block and the paragraph or heading right
    before its list (only list items stand between them), in document order."""

    def pairs() -> list[tuple[Block, Block]]:
        out: list[tuple[Block, Block]] = []
        lead: Block | None = None
        for block in doc.blocks:
            if block.kind in LEADS and block.list_depth < 0:
                lead = block
            elif block.kind == "paragraph" and block.list_depth >= 0:
                if lead is not None:
                    out.append((lead, block))
            else:
                lead = None
        return out

    return doc.once("under leads", pairs)


def _listed_lines(doc: Document) -> dict[int, str]:
    """Each line of a list item whose list's lead-in names one folder, with that folder."""
    folders: dict[int, str] = {}  # by the lead-in's line: each read once
    out: dict[int, str] = {}
    for lead, item in _under_leads(doc):
        if lead.line not in folders:
            folders[lead.line] = _folder(lead)
        if folders[lead.line]:
            out.update((item.line + i, folders[lead.line]) for i in range(len(item.lines)))
    return out


def apply(doc: Document, claims: list[Claim]) -> None:
    """Put the bare file names of listed items into their lead-in's folder (see the module)."""
    bare = [
        c
        for c in claims
        if isinstance(c.value.get("path"), str)
        and "/" not in c.value["path"]
        and "written" not in c.value
    ]
    if not bare:
        return
    listed = _listed_lines(doc)
    for claim in bare:
        folder = listed.get(claim.line)
        if folder:
            name = str(claim.value["path"])
            claim.value["path"], claim.value["written"] = folder + name, name


def _lead_file(lead: Block) -> str:
    """The one file a one-line paragraph names ("" for a heading, or none, or several)."""
    if lead.kind != "paragraph" or len(lead.lines) != 1:
        return ""
    paths = textscan.path_tokens(lead.lines[0])
    return paths[0][2] if len(paths) == 1 else ""


def _lead_files(doc: Document) -> dict[int, str]:
    """The first line of each top-level item of a list whose one-line lead-in names one file
    and no other ("**iOS**: `Tests/ParserTests.swift` (11 KB)" over "- 20+ test methods")."""
    return doc.once(
        "lead files",
        lambda: {
            item.line: named
            for lead, item in _under_leads(doc)
            if item.list_depth == 0 and (named := _lead_file(lead))
        },
    )


def counted_tests(line: Line, doc: Document) -> list[Claim]:
    """ "- 20+ test methods covering:" under a lead-in naming one test file: that file's tests."""
    path = _lead_files(doc).get(line.number, "") if line.starts_item else ""
    if not TEST_NAME.search(path.rsplit("/", 1)[-1]) or textscan.path_tokens(line.text):
        return []
    if RUN_WORDS.search(line.text):
        return []  # "- Full suite: 15 tests passing": a run, not the file's definitions
    counts = [q for q in quantity.every(line.text) if q.unit == "tests"]
    if len(counts) != 1 or counts[0].approx:
        return []
    q = counts[0]
    value = {"path": path, "count": q.count, "at_least": q.at_least}
    return [Claim("test_count", line.text[q.start : q.end], line.number, q.start + 1, value)]
