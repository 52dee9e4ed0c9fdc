"""The words and shapes of a file claim: where a path stands in a line and which action a word
gives it ("Created", "(new)", "`a.py` modificado", "**Files Deleted:**")."""

from __future__ import annotations

import re
from typing import Any

from handoff_lint import lazyre
from handoff_lint.document import roles, textscan
from handoff_lint.model import Claim, HeadingWords

# a list marker, a checkbox, a number, and a done mark ("1. ✅ `a.png` - the welcome page")
MARKER = lazyre.compile(
    r"^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(?:\[[ xX]\]\s+)?(?:\d+[.)]\s+)?(?:[✅✓✔☑]\ufe0f?\s*)?"
)
HEADING_MARK = lazyre.compile(r"^\s*#{1,6}\s+(?:\d+[.)]\s+)?")
# Each word that tells a file's action, with the action and the word's imperative: one table
# for the verbs an item opens with ("Created `a.py`"), the imperatives of a task ("- [x] Create
# `a.py`") and the words of a note after a path ("(new)", "- Updated ..."). (A heading's or a
# label's words are its role's: ``roles``.)
ACTIONS: dict[str, tuple[str, str]] = {
    "created": ("created", "create"),
    "added": ("created", "add"),
    "new": ("created", ""),
    "wrote": ("created", "write"),
    "modified": ("modified", "modify"),
    "updated": ("modified", "update"),
    "changed": ("modified", ""),
    "edited": ("modified", "edit"),
    "fixed": ("modified", ""),
    "refactored": ("modified", ""),
    "deleted": ("deleted", "delete"),
    "removed": ("deleted", "remove"),
    "renamed": ("renamed", "rename"),
    "moved": ("renamed", "move"),
}
# the same verbs in the other languages reports are written in ("- Создан `a.md` — ...",
# "- Erstellt: `b.py`", "- Actualizado `c.ts`"): past participles, no imperative
OTHER_VERBS = {
    "created": "создан создана создано созданы добавлен добавлена добавлено добавлены erstellt "
    "angelegt hinzugefügt creado creada creados creadas criado criada criados criadas créé "
    "créée créés créées ajouté ajoutée ajoutés creato creata creati aggiunto aggiunti",
    "modified": "обновлен обновлён обновлена обновлено обновлены изменен изменён изменена "
    "изменено изменены исправлен исправлена исправлены aktualisiert geändert angepasst "
    "modificado modificada modificados modificadas actualizado actualizada actualizados "
    "atualizado atualizada atualizados alterado alterada alterados modifié modifiée modifiés "
    "modificato modificati aggiornato aggiornati",
    "deleted": "удален удалён удалена удалено удалены gelöscht entfernt eliminado eliminada "
    "eliminados borrado borrados removido removida removidos excluído excluídos supprimé "
    "supprimée supprimés rimosso rimossi eliminato eliminati",
    "renamed": "переименован переименована переименованы umbenannt renombrado renomeado "
    "renommé rinominato",
}
ACTIONS.update(
    {word: (action, "") for action, words in OTHER_VERBS.items() for word in words.split()}
)
# the words a note right after a path gives its action by, in the order they are looked for
NOTED = ("created", "new", "added", "modified", "updated", "deleted", "removed")
VERBS = {word: action for word, (action, _) in ACTIONS.items()}
IMPERATIVES = {order: action for action, order in ACTIONS.values() if order}
ACTION_WORDS = {word: ACTIONS[word][0] for word in NOTED}
IMPERATIVE = lazyre.compile(
    r"^\*{0,2}(?P<verb>" + "|".join(IMPERATIVES) + r")\*{0,2}\s*:?\*{0,2}\s+", re.I
)
# "- README updates": an extension-less word followed by a noun of change names a topic
TOPIC = lazyre.compile(r"\s+(?:updates|changes|modifications|fixes|improvements)\b", re.I)
# "README update guidelines", "Dockerfile best practices": a bare name that starts a phrase of
# lower-case words (not an action: "README updated with ...") is a word of that phrase
PHRASE = lazyre.compile(
    r"\s+(?!(?:created|updated|modified|added|deleted|removed|rewritten|renamed|moved|changed|"
    r"edited|fixed|refreshed|expanded|extended|cleaned|trimmed)\b)[a-z]{2,}\s+[a-z]{2,}"
)
CHECKED = lazyre.compile(r"\[[xX✓✔]\]")
# what may stand between the verb and the path: "Created `a.py`", "Created missing `a.h`",
# "Added new file `b.py`", "Deleted the old `c.py`"
BETWEEN_WORDS = frozenset({"the", "a", "an", "new", "missing", "old", "empty", "initial"})


def only_article(between: str) -> bool:
    words = between.split()
    if words and words[-1] in ("file", "files"):
        words.pop()
    return len(words) <= 2 and all(w in BETWEEN_WORDS for w in words)


VERB_START = lazyre.compile(
    r"^\*{0,2}(?P<verb>" + "|".join(VERBS) + r")\*{0,2}\s*:?\*{0,2}\s+", re.I
)
# "(new)", "(modified)" after a path; or "- Updated with ..." ("- Added 6 tests" adds to it)
# "(new)", "- Created", "— Deleted": the file's action; "- Removed createRequire" removed
# something from the file (a word, a code span or a token such as "@tag :skip" follows), which
# is modifying it
ANNOTATION = lazyre.compile(
    r"^[`*_]*\s*(?:[(\[]\s*(?P<word>new|created|added(?!\s+(?!files?\b)[\w`'\x22@#$<{/])|modified|"
    r"updated|(?:deleted|removed)(?!\s+(?!files?\b)[\w`'\x22@#$<{/]))\b"  # "(added `ws` dependency)",
    # "(removed 6 unused imports)": something added to or removed from the file
    r"|[-–—:][`*_]*\s*(?P<verb>created|modified|updated|(?:deleted|removed)(?!\s+(?!files?\b)[\w`'\x22@#$<{/])))",
    re.I,
)
# "(600+ lines rewrite)", "(240 lines, updated)", "(120 lines, new)": an action word inside the
# bracket that follows the path, after its size ("added" there counts inserted lines)
BRACKET_NOTE = lazyre.compile(
    r"^[`*_]*\s*[(\[]\s*(?:[~≈]?\d[\d,.]*\+?\s*(?:lines?|LOC|行|Zeilen|l[ií]neas|linhas)?"
    r"\s*[,;:–—-]?\s*)?(?:(?P<created>new|created)|(?P<modified>rewrite|rewritten|modified|"
    r"updated|refactored|expanded|extended|enhanced))(?:\s+file)?\s*[)\],;]",
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
    r"^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?\*\*(?P<label>[^*]{2,60}?)\s*[:：]?\*\*\s*[:：]?\s*$"
)
CONTAINER = lazyre.compile(r"\b(?:from|to|in|into|inside|within|of)$")
ARROW = lazyre.compile(r"^[`*\s]*(?:→|->|=>|⇒)\s*")
OPENING = lazyre.compile(r"(\*\*|__(?!\w+__[./]))?`?")  # "__init__.py", "__tests__/" are names
SPANNED = lazyre.compile(r"`([^`]*\S [^`]*)`")
MARKED_LINK = lazyre.compile(r"[^\w\s\[\]`*_(]{1,3}\s*(?=\[[^\]]+\]\()")
LINK = lazyre.compile(
    r"\[(?P<text>[^\]\n]{1,200})\]\((?P<target>[^)\s]{1,300})(?:\s+\"[^\"]*\")?\)"
)
WORD = lazyre.compile(r"[^\W\d_]+")
LOCATED = lazyre.compile(r"(?::\d|#L\d)")  # a line location right after a path
# "添加测试脚本到package.json": a sentence in a script without spaces runs into the name
GLUED = lazyre.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af][A-Za-z]")
# a route segment in brackets is part of a path: "app/jobs/[id]/page.tsx", "pages/[...slug].tsx"
PATH_TOKEN = lazyre.compile(r"(?:[^\s`*,;|()\[\]\"']|\[{1,2}(?:\.\.\.)?[\w-]+\]{1,2}(?=[/.]))+")


def link_at(text: str, offset: int) -> tuple[int, str, int] | None:
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
    web = target.rstrip("/").rsplit("/", 1)[-1]  # a web page names a file only by its own name
    if textscan.looks_like_path(label) and label in link.group("text") and label.endswith(web):
        return link.start("text") + link.group("text").find(label), label, link.end()
    return None


def path_at(text: str) -> tuple[int, str, int] | None:
    """(offset, path, end) of a path at the very start of ``text``, inside decoration or not."""
    match = OPENING.match(text)
    offset = match.end() if match else 0
    marked = MARKED_LINK.match(text, offset)
    if marked:  # "- 📖 [API docs](compiler/README.md)": an emoji before a link
        offset = marked.end()
    if text[offset : offset + 1] == "[" and not text.startswith("[ ]", offset):
        return link_at(text, offset)
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
    if "::" in raw or GLUED.search(raw):
        return None
    path = textscan.normalize_path(raw)
    if not textscan.looks_like_path(path):
        return None
    start = offset + raw.find(path)
    return start, path, start + len(path)


def file_claim(path: str, action: str, line: int, column: int, **extra: Any) -> Claim:
    return Claim("file", path, line, column, {"path": path, "action": action, **extra})


def label_action(label: str, words: HeadingWords) -> str:
    role = roles.role_of(label, words)
    return "plan" if role == "plan" else roles.ACTION_OF_ROLE.get(role, "")


def placed(action: str, text: str, end: int) -> str:
    """ "`src/a.c:166-216`: the bug" names a place in a file, not a change: a path with a line
    location right after it (at ``end``) claims only that the file exists, unless a heading,
    label or verb says the session changed it."""
    return "exists" if action == "changed" and LOCATED.match(text, end) else action
