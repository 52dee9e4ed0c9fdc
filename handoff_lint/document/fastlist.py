"""A fast path for mistune's most common list in handoff documents: one line per item.

mistune parses every list item as a small document of its own (a child state, its own break
patterns, a recursive block pass): ~30 µs an item, 60% of the parse of a list-heavy document.
Most lists in handoff documents are simpler than that: each item is one line of paragraph text,
nested items sit exactly under their parent's text, blank lines come only between sibling items
(which makes their list loose), and the list ends at a blank line or at the end of the document.
For such a list the tokens are known without a child parse; this module builds them. Anything
else (a continuation or lazy line, a blank line inside an item, tabs, an item whose text could
start a block, an ordered list not starting at 1, nesting deeper than DEEPEST, a list in a quote)
goes to mistune's own parser unchanged, so the fast path never decides a hard case.

tests/test_fastlist.py holds both paths to the same tokens on the seeds, the corpus and
generated lists.
"""

from __future__ import annotations

import re
from typing import Any

from handoff_lint import lazyre

ITEM = lazyre.compile(r"( *)([-*+]|(\d{1,9})[.)]) (\S[^\n\t]*)\n")
BLANK = lazyre.compile(r"[ \t\v\f]*\n")
ANY_ITEM = lazyre.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|\n)")
DEEPEST = 6  # nesting levels the fast path builds; deeper lists go to mistune


class _Decline(Exception):
    """The list is not one the fast path can build: mistune parses it."""


def install(markdown: Any) -> None:
    """Make ``markdown`` try the fast path for lists that start a top-level block."""
    block = markdown.block
    starts_block = block.compile_sc(list(block.list_rules))

    def parse_list(parser: Any, match: re.Match[str], state: Any) -> int | None:
        if state.parent is None:
            try:
                return _build(state, match.start(), starts_block)
            except _Decline:
                pass
        end: int | None = parser.parse_list(match, state)
        return end

    block.register("list", None, parse_list)


Level = tuple[int, int, str, dict[str, Any]]  # indent, content column, bullet, list token


def _new_list(bullet: str, depth: int, ordered: bool) -> dict[str, Any]:
    return {
        "type": "list",
        "children": [],
        "tight": True,
        "bullet": bullet,
        "attrs": {"depth": depth, "ordered": ordered},
    }


def _build(state: Any, start: int, starts_block: re.Pattern[str]) -> int:
    """Append the list token that starts at ``start`` and return where it ends."""
    src: str = state.src
    pos = start
    levels: list[Level] = []
    lists: list[dict[str, Any]] = []
    after_blank = False
    while True:
        match = ITEM.match(src, pos)
        if match is None:
            if levels and BLANK.match(src, pos):
                gap = _after_blanks(src, pos)
                if ITEM.match(src, gap):
                    pos, after_blank = gap, True
                    continue
            break
        _place(levels, lists, match, starts_block, after_blank)
        pos, after_blank = match.end(), False
    if not levels:
        raise _Decline
    end = _end(src, pos)
    for token in lists:
        if not token["tight"]:
            for item in token["children"]:
                item["children"][0]["type"] = "paragraph"
    state.append_token(levels[0][3])
    return end


def _place(
    levels: list[Level],
    lists: list[dict[str, Any]],
    match: re.Match[str],
    starts_block: re.Pattern[str],
    after_blank: bool,
) -> None:
    """Add one item line to the open levels: the first item of a (nested) list, a sibling, or a
    sibling of an outer level after closing the inner ones. A blank line may only come before a
    sibling, which makes its list loose."""
    indent = len(match.group(1))
    bullet, number, text = match.group(2)[-1], match.group(3), match.group(4)
    if starts_block.match(text + "\n"):
        raise _Decline
    if not levels or indent == levels[-1][1]:  # the first item of the list or of a nested one
        if (not levels and indent) or after_blank or len(levels) >= DEEPEST:
            raise _Decline
        if number is not None and int(number) != 1:  # it could not interrupt a paragraph
            raise _Decline
        token = _new_list(bullet, len(levels), number is not None)
        if levels:
            levels[-1][3]["children"][-1]["children"].append(token)
        levels.append((indent, indent + len(match.group(2)) + 1, bullet, token))
        lists.append(token)
    else:
        while levels and indent < levels[-1][0]:
            levels.pop()
        if not levels or indent != levels[-1][0] or bullet != levels[-1][2]:
            raise _Decline
        if after_blank:
            levels[-1][3]["tight"] = False
    text_token = {"type": "block_text", "text": text + "\n"}
    levels[-1][3]["children"].append({"type": "list_item", "children": [text_token]})


def _after_blanks(src: str, pos: int) -> int:
    blank = BLANK.match(src, pos)
    while blank is not None and pos < len(src):
        pos = blank.end()
        blank = BLANK.match(src, pos)
    return pos


def _end(src: str, pos: int) -> int:
    """Where the list ends: after the blank lines that follow it, or _Decline when the next line
    could continue it (a lazy line, an indented line, another item after a blank line)."""
    if pos >= len(src):
        return pos
    if BLANK.match(src, pos) is None:
        raise _Decline
    pos = _after_blanks(src, pos)
    if pos < len(src) and (src[pos] in " \t" or ANY_ITEM.match(src, pos)):
        raise _Decline
    return pos
