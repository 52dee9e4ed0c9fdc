"""Test-count claims: 'X/Y tests passing (Z%)' and similar ratios; the arithmetic is checked."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import feature_list, register
from handoff_lint.claims.feature_list import features
from handoff_lint.claims.walk import Line, cell_index, containing, table_cells
from handoff_lint.document import textscan
from handoff_lint.git import suite
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence
    from handoff_lint.git.repo import RepoFacts

RATIO = r"(?<![\d/.,])(?P<x>\d{1,6})(?:\s*/\s*|\s+out\s+of\s+)(?P<y>\d{1,6})(?![\d/.])"
RATIO_HINT = lazyre.compile(
    r"\d(?:\s*/\s*|\s+out\s+of\s+)\d", re.I
)  # RATIO, loosely: cheap to test
PERCENT = r"(?P<p>\d{1,3}(?:\.\d+)?)\s*%"
WORDS = r"(?:\s*[^\W\d_][\w-]*){0,3}?"  # up to three words, in any script
AFTER = lazyre.compile(
    RATIO + WORDS + r"\s*[(\[（]\s*" + PERCENT + r"(?:\s+[a-z]+){0,2}\s*[)\]）]", re.I
)
BEFORE = lazyre.compile(PERCENT + WORDS + r"\s*[(\[（]\s*" + RATIO + WORDS + r"\s*[)\]）]")
# "**98.6% Complete**: 145/148 files": a labelled percent, the ratio it is made of after the colon
LABELLED = lazyre.compile(PERCENT + WORDS + r"[\s*_]*[:：]\s*[*_]*\s*" + RATIO)
PASSING = lazyre.compile(
    r"\b(pass(?:ing|ed|es)?|complete[d]?|done|verified)\b|✅|通过|成功|合格|통과", re.I
)
NOT_PASSING = lazyre.compile(
    r"\b(fail\w*|block\w*|remain\w*|pending|skip\w*|todo|not|left|broken)\b|❌", re.I
)
OTHER_SUITE = lazyre.compile(
    r"\b(unit|integration|e2e|pytest|jest|vitest|mocha|playwright|cypress|go test|cargo test)\b",
    re.I,
)
TESTS_WORD = lazyre.compile(r"\btests?\b|测试|テスト|테스트|\bspecs?\b|件|个|個", re.I)
NOT_TESTS = lazyre.compile(r"\b(?:features?|tasks?|items?|steps?|stories|issues?|files?)\b", re.I)
STARTING = lazyre.compile(r"\b(start(?:ing)?|before|previous(?:ly)?|initial|was|from)\b", re.I)
PLAIN = lazyre.compile(
    RATIO
    + r"\s+(?:[\w-]+\s+)?(?P<word>tests?|passing|passed|pass|features?|tasks?|fixed|complete[d]?|done)\b"
    + r"|"
    + RATIO.replace("<x>", "<x2>").replace("<y>", "<y2>")
    + r"\s*(?:件|個|个|개)?\s*(?P<cjk>(?:测试|テスト|테스트|单元测试|ユニットテスト)?(?:通过|成功|合格|통과))",
    re.I,
)


# "68% → 90%目标 (61/90)": a percent that is a goal, or the far end of a change, is not the
# ratio's own
GOAL = lazyre.compile(r"\s*(?:goal|target|目标|目標|objetivo|ziel)", re.I)
FROM_PERCENT = lazyre.compile(r"\d\s*%\s*(?:→|->|=>|to)\s*$", re.I)


# a percent written as a rough figure: "~35%", "≈ 40%", "about 60%", "约 50%"
ROUGHLY = lazyre.compile(
    r"(?:[~≈]|\b(?:about|approx\w*|roughly|around|circa|ca\.)|约|大约|約)\s*$", re.I
)


def _goal(text: str, match: re.Match[str]) -> bool:
    return bool(
        GOAL.match(text, match.end("p") + 1)
        or FROM_PERCENT.search(text, max(0, match.start("p") - 16), match.start("p"))
    )


def _claims_on(text: str, number: int) -> list[Claim]:
    out: list[Claim] = []
    taken: set[int] = set()
    for pattern in (AFTER, BEFORE, LABELLED, PLAIN):
        for match in pattern.finditer(text):
            x, y = ("x", "y") if match.groupdict().get("x") else ("x2", "y2")
            if match.start(x) in taken:
                continue
            taken.add(match.start(x))
            value: dict[str, object] = {"passed": int(match.group(x)), "total": int(match.group(y))}
            percent = match.groupdict().get("p")
            if (
                percent
                and not _goal(text, match)
                and not ROUGHLY.search(text, max(0, match.start("p") - 12), match.start("p"))
            ):
                value["percent"] = percent  # "~35% complete (3/11 phases)": a rough figure
            text_ = text[match.start(x) : match.end(y)]
            out.append(Claim("tests", text_, number, match.start(x) + 1, value))
    return out


def _session_of(line: Line) -> int | None:
    """N when the line is a row of a table whose first column is the session number."""
    header = line.block.table_header
    if line.block.kind != "table_row" or not header or "session" not in header[0].lower():
        return None
    cells = table_cells(line.text)
    first = cells[0][1].strip().strip("*").strip() if cells else ""
    return int(first) if first.isdigit() else None


def _near(line: Line, claim: Claim) -> str:
    """The words that say what a ratio counts: around it in prose; in a table, its own cell and
    that column's header ("| 68% (638/928) | Repository tests |" under "Coverage" counts
    covered lines, whatever the next cell says)."""
    start = claim.column - 1
    if line.block.kind == "table_row" and line.block.table_header:
        cells = table_cells(line.text)
        header = line.block.table_header
        index = cell_index(cells, start)
        if index >= 0:
            return cells[index][1] + " " + (header[index] if index < len(header) else "")
    return line.text[max(0, start - 25) : start + 1 + len(claim.text) + 40]


# "- Total: 398 tests" and "- Passing: 342 (86.9%)" in one list: the percent is of the total
ITEM_TOTAL = lazyre.compile(
    r"^\s*[-*+]\s+[*_]*(?:total|gesamt|insgesamt|总计|合计|合計)[*_]*\s*[:：]\s*[*_]*"
    r"(?P<n>\d{1,6})(?![\d.,%])",
    re.I,
)
ITEM_SHARE = lazyre.compile(
    r"^\s*[-*+]\s+[*_]*[^\W\d_][^:：*_]{0,30}[*_]*\s*[:：]\s*[*_]*(?P<x>\d{1,6})(?![\d.,%])"
    r"[^(（%]{0,20}[(（]\s*(?P<p>\d{1,3}(?:\.\d+)?)\s*%\s*[)）]"
)


def _runs(lines: list[Line]) -> list[list[Line]]:
    """Runs of list items on consecutive lines (one list, read item by item)."""
    runs: list[list[Line]] = []
    for line in lines:
        if not line.starts_item:
            continue
        if runs and runs[-1][-1].number == line.number - 1:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


# the label of an outcome of a test run: "Passing", "Failed", "Skipped", "通过"
OUTCOME = lazyre.compile(
    r"\b(?:pass|fail|skip|error|green\b|red\b|éxito|exito|réussi|bestanden|sucesso)"
    r"|通过|失败|成功|合格",
    re.I,
)


def _share_claims(doc: Document) -> list[Claim]:
    """ "- Passing: 342 (86.9%)" under "- Total: 398 tests" in the same list: 342/398."""
    out: list[Claim] = []
    for run in _runs(containing(doc, ":", "：")):
        totals = [(m, line) for line in run if (m := ITEM_TOTAL.match(line.text))]
        if len(totals) != 1 or not TESTS_WORD.search(totals[0][1].text):
            continue  # "- Total: 40 hours": not a count of tests
        total = int(totals[0][0].group("n"))
        for line in run:
            share = ITEM_SHARE.match(line.text)
            if share is None or ITEM_TOTAL.match(line.text):
                continue
            if not OUTCOME.search(line.text, 0, share.start("x")):
                continue  # "- Statements covered: 1200 (78%)": not an outcome of the tests
            value = {"passed": int(share.group("x")), "total": total, "percent": share.group("p")}
            value["of_list_total"] = True
            text = line.text[share.start("x") : share.end()]
            out.append(Claim("tests", text, line.number, share.start("x") + 1, value))
    return out


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = _share_claims(doc)
    for line in containing(doc, "/", "out"):  # every pattern holds a RATIO: "x/y", "x out of y"
        if RATIO_HINT.search(line.text) is None:
            continue
        session = _session_of(line)
        cited: list[str] | None = None  # the line's ids, found once for all its claims
        for claim in _claims_on(line.text, line.number):
            if session is not None:
                claim.value["session"] = session
            start = max(0, claim.column - 60)
            claim.value["start"] = bool(STARTING.search(line.text[start : claim.column]))
            near = _near(line, claim)
            passing = PASSING.search(near) is not None and NOT_PASSING.search(near) is None
            claim.value["passing"] = passing
            claim.value["other_suite"] = OTHER_SUITE.search(near) is not None
            claim.value["about_tests"] = TESTS_WORD.search(near) is not None and not (
                NOT_TESTS.search(near)
            )
            if cited is None:
                cited = [m.group(1) for m in textscan.HEX.finditer(line.text)]
            claim.value["cited"] = cited
            out.append(claim)
    return out


def percent_agrees(passed: int, total: int, written: str) -> bool:
    """Z% agrees with X/Y when it is X/Y rounded up or down to the digits written."""
    decimals = len(written.split(".", 1)[1]) if "." in written else 0
    scale = 10**decimals
    exact = passed / total * 100 * scale
    low, high = math.floor(exact + 1e-9) / scale, math.ceil(exact - 1e-9) / scale
    return bool(low - 1e-9 <= float(written) <= high + 1e-9)


def _feature_list(claim: Claim, evidence: Evidence) -> bool:
    """Settle a ratio against the repository's feature_list.json; False when it does not apply.

    A denominator larger than the list is refuted. A passing count (on a line about passing,
    not failing or blocked) must be the count at some point of the window: its start, one of
    its commits, or its end.
    """
    status = features(evidence).status
    if not status:
        return False
    if "session" in claim.value:
        return _session_row(claim, evidence)
    passed, total = int(claim.value["passed"]), int(claim.value["total"])
    end_passes, end_total = status["end"]
    if claim.value.get("other_suite"):
        return False  # a named test runner's count, not the feature list
    if end_total < total <= end_total * 3 // 2:
        claim.settle(
            "refuted",
            f"feature_list.json lists {end_total} features, not {total}",
            "HL403",
            f"write {end_passes}/{end_total}",
        )
        return True
    if total != end_total or not claim.value.get("passing"):
        return False  # another suite's count, or not a passing count
    seen = {p for p, t in status.values() if t == total}
    if passed in seen:
        claim.settle("verified", f"feature_list.json has {passed} of {total} passing in the window")
        return True
    shown = ", ".join(str(n) for n in sorted(seen))
    claim.settle(
        "refuted",
        f"feature_list.json has {shown} of {end_total} passing during the session, never {passed}",
        "HL403",
        f"at the end: {end_passes}/{end_total}",
    )
    return True


def _session_row(claim: Claim, evidence: Evidence) -> bool:
    """A progress-timeline row: the pass count when session N's handoff was committed."""
    session = int(claim.value["session"])
    found = features(evidence).sessions.get(session)
    if found is None:
        claim.settle("unverifiable", f"no handoff document of session {session} in the history")
        return True
    commit, (passes, total) = found
    passed = int(claim.value["passed"])
    if (passed, int(claim.value["total"])) == (passes, total):
        claim.settle(
            "verified", f"feature_list.json had {passes}/{total} passing after session {session}"
        )
    else:
        claim.settle(
            "refuted",
            f"feature_list.json had {passes}/{total} passing when session "
            f"{session}'s handoff was committed ({commit[:7]}), not {claim.text}",
            "HL403",
        )
    return True


def _of_another_commit(claim: Claim, evidence: Evidence) -> bool:
    """The line cites a commit that is not one of the window's (a pull request's branch)."""
    if not claim.value.get("cited"):
        return False  # most lines cite none: the window's commits are not gathered for them
    session = {c.sha for c in evidence.window_commits}
    for token in claim.value["cited"]:
        found = evidence.objects.get(str(token))
        if found is not None and found.type == "commit" and found.sha not in session:
            return True
    return False


def _more_than_defined(claim: Claim, evidence: Evidence) -> bool:
    """'90/90 tests passing' where the repository defines 83 tests, counted exactly: refuted."""
    inventory, total = suite.found(evidence), int(claim.value["total"])
    if not claim.value.get("about_tests") or inventory is None or not inventory.complete:
        return False
    if _of_another_commit(claim, evidence):
        return False  # "(commit `f5ff69d`), 157/157 tests": the tests of that commit's tree
    if total <= inventory.defined:
        return False
    claim.settle(
        "refuted",
        f"the repository defines {inventory.defined} tests at the end of the session, not {total}",
        "HL407",
    )
    return True


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        passed, total = int(claim.value["passed"]), int(claim.value["total"])
        percent = claim.value.get("percent")
        if passed > total:
            claim.settle("refuted", f"{passed} of {total} is more than all of them", "HL401")
        elif percent is not None and total and not percent_agrees(passed, total, str(percent)):
            exact = passed / total * 100
            digits = len(str(percent).partition(".")[2])
            of = f"{passed} of the list's total {total}" if claim.value.get("of_list_total") else ""
            claim.settle(
                "refuted",
                f"{of or claim.text} is {exact:.2f}%, not {percent}%",
                "HL401",
                f"write {exact:.{digits}f}%",
            )
        elif evidence.junit is not None and claim.value.get("passing"):
            report = evidence.junit
            if report.agrees(passed, total):
                claim.settle(
                    "verified", f"the JUnit report has {report.passed}/{report.total} passing"
                )
            else:
                claim.settle(
                    "refuted",
                    f"the JUnit report has {report.passed} passing of {report.total}"
                    f" ({report.skipped} skipped), not {claim.text}",
                    "HL405",
                )
        elif _feature_list(claim, evidence) or _more_than_defined(claim, evidence):
            continue
        elif percent is None or total == 0:
            claim.settle("unverifiable", "pass/fail exists only at run time")
        else:
            claim.settle(
                "unverifiable",
                f"{claim.text} = {percent}% adds up; pass/fail exists only at run time",
            )


def gather(facts: RepoFacts, evidence: Evidence, claims: list[Claim]) -> None:
    """The feature list's counts, and the repository's tests (a ratio's total is at most
    what the repository defines)."""
    feature_list.gather(facts, evidence, claims)
    suite.gather(facts, evidence, claims)


register("tests", extract, verify, gather)
