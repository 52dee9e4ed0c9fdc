"""The document's own lists of commits, as witnesses of a count of commits: the distinct ids a
heading's section cites, a numbered run of "**Commit 1**" .. "**Commit K**" after a label, and
the counts those lists witness (a summary that repeats one restates it)."""

from __future__ import annotations

import re

from handoff_lint import lazyre
from handoff_lint.claims import witness
from handoff_lint.document import textscan
from handoff_lint.model import Block, Claim, Document


def cited_under(doc: Document, heading: Block) -> int:
    """How many distinct commit ids the heading's section and its subsections cite."""
    section = heading.section
    if section is None:
        return 0
    ids: set[str] = set()
    for block in doc.blocks:
        if block is heading or block.section is None:
            continue
        if not any(s is section for s in block.section.chain()):
            continue
        for text in block.lines:
            ids.update(m.group(1)[:7] for m in textscan.hex_tokens(text))
    return len(ids)


# "**Commit 3**: parser", "#### Commit 3 - parser": one of a numbered run of commits
NUMBERED = lazyre.compile(r"^[\s#*_]*commit\s*#?(?P<n>\d{1,3})\b", re.I)
MAX_NUMBERED = 200


def numbered_after(doc: Document, start: Block) -> int:
    """K when the blocks after ``start`` in its section begin "Commit 1" .. "Commit K", each
    number once: the document's own enumeration of the commits it counts."""
    section = start.section
    if section is None:
        return 0
    index = witness.position(doc, start)
    seen: list[int] = []
    for block in doc.blocks[index + 1 : index + 1 + MAX_NUMBERED]:
        if block.section is None or not any(s is section for s in block.section.chain()):
            break
        found = NUMBERED.match(block.lines[0]) if block.lines else None
        if found:
            seen.append(int(found.group("n")))
    return len(seen) if seen and seen == list(range(1, len(seen) + 1)) else 0


def witnessed(claims: list[Claim]) -> dict[int, int]:
    """The counts of commits the document's own lists witness ("**8 Commits:**" over "**Commit
    1**" .. "**Commit 8**"), by count, with their line: a summary that repeats one restates it."""
    return {
        int(c.value["count"]): c.line
        for c in claims
        if c.value["measure"] == "commits"
        and int(c.value["count"])
        in [int(c.value[key]) for key in ("items", "cited", "numbered") if key in c.value]
    }
