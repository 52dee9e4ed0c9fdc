"""File claims: paths the document says were created, modified, deleted or renamed."""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING, Any

from handoff_lint import frontmatter, lazyre, roles, textscan
from handoff_lint.claims import file_chain, register
from handoff_lint.claims.walk import Line, header_index, output_lines, prose_lines, table_cells
from handoff_lint.model import Block, Claim, Document

if TYPE_CHECKING:
    from handoff_lint.evidence import Evidence

MARKER = lazyre.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(?:\[[ xX]\]\s+)?(?:\d+[.)]\s+)?")
HEADING_MARK = lazyre.compile(r"^\s*#{1,6}\s+(?:\d+[.)]\s+)?")
VERBS = {
    "created": "created",
    "added": "created",
    "new": "created",
    "wrote": "created",
    "modified": "modified",
    "updated": "modified",
    "changed": "modified",
    "edited": "modified",
    "fixed": "modified",
    "refactored": "modified",
    "deleted": "deleted",
    "removed": "deleted",
    "renamed": "renamed",
    "moved": "renamed",
}
IMPERATIVES = {
    "create": "created",
    "add": "created",
    "write": "created",
    "update": "modified",
    "modify": "modified",
    "edit": "modified",
    "delete": "deleted",
    "remove": "deleted",
    "rename": "renamed",
    "move": "renamed",
}
IMPERATIVE = lazyre.compile(
    r"^\*{0,2}(?P<verb>" + "|".join(IMPERATIVES) + r")\*{0,2}\s*:?\*{0,2}\s+", re.I
)
# "- README updates": an extension-less word followed by a noun of change names a topic
TOPIC = lazyre.compile(r"\s+(?:updates|changes|modifications|fixes|improvements)\b", re.I)
CHECKED = lazyre.compile(r"\[[xX✓✔]\]")
# what may stand between the verb and the path: "Created `a.py`", "Created missing `a.h`",
# "Added new file `b.py`", "Deleted the old `c.py`"
BETWEEN_WORDS = frozenset({"the", "a", "an", "new", "missing", "old", "empty", "initial"})


def _only_article(between: str) -> bool:
    words = between.split()
    if words and words[-1] in ("file", "files"):
        words.pop()
    return len(words) <= 2 and all(w in BETWEEN_WORDS for w in words)


VERB_START = lazyre.compile(
    r"^\*{0,2}(?P<verb>" + "|".join(VERBS) + r")\*{0,2}\s*:?\*{0,2}\s+", re.I
)
# "(new)", "(modified)" after a path; or "- Updated with ..." ("- Added 6 tests" adds to it)
# "(new)", "- Created", "— Deleted": the file's action; "- Removed createRequire" removed
# something from the file (a word follows), which is modifying it
ANNOTATION = lazyre.compile(
    r"^[`*_]*\s*(?:[(\[]\s*(?P<word>new|created|added|modified|updated|deleted|removed)\b"
    r"|[-–—:]\s*(?P<verb>created|modified|updated|(?:deleted|removed)(?!\s+(?!files?\b)\w)))",
    re.I,
)
# "**x.md** erstellt", "`a.py` created", "`b.ts` modificado": a path with its action word after
# it and nothing more, in the languages agents write
TRAILING = lazyre.compile(
    r"^(?:(?P<created>created|added|"
    + roles.CREATED_WORDS
    + r")|(?P<modified>modifi|updat|chang|aktualisiert|angepasst|"
    + roles.CHANGED_WORDS
    + r")|(?P<deleted>deleted|removed|gelöscht|eliminad|removid|supprimé|删除|削除))"
    r"[^\W\d_]*\s*[.!✅✔]*\s*$",
    re.I,
)
LABEL = lazyre.compile(
    r"^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?\*\*(?P<label>[^*]{2,60}?):?\*\*:?\s*$"
)
CONTAINER = lazyre.compile(r"\b(?:from|to|in|into|inside|within|of)$")
ARROW = lazyre.compile(r"^[`*\s]*(?:→|->|=>|⇒)\s*")
OPENING = lazyre.compile(r"(\*\*|__)?`?")
SPANNED = lazyre.compile(r"`([^`]*\S [^`]*)`")
MARKED_LINK = lazyre.compile(r"[^\w\s\[\]`*_(]{1,3}\s*(?=\[[^\]]+\]\()")
LINK = lazyre.compile(
    r"\[(?P<text>[^\]\n]{1,200})\]\((?P<target>[^)\s]{1,300})(?:\s+\"[^\"]*\")?\)"
)
WORD = lazyre.compile(r"[^\W\d_]+")
LOCATED = lazyre.compile(r"(?::\d|#L\d)")  # a line location right after a path
PATH_TOKEN = lazyre.compile(r"[^\s`*,;|()\[\]\"']+")
ACTION_WORDS = {
    "created": "created",
    "new": "created",
    "added": "created",
    "modified": "modified",
    "updated": "modified",
    "deleted": "deleted",
    "removed": "deleted",
}


def _link_at(text: str, offset: int) -> tuple[int, str, int] | None:
    """A Markdown link to a file at ``offset``: "[a.py](../src/a.py)" names its target (from
    the document's folder), "[src/a.py](https://host/blob/main/src/a.py)" its text."""
    link = LINK.match(text, offset)
    if link is None:
        return None
    target = link.group("target").split("#")[0]
    if target and "://" not in target and not target.startswith("mailto:"):
        path = textscan.normalize_path(target)
        if textscan.looks_like_path(path) and "::" not in path:
            return link.start("target") + target.find(path), path, link.end()
    label = textscan.normalize_path(link.group("text"))
    if textscan.looks_like_path(label) and label in link.group("text"):
        return link.start("text") + link.group("text").find(label), label, link.end()
    return None


def _path_at(text: str) -> tuple[int, str, int] | None:
    """(offset, path, end) of a path at the very start of ``text``, inside decoration or not."""
    match = OPENING.match(text)
    offset = match.end() if match else 0
    marked = MARKED_LINK.match(text, offset)
    if marked:  # "- 📖 [API docs](compiler/README.md)": an emoji before a link
        offset = marked.end()
    if text[offset : offset + 1] == "[" and not text.startswith("[ ]", offset):
        return _link_at(text, offset)
    spanned = SPANNED.match(text, offset - 1) if text[offset - 1 : offset] == "`" else None
    if (
        spanned
        and textscan.looks_like_path(spanned.group(1), spaces=True)
        and "::" not in spanned.group(1)
    ):
        path = spanned.group(1).strip()
        return offset, path, offset + len(path)
    token = PATH_TOKEN.match(text, offset)
    if not token:
        return None
    raw = token.group(0)
    if "::" in raw:
        return None
    path = textscan.normalize_path(raw)
    if not textscan.looks_like_path(path):
        return None
    start = offset + raw.find(path)
    return start, path, start + len(path)


def _claim(path: str, action: str, line: int, column: int, **extra: Any) -> Claim:
    return Claim("file", path, line, column, {"path": path, "action": action, **extra})


def _label_action(label: str) -> str:
    role = roles.role_of(label)
    return "plan" if role == "plan" else roles.ACTION_OF_ROLE.get(role, "")


def _item_label(text: str) -> str:
    """The action of a short list item with no file that only names one ("- Deleted:",
    "- 删除", "- 新增测试"): the nested items under it are its files."""
    mark = MARKER.match(text)
    words = text[mark.end() if mark else 0 :].strip(" *_:：")
    trailing = TRAILING.match(words) if words and len(words) <= 40 else None
    if not trailing or textscan.path_tokens(words):
        return ""
    return next(a for a in ("created", "modified", "deleted") if trailing.group(a))


class _Labels:
    """Bold labels ('**Files Created:**') and the file action they give the list after them."""

    def __init__(self) -> None:
        self.paragraph: str = ""
        self.items: dict[int, str] = {}

    def see(self, line: Line) -> None:
        if not line.first:
            return
        block = line.block
        if block.kind == "heading":
            self.paragraph = ""
            return
        label = LABEL.match(line.text)
        action = _label_action(label.group("label")) if label else ""
        if block.list_depth >= 0:
            # a label, or "- 删除" over a nested list of the files deleted
            if label or (action := _item_label(line.text)):
                self.items[block.item_id] = action
        else:
            self.paragraph = action

    def action(self, block: Block) -> str:
        if block.parent_item_id in self.items:
            return self.items[block.parent_item_id]
        if block.list_depth >= 0 and self.paragraph:
            return self.paragraph
        return ""


def _action_for(line: Line, labels: _Labels, rest: str) -> str:
    note = ANNOTATION.match(rest)
    if note:
        return ACTION_WORDS[(note.group("word") or note.group("verb")).lower()]
    trailing = TRAILING.match(rest)
    if trailing:
        return next(a for a in ("created", "modified", "deleted") if trailing.group(a))
    return _given_action(line, labels)


def _given_action(line: Line, labels: _Labels) -> str:
    """The action a label over the item or its section's heading gives its files."""
    return labels.action(line.block) or roles.file_action(line.block.section)


def _item_claims(line: Line, labels: _Labels) -> list[Claim]:
    is_heading = line.block.kind == "heading"
    if not (line.starts_item or is_heading):
        return []
    prefix = (HEADING_MARK if is_heading else MARKER).match(line.text)
    start = prefix.end() if prefix else 0
    body = line.text[start:]
    verb = VERB_START.match(body)
    if verb and not is_heading:
        return _verb_claims(line, start + verb.end(), VERBS[verb.group("verb").lower()])
    order = IMPERATIVE.match(body) if CHECKED.search(line.text[:start]) else None
    if order and not is_heading:  # "- [x] Create missing `x.h`": a task done
        return _verb_claims(line, start + order.end(), IMPERATIVES[order.group("verb").lower()])
    found = _path_at(body)
    if not found:
        return _heading_subject(line) if is_heading else _label_list(line, labels, start)
    offset, path, end = found
    if _bare_word(body, offset, path) and (is_heading or TOPIC.match(body, end)):
        return []  # "### README Files Created", "- README updates": a word, not the file
    rest = body[end:]
    if LOCAL_NOTE.search(rest):
        return []  # "`x.html` (local-only, gitignored)": the item says it is not committed
    action = _action_for(line, labels, rest.lstrip("`*_ "))
    if not action and (body[offset - 1 : offset] == "@" or roles.is_reference(line.block.section)):
        action = "exists"  # "- @src/a.py:40-52", a list of key files: files that are there
    decorated = body[offset - 1 : offset] in ("`", "[")  # a code span or a link, not bold
    named = not is_heading or (decorated and not rest.strip("`*_ "))
    if not action and named and _listed_deliverable(line, path, decorated, rest):
        action = "exists"  # "- `docs/GUIDE.md` - the guide", "### `src/a.cpp`": it is there
    action = _placed(action, body, end)
    if not action or action == "plan":
        return []
    column = start + offset + 1
    arrow = ARROW.match(rest.lstrip("`*"))
    if arrow:
        target = _path_at(rest.lstrip("`*")[arrow.end() :])
        if target:
            return [_claim(target[1], "renamed", line.number, column, old_path=path)]
    claim = _claim(path, action, line.number, column)
    if body[offset - 2 : offset] == "](":  # "[the guide](docs/guide.md)": a relative link
        claim.value["link"] = True
    chained = file_chain.following(body, end, path)
    if not chained:
        return [claim]
    shared = _given_action(line, labels) or ("exists" if action == "exists" else "")
    return [claim, *_chained(line, start, chained, shared)]


def _chained(line: Line, start: int, chained: list[file_chain.Chained], shared: str) -> list[Claim]:
    """The files an item names after its first ("- `a.ts` (new), `b.ts`, `c.ts`"), each with
    its own note's action or the one its heading or label gives them all."""
    out: list[Claim] = []
    for more in chained:
        action = more.action or shared
        if action and action != "plan":
            value = {"path": more.path, "action": action}
            if more.written:
                value["written"] = more.written
            text = more.written or more.path
            out.append(Claim("file", text, line.number, start + more.column, value))
    return out


# a heading that tells of a file going away, being moved or still to come names a file that
# need not be there
NOT_THERE = lazyre.compile(
    r"\b(?:delet|remov|renam|mov|drop|deprecat|replac|migrat|retir|legacy|old|former|"
    r"plan|todo|next|future|missing|broken|ignor|untracked|uncommit|local|generated)|"
    r"not\s+(?:yet\s+)?committed|nicht\s+committ",
    re.I,
)


# what an item of done work says of its own file when the file is not there: "- `a.py` -
# removed", "(not committed)"; "- `x.jsx` - Delete button", "Local CI runner" describe what the
# file does, so a past participle or a state word, not a stem
ITEM_NOT_THERE = lazyre.compile(
    r"\b(?:(?:delet|remov|renam|mov|dropp|deprecat|replac|migrat|retir)ed|legacy|former|"
    r"missing|broken|untracked|uncommitted|locally|local[- ]only|generated|planned|"
    r"todo|next|future)\b|\w*ignor|not\s+(?:yet\s+)?committed|"
    r"nicht\s+(?:committ|versioniert|eingecheckt)",
    re.I,
)


# a note that the file is not in git: local, ignored, untracked, not committed
LOCAL_NOTE = lazyre.compile(
    r"\blocal[- ]only\b|\bgit-?ignored\b|\buntracked\b|\bnot\s+(?:yet\s+)?committed\b|"
    r"\buncommitted\b|nicht\s+committ|未提交|未跟踪",
    re.I,
)


# what a program writes when it runs (a database, a log, a lock): named in done work, not committed
RUNTIME = lazyre.compile(
    r"\.(?:db|sqlite3?|log|pid|lock|tmp|bak|cache|env|out|pyc|class|o|so|dll|exe|zip|tar|gz)$",
    re.I,
)


# "Node.js", "Vue.js", ".loro": a product or an extension named in prose, not a file
# "`.loro`-Dateien", "`.env`-style": the name is part of a compound word
COMPOUND = lazyre.compile(r"^[`*_]*-[^\W\d_]")
# what follows a file in a list of files: nothing, a separator, a note in brackets, a count
LISTED = lazyre.compile(r"^[`*_]*\s*(?:$|[-–—:：(（|,]|\s*\d)")
NAME_NOT_FILE = lazyre.compile(r"^(?:[A-Z][A-Za-z0-9]*\.js|\.\w+)$")


def _listed_deliverable(line: Line, path: str, decorated: bool, rest: str) -> bool:
    """A list item of done work that starts with a file and no action word names a file that
    is there; not one a program writes at run time, nor one the item or its headings say is
    gone, uncommitted or to come. A bare name outside a code span is a file only where the item
    lists it ("- NOTES.md - the notes"), not where it starts a sentence ("- Token.v compiled")."""
    listed = LISTED.match(rest) is not None
    section = line.block.section
    titles = [node.title for node in section.chain()] if section is not None else []
    return (
        "." in posixpath.basename(path)
        and not RUNTIME.search(path)
        and not path.startswith(("~", "/", "$"))
        and (decorated or "/" in path or (not NAME_NOT_FILE.match(path) and listed))
        and not COMPOUND.match(rest)
        and not ITEM_NOT_THERE.search(line.text)
        and not any(NOT_THERE.search(text) for text in titles)
    )


# "- Neural engine: Engine.kt, Recognizer.kt": a label, then nothing but files
LABEL_LIST = lazyre.compile(
    r"[*_]*(?P<label>[^\W\d_][^:：`*\[\]()]{0,40}?)[*_]*\s*[:：]\s*(?P<list>\S.*?)\s*$"
)
LIST_SEPARATOR = lazyre.compile(r"\s*(?:,|、|;|\band\b|\bund\b)\s*")


def _label_list(line: Line, labels: _Labels, start: int) -> list[Claim]:
    """The files a label lists, when all it lists is files (two or more, or in code spans):
    each is there, or has the action the label or its heading gives."""
    match = LABEL_LIST.match(line.text, start)
    if match is None:
        return []
    items: list[tuple[int, str]] = []
    position = match.start("list")
    for part in LIST_SEPARATOR.split(match.group("list")):
        offset = line.text.find(part, position)
        position = offset + len(part)
        name = part.strip("`*_ ")
        path = textscan.normalize_path(name)
        bare = not part.startswith("`")
        if (
            not textscan.looks_like_path(path)
            or path != name
            or "." not in posixpath.basename(path)
        ):
            return []
        if bare and (NAME_NOT_FILE.match(path) or RUNTIME.search(path)):
            return []
        items.append((offset + part.find(name), path))
    if len(items) < 2 and not match.group("list").startswith("`"):
        return []
    action = _label_action(match.group("label")) or _given_action(line, labels)
    if not action and _listed_deliverable(line, items[0][1], True, ""):
        action = "exists"
    if not action or action == "plan":
        return []
    return [_claim(path, action, line.number, column + 1) for column, path in items]


def _heading_subject(line: Line) -> list[Claim]:
    """ "### Audio chain (`src/Processor.cpp`)": a heading about one file, named in a code
    span, claims the file is there."""
    spans = textscan.code_spans(line.text)
    paths = [s for s in spans if textscan.looks_like_path(s[2].strip()) and "::" not in s[2]]
    if len(paths) != 1 or len(textscan.path_tokens(line.text)) != 1 or NOT_THERE.search(line.text):
        return []
    span = paths[0]
    path = textscan.normalize_path(span[2])
    return [_claim(path, "exists", line.number, span[0] + 2 + span[2].find(path))]


def _bare_word(body: str, offset: int, path: str) -> bool:
    """An extension-less name with no folder and no code span or bold around it ("README",
    "Makefile"): in a heading, a word of the title."""
    decorated = body[offset - 1 : offset] in ("`", "*", "_")
    return not decorated and "/" not in path and "." not in path


def _verb_claims(line: Line, offset: int, action: str) -> list[Claim]:
    """'Deleted `a.py`, `b.py`' and 'Renamed `a` → `b`' at the start of an item."""
    out: list[Claim] = []
    spans = [s for s in textscan.code_spans(line.text) if s[0] >= offset - 1]
    between = line.text[offset : spans[0][0]].strip(" *:").lower() if spans else "-"
    if between in ("to", "in", "into") and action == "created":
        action = "modified"
    elif not _only_article(between):
        return out
    paths = [
        (s, textscan.normalize_path(s[2])) for s in spans if textscan.looks_like_path(s[2].strip())
    ]
    if action == "renamed" and len(paths) >= 2:
        (_, old), (new_span, new) = paths[0], paths[1]
        return [_claim(new, "renamed", line.number, new_span[0] + 2, old_path=old)]
    for span, path in paths:
        # "Removed `createRequire` from `cli.ts`", "Added `x()` to `a.py`": the file after
        # "from"/"to"/"in" is where it happened, so it was modified
        before = line.text[: span[0]].rstrip(" *_`").lower()
        where = action if not CONTAINER.search(before) else "modified"
        out.append(_claim(path, where, line.number, span[0] + 2 + span[2].find(path)))
    return out


def _placed(action: str, text: str, end: int) -> str:
    """ "`src/a.c:166-216`: the bug" names a place in a file, not a change: a path with a line
    location right after it (at ``end``) claims only that the file exists, unless a heading,
    label or verb says the session changed it."""
    return "exists" if action == "changed" and LOCATED.match(text, end) else action


STATUS_WORDS = frozenset({*ACTION_WORDS, "file", "files", "the"})


def _status(cell: str) -> bool:
    """A cell that names an action and nothing else ("New", "✅ Created", "new file")."""
    words = WORD.findall(cell)
    return bool(words) and all(w in STATUS_WORDS for w in words)


def _file_cell(cell: str) -> bool:
    """A cell that is one path with a folder, in a code span or as a relative link."""
    return bool(textscan.CODE_PATH.fullmatch(cell) or textscan.LINK_PATH.fullmatch(cell))


def _table_claims(line: Line) -> list[Claim]:
    header = line.block.table_header
    column = header_index(header, "file", "path")
    named = column >= 0
    cells = table_cells(line.text)
    if not named and cells and _file_cell(cells[0][1].strip()):
        column = 0  # "| `src/lib/x.ts` | what it is for |": a table of files by its shape
    if column < 0 or column >= len(cells):
        return []
    start, raw = cells[column]
    stripped = raw.strip()
    found = _path_at(stripped)
    if not found:
        return []
    offset, path, end = found
    action = roles.file_action(line.block.section)
    if not action:
        reference = roles.is_reference(line.block.section)
        action = "changed" if named and not reference else "exists"
    action = _placed(action, stripped, end)
    action_column = header_index(header, "action", "status", "change", "type", "operation")
    if named and 0 <= action_column < len(cells):
        word = cells[action_column][1].strip().strip("*`").lower()
        if _status(word):  # "New", "✅ Created": a status; "Added deps": what changed in it
            action = next((a for w, a in ACTION_WORDS.items() if w in word), action)
    return [_claim(path, action, line.number, start + raw.find(stripped) + offset + 1)]


def _front_matter_claims(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for key, action in (
        ("files_created", "created"),
        ("files_modified", "modified"),
        ("files_deleted", "deleted"),
        ("files_renamed", "renamed"),
    ):
        items = (doc.front_matter or {}).get(key)
        if not isinstance(items, list):
            continue
        lines = frontmatter.item_lines(doc, key)
        for position, item in enumerate(items):
            old = ""
            if isinstance(item, dict):
                old, path = str(item.get("from", "")), str(item.get("to", ""))
            else:
                path = str(item)
            line = lines[position] if position < len(lines) else frontmatter.key_line(doc, key)
            text = doc.lines[line - 1]
            column = text.find(path) + 1 if path and path in text else 1
            extra = {"old_path": old} if old else {}
            out.append(_claim(textscan.normalize_path(path), action, line, column, **extra))
    return out


LIST_MARK = lazyre.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?:[✅✓✔]\s*)?")


def _output_claims(line: Line) -> list[Claim]:
    """ "- src/a.ts" in a code block that lists files (codeshape's "path" lines): the file is
    claimed with the action its note, heading or label gives, or else to be there."""
    mark = LIST_MARK.match(line.text)
    start = mark.end() if mark else 0
    found = _path_at(line.text[start:])
    if not found:
        return []
    offset, path, end = found
    rest = line.text[start + end :].lstrip("`*_ ")
    note = ANNOTATION.match(rest)
    trailing = TRAILING.match(rest)
    if note:
        action = ACTION_WORDS[(note.group("word") or note.group("verb")).lower()]
    elif trailing:
        action = next(a for a in ("created", "modified", "deleted") if trailing.group(a))
    else:
        action = roles.file_action(line.block.section) or "exists"
    return [_claim(path, action, line.number, start + offset + 1)]


def extract(doc: Document) -> list[Claim]:
    claims = _front_matter_claims(doc)
    claims += [
        claim
        for line in output_lines(doc)
        if line.shape == "path" and not line.planned
        for claim in _output_claims(line)
    ]
    labels = _Labels()
    for line in prose_lines(doc):
        labels.see(line)
        if line.planned:
            continue
        found = (
            _table_claims(line) if line.block.kind == "table_row" else _item_claims(line, labels)
        )
        for claim in found:
            section = line.block.section
            claim.value["list"] = f"{section.line if section else 0}:{line.block.parent_item_id}"
        claims.extend(found)
    return claims


# --- verification -------------------------------------------------------------------------


def _settle_created(claim: Claim, path: str, evidence: Evidence) -> None:
    actions = evidence.actions(path)
    if "A" in actions or "R" in actions:
        if path in evidence.files_at_end:
            claim.settle("verified", f"{path} was created in the session window")
        else:
            claim.settle(
                "refuted",
                f"{path} was created but no longer exists at the end of the session",
                "HL303",
            )
    elif any("A" in changes.get(path, ()) for changes in evidence.commit_changes):
        claim.settle("verified", f"{path} was deleted and created again in the session window")
    elif actions:
        claim.settle(
            "refuted",
            f"{path} already existed; the session modified it, it did not create it",
            "HL302",
            "write modified",
        )
    else:
        _not_touched(claim, path, evidence)


def _not_touched(claim: Claim, path: str, evidence: Evidence) -> None:
    where = "exists but " if path in evidence.files_at_end else ""
    if not where and posixpath.basename(path) in evidence.deleted_names:
        claim.settle(
            "unverifiable",
            f"no {path} at the end of the session window, but a commit deleted a file of that "
            "name: which one the document means git cannot tell",
        )
        return
    if not where and path not in evidence.changes:
        namesakes = evidence.same_name(path)
        if namesakes:
            claim.settle(
                "unverifiable",
                f"no file {path}; the repository has {namesakes[0]}, "
                "so the path may just be written differently",
                "HL901",
                f"did you mean {namesakes[0]}?",
            )
            return
    claim.value["window"] = evidence.window.describe()  # a list of such files names it once
    claim.settle(
        "refuted",
        f"{path} {where}was not changed by any commit of the session window "
        f"{claim.value['window']}",
        "HL301",
        evidence.did_you_mean(path),
    )


def _settle(claim: Claim, path: str, evidence: Evidence) -> None:
    action = str(claim.value.get("action", "changed"))
    actions = evidence.actions(path)
    if action == "created":
        _settle_created(claim, path, evidence)
    elif action == "deleted":
        if path in evidence.files_at_end:
            claim.settle("refuted", f"{path} still exists at the end of the session", "HL304")
        elif "D" in actions or "R" in actions:
            claim.settle("verified", f"{path} was deleted in the session window")
        else:
            _not_touched(claim, path, evidence)
    elif action == "renamed":
        old = str(claim.value.get("old_path", ""))
        if "R" in actions or ("A" in actions and (not old or "D" in evidence.actions(old))):
            claim.settle("verified", f"{path} was renamed or moved in the session window")
        elif actions:
            claim.settle(
                "refuted", f"{path} was changed, but not renamed, in the session window", "HL302"
            )
        else:
            _not_touched(claim, path, evidence)
    elif actions:
        claim.settle("verified", f"{path} was changed in the session window")
    elif action == "exists":
        _exists(claim, path, evidence)
    else:
        _not_touched(claim, path, evidence)


def _exists(claim: Claim, path: str, evidence: Evidence) -> None:
    """A file named with no action (a table of modules and what they are for): it must be
    there; that the session made it is not claimed."""
    if path in evidence.files_at_end:
        claim.settle("verified", f"{path} exists at the end of the session")
    elif evidence.absent(str(claim.value["path"]), bool(claim.value.get("link"))):
        claim.settle(
            "refuted",
            f"there is no {path} in the repository at the end of the session, and the session "
            "did not change such a file",
            "HL301",
            evidence.did_you_mean(path),
        )
    else:
        claim.settle("unverifiable", f"{path} is not at the end of the session window")


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        if not evidence.available or (evidence.window.head is None and not evidence.window.staged):
            claim.settle(
                "unverifiable", evidence.unavailable_reason or "the repository has no commits"
            )
            continue
        path = evidence.resolve(str(claim.value["path"]))
        if path is None:
            claim.settle(
                "unverifiable",
                "the path matches several files; write it from the repository root",
                "HL901",
                evidence.did_you_mean(str(claim.value["path"])),
            )
            continue
        inside = evidence.submodule_of(path)
        if inside is not None:
            claim.settle(
                "unverifiable",
                f"{path} is inside the submodule {inside}, whose history is "
                "its own; check it there",
                "HL901",
            )
            continue
        if evidence.window.head is None and not evidence.actions(path):
            claim.settle(
                "unverifiable", f"the repository has no commits yet and {path} is not staged"
            )
            continue
        _settle(claim, path, evidence)
        if evidence.truncated and claim.verdict == "refuted":
            claim.settle(
                "unverifiable",
                "the session window reaches past this shallow clone's "
                "history, where it may have happened",
                "HL901",
                "fetch the full history: fetch-depth: 0",
            )


register("file", extract, verify)
