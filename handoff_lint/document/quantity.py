"""Quantities written next to a subject: a number with its unit, in the languages agents write.

"`x.py` (74 lines)", "`x.py`（94行）", "`x.sh` - 545 lines", "`x_test.go` (302 lines, 9 tests)",
"(NEW - 2,469 lines)", "(+10/-10 lines)", "(新增 225 行)", "`FooTests.cs` (24个)". One parser
for every claim kind that reads a count of something about a path: the line-count and the
test-count kinds take the quantities whose unit they know.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from handoff_lint import lazyre

NUMBER = (
    r"(?P<approx>~|≈|约|大约|約|about\s+|approx\.?\s+|ca\.\s*|roughly\s+)?"
    r"(?P<plus>\+)?(?<![\d.,])(?<![A-Za-z_]/)(?P<n>\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+(?![.,]?\d)|\d+)(?P<more>\+)?"
    r"(?:\s*/\s*[-−](?P<minus>\d{1,3}(?:,\d{3})+|\d+))?"
)
UNITS = {
    "lines": r"(?:(?:new|added|net)\s+)?lines?(?:\s+of\s+code)?|LOC|SLOC|行|줄|Zeilen?|l[ií]neas?|linhas?|lignes?|righe|строк[аи]?|regels?"
    r"|(?-i:L)(?![\w.])",  # "(150L)": an abbreviation, in capitals only
    "tests": (
        r"(?:(?:new|unit|integration|e2e|regression|comprehensive|behaviou?ral|functional|focused|"
        r"automated|additional|smoke|snapshot|component|api|ui|widget|instrumented|end-to-end|"
        r"passing)\s+)*"
        r"(?:test\s+cases?|test\s+functions?|test\s+methods?|tests?|specs?)"
        r"|个测试|個のテスト|件のテスト|件のテストケース|개의?\s*테스트|테스트|Tests?|pruebas|testes|Testfälle"
        r"|(?:(?:новых|новые|интеграционных|интеграционные|модульных|модульные|unit)[\s-]+)*"
        r"тест(?:ов|а|ы)?|testów"  # Russian's three plural forms ("4 теста", "16 тестов")
    ),
    "count": r"个|個|件|개",  # a bare counter: its noun is the subject's (tests of a test file)
    "words": r"words?|Wörter|palabras|palavras|mots|parole",
    # "(2 new tests, 33 insertions)" after a path: lines added to it (not git's "insertions(+)")
    "insertions": r"insertions?(?!\s*\()|deletions?(?!\s*\()",
}
QUANTITY = lazyre.compile(
    NUMBER + r"\s*(?P<unit>" + "|".join(f"(?P<{k}>{v})" for k, v in UNITS.items()) + r")(?!\w)",
    re.I,
)
OPEN, CLOSE = "(（[", ")）]"
# a minus sign right before a count, not a range's dash ("(-9 lines)", "−15 lines", not "1-9")
NEGATIVE = lazyre.compile(r"(?:^|[\s(（\[,:])[-−–]$")
LEAD = lazyre.compile(r"[`*_\s✅✔☑️]*")
# "- 545 lines", ": 545 lines", "with 9 tests", and a comment in a pasted tree ("# 358 lines")
SEPARATOR = lazyre.compile(r"\s*(?:[-–—:：#]|//|=>|→|with|has|contains)\s+", re.I)
# "**x_test.go:** 24 tests": the colon inside the emphasis that closes the subject
COLON_INSIDE = lazyre.compile(r"[:：][`*_]+\s*$")
# a bracketed status after a path, before its counts: "(NEW)", "(modified)", "(new file)"
STATUS = lazyre.compile(
    r"\s*(?:new(?:\s+file)?|added|created|modified|updated|changed|rewritten)\s*", re.I
)
COMMA = lazyre.compile(r"\s*(?:,|;|and\b|&)?\s*")
NOW = lazyre.compile(r"(?:now|→|->|=>|after)\s*$", re.I)


@dataclass(frozen=True)
class Quantity:
    """A count with its unit, written at ``start``..``end`` of its line."""

    start: int
    count: int
    unit: str
    approx: bool = False
    at_least: bool = False
    plus: bool = False
    minus: int | None = None
    end: int = -1  # where the unit ends: ``text[start:end]`` is the count as written
    change: str = ""  # after the unit: "added", "changed", "removed", or "net" with its sign


# "(4 lines changed)", "30 lines added", "12 lines removed": how much changed, not a size
CHANGE_AFTER = lazyre.compile(
    r"\s+(?:(?P<added>added|inserted|new|hinzugefügt|neu|añadid[ao]s|agregad[ao]s|nuev[ao]s|"
    r"adicionad[ao]s|nov[ao]s|ajouté(?:e?s)?|nouvelles|aggiunte)"
    r"|(?P<changed>changed|modified|edited|touched|geändert|modifiziert|bearbeitet|"
    r"modificad[ao]s|cambiad[ao]s|alterad[ao]s|modifié(?:e?s)?|modificate)"
    r"|(?P<removed>removed|deleted|dropped|gelöscht|entfernt|eliminad[ao]s|borrad[ao]s|"
    r"removid[ao]s|excluíd[ao]s|supprimé(?:e?s)?|rimosse|eliminate)|(?P<net>net))\b",
    re.I,
)


NEW_LINES = lazyre.compile(r"(?:new|added)\s", re.I)


def _change(match: re.Match[str]) -> str:
    word = CHANGE_AFTER.match(match.string, match.end())
    if word is None:
        return ""
    return next(name for name in ("added", "changed", "removed", "net") if word.group(name))


def _quantity(match: re.Match[str]) -> Quantity:
    unit = next(k for k in UNITS if match.group(k))
    minus = match.group("minus")
    change = _change(match) if unit == "lines" else ""
    if unit == "lines" and NEW_LINES.match(match.group(unit)):
        change = "added"  # "(170+ new lines)": lines the session added
    if unit == "lines" and (change == "net" or match.group(unit).lower().startswith("net")):
        # "(-9 net lines)", "(~6 lines net delta)": insertions less deletions, with its sign
        negative = NEGATIVE.search(match.string, max(0, match.start() - 2), match.start())
        change = "net" + ("-" if negative else "+" if match.group("plus") else "")
    if unit == "insertions":
        change = "removed" if match.group(unit).lower().startswith("deletion") else "added"
    if (
        unit == "lines"
        and not change
        and NEGATIVE.search(match.string, max(0, match.start() - 2), match.start())
    ):
        change = "removed"  # "(-9 lines)": fewer lines, never a size
    return Quantity(
        match.start(),
        number(match.group("n")),
        unit,
        bool(match.group("approx")),
        bool(match.group("more")),
        bool(match.group("plus")),
        int(minus.replace(",", "")) if minus else None,
        match.end(),
        change,
    )


def number(written: str) -> int:
    """A count as written with thousands separators ("1,350", "1.734") as an int."""
    return int(written.replace(",", "").replace(".", ""))


def every(text: str) -> list[Quantity]:
    """Every quantity written in ``text``, in order."""
    return [_quantity(m) for m in QUANTITY.finditer(text)]


def _group_end(text: str, start: int) -> int:
    """The index of the bracket closing the one at ``start`` (the line's end if none)."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] in OPEN:
            depth += 1
        elif text[index] in CLOSE:
            depth -= 1
            if depth == 0:
                return index
    return len(text)


def _one_per_unit(found: list[Quantity], text: str) -> list[Quantity]:
    """At most one quantity of each unit: the one after "now"/"→" when several are given
    ("(was 120 lines, now 80 lines)"), none when that does not settle it."""
    out: list[Quantity] = []
    for unit in dict.fromkeys(q.unit for q in found):
        same = [q for q in found if q.unit == unit]
        if len(same) == 2 and same[0].plus and same[1].change == "removed" and not same[0].minus:
            same = [
                dataclasses.replace(same[0], minus=same[1].count, end=same[1].end)
            ]  # "+120 行, -30 行"
        if len(same) == 2 and unit == "insertions" and same[0].change != same[1].change:
            added, removed = sorted(same, key=lambda q: q.change != "added")
            last = max(added.end, removed.end)
            same = [dataclasses.replace(added, minus=removed.count, end=last)]
        if len(same) > 1 and unit == "lines" and all(MOMENT.match(text, q.end) for q in same):
            out.extend(_moments(same, text))  # "(850 lines before; ~960 lines after)"
            continue
        if len(same) > 1:
            same = [q for q in same if NOW.search(text[: q.start].rstrip("+~ "))]
        if len(same) == 1:
            out.append(same[0])
    return out


# the moment a size is of, right after it: "850 lines before", "~960 lines after"
MOMENT = lazyre.compile(
    r"\s+(?:(?P<before>before|previously|vorher|antes|avant)|after|now|nachher|después|depois|"
    r"après)\b",
    re.I,
)


def _moments(same: list[Quantity], text: str) -> list[Quantity]:
    """Sizes each marked before or after: the one before is the file's size before the
    session (``change`` "before"), the other its size now."""
    out = []
    for q in same:
        found = MOMENT.match(text, q.end)
        before = found is not None and found.group("before") is not None
        out.append(dataclasses.replace(q, change="before") if before else q)
    return out


# a signed count alone in the brackets after a path: "(+9)", "(+120/-25)", "(+81, -36)"
BARE_SIGNED = lazyre.compile(
    r"\s*\+(?P<n>\d{1,3}(?:,\d{3})+|\d{1,7})(?:\s*[/,]\s*[-−](?P<m>\d{1,7}))?\s*"
)


def _bare_signed(match: re.Match[str]) -> Quantity:
    minus = match.group("m")
    return Quantity(
        match.start("n") - 1,
        number(match.group("n")),
        "lines",
        plus=True,
        minus=int(minus) if minus else None,
        end=match.end("m") if minus else match.end("n"),
    )


# "(841 -> 795 lines)", "(from 441 to 263 lines)": a bare count, then an arrow to the size now
ARROW_FROM = lazyre.compile(
    r"(?:from\s+)?~?(?<![\w.,+\-−])(?P<n>\d{1,3}(?:,\d{3})+|\d{1,7})\s*(?:->|→|=>|⟶|to)\s*~?$",
    re.I,
)


def _with_start(found: list[Quantity], text: str, start: int) -> list[Quantity]:
    """The size a change of size started from, before the one size of lines it led to: the
    file's size before the session (``change`` "before")."""
    sizes = [q for q in found if q.unit == "lines" and not (q.plus or q.change or q.minus)]
    if len(sizes) != 1:
        return found
    arrow = ARROW_FROM.search(text, start, sizes[0].start)
    if arrow is None:
        return found
    n = arrow.group("n")
    was = Quantity(arrow.start("n"), number(n), "lines", change="before", end=arrow.end("n"))
    return [was, *found]


def after(text: str, end: int, columns: bool = False) -> list[Quantity]:
    """The quantities annotating the subject that ends at ``end``: a bracketed group right
    after it, or "- N unit" / ": N unit" / "with N unit"; in pasted tool output (``columns``),
    also a count in the next column ("src/a.go      288 LOC")."""
    column = COLUMN.match(text, end) if columns else None
    if column is not None:
        return _listed_after(text, column.end())
    lead = LEAD.match(text, end)
    position = lead.end() if lead else end
    subject = text[max(text.rfind(" ", 0, end), text.rfind("\t", 0, end)) + 1 : end]
    if position < len(text) and text[position] in OPEN:
        close = _group_end(text, position)
        inside = [_quantity(m) for m in QUANTITY.finditer(text, position + 1, close)]
        bare = None if inside else BARE_SIGNED.fullmatch(text, position + 1, close)
        if bare is not None:  # "`a.py` (+120/-25)": the file's insertions (and deletions)
            return [_bare_signed(bare)]
        named = None if inside else _named(text, position + 1, subject)
        if named is not None:
            return [named]
        if inside or not STATUS.fullmatch(text, position + 1, close):
            return _with_start(_one_per_unit(inside, text), text, position + 1)
        after_status = LEAD.match(text, close + 1)  # "x.go (NEW) - 3 tests": a status first
        position = after_status.end() if after_status else close + 1
    separator = SEPARATOR.match(text, position)
    if separator and separator.group(0).strip() in ("#", "//"):  # a comment: all of it
        first = QUANTITY.match(text, separator.end())
        inside = [_quantity(m) for m in QUANTITY.finditer(text, separator.end())]
        return _one_per_unit(inside, text) if first else []
    counted_from = separator.end() if separator else None
    if counted_from is None and COLON_INSIDE.search(text, max(0, position - 40), position):
        counted_from = position
    if counted_from is not None:
        named = None if QUANTITY.match(text, counted_from) else _named(text, counted_from, subject)
        return [named] if named is not None else _listed_after(text, counted_from)
    return []


# the gap between the columns of pasted tool output, before a count (and a tick: "✅ 268 lines")
COLUMN = lazyre.compile(r"[ \t]{2,}(?:[✅✔✓☑]\uFE0F?[ \t]*)?(?=[~≈]?\+?\d)")


def _listed_after(text: str, start: int) -> list[Quantity]:
    """The quantities listed from ``start``: "26 tests, 344 lines", each of its own unit."""
    first = QUANTITY.match(text, start)
    found = [_quantity(first)] if first else []
    while first:
        joint = COMMA.match(text, first.end())
        first = QUANTITY.match(text, joint.end()) if joint else None
        if first:
            found.append(_quantity(first))
    return _one_per_unit(found, text) if len(found) > 1 else found


# "security_test.go - 3 security tests": a count of tests with a word of the file's own name
NAMED_TESTS = lazyre.compile(
    r"\s*" + NUMBER + r"\s+(?P<word>[^\W\d_]{3,30})\s+(?:tests?|test\s+cases?)(?!\w)", re.I
)


def _named(text: str, at: int, subject: str) -> Quantity | None:
    """A count of tests at ``at`` qualified by a word that is part of ``subject``'s name."""
    match = NAMED_TESTS.match(text, at)
    if match is None or match.group("word").casefold() not in subject.casefold():
        return None
    return Quantity(
        match.start("approx") if match.group("approx") else match.start("n"),
        number(match.group("n")),
        "tests",
        bool(match.group("approx")),
        bool(match.group("more")),
        bool(match.group("plus")),
        None,
        match.end(),
        "",
    )


def trailing(text: str, start: int) -> list[Quantity]:
    """The quantities of a bracketed group that ends the line, searched from ``start``."""
    stripped = text.rstrip(" *_`.")
    if not stripped or stripped[-1] not in CLOSE:
        return []
    depth, index = 0, len(stripped) - 1
    while index >= start:
        if stripped[index] in CLOSE:
            depth += 1
        elif stripped[index] in OPEN:
            depth -= 1
            if depth == 0:
                break
        index -= 1
    if index < start:
        return []
    inside = [_quantity(m) for m in QUANTITY.finditer(stripped, index + 1, len(stripped) - 1)]
    return _one_per_unit(inside, stripped)


NEAR = 120  # how far before a subject its count is looked for (a line may hold thousands)


def before(text: str, start: int, end: int) -> Quantity | None:
    """The quantity written right before a subject (``start``..``end``) that is alone in its
    brackets: "215 行 (errors.py)", but not "57 行 (config.py + toml)", which counts more."""
    head = text[max(0, start - NEAR) : start].rstrip(" `*")
    tail = text[end : end + NEAR].lstrip(" `*")
    if not head or head[-1] not in OPEN or not tail or tail[0] not in CLOSE:
        return None
    counted = head[:-1].rstrip()
    found = [m for m in QUANTITY.finditer(counted) if m.end() >= len(counted)]
    return _quantity(found[-1]) if found else None


ADDED_BEFORE = lazyre.compile(
    r"(?:added|inserted|agregad[oa]s?|añadid[oa]s?|adicionad[oa]s?|ajouté(?:e?s)?|新增|追加)"
    r"\W*$",
    re.I,
)
REMOVED_BEFORE = lazyre.compile(
    r"(?:removed|deleted|dropped|cut|trimmed|eliminad[oa]s?|removid[oa]s?|supprimé(?:e?s)?|删除|删去)"
    r"\W*$",
    re.I,
)
IN_FILE = lazyre.compile(
    r"\s+(?:in|en|em|dans|im|nel|nella|to)\s+(?:(?:the|el|la|o|le|der|den)\s+)?"
    r"(?:(?:new|nuevo|novo|nouveau|neuen?)\s+)?(?:(?:file|archivo|arquivo|fichier|datei)\s+)?"
    r"(?:(?:nuevo|novo|nouveau)\s+)?$",
    re.I,
)


def before_in(text: str, start: int) -> Quantity | None:
    """ "~200 líneas en `quantization.py`", "415 lines in the new file `x.py`": the quantity
    right before a preposition and the subject."""
    head = text[max(0, start - NEAR) : start].rstrip("`*")
    link = IN_FILE.search(head)
    if link is None:
        return None
    counted = head[: link.start()]
    found = [m for m in QUANTITY.finditer(counted) if m.end() >= len(counted.rstrip())]
    if not found:
        return None
    quantity = _quantity(found[-1])
    verb = counted[: found[-1].start()]
    if REMOVED_BEFORE.search(verb):  # "Removed 30 lines in `x.py`": not its size
        return None
    if ADDED_BEFORE.search(verb):  # "Added 30 lines to `x.py`"
        return dataclasses.replace(quantity, plus=True)
    return quantity


def opened_before(text: str, start: int, end: int) -> list[Quantity]:
    """ "Secure storage (lib/secure.dart, 206 lines)": the subject opens a bracket and its
    quantities follow it, after a comma, before the bracket closes."""
    head = text[max(0, start - NEAR) : start].rstrip(" `*_")
    joint = BRACKET_JOINT.match(text, end)
    if not head or head[-1] not in OPEN or joint is None:
        return []
    close = _group_end(text, len(head) - 1 + max(0, start - NEAR))
    inside = [_quantity(m) for m in QUANTITY.finditer(text, joint.end(), close)]
    return _one_per_unit(inside, text) if inside and inside[0].start == joint.end() else []


BRACKET_JOINT = lazyre.compile(r"[`*_]*\s*[,;]\s*")
