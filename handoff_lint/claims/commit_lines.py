"""Where a line of a document presents a hex id as a commit, and the subject it gives it: after
a word of commits, in a table's Commit column, in a list of commits, in pasted ``git log``
output, or set apart in backticks in done prose (the commit kind's extraction, line by line)."""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Any

from handoff_lint import lazyre
from handoff_lint.claims.walk import Line, header_index, table_cells
from handoff_lint.document import textscan
from handoff_lint.model import Claim

KEYWORD = lazyre.compile(
    r"\b(commits?|committed|sha|sha-?1|hash|cherry-picked|reverted)\b|提交|哈希|コミット|커밋", re.I
)
HEX_RUN = lazyre.compile(r"[0-9a-f]{7}")
LEAD_MARKUP = lazyre.compile(r"^\s*(?:>\s*)*(?:[-*+]|\d+[.)])?\s*[`*\[]*")
ITEM_MARKER = lazyre.compile(r"^\s*(?:[-*+]|\d+[.)])\s*")
KEYWORD_REACH = 200
SUBJECT_REACH = 400
# "the latest/last/final/HEAD commit" or "commit ... (latest)": found once per line, by word
LATEST_WORD = lazyre.compile(r"\b(?:latest|last|most recent|final|head)\b", re.I)
LAST_WORD = lazyre.compile(r"\b(?:latest|last)\b", re.I)
COMMIT_WORD = lazyre.compile(r"\bcommit\b", re.I)
# "Latest known commit at start: X", "HEAD before the session": where the session began
AT_START = lazyre.compile(
    r"\b(?:at\s+(?:the\s+)?(?:session\s+)?start|at\s+(?:the\s+)?beginning|before\s+(?:this|the)\s+"
    r"(?:session|work)|starting\s+point|(?:session\s+)?base)\b",
    re.I,
)
START_REACH = 24
QUOTED = lazyre.compile(
    r"^[`*_)\]\s]*(?:[:\-–—]\s*)?[`*_\s]*[\"“'‘](?P<subject>[^\"”’]{3,}?)[\"”’]"
)
REST = lazyre.compile(r"^[`*_)\]]*\s*(?:[:\-–—|]\s*)?(?P<subject>[A-Za-z\[].{2,})$")
OPEN_PAREN = lazyre.compile(r"^[`*_]*\s*\(")


# "`8dc9482` (Task 1)", "(Step 2)", "(#12)", "(PR #7)": which step the commit was, not its subject
STEP_LABEL = lazyre.compile(
    r"^(?:(?:task|step|part|phase|plan|commit|fix|pr|issue|wave|round|item|tarea|paso|"
    r"aufgabe|schritt|tâche|étape|任务|步骤)\s*)?#?\s*\d+(?:[.-]\d+)*[a-z]?$",
    re.I,
)


def _bracketed_subject(text: str) -> str:
    """ "(feat(x): add the parser…) — tested by ...": the subject in the brackets right after
    the id (a description after it is commentary, not the subject)."""
    opening = OPEN_PAREN.match(text)
    if not opening:
        return ""
    depth = 0
    for index in range(opening.end() - 1, min(len(text), SUBJECT_REACH)):
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        if depth == 0:
            return text[opening.end() : index].strip()
    return ""


# a quote that a sentence goes on from ("`f03b3a4`: "About" now points to /about"): the quote
# is a word of the sentence (a label, a message), not the commit's subject
SENTENCE_GOES_ON = lazyre.compile(
    r"\s+(?!(?:and|or|in|on|by|from|to|with|for|at|via|e|y|et|und|em|en|no|na|et)\b)"
    r"[a-zß-ÿ]"
)


def _subject_after(text: str, at_item_start: bool) -> str:
    quoted = QUOTED.match(text)
    if quoted and SENTENCE_GOES_ON.match(text, quoted.end()):
        return ""
    if quoted:
        return quoted.group("subject").strip()
    if OPEN_PAREN.match(text):
        subject = _bracketed_subject(text) if at_item_start else ""
        return "" if STEP_LABEL.match(subject) else subject
    if at_item_start:
        rest = REST.match(text)
        found = rest.group("subject").strip().strip("*`").strip() if rest else ""
        if found and not textscan.HEX.match(found) and not REF_NAME.match(found):
            return "" if GOES_ON.match(found) else found
    return ""


# "`b590271` plus follow-up fixes", "`abc1234` and two later fixes": words that add more work
# to the id, not the commit's subject
GOES_ON = lazyre.compile(
    r"^(?:plus|and|or|with|along\s+with|as\s+well\s+as|together\s+with|then|et|und|y|e|"
    r"sowie|puis|dann)\b|^(?:[+&]|及|和|以及|与|および|と)"
    # "`3a71a65c` is reachable from origin/main": a sentence about the commit
    r"|^(?:is|was|are|were|has|had|remains|stays|exists|lives|sits|points)\s+\w",
    re.I,
)


# what `git ls-remote` and `git show-ref` print after an id: a ref, not a subject
REF_NAME = lazyre.compile(r"^(?:refs/[\w./-]+|HEAD|(?:origin|upstream)/[\w./-]+)$")


def _latest_end(text: str) -> int:
    """Where the first "latest ... commit" (no backtick between) or "commit ... last" phrase of
    ``text`` ends; past the end when there is none. One pass per line: a hex token after that
    position is the latest commit. (A regular expression searched in every token's prefix took
    quadratic time and backtracked on long lines.)"""
    commits = [(m.start(), m.end()) for m in COMMIT_WORD.finditer(text)]
    starts = [start for start, _ in commits]
    ticks = [i for i, char in enumerate(text) if char == "`"]
    best = len(text) + 1
    for word in LATEST_WORD.finditer(text):
        at = bisect.bisect_left(starts, word.end())
        if at < len(commits):
            start, end = commits[at]
            tick = bisect.bisect_left(ticks, word.end())
            if tick == len(ticks) or ticks[tick] >= start:
                best = min(best, end)
    if commits:
        first_end = commits[0][1]
        last = next((m for m in LAST_WORD.finditer(text, first_end)), None)
        if last is not None:
            best = min(best, last.end())
    if best <= len(text) and AT_START.search(text, 0, best + START_REACH):
        return len(text) + 1  # "latest commit at start: X": the session's base, not its end
    return best


# what precedes the id on a git log line, or on a labelled one in pasted output ("Attempt 4: ")
LOG_LEAD = lazyre.compile(
    r"^[\s*|\\/]*(?:commit\s+|[A-Za-z][\w .#-]{0,30}(?:[:：]|->|→|=>)\s+`?)?$"
)
DECORATION = lazyre.compile(r"^\s*\([^)]*\)")  # "(HEAD -> main, origin/main)" after the id


# where a clause ends: a word of commits before it says nothing of an id after it
CLAUSE_BREAK = lazyre.compile(r"[;.]\s")
SHORT_ID = 12  # the longest abbreviated id people write
# the longest id git abbreviates to by itself below some ten million objects: a longer one set
# apart in backticks, with no word of commits, that names no object is most likely the digest of
# something else (an image or container id, a content hash), not a lost commit
ABBREVIATED = 10


def _presented_as_commit(line: Line, match: re.Match[str], table_commit_column: bool) -> bool:
    start = match.start()
    if line.shape == "gitlog" and LOG_LEAD.match(line.text[:start]):
        return True
    near = line.text[max(0, start - KEYWORD_REACH) : start]  # bounded: a long line stays linear
    near = CLAUSE_BREAK.split(near)[-1]  # "committed `a1e4008`; baseline `1e62c5ad5bf7`"
    if table_commit_column or KEYWORD.search(near):
        return True
    # what precedes the id apart from list and quote markup ("x" past the reach: something)
    stripped = "x" if start > KEYWORD_REACH else LEAD_MARKUP.sub("", line.text[:start])
    if line.starts_item and not stripped:
        return True
    if not stripped and _id_listing(line):
        return True  # "7f94b9c | Task 18 | Added ...", a line of a log of commits
    if (line.starts_item or line.block.kind == "heading") and _cited_at_end(line, match):
        return True
    section = line.block.section
    in_commit_section = section is not None and section.within("commits")
    return in_commit_section and (_in_backticks(line, match) or not stripped)


# ids in the bracket that ends an item or a heading: "- Fixed the parser (3fa91c2)",
# "5. **Fix IIFE names** (ec74326/d1cfe10)", "### Step 2 (`a1b2c3d`)"
CITED_AT_END = lazyre.compile(
    r"[(（]\s*`?[0-9a-f]{7,40}`?(?:\s*[/,]\s*`?[0-9a-f]{7,40}`?){0,3}\s*[)）][\s*_.:;!✅]*$"
)


def _cited_at_end(line: Line, match: re.Match[str]) -> bool:
    """The id is in the bracket of ids that ends the line: the item's or heading's commit."""
    opened = max(line.text.rfind("(", 0, match.start()), line.text.rfind("（", 0, match.start()))
    return opened >= 0 and CITED_AT_END.match(line.text, opened) is not None


# a line that starts with an id and a separator: "7f94b9c | Task 18 | ...", "a1b2c3d - subject"
LISTED_ID = lazyre.compile(r"^\s*[0-9a-f]{7,40}\s*(?:\||[-–—:]\s)")


def _id_listing(line: Line) -> bool:
    """The line starts with an id and a separator, and so does another line of its paragraph:
    a log of commits written as prose (``git log --format='%h | %s'``)."""
    if line.block.kind != "paragraph" or LISTED_ID.match(line.text) is None:
        return False
    listed = (text for text in line.block.lines if LISTED_ID.match(text))
    return len(list(itertools.islice(listed, 2))) == 2  # stop at two: a long log stays linear


def _in_backticks(line: Line, match: re.Match[str]) -> bool:
    start, end = match.start(), match.end()
    return line.text[start - 1 : start] == "`" == line.text[end : end + 1]


DATE_DIGITS = lazyre.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b")


def _set_apart(line: Line, match: re.Match[str]) -> bool:
    """ "(2026-06-02, `4072f30a`)": a short id set apart in backticks is a commit, but a weaker
    one than an id with a word of commits (see ``ABBREVIATED``)."""
    return _in_backticks(line, match) and len(match.group(1)) <= SHORT_ID


def claims_on_line(line: Line) -> list[Claim]:
    if HEX_RUN.search(line.text) is None:  # no token can be an id: most lines of a document
        return []
    commit_cells: set[int] = set()
    subject_column = cell_end = -1
    if line.block.kind == "table_row" and line.block.table_header:
        header = line.block.table_header
        column = header_index(header, "commit", "hash", "sha", "rev")
        # a column of descriptions or outcomes is not the commits' subjects
        subject_column = header_index(header, "message", "subject")
        if subject_column < 0 and not any(OTHER_ROWS.search(h) for h in header):
            subject_column = header_index(header, "title")  # not an issue's or a task's title
        cells = table_cells(line.text)
        if 0 <= column < len(cells):
            start, raw = cells[column]
            commit_cells = set(range(start, start + len(raw)))
            cell_end = start + len(raw)
    out: list[Claim] = []
    section = line.block.section
    listed = line.starts_item and section is not None and section.within("commits")
    latest_end = -1
    subject_from = len(line.text) + 1  # after a leading id ("- 0b42ddd subject"): its subject
    # a pasted `git log --oneline` line's id may be digits only ("23298581 feat: ..."), unless
    # it reads as a date ("20251211")
    logged = line.shape == "gitlog" and DATE_DIGITS.match(line.text.lstrip()) is None
    for match in textscan.hex_tokens(line.text, digits_ok=listed or bool(commit_cells) or logged):
        in_cell = match.start() in commit_cells
        presented = _presented_as_commit(line, match, in_cell)
        if not presented and not _set_apart(line, match):
            continue
        value: dict[str, Any] = {"hash": match.group(1)}
        if not presented:
            value["set_apart"] = True
        after = line.text[match.end() : match.end() + SUBJECT_REACH]
        if line.shape == "gitlog":
            after = DECORATION.sub("", after, count=1)
        reached = match.start() <= KEYWORD_REACH
        before = ITEM_MARKER.sub("", line.text[: match.start()]).strip("`*[ ") if reached else "x"
        if in_cell:  # the subject column, or the rest of the id's own cell
            rest = line.text[match.end() : cell_end]
            subject = _table_subject(line, subject_column) or _subject_after(rest, True)
        else:
            at_start = (line.starts_item or line.shape == "gitlog") and not before
            subject = _subject_after(after, at_start)
            if at_start and subject:
                subject_from = min(subject_from, match.end())
        if subject and not STATUS_ONLY.match(subject):
            value["subject"] = subject
        if latest_end < 0:
            latest_end = _latest_end(line.text)
        if latest_end <= match.start() and match.start() < subject_from:
            value["role"] = "latest"  # not an id quoted in a listed commit's subject
        out.append(Claim("commit", match.group(1), line.number, match.start(1) + 1, value))
    return out


# a subject cell that stands in for one: "(see git log)", "-", "n/a", "TBD", "…"
PLACEHOLDER = lazyre.compile(r"^(?:\(.*\)|-+|[—–]|n/?a|tbd|todo|none|\.{3}|…|see\b.*)$", re.I)
# "- b45bc5f: EXISTS", "abc1234 ✅ FOUND": a check's status after the id, not its subject
STATUS_ONLY = lazyre.compile(
    r"^[\s✓✔✅❌*_`]*(?:(?:task|step|part|phase|plan|item)\s*#?\d+(?:[.-]\d+)*[a-z]?[\s:,-]+)?"
    r"(?:exists?|found|ok|verified|present|pushed|merged|committed|passed|"
    r"missing|not\s+found)[\s✓✔✅❌!.*_`]*$",
    re.I,
)


# a table whose rows are issues, tasks or pull requests, with the commit that did each: its
# Title column holds their titles, not the commits' subjects
OTHER_ROWS = lazyre.compile(
    r"\b(?:issues?|tasks?|tickets?|bugs?|findings?|stor(?:y|ies)|requirements?|pr|pull\s+requests?)\b",
    re.I,
)


def _table_subject(line: Line, column: int) -> str:
    cells = table_cells(line.text)
    if 0 <= column < len(cells):
        subject = cells[column][1].strip().strip('`*"“”').strip()
        return "" if PLACEHOLDER.match(subject) else subject
    return ""
