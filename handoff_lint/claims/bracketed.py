"""A count in brackets that ends a heading or a label and counts what follows it: "(9 files)",
"（17 个）", "(24个新测试)", "(6 of 9)", or a bare "(3)" after a noun that names what it counts
("## Commits Made (3)"); not a time, a size or a share ("(25 min)", "(120 lines)", "(97%)")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from handoff_lint import lazyre

COUNTER = r"(?:个|個|件|개|项|項|つ)"
# "(9 files)", "（17 个）", "(24个新测试)", "(6 of 9)": a count in brackets ending a heading or label
BRACKETED = lazyre.compile(
    r"[(（]\s*(?P<n>\d{1,4})\s*(?:"
    + COUNTER
    + r"|of\s+\d+|\s)\s*(?P<what>[^\d()（）]{0,30}?)\s*[)）]"
    r"\s*[:：]?\s*[*_]*\s*(?:[-–—]\s*[^()（）:：]{1,30}?)?\s*[:：]?\s*$"
)
NOT_COUNTED = lazyre.compile(
    r"^(?:ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|"
    r"[kmg]b|bytes?|lines?|loc|行|%|x|times|px|pt|r?em|commits?|pass\w*|fail\w*|"
    r"errors?|warnings?|points?|usd|eur|\$|€|¥|分钟|小时|天|周|月|年|秒|時間|日)\b",
    re.I,
)
# "## Commits Made (3)", "### Tasks (7):": a bare count ending a heading or label counts its noun
# each word taken whole, as an atomic group would ("(?=(x*))\1"): a long line is not retried at
# every split of every word (the result is the same: a shorter word cannot be followed here)
BARE = lazyre.compile(
    r"(?P<what>[^\W\d_](?=([\w-]*))\2(?:\s+[^\W\d_](?=([\w-]*))\3){0,2})\s*[*_]*\s*"
    r"[(（]\s*(?P<n>\d{1,4})\s*[)）]\s*[:：]?\s*[*_]*\s*$"
)
BARE_NOUN = lazyre.compile(
    r"\b(?:files?|documents?|docs?|tests?|tasks?|items?|steps?|fix(?:es)?|bugs?|issues?|"
    r"features?|components?|modules?|endpoints?|scripts?|commits?|prs?|changes|reports?)\b",
    re.I,
)


@dataclass(frozen=True)
class Counted:
    """A count in brackets: the number, what it counts ("" for a bare counter), its column."""

    n: int
    what: str
    column: int


# the status of the counted files after their noun: "(5 files - MODIFIED)", "(2 files, new)"
STATUS_TAIL = lazyre.compile(
    r"\s*[-–—,:]\s*(?:new|modified|updated|created|added|deleted|removed|changed)\s*$", re.I
)


def bracketed(text: str) -> Counted | None:
    """A count in brackets at the end of ``text`` that counts things (not time, size or passes):
    "(9 files)", "（17 个）", or a bare "(3)" after a noun that names what it counts."""
    last = max(text.rfind("("), text.rfind("（"))
    if last < 0:
        return None  # most lines: no bracket, no count in one
    # no bracket may follow the counted group, so it opens at the last bracket of the line
    match = BRACKETED.match(text, last)
    if match is not None:
        what = STATUS_TAIL.sub("", match.group("what"))  # "(5 files - MODIFIED)": files
        if NOT_COUNTED.match(what.strip(" *_")):
            return None
        return Counted(int(match.group("n")), what, match.start("n"))
    bare = BARE.search(text)
    if bare is None:
        return None
    noun = BARE_NOUN.search(bare.group("what"))
    if noun is None:
        return None
    return Counted(int(bare.group("n")), noun.group(0), bare.start("n"))
