"""Line counts of things named rather than pathed: "Registry Module: 850 lines", "- Core OPML
parser (583 lines, 6 tests)", "| CloudKit Sync | 1 | 499 |" under a Lines column.

The name stands for a file when exactly one file the session window created or changed is
called so: every word of the file's name is a word of the name, which says at most one word
more that is not a kind word ("Registry Module" and ``registry.py``), or every
word of the name that says what it is is a word of the file's name ("CloudKit Sync" and
``CloudKitSyncManager.swift``). A name that fits no file, or several, is no claim git can answer.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.document import quantity, textscan
from handoff_lint.model import Claim

if TYPE_CHECKING:
    from handoff_lint.claims.walk import Line
    from handoff_lint.git.evidence import Evidence

# "Registry Module:   850 lines", "- **Report Generator** - 920 lines", "Core parser (583 lines",
# "#### 1. FailureAnalyzer (210 lines)"
NAMED = lazyre.compile(
    r"^\s*(?:#{1,6}\s+)?(?:[-*+•]\s+|\d{1,3}[.)]\s+)?(?:[✅✓✔]\s*)?[*`]*(?P<name>[^\W\d_][^:：(|`*]{1,58}?)[*`]*"
    r"\s*(?:[:：]|\(|[-–—])\s*\**\s*$"
)
# "AASettings reduced from 448 lines to 34 lines", "- **Parser** was trimmed from 900 lines":
# one name, a verb of a change of size, then "from"
RESIZE = lazyre.compile(
    r"^\s*(?:[-*+•]\s+|\d{1,3}[.)]\s+)?(?:[✅✓✔]\s*)?[*`]*(?P<name>[^\W\d_][\w-]{2,58})[*`]*"
    r"\s+(?:(?:was|is|got|has\s+been)\s+)?(?:[a-z]+ed|rewritten|shrunk|cut|grew|went)"
    r"\s+(?:\w+\s+)?from\s*$"
)
WORD = lazyre.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
# words that say what kind of thing a name is, not which one
KIND_WORDS = frozenset(
    "module modules file files class component components service system core implementation "
    "code new the a an and of for with updates update total overall all sum lines line size "
    "length loc count before after added removed deleted changed modified backend frontend api "
    "ui test tests doc docs documentation source config configuration script scripts example "
    "examples summary written work phase step sprint week session part stage task day "
    "iteration milestone round".split()
)
# a name of a change, not of a thing: its count is of lines changed, in one file or several
CHANGE_WORDS = frozenset(
    "update change fix improvement refactor refactoring tweak modification edit cleanup "
    "migration integration".split()
)
TOTAL = lazyre.compile(r"\b(?:total|overall|sum|all|gesamt|summe|合计|总计|总)\b", re.I)
MAX_FILES = 2000  # created files to match names against


def words(text: str) -> set[str]:
    """The lower-case words of a name or a file name, camel case split, plurals folded."""
    found = {w.lower() for w in WORD.findall(text) if not w.isdigit()}
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in found}


def _names_a_thing(name: str) -> bool:
    """The name says which thing it is, and not that it is a change (an identifier,
    "UpdateConsentsUseCase", names a thing whatever its words)."""
    told = words(name)
    identifier = IDENTIFIER.fullmatch(name.strip(" *_`")) is not None
    return bool(told - KIND_WORDS) and (identifier or not told & CHANGE_WORDS)


def _claim(line: Line, name: str, found: quantity.Quantity) -> Claim:
    text = line.text[found.start : found.end]
    value: dict[str, object] = {"path": "", "name": name, "count": found.count, "measure": "lines"}
    if found.approx:
        value["approx"] = True
    if found.at_least:
        value["at_least"] = True
    return Claim("lines", text, line.number, found.start + 1, value)


def prose_claims(line: Line) -> list[Claim]:
    """A line count right after a name at the start of the line, with no path on the line."""
    if textscan.path_tokens(line.text) or TOTAL.search(line.text):
        return []
    found = [q for q in quantity.every(line.text) if q.unit == "lines" and not q.plus]
    if not found:
        return []
    first = found[0]
    head = line.text[: first.start].rstrip("~≈ ")
    match = NAMED.match(head)
    if match is None:
        return _resized(line, head, found)
    name = match.group("name").strip(" *_")
    if line.block.kind == "heading" and not IDENTIFIER.fullmatch(name):
        return []  # "### API Layer (478 lines)": a section's total (lines_total), not one file
    return [_claim(line, name, first)] if _names_a_thing(name) else []


def _resized(line: Line, head: str, found: list[quantity.Quantity]) -> list[Claim]:
    """ "AASettings reduced from 448 lines to 34 lines": the size after, and the size before."""
    match = RESIZE.match(head)
    if match is None or not _names_a_thing(match.group("name")):
        return []
    claims = [_claim(line, match.group("name"), q) for q in found]
    for claim in claims:
        claim.value["before"] = True
    return claims


def table_claim(line: Line, name: str, found: quantity.Quantity) -> list[Claim]:
    """ "| CloudKit Sync | 1 | 499 |" under a Lines column: the first cell names the subject."""
    name = name.strip(" *_`")
    if not name or textscan.path_tokens(name) or TOTAL.search(name) or found.plus:
        return []
    return [_claim(line, name, found)] if _names_a_thing(name) else []


def _fits(name: set[str], path: str) -> bool:
    stem = posixpath.basename(path).split(".")[0]
    own = words(stem)
    told = name - KIND_WORDS
    if not own or not told:
        return False
    # every word of the file's name is in the name, and the name says little more ("Guía
    # completa de uso de interfaces" is not ``interface.go``)
    return (own <= name and len(told - own) <= 1) or (len(told) > 1 and told <= own)


def resolve(evidence: Evidence, claims: list[Claim]) -> None:
    """Give each named line count the one file of the window's changed files its name fits."""
    named = [c for c in claims if c.kind == "lines" and c.value.get("name")]
    if not named:
        return
    created = [p for p, a in evidence.changes.items() if a & {"A", "M"} and p != evidence.doc_path]
    if len(created) > MAX_FILES:
        return
    stems: dict[str, list[str]] | None = None
    for claim in named:
        name = words(str(claim.value["name"]))
        fits = [p for p in created if _fits(name, p)]
        written = str(claim.value["name"]).strip(" *_`")
        if IDENTIFIER.fullmatch(written):  # "FailureAnalyzer": the one file of that name
            if stems is None:
                stems = _stems(evidence.files_at_end | set(created))
            snake = "_".join(w.lower() for w in WORD.findall(written))
            # failure_analyzer.py, failure-analyzer.ts too; not use_cases.py for
            # "UpdateConsentsUseCase", a file that may hold several classes
            fits = (
                stems.get(written, [])
                or stems.get(snake, [])
                or stems.get(snake.replace("_", "-"), [])
            )
        if len(fits) > 1:  # README.md, not the README.md.old kept beside it
            fits = [p for p in fits if not BACKUP.search(p)]
        if len(fits) == 1:
            claim.value["path"] = fits[0]


# a copy kept aside: "README.md.old", "config.py.bak", "main.go~"
BACKUP = lazyre.compile(r"\.(?:old|bak|orig|backup|save|prev)$|~$", re.I)


def _stems(paths: set[str]) -> dict[str, list[str]]:
    """The files by the name before their one extension ("FailureAnalyzer" of
    FailureAnalyzer.ts; FailureAnalyzer.test.ts is not it)."""
    out: dict[str, list[str]] = {}
    for path in paths:
        stem, dot, rest = posixpath.basename(path).partition(".")
        if dot and "." not in rest:
            out.setdefault(stem, []).append(path)
    return out


# one identifier in camel case: "FailureAnalyzer", "RetryPolicy" (a class and its file's name)
IDENTIFIER = lazyre.compile(r"[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+")
