"""Inline suppressions in HTML comments (they do not show in rendered Markdown).

    <!-- handoff-lint-disable-next-line HL201 -->
    text with a finding  <!-- handoff-lint-disable-line HL301 -->
    <!-- handoff-lint-disable HL3xx -->  ...  <!-- handoff-lint-enable -->
    <!-- handoff-lint-disable-file HL401 -->

An id (or id prefix, or rule name) is required; a suppression that suppresses nothing is itself
reported (HL903); one without an id, with an unknown verb ("disable-nextline") or with an id
that names no rule is HL904.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from handoff_lint import lazyre
from handoff_lint.checks import rules
from handoff_lint.model import Document, Finding

COMMENT = lazyre.compile(r"<!--\s*handoff-lint-(?P<verb>[A-Za-z-]+)(?P<ids>[^>]*?)-->")
VERBS = ("disable-line", "disable-next-line", "disable-file", "disable", "enable")


@dataclass
class Suppression:
    verb: str
    ids: list[str]
    line: int
    column: int
    first: int = 0
    last: int = 0
    columns: list[int] = field(default_factory=list)  # where each id is written
    used: set[str] = field(default_factory=set)  # the ids that suppressed something


def _code_lines(doc: Document) -> set[int]:
    return {n for b in doc.blocks if b.kind == "code" for n in range(b.line, b.end_line + 1)}


def parse(doc: Document) -> tuple[list[Suppression], list[Finding]]:
    """The document's suppressions with the lines they cover, and findings for bad ones."""
    found: list[Suppression] = []
    problems: list[Finding] = []
    code = _code_lines(doc)
    open_ranges: list[Suppression] = []
    for number, text in enumerate(doc.lines, start=1):
        if number in code:
            continue
        for match in COMMENT.finditer(text):
            written = list(re.finditer(r"[\w-]+", match.group("ids")))
            ids = [w.group(0) for w in written]
            verb = match.group("verb")
            bad = _bad(verb, ids)
            if bad:
                problems.append(rules.finding("HL904", number, match.start() + 1, bad))
                continue
            item = Suppression(verb, ids, number, match.start() + 1)
            item.columns = [match.start("ids") + w.start() + 1 for w in written]
            if verb == "enable":
                for still in open_ranges:
                    if not ids or any(
                        rules.matches(i, still_id) for i in ids for still_id in still.ids
                    ):
                        still.last = number
                open_ranges = [r for r in open_ranges if r.last == 0]
                continue
            if not ids:
                problems.append(
                    rules.finding(
                        "HL904",
                        number,
                        match.start() + 1,
                        f"handoff-lint-{verb} needs a rule id, e.g. HL201 or HL3xx",
                    )
                )
                continue
            if verb == "disable-next-line":
                item.first = item.last = _next_text_line(doc, number)
            elif verb == "disable-line":
                item.first = item.last = number
            elif verb == "disable-file":
                item.first, item.last = 1, len(doc.lines)
            else:
                item.first = number
                open_ranges.append(item)
            found.append(item)
    for still in open_ranges:
        still.last = len(doc.lines)
    return found, problems


def _bad(verb: str, ids: list[str]) -> str:
    """Why a suppression comment cannot be used ("" when it can): a verb markdownlint's set
    does not have ("disable-nextline" would otherwise silence the rest of the file), or an id
    that names no rule."""
    if verb not in VERBS:
        import difflib

        close = difflib.get_close_matches(verb, VERBS, n=1)
        hint = f" (did you mean handoff-lint-{close[0]}?)" if close else ""
        return f"handoff-lint-{verb} is not a suppression verb{hint}; use one of {', '.join(VERBS)}"
    wrong = rules.unknown(ids)
    return f"handoff-lint-{verb}: {'; '.join(wrong)}" if wrong else ""


def _next_text_line(doc: Document, number: int) -> int:
    for index in range(number, len(doc.lines)):
        if doc.lines[index].strip():
            return index + 1
    return number + 1


class Suppressions:
    """The suppressions of one document; ``covers`` marks the ids that suppress something."""

    def __init__(self, doc: Document) -> None:
        self.items, self.problems = parse(doc)

    def covers(self, rule: str, line: int) -> bool:
        """Whether a suppression covers ``rule`` on ``line`` (the first that does is marked,
        each of its ids that names the rule)."""
        for entry in self.items:
            if entry.first <= line <= entry.last:
                named = {i for i in entry.ids if rules.matches(rule, i)}
                if named:
                    entry.used |= named
                    return True
        return False

    def keep(self, findings: list[Finding]) -> list[Finding]:
        return [f for f in findings if not self.covers(f.rule, f.line)]

    def unused(self) -> list[Finding]:
        """HL903 for each id of a suppression that suppressed nothing (in ``disable-next-line
        HL201, HL301`` each id on its own), and HL904 for bad suppressions."""
        out = list(self.problems)
        for entry in self.items:
            for name, column in zip(entry.ids, entry.columns, strict=True):
                if name not in entry.used:
                    message = f"handoff-lint-{entry.verb} {name} suppresses nothing"
                    out.append(rules.finding("HL903", entry.line, column, message))
        return out
