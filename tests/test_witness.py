"""A count checked against its nearest witness: the list, table or file tree right after it."""

from __future__ import annotations

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, claims_of
from tests.test_extract import extract


def _items(markdown: str) -> list[tuple[str, int]]:
    return [
        (c.text, c.value["items"])
        for c in extract(markdown)
        if c.kind == "counts" and "items" in c.value
    ]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("### Files Modified (3 files)\n\n- `a.py`\n- `b.py`\n", [("3", 2)]),
        ("#### 新增文档（12个）\n1. `A.md`\n2. `B.md`\n", [("12", 2)]),
        ("#### 移动的文档 (7个)\n| 文档 | 到 |\n|---|---|\n| `a.md` | docs/ |\n", [("7", 1)]),
        ("### Created (4 files)\n\n```\nsrc/\n├── a.py\n└── b.py\n```\n", [("4", 2)]),
        # pasted `git status --short` lines, each a file with its note
        (
            "### 修改的文件 (5个)\n```\nM a/x.go   - note\nM go.mod\nD b/y.go   (390 行)\n```\n",
            [("5", 3)],
        ),
        # two lists under one heading, separated by bold group labels, count together
        (
            "### New files (3 files)\n\n**Core:**\n\n- `a.py`\n\n**Tests:**\n\n- `t.py`\n- `u.py`\n",
            [("3", 3)],
        ),
        # groups that count themselves: the heading counts every item of every group
        (
            "### New files (4)\n\n**Docs** (1):\n\n- `a.md`\n\n**Scripts** (2):\n\n- `b.py`\n"
            "- `c.py`\n\n## Next\n",
            [("4", 3), ("1", 1), ("2", 2)],
        ),
        # a size in brackets measures an item: the items are files, not groups
        ("**New Files (3):**\n\n- `a.py` (120 lines)\n- `b.py` (80 行)\n", [("3", 2)]),
        # a commit id in brackets after a bold title is no count of a group
        ("## Commits Made (1)\n\n**feat: x (3 tests)** (1a2b3c4)\n- a\n- b\n", []),
        # a bold label with its own count ends the list of the label before it
        ("**A (2 tests):**\n\n- x\n- y\n\n**B (5 tests):**\n\n- z\n", [("2", 2), ("5", 1)]),
        # items that are groups of what is counted, a table of categories, an incomplete list
        ("**Fiction (95 patterns)**:\n- Fantasy (14): epic, dark\n- Romance (10): x\n", []),
        ("### Expected (127 New Tests)\n| Package | Gain |\n|---|---|\n| VM | 5% |\n", []),
        ("### Files (12 files)\n\n- `a.py`\n- ... and 11 more\n", []),
        ("### Files (5 files)\n\n- `a.py`\n- `b.py`\n- 3 other scripts\n", []),
        ("#### 创建的文件 (17个文档)\n- `A.md`\n- `B.md`\n- 其他15个报告文档\n", []),
        # a bare count after the noun it counts: numbered items with their own sub-items,
        # pasted `git log --oneline` lines
        (
            "## Commits Made (3)\n\n1. **fix: a** (1a2b3c4)\n   - detail\n"
            "2. **ci: b** (2b3c4d5)\n3. **docs: c** (3c4d5e6)\n4. **docs: d** (4d5e6f7)\n",
            [("3", 4)],
        ),
        (
            "### Recent Commits (2)\n\n```\n1a2b3c4 fix: a\n2b3c4d5 docs: b\n3c4d5e6 x\n```\n",
            [("2", 3)],
        ),
        ("### Recent Commits (3)\n1a2b3c4 fix: a\n2b3c4d5 docs: b\n3c4d5e6 x\n", [("3", 3)]),
        (
            "### Changes (2 commits)\n```\n✅ Commit 1a2b3c4: fix a\n✅ Commit 2b3c4d5: b\n```\n",
            [("2", 2)],
        ),
        ("### Completed Tasks (2)\n1. Task 6: a\n2. Task 7: b\n", [("2", 2)]),
        # a bare list of paths, one a line (what `git diff --name-only` prints)
        ("### Modified Files (9)\n```\nsrc/a/x.java\nsrc/b/y.java\ndocs/n.md\n```\n", [("9", 3)]),
        ("### Modified Files (3)\n```\nsrc/a/x.java\nnot a path here\n```\n", []),
        # numbered subheadings are the items of the heading over them; groups are not
        (
            "## Completed Items (3 of 4)\n\n### Item #1: a ✅\n\nx\n\n### Item #2: b ✅\n\n"
            "## Deferred Items (1 of 4)\n\n### Item #3: c\n",
            [("3", 2)],
        ),
        ("## Completed Items (3)\n\n### Backend\n\nx\n\n### Frontend\n\ny\n", []),
        ("## New Files (3)\n\n### 1. Parser\n\nx\n\n### 2. Lexer\n\ny\n", []),
        # one item standing for many; a bare count after no countable noun
        ("### Done Tasks (23)\n- Task 9: a\n- Task 12-30: the rest\n", []),
        ("### Commits (4)\n\n```bash\ngit log --oneline\n```\n", []),
        ("## Phase Results (3)\n\n- a\n- b\n", []),
        # nouns of things a list gives one each, in other languages too
        ("#### Índices (3 novos índices):\n\n- `ix_a`\n- `ix_b`\n", [("3", 2)]),
        ("### Migrations (2 migrations)\n\n- 001\n- 002\n", [("2", 2)]),
        # not a count of listed things
        ("### Phase 2 (2 weeks)\n\n- a\n- b\n- c\n", []),
        ("### Coverage (85%)\n\n- a\n", []),
    ],
)
def test_a_count_and_its_witness(markdown: str, expected: list[tuple[str, int]]) -> None:
    assert _items(markdown) == expected


@pytest.mark.parametrize(
    ("second", "counted"),
    [
        ("- 37 tests total\n", ["35", "37"]),
        ("- 55-75 tests total\n", []),
        ("- 30 to 40 tests total\n", []),
    ],
)
def test_a_total_given_twice_but_not_a_range(second: str, counted: list[str]) -> None:
    """'All 35 tests' here and '37 tests total' there are one quantity given twice; an
    estimate's range ('55-75 tests total') is not a count."""
    markdown = "# Report\n\n- All 35 tests passing\n\n**Estimates:**\n\n" + second
    found = [
        c.text for c in extract(markdown) if c.kind == "counts" and "total" in c.value["measure"]
    ]
    assert found == counted


def test_totals_in_parallel_sections_count_different_things() -> None:
    """'All 16 tests' under '### 1. Token tests' and 'All 2 tests' under '### 2. Header tests'
    are two quantities; the same pair in a summary and a results part is one."""
    parallel = (
        "# Report\n\n## Fixes\n\n### 1. Token tests\n\n- All 16 tests passing\n\n"
        "### 2. Header tests\n\n- All 2 tests passing\n"
    )
    parts = (
        "# Report\n\n## Summary\n\n- All 16 tests passing\n\n## Results\n\n- All 2 tests passing\n"
    )
    totals = [c for c in extract(parallel) if c.kind == "counts" and "total" in c.value["measure"]]
    assert totals == []
    found = [c.text for c in extract(parts) if c.kind == "counts" and "total" in c.value["measure"]]
    assert found == ["16", "2"]


@pytest.mark.parametrize(("total", "verdict"), [("3", "verified"), ("7", "refuted")])
def test_a_total_at_the_end_of_the_list_it_totals(
    repo: ScratchRepo, cli: Cli, total: str, verdict: str
) -> None:
    """ "Total Files: 3" under a pasted list of three paths counts that list: true even though
    the window changed five files; a total that fits neither the list nor git is refuted."""
    from tests.conftest import claims_of

    repo.commit("start", {"README.md": "x\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    files = {f"src/m{n}.py": "x\n" for n in range(4)}
    repo.commit("work", {**files, "README.md": "y\n"}, when="2025-11-13T09:00:00+00:00")
    doc = (
        "# Session 2\n\n**Date:** 2025-11-13\n\n## Summary\n\nWork.\n\n## Files\n\n```\n"
        f"Created:\n- src/m0.py\n- src/m1.py\n\nModified:\n- README.md\n\nTotal Files: {total}\n```\n"
    )
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "file_count"] == [verdict]


DETAILS = (
    "- `RoleTest::test_scope_search`\n- Expected `like` but got `LIKE`\n- SQLite uppercases it\n"
)
NAMED = "- `test_a`\n- `test_b`\n- `test_c`\n"


@pytest.mark.parametrize(
    ("heading", "items", "verdict"),
    [
        ("### 2. Case sensitivity (1 test)", DETAILS, "verified"),  # one named, two details
        ("### 2. Case sensitivity (3 tests)", DETAILS, "verified"),  # or three items
        ("### 2. Case sensitivity (2 tests)", DETAILS, "refuted"),
        ("### 2. Case sensitivity (1 test)", NAMED, "refuted"),  # every item names one
    ],
)
def test_a_count_over_items_that_name_things_and_items_that_describe_them(
    repo: ScratchRepo, cli: Cli, heading: str, items: str, verdict: str
) -> None:
    """A count over a list whose items partly name something in a code span and partly give
    details of it may count the named items alone."""
    from tests.conftest import claims_of

    repo.commit("start", {"README.md": "x\n"}, when="2025-11-12T09:00:00+00:00")
    doc = f"# Session 1\n\n**Date:** 2025-11-12\n\n## Issues\n\n{heading}\n{items}"
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": doc}, when="2025-11-12T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_1_HANDOFF.md", cwd=repo.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "counts"] == [verdict]


def test_a_count_of_files_over_a_list_that_names_none(repo: ScratchRepo, cli: Cli) -> None:
    """ "#### Code Updates (40 files)" over items that describe the changes ("- Firebase
    Crashlytics integration") is no count of that list: no witness, no finding."""
    doc = (
        "# Handoff\n\n**Date:** 2025-11-13\n\n## Work\n\n#### Code Updates (40 files)\n\n"
        "**Core:**\n- Crash reporting integration\n- State management\n\n"
        "#### Docs (3 files)\n\n- `a.md`\n- `b.md`\n"
    )
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"})
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    found = [(c["text"], c["verdict"]) for c in claims_of(run) if c["kind"] == "counts"]
    assert found == [("3", "refuted")]


def test_a_commit_count_over_numbered_commit_labels(repo: ScratchRepo, cli: Cli) -> None:
    """ "**3 Git Commits Created**:" over "**Commit 1**: ..." .. "**Commit 3**: ..." counts the
    commits the document enumerates (a part of a longer window); "**5 Commits**:" over the same
    three labels does not."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"})
    for n in range(6):
        repo.commit(f"work {n}", {f"src/f{n}.py": "x\n"})
    labels = "".join(f"**Commit {n}**: part {n}\n\n" for n in (1, 2, 3))
    doc = "# Handoff\n\n**Date:** 2025-11-13\n\n## Work\n\n**{} Git Commits Created**:\n\n" + labels
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc.format(3)})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "counts"] == ["verified"]
    repo.commit("handoff 3", {"SESSION_3_HANDOFF.md": doc.format(5)})
    other = cli("check", "--format", "json", "SESSION_3_HANDOFF.md", cwd=repo.path)
    assert [c["verdict"] for c in claims_of(other) if c["kind"] == "counts"] == ["refuted"]


def test_a_bare_list_of_paths_in_a_code_block_is_a_list_of_files(
    repo: ScratchRepo, cli: Cli
) -> None:
    """Paths one a line in a code block under "### New Files (3)" are the files it counts and
    claims, each created; "./scripts/run.sh" in a shell block runs a script, it claims nothing."""
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit(
        "work", {"src/a/x.py": "1\n", "src/b/y.py": "1\n"}, when="2025-11-12T09:30:00+00:00"
    )
    doc = (
        "# Session 1\n\n**Date:** 2025-11-12\n\n## Work\n\n### New Files (3)\n```\nsrc/a/x.py\n"
        "src/b/y.py\nsrc/c/z.py\n```\n\n### Run\n```bash\n./scripts/run_all.sh\n./scripts/run_one.sh\n```\n"
    )
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": doc}, when="2025-11-12T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_1_HANDOFF.md", cwd=repo.path)
    got = {(c["kind"], c["text"]): c["verdict"] for c in claims_of(run)}
    assert got[("counts", "3")] == "verified"
    assert got[("file", "src/a/x.py")] == "verified"
    assert got[("file", "src/c/z.py")] == "refuted"
    assert not any("run_" in text for _, text in got)


CASES = (
    "- `parseTooltip()`: div-based, br-based, mixed format, null input\n"
    "- `buildTree()`: single level, nested paths\n"
    "- `detectPagination()`: no container, multi-page, single page\n"
)


@pytest.mark.parametrize(
    ("heading", "verdict"),
    [
        ("**tests/scanner.test.js (17 test):**", "unverifiable"),  # items stand for several
        ("**tests/scanner.test.js (2 test):**", "refuted"),  # fewer than the items
    ],
)
def test_a_count_over_items_that_list_cases_after_a_colon(
    repo: ScratchRepo, cli: Cli, heading: str, verdict: str
) -> None:
    """ "- `parseTooltip()`: div-based, br-based, mixed format" names several tests: a count of
    tests above such items may be more than the items, never fewer."""
    from tests.conftest import claims_of

    repo.commit("start", {"README.md": "x\n"}, when="2025-11-12T09:00:00+00:00")
    doc = f"# Session 1\n\n**Date:** 2025-11-12\n\n## Tests\n\n{heading}\n{CASES}"
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": doc}, when="2025-11-12T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_1_HANDOFF.md", cwd=repo.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "counts"] == [verdict]
