"""Diff-stat claims about the session as a whole: "52 files changed, 6721 insertions(+)",
"(52 files, +6,721/-313)", "+400 lines" — not attached to one commit or one file.

They agree with git when they equal the window's net diff, the sum of its commits, or one of its
commits (``~N`` within the configured tolerance).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from handoff_lint import lazyre
from handoff_lint.claims import commit_rows, diff_readings, register, witness
from handoff_lint.claims.commit import STATS, git_shortstat
from handoff_lint.claims.commit import extract as commit_claims
from handoff_lint.claims.diff_readings import WORK, Stat, gather, questions, readings
from handoff_lint.claims.line_labels import label_size_lines
from handoff_lint.claims.line_sizes import agrees, tolerance
from handoff_lint.claims.lines import DIFFSTAT
from handoff_lint.claims.stats_rows import ADDED_WORDS, REMOVED_WORDS, total_row
from handoff_lint.claims.walk import (
    Line,
    containing,
    header_index,
)
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.config import Config
    from handoff_lint.git.evidence import Evidence

N = r"(\d{1,3}(?:,\d{3})+|\d+)"
COMPACT = lazyre.compile(
    r"(?P<approx>~)?"
    + N.replace("(", "(?P<files>", 1)
    + r"\s+files?\s*,\s*\+"
    + N.replace("(", "(?P<ins>", 1)
    + r"\s*/\s*[-−]"
    + N.replace("(", "(?P<del>", 1),
    re.I,
)
# "22 files modified, 7,288 lines added": a diff stat in words
FILES_LINES = lazyre.compile(
    N.replace("(", "(?P<files>", 1)
    + r"\s+files?\s+(?:changed|modified|touched|updated)\s*,\s*"
    + N.replace("(", "(?P<ins>", 1)
    + r"\s+lines?\s+(?:added|inserted)",
    re.I,
)
# git's insertions and deletions in words, each count optionally signed ("+667 insertions")
INSERTIONS = r"\+?" + N.replace("(", "(?P<ins>", 1) + r"\s+(?:insertions?|additions?)(?:\(\+\))?"
DELETIONS = r"\s*,\s*[-−]?" + N.replace("(", "(?P<del>", 1) + r"\s+deletions?(?:\(-\))?"
# "(9 files, 747 insertions, 151 deletions)", "9 files changed, 747 insertions, 151 deletions":
# git's summary written out without its (+)/(-) marks
WORDED = lazyre.compile(
    r"(?P<approx>~)?"
    + N.replace("(", "(?P<files>", 1)
    + r"\s+files?(?:\s+changed)?\s*,\s*"
    + INSERTIONS
    + f"(?:{DELETIONS})?",
    re.I,
)
# "**Total Code Changes**: +667 insertions, -178 deletions", "TOTAL:  +659 insertions, -178
# deletions": git's summary without its count of files
INS_DEL = lazyre.compile(r"(?<![\w,.])(?P<approx>~)?" + INSERTIONS + DELETIONS, re.I)
PLUS_LINES = lazyre.compile(
    r"(?<![\w/+])(?P<approx>~)?\+"
    + N.replace("(", "(?P<ins>", 1)
    + r"(?:\s*/\s*[-−]"
    + N.replace("(", "(?P<del>", 1)
    + r")?\s+lines\b",
    re.I,
)
PATHISH = lazyre.compile(r"`[^`]+\.\w+`|\b[\w/.-]+\.[a-z]{1,5}\b")
# "**Lines Added**: +830", "| Lines added | 1460 |", "Total Lines Added: ~8,838", "删除代码: 151 行"
LABELLED = lazyre.compile(
    r"(?:^|[*|]|\s)(?P<label>(?P<a>"
    + ADDED_WORDS
    + r")|(?P<r>"
    + REMOVED_WORDS
    + r"))\**\s*[:：|]\s*\**\s*"
    r"(?P<approx>~|≈|约|約)?\s*[+\-−]?" + N.replace("(", "(?P<n>", 1) + r"(?P<more>\+)?",
    re.I,
)
# "3,433 行** 新增代码", "1,200 lines added"
TRAILING_LABEL = lazyre.compile(
    r"(?P<approx>~|≈|约|約)?"
    + N.replace("(", "(?P<n>", 1)
    + r"\s*(?:lines?|行)\**\s*(?P<a>added|inserted|新增代码|新增)(?![\w/])",
    re.I,
)


# "Lines of Test Code", "docs", "frontend": lines of a part of the work, which git does not count
PART = lazyre.compile(
    r"\b(?:test|tests|testing|doc|docs|documentation|frontend|backend|config|configuration|"
    r"style|styles|css|schema|migration|migrations|scripts?)\b|测试|文档|テスト|ドキュメント",
    re.I,
)


# "Net Change: +466 lines", "净增 +466 行": insertions less deletions
NET = lazyre.compile(r"\bnet\b|\bneto\b|\bnetto\b|净|正味", re.I)


def _number(text: str | None) -> int | None:
    return int(text.replace(",", "")) if text else None


def _claim(match: re.Match[str], number: int, group: str) -> Claim:
    value: dict[str, Any] = {
        "files": _number(match.groupdict().get("files")),
        "insertions": _number(match.groupdict().get("ins")),
        "deletions": _number(match.groupdict().get("del")),
    }
    if match.groupdict().get("approx"):
        value["approx"] = True
    return Claim("stats", match.group(0).strip("() "), number, match.start(group) + 1, value)


WORDS = (
    "changed",
    "+",
    "line",
    "insertion",
    "addition",
    "deletion",
    "行",
    "línea",
    "linha",
    "ligne",
    "zeile",
    "total",
    "合计",
    "总计",
)


def extract(doc: Document) -> list[Claim]:
    commits = commit_claims(doc)
    attached = {c.value["stats"]["line"] for c in commits if "stats" in c.value}
    out: list[Claim] = commit_rows.row_claims(doc, commits) + commit_rows.of_commits(doc, commits)
    attached |= {c.line for c in out}
    for line in containing(doc, *WORDS):  # every pattern needs one of these
        if line.number in attached:
            continue
        full = STATS.search(line.text)
        if full and (full.group("ins") or full.group("del")):
            value: dict[str, Any] = {
                "files": _number(full.group("files")),
                "insertions": _number(full.group("ins")),
                "deletions": _number(full.group("del")),
            }
            if line.shape:  # pasted --stat output: the rows above it are its own witness
                value["rows"] = _rows(line)
            out.append(Claim("stats", full.group(0), line.number, full.start() + 1, value))
            continue
        compact = (
            COMPACT.search(line.text) or FILES_LINES.search(line.text) or WORDED.search(line.text)
        )
        if compact:
            out.append(_claim(compact, line.number, "files"))
            continue
        pair = INS_DEL.search(line.text)
        if pair and not PATHISH.search(line.text[: pair.start()]):  # not one file's
            out.append(_claim(pair, line.number, "ins"))
            continue
        plus = PLUS_LINES.search(line.text)
        if plus and not PATHISH.search(line.text[: plus.start()]):
            claim = _claim(plus, line.number, "ins")
            if PART.search(line.text, 0, plus.start()) or _described(line, plus.start()):
                claim.value["part"] = True  # "| Lines of Test Code | ... | +2,500 lines |"
            if NET.search(line.text, 0, plus.start()) and claim.value["deletions"] is None:
                claim.value["net"] = claim.value.pop("insertions")  # "Net Change | +466 lines"
            out.append(claim)
            continue
        found = _labelled(line)
        if found and line.block.kind != "table_row" and line.number in label_size_lines(doc):
            continue  # "**File:** `docs/CHANGELOG.md`" over "**Lines Added:** 261": the file's
        if (
            found
            and line.block.kind != "table_row"
            and (_after_files_table(doc, line) or _in_step_section(doc, line))
        ):
            for claim in found:
                claim.value["part"] = True  # "**Total Code Added**: ~1,177" under its files
        out.extend(found)
    return out


# "- C++ DocumentStore: RangeBucket struct and aggregateRange method (+72 lines)": an item that
# describes one piece of the work, its size in brackets at the end
DESCRIBED = lazyre.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+[^(]*?\w[^(]*?[:：—–-]\s+\S[^(]*\($")


# what a whole diff is labelled by ("- Files: 4 modified (+522 lines, -10 lines)", "**Code
# Changes**: 9 files modified (+747/-151 lines)"), or a commit's id whose stats the count is
WHOLE = lazyre.compile(
    r"\b(?:files?|changes?|changed|lines?|total|diff|stats?|code|commits?|summary|insertions?)\b"
    r"|\b[0-9a-f]{7,40}\b|文件|变更|変更|修改|합계",
    re.I,
)


def _described(line: Line, start: int) -> bool:
    """The count is in brackets after an item's description of a piece of the work (not after
    a label of the whole diff, a count of files, or a commit)."""
    before = line.text[:start].rstrip("~ ")
    label = before.split(":", 1)[0] if ":" in before else before
    return DESCRIBED.match(before) is not None and not WHOLE.search(label)


# a section of one step of the session: "## Phase 3.2: Observability ✅", "### Task 4"
STEP_TITLE = lazyre.compile(
    r"^\W*(?P<word>phase|step|task|part|stage|fase|etapa|paso|schritt|阶段|步骤)\s*#?\d", re.I
)


def _in_step_section(doc: Document, line: Line) -> bool:
    """The line is in the section of one step when the document has other steps of the same
    word ("## Phase 3.2" beside "## Phase 4"): what it counts is that step's part."""
    section = line.block.section
    step = STEP_TITLE.match(section.title) if section is not None else None
    if step is None:
        return False
    word = step.group("word").lower()
    return any(
        s is not section and (m := STEP_TITLE.match(s.title)) and m.group("word").lower() == word
        for s in doc.sections
    )


def _after_files_table(doc: Document, line: Line) -> bool:
    """The line comes right after a table of files in its section ("| File | Lines | ..."): a
    total there is of those files, a part of the session's work."""
    at = witness.position(doc, line.block)
    before = doc.blocks[at - 1] if at > 0 else None
    return (
        before is not None
        and before.kind == "table_row"
        and before.section is line.block.section
        and header_index(before.table_header, "file", "path", "文件", "archivo", "fichier") >= 0
    )


def _labelled(line: Line) -> list[Claim]:
    """Lines added or removed by the session, under a label: "**Lines Added**: +830",
    "| Lines added | 1460 |", "删除代码: 151 行", "3,433 行 新增代码"; and a table's Total row
    under "Lines Added" / "Lines Removed" / "Files" columns."""
    if line.block.kind == "table_row" and line.block.table_header:
        total = total_row(line)
        if total is not None:
            return [total]
    if PATHISH.search(line.text):
        return []  # a count about a file is the line-count kind's
    for pattern in (LABELLED, TRAILING_LABEL):
        match = pattern.search(line.text)
        if match:
            key = "insertions" if match.group("a") else "deletions"
            value: dict[str, Any] = {"files": None, "insertions": None, "deletions": None}
            value[key] = int(match.group("n").replace(",", ""))
            if match.group("approx"):
                value["approx"] = True
            if match.groupdict().get("more"):
                value["at_least"] = True
            if PART.search(line.text, 0, match.start("n")):
                value["part"] = True  # "**Documentation Lines Added**: ~2,000 lines"
            return [Claim("stats", match.group("n"), line.number, match.start("n") + 1, value)]
    return []


def _rows(line: Line) -> list[int]:
    """[files, lines changed] of the "path | N +++--" rows of the pasted --stat above ``line``."""
    block = line.block
    rows = [DIFFSTAT.match(text) for text in block.lines[: line.number - block.line]]
    found = [int(m.group("n")) for m in rows if m]
    return [len(found), sum(found)]


def _pasted_elsewhere(claim: Claim) -> bool:
    """Settle a pasted --stat summary git's windows do not give: when its own rows add up to
    it, it is another range's (unverifiable); when they do not, it is wrong on its face."""
    rows, value = claim.value.get("rows"), claim.value
    if not rows or not rows[0]:
        return False
    changed = (value.get("insertions") or 0) + (value.get("deletions") or 0)
    if rows == [value.get("files"), changed]:
        claim.settle(
            "unverifiable",
            f"{claim.text} adds up to the rows pasted above it, but it is not the session "
            "window's: another range of commits?",
        )
    else:
        claim.settle(
            "refuted",
            f"the rows pasted above it list {rows[0]} files and {rows[1]} changed lines, "
            f"not {claim.text}",
            "HL307",
        )
    return True


def _agrees(claimed: int | None, actual: int, value: dict[str, Any], settings: Config) -> bool:
    """-1 in a reading is a number it does not give (files of a sum of commits)."""
    return claimed is None or (actual >= 0 and agrees(claimed, actual, value, settings))


def fitting(claim: Claim, evidence: Evidence) -> list[tuple[str, Stat]]:
    """The window's readings (net diff, sums, commits, later starts) the claim agrees with; a
    net change agrees with insertions less deletions (or with the insertions alone)."""
    value = claim.value
    net = value.get("net")
    return [
        (name, stat)
        for name, stat in readings(evidence).items()
        if all(
            _agrees(value.get(k), stat[i], value, evidence.settings)
            for i, k in enumerate(("files", "insertions", "deletions"))
        )
        and (net is None or _net_agrees(int(net), stat, value, evidence.settings))
    ]


def _net_agrees(net: int, stat: Stat, value: dict[str, Any], settings: Config) -> bool:
    """A claimed net change agrees with insertions less deletions, or with the insertions."""
    ins, dels = stat[1], stat[2]
    return (
        ins >= 0 and dels >= 0 and any(agrees(net, n, value, settings) for n in (ins - dels, ins))
    )


def _work(evidence: Evidence) -> Stat:
    """The session's diff stat to write: its work without this document where the window
    holds the document's own commit, else its net diff."""
    found = readings(evidence)
    return found.get(WORK) or found[diff_readings.NET]


def _within(claim: Claim, evidence: Evidence) -> bool:
    """A part's lines are no more than the whole diff's."""
    _, ins, _ = readings(evidence)[diff_readings.NET]
    return int(claim.value.get("insertions") or 0) <= ins


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        if claim.value.get("commit") and evidence.available:
            if "count" not in claim.value:  # "3 files changed, ..." right after its id
                commit_rows.settle_stat(claim, evidence)
            else:  # a cell of a commit's row
                slack = tolerance(abs(int(claim.value["count"])), evidence.settings)
                commit_rows.settle(claim, evidence, slack)
            continue
        if not evidence.available or not readings(evidence):
            claim.settle(
                "unverifiable", evidence.unavailable_reason or "the session window has no diff"
            )
            continue
        fits = fitting(claim, evidence)
        if fits:
            claim.settle("verified", f"{claim.text} agrees with {fits[0][0]}")
        elif claim.value.get("part") and _within(claim, evidence):
            claim.settle(
                "unverifiable",
                f"{claim.text} of a part of the work: git counts the whole diff, not that part",
            )
        elif not _pasted_elsewhere(claim):
            files, ins, dels = readings(evidence)[diff_readings.NET]
            claim.settle(
                "refuted",
                f"the session's net diff is {files} files, +{ins}/-{dels}; no commit "
                f"of it, nor their sum, is {claim.text}",
                "HL307",
                f"write {git_shortstat(*_work(evidence))}",
            )


register("stats", extract, verify, gather, questions)
