"""Counts and sizes judged by what they count: the files the document itself names, the part
of a file a change added, the rows of a table with "N+", a count that is the object of a
change. Real temporary repositories, the real CLI."""

from __future__ import annotations

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, claims_of

HEAD = "# Session 2 Handoff\n\n**Date:** 2025-11-13\n\n"


GROWN = "".join(f"line {n}\n" for n in range(1, 281))  # src/app.go after 80 lines added


def _session(repo: ScratchRepo, work: dict[str, str]) -> ScratchRepo:
    """A first handoff, then the session's one commit of ``work`` (src/app.go has 200 lines
    before it)."""
    big = "".join(f"line {n}\n" for n in range(1, 201))
    repo.commit("start", {"README.md": "x\n", "src/app.go": big}, when="2025-11-12T09:00:00+00:00")
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    repo.commit("work", work, when="2025-11-13T09:00:00+00:00")
    return repo


def _check(repo: ScratchRepo, cli: Cli, doc: str) -> dict[tuple[int, str], str]:
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    return {(c["line"], c["kind"]): c["verdict"] for c in claims_of(run)}


def test_a_count_of_the_files_the_document_names(repo: ScratchRepo, cli: Cli) -> None:
    """Three sections each name one new test file; "All 3 new test files pass" counts them,
    though the session also made a fourth test file the document never names. "All 2 new
    test files" counts neither the document's three nor git's four."""
    tests = {f"src/{n}_test.go": "package src\n" for n in ("a", "b", "c", "d")}
    _session(repo, tests)
    sections = "".join(
        f"### Part {n}\n\n- **Files Created:**\n  - `src/{n}_test.go` - tests\n\n" for n in "abc"
    )
    doc = (
        HEAD + sections + "## Verification\n\n- All 3 new test files pass\n- All 2 new test files\n"
    )
    found = _check(repo, cli, doc)
    assert found[(22, "file_count")] == "verified"
    assert found[(23, "file_count")] == "refuted"


def test_the_size_of_what_a_change_added_to_a_file(repo: ScratchRepo, cli: Cli) -> None:
    """ "Added a function (~60 lines)" to a file the session changed by 80 insertions is a part
    of them; 120 lines is more than the session added, and the file's own size is 280, not 150."""
    _session(repo, {"src/app.go": GROWN})
    doc = HEAD + (
        "## Files Modified\n\n"
        "- `src/app.go` - Added the bindSymbol() function (~60 lines)\n"
        "- `src/app.go` - Added the parser (~120 lines)\n"
        "- `src/app.go` - Reworked (~150 lines)\n"
        "- `src/app.go` - Added the lexer (85 lines)\n"
    )
    found = _check(repo, cli, doc)
    assert found[(10, "lines")] == "refuted"  # exactly 85: more than the 80 added
    assert found[(7, "lines")] == "unverifiable"
    assert found[(8, "lines")] == "refuted"
    assert found[(9, "lines")] == "refuted"  # no verb of adding: the file's size


def test_a_table_total_of_at_least(repo: ScratchRepo, cli: Cli) -> None:
    _session(repo, {"src/x.go": "x\n"})
    table = "| Phase | Tests |\n|---|---|\n| One | 59 |\n| Two | 60 |\n| **Total** | {} |\n"
    doc = HEAD + "## Progress\n\n" + table.format("113+") + "\n" + table.format("120+")
    found = _check(repo, cli, doc)
    assert found[(11, "counts")] == "verified"
    assert found[(17, "counts")] == "refuted"


def test_a_count_a_change_was_made_to_is_no_total(repo: ScratchRepo, cli: Cli) -> None:
    """ "Removed `skip` from all 8 test cases" counts the tests a change touched; "all 9 tests
    pass" on another line is no second value of one total. Two totals still disagree."""
    _session(repo, {"src/x.go": "x\n"})
    doc = HEAD + (
        "## Done\n\n- Removed `skip` from all 8 test cases\n- all 9 tests pass\n\n"
        "## Summary\n\n- Total: all 9 tests\n- all 10 tests pass\n"
    )
    found = _check(repo, cli, doc)
    assert (7, "counts") not in found
    assert found[(8, "counts")] == "refuted"  # 9 here, 10 on line 13
    assert found[(13, "counts")] == "refuted"


def test_a_goal_whose_status_says_done_holds_done_work(repo: ScratchRepo, cli: Cli) -> None:
    """ "## Current Goal" is a plan word, but its text opens with "**Task:** ... - ALL DONE":
    the files and counts under it are this session's work; "## Next Goal" stays a plan."""
    _session(repo, {"src/new.go": "x\n"})
    doc = HEAD + (
        "## Current Goal\n\n**Task:** wire the parser - ALL DONE\n\n"
        "### Files Created\n\n- `src/new.go` - the parser\n- `src/gone.go` - the lexer\n\n"
        "## Next Goal\n\n**Task:** ship it - ALL DONE soon, pending review\n\n"
        "### Files Created\n\n- `src/later.go` - to come\n"
    )
    found = _check(repo, cli, doc)
    assert found[(11, "file")] == "verified"
    assert found[(12, "file")] == "refuted"  # in no commit
    assert (20, "file") not in found


def test_a_size_in_words_in_a_files_table_row(repo: ScratchRepo, cli: Cli) -> None:
    """ "| `src/a_test.go` | Created with 3 tests (12 lines) |": the file's size; "Added the
    URL bindings (~60 lines total)" to a file the session grew by 80 lines: a part of them."""
    _session(repo, {"src/app.go": GROWN, "src/a_test.go": "x\n" * 10})
    doc = HEAD + (
        "## Summary of Changes\n\n| File | Changes |\n|---|---|\n"
        "| src/a_test.go | Created with 3 tests (12 lines) |\n"
        "| src/app.go | Added the URL bindings (~60 lines total) |\n"
        "| src/app.go | Added A (~20 lines), B (~30 lines) |\n"
    )
    found = _check(repo, cli, doc)
    assert found[(9, "lines")] == "refuted"  # 10 lines, not 12
    assert found[(10, "lines")] == "unverifiable"
    assert (11, "lines") not in found  # the sizes of two parts


def test_a_count_of_the_files_a_folder_holds(repo: ScratchRepo, cli: Cli) -> None:
    """ "### Código Fonte (~90 arquivos em src/)" counts what src/ holds, not the session's
    changes; "~12 files changed in src/" still counts changes."""
    _session(repo, {"src/x.go": "x\n"})
    doc = HEAD + "### Código Fonte (~90 arquivos em src/)\n\n- ~12 files changed in src/\n"
    found = _check(repo, cli, doc)
    assert (5, "file_count") not in found
    assert found[(7, "file_count")] == "refuted"


@pytest.mark.parametrize(("rewritten", "expected"), [(True, "unverifiable"), (False, "refuted")])
def test_a_previous_handoff_rewritten_in_the_window(
    repo: ScratchRepo, cli: Cli, rewritten: bool, expected: str
) -> None:
    """SESSION-HANDOFF.md, added once, was rewritten at the end of a later session: the window
    from its addition may hold more than this session, so fewer files than it created is no
    lie; with no rewrite it is."""
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-12T08:00:00+00:00")
    repo.commit("handoff", {"SESSION-HANDOFF.md": "# 1\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("work 2", {"src/a.go": "a\n", "src/b.go": "b\n"}, when="2025-11-12T10:00:00+00:00")
    if rewritten:
        repo.commit("handoff", {"SESSION-HANDOFF.md": "# 2\n"}, when="2025-11-12T11:00:00+00:00")
    repo.commit("work 3", {"src/c.go": "c\n", "src/d.go": "d\n"}, when="2025-11-13T09:00:00+00:00")
    repo.commit("work 3b", {"src/e.go": "e\n"}, when="2025-11-13T09:30:00+00:00")
    doc = HEAD + "## Summary\n\n- Files created: 3\n"
    repo.commit("handoff 3", {"HANDOFF-SESSION-03.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "HANDOFF-SESSION-03.md", cwd=repo.path)
    counts = [c["verdict"] for c in claims_of(run) if c["kind"] == "file_count"]
    assert counts == [expected]


def test_a_file_moved_into_the_repository(repo: ScratchRepo, cli: Cli) -> None:
    """ "`NOTES.md` → `docs/NOTES.md`" where NOTES.md was never committed: the move brought it
    in (created); a move from a file that is still there did not happen."""
    _session(repo, {"docs/NOTES.md": "n\n", "src/kept.go": "k\n"})
    doc = HEAD + (
        "## Files\n\n**Arquivos movidos:**\n- ✅ `NOTES.md` → `docs/NOTES.md`\n"
        "- ✅ `README.md` → `docs/README.md`\n\n"
        "### Proposed Solution\n\n```\napp/\n├── src/\n│   └── planned.go\n└── README.md\n```\n"
    )
    found = _check(repo, cli, doc)
    assert found[(8, "file")] == "verified"
    assert found[(9, "file")] == "refuted"  # docs/README.md is in no commit
    assert not [key for key in found if key[0] >= 14]  # a proposed structure is a plan


def test_a_file_of_the_machine_written_from_the_root(repo: ScratchRepo, cli: Cli) -> None:
    """ "/tmp/merge_report.md" is the machine's (the repository has no tmp/): git cannot say
    whether the session wrote it. "/src/gone.go" is the repository's src/, where it is not."""
    _session(repo, {"src/x.go": "x\n"})
    doc = HEAD + (
        "**Created This Session**:\n1. `/tmp/merge_report.md` - the plan\n"
        "2. `/src/gone.go` - the lexer\n"
    )
    found = _check(repo, cli, doc)
    assert found[(6, "file")] == "unverifiable"
    assert found[(7, "file")] == "refuted"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a runner's total over a list of its parts that add up to more
        (
            "```\nTests run: 33, Failures: 0\n```\n\n- Repo: 8 tests\n- Service: 30 tests\n",
            "refuted",
        ),
        (
            "```\n14 examples, 0 failures\n```\n\n- Repo: 8 tests\n- Service: 9 tests\n",
            "refuted",
        ),
        ("**Total:** 120 lines\n\n- parser: 70 lines\n- lexer: 50 lines\n", "verified"),
        ("**Total:** 200 lines\n\n- parser: 70 lines\n- lexer: 50 lines\n", "unverifiable"),
        # outcomes split the same tests another way: no breakdown
        ("- Total: 30 tests\n\n- 28 passing tests\n- 4 skipped tests\n", None),
        # a total inside a list: its siblings are no parts of it, nested items are
        ("1. Parser: 23 tests in all\n2. Lexer: 13 tests\n3. Decoder: 18 tests\n", None),
        ("- Total: 10 tests\n  - Parser: 6 tests\n  - Lexer: 7 tests\n", "refuted"),
        # a total after its parts: the last item of their list, or the line that closes it
        ("- Unit: 66 tests\n- Shell: 5 tests\n- **Total**: 69 tests\n", "refuted"),
        ("- Unit: 64 tests\n- Shell: 5 tests\n\n**Total:** 70 tests\n", "unverifiable"),
        ("- 单元: 64个测试\n- 集成: 5个测试\n总计: 69个测试\n", "verified"),
        ("- Unit: 66 tests\n- Shell: 5 tests\n- **Total new**: 9 tests\n", None),  # narrowed
    ],
)
def test_a_total_over_its_breakdown(
    repo: ScratchRepo, cli: Cli, body: str, expected: str | None
) -> None:
    _session(repo, {"src/x.go": "x\n"})
    found = _check(repo, cli, HEAD + "## Results\n\n" + body)
    verdicts = [v for (_, kind), v in found.items() if kind == "breakdown"]
    assert verdicts == ([expected] if expected else [])


def test_a_size_of_a_name_several_files_have(repo: ScratchRepo, cli: Cli) -> None:
    """ "`playwright.config.ts` (60 lines)" when two files of that name were made, of 74 and
    96 lines: none of them has 60 (refuted); 74 is one of them, which git cannot say."""
    _session(
        repo,
        {
            "web/playwright.config.ts": "".join(f"a{n}\n" for n in range(74)),
            "e2e/playwright.config.ts": "".join(f"b{n}\n" for n in range(96)),
        },
    )
    doc = HEAD + "## Files Created\n\n- `playwright.config.ts` (60 lines)\n"
    doc += "- `playwright.config.ts` (74 lines) - the web one\n"
    found = _check(repo, cli, doc)
    assert found[(7, "lines")] == "refuted"
    assert found[(8, "lines")] == "unverifiable"
