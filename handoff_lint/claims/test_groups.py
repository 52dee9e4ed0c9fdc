"""Test counts of a named group: "- Edge Cases (4 tests)", "### Domain Patterns: 3 tests",
"- 7 ListFiles tests", a row "| HandleLLMRequest | 5 |" of a table under "| Test Group | Tests |".

The name is the group's in a test file the session window changed: a ``describe``/``group``
call, a Python test class, a JUnit ``@Nested`` class, a section comment (``testgroups``). When
exactly one group of the window's test files is called so, it must define that many tests at
the end of the window, or the window must have added that many to it. A name no group has, or
several groups have, says nothing git can check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.claims.walk import Line, counted_cell, done_lines, section_files, table_cells
from handoff_lint.git import testgroups
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence
    from handoff_lint.git.repo import RepoFacts

# a heading or an item that opens with a name and gives it a count of tests: "(4 tests)",
# ": 4 tests", " - 4 new tests"
NAMED = lazyre.compile(
    r"^\s*(?:#{1,6}\s+|(?:[-*+]|\d{1,3}[.)])\s+)(?:\d{1,3}[.)]\s+)?(?:[✅✔☑]\uFE0F?\s*)?[*_]*"
    r"(?P<name>[^\W\d_][^()`*_:：|\n/\\]{2,60}?)[*_]*\s*"
    r"(?:[(（]\s*(?P<n>\d{1,4})\s+(?:new\s+)?tests?\s*[)）]|"
    r"[:：—–-]\s*[*_]*\s*(?P<m>\d{1,4})\s+(?:new\s+)?tests?\b)",
    re.I,
)
# "- 7 ListFiles tests", "- 4 `Edge Cases` tests": the count first, then the group's name
COUNT_FIRST = lazyre.compile(
    r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:[✅✔☑]\uFE0F?\s*)?(?P<n>\d{1,4})\s+[*_`]*"
    r"(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})[*_`]*\s+tests?\b"
)
# "| Test Group | Tests |": a table of groups, each row a name and its count of tests
GROUP_HEADER = lazyre.compile(r"^\W*(?:test\s+)?(?:groups?|describe|suites?)\W*$", re.I)
COUNT_HEADER = lazyre.compile(r"^\W*(?:tests?|count|#|cases)\W*$", re.I)
NUMBER_CELL = lazyre.compile(r"^[\s*]*(?P<n>\d{1,4})[\s*]*$")
# the words of a label over a count ("Integration Tests Added: 18", "Total: 40"), not a group's
LABEL_WORDS = frozenset(
    {
        "added",
        "created",
        "new",
        "written",
        "passing",
        "passed",
        "failing",
        "failed",
        "coverage",
        "result",
        "summary",
        "status",
    }
)
MIN_WORDS = 2  # "Edge Cases", "Domain Patterns": one word ("Config") names a scope, not a group
MAX_FILES = 200  # the window's test files read for their groups
MAX_BYTES = 8 * 1024 * 1024


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for line in done_lines(doc):
        if line.block.kind == "table_row":
            found = _row(line)
        elif line.shape or not line.first:
            continue
        else:
            found = _named(line) or _count_first(line)
        if found is None:
            continue
        name, count, start, end = found
        named = testgroups.words(name)
        if len(named) < MIN_WORDS or LABEL_WORDS.intersection(named):
            continue
        scope = {"scope": found_in} if (found_in := _scope(doc, line)) else {}
        value = {**scope, "name": name, "count": count}
        text = line.text[start:end].rstrip(")）")
        out.append(Claim("test_group", text, line.number, start + 1, value))
    return out


def _named(line: Line) -> tuple[str, int, int, int] | None:
    """(name, count, where the count starts, where the claim ends) of "- Edge Cases (4 tests)"."""
    match = NAMED.match(line.text)
    if match is None or "." in match.group("name"):
        return None
    group = "n" if match.group("n") else "m"
    return match.group("name").strip(), int(match.group(group)), match.start(group), match.end()


def _count_first(line: Line) -> tuple[str, int, int, int] | None:
    match = COUNT_FIRST.match(line.text)
    if match is None:
        return None
    return match.group("name"), int(match.group("n")), match.start("n"), match.end()


def _row(line: Line) -> tuple[str, int, int, int] | None:
    """A row of a table of test groups: its first cell the name, a cell of its tests' count."""
    header = line.block.table_header
    if not header or not GROUP_HEADER.match(header[0]):
        return None
    cells = table_cells(line.text)
    name = cells[0][1].strip(" *_`") if cells else ""
    if not name or "." in name or "/" in name:
        return None
    found = counted_cell(cells, header, 1, COUNT_HEADER, NUMBER_CELL)
    if found is None:
        return None
    count, start = found
    return name, int(count), start, start + len(count)


def _scope(doc: Document, line: Line) -> str:
    """The test file the line's section is about (its heading or a "**File:**" label above the
    line names it): the group is that file's."""
    files = section_files(doc)
    section = line.block.section
    for each in section.chain() if section is not None else []:
        named = [path for at, path in files.get(id(each), []) if at <= line.number]
        if named:
            return named[-1]
    return ""


@dataclass(frozen=True)
class Found:
    """A group of a test file the window changed: where, and its tests at both ends."""

    path: str
    group: testgroups.Group
    before: int  # its tests at the window's start (0: no such group then)


KEY = ("test_group",)


def gather(facts: RepoFacts, evidence: Evidence, claims: list[Claim]) -> None:
    """Read the groups of the test files the window changed, at its end and at its start (one
    ``cat-file --batch``), into the evidence's memo."""
    from handoff_lint.git.contents import blob_texts
    from handoff_lint.git.suite import test_files

    if not any(c.kind == "test_group" for c in claims) or KEY in evidence.memo:
        return
    window = evidence.window
    changed = [p for p in test_files(set(evidence.changes)) if p in evidence.files_at_end]
    if not changed or len(changed) > MAX_FILES or not (window.head or window.staged):
        evidence.memo[KEY] = None
        return
    end = "" if window.staged else str(window.head)
    names = [f"{end}:{p}" for p in changed] + [f"{window.base}:{p}" for p in changed if window.base]
    texts = blob_texts(facts.git, names)
    if sum(len(t) for t in texts.values()) > MAX_BYTES:
        evidence.memo[KEY] = None
        return
    found: list[Found] = []
    for path in changed:
        before = {
            testgroups.words(n): g.count
            for g in testgroups.groups_in(path, texts.get(f"{window.base}:{path}", ""))
            for n in g.names
        }
        for group in testgroups.groups_in(path, texts.get(f"{end}:{path}", "")):
            then = [before[w] for n in group.names if (w := testgroups.words(n)) in before]
            found.append(Found(path, group, then[0] if then else 0))
    evidence.memo[KEY] = found


def _matches(name: str, evidence: Evidence) -> list[Found]:
    found = evidence.memo.get(KEY)
    wanted = testgroups.words(name)
    if not isinstance(found, list):
        return []
    return [f for f in found if any(testgroups.words(n) == wanted for n in f.group.names)]


def _in_scope(claim: Claim, matches: list[Found], evidence: Evidence) -> list[Found]:
    """The groups of the file the claim's section is about, if it names one."""
    scope = claim.value.get("scope")
    if not scope:
        return matches
    path = evidence.resolve(str(scope))
    return [f for f in matches if f.path == path]


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        name, claimed = str(claim.value["name"]), int(claim.value["count"])
        matches = _in_scope(claim, _matches(name, evidence), evidence) if evidence.available else []
        if len(matches) != 1:
            many = "several test groups" if matches else "no test group of the session's files"
            claim.settle("unverifiable", f"{many} called {name!r}: git cannot tell which tests")
            continue
        found = matches[0]
        group, where = found.group, f"{found.path}:{found.group.line}"
        new = group.count - found.before
        if claimed in (group.count, new):
            claim.settle("verified", f"the group {name!r} ({where}) defines {group.count} tests")
        elif group.dynamic:
            claim.settle(
                "unverifiable",
                f"the group {name!r} ({where}) generates some of its tests: how many run is a "
                "run-time fact",
            )
        else:
            session = f" ({new} added in the session)" if 0 < new < group.count else ""
            claim.settle(
                "refuted",
                f"the group {name!r} ({where}) defines {group.count} tests{session}, not {claimed}",
                "HL406",
                f"write {group.count}",
            )


register("test_group", extract, verify, gather)
