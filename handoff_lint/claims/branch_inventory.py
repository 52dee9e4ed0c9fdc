"""Lines that tell of other branches' work, not the session's: a branch inventory.

A branch-cleanup or status report lists several branches with what each holds: a table whose
first column is the branch ("| Branch | Last commit | Ahead/Behind | Diffstat |"), or items
that name a branch with that branch's files nested under them ("- `origin/feature-x`", then
"  - src/a.ts"). Their counts and files are the branches', measured against their own fork
points, not the session window's: such lines are not read as the session's done work.

Only an inventory counts: at least two branches named that way in the document (one row or one
item naming a branch may be the session's own).
"""

from __future__ import annotations

import re

from handoff_lint import lazyre
from handoff_lint.model import Block, Document

# the first column of a table of branches
BRANCH_COLUMN = lazyre.compile(
    r"^[\W_]*(?:branch(?:es)?|branch\s+name|ref|分支|分支名|ブランチ|브랜치|ramas?|zweig|branche)[\W_]*$",
    re.I,
)
# a remote-tracking or full ref name: "origin/feature-x", "refs/heads/main"
REMOTE = lazyre.compile(r"^(?:origin|upstream|remotes/[\w.-]+|refs/(?:heads|remotes))/[\w./-]+$")
# an item that is only a name: "- `origin/x`", "- **codex/y**:", "1. `fix/z` (merged)"
NAME_ONLY = lazyre.compile(
    r"^\s*(?:[-*+]|\d{1,3}[.)])\s+[`*_]*(?P<name>[\w][\w./-]*)[`*_]*\s*(?:[:：]|\([^)]*\))?\s*$"
)
MIN_BRANCHES = 2


def _name(cell: str) -> str:
    return cell.strip().strip("`*_ ")


def _branch_tables(doc: Document) -> tuple[set[int], set[str]]:
    """The rows of tables of branches (their first line numbers) and the branches they name."""
    rows: set[int] = set()
    names: set[str] = set()
    for block in doc.blocks:
        header = block.table_header
        if block.kind != "table_row" or not header or not BRANCH_COLUMN.match(header[0].strip()):
            continue
        cells = block.lines[0].strip().strip("|").split("|")
        name = _name(cells[0]) if cells else ""
        if name and name.casefold() != header[0].strip().casefold() and not set(name) <= set("-: "):
            rows.add(block.line)
            names.add(name)
    return rows, names


def _branch_items(doc: Document, names: set[str]) -> dict[int, str]:
    """The list items (by id) that only name a branch: a remote ref, or a branch a table of
    branches names."""
    found: dict[int, str] = {}
    for block in doc.blocks:
        if block.kind != "paragraph" or block.item_id < 0 or not block.lines:
            continue
        match = NAME_ONLY.match(block.lines[0])
        name = match.group("name") if match else ""
        if name and (REMOTE.match(name) or name in names):
            found.setdefault(block.item_id, name)
    return found


def _nested(doc: Document, items: set[int]) -> set[int]:
    """The first lines of the blocks inside the items ``items`` (at any depth)."""
    parent = {b.item_id: b.parent_item_id for b in doc.blocks if b.item_id >= 0}
    out: set[int] = set()
    for block in doc.blocks:
        item = block.parent_item_id
        seen = 0
        while item >= 0 and seen < 64:  # a document decides the depth: bounded
            if item in items:
                out.add(block.line)
                break
            item, seen = parent.get(item, -1), seen + 1
    return out


def inventory_blocks(doc: Document) -> set[int]:
    """The first lines of the blocks that tell of other branches' work (empty unless the
    document names at least MIN_BRANCHES branches that way)."""

    def compute() -> set[int]:
        rows, names = _branch_tables(doc)
        items = _branch_items(doc, names)
        if len(names | set(items.values())) < MIN_BRANCHES:
            return set()
        return rows | _nested(doc, set(items))

    return doc.once("branch_inventory", compute)


def about_branches(doc: Document, block: Block) -> bool:
    """The block tells of other branches' work (a branch inventory's row or nested item)."""
    return block.line in inventory_blocks(doc)
