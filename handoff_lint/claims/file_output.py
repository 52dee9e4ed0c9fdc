"""Files listed in pasted tool output: "- src/a.ts" in a code block that lists files, an entry
of a drawn file tree ("├── setup.py  # entry"), each claimed with the action its note, heading
or label gives, or else to be there."""

from __future__ import annotations

import re

from handoff_lint import lazyre
from handoff_lint.claims.file_words import ACTION_WORDS, ANNOTATION, TRAILING, file_claim, path_at
from handoff_lint.claims.walk import Line
from handoff_lint.document import codeshape, roles
from handoff_lint.model import Claim

LIST_MARK = lazyre.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?:[✅✓✔]\s*)?")


# what may follow a file drawn in a tree: nothing, a comment, a note in brackets, a dash
DRAWN_REST = lazyre.compile(r"^(?:$|#|//|[(（\[]|[-–—:]\s|<-|←)")
RUN_TIME = lazyre.compile(r"\.(?:db|sqlite3?|log|pid|lock|tmp|bak|cache|out|pyc|class|o)$", re.I)


# a note that says the entry was there before and the session left it ("← YA EXISTÍA", "#
# existing", "(unchanged)"): the file is claimed to be there, whatever the heading says
EXISTED = lazyre.compile(
    r"^(?:←|<-|#|//|[-–—:]\s|[(\[])\s*[*_]*\s*(?:existing|already\s+(?:exist|there|present)|"
    r"pre-?existing|unchanged|untouched|not\s+(?:changed|modified)|no\s+changes?\b|"
    r"ya\s+exist|existente|sin\s+cambios|sem\s+altera|j[áa]\s+exist|bereits\s+(?:vorhanden|da)|"
    r"existiert\s+bereits|unver[äa]ndert|d[ée]j[àa]\s+(?:existant|présent)|inchang|既存|已存在|"
    r"已有|未修改|未改动|未变|変更なし|기존)",
    re.I,
)
# a bare action word after an arrow ("← NUEVO (Fase 1)", "<- modified"): the entry's action
ARROW_NOTE = lazyre.compile(
    r"^(?:←|<-)\s*[*_]*\s*(?:(?P<created>new|created|added|"
    + roles.CREATED_WORDS
    + r")|(?P<modified>modified|updated|changed|"
    + roles.CHANGED_WORDS
    + r"))[^\W\d_]*[*_]*\s*(?:[(\[][^()\[\]]{0,40}[)\]])?\s*$",
    re.I,
)


# a folder named by a placeholder ("projects/{project_id}/", "<name>/", "runs/*/"): the layout
# a program writes its output in, not files of the repository ("app/[id]/" is a real route)
PLACEHOLDER = lazyre.compile(r"[{}<>*%]|\$\w")


def _drawn_file(folder: str, path: str, rest: str) -> bool:
    """A file drawn in a tree with no action of its own ("├── setup.py  # entry") says it is
    there: not one of a tree of the machine's folders ("~/.app/sessions/") or of a folder
    named by a placeholder, not what a program writes at run time ("app.log"), not a line that
    draws several at once ("├── a.ts / b.ts / c.ts")."""
    return (
        not folder.startswith(("~", "$", "/"))
        and not PLACEHOLDER.search(folder)
        and not RUN_TIME.search(path)
        and DRAWN_REST.match(rest) is not None
    )


def output_claims(line: Line) -> list[Claim]:
    """ "- src/a.ts" in a code block that lists files (codeshape's "path" lines): the file is
    claimed with the action its note, heading or label gives, or else to be there."""
    mark = LIST_MARK.match(line.text)
    drawn = codeshape.TREE_NAME.match(line.text) if line.folder or not mark else None
    start = mark.end() if mark else drawn.start("name") if drawn else 0
    found = path_at(line.text[start:])
    if not found:
        return []
    offset, path, end = found
    rest = line.text[start + end :].lstrip("`*_ ")
    note = ANNOTATION.match(rest)
    trailing = TRAILING.match(rest)
    arrow = ARROW_NOTE.match(rest)
    if EXISTED.match(rest):
        action = "exists"
    elif note:
        action = ACTION_WORDS[(note.group("word") or note.group("verb")).lower()]
    elif trailing:
        action = next(a for a in ("created", "modified", "deleted") if trailing.group(a))
    elif arrow:
        action = "created" if arrow.group("created") else "modified"
    else:
        action = roles.file_action(line.block.section) or "exists"
        if line.shape == "tree" and not _drawn_file(line.folder, path, rest):
            return []
    if line.folder:  # an entry of a drawn tree: the folders above it hold it
        value = {"path": line.folder + path, "written": path, "action": action}
        return [Claim("file", path, line.number, start + offset + 1, value)]
    return [file_claim(path, action, line.number, start + offset + 1)]
