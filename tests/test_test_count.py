"""Test counts claimed for one file, judged against the tests the file defines (HL406).
Real temporary repositories, the real CLI."""

from __future__ import annotations

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, Run, claims_of

HEAD = "# Session 2 Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\nTests.\n\n## Files Created\n\n"
GO = 'package x\n\nimport "testing"\n\n' + "".join(
    f"func TestCase{n}(t *testing.T) {{}}\n" for n in range(1, 10)
)
PY = "".join(f"def test_case_{n}():\n    assert True\n\n" for n in range(1, 6))
CS = (
    "public class FooTests {\n"
    + "".join(f"    [Fact]\n    public void Case{n}() {{ }}\n" for n in range(1, 5))
    + "}\n"
)
JS_EACH = "describe('x', () => {\n  it.each([1, 2, 3])('case %i', (n) => {});\n  it('one', () => {});\n});\n"


def _verdicts(run: Run) -> list[tuple[str, str, str | None]]:
    return [
        (c["text"], c["verdict"], c["rule"]) for c in claims_of(run) if c["kind"] == "test_count"
    ]


@pytest.fixture
def session(repo: ScratchRepo) -> ScratchRepo:
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    repo.commit(
        "tests",
        {"x_test.go": GO, "tests/test_api.py": PY, "FooTests.cs": CS, "web/a.test.ts": JS_EACH},
        when="2025-11-13T09:00:00+00:00",
    )
    return repo


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- `x_test.go` (9 tests)", [("9 tests", "verified", None)]),
        ("- `x_test.go` (302 lines, 11 tests)", [("11 tests", "refuted", "HL406")]),
        ("- `tests/test_api.py` with 5 test cases", [("5 test cases", "verified", None)]),
        ("- `tests/test_api.py` (7 unit tests)", [("7 unit tests", "refuted", "HL406")]),
        ("- `FooTests.cs` (4个)", [("4个", "verified", None)]),
        ("- `FooTests.cs` (24个)", [("24个", "refuted", "HL406")]),
        ("- `web/a.test.ts` (5 tests)", [("5 tests", "unverifiable", None)]),  # it.each
        ("- `README.md` (3个)", []),  # a bare counter counts a test file's tests only
        ("- `x_test.go` (~20 tests)", []),  # no exact count to check
        ("- Added 3 tests in `x_test.go`", []),  # tests the session added: tests_added's
        # a run's line per test file, named by its class or stem, with how many of how many
        ("- FooTests: 4/4 passing (100%) ✅", [("4/4", "verified", None)]),
        ("- FooTests: 5/5 passing (100%) ✅", [("5/5", "refuted", "HL406")]),
        ("- test_api: 4/5", [("4/5", "verified", None)]),
        # a runner's line per test file, led by its path: the second number is the file's count
        ("```\nPASS tests/test_api.py (5/5)\n```", [("5/5", "verified", None)]),
        ("```\nPASS x_test.go (8/8)\nok other\n```", [("8/8", "refuted", "HL406")]),
        ("- `tests/test_api.py` \u2014 4/5 passing", [("4/5", "verified", None)]),
        ("- **x_test.go** (9/10 tests)", [("10 tests", "refuted", "HL406")]),
        ("- `README.md` \u2014 3/3", []),  # not a test file
        ("- `x_test.go` \u2014 3/2", []),  # more passed than ran: not a count
        # a table row naming one test file, its count in a cell of prose
        (
            "| File | Change |\n|---|---|\n| `x_test.go` | Created with 9 comprehensive tests |",
            [("9 comprehensive tests", "verified", None)],
        ),
        (
            "| File | Change |\n|---|---|\n| `tests/test_api.py` | New: 6 unit tests (40 lines) |",
            [("6 unit tests", "refuted", "HL406")],
        ),
        ("| File | Change |\n|---|---|\n| `x_test.go` | ~12 tests |", []),  # approximate
        ("| File | Change |\n|---|---|\n| `x_test.go` | 9 tests, 2 suites of 4 tests |", []),
        ("| File | Change |\n|---|---|\n| `README.md` | 9 tests |", []),  # not a test file
    ],
)
def test_a_files_test_count(
    session: ScratchRepo, cli: Cli, item: str, expected: list[tuple[str, str, str | None]]
) -> None:
    session.commit(
        "handoff 2", {"SESSION_2_HANDOFF.md": HEAD + item + "\n"}, when="2025-11-13T10:00:00+00:00"
    )
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert _verdicts(run) == expected


def test_the_tests_a_session_added_to_an_existing_file(session: ScratchRepo, cli: Cli) -> None:
    more = PY + "def test_new_one():\n    pass\n\ndef test_new_two():\n    pass\n"
    session.commit("more tests", {"tests/test_api.py": more}, when="2025-11-13T11:00:00+00:00")
    text = (
        HEAD.replace("Files Created", "Files Modified")
        + "- `tests/test_api.py` (+2 tests)\n- `tests/test_api.py` (+3 tests)\n"
    )
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": text}, when="2025-11-13T12:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [v for _, v, _ in _verdicts(run)] == ["verified", "refuted"]


def test_a_count_the_file_had_after_an_earlier_commit_of_the_session(
    session: ScratchRepo, cli: Cli
) -> None:
    """A file the session created with 5 tests and grew to 7: "(5 tests)" may tell of the
    moment it was made (unverifiable, not refuted); 4 was never its count."""
    more = PY + "def test_new_one():\n    pass\n\ndef test_new_two():\n    pass\n"
    session.commit("more tests", {"tests/test_api.py": more}, when="2025-11-13T11:00:00+00:00")
    text = HEAD + "- `tests/test_api.py` (5 tests)\n- `tests/test_api.py` (4 tests)\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": text}, when="2025-11-13T12:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [v for _, v, _ in _verdicts(run)] == ["unverifiable", "refuted"]


@pytest.mark.parametrize(
    ("item", "verdict"),
    [
        ("- `tests/test_missing.py` (4 tests)", ("refuted", "HL406")),  # tests/ holds files
        ("- `server/tests/test_api.py` (4 tests)", ("unverifiable", "HL901")),  # another repo?
        ("- `build/test_gen.py` (4 tests)", ("unverifiable", "HL901")),  # ignored by .gitignore
    ],
)
def test_a_count_about_a_file_that_is_nowhere(
    session: ScratchRepo, cli: Cli, item: str, verdict: tuple[str, str]
) -> None:
    session.commit("ignore", {".gitignore": "build/\n"}, when="2025-11-13T09:30:00+00:00")
    session.commit(
        "handoff 2", {"SESSION_2_HANDOFF.md": HEAD + item + "\n"}, when="2025-11-13T10:00:00+00:00"
    )
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    found = [
        (c["verdict"], c["rule"] or "HL901") for c in claims_of(run) if c["kind"] == "test_count"
    ]
    assert found == [verdict]


def test_the_same_wrong_count_of_two_files_is_two_findings(session: ScratchRepo, cli: Cli) -> None:
    text = HEAD + "- `x_test.go` (3 tests)\n- `tests/test_api.py` (3 tests)\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": text}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    lines = [f["line"] for f in run.json()["documents"][0]["findings"] if f["rule"] == "HL406"]
    assert lines == [11, 12]


def test_a_test_class_named_for_its_file(session: ScratchRepo, cli: Cli) -> None:
    """ "FooTests (4 tests)" counts Tests/FooTests.cs; a class in a file of several classes, or
    one no file is named for, cannot be judged."""
    two = CS + CS.replace("FooTests", "OtherTests")
    session.commit("more", {"Tests/BarTests.cs": two}, when="2025-11-13T09:30:00+00:00")
    doc = HEAD.replace("## Files Created", "## Test Classes") + (
        "1. FooTests (4 tests)\n2. FooTests (5 tests)\n3. BarTests (4 tests)\n4. GoneTests (3 tests)\n"
    )
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert _verdicts(run) == [
        ("4 tests", "verified", None),
        ("5 tests", "refuted", "HL406"),
        ("4 tests", "unverifiable", None),
        ("3 tests", "unverifiable", None),
    ]


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("- 9 novos testes", "verified"),
        ("- 12 novos testes", "refuted"),
        ("- 5+ testes novos", "verified"),
        ("- 10+ testes novos", "refuted"),
        ("- 9 nuevas pruebas", "verified"),
    ],
)
def test_new_tests_of_the_session_in_other_languages(
    session: ScratchRepo, cli: Cli, claim: str, verdict: str
) -> None:
    """The window added 9 Go tests (and the others are not dynamic in a way that hides it):
    "N novos testes" and "N+ testes novos" are judged against them."""
    only_go = {"x_test.go": GO}
    session.commit("drop others", remove=["tests/test_api.py", "FooTests.cs", "web/a.test.ts"])
    session.commit("again", only_go, when="2025-11-13T09:10:00+00:00")
    doc = HEAD.replace("## Files Created\n\n", "## Results\n\n") + claim + "\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    got = [c["verdict"] for c in claims_of(run) if c["kind"] == "test_total"]
    assert got == [verdict]


KT = (
    "class ATest {\n"
    + "".join(f"    @Test\n    fun `case {n} handles non-letters`() {{}}\n" for n in range(1, 4))
    + "    @Test fun plain() {}\n}\n"
)


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        # a package path shortened in a pasted list: the one file whose folders hold these
        ("```\n✅ Tests (1 file):\n  - test/gen/ATest.kt (4 tests)\n  - src/a.ts\n```", "verified"),
        ("```\n✅ Tests (1 file):\n  - test/gen/ATest.kt (5 tests)\n  - src/a.ts\n```", "refuted"),
        ("- `gen/test/ATest.kt` (5 tests)", "unverifiable"),  # folders out of order: not it
    ],
)
def test_a_shortened_path_in_a_pasted_file_list(
    repo: ScratchRepo, cli: Cli, block: str, expected: str
) -> None:
    """Kotlin test names in backticks may hold any character; a listed path may leave folders
    out (``test/gen/ATest.kt`` for ``app/src/test/kotlin/org/gen/ATest.kt``)."""
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    repo.commit(
        "tests",
        {"app/src/test/kotlin/org/gen/ATest.kt": KT, "src/a.ts": "x\n"},
        when="2025-11-13T09:00:00+00:00",
    )
    doc = HEAD + block + "\n"
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert [v for _, v, _ in _verdicts(run)] == [expected]


def test_a_file_in_a_drawn_tree_is_the_one_in_the_trees_folder(repo: ScratchRepo, cli: Cli) -> None:
    """Two ATest.kt files: the tree's folders ("tests/", "├── core/") say which one is meant."""
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    one = KT.replace("    @Test fun plain() {}\n", "")
    repo.commit(
        "tests",
        {"tests/core/ATest.kt": KT, "tests/ui/ATest.kt": one},
        when="2025-11-13T09:00:00+00:00",
    )
    tree = "```\ntests/\n├── core/\n│   └── ATest.kt (4 tests)\n└── ui/\n    └── ATest.kt (4 tests)\n```"
    doc = HEAD + tree + "\n"
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert [v for _, v, _ in _verdicts(run)] == ["verified", "refuted"]


def test_a_tree_that_draws_a_file_in_the_wrong_folder(repo: ScratchRepo, cli: Cli) -> None:
    """README.md drawn under docs/ while the only README.md is at the root: the count is
    judged against the file as written, not left unverifiable."""
    repo.commit("start", {"src/a.py": "x\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    repo.commit("docs", {"README.md": "l\n" * 30}, when="2025-11-13T09:00:00+00:00")
    tree = "```\nproject/\n├── docs/\n│   ├── README.md   (45 lines)\n└── src/\n```"
    repo.commit(
        "handoff 2", {"SESSION_2_HANDOFF.md": HEAD + tree + "\n"}, when="2025-11-13T10:00:00+00:00"
    )
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    found = [(c["text"], c["verdict"]) for c in claims_of(run) if c["kind"] == "lines"]
    assert found == [("45 lines", "refuted")]


@pytest.mark.parametrize(
    ("total", "verdict"), [("9 test cases", "verified"), ("12 test cases", "refuted")]
)
def test_a_total_in_the_section_of_a_file_label(
    session: ScratchRepo, cli: Cli, total: str, verdict: str
) -> None:
    """ "#### Go tests" with "**File:** `x_test.go`", groups below it, then "**Total Go Tests: N
    test cases**": the file's count. A group's own "(3 tests)" is not read as the file's."""
    doc = HEAD.replace("## Files Created\n\n", "") + (
        "#### 1. Go tests\n**File:** `x_test.go`\n\n##### Parsing (3 tests)\n- a\n- b\n- c\n\n"
        f"**Total Go Tests: {total}**\n"
    )
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [v for _, v, _ in _verdicts(run)] == [verdict]


@pytest.mark.parametrize(
    ("total", "verdict"), [("5 testes unitários", "verified"), ("15 testes unitários", "refuted")]
)
def test_a_total_in_the_section_of_a_heading_naming_a_test_file(
    session: ScratchRepo, cli: Cli, total: str, verdict: str
) -> None:
    """ "#### Unit tests (test_api.py):" then the cases, then "**Total:** N": the file's count,
    in any language the count's unit is written in."""
    doc = HEAD.replace("## Files Created\n\n", "") + (
        f"#### Unit tests (test_api.py):\n- ✅ parses\n- ✅ rejects\n\n**Total:** {total}\n"
    )
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [v for _, v, _ in _verdicts(run)] == [verdict]


@pytest.mark.parametrize(
    ("heading", "label", "verdict"),
    [
        ("### 2. Parser package (9 tests)", "File: `x_test.go`", "verified"),
        ("### 2. Parser package (12 tests)", "File: `x_test.go`", "refuted"),
        ("### 2. Parser package (12 tests)", "**File:** `x_test.go`", "refuted"),
    ],
)
def test_a_headings_count_over_the_one_test_file_of_its_section(
    session: ScratchRepo, cli: Cli, heading: str, label: str, verdict: str
) -> None:
    """ "### Parser package (12 tests)" then a plain "File: `x_test.go`" line and the test names:
    the heading counts that file's tests."""
    doc = HEAD.replace("## Files Created\n\n", "") + (
        f"## Tests by package\n\n{heading}\n{label}\n```\n✅ TestCase1\n```\n"
    )
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [v for _, v, _ in _verdicts(run)] == [verdict]


def test_a_headings_count_over_sections_of_two_files_names_no_subject(
    session: ScratchRepo, cli: Cli
) -> None:
    """ "## Tests (14 tests)" over subsections naming two files counts both."""
    doc = HEAD.replace("## Files Created\n\n", "") + (
        "## New tests (14 tests)\n\n### Go\nFile: `x_test.go`\n\n"
        "### Python\nFile: `tests/test_api.py`\n"
    )
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert _verdicts(run) == []


@pytest.mark.parametrize(
    ("result", "verdict"), [("5/5 passing ✅", "verified"), ("7/7 passing ✅", "refuted")]
)
def test_a_run_of_all_tests_in_the_section_of_a_test_file(
    session: ScratchRepo, cli: Cli, result: str, verdict: str
) -> None:
    """ "#### 1. API tests (`tests/test_api.py`)" then "**Result**: 7/7 passing": every test of
    the file ran, so the file defines 7."""
    doc = HEAD.replace("## Files Created\n\n", "") + (
        f"#### 1. API tests (`tests/test_api.py`) ✅\n- ✅ parses\n\n**Result**: {result}\n"
    )
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [v for _, v, _ in _verdicts(run)] == [verdict]


def test_a_heading_naming_two_files_names_no_subject(session: ScratchRepo, cli: Cli) -> None:
    """Under "#### test_api.py and x_test.go" a total counts both: not checked against one."""
    doc = HEAD.replace("## Files Created\n\n", "") + (
        "#### `tests/test_api.py` and `x_test.go`\n- a\n\n**Total:** 14 tests\n"
    )
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert _verdicts(run) == []


@pytest.mark.parametrize(
    ("claim", "verdict"), [("- Passing: 12", "refuted"), ("- Passing: 9", "unverifiable")]
)
def test_more_tests_passing_than_exist(
    session: ScratchRepo, cli: Cli, claim: str, verdict: str
) -> None:
    """The repository defines 9 Go tests and nothing generated: 12 cannot pass; how many of
    the 9 pass is a run-time fact."""
    session.commit("drop others", remove=["tests/test_api.py", "FooTests.cs", "web/a.test.ts"])
    doc = HEAD.replace("## Files Created\n\n", "## Results\n\n") + claim + "\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "test_total"] == [verdict]


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("- 12 test cases covering the parser", ["refuted"]),
        ("- **Coverage**: 80% with 9 tests", ["verified"]),
        ("- 5 unit tests for the lexer", ["unverifiable"]),  # a part of them
        ("- 15+ tests written", ["refuted"]),
        ("- ~10 tests", ["unverifiable"]),  # within the tolerance of an estimate
        ("- 14 passing (100%)", ["refuted"]),
        ("- 40 tests across 3 Python versions", []),  # ran once per version
        ("- removed 20 tests that were flaky", []),  # no longer there to count
        ("- 12 test files", []),  # files, not tests
        ("- Fix the remaining 20 tests next", []),  # work still to do
        ("- 9 out of 12 tests pass", []),  # a ratio: the tests kind's
        ("- Checks: the public 500 test and the 404 check pass", []),  # a status code's test
        ("**Before this session:**\n\n```\nPlaceholder tests:   30 tests\n```", []),
    ],
)
def test_any_count_of_tests_is_at_most_what_the_repository_defines(
    session: ScratchRepo, cli: Cli, claim: str, expected: list[str]
) -> None:
    """The repository defines 9 Go tests and nothing generated: a count of tests written with
    no file cannot be more; a smaller one may count a part."""
    session.commit("drop others", remove=["tests/test_api.py", "FooTests.cs", "web/a.test.ts"])
    doc = HEAD.replace("## Files Created\n\n", "## Test Results\n\n") + claim + "\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "test_total"] == expected


def test_a_count_of_tests_run_per_browser_is_left_alone(session: ScratchRepo, cli: Cli) -> None:
    """Playwright runs each test once per browser project: 27 runs of 9 tests is no lie."""
    session.commit("drop others", remove=["tests/test_api.py", "FooTests.cs", "web/a.test.ts"])
    session.commit("e2e", {"playwright.config.ts": "export default {};\n"})
    doc = HEAD.replace("## Files Created\n\n", "## Results\n\n") + "- 27 tests passed\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "test_total"] == ["unverifiable"]


RUST_API = "".join(f"#[test]\nfn case_{n}() {{}}\n\n" for n in range(1, 3)) + (
    "#[actix_web::test]\n#[ignore]\nasync fn slow() {}\n"
)
RUST_DB = "".join(f"#[tokio::test]\nasync fn db_{n}() {{}}\n\n" for n in range(1, 5))


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- api_test: 3 passed", ("3 passed", "verified")),
        ("- api_test: 2 passed (1 ignored)", ("2 passed (1 ignored)", "verified")),
        ("- api_test: 2 passed", ("2 passed", "unverifiable")),  # it skips one
        ("- db_test: 4 passed", ("4 passed", "verified")),
        ("- db_test: 5 passed", ("5 passed", "refuted")),
    ],
)
def test_a_runners_line_per_suite_names_its_file(
    session: ScratchRepo, cli: Cli, item: str, expected: tuple[str, str]
) -> None:
    """cargo test's "Running tests/api_test.rs" summarised as "- api_test: 3 passed": the suite
    is the test file of that stem; a count of passed tests may leave the skipped ones out."""
    files = {"sandbox/tests/api_test.rs": RUST_API, "sandbox/tests/db_test.rs": RUST_DB}
    session.commit("rust tests", files, when="2025-11-13T09:30:00+00:00")
    doc = HEAD.replace("## Files Created", "## Test Results") + item + "\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [(text, verdict) for text, verdict, _ in _verdicts(run)] == [expected]


def test_a_table_of_test_classes_and_their_counts(session: ScratchRepo, cli: Cli) -> None:
    """ "| RepoTest | 31 |" under "| Test File | Tests |": the class's file; JUnit's @Nested
    groups are parts of the class, two classes side by side in a namespace are not one."""
    nested = (
        "class RepoTest {\n    @Test void a() {}\n"
        "    @Nested\n    class Users {\n        @Test void b() {}\n        @Test void c() {}\n    }\n}\n"
    )
    side = "namespace X {\n" + CS.replace("public class FooTests", "    public class BazTests")
    side += CS.replace("public class FooTests", "    public class QuxTests") + "}\n"
    files = {"src/test/java/RepoTest.java": nested, "Tests/BazTests.cs": side}
    session.commit("more", files, when="2025-11-13T09:30:00+00:00")
    table = "| Test File | Tests | Type |\n|---|---|---|\n"
    table += "| RepoTest | 3 | Repository |\n| `RepoTest` | 4 | Repository |\n"
    table += "| BazTests | 4 | Unit |\n| Domain Tests | 9 | Unit |\n"
    doc = HEAD.replace("## Files Created", "## Tests") + table
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert _verdicts(run) == [
        ("3", "verified", None),
        ("4", "refuted", "HL406"),
        ("4", "unverifiable", None),
    ]


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("- 5 new tests", "unverifiable"),  # 2 in the estimated window, 5 in the repository
        ("- 2 new tests", "verified"),
        ("- 9 new tests", "refuted"),  # more than the repository defines at all
    ],
)
def test_new_tests_in_a_window_whose_start_is_an_estimate(
    repo: ScratchRepo, cli: Cli, claim: str, verdict: str
) -> None:
    """A living handoff, judged since its previous version: the session may have begun before
    it, so more new tests than that window added are not refuted while the repository defines
    that many."""
    three = "".join(f"def test_one_{n}():\n    pass\n\n" for n in range(3))
    two = "".join(f"def test_two_{n}():\n    pass\n\n" for n in range(2))
    first = "# Handoff\n\n**Date:** 2025-11-12\n\n## Done\n\n- Wrote `tests/test_one.py`\n"
    repo.commit("base", {"README.md": "x\n"}, when="2025-11-11T09:00:00+00:00")
    repo.commit("tests", {"tests/test_one.py": three}, when="2025-11-12T09:00:00+00:00")
    repo.commit("handoff", {"HANDOFF.md": first}, when="2025-11-12T10:00:00+00:00")
    repo.commit("more tests", {"tests/test_two.py": two}, when="2025-11-14T09:30:00+00:00")
    done = "- Wrote `tests/test_two.py`\n- Reviewed the parser\n- Tidied the fixtures\n"
    doc = "# Handoff\n\n**Date:** 2025-11-14\n\n## Done\n\n" + done + claim + "\n"
    repo.commit("handoff again", {"HANDOFF.md": doc}, when="2025-11-14T10:00:00+00:00")
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    got = [c["verdict"] for c in claims_of(run) if c["kind"] == "test_total"]
    assert got == [verdict]


@pytest.mark.parametrize(
    ("line", "verdict"),
    [
        ("- ParserCore: 4 passed", "verified"),
        ("- ParserCore: 5 passed", "refuted"),
        ("- MissingThing: 5 passed", "unverifiable"),
    ],
)
def test_a_runners_line_per_test_class_named_by_its_subject(
    session: ScratchRepo, cli: Cli, line: str, verdict: str
) -> None:
    """ "- ParserCore: 4 passed" under a test run: the class ParserCoreTests, in its file."""
    session.commit("more tests", {"ParserCoreTests.cs": CS.replace("FooTests", "ParserCoreTests")})
    doc = HEAD.replace("## Files Created\n\n", "") + f"All tests pass:\n\n{line}\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [v for _, v, _ in _verdicts(run)] == [verdict]


@pytest.mark.parametrize(
    ("line", "verdict"),
    [
        ("1. ParserCore (4 tests)", "verified"),
        ("1. ParserCore (6个测试)", "refuted"),
        ("- **ParserCore** — 9 test cases", "refuted"),
        ("### ParserCore (4 tests)", "verified"),
        ("- `store_sync` (5 tests)", "verified"),  # tests/test_store_sync.py
        ("- `store_sync` (3 tests)", "refuted"),
        ("- LedgerView (2 tests)", "unverifiable"),  # no test file is named for it
    ],
)
def test_a_count_of_tests_led_by_the_name_of_what_is_tested(
    session: ScratchRepo, cli: Cli, line: str, verdict: str
) -> None:
    """ "1. ParserCore (24 tests)": the tests of ParserCore are in the one file frameworks name
    for it (ParserCoreTests.cs, parser_core_test.go, test_store_sync.py)."""
    session.commit(
        "more tests",
        {
            "ParserCoreTests.cs": CS.replace("FooTests", "ParserCoreTests"),
            "tests/test_store_sync.py": PY,
        },
    )
    doc = HEAD + f"{line}\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [v for _, v, _ in _verdicts(run)] == [verdict]


def test_a_subject_with_two_test_files_names_none(session: ScratchRepo, cli: Cli) -> None:
    """ParserCoreTests.cs and parser_core_test.go both fit: which one the count is about is
    not known, so it is not checked."""
    session.commit(
        "more tests",
        {
            "ParserCoreTests.cs": CS.replace("FooTests", "ParserCoreTests"),
            "parser_core_test.go": GO,
        },
    )
    doc = HEAD + "1. ParserCore (6 tests)\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [v for _, v, _ in _verdicts(run)] == ["unverifiable"]


@pytest.mark.parametrize(
    ("metrics", "expected"),
    [
        ("  tests_added: 9\n  tests_total_passing: 9\n", ["verified", "unverifiable"]),
        ("  tests_added: 12\n  tests_total_passing: 14\n", ["refuted", "refuted"]),
    ],
)
def test_test_counts_in_a_harness_front_matter(
    session: ScratchRepo, cli: Cli, metrics: str, expected: list[str]
) -> None:
    """GSD-style front matter ("metrics: {tests_added: N, tests_total_passing: M}") claims the
    tests the session added and how many pass: the repository defines 9, all added here."""
    session.commit("drop others", remove=["tests/test_api.py", "FooTests.cs", "web/a.test.ts"])
    doc = "---\nphase: 2\nmetrics:\n  duration: 4min\n" + metrics + "---\n" + HEAD
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    found = [c for c in claims_of(run) if c["kind"] == "test_total"]
    assert [c["verdict"] for c in found] == expected
    assert [c["line"] for c in found] == [5, 6]


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        ("2 tests", [("2 tests", "unverifiable", None)]),
        ("12 tests", [("12 tests", "refuted", "HL406")]),
    ],
)
def test_a_count_beside_a_modified_file_may_be_of_the_tests_changed(
    session: ScratchRepo, cli: Cli, count: str, expected: list[tuple[str, str, str | None]]
) -> None:
    """ "**Files Modified:** - `x_test.go` (2 tests)": fewer than the file defines may count
    the tests the session changed in it; more cannot be."""
    doc = HEAD.replace("## Files Created\n\n", "## Work\n\n**Files Modified:**\n")
    doc += f"- `x_test.go` ({count})\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert _verdicts(run) == expected


@pytest.mark.parametrize(
    ("sections", "expected"),
    [
        (  # each heading counts its file: the total in the second sums both
            "#### 1. `tests/test_api.py` (5 tests)\n- a\n\n"
            "#### 2. `x_test.go` (9 tests)\n- b\n\n**Total Tests:** 14 tests\n",
            [("5 tests", "verified"), ("9 tests", "verified")],
        ),
        (  # the headings give no count: each total is its own file's
            "#### Unit tests (tests/test_api.py):\n- a\n\n**Total:** 5 tests\n\n"
            "#### Go tests (x_test.go):\n- b\n\n**Total:** 12 tests\n",
            [("5 tests", "verified"), ("12 tests", "refuted")],
        ),
    ],
)
def test_a_total_in_parallel_sections_of_test_files(
    session: ScratchRepo, cli: Cli, sections: str, expected: list[tuple[str, str]]
) -> None:
    """ "#### 1. `tests/test_api.py` (5 tests)", "#### 2. `x_test.go` (9 tests)", then "**Total
    Tests:** 14 tests" inside the second section: the sum of both, not x_test.go's count. With
    no count in the headings, "**Total:** 5 tests" under each is that file's."""
    doc = HEAD.replace("## Files Created\n\n", "") + "### Tests written\n\n" + sections
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [(t, v) for t, v, _ in _verdicts(run)] == expected


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- `pytest tests/test_api.py -v`: 5 passed", [("5 passed", "verified")]),
        ("- **Check:** `node --test x_test.go` → 12/12 verde", [("12/12", "refuted")]),
        ("- `npx vitest run tests/test_api.py` - 5/5 passing", [("5/5", "verified")]),
        ("- `pytest tests/test_api.py -k parse`: 2 passed", []),  # a filter picks some out
        ("- `pytest tests/test_api.py`: 3 passed, 2 failed", []),  # passed is not all
    ],
)
def test_a_run_of_one_test_file_counts_its_tests(
    session: ScratchRepo, cli: Cli, item: str, expected: list[tuple[str, str]]
) -> None:
    """ "`pytest tests/test_api.py`: 5 passed": the command names one file and nothing filters
    its tests, so the run's total is the file's test count."""
    doc = HEAD.replace("## Files Created\n\n", "## Checks\n\n") + item + "\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [(t, v) for t, v, _ in _verdicts(run)] == expected
