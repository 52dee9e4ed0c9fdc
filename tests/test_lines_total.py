"""A total of the files listed with their line counts is the sum of their line counts in git.
Real temporary repositories, the real CLI."""

from __future__ import annotations

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, claims_of

HEAD = "# Session 2 Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\nDocs.\n\n## Files Created\n\n"
LISTED = "- `docs/a.md` (450 lines)\n- `docs/b.md` (700 lines)\n- `docs/c.md` (200 lines)\n"


@pytest.fixture
def session(repo: ScratchRepo) -> ScratchRepo:
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    files = {"docs/a.md": "l\n" * 337, "docs/b.md": "l\n" * 570, "docs/c.md": "l\n" * 233}
    repo.commit("docs", files, when="2025-11-13T09:00:00+00:00")
    return repo


@pytest.mark.parametrize(
    ("total", "verdict"),
    [
        ("- **Total documentation**: 1,140 lines", "verified"),
        ("- **Total documentation**: 1,350 lines", "refuted"),  # the sum of the wrong rows
        ("Total: ~1,200 lines", "verified"),  # within 10%
        ("Total: 1.140 linhas", "verified"),  # a '.' thousands separator
        ("**总计**: 1,350 行", "refuted"),
    ],
)
def test_a_total_of_listed_files(session: ScratchRepo, cli: Cli, total: str, verdict: str) -> None:
    doc = HEAD + LISTED + total + "\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "lines_total"] == [verdict]


def test_a_total_over_files_older_than_the_session(session: ScratchRepo, cli: Cli) -> None:
    """README.md existed before: its count may mean insertions, so the total is not judged."""
    doc = HEAD + "- `README.md` (1 lines)\n- `docs/a.md` (337 lines)\n\nTotal: 900 lines\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "lines_total"] == ["unverifiable"]


@pytest.mark.parametrize(("count", "verdict"), [("~350", "verified"), ("~450", "refuted")])
def test_a_table_of_files_by_its_shape_with_line_counts(
    session: ScratchRepo, cli: Cli, count: str, verdict: str
) -> None:
    """ "| Module | Lines |" with a path in a code span first: a line-count table all the same."""
    table = f"| Module | Lines | Status |\n|---|---|---|\n| `docs/a.md` | {count} | done |\n"
    session.commit(
        "handoff 2", {"SESSION_2_HANDOFF.md": HEAD + table}, when="2025-11-13T10:00:00+00:00"
    )
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "lines"] == [verdict]


@pytest.mark.parametrize(
    ("size", "verdict"), [("300+ lines", "verified"), ("450+ lines", "refuted")]
)
def test_a_size_label_under_a_file_label(
    session: ScratchRepo, cli: Cli, size: str, verdict: str
) -> None:
    """ "**File:** `docs/a.md`" then "**Size:** 450+ lines": the size is that file's."""
    doc = HEAD + f"**File:** `docs/a.md`\n**Tests:** 3\n**Size:** {size}\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "lines"] == [verdict]


@pytest.mark.parametrize(
    ("size", "verdict"),
    [
        ("**Líneas**: 337 | **Estado**: listo", "verified"),
        ("**Lines**: 1,200", "refuted"),
        ("**Lines:** 1,200 total (complete rewrite)", "refuted"),
        ("**Lines:** 337 total", "verified"),
    ],
)
def test_a_lines_label_under_a_heading_naming_one_file(
    session: ScratchRepo, cli: Cli, size: str, verdict: str
) -> None:
    """ "### 1. Docs (`docs/a.md`)" then "**Lines**: N": a bare number under a key that names
    lines is the line count of the file the heading names."""
    doc = HEAD + f"### 1. Docs (`docs/a.md`)\n{size}\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "lines"] == [verdict]


def test_a_bare_size_is_not_a_line_count(session: ScratchRepo, cli: Cli) -> None:
    """ "**Size:** 12" says no unit (bytes? kilobytes?): not read as lines."""
    doc = HEAD + "### 1. Docs (`docs/a.md`)\n**Size:** 12\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [c for c in claims_of(run) if c["kind"] == "lines"] == []


@pytest.mark.parametrize(
    ("heading", "verdict"),
    [
        ("### 1. Docs (907 lines)", "verified"),  # a.md + b.md: the section's README left out
        ("### 1. Docs (1,140 lines)", "verified"),  # every file the section lists
        ("### 1. Docs (~900 lines)", "verified"),
        ("### 1. Docs (1,000 lines)", "refuted"),  # no part of 337, 570, 233 adds up to it
    ],
)
def test_a_headings_count_is_about_the_files_its_section_lists(
    session: ScratchRepo, cli: Cli, heading: str, verdict: str
) -> None:
    doc = (
        HEAD
        + f"{heading}\n\nWhat it does.\n\n**Files:**\n"
        + LISTED.replace(" (450 lines)", "").replace(" (700 lines)", "").replace(" (200 lines)", "")
    )
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "lines_total"] == [verdict]


def test_a_headings_count_over_one_file_gets_its_fix(session: ScratchRepo, cli: Cli) -> None:
    doc = HEAD + "### 2. Sync (340 lines)\n\n- `docs/a.md`\n\n### 3. Next\n\n- `docs/b.md`\n"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    found = [c for c in claims_of(run) if c["kind"] == "lines_total"]
    assert [(c["verdict"], c["fix"]) for c in found] == [("refuted", "write 337")]


@pytest.fixture
def named(repo: ScratchRepo) -> ScratchRepo:
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    files = {
        "src/analysis/registry.py": "r\n" * 574,
        "src/sync/CloudKitSyncManager.swift": "s\n" * 498,
        "src/report/generator.py": "g\n" * 120,
        "src/report/report.py": "p\n" * 80,
        "docs/CHANGELOG.md": "c\n" * 303,
        "docs/CHANGELOG.md.old": "o\n" * 40,  # a copy kept aside is not the file named
    }
    repo.commit("work", files, when="2025-11-13T09:00:00+00:00")
    return repo


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("```\nRegistry Module:     850 lines\n```\n", ["refuted"]),
        ("- **Registry Analysis**: ~570 lines\n", ["verified"]),
        ("| Feature | Files | Lines |\n|---|---|---|\n| CloudKit Sync | 1 | 499 |\n", ["refuted"]),
        ("| Feature | Files | Lines |\n|---|---|---|\n| CloudKit Sync | 1 | 498 |\n", ["verified"]),
        ("- Report Generator (300 lines)\n", ["unverifiable"]),  # report.py or generator.py?
        ("- Billing Engine: 300 lines\n", ["unverifiable"]),  # no file called so
        ("- Changelog Documentation: 380 lines\n", ["refuted"]),  # CHANGELOG.md, not .old
        ("- Backend: 900 lines\n- Tests: 400 lines\n", []),  # kinds of things, not names
        ("| Chunk | Size (kB) |\n|---|---|\n| registry | 182 |\n", []),  # not a line count
        (
            "| Feature | Files | Lines |\n|---|---|---|\n| CloudKit Sync | 2 | 998 |\n",
            [],
        ),  # 2 files
        ("- Phase 2: 1,300 lines\n- Registry updates: ~50 lines\n", []),  # a step, a change
    ],
)
def test_a_line_count_of_a_thing_named_not_pathed(
    named: ScratchRepo, cli: Cli, text: str, expected: list[str]
) -> None:
    """ "Registry Module: 850 lines" is about the one file the session changed whose name its
    words give (src/analysis/registry.py, 574 lines); a name that fits none, or several, is no
    claim git can settle."""
    doc = HEAD.replace("## Files Created\n\n", "## Statistics\n\n") + text
    named.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=named.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "lines"] == expected


@pytest.fixture
def resized(repo: ScratchRepo) -> ScratchRepo:
    """A session that shrinks ui/PanelSettings.qml from 300 lines to 40 and creates, then
    deletes, src/lib/sign.ts (81 lines)."""
    repo.commit("start", {"ui/PanelSettings.qml": "l\n" * 300}, when="2025-11-12T09:00:00+00:00")
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    repo.commit("sign", {"src/lib/sign.ts": "s\n" * 81}, when="2025-11-13T08:00:00+00:00")
    repo.commit(
        "slim",
        {"ui/PanelSettings.qml": "l\n" * 40, "api/proxy.ts": "p\n" * 94},
        when="2025-11-13T09:00:00+00:00",
        remove=["src/lib/sign.ts"],
    )
    return repo


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- PanelSettings reduced from 300 lines to 40 lines\n", ["verified", "verified"]),
        ("- PanelSettings reduced from 300 lines to 34 lines\n", ["verified", "refuted"]),
        ("- PanelSettings stripped from 290 lines to a stub\n", ["refuted"]),
        ("- **PanelSettings** was trimmed from 300 lines\n", ["verified"]),
        ("- The panel was reduced from 290 lines\n", []),  # no one name
    ],
)
def test_a_named_file_resized_from_one_size_to_another(
    resized: ScratchRepo, cli: Cli, text: str, expected: list[str]
) -> None:
    """ "PanelSettings reduced from 300 lines to 34 lines" gives the size before the session
    and the size after, of the one file the name fits."""
    doc = HEAD.replace("## Files Created\n\n", "## Accomplishments\n\n") + text
    resized.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=resized.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "lines"] == expected


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("| Client files | `lib/sign.ts` (81 lines) | removed |", "verified"),
        ("| Client files | `lib/sign.ts` (77 lines) | removed |", "refuted"),
        ("| Server files | none | `api/proxy.ts` (80 lignes) |", "refuted"),
        ("| Server files | none | `api/proxy.ts` (94 lines) |", "verified"),
    ],
)
def test_a_cell_naming_a_file_with_its_size(
    resized: ScratchRepo, cli: Cli, row: str, expected: str
) -> None:
    """A before/after table with no file column: a cell that names one file with its size is a
    line count of that file, also of one the session created and deleted again."""
    table = "| Aspect | Before | After |\n|---|---|---|\n" + row + "\n"
    doc = HEAD.replace("## Files Created\n\n", "## Comparison\n\n") + table
    resized.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=resized.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "lines"] == [expected]


def test_a_file_created_and_deleted_inside_the_window(resized: ScratchRepo, cli: Cli) -> None:
    """A file the session created and deleted again is in neither end's tree, yet it was
    committed: its size is judged by what the session added, its creation is true of the
    session though the file is gone at the end (HL303), and it is not "never committed"."""
    doc = HEAD + "- `src/lib/sign.ts` (81 lines)\n- `lib/sign.ts` (70 lines)\n"
    resized.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=resized.path)
    lines = {c["line"]: c["verdict"] for c in claims_of(run) if c["kind"] == "lines"}
    assert lines == {11: "verified", 12: "refuted"}
    files = [c for c in claims_of(run) if c["kind"] == "file"]
    assert files and all("never" not in c.get("evidence", "") for c in files)
    findings = run.json()["documents"][0]["findings"]
    assert {f["rule"] for f in findings if f["line"] == 11} <= {"HL303"}


@pytest.mark.parametrize(
    ("label", "size", "expected"),
    [
        ("#### Before", "300", "verified"),  # the size before the session
        ("#### Vorher", "290", "refuted"),  # neither before nor after
        ("**Before:**", "300", "verified"),
        ("#### After", "300", "refuted"),  # after the session it has 40 lines
        ("#### After", "40", "verified"),
    ],
)
def test_a_size_under_a_heading_or_label_of_the_state_before(
    resized: ScratchRepo, cli: Cli, label: str, size: str, expected: str
) -> None:
    """A pasted tree under "#### Vorher" or "**Before:**" gives sizes from before the session."""
    block = f"{label}\n\n```\nui/PanelSettings.qml ({size} lines, 3 panels)\n```\n"
    doc = HEAD.replace("## Files Created\n\n", "## Layout\n\n") + block
    resized.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=resized.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "lines"] == [expected]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "| Handler | Lines of Code | Tests |\n|---|---|---|\n| proxy.ts | ~94 | 3 |",
            ["verified"],
        ),
        (
            "| Handler | Lines of Code | Tests |\n|---|---|---|\n| proxy.ts | ~300 | 3 |",
            ["refuted"],
        ),
        ("| Handler | Tests |\n|---|---|\n| proxy.ts | 300 |", []),  # no column of sizes
    ],
)
def test_a_file_name_alone_in_the_first_cell_over_a_lines_column(
    resized: ScratchRepo, cli: Cli, table: str, expected: list[str]
) -> None:
    """ "| handler_email.go | ~300 |" under "Lines of Code": a bare file name is the row's file
    (here api/proxy.ts, by its unique name)."""
    doc = HEAD.replace("## Files Created\n\n", "## Coverage\n\n") + table + "\n"
    resized.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=resized.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "lines"] == expected


@pytest.mark.parametrize(("size", "expected"), [("94", "verified"), ("80", "refuted")])
def test_a_bold_link_to_a_file_with_its_size(
    resized: ScratchRepo, cli: Cli, size: str, expected: str
) -> None:
    """ "1. **[api/proxy.ts](api/proxy.ts)** (94 lines)": a link in bold names its target."""
    item = f"1. **[api/proxy.ts](api/proxy.ts)** ({size} lines)\n"
    doc = HEAD.replace("## Files Created\n\n", "## Files Created\n\n" + item)
    resized.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=resized.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "lines"] == [expected]


@pytest.mark.parametrize(
    ("label", "verdict"),
    [
        ("**Created (3 files, 1,140 lines):**", "verified"),
        ("**Created (2 files, 907 lines):**", "verified"),  # some of the files listed
        ("**Created (3 files, 1,350 lines):**", "refuted"),  # no part adds up to it
        ("**Created (3 files, 1,350 lines)**", None),  # no colon: not a label over a list
    ],
)
def test_a_labels_count_of_lines_over_the_list_under_it(
    session: ScratchRepo, cli: Cli, label: str, verdict: str | None
) -> None:
    """ "**Created (2 files, 344 lines):**" over a list of the files: some of them, or all,
    hold that many lines."""
    plain = LISTED.replace(" (450 lines)", "").replace(" (700 lines)", "")
    doc = (
        HEAD.replace("## Files Created\n\n", "## Files\n\n")
        + f"{label}\n"
        + plain.replace(" (200 lines)", "")
    )
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    found = [c["verdict"] for c in claims_of(run) if c["kind"] == "lines_total"]
    assert found == ([verdict] if verdict else [])


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("300", "40", {53: "verified", 54: "verified"}),
        ("437", "112", {53: "refuted", 54: "refuted"}),
        ("290", "40", {53: "refuted", 54: "verified"}),
    ],
)
def test_before_and_after_sizes_under_a_file_label(
    resized: ScratchRepo, cli: Cli, before: str, after: str, expected: dict[int, str]
) -> None:
    """ "**File:** `ui/PanelSettings.qml`" then "- Before: 300 lines" and "- After: 40 lines":
    the file's size before the session and at its end."""
    items = f"- Before: {before} lines (with errors)\n- After: {after} lines (clean)\n"
    filler = "".join(f"- step {n} done\n" for n in range(40))  # far from the top
    doc = (
        HEAD.replace("## Files Created\n\n", "## Fixes\n\n")
        + filler
        + "\n**File:** `ui/PanelSettings.qml`\n"
        + items
    )
    resized.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=resized.path)
    assert {c["line"]: c["verdict"] for c in claims_of(run) if c["kind"] == "lines"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**UpdateConsentsUseCase** (90 lines)\n", ["verified"]),  # update_consents_use_case.py
        ("**UpdateConsentsUseCase** (120 lines)\n", ["refuted"]),
        ("- `RetryPolicy`: 60 lines\n", ["unverifiable"]),  # in policies.py with others
        ("- **Registry updates**: 60 lines\n", []),  # a change, not a thing
    ],
)
def test_a_line_count_of_a_class_named_in_camel_case(
    repo: ScratchRepo, cli: Cli, text: str, expected: list[str]
) -> None:
    """An identifier names a thing whatever its words ("Update..."), and the file named for it:
    UpdateConsentsUseCase is update_consents_use_case.py (90 lines); RetryPolicy has no file
    of its own (policies.py holds it and others), so git cannot give its size."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    files = {
        "app/update_consents_use_case.py": "u\n" * 90,
        "app/policies.py": "p\n" * 200,
        "app/registry.py": "r\n" * 50,
    }
    repo.commit("work", files, when="2025-11-13T09:00:00+00:00")
    doc = HEAD.replace("## Files Created\n\n", "## Work\n\n") + text
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "lines"] == expected
