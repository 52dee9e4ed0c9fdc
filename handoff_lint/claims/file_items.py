"""File claims in list items and headings: "- Created `a.py`", "- `docs/GUIDE.md` - the guide",
"- Engine: Engine.kt, Recognizer.kt", "### `src/Runner.cpp`", and the bold labels and headings
that give a list of files its action (``file_labels``)."""

from __future__ import annotations

import posixpath
import re

from handoff_lint import lazyre
from handoff_lint.claims import file_chain
from handoff_lint.claims.file_labels import INSIDE, OUTSIDE, Labels
from handoff_lint.claims.file_words import (
    ACTION_WORDS,
    ANNOTATION,
    ARROW,
    BRACKET_NOTE,
    CHECKED,
    CONTAINER,
    HEADING_MARK,
    IMPERATIVE,
    IMPERATIVES,
    MARKER,
    PHRASE,
    TOPIC,
    TRAILING,
    VERB_START,
    VERBS,
    file_claim,
    label_action,
    only_article,
    path_at,
    placed,
)
from handoff_lint.claims.walk import Line
from handoff_lint.document import roles, textscan
from handoff_lint.model import Claim

# "- `theme.tsx` - 新建组件" (a new component), "- `api.ts` - 更新接口" (updated): the action a
# note in Chinese or Japanese opens with ("新增" may add a method to a file: not read)
CJK_NOTE = lazyre.compile(
    r"^[`*_]*\s*[-–—:：]\s*(?:(?P<created>新建|创建|創建|新規作成|新規)|(?P<modified>修改|更新|更改|変更))"
)


# "- `a.js` - VERIFIED (not modified): ...", "(unchanged)", "sin cambios": a file the session
# looked at and left as it was; it is there, not changed
UNCHANGED = lazyre.compile(
    r"\b(?:not\s+(?:modified|changed|touched)|unchanged|untouched|no\s+changes?|"
    r"no\s+modificad[oa]|sin\s+cambios|não\s+modificad[oa]|sem\s+alterações|"
    r"nicht\s+geändert|unverändert|non\s+modifié)|未修改|未变更|変更なし",
    re.I,
)


def _own_action(rest: str) -> str:
    """The action the item's own note after its file gives ("(NEW)", "- updated"), or ''."""
    note = ANNOTATION.match(rest)
    if note:
        return ACTION_WORDS[(note.group("word") or note.group("verb")).lower()]
    trailing = TRAILING.match(rest)
    if trailing:
        return next(a for a in ("created", "modified", "deleted") if trailing.group(a))
    note_cjk = CJK_NOTE.match(rest)
    if note_cjk:
        return "created" if note_cjk.group("created") else "modified"
    bracket = BRACKET_NOTE.match(rest)
    if bracket:
        return "created" if bracket.group("created") else "modified"
    if UNCHANGED.search(rest):
        return "exists"
    return ""


def _given_action(line: Line, labels: Labels) -> str:
    """The action a label over the item or its section's heading gives its files."""
    given = labels.action(line.block)
    return "" if given == OUTSIDE else given or roles.file_action(line.block.section)


def item_claims(line: Line, labels: Labels) -> list[Claim]:
    is_heading = line.block.kind == "heading"
    if not (line.starts_item or is_heading):
        # "**Files Modified:** `a.ts`, `b.ts`", "**File:** `x.md`": a line of a paragraph that
        # is a label and nothing but files
        return _label_list(line, labels, 0) if line.block.kind == "paragraph" else []
    prefix = (HEADING_MARK if is_heading else MARKER).match(line.text)
    start = prefix.end() if prefix else 0
    body = line.text[start:]
    if labels.action(line.block) == INSIDE:
        return []  # under "**README.md:**": what changed inside that file
    verb = VERB_START.match(body)
    if verb and not is_heading:
        return _verb_claims(line, start + verb.end(), VERBS[verb.group("verb").lower()])
    order = IMPERATIVE.match(body) if CHECKED.search(line.text[:start]) else None
    if order and not is_heading:  # "- [x] Create missing `x.h`": a task done
        return _verb_claims(line, start + order.end(), IMPERATIVES[order.group("verb").lower()])
    if labels.action(line.block) == OUTSIDE:
        return []  # a release's assets, a build's artifacts: not the repository's files
    found = path_at(body)
    if not found:
        return _heading_subject(line) if is_heading else _label_list(line, labels, start)
    offset, path, end = found
    if _bare_word(body, offset, path) and (
        is_heading or TOPIC.match(body, end) or PHRASE.match(body, end)
    ):
        return []  # "### README Files Created", "- README updates": a word, not the file
    rest = body[end:]
    if LOCAL_NOTE.search(rest):
        return []  # "`x.html` (local-only, gitignored)": the item says it is not committed
    own = _own_action(rest.lstrip("`*_ "))
    action = own or _given_action(line, labels)
    if not action and (body[offset - 1 : offset] == "@" or roles.is_reference(line.block.section)):
        action = "exists"  # "- @src/a.py:40-52", a list of key files: files that are there
    decorated = body[offset - 1 : offset] in ("`", "[")  # a code span or a link, not bold
    named = not is_heading or (decorated and not rest.strip("`*_ "))
    if not action and named and _listed_deliverable(line, path, decorated, rest):
        action = "exists"  # "- `docs/GUIDE.md` - the guide", "### `src/a.cpp`": it is there
    action = placed(action, body, end)
    if not action or action == "plan" or (action == "exists" and REQUIRED.search(line.text)):
        return []  # "### Guard (each service's `main.py` must implement it)": a requirement
    column = start + offset + 1
    arrow = ARROW.match(rest.lstrip("`*"))
    if arrow:
        target = path_at(rest.lstrip("`*")[arrow.end() :])
        if target:
            return [file_claim(target[1], "renamed", line.number, column, old_path=path)]
    claim = file_claim(path, action, line.number, column)
    # whether the item's own note gave the action, or its heading or label (files._marked)
    claim.value["noted" if own else "given"] = True
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
# need not be there; whole words, so that "Local store", "Dropdown", "Next.js app", "Movement"
# and "Planet" are topics, not states
NOT_THERE = lazyre.compile(
    r"\b(?:delet(?:e[ds]?|ions?|ing)|remov(?:e[ds]?|als?|ing)|renam(?:e[ds]?|ing)|"
    r"mov(?:e[ds]?|ing)|drop(?:ped|s)?|deprecat\w*|replac\w*|retir\w*|legacy|old(?:er)?|"
    r"former(?:ly)?|plan(?:s|ned|ning)?|todo|next(?!\.js)|future|missing|broken|"
    r"ignor(?:e[ds]?|ing)|untracked|uncommit\w*|generated|"
    r"local(?:ly|[- ]only|\s+(?:files?|changes?|copies|artifacts?|edits?)))\b|"
    r"not\s+(?:yet\s+)?committed|nicht\s+committ",
    re.I,
)


# what an item of done work says of its own file when the file is not there: "- `a.py` -
# removed", "(not committed)"; "- `x.jsx` - Delete button", "Local CI runner" describe what the
# file does, so a past participle or a state word, not a stem; "(removed 6 unused imports)",
# "removed `legacy_flag`": a count or a code span after the participle is what left the file
ITEM_NOT_THERE = lazyre.compile(
    r"\b(?:(?:delet|remov|renam|mov|dropp|deprecat|replac|migrat|retir)ed(?!\s+[\d`'\x22])|"
    r"legacy|former|"
    r"missing|broken|untracked|uncommitted|locally|local[- ]only|generated|planned|"
    r"todo|next|future|deferred|postponed|reportée?s?|aplazad[oa]s?|pospuest[oa]s?|adiad[oa]s?|"
    r"verschoben|rinviat[oa])\b|推迟|延后|延期|先送り|보류|\w*ignor|not\s+(?:yet\s+)?committed|"
    r"nicht\s+(?:committ|versioniert|eingecheckt)|"
    # "- `docs/IDEAS.md` — still does not exist": the item says the file is not there
    r"\b(?:does|did|do)\s*(?:not|n't)\s+(?:yet\s+)?exist|\bno\s+longer\s+exists?\b|"
    r"\bnot\s+(?:yet\s+)?(?:created|present)\b|\bnon-?existent\b|existiert\s+nicht|"
    r"no\s+existe|不存在|尚未创建|未提交|未コミット|コミットしていない|コミットされていない|"
    r"커밋하지\s*않",
    re.I,
)


# an item that says what a file must do or hold names a requirement, not a file that is there
REQUIRED = lazyre.compile(
    r"\b(?:must|should|needs?\s+to|has\s+to|mandatory|muss|müssen|sollen?|debe[n]?|deve[m]?|"
    r"doit|doivent)\b|必须|必需|应该|应当|務必|务必|しなければ|べき",
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


def _product_or_artefact(name: str) -> bool:
    """A bare name that is a product or extension ("Node.js", ".env") or what a program writes
    at run time ("app.log"): written without a code span, not a file of the work."""
    return NAME_NOT_FILE.match(name) is not None or RUNTIME.search(name) is not None


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
    r"[*_]*(?P<label>[^\W\d_][^:：`*\[\]()]{0,40}?)[*_]*\s*[:：]\s*(?:[*_]{1,2}\s*)?(?P<list>\S.*?)\s*$"
)
# a label that names the kind of document the files are ("Plan", "Design spec", "Roadmap")
DOCUMENT_KIND = lazyre.compile(
    r"^\s*(?:(?:implementation|design|test|project|session)\s+)?"
    r"(?:plans?|specs?|design|roadmap|report|notes|adr|rfc)\s*$",
    re.I,
)
# a label that only says "file", in the languages agents write
FILE_LABEL = lazyre.compile(
    r"files?|archivos?|arquivos?|fichiers?|dateien|datei|file|文件|檔案|ファイル|파일", re.I
)
LIST_SEPARATOR = lazyre.compile(
    r"\s*(?:,|、|;|，|\b(?:and|und|y|e|et|en|i|og|och)\b|和|及|与|以及|및|と)\s*"
)


def _label_list(line: Line, labels: Labels, start: int) -> list[Claim]:
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
        if bare and _product_or_artefact(path):
            return []
        items.append((offset + part.find(name), path))
    if len(items) < 2 and not match.group("list").startswith("`"):
        return []
    action = label_action(match.group("label"), labels.words) or _given_action(line, labels)
    if line.block.list_depth < 0 and FILE_LABEL.fullmatch(match.group("label").strip()):
        action = "exists"  # "**File:** `docs/adr/0002.md`" over a section: the file it is about
    if action == "plan" and DOCUMENT_KIND.match(match.group("label")):
        action = "exists"  # "- Plan: `docs/plans/x.md`": the plan document, not work to come
    if not action and _listed_deliverable(line, items[0][1], True, ""):
        action = "exists"
    if not action or action == "plan":
        return []
    return [file_claim(path, action, line.number, column + 1) for column, path in items]


def _heading_subject(line: Line) -> list[Claim]:
    """ "### Audio chain (`src/Processor.cpp`)": a heading about one file, named in a code
    span, claims the file is there."""
    spans = textscan.code_spans(line.text)
    paths = [s for s in spans if textscan.looks_like_path(s[2].strip()) and "::" not in s[2]]
    if len(paths) != 1 or len(textscan.path_tokens(line.text)) != 1:
        return []
    if NOT_THERE.search(line.text) or REQUIRED.search(line.text):
        return []
    span = paths[0]
    path = textscan.normalize_path(span[2])
    return [file_claim(path, "exists", line.number, span[0] + 2 + span[2].find(path))]


def _bare_word(body: str, offset: int, path: str) -> bool:
    """An extension-less name with no folder and no code span or bold around it ("README",
    "Makefile"): in a heading, a word of the title."""
    decorated = body[offset - 1 : offset] in ("`", "*", "_")
    return not decorated and "/" not in path and "." not in path


# "**ADDED**: RecordingsTest.kt with 11 tests": a file named bare right after the verb
BARE_FILE = lazyre.compile(
    r"[*_:\s]*(?P<path>[\w@.-]+(?:/[\w@.-]+)*\.[A-Za-z]\w{0,7})(?=$|[\s,;:(—–-])"
)


def _bare_after_verb(line: Line, offset: int, action: str) -> list[Claim]:
    """The one file a verb names without a code span, when the name has an extension and is
    not a product ("Node.js") or a run-time artefact."""
    found = BARE_FILE.match(line.text, offset)
    if found is None or line.block.parent_item_id >= 0:
        return []  # none, or a nested item: what changed inside the file its parent names
    path = found.group("path")
    if _product_or_artefact(path) or not textscan.looks_like_path(path):
        return []
    return [file_claim(path, action, line.number, found.start("path") + 1)]


def _verb_claims(line: Line, offset: int, action: str) -> list[Claim]:
    """'Deleted `a.py`, `b.py`' and 'Renamed `a` → `b`' at the start of an item."""
    out: list[Claim] = []
    spans = [s for s in textscan.code_spans(line.text) if s[0] >= offset - 1]
    if not spans:
        return _bare_after_verb(line, offset, action)
    between = line.text[offset : spans[0][0]].strip(" *:").lower()
    if between in ("to", "in", "into") and action == "created":
        action = "modified"
    elif not only_article(between):
        return out
    paths = [
        (s, textscan.normalize_path(s[2])) for s in spans if textscan.looks_like_path(s[2].strip())
    ]
    if action == "renamed" and len(paths) >= 2:
        (_, old), (new_span, new) = paths[0], paths[1]
        return [file_claim(new, "renamed", line.number, new_span[0] + 2, old_path=old)]
    previous = -1
    for span, path in paths:
        # "Removed `createRequire` from `cli.ts`", "Added `x()` to `a.py`": the file after
        # "from"/"to"/"in" is where it happened, so it was modified
        before = line.text[: span[0]].rstrip(" *_`").lower()
        inside = CONTAINER.search(before) is not None
        gap = BRACKETED.sub("", line.text[previous : span[0]]) if previous >= 0 else ""
        if previous >= 0 and not inside and not _joined(gap):
            break  # "Fixed `a.ts`: added a block so `b.ts` can be imported": b.ts is context
        where = "modified" if inside else action
        out.append(file_claim(path, where, line.number, span[0] + 2 + span[2].find(path)))
        previous = span[1]
    return out


# what may stand between the files one verb acts on: "`a.py`, `b.py` and `c.py`" (stripped,
# not matched: a pattern of two runs of the same characters backtracks on a long gap)
GAP_MARKS = " \t`*_,;&+/、，"
CONJUNCTIONS = frozenset({"", "and", "or", "und", "y", "e", "et", "plus", "和", "及", "与"})


def _joined(gap: str) -> bool:
    return gap.strip(GAP_MARKS).casefold() in CONJUNCTIONS


BRACKETED = lazyre.compile(r"\([^()]*\)|（[^（）]*）")
