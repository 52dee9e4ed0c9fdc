"""``check --fix``, ``--unsafe-fixes`` and ``--show-fixes`` on real temporary repositories,
through the real CLI: what each fix writes, that unsafe fixes wait for their flag, and how
every output format tells of a fixed finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, Run

DOC = "SESSION_2_HANDOFF.md"
SUBJECT = "Add retry logic to the batch runner"
# line 3: a date a month off; 7: a commit count git gives; 8: the window's diff stat; 10: a
# count of the list below it; 12: an unknown id with a real subject; 16: a heading whose files
# were all modified; 23: an item's own word; 24: a file really new; 30: a Total row
TEXT = f"""# Two

**Date:** 2025-10-13

## Summary

- 5 commits this session
- Session diff: 9 files changed, 99 insertions(+), 3 deletions(-)

## Commits (5)

- 9f3e1a7 {SUBJECT}
- abc1234 Tidy the logs
- def5678 Bump the version

## Files Created

- `a2.py`
- `a3.py`

## Files

- Created `old.py`
- `new.py` (new)

| Part | Lines |
|------|-------|
| a | 3 |
| b | 4 |
| Total | 10 |
"""


@pytest.fixture
def session(repo: ScratchRepo) -> ScratchRepo:
    before = {"README.md": "x\n", "old.py": "o\n", "a2.py": "o\n", "a3.py": "o\n"}
    repo.commit("start", before, when="2025-11-12T09:00:00+00:00")
    repo.commit("h1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    work = {"old.py": "o\np\n", "a2.py": "x\n", "a3.py": "y\n", "new.py": "n\n" * 5}
    repo.commit(SUBJECT, work, when="2025-11-13T09:00:00+00:00")
    repo.commit("h2", {DOC: TEXT}, when="2025-11-13T10:00:00+00:00")
    return repo


def _errors(run: Run) -> set[tuple[str, int]]:
    found = run.json()["documents"][0]["findings"]
    return {(f["rule"], f["line"]) for f in found if f["severity"] == "error"}


SAFE = {("HL501", 3), ("HL307", 8), ("HL402", 10), ("HL402", 30)}
UNSAFE = {("HL201", 12), ("HL302", 18), ("HL302", 19), ("HL302", 23)}
COMMITS = {("HL402", 7)}  # reported with line 10's finding until that one is fixed
PERSON = {("HL201", 13), ("HL201", 14)}  # unknown ids no subject of the session names


def test_safe_fixes_leave_the_unsafe_ones(session: ScratchRepo, cli: Cli) -> None:
    """--fix writes git's diff stat of the window, the count of the list under a heading, the
    sum of a table's rows, the month every commit of the session agrees on; the unsafe fixes
    are only counted, and a re-run finds none of the fixed findings."""
    assert (
        _errors(cli("check", "--format", "json", DOC, cwd=session.path)) == SAFE | UNSAFE | PERSON
    )
    run = cli("check", "--fix", DOC, cwd=session.path)
    text = (session.path / DOC).read_text(encoding="utf-8")
    assert "**Date:** 2025-11-13\n" in text
    assert "- Session diff: 4 files changed, 8 insertions(+), 2 deletions(-)\n" in text
    assert "## Commits (3)\n" in text and "| Total | 7 |\n" in text
    assert "- 5 commits this session\n" in text and "- 9f3e1a7 " in text  # unsafe: left
    assert "## Files Created\n" in text and "- Created `old.py`\n" in text
    assert "5 unsafe fix(es) available: --fix --unsafe-fixes applies them" in run.out
    again = cli("check", "--format", "json", DOC, cwd=session.path)
    assert _errors(again) == UNSAFE | COMMITS | PERSON


def test_unsafe_fixes_apply_with_their_flag(session: ScratchRepo, cli: Cli) -> None:
    """--show-fixes --unsafe-fixes shows them; --fix --unsafe-fixes writes the one commit whose
    subject the document gives, "Modified" where the word stands alone (the heading whose
    files were all modified, an item's own word, not the file that is new) and git's count."""
    real = session.git("rev-parse", "--short=7", "HEAD~1")
    shown = cli("check", "--show-fixes", "--unsafe-fixes", DOC, cwd=session.path).out
    assert f"-- 9f3e1a7 {SUBJECT}\n+- {real} {SUBJECT}\n" in shown
    assert "-## Files Created\n+## Files Modified\n" in shown
    assert "-- 5 commits this session\n" in shown and "+- 1 commit this session\n" in shown
    assert (session.path / DOC).read_text(encoding="utf-8") == TEXT  # nothing written
    run = cli("check", "--fix", "--unsafe-fixes", DOC, cwd=session.path)
    assert "unsafe fix(es) available" not in run.out
    text = (session.path / DOC).read_text(encoding="utf-8")
    assert f"- {real} {SUBJECT}\n" in text and "- abc1234 Tidy the logs\n" in text
    assert "## Files Modified\n" in text and "- Modified `old.py`\n- `new.py` (new)\n" in text
    assert "- 1 commit this session\n" in text  # the noun agrees
    assert _errors(cli("check", "--format", "json", DOC, cwd=session.path)) == PERSON


def test_a_word_that_does_not_stand_alone_is_left(repo: ScratchRepo, cli: Cli) -> None:
    """A heading over a file really created and one only modified, and an item naming both: no
    word would be true for both, so neither is rewritten."""
    repo.commit("start", {"README.md": "x\n", "old.py": "o\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("h1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    repo.commit("work", {"old.py": "p\n", "new.py": "n\n"}, when="2025-11-13T09:00:00+00:00")
    doc = "# Two\n\n## Files Created\n\n- `old.py`\n- `new.py`\n\n## Notes\n\n"
    doc += "- Created `old.py` and `new.py`\n"
    repo.commit("h2", {DOC: doc}, when="2025-11-13T10:00:00+00:00")
    assert _errors(cli("check", "--format", "json", DOC, cwd=repo.path)) == {("HL302", 10)}
    run = cli("check", "--fix", "--unsafe-fixes", DOC, cwd=repo.path)
    assert (repo.path / DOC).read_text(encoding="utf-8") == doc
    assert "unsafe fix(es) available" not in run.out


def test_fixed_findings_say_so_in_text_and_junit(session: ScratchRepo, cli: Cli) -> None:
    """Without -v, the text report gives each fixed finding one "fixed:" line and the total
    says how many were fixed and remain; in JUnit a fixed claim passes and says "fixed"."""
    run = cli("check", "--fix", DOC, cwd=session.path)
    fixed = [line for line in run.out.splitlines() if "fixed: " in line]
    assert len(fixed) == 4 and f"{DOC}:8:17: HL307 [info] fixed: stats claim" in fixed[1]
    assert "; 4 fixed, 6 remaining" in run.out.splitlines()[-2]
    session.commit("h2 again", {DOC: TEXT}, when="2025-11-13T10:30:00+00:00")
    out = cli("check", "--fix", "--format", "junit", DOC, cwd=session.path).out
    cases = {c.get("name"): c for c in ET.fromstring(out.split("?>", 1)[1]).iter("testcase")}
    total = cases["30:11 counts 10"]
    assert total.find("failure") is None and total.find("skipped") is None
    assert (total.findtext("system-out") or "").startswith("HL402 fixed: ")
    assert cases["23:12 file old.py"].find("failure") is not None  # unsafe: not fixed


@pytest.mark.parametrize(
    ("line", "claimed", "meant", "fixed"),
    [
        ("**Date:** Oct 13, 2025", "2025-10-13", "2025-11-13", "**Date:** Nov 13, 2025"),
        ("Date: 13 DECEMBER 2025", "2025-12-13", "2025-11-13", "Date: 13 NOVEMBER 2025"),
        ("Date: 2025-09-13", "2025-09-13", "2025-11-13", "Date: 2025-09-13"),  # two months
        ("Date: 2025-10-12", "2025-10-12", "2025-11-13", "Date: 2025-10-12"),  # and a day
        ("Date: 2024-11-13", "2024-11-13", "2025-11-13", "Date: 2025-11-13"),  # the year
    ],
)
def test_a_date_is_fixed_by_its_year_or_one_month_only(
    line: str, claimed: str, meant: str, fixed: str
) -> None:
    from handoff_lint.model import Claim
    from handoff_lint.report.fixer import claim_edits

    text = line.split(" ", 1)[1]
    claim = Claim("date", text, 1, line.index(text) + 1, {"date": claimed})
    claim.settle(
        "refuted", f"the session's commits are dated {meant}", "HL501", f"did you mean {meant}?"
    )
    assert claim_edits([line], [claim])[0] == [fixed]
