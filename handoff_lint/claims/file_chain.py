"""The files an item lists after its first one: "- `src/a.ts` (new), `src/b.ts`, `c.ts`".

A list item of files may name several, each in a code span, separated by commas, "+", "and"
or "、". Each may carry its own note in brackets ("(new)", "(modified)"); a note that is not an
action ("(dell'utente)", "(3 tests)") is passed over. A bare name after a path with a folder is
in that folder ("`src/sim/state.ts`, `tick.ts`": src/sim/tick.ts), as written when git has no
such file there. The chain ends at anything else (a dash, a sentence, a second clause).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from handoff_lint import lazyre
from handoff_lint.document import textscan

# what closes the previous file: its span or bold, a bracketed note, then a separator
SEPARATOR = lazyre.compile(
    r"[`*_]*\s*(?:[(（](?P<note>[^()（）]{0,60})[)）]\s*)?(?:,|、|;|\+|&|\band\b|\bund\b|\by\b|\be\b)\s*"
    r"(?:and\s+)?`(?P<path>[^`\s][^`]{0,300})`",
    re.I,
)
NOTE_ACTION = lazyre.compile(
    r"^\s*(?P<created>new|created|added|neu|nuevo|novo|nouveau|新增|新建)"
    r"|^\s*(?P<modified>modified|updated|changed|geändert|modificado|modifié|修改)"
    r"|^\s*(?P<deleted>deleted|removed|gelöscht|eliminado|removido|supprimé|删除)",
    re.I,
)
# the note after the last file
TAIL = lazyre.compile(r"[`*_]*\s*[(（](?P<note>[^()（）]{0,60})[)）]")
MAX_CHAIN = 50


@dataclass(frozen=True)
class Chained:
    """A file after the first of an item: where it is written, the path, the name as written
    (when the path puts it in the folder of the file before it), its own action ("" if none)."""

    column: int
    path: str
    written: str
    action: str


def _note_action(note: str | None) -> str:
    found = NOTE_ACTION.match(note or "")
    if found is None:
        return ""
    return next(a for a in ("created", "modified", "deleted") if found.group(a))


def following(text: str, end: int, first: str) -> list[Chained]:
    """The files chained after the one that ends at ``end`` of ``text`` (``first``), with the
    action of the note after each one's predecessor moved to the file it belongs to."""
    out: list[Chained] = []
    folder = posixpath.dirname(first)
    notes: list[str] = []
    position = end
    while len(out) < MAX_CHAIN:
        match = SEPARATOR.match(text, position)
        if match is None:
            break
        notes.append(_note_action(match.group("note")))
        written = textscan.normalize_path(match.group("path"))
        if not textscan.looks_like_path(written) or "::" in written:
            break
        path = f"{folder}/{written}" if folder and "/" not in written else written
        start = match.start("path") + match.group("path").find(written)
        out.append(Chained(start + 1, path, written if path != written else "", ""))
        folder = posixpath.dirname(path)
        position = match.end()
    tail = TAIL.match(text, position)
    notes.append(_note_action(tail.group("note") if tail else None))
    # notes[0] belongs to the first file; notes[i] to the i-th chained one
    return [Chained(c.column, c.path, c.written, notes[index + 1]) for index, c in enumerate(out)]
