"""Line counts, totals, counts and feature lists against real temporary repositories."""

from __future__ import annotations

import json
from typing import Any

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, Run, claims_of, verdicts

HEAD = "# Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\n"


def _line_verdicts(run: Run, kind: str) -> list[tuple[int, str]]:
    """(line, verdict) of each claim of ``kind`` in a one-document JSON run."""
    found = run.json()["documents"][0]["claims"]
    return [(c["line"], c["verdict"]) for c in found if c["kind"] == kind]


def _second(repo: ScratchRepo, cli: Any, doc: str) -> Run:
    """Commit ``doc`` as the second session's handoff and check it (JSON)."""
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc})
    run: Run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    return run


def _lines(n: int) -> str:
    return "".join(f"line {i}\n" for i in range(n))


def test_line_counts_and_insertions(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("base", {"old.py": _lines(10)})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"new.py": _lines(74), "old.py": _lines(17), "big.json": _lines(2471)})
    doc = HEAD + (
        "## Files Created\n\n"
        "- `new.py` (74 lines)\n"
        "- `big.json` (NEW - 2,469 lines)\n"
        "- `new.py` (~70 lines)\n"
        "- `new.py` (60+ lines)\n\n"
        "## Files Modified\n\n"
        "- `old.py` (+7 lines)\n"
        "- `old.py` (+9 lines)\n\n"
        "| File | Lines |\n|---|---|\n| `new.py` | 80 |\n"
    )
    run = _second(repo, cli, doc)
    got = _line_verdicts(run, "lines")
    assert got == [
        (9, "verified"),
        (10, "refuted"),
        (11, "verified"),
        (12, "verified"),
        (16, "verified"),
        (17, "refuted"),
        (21, "refuted"),
    ]
    assert "big.json has 2471 lines in git, not 2469" in run.out or "HL305" in run.out


def test_new_lines_are_lines_added(repo: ScratchRepo, cli: Cli) -> None:
    """ "(170+ new lines)" after a file, or on a heading naming it, counts the lines the
    session added to it, not its size."""
    repo.commit("base", {"CLAUDE.md": _lines(50)})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("docs", {"CLAUDE.md": _lines(219)})
    doc = HEAD + (
        "#### CLAUDE.md Updates (170+ new lines)\n\n- header\n\n"  # 7
        "## Files Modified\n\n"
        "- `CLAUDE.md`: 169 new lines\n"  # 13
        "- `CLAUDE.md` (~160 new lines)\n"  # 14
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "lines") == [(7, "refuted"), (13, "verified"), (14, "verified")]


def test_a_size_when_the_file_was_made_and_an_open_task_estimate(
    repo: ScratchRepo, cli: Cli
) -> None:
    """ "The team built `client.py` (385 LOC)": the size the session's first commit gave the
    file, grown later in the session, may be the moment the line tells of (unverifiable, not
    refuted). "- [ ] Fix the pop-up: ~15 LOC in `hud.cpp`" is a task not done: its estimate
    is no claim, nor are the items under it."""
    repo.commit("base", {"hud.cpp": _lines(40)})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("client", {"client.py": _lines(385)})
    repo.commit("grow", {"client.py": _lines(635)})
    doc = HEAD + (
        "- The team built `client.py` (385 LOC)\n"  # 7
        "- `client.py` (385 LOC)\n"  # 8
        "- [ ] Fix the pop-up: ~15 LOC in `hud.cpp`\n"  # 9
        "  - then ~20 LOC in `hud.cpp`\n"  # 10
        "- [x] `client.py` (600 lines)\n"  # 11: a task done
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "lines") == [
        (7, "unverifiable"),
        (8, "unverifiable"),  # the same statement as line 7
        (11, "refuted"),
    ]


def test_sizes_before_and_after_and_a_note_after_a_count(repo: ScratchRepo, cli: Cli) -> None:
    """ "(849 lines before; ~960 lines after)": the size before the session and the size now,
    each checked; a note in brackets after a table cell's count ("+32 (custom parser)") leaves
    the count a count."""
    repo.commit("base", {"client.rs": _lines(849), "disk.rs": _lines(10)})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"client.rs": _lines(963), "disk.rs": _lines(41)})
    doc = HEAD + (
        "- `client.rs` (849 lines before; ~960 lines after)\n"  # 7
        "- `client.rs` (850 lines before; ~960 lines after)\n\n"  # 8
        "| File | Status | Lines |\n|---|---|---|\n"
        "| `client.rs` | MODIFIED | ~960 (+114 from 849) |\n"  # 12
        "| `disk.rs` | MODIFIED | +32 (custom parser) |\n"  # 13
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "lines") == [
        (7, "verified"),
        (7, "verified"),
        (8, "refuted"),
        (8, "verified"),
        (12, "verified"),
        (13, "refuted"),
    ]


def test_a_size_the_file_had_during_the_session_and_lines_added_under_a_file_label(
    repo: ScratchRepo, cli: Cli
) -> None:
    """A file the session grew in three commits (100, 150, 180 lines): "(150 lines)" is a size
    it had after an earlier commit (unverifiable: which moment git cannot tell), 120 it never
    had. "**Lines Added:** N" under a "**File:**" label is that file's insertions, not the
    session's; a step section's own lines added ("## Phase 3.2" beside "## Phase 4") are a
    part of the session."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("one", {"app.py": _lines(100)})
    repo.commit("two", {"app.py": _lines(150)})
    repo.commit("three", {"app.py": _lines(180), "CHANGELOG.md": _lines(261)})
    doc = HEAD + (
        "- `app.py` (150 lines)\n"  # 7
        "- `app.py` (120 lines)\n\n"  # 8
        "**File:** `CHANGELOG.md`\n**Lines Added:** 261\n\n"  # 10, 11
        "**File:** `CHANGELOG.md`\n**Lines Added:** 300\n\n"  # 13, 14
        "## Phase 3.2: Observability\n\n**Lines Added:** ~40\n\n"  # 18
        "## Phase 4: Errors\n\nDone.\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "lines") == [
        (7, "unverifiable"),
        (8, "refuted"),
        (11, "verified"),
        (14, "refuted"),
    ]
    assert _line_verdicts(run, "stats") == [(18, "unverifiable")]


def test_table_totals_must_add_up(repo: ScratchRepo, cli: Cli) -> None:
    doc = HEAD + (
        "| File | Lines |\n|---|---|\n| `a.py` | +21, -12 |\n| `b.py` | +2, -1 |\n| **Total** | **35 lines** |\n\n"
        "| Suite | Count | Time |\n|---|---|---|\n| A | 8 | 35 min |\n| B | 6 | 25 min |\n"
        "| **TOTAL** | **14** | **1 hour** |\n"
    )
    repo.commit("doc", {"HANDOFF.md": doc})
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    totals = [
        (c["text"], c["verdict"])
        for c in run.json()["documents"][0]["claims"]
        if c["kind"] == "counts"
    ]
    assert totals == [("35", "refuted"), ("14", "verified")]


def test_list_counts_and_commit_counts(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("one", {"a.py": "1\n"})
    repo.commit("two", {"b.py": "1\n"})
    doc = HEAD + (
        "**UI Features (3 tests)** - manual:\n- #1 grid\n- #2 filter\n\n"
        "**API (2 tests)**:\n- #3 get\n- #4 post\n\nTotals:\n\n"
        "- **Commits**: 2\n- **Total Commits**: 11\n- **2 new files created**\n- **5 files modified**\n"
    )
    run = _second(repo, cli, doc)
    counts = _line_verdicts(run, "counts")
    assert counts == [(7, "refuted"), (11, "verified"), (17, "verified"), (18, "refuted")]
    assert _line_verdicts(run, "file_count") == [(19, "verified"), (20, "refuted")]


def test_feature_list_ratios(repo: ScratchRepo, cli: Cli) -> None:
    def features(passing: int) -> str:
        return json.dumps([{"id": i, "passes": i < passing} for i in range(40)])

    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD, "feature_list.json": features(11)})
    repo.commit("pass more", {"feature_list.json": features(18)})
    repo.commit("pass more", {"feature_list.json": features(22)})
    doc = HEAD + (
        "- **Starting status**: 11/40 tests passing\n"
        "- **Tests passing**: 22/40 (55%)\n"
        "- 7 out of 50 tests now passing (14% complete)\n"
        "- **Progress:** 25/40 features complete\n"
        "- Failing: 18/40 tests\n"
    )
    run = _second(repo, cli, doc)
    assert verdicts(run) == {
        ("date", "2025-11-13"): "verified",
        ("tests", "11/40"): "verified",
        ("tests", "22/40"): "verified",
        ("tests", "7 out of 50"): "refuted",
        ("tests", "25/40"): "refuted",
        ("tests", "18/40"): "unverifiable",
    }


def test_repeated_lie_is_one_finding(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("work", {"t.py": _lines(446)})
    doc = HEAD + "**New file: `t.py` (449 lines)**\n\n## Files Created\n\n- `t.py` (449 lines)\n"
    repo.commit("doc", {"HANDOFF.md": doc})
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    data = run.json()["documents"][0]
    assert [c["verdict"] for c in data["claims"] if c["kind"] == "lines"] == ["refuted", "refuted"]
    hl305 = [f for f in data["findings"] if f["rule"] == "HL305"]
    assert (
        len(hl305) == 1
        and hl305[0]["line"] == 11
        and "also stated on line 7" in hl305[0]["message"]
    )


def test_progress_timeline_rows_match_each_session(repo: ScratchRepo, cli: Cli) -> None:
    def features(passing: int) -> str:
        return json.dumps([{"id": i, "passes": i < passing} for i in range(40)])

    repo.commit("s1", {"SESSION_1_SUMMARY.md": HEAD, "feature_list.json": features(0)})
    repo.commit("s2 work", {"feature_list.json": features(9)})
    repo.commit("s2", {"SESSION_2_SUMMARY.md": HEAD})
    repo.commit("s3 work", {"feature_list.json": features(17)})
    table = (
        "| Session | Tests Passing | Focus |\n|---|---|---|\n| 1 | 0/40 (0%) | start |\n"
        "| 2 | 7/40 (17.5%) | api |\n| **3** | **17/40 (42.5%)** | ui |\n| 4 | 20/40 (50%) | x |\n"
    )
    repo.commit("s3", {"SESSION_3_SUMMARY.md": HEAD + table})
    run = cli("check", "--format", "json", "SESSION_3_SUMMARY.md", cwd=repo.path)
    rows = {
        c["text"]: (c["verdict"], c["rule"])
        for c in run.json()["documents"][0]["claims"]
        if c["kind"] == "tests"
    }
    assert rows == {
        "0/40": ("verified", None),
        "7/40": ("refuted", "HL403"),
        "17/40": ("verified", None),
        "20/40": ("unverifiable", None),
    }


def test_symbols_and_tests_added(repo: ScratchRepo, cli: Cli) -> None:
    before = "import pytest\n\n\n@pytest.fixture\ndef db():\n    return 1\n\n\ndef test_old():\n    pass\n"
    repo.commit("base", {"tests/test_api.py": before, "web/a.test.ts": "it('old', () => {});\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    after = before + "".join(
        f"\n\nclass TestX{i}:\n    def test_new{i}(self):\n        pass\n" for i in range(3)
    )
    after += "\n\n@pytest.fixture\ndef test_looking_fixture():\n    return 2\n"
    repo.commit(
        "work",
        {
            "tests/test_api.py": after,
            "app/core.py": "def process_batch(items):\n    return items\n\n\nclass Store:\n    pass\n",
            "web/a.test.ts": "it('old', () => {});\ntest('new one', () => {});\nit(\"new two\", () => {});\n",
        },
    )
    doc = HEAD + (
        "- Added 3 integration tests in `tests/test_api.py`\n"
        "- Added 6 unit tests to `tests/test_api.py`\n"
        "- Added 2 tests in `web/a.test.ts`\n"
        "- `process_batch()` in `app/core.py` batches items\n"
        "- `app/core.py::Store` keeps state\n"
        "- `app/core.py::flush()` writes it\n"
    )
    run = _second(repo, cli, doc)
    got = [
        (c["kind"], c["text"], c["verdict"], c["rule"])
        for c in run.json()["documents"][0]["claims"]
        if c["kind"] in ("symbol", "tests_added")
    ]
    assert got == [
        ("tests_added", "3", "verified", None),
        ("tests_added", "6", "refuted", "HL404"),
        ("tests_added", "2", "verified", None),
        ("symbol", "process_batch", "verified", None),
        ("symbol", "Store", "verified", None),
        ("symbol", "flush", "refuted", "HL306"),
    ]


def test_session_diff_stats(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("base", {"old.py": _lines(10)})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("one", {"a.py": _lines(30), "old.py": _lines(5)})
    repo.commit("two", {"b.py": _lines(20)})
    doc = HEAD + (
        "- Session total: 3 files changed, 50 insertions(+), 5 deletions(-)\n"
        "- Overall (3 files, +50/-5)\n"
        "- Second commit: +20 lines\n"
        "- Claimed: (9 files, +900/-5)\n"
        "- About ~52 insertions: +52 lines\n"
        "- Lines: +400 lines\n"
        "### Work (3 files, 50 insertions, 5 deletions)\n"
        "### Code (9 files, 747 insertions, 151 deletions)\n"
        "- 3 files changed, 50 additions\n"
    )
    run = _second(repo, cli, doc)
    got = _line_verdicts(run, "stats")
    assert got == [
        (7, "verified"),
        (8, "verified"),
        (9, "verified"),
        (10, "refuted"),
        (11, "refuted"),
        (12, "refuted"),
        (13, "verified"),  # git's summary in words, without its (+) and (-)
        (14, "refuted"),
        (15, "verified"),
    ]


def test_a_file_count_below_the_last_commits_own_is_refuted(repo: ScratchRepo, cli: Cli) -> None:
    """The previous handoff came with other work, so where the session starts is an estimate: a
    count below the window's is unverifiable, unless even the session's last commit alone (the
    one that adds the document) created more."""
    first = {"SESSION_1_HANDOFF.md": HEAD, "a.py": "1\n", "a2.py": "1\n"}
    repo.commit("handoff 1 with work", first)
    repo.commit("work", {"b.py": "1\n", "c.py": "1\n", "d.py": "1\n"})
    doc = HEAD + "- 1 new file created\n- 2 new files created\n- 4 new files created\n"
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc, "e.py": "1\n", "f.py": "1\n"})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    got = [(c["text"], c["verdict"]) for c in claims_of(run) if c["kind"] == "file_count"]
    assert got == [("1", "refuted"), ("2", "verified"), ("4", "unverifiable")]


def test_a_file_deleted_and_created_again_was_created(repo: ScratchRepo, cli: Cli) -> None:
    """Net, the window modified src/nas.py; one of its commits created it anew after another
    deleted it, so "created" is true. A file only modified is still refuted."""
    repo.commit("start", {"src/nas.py": "old\n", "src/old.py": "1\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("drop", remove=["src/nas.py"])
    repo.commit("again", {"src/nas.py": "new\nversion\n", "src/old.py": "2\n"})
    doc = HEAD + "## Files Created\n\n- `src/nas.py`\n- `src/old.py`\n"
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file") == [(9, "verified"), (10, "refuted")]


def test_a_count_of_files_may_leave_the_documents_out(repo: ScratchRepo, cli: Cli) -> None:
    """ "Files modified: 2" counts the two code files; the window also changed two notes."""
    start = {"a.py": "1\n", "b.py": "1\n", "docs/x.md": "x\n", "docs/y.md": "y\n"}
    repo.commit("start", start)
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"a.py": "2\n", "b.py": "2\n", "docs/x.md": "x2\n"})
    repo.commit("notes", {"docs/y.md": "y2\n"})
    doc = HEAD + "- **Files modified:** 2\n- **Files modified:** 5\n"
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file_count") == [(7, "verified"), (8, "refuted")]


def test_the_size_of_a_file_before_the_session(repo: ScratchRepo, cli: Cli) -> None:
    """ "Refactored `src/index.ts` (100 lines) into 10": the size before the session counts."""
    repo.commit("start", {"src/index.ts": "x\n" * 100})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("slim", {"src/index.ts": "y\n" * 10})
    doc = HEAD + "- Refactored `src/index.ts` (100 lines)\n- Trimmed `src/index.ts` (90 lines)\n"
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "lines") == [(7, "verified"), (8, "refuted")]


def test_an_estimated_window_that_is_too_narrow_does_not_refute(
    repo: ScratchRepo, cli: Cli
) -> None:
    """A parallel session's handoff, committed with its work, lands in the middle of this
    session: the window starts just before it, after this session's first commit. A claim
    true of the run since the last long pause is unverifiable; an older session's file is
    still refuted."""
    repo.commit("start", {"src/old.py": "1\n"}, when="2025-11-10T10:00:00+00:00")
    repo.commit("a", {"src/a.py": "1\n"}, when="2025-11-13T10:00:00+00:00")
    other = {"SESSION_1_HANDOFF.md": HEAD, "src/b.py": "1\n"}
    repo.commit("other session", other, when="2025-11-13T10:10:00+00:00")
    repo.commit("c", {"src/c.py": "1\n"}, when="2025-11-13T10:20:00+00:00")
    doc = HEAD + "## Files Created\n\n- `src/c.py`\n- `src/a.py`\n- `src/old.py`\n"
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:30:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert "along with other work" in run.json()["documents"][0]["window"]["how"]
    assert _line_verdicts(run, "file") == [(9, "verified"), (10, "unverifiable"), (11, "refuted")]


def test_created_or_modified_counts_and_a_restated_list_count(repo: ScratchRepo, cli: Cli) -> None:
    """ "3 files created/modified" counts both actions; a summary restating the count of the
    document's own file list is that list's count, not a new claim against git."""
    repo.commit("start", {"a.py": "1\n", "b.py": "1\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"a.py": "2\n", "c.py": "1\n", "d.py": "1\n"})
    doc = HEAD + (
        "- 3 files created/modified\n"  # 7: 2 created + 1 modified
        "- 2 files created/modified\n"  # 8
        "\n### Files\n\n```\nCreated:\n- c.py\n- d.py\n- e.md\n\nModified:\n- a.py\n\n"
        "Total Files: 4\n```\n"  # 21
        "\n## Wrap-up\n\n- 4 files created/modified\n"  # 26: restates line 21's count
    )
    run = _second(repo, cli, doc)
    found = _line_verdicts(run, "file_count")
    assert found == [(7, "verified"), (8, "refuted"), (21, "verified"), (26, "verified")]


def test_a_count_of_changed_lines_is_not_a_size(repo: ScratchRepo, cli: Cli) -> None:
    """ "(4 lines changed)" counts the lines a change replaced, "(30 lines added)" its
    insertions, "(2 lines removed)" its deletions: none is the file's size."""
    repo.commit("start", {"a.md": "".join(f"line {n}\n" for n in range(40))})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    edited = "".join(f"line {n}{' x' if n < 4 else ''}\n" for n in range(38))
    repo.commit("edit", {"a.md": edited})  # 4 replaced, 2 dropped: +4/-6
    doc = HEAD + (
        "- `a.md` (4 lines changed)\n"  # 7
        "- `a.md` (6 lines removed)\n"  # 8
        "- `a.md` (4 lines added)\n"  # 9
        "- `a.md` (5 lines added)\n"  # 10
        "- `a.md` (40 lines)\n"  # 11: its size is 38
    )
    run = _second(repo, cli, doc)
    found = _line_verdicts(run, "lines")
    assert found == [
        (7, "verified"),
        (8, "verified"),
        (9, "verified"),
        (10, "refuted"),
        (11, "refuted"),
    ]


def test_a_bare_file_word_in_a_heading_is_a_word(repo: ScratchRepo, cli: Cli) -> None:
    """ "### README Files Created" over a list of README paths: the heading's "README" is a
    word of the title, not a claim that a file named README was created."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("docs", {"web/README.md": "w\n", "api/README.md": "a\n"})
    doc = HEAD + (
        "## Documentation\n\n### README Files Created\n\n1. `web/README.md`\n2. `api/README.md`\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file") == [(11, "verified"), (12, "verified")]


def test_a_heading_about_one_file_claims_it_is_there(repo: ScratchRepo, cli: Cli) -> None:
    """ "### Audio chain (`src/Chain.cpp`)" describes a file: it must be there. A heading about
    a file going away, or naming two, claims nothing of the kind."""
    repo.commit("base", {"src/Chain.cpp": "c\n", "src/Old.cpp": "o\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/Chain.cpp": "c\nd\n"})
    doc = HEAD + (
        "## Architecture\n\n"
        "### **Audio chain** (`src/Chain.cpp`)\n\nText.\n\n"
        "### Telemetry (`src/Telemetry.h`)\n\nText.\n\n"
        "### Removed the old path (`src/Gone.cpp`)\n\nText.\n\n"
        "### `src/Chain.cpp` and `src/Old.cpp`\n\nText.\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file") == [(9, "verified"), (13, "refuted")]


def test_a_table_of_links_to_files_claims_they_are_there(repo: ScratchRepo, cli: Cli) -> None:
    """ "| [src/lib/a.ts](../src/lib/a.ts) | what it is for |" in docs/: a table of files by
    its shape; each link, from the document's folder, must reach a file. A link that leaves
    the repository ("../../other/x.ts") is another repository's file: not judged."""
    repo.commit("base", {"src/lib/a.ts": "a\n", "src/lib/b.ts": "b\n"})
    repo.commit("handoff 1", {"docs/handoffs/S1.md": HEAD})
    repo.commit("work", {"src/lib/b.ts": "b\nc\n"})
    doc = HEAD + (
        "## Helpers to reuse\n\n| Module | Use for |\n|---|---|\n"
        "| [src/lib/a.ts](../../src/lib/a.ts) | parsing |\n"
        "| [src/lib/gone.ts](../../src/lib/gone.ts) | nothing |\n"
        "| [x.ts](../../../other/lib/x.ts) | elsewhere |\n"
    )
    repo.commit("handoff 2", {"docs/handoffs/S2.md": doc})
    run = cli("check", "--format", "json", "docs/handoffs/S2.md", cwd=repo.path)
    assert _line_verdicts(run, "file") == [(11, "verified"), (12, "refuted"), (13, "unverifiable")]


def test_a_file_count_under_a_commits_heading_is_that_commits(repo: ScratchRepo, cli: Cli) -> None:
    """Under "### Commit 2: `abc1234` - UI" a "**Files created:** 5" counts that commit's files:
    more than the commit changes is refuted, whatever the window holds; a total of the session
    under the same heading is not the commit's."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("core", {f"core/m{n}.py": "x\n" for n in range(4)})
    ui = repo.commit("ui", {"ui/a.ts": "a\n", "ui/b.ts": "b\n", "ui/c.ts": "c\n"})
    doc = HEAD + (
        f"## Commits\n\n### Commit 2: `{ui[:7]}` - UI\n\n"
        "**Files created:** 7 files\n\n**Files created:** 3 files\n\n"
        "**Total files created this session:** 7 files\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file_count") == [
        (11, "refuted"),
        (13, "verified"),
        (15, "verified"),
    ]


def test_a_commit_that_brings_several_reports_is_not_one_sessions_work(
    repo: ScratchRepo, cli: Cli
) -> None:
    """A squash that adds this report, a sibling report and both sessions' files: a count of
    this session's new files below the commit's own is unverifiable, not refuted. Without the
    sibling the commit is the session's last, and fewer files than it created is refuted."""
    repo.commit("start", {"app/x.py": "x\n", "SESSION_1_HANDOFF.md": HEAD})
    code = {f"app/m{n}.py": "m\n" for n in range(6)}
    doc = HEAD + "## Archivos\n\n**Archivos Creados**: 3\n"
    for sibling, verdict in (True, "unverifiable"), (False, "refuted"):
        files = {**code, "SESION-2025-10-31-FASE1.md": doc}
        if sibling:
            files["SESION-2025-10-31-FASE2.md"] = HEAD
        repo.commit("squash", files)
        run = cli("check", "--format", "json", "SESION-2025-10-31-FASE1.md", cwd=repo.path)
        assert _line_verdicts(run, "file_count") == [(9, verdict)]
        repo.commit("undo", remove=[*files])


def test_a_net_change_is_insertions_less_deletions(repo: ScratchRepo, cli: Cli) -> None:
    """ "| Net Change | +6 lines |" after +8/-2: the net, not the insertions."""
    repo.commit("base", {"a.py": _lines(5)})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"a.py": _lines(3) + "x\n" * 8})
    doc = HEAD + "## Metrics\n\n| Metric | Value |\n|---|---|\n| Net Change | +6 lines |\n"
    doc += "| Net Change | +7 lines |\n"
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "stats") == [(11, "verified"), (12, "refuted")]


def test_a_tree_drawn_under_the_projects_own_name(repo: ScratchRepo, cli: Cli) -> None:
    """A tree whose top folder is the project's name ("shop-web/"): its entries are the paths
    below it (two files named route.ts, so the name alone would not do)."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/api/hook/route.ts": _lines(236), "src/api/pay/route.ts": "x\n"})
    tree = (
        "## Files\n\n```\nshop-web/\n├── src/\n│   └── api/hook/\n"
        "│       └── route.ts        [CREATED - 250 lines]\n```\n"
    )
    run = _second(repo, cli, HEAD + tree)
    found = [c for c in run.json()["documents"][0]["claims"] if c["kind"] == "lines"]
    assert [(c["verdict"], c["fix"]) for c in found] == [("refuted", "write 236")]


def test_a_list_of_related_documents_marked_with_emoji(repo: ScratchRepo, cli: Cli) -> None:
    """ "### Related docs" then "- 📖 [Guide](docs/guide.md)": links to documents that must be
    there (the session need not have changed them)."""
    repo.commit("base", {"docs/guide.md": "g\n", "docs/api.md": "a\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/a.py": "x\n"})
    doc = HEAD + "### Related docs\n\n- 📖 [Guide](docs/guide.md)\n- 📊 [Report](docs/report.md)\n"
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file") == [(9, "verified"), (10, "refuted")]


def test_a_line_column_of_a_table_is_a_place_not_a_size(repo: ScratchRepo, cli: Cli) -> None:
    """ "| File | Line | Excerpt |": where in the file, not how long it is."""
    repo.commit("start", {"a.py": _lines(30)})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"a.py": _lines(40)})
    table = "| File | Line | Excerpt |\n|---|---|---|\n| `a.py` | 18 | `line 17` |\n"
    sized = "| File | Lines | Note |\n|---|---|---|\n| `a.py` | 18 | grown |\n"
    run = _second(repo, cli, HEAD + table + "\n" + sized)
    assert _line_verdicts(run, "lines") == [(13, "refuted")]


def test_insertions_and_deletions_summed_over_the_sessions_commits(
    repo: ScratchRepo, cli: Cli
) -> None:
    """ "+12/-3 lines across two commits": the window's sum, not one commit's pair."""
    repo.commit("start", {"a.py": _lines(10)})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("one", {"a.py": _lines(7) + "x\n" * 5})  # +5/-3
    repo.commit("two", {"a.py": _lines(7) + "x\n" * 12})  # +7
    doc = HEAD + "- `a.py` (+12/-3 lines across both commits)\n- `a.py` (+13/-3 lines)\n"
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "lines") == [(7, "verified"), (8, "refuted")]


def test_a_file_count_leaves_the_harness_notes_folder_out(repo: ScratchRepo, cli: Cli) -> None:
    """A summary kept in .planning/ counts the work's files, not the harness's STATE.md."""
    start = {"a.py": "1\n", "b.py": "1\n", "README.md": "r\n", ".planning/STATE.md": "s\n"}
    repo.commit("start", start)
    repo.commit("plan 1", {".planning/phases/01/01-01-SUMMARY.md": HEAD})
    repo.commit("work", {"a.py": "2\n", "b.py": "2\n"})
    repo.commit("docs", {"README.md": "r2\n"})
    repo.commit("tracking", {".planning/STATE.md": "s2\n", ".planning/ROADMAP.md": "r\n"})
    doc = HEAD + "- **Files modified:** 3\n- **Files modified:** 6\n"
    repo.commit("plan 2", {".planning/phases/01/01-02-SUMMARY.md": doc})
    run = cli("check", "--format", "json", ".planning/phases/01/01-02-SUMMARY.md", cwd=repo.path)
    assert _line_verdicts(run, "file_count") == [(7, "verified"), (8, "refuted")]


def test_a_count_of_commits_over_a_numbered_list_of_them(repo: ScratchRepo, cli: Cli) -> None:
    """ "**Commits (3):**" over "1. `abc1234` - ..." items: the items are its witness."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    shas = [repo.commit(name, {f"{name}.py": "1\n"}) for name in ("one", "two", "three", "four")]
    listed = "".join(f"{i}. `{sha[:7]}` - work\n" for i, sha in enumerate(shas[:3], 1))
    doc = HEAD + "**Commits (3):**\n" + listed + "\n**Commits (2):**\n" + listed
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "counts") == [(7, "verified"), (12, "refuted")]


def test_a_count_that_leads_into_a_list(repo: ScratchRepo, cli: Cli) -> None:
    """ "Phase 5 done, 3 tasks:" right over a list counts its items."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("one", {"a.py": "1\n"})
    tasks = "1. **Config:** cache\n2. **Limits:** filter\n3. **Docs:** guide\n"
    doc = HEAD + "Phase 5 done, 3 tasks:\n\n" + tasks + "\nThen 4 tasks:\n\n" + tasks
    doc += "\nA check of all 5 tasks:\n\n- scripts\n- reading\n"  # the list tells of the check
    doc += "\nPhase 4 tasks:\n\n- one\n- two\n"  # a name, not a count
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "counts") == [(7, "verified"), (13, "refuted")]


def test_a_file_named_in_bold_with_the_colon_inside(repo: ScratchRepo, cli: Cli) -> None:
    """ "- **parser_test.go:** 3 tests": the colon inside the bold closes the file's name; the
    count after it is the file's."""
    tests = "".join(f"func Test{n}(t *testing.T) {{}}\n" for n in ("A", "B", "C", "D"))
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"parser_test.go": "package p\n" + tests, "a.go": "x\n" * 12})
    doc = HEAD + "## Tests\n\n- **parser_test.go:** 3 tests\n- **a.go:** 12 lines\n"
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "test_count") == [(9, "refuted")]
    assert _line_verdicts(run, "lines") == [(10, "verified")]


def test_a_listed_file_whose_note_says_what_it_does(repo: ScratchRepo, cli: Cli) -> None:
    """ "- `scripts/ci_local.sh` - Local CI run", "- **DeleteButton.jsx** - Delete button": the
    note tells what the file does, not that it is gone; a file in no commit is refuted. A note
    that it was removed or is not committed leaves it alone."""
    repo.commit("base", {"scripts/run.sh": "r\n", "src/App.jsx": "a\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"scripts/run.sh": "r\ns\n"})
    doc = HEAD + (
        "### Scripts\n\n"
        "1. `scripts/ci_local.sh` - Local CI simulation\n"
        "2. `scripts/run.sh` - Delete old runs\n"
        "3. `scripts/old.sh` - removed\n"
        "4. `scripts/mine.sh` - not committed\n"
        "5. `scripts/own.sh` liegt via global gitignore ausserhalb\n\n"
        "### Frontend\n\n"
        "- **src/DeleteButton.jsx** - Delete button\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file") == [
        (9, "refuted"),
        (10, "verified"),
        (11, "refuted"),
        (17, "refuted"),
    ]


def test_a_heading_that_is_a_file_claims_it_is_there(repo: ScratchRepo, cli: Cli) -> None:
    """ "### `src/Runner.cpp`" over what the file does: the file is there. A heading about a
    file going away does not claim so."""
    repo.commit("base", {"src/Chain.cpp": "c\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/Chain.cpp": "c\nd\n"})
    doc = HEAD + (
        "## Test suite\n\n"
        "### `src/Chain.cpp`\n\nText.\n\n"
        "### `src/Runner.cpp`\n\nText.\n\n"
        "## Legacy code\n\n### `src/Gone.cpp`\n\nText.\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file") == [(9, "verified"), (13, "refuted")]


def test_a_relative_link_to_a_file_in_no_commit(repo: ScratchRepo, cli: Cli) -> None:
    """ "- [Report](reports/phase1.md)" in a list of related documents: a relative link points
    into this repository, so a target in no commit is refuted even where its folder holds
    nothing; a folder the repository ignores is not judged."""
    repo.commit("base", {"docs/guide.md": "g\n", ".gitignore": "out/\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/a.py": "x\n"})
    doc = HEAD + (
        "### Related docs\n\n"
        "- [Guide](docs/guide.md)\n"
        "- [Report](reports/phase1.md)\n"
        "- [Build log](out/build.md)\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file") == [(9, "verified"), (10, "refuted"), (11, "unverifiable")]


def test_the_size_of_a_file_a_plan_names_is_a_fact_of_now(repo: ScratchRepo, cli: Cli) -> None:
    """ "1. `OldTest.java` (200 lines)" in a list of remaining work: the file is there, and its
    size is a fact about the present. A goal ("~300 lines", "split to 100 lines", a file still
    to be created) is not checked."""
    repo.commit("base", {"OldTest.java": _lines(44), "Big.java": _lines(120)})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/a.py": "x\n"})
    doc = HEAD + (
        "- Migrated `src/a.py`\n\n"
        "## Remaining Work\n\n"
        "1. `OldTest.java` (200 lines)\n"
        "2. `Big.java` (120 lines)\n"
        "3. `Big.java` (~300 lines)\n"
        "4. Split `Big.java` (60 lines) into two\n"
        "5. Create `src/New.java` (80 lines)\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "lines") == [(11, "refuted"), (12, "verified")]
    assert "has 44 lines in git, not 200" in run.out or "44" in run.out


def test_a_commit_count_over_subsections_that_cite_them(repo: ScratchRepo, cli: Cli) -> None:
    """ "## Done (3 commits)" over "### Tasks" and "### Fixes" citing three commits between
    them: the heading counts the commits its sections cite."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    shas = [repo.commit(f"work {n}", {f"f{n}.py": "x\n"}) for n in range(6)]
    body = (
        "### Tasks\n\n1. **First** ({})\n2. **Second** ({})\n\n"
        "### Fixes\n\n3. **Third** ({})\n\n## Other\n\nSee {}.\n"
    ).format(*shas)
    good = _second(repo, cli, HEAD + "## Done (3 commits)\n\n" + body)
    assert [c["verdict"] for c in claims_of(good) if c["kind"] == "counts"] == ["verified"]
    shas = [repo.commit(f"more work {n}", {f"g{n}.py": "x\n"}) for n in range(6)]
    body = (
        "### Tasks\n\n1. **First** ({})\n2. **Second** ({})\n\n"
        "### Fixes\n\n3. **Third** ({})\n\n## Other\n\nSee {}.\n"
    ).format(*shas)  # commits of its own window: where the window starts is known
    repo.commit("handoff 3", {"SESSION_3_HANDOFF.md": HEAD + "## Done (4 commits)\n\n" + body})
    bad = cli("check", "--format", "json", "SESSION_3_HANDOFF.md", cwd=repo.path)
    assert [c["verdict"] for c in claims_of(bad) if c["kind"] == "counts"] == ["refuted"]


def test_a_heading_naming_a_file_and_its_updates(repo: ScratchRepo, cli: Cli) -> None:
    """ "#### notes.md Updates" under "### Documentation Created": the heading's own word says
    the file was modified, whatever the section above says."""
    repo.commit("base", {"memory/notes.md": "n\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"memory/notes.md": "n\nm\n", "docs/new.md": "x\n"})
    doc = HEAD + (
        "### Documentation Created\n\n- `docs/new.md`\n\n#### `memory/notes.md` Updates\n\nText.\n\n"
        "- README updates\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file") == [(9, "verified"), (11, "verified")]


def test_a_bare_name_starting_a_phrase_is_a_word(repo: ScratchRepo, cli: Cli) -> None:
    """ "- README update guidelines": a bare extension-less name that starts a phrase of
    lower-case words is a word of it; "- README updated with ..." tells of the file."""
    repo.commit("base", {"README": "r\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"README": "r\ns\n"})
    doc = (
        HEAD
        + "### Documentation Updated\n\n- README update guidelines\n- README updated with usage\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file") == [(10, "verified")]


def test_a_label_that_lists_only_files(repo: ScratchRepo, cli: Cli) -> None:
    """ "- Engine: Engine.kt, Recognizer.kt" in done work: a label, then nothing but files; each
    is there. A list with a word that is not a file ("Node.js, React") names no file."""
    repo.commit("base", {"src/Engine.kt": "e\n", "src/Pointers.kt": "p\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/Engine.kt": "e\nf\n"})
    doc = HEAD + (
        "### Kotlin Migration\n\n"
        "- Engine: Engine.kt, Recognizer.kt\n"
        "- Gestures: Pointers.kt, Engine.kt\n"
        "- Stack: Node.js, React\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file") == [
        (9, "verified"),
        (9, "refuted"),
        (10, "verified"),
        (10, "verified"),
    ]


def test_a_file_said_to_be_untracked(repo: ScratchRepo, cli: Cli) -> None:
    """ "Tree clean except untracked `data.csv` and `.vscode/settings.json`": a file in the
    repository before and after the session is tracked (HL302); one git never held is not; one
    the session committed may have been untracked when the document was written."""
    repo.commit("base", {".vscode/settings.json": "{}\n", "src/a.py": "a\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/a.py": "a\nb\n", "notes.txt": "n\n"})
    doc = HEAD + (
        "- Tree clean except untracked `data.csv` and `.vscode/settings.json`.\n"
        "- `notes.txt` (untracked)\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "untracked") == [
        (7, "verified"),
        (7, "refuted"),
        (8, "unverifiable"),
    ]
    assert "HL302" in run.out


def test_a_table_total_of_file_sizes_is_their_sum_in_git(repo: ScratchRepo, cli: Cli) -> None:
    """ "| **Total** | **754** |" under rows giving each file's size: the rows add up, but the
    files hold other sizes in git, so the total is wrong too (HL305, with the fix)."""
    repo.commit("base", {"docs/a.md": _lines(30)})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"docs/a.md": _lines(34), "docs/b.md": _lines(20)})
    table = "| File | Lines | Purpose |\n|---|---|---|\n| `docs/a.md` | {} | a |\n| `docs/b.md` | 20 | b |\n| **Total** | **{}** | |\n"
    run = _second(repo, cli, HEAD + "## Docs\n\n" + table.format(31, 51))
    assert _line_verdicts(run, "lines_total") == [(13, "refuted")]
    assert "write 54" in run.out or "54" in run.out
    repo.commit("handoff 3", {"SESSION_3_HANDOFF.md": HEAD + "## Docs\n\n" + table.format(34, 54)})
    good = cli("check", "--format", "json", "SESSION_3_HANDOFF.md", cwd=repo.path)
    assert [c["verdict"] for c in claims_of(good) if c["kind"] == "lines_total"] == ["verified"]


def test_a_count_over_items_that_stand_for_several(repo: ScratchRepo, cli: Cli) -> None:
    """ "**Tests Added (6 test cases):**" over four items, one of them "for all options (a, b,
    c)": an item stands for several, so more than four is no lie; fewer than four still is."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/a.py": "x\n"})
    items = "- Creation\n- Dismissal\n- Callbacks for all options (a, b, c)\n- Trimming\n"
    run = _second(repo, cli, HEAD + "**Tests Added (6 test cases):**\n" + items)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "counts"] == ["unverifiable"]
    repo.commit(
        "handoff 3", {"SESSION_3_HANDOFF.md": HEAD + "**Tests Added (3 test cases):**\n" + items}
    )
    low = cli("check", "--format", "json", "SESSION_3_HANDOFF.md", cwd=repo.path)
    assert [c["verdict"] for c in claims_of(low) if c["kind"] == "counts"] == ["refuted"]


def test_a_conversion_arrow_from_a_bare_name(repo: ScratchRepo, cli: Cli) -> None:
    """ "1. `Echo.java` → `src/kotlin/Echo.kt`": the old file, named bare, was deleted and the
    new one created, so the file was converted (renamed) in the session."""
    repo.commit("base", {"src/java/Echo.java": "class Echo {}\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("convert", {"src/kotlin/Echo.kt": "class Echo\n"}, remove=["src/java/Echo.java"])
    doc = HEAD + "**Files Converted:**\n1. `Echo.java` → `src/kotlin/Echo.kt`\n"
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file") == [(8, "verified")]


def test_the_latest_commit_before_the_documentation_commits(repo: ScratchRepo, cli: Cli) -> None:
    """ "HEAD at the session's commit: `X`" when only "docs:" commits (the handoff written
    afterwards) follow it in the window: X is the latest of the work. A code commit after it
    makes the claim stale."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    work = repo.commit("feat: the work", {"src/a.py": "x\n"})
    repo.commit("docs: notes", {"docs/notes.md": "n\n"})
    repo.commit("docs(session): status", {"docs/status.md": "s\n"})
    run = _second(repo, cli, HEAD + f"**Latest commit:** `{work[:7]}`\n")
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "commit"] == ["verified"]
    repo.commit("fix: later code", {"src/a.py": "y\n"})
    repo.commit("docs: more", {"docs/more.md": "m\n"})
    repo.commit("handoff 3", {"SESSION_3_HANDOFF.md": HEAD + f"**Latest commit:** `{work[:7]}`\n"})
    stale = cli("check", "--format", "json", "SESSION_3_HANDOFF.md", cwd=repo.path)
    assert [c["rule"] for c in claims_of(stale) if c["kind"] == "commit"] == ["HL207"]


def test_a_file_count_over_several_sessions(repo: ScratchRepo, cli: Cli) -> None:
    """ "**Totals:** 6 sessions, ~37 files touched" sums a table of several sessions: not a
    count of this session's window."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/a.py": "x\n", "src/b.py": "y\n"})
    run = _second(
        repo, cli, HEAD + "**Totals:** 6 sessions, ~37 files touched.\n\n- 5 files changed\n"
    )
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "file_count"] == ["refuted"]


def test_an_action_label_then_a_count_of_files(repo: ScratchRepo, cli: Cli) -> None:
    """ "- **删除**: 5个文件", "- **Modified:** 1 file": the label's action, then the count."""
    repo.commit("base", {"a.py": "a\n", "b.py": "b\n", "c.py": "c\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"c.py": "c\nd\n"}, remove=["a.py", "b.py"])
    doc = HEAD + "- **删除**: 5个文件\n- **Modified:** 1 file\n- **Deleted**: 2 files\n"
    run = _second(repo, cli, doc)
    got = [(c["line"], c["verdict"]) for c in claims_of(run) if c["kind"] == "file_count"]
    assert got == [(7, "refuted"), (8, "verified"), (9, "verified")]


def test_a_file_named_bare_after_a_verb_or_a_done_mark(repo: ScratchRepo, cli: Cli) -> None:
    """ "- **ADDED**: SaveTest.kt with 3 behavioral tests", "- Updated README.md", "1. ✅
    `shot.png` - the welcome page": files named without a code span, or after a done mark."""
    tests = "".join(f"    @Test fun case{n}() {{}}\n" for n in range(2))
    repo.commit("base", {"README.md": "r\n", "docs/shots/home.png": "p\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit(
        "work", {"SaveTest.kt": "class SaveTest {\n" + tests + "}\n", "README.md": "r\ns\n"}
    )
    doc = HEAD + (
        "- **ADDED**: SaveTest.kt with 3 behavioral tests\n"
        "- Updated README.md\n"
        "- Added Node.js support\n\n"
        "#### Screenshots\n\n"
        "1. ✅ `docs/shots/home.png` - home page\n"
        "2. ✅ `docs/shots/welcome.png` - welcome page\n"
        "3. ✅ 添加测试脚本到package.json\n"  # a sentence run into the name: no file
        "\n### Docs\n\n"
        "- [Express.js](https://expressjs.com/) - a web page, not a file\n"
        "- `.gitignore`\n"
        "  - Added profiling.json legacy file\n"  # inside the file above: no file of its own
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file") == [
        (7, "verified"),
        (8, "verified"),
        (13, "verified"),
        (14, "refuted"),
    ]
    assert _line_verdicts(run, "test_count") == [(7, "refuted")]


def test_a_latest_commit_that_is_not_the_sessions_end(repo: ScratchRepo, cli: Cli) -> None:
    """An id quoted inside a listed commit's subject ("- abc1234 notes: latest commit
    def5678") and "latest commit at start: X" (the session's base) do not claim the end of
    the session; "**Latest commit:** X" for an older X still does (HL207)."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    first = repo.commit("feat: one", {"a.py": "1\n"})[:7]
    second = repo.commit(f"notes: latest commit {first}", {"b.py": "2\n"})[:7]
    repo.commit("feat: three", {"c.py": "3\n"})
    doc = HEAD + (
        f"- {second} notes: latest commit {first}\n"
        f"- Latest known commit at start: {first} (before the work)\n\n"
        f"**Latest commit:** {first}\n"
    )
    run = _second(repo, cli, doc)
    rules = [(c["line"], c["rule"]) for c in claims_of(run) if c["kind"] == "commit"]
    assert rules == [(7, None), (7, None), (8, None), (10, "HL207")]


def test_a_coverage_ratio_beside_a_cell_about_tests(repo: ScratchRepo, cli: Cli) -> None:
    """ "| model | 68% (638/928) | Repository tests |" under a Coverage column counts covered
    lines, not tests: no more tests than the repository defines is claimed. In prose, "638/928
    tests passing" is a count of tests (HL407)."""
    tests = "".join(f"def test_{n}():\n    pass\n\n" for n in range(3))
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"tests/test_a.py": tests})
    doc = HEAD + (
        "| Package | Coverage | Tests |\n|---|---|---|\n| model | 68% (638/928) | Repository tests |\n\n"
        "- 638/928 tests passing\n"
    )
    run = _second(repo, cli, doc)
    rules = [(c["line"], c["rule"]) for c in claims_of(run) if c["kind"] == "tests"]
    assert rules == [(9, None), (11, "HL407")]


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # a row of a part of the diff, which git does not count apart
        (
            "| Metric | Before | After | Change |\n|---|---|---|---|\n"
            "| Lines of Test Code | 1 | 2 | +{} lines |\n",
            200,
        ),
        # the size of one piece of the work in brackets after its description
        ("- DocumentStore: the range bucket and its method (+{} lines)\n", 72),
    ],
)
def test_lines_of_a_part_of_the_work(repo: ScratchRepo, cli: Cli, text: str, part: int) -> None:
    """ "| Lines of Test Code | ~800 | ~1,000 | +200 lines |", "- DocumentStore: ... (+72
    lines)": lines of a part of the diff, unverifiable; more than the whole diff is still
    refuted."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/a.py": _lines(300), "tests/test_a.py": _lines(150)})
    run = _second(repo, cli, HEAD + text.format(part))
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "stats"] == ["unverifiable"]
    repo.commit("handoff 3", {"SESSION_3_HANDOFF.md": HEAD + text.format(900)})
    more = cli("check", "--format", "json", "SESSION_3_HANDOFF.md", cwd=repo.path)
    assert [c["verdict"] for c in claims_of(more) if c["kind"] == "stats"] == ["refuted"]


def test_the_word_count_of_a_document(repo: ScratchRepo, cli: Cli) -> None:
    """ "`docs/GUIDE.md` (3,000+ words)": git's token count (markup included) is at least the
    words a person counts, so fewer tokens than claimed is refuted; more is not judged."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("docs", {"docs/GUIDE.md": "word " * 1200 + "\n", "docs/NOTES.md": "a b c\n"})
    doc = HEAD + (
        "- `docs/GUIDE.md` (3,000+ words)\n"
        "- `docs/GUIDE.md` (comprehensive 1,000+ word guide)\n"
        "- `docs/NOTES.md` (~100 words)\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "words") == [(7, "refuted"), (8, "verified"), (9, "refuted")]


def test_a_file_the_author_committed_right_after_the_document(repo: ScratchRepo, cli: Cli) -> None:
    """The document is committed a minute before the file it lists: the file claim is verified
    by that commit, and a claim on the file's content is judged on the file it adds, not
    refuted as "there is no file"."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD}, when="2025-11-13T09:00:00+00:00")
    repo.commit("work", {"src/a.py": "x\n"}, when="2025-11-13T10:00:00+00:00")
    doc = HEAD + "## Files Created\n\n- `GUIDE.md` (3,000+ words)\n"
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T11:00:00+00:00")
    repo.commit("guide", {"GUIDE.md": "a few words\n"}, when="2025-11-13T11:01:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    found = {c["kind"]: c for c in claims_of(run) if c["line"] == 9}
    assert found["file"]["verdict"] == "verified"
    assert found["words"]["verdict"] == "refuted"
    assert "3 whitespace-separated tokens" in found["words"]["reason"]
    assert "min after the document" in found["words"]["reason"]


def test_a_created_files_size_when_it_was_made(repo: ScratchRepo, cli: Cli) -> None:
    """ "**Created:**" then "- STATUS.md (40 lines)": the size the session's first commit of the
    file gave it, before a later commit grew it; which moment the document describes git cannot
    tell, so it is not refuted, nor the same count restated elsewhere (the same statement). A
    size in a table of documents is of the file as it is."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("status", {"STATUS.md": _lines(40)})
    repo.commit("update", {"STATUS.md": _lines(45)})
    doc = HEAD + (
        "**Created:**\n- STATUS.md (40 lines)\n\n**Other:**\n- STATUS.md (40 lines)\n\n"
        "| File | Lines |\n|---|---|\n| STATUS.md | 41 |\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "lines") == [
        (8, "unverifiable"),
        (11, "unverifiable"),
        (15, "refuted"),
    ]


def test_a_size_stated_after_the_path_inside_brackets(repo: ScratchRepo, cli: Cli) -> None:
    """ "1. ✅ Secure storage (lib/secure.dart, 206 lines)": the size follows the path inside
    the bracket the path opens."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"lib/secure.dart": _lines(205), "lib/pin.dart": _lines(90)})
    doc = HEAD + (
        "1. ✅ Secure storage (lib/secure.dart, 206 lines)\n"
        "2. ✅ Pinning (`lib/pin.dart`, 90 lines)\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "lines") == [(7, "refuted"), (8, "verified")]


def test_an_action_word_inside_the_bracket_after_a_path(repo: ScratchRepo, cli: Cli) -> None:
    """Under "## Documentation Created", "5. **README.md** (600+ lines rewrite)" says the file
    was rewritten, not created; "(implements the new methods)" is a note, not an action."""
    repo.commit("base", {"README.md": _lines(10), "src/repo.py": "x\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"README.md": _lines(620), "src/repo.py": "y\n"})
    doc = HEAD + (
        "## Documentation Created\n\n1. **README.md** (600+ lines rewrite)\n\n"
        "## Files Modified\n\n- `src/repo.py` (implements the new methods)\n"
    )
    run = _second(repo, cli, doc)
    assert [(c["text"], c["verdict"]) for c in claims_of(run) if c["kind"] == "file"] == [
        ("README.md", "verified"),
        ("src/repo.py", "verified"),
    ]


def test_a_file_named_in_a_folder_that_lacks_it(repo: ScratchRepo, cli: Cli) -> None:
    """ "- docs/REPORT.md" where docs/ holds other files and REPORT.md only ever lived at the
    root: no file is at the place the document names (HL301). A path whose folder the
    repository does not have may be written from elsewhere: not judged."""
    repo.commit("base", {"REPORT.md": "x\n", "docs/GUIDE.md": "g\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/a.py": "x\n"})
    doc = HEAD + "## Resources\n\n- docs/REPORT.md (the report)\n- notes/REPORT.md (the report)\n"
    run = _second(repo, cli, doc)
    assert [(c["text"], c["verdict"]) for c in claims_of(run) if c["kind"] == "file"] == [
        ("docs/REPORT.md", "refuted"),
        ("notes/REPORT.md", "unverifiable"),
    ]


def test_files_of_a_language_in_a_folder(repo: ScratchRepo, cli: Cli) -> None:
    """ "95 Dart files in lib/" is the tree's count of .dart files under lib/; without a folder
    only more than the repository holds is refuted; "160+ test files" more than every file
    with test in its path; a line about the session's work ("Converted 3 Kotlin files")
    counts what it did, not the tree."""
    files = {f"lib/m{n}.dart": "x\n" for n in range(4)} | {"test/a_test.dart": "t\n"}
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", files)
    doc = HEAD + (
        "- ✅ 3 Dart files in lib/\n- ✅ 4 Dart files in `lib`\n- **Dart files**: 9 files in lib/\n"
        "- 2 Dart files\n- 9 Dart files\n- 160+ test files\n- Converted 30 Kotlin files\n"
        "- **Before cleanup**: 50+ markdown files\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "typed_files") == [
        (7, "refuted"),
        (8, "verified"),
        (9, "refuted"),
        (10, "unverifiable"),
        (11, "refuted"),
        (12, "refuted"),
    ]


def test_a_percent_of_the_total_its_list_gives(repo: ScratchRepo, cli: Cli) -> None:
    """ "- Total: 398 tests" then "- Passing: 342 (86.9%)": 342 of 398 is 85.9%. A percent in a
    list without one total ("- Coverage: 21.3%") has nothing to be checked against."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/a.py": "x\n"})
    doc = HEAD + (
        "**Tests:**\n- Total: 398 tests\n- Passing: 342 ({})\n- Failing: 56 (emulator)\n\n"
        "**Other:**\n- Passing: 10 (50%)\n"
    )
    run = _second(repo, cli, doc.format("86.9%"))
    assert _line_verdicts(run, "tests") == [(9, "refuted")]
    repo.commit("handoff 3", {"SESSION_3_HANDOFF.md": doc.format("85.9%")})
    right = cli("check", "--format", "json", "SESSION_3_HANDOFF.md", cwd=repo.path)
    assert _line_verdicts(right, "tests") == [(9, "unverifiable")]


def test_a_label_naming_the_kind_of_document(repo: ScratchRepo, cli: Cli) -> None:
    """ "- Plan: `docs/plans/x.md`" names the plan document, not work to come: it must be there.
    "- Planned: `src/b.py`" is work to come."""
    repo.commit("base", {"docs/plans/old.md": "p\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"docs/specs/x.md": "s\n"})
    doc = HEAD + (
        "- Spec: `docs/specs/x.md`\n- Plan: `docs/plans/x.md`\n- Planned: `docs/plans/y.md`\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file") == [(7, "verified"), (8, "refuted")]


def test_passing_tests_of_a_file_that_is_nowhere(repo: ScratchRepo, cli: Cli) -> None:
    """ "`src/lib/a.test.ts` has 5 passing tests" claims the file and its tests: no commit of
    any ref has it (the session's work was never pushed)."""
    repo.commit("base", {"src/lib/b.ts": "b\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/lib/c.ts": "c\n"})
    run = _second(repo, cli, HEAD + "- Vitest added; `src/lib/a.test.ts` has 5 passing tests\n")
    assert _line_verdicts(run, "test_count") == [(7, "refuted")]


def test_a_first_handoffs_created_file_older_than_its_first_cited_commit(
    repo: ScratchRepo, cli: Cli
) -> None:
    """A repository's first handoff cites two commits; its window starts at the older one. A
    file the window changed, made a commit before that, may be the session's work too: "created"
    is not refuted. A file the window never touched still is."""
    repo.commit("setup", {"README.md": "r\n"})
    repo.commit("workflow", {".github/workflows/docs.yaml": "a\n"})
    first = repo.commit("feature", {"src/a.py": "a\n", ".github/workflows/docs.yaml": "b\n"})
    second = repo.commit("more", {"src/b.py": "b\n"})
    doc = HEAD + (
        f"## Commits\n\n- {first[:7]} feature\n- {second[:7]} more\n\n"
        "## Files Created\n\n- `.github/workflows/docs.yaml`\n- `README.md`\n"
    )
    repo.commit("archive", {"ARCHIVE.md": doc})
    run = cli("check", "--format", "json", "ARCHIVE.md", cwd=repo.path)
    assert _line_verdicts(run, "file") == [(14, "unverifiable"), (15, "refuted")]


def test_a_call_and_a_count_of_fewer_lines_are_not_file_sizes(repo: ScratchRepo, cli: Cli) -> None:
    """ "- Added `.nullable()` to the fields" names a call, not a file; "**Schema.swift**: 90%
    lines (-9 lines, biggest gap)" counts lines fewer (uncovered), never the file's size."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"Sources/Schema.swift": _lines(138)})
    doc = HEAD + (
        "## Changes\n\n- Added `.nullable()` to all parent ID fields\n\n"
        "**Coverage:**\n1. **Sources/Schema.swift**: 90.53% lines (-9 lines, biggest gap)\n"
    )
    run = _second(repo, cli, doc)
    assert [c["text"] for c in claims_of(run) if c["kind"] == "file"] == ["Sources/Schema.swift"]
    assert _line_verdicts(run, "lines") == [(12, "unverifiable")]


def test_a_goal_percent_beside_a_ratio(repo: ScratchRepo, cli: Cli) -> None:
    """ "**Progress**: 68% → 90% goal (61/90)": 90% is the goal, not 61/90; "50% (61/90)" is
    still checked."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/a.py": "x\n"})
    doc = HEAD + (
        "- **Progress**: 68% → 90%目标 (61/90) tests passing\n"
        "- **Progress**: 90% goal (61/90) tests passing\n"
        "- **Progress**: 50% (61/90) tests passing\n"
    )
    run = _second(repo, cli, doc)
    rules = [(c["line"], c["rule"]) for c in claims_of(run) if c["kind"] == "tests"]
    assert rules == [(7, None), (8, None), (9, "HL401")]


def test_notes_that_say_a_file_was_left_as_it_was(repo: ScratchRepo, cli: Cli) -> None:
    """ "- `src/a.js` - VERIFIED (not modified)" under Files Modified: the file is there; the
    session did not claim to change it. "- `git diff package.json` — no new dependencies" is a
    command, not a file."""
    repo.commit("base", {"src/a.js": "a\n", "package.json": "{}\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/b.js": "b\n"})
    doc = HEAD + (
        "## Files Modified\n\n- `src/a.js` - VERIFICADO (no modificado): 3 opciones\n"
        "- `src/a.js` - verified (unchanged)\n- `git diff package.json` — sin dependencias\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file") == [(9, "verified"), (10, "verified")]


def test_a_step_label_in_brackets_after_a_commit_is_no_subject(repo: ScratchRepo, cli: Cli) -> None:
    """ "- `abc1234` (Task 1) ✓" says which task the commit was; "(fix the parser)" is a
    subject and must match."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    first = repo.commit("feat: render the summary", {"src/a.js": "a\n"})
    doc = HEAD + f"## Commits\n\n- `{first[:7]}` (Task 1) ✓\n- `{first[:7]}` (fix the parser)\n"
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "commit") == [(9, "verified"), (10, "refuted")]


def test_lines_added_to_a_part_of_the_work_under_a_label(repo: ScratchRepo, cli: Cli) -> None:
    """ "- **Documentation Lines Added**: ~2,000 lines": lines of a part of the diff, which git
    does not count apart: unverifiable unless more than the whole diff."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"docs/a.md": _lines(300), "src/a.py": _lines(100)})
    run = _second(repo, cli, HEAD + "- **Documentation Lines Added**: ~200 lines\n")
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "stats"] == ["unverifiable"]


def test_commits_counted_by_their_conventional_type(repo: ScratchRepo, cli: Cli) -> None:
    """ "- **Features (feat:)**: 2 commits" and "fix:  3 commits" in a pasted block: the window's
    commits whose subject starts with that type; the document's own "docs:" commit may be left
    out of a count of docs commits."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("feat: parser", {"src/a.py": "a\n"})
    repo.commit("feat(api): routes", {"src/b.py": "b\n"})
    repo.commit("fix: crash", {"src/a.py": "a2\n"})
    doc = HEAD + (
        "- **Features (feat:)**: 2 commits\n- **Fixes (fix:)**: 2 commits\n"
        "- **Docs (docs:)**: 0 commits\n\n```\nfeat:   3 commits (60%)\n```\n"
    )
    repo.commit("docs: session 2 handoff", {"SESSION_2_HANDOFF.md": doc})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert _line_verdicts(run, "commit_types") == [
        (7, "verified"),
        (8, "refuted"),
        (9, "verified"),
        (12, "refuted"),
    ]


def test_the_final_commit_before_the_merge_of_its_branch(repo: ScratchRepo, cli: Cli) -> None:
    """ "| Final Commit | X |" where only the merge that brought X's branch in (whatever its
    subject) and the document's own commit follow X: X is the work's last commit. Another
    commit of work after X still refutes it (HL207)."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.git("checkout", "-q", "-b", "feature")
    first = repo.commit("feat: parser", {"src/a.py": "a\n"})
    last = repo.commit("fix: parser edge", {"src/a.py": "b\n"})
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "feat: Phase 1 (#1)", "feature")
    doc = HEAD + "| Field | Value |\n|---|---|\n| Final Commit | {} |\n"
    repo.commit("chore: archive phase 1", {"ARCHIVE_1.md": doc.format(last[:7])})
    run = cli("check", "--format", "json", "ARCHIVE_1.md", cwd=repo.path)
    assert [c["rule"] for c in claims_of(run) if c["kind"] == "commit"] == [None]
    repo.commit("chore: archive again", {"ARCHIVE_2.md": doc.format(first[:7])})
    other = cli("check", "--format", "json", "ARCHIVE_2.md", cwd=repo.path)
    assert [c["rule"] for c in claims_of(other) if c["kind"] == "commit"] == ["HL207"]


def test_a_diff_stat_in_words(repo: ScratchRepo, cli: Cli) -> None:
    """ "- **Total Changes**: 2 files modified, 7 lines added" is a diff stat (of the window or
    one of its commits), not a count of modified files alone."""
    repo.commit("base", {"a.py": "a\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"a.py": "a\n" + _lines(4), "b.py": _lines(3)})
    run = _second(repo, cli, HEAD + "- **Total Changes**: 2 files modified, 7 lines added\n")
    kinds = [(c["kind"], c["verdict"]) for c in claims_of(run) if c["line"] == 7]
    assert kinds == [("stats", "verified")]


def test_a_created_file_the_documents_own_commit_removed(repo: ScratchRepo, cli: Cli) -> None:
    """The report lists `ci.yml` as created; the commit that adds the report also disables it
    (renamed away): the report was written before, so the file was created. Removed by an
    earlier commit of the window, it is refuted (HL303)."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("ci", {".github/workflows/ci.yml": "on: push\n", "old.yml": "x\n"})
    repo.commit("drop", remove=["old.yml"])
    repo.git("mv", ".github/workflows/ci.yml", ".github/workflows/ci.yml.disabled")
    doc = HEAD + "## Files Created\n\n- `.github/workflows/ci.yml`\n- `old.yml`\n"
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file") == [(9, "verified"), (10, "refuted")]


def test_a_nested_item_that_gives_its_parents_file_size(repo: ScratchRepo, cli: Cli) -> None:
    """ "- ✅ **Load tests** (`tests/load.rs`)" over "  - 800+ lines of scenario testing": the
    nested item sizes the one file its parent names. A nested item with its own file, or
    lines added, is not read so."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"tests/load.rs": _lines(676), "tests/ok.rs": _lines(510)})
    doc = HEAD + (
        "- ✅ **Load tests** (`tests/load.rs`)\n  - 800+ lines of scenario testing\n"
        "  - +40 lines added later\n"
        "- ✅ **Consistency** (`tests/ok.rs`)\n  - 500+ lines of validation\n"
    )
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "lines") == [(8, "refuted"), (11, "verified")]


def test_lines_the_new_shapes_leave_alone(repo: ScratchRepo, cli: Cli) -> None:
    """Ordinary lines near the new shapes raise nothing: "Fix 3 commits" is prose; a list whose
    total is of hours; a coverage share under a test total; test files inside `__tests__/`;
    a deleted file whose note says behaviour is unchanged keeps its action; the header row of a
    table of fields is no field."""
    repo.commit("base", {"src/legacy.py": "x\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("feat: work", {"web/__tests__/a.test.ts": "t\n", "web/__tests__/b.test.ts": "t\n"})
    doc = HEAD + (
        "- Fix 3 commits that broke CI were squashed\n\n"
        "**Time:**\n- Total: 40 hours\n- Spent: 10 (30%)\n\n"
        "**Tests:**\n- Total: 398 tests\n- Statements covered: 1200 (78%)\n\n"
        "- ✅ 2 test files in `__tests__/`\n\n"
        "| Field | Details |\n|---|---|\n| Branch | main |\n"
    )
    run = _second(repo, cli, doc)
    found = {(c["kind"], c["verdict"]) for c in claims_of(run)}
    assert not [c for c in claims_of(run) if c["verdict"] == "refuted"], found
    assert ("typed_files", "verified") in found
    assert [c["text"] for c in claims_of(run) if c["kind"] == "branch"] == ["main"]
    repo.commit("drop", remove=["src/legacy.py"])
    gone = HEAD + "## Files Deleted\n\n- `src/legacy.py` - deleted; public behaviour unchanged\n"
    repo.commit("handoff 3", {"SESSION_3_HANDOFF.md": gone})
    third = cli("check", "--format", "json", "SESSION_3_HANDOFF.md", cwd=repo.path)
    assert [c["reason"] for c in claims_of(third) if c["kind"] == "file"] == [
        "src/legacy.py was deleted in the session window"
    ]


def test_a_file_in_a_folder_that_is_nowhere_is_not_excused_by_namesakes(
    repo: ScratchRepo, cli: Cli
) -> None:
    """Each task folder has its own prd.md: a prd.md in a task folder that never existed is
    nowhere, not "written differently"; one namesake alone may still be the file meant."""
    repo.commit(
        "tasks",
        {
            ".tasks/01-auth/prd.md": "a\n",
            ".tasks/02-billing/prd.md": "b\n",
            "guide/notes.md": "n\n",
        },
    )
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"app.py": "1\n"})
    doc = HEAD + (
        "## 任务产物\n\n"
        "- `.tasks/03-export/prd.md`\n"
        "- `.tasks/01-auth/prd.md`\n"
        "- `docs/extra/notes.md`\n"
    )
    run = _second(repo, cli, doc)
    got = {c["text"]: c["verdict"] for c in claims_of(run) if c["kind"] == "file"}
    assert got == {
        ".tasks/03-export/prd.md": "refuted",
        ".tasks/01-auth/prd.md": "verified",
        "docs/extra/notes.md": "unverifiable",
    }


def test_a_gsd_summarys_key_files_and_the_count_that_restates_them(
    repo: ScratchRepo, cli: Cli
) -> None:
    """GSD front matter "key-files: {created: [...], modified: [...]}" claims each file with
    its action; "**Files modified:** 3" over it counts that list (created and modified)."""
    repo.commit("base", {"b.py": "1\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"a.py": "1\n", "b.py": "2\n"})
    front = (
        "---\nphase: 02\nkey-files:\n  created:\n    - a.py\n    - gone.py\n  modified:\n"
        "    - b.py\nduration: 5min\n---\n"
    )
    run = _second(repo, cli, front + HEAD + "- **Files modified:** 3\n")
    got = {(c["kind"], c["text"], c["line"]): c["verdict"] for c in claims_of(run)}
    assert got[("file", "a.py", 5)] == "verified"
    assert got[("file", "gone.py", 6)] == "refuted"
    assert got[("file", "b.py", 8)] == "verified"
    assert got[("file_count", "3", 17)] == "verified"


def test_a_total_count_of_files_is_the_sessions_not_one_commits(
    repo: ScratchRepo, cli: Cli
) -> None:
    """ "**Total Files Created**: 2" counts the whole session: one of its commits creating two
    does not make it true; without "total" a count may be one commit's."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("one", {"a.py": "1\n", "b.py": "1\n"})
    repo.commit("two", {"c.py": "1\n"})
    doc = HEAD + "- **Total Files Created**: 2\n- **Files Created**: 2\n"
    run = _second(repo, cli, doc)
    got = [(c["text"], c["verdict"]) for c in claims_of(run) if c["kind"] == "file_count"]
    assert got == [("2", "refuted"), ("2", "verified")]


def test_a_files_size_in_bytes(repo: ScratchRepo, cli: Cli) -> None:
    """ "(4.1 KB)" as ls -lh writes it (4,099 bytes rounds up to 4.1K), "(11K)" for 10,265
    bytes, "~9 KB" within 10%; "(7.4K)" for 8,379 bytes is refuted; a binary file has no size
    here."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    files = {"a.txt": "x" * 4099, "b.txt": "y" * 10265, "c.txt": "z" * 9153, "d.txt": "w" * 8379}
    repo.commit("work", files)
    doc = HEAD + (
        "- `a.txt` (4.1 KB)\n- `b.txt` (11K)\n- `c.txt` (~9 KB)\n- `d.txt` (7.4K)\n"
        "- `d.txt` (8.2 KB)\n"
    )
    run = _second(repo, cli, doc)
    got = [(c["text"], c["verdict"]) for c in claims_of(run) if c["kind"] == "size"]
    assert got == [
        ("4.1 KB", "verified"),
        ("11K", "verified"),
        ("9 KB", "verified"),
        ("7.4K", "refuted"),
        ("8.2 KB", "verified"),
    ]
    assert [c["fix"] for c in claims_of(run) if c["verdict"] == "refuted"] == ["write 8.2K"]


def test_a_last_updated_label_dates_the_session(repo: ScratchRepo, cli: Cli) -> None:
    """ "*Last updated: ...*" at the end of a living handoff (or "最后更新：") is the day it was
    written: the session's; a date a year off is refuted."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/a.py": "a\n"})
    doc = "# Handoff\n\n## Summary\n\n- work\n\n*Last updated: 2024-11-13*\n\n*最后更新：2025-11-13*\n"
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "date") == [(7, "refuted"), (9, "verified")]


def test_a_last_updated_date_inside_the_session_span_holds(repo: ScratchRepo, cli: Cli) -> None:
    """A living document "Last Updated" on a day between its session's first and last commits
    was written then; a day outside the span is refuted."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD}, when="2025-11-01T10:00:00+00:00")
    repo.commit("work", {"src/a.py": "a\n"}, when="2025-11-05T10:00:00+00:00")
    repo.commit("more", {"src/b.py": "b\n"}, when="2025-11-10T10:00:00+00:00")
    doc = "# Handoff\n\n## Summary\n\n- work\n\n**Last Updated**: 2025-11-07\n"
    assert _line_verdicts(_second(repo, cli, doc), "date") == [(7, "verified")]


def test_a_step_label_and_a_size_around_a_paraphrase(repo: ScratchRepo, cli: Cli) -> None:
    """ "- **abc1234** - Phase 2: Monitoring stack (+1,300 lines)": the step label and the size
    around the paraphrase are no part of the subject."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    sha = repo.commit("Session 18 Phase 2: advanced monitoring", {"src/a.py": "a\n"})
    doc = HEAD + f"- **{sha[:7]}** - Phase 2: Monitoring stack (+1,300 lines)\n"
    assert _line_verdicts(_second(repo, cli, doc), "commit") == [(7, "verified")]


def test_stories_summed_up_by_what_they_built(repo: ScratchRepo, cli: Cli) -> None:
    """ "### FW-051: Role assignment (10 user stories)" over six bullets of what they built: a
    summary, not a list of the stories (unverifiable); "(3 fixes)" over two items is refuted."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"a.py": "1\n"})
    built = "".join(f"- part {n} of the feature\n" for n in range(6))
    doc = HEAD + "### FW-051: Role assignment (10 user stories)\n\n" + built
    doc += "\n### Lint fixes (3 fixes)\n\n- unused import\n- long line\n"
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "counts") == [(7, "unverifiable"), (16, "refuted")]


def test_an_issue_title_beside_the_commit_that_fixed_it(repo: ScratchRepo, cli: Cli) -> None:
    """ "| Issue | Title | Commit | Notes |": the Title column holds the issues' titles, not the
    commits' subjects; under "| Commit | Title |" it is the subject."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    sha = repo.commit("payments: doc and cosmetic sweep", {"a.py": "1\n"})
    doc = HEAD + "| Issue | Title | Commit | Notes |\n|---|---|---|---|\n"
    doc += f'| #250 | "unreachable" guards | Commit 1 (`{sha[:7]}`) | removed |\n\n'
    doc += f"| Commit | Title |\n|---|---|\n| `{sha[:7]}` | Add the login page |\n"
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "commit") == [(9, "verified"), (13, "refuted")]


def test_files_to_load_next_session_must_exist(repo: ScratchRepo, cli: Cli) -> None:
    """ "## Files to Load Next Session": files to read are there now, whatever the next
    session does; one that never existed is refuted."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"src/core/server.ts": "x\n", "src/types/index.ts": "y\n"})
    doc = HEAD + "## Files to Load Next Session\n\n- `src/core/server.ts` - endpoints\n"
    doc += "- `src/types/plugin.ts` - plugin types\n"
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "file") == [(9, "verified"), (10, "refuted")]


def test_a_runner_line_naming_the_test_file_with_its_extension(repo: ScratchRepo, cli: Cli) -> None:
    """ "- test_voting.gd: 5/5" names the file (GDScript, GUT): its tests are counted there."""
    tests = "extends GutTest\n" + "".join(f"func test_{n}():\n\tpass\n" for n in "abcd")
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"tests/unit/test_voting.gd": tests, "tests/unit/test_roles.gd": tests})
    doc = HEAD + "- **Tests**: all passing\n  - test_voting.gd: 5/5\n  - test_roles.gd: 4/4\n"
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "test_count") == [(8, "refuted"), (9, "verified")]


def test_tree_branches_take_the_unit_of_their_root(repo: ScratchRepo, cli: Cli) -> None:
    """A drawn tree whose root counts lines ("Calendar: 30 líneas") gives its branches' bare
    counts that unit ("├─ views.py: 21" is 21 lines of views.py)."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"core/views.py": "v\n" * 20, "core/cal.html": "h\n" * 10})
    block = "```\nCalendar: 30 líneas\n├─ views.py: 21\n└─ cal.html: 10\n```\n"
    run = _second(repo, cli, HEAD + "### Código agregado\n\n" + block)
    assert _line_verdicts(run, "lines") == [(10, "unverifiable"), (11, "refuted"), (12, "verified")]


def test_a_device_serial_in_backticks_is_no_commit(repo: ScratchRepo, cli: Cli) -> None:
    """ "- Android: `76aadc20`, Redmi Note 9": an adb serial; "- iPhone UDID: `..`" too."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"a.py": "1\n"})
    doc = HEAD + "- Android: `76aadc20`, Redmi Note 9 Pro\n- Device: `3fa91c2e` (test phone)\n"
    assert _line_verdicts(_second(repo, cli, doc), "commit") == []


def test_a_count_of_files_under_a_task_s_commit_label(repo: ScratchRepo, cli: Cli) -> None:
    """ "**Commit**: `abc1234`" then "**Files Changed**: 2 (session_status.go, session.go)" in a
    task's section counts that commit's files (a file named session.go is no "session")."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    sha = repo.commit("T02", {"vos/session_status.go": "a\n", "entities/session.go": "b\n"})
    repo.commit("T03", {"c.go": "c\n", "d.go": "d\n", "e.go": "e\n"})
    doc = HEAD + f"### T02 - Value objects\n\n**Commit**: `{sha[:7]}`\n"
    doc += "**Files Changed**: 2 (session_status.go, session.go)\n"
    assert _line_verdicts(_second(repo, cli, doc), "file_count") == [(10, "verified")]


def test_a_total_over_a_list_with_an_uncounted_file_is_not_judged(
    repo: ScratchRepo, cli: Cli
) -> None:
    """ "3. `docs/SUMMARY.md` - This file" in the list above a total: not every file listed has
    a count, so the total is not the sum of the counted ones."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    files = {"docs/GUIDE.md": "g\n" * 50, "src/a.java": "a\n" * 20, "src/b.java": "b\n" * 30}
    repo.commit("work", files)
    doc = HEAD + "### Documentation Files\n1. `docs/GUIDE.md` - 50 lines\n"
    doc += "2. `SESSION_2_HANDOFF.md` - This file\n3. `src/a.java` - 20 lines\n"
    doc += "4. `src/b.java` - 30 lines\n\n"
    doc += "**Total Documentation**: 500+ lines\n"
    assert _line_verdicts(_second(repo, cli, doc), "lines_total") == []


def test_a_pasted_log_line_whose_id_is_all_digits(repo: ScratchRepo, cli: Cli) -> None:
    """In pasted `git log --oneline` output an id may be digits only: it is checked (and one
    that reads as a date is not an id)."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    sha = repo.commit("feat: parser", {"a.py": "1\n"})
    log = f"```\n{sha[:8]} feat: parser\n23298581 feat: add the docs\n20251211 release notes\n```\n"
    run = _second(repo, cli, HEAD + "## Commits\n\n" + log)
    assert _line_verdicts(run, "commit") == [(10, "verified"), (11, "refuted")]


def test_a_date_of_the_cited_commits_outside_the_window(repo: ScratchRepo, cli: Cli) -> None:
    """A report committed weeks later into a history restarted without parents cites commits
    of its session that the window cannot hold: their dates date the report."""
    first = repo.commit("feat: parser", {"a.py": "1\n"}, when="2026-02-22T10:00:00+00:00")
    repo.git("checkout", "-q", "--orphan", "restart")
    doc = "# Handoff\n\n**Date:** 2026-02-22\n\n## Commits\n\n" + f"- `{first[:7]}` feat: parser\n"
    repo.commit("restart", {"HANDOFF.md": doc}, when="2026-03-06T10:00:00+00:00")
    run: Run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    assert _line_verdicts(run, "date") == [(3, "verified")]


def test_a_numbered_pasted_log(repo: ScratchRepo, cli: Cli) -> None:
    """ "1.  68c1c0aa ✅ Package restructuring" in a code block: pasted log lines, numbered; each
    id is a claim (one that resolves nowhere is refuted)."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    sha = repo.commit("refactor: package restructuring", {"a.py": "1\n"})
    block = f"```\n1.  {sha[:8]} ✅ Package restructuring\n2.  6d1e58ad ✅ Imports cleanup\n```\n"
    run = _second(repo, cli, HEAD + "## 2 commits\n\n" + block)
    assert _line_verdicts(run, "commit") == [(10, "verified"), (11, "refuted")]


def test_a_check_s_status_after_a_commit_is_no_subject(repo: ScratchRepo, cli: Cli) -> None:
    """GSD's self-check, "- b45bc5f: EXISTS": the status of the check, not the subject."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    sha = repo.commit("test(05-01): create three singular tests", {"a.sql": "1\n"})
    doc = HEAD + f"## Self-Check: PASSED\n\nAll commits verified:\n- {sha[:7]}: EXISTS\n"
    doc += f"- {sha[:7]}: Task 1 FOUND\n"  # the step it was, then the status
    assert _line_verdicts(_second(repo, cli, doc), "commit") == [(10, "verified"), (11, "verified")]


def test_commits_listed_in_prose_and_mapped_from_labels(repo: ScratchRepo, cli: Cli) -> None:
    """A paragraph whose lines start with an id and a separator is a log of commits
    ("7f94b9c | Task 18 | ..."); "M0.3 -> <sha> : subject" in a code block maps a label to a
    commit. Ids in no ref are refuted."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    sha = repo.commit("feat: liquidation feed", {"a.py": "1\n"})
    doc = HEAD + (
        f"{sha[:7]} | Task 18 | Added the liquidation feed | a.py\n"  # 7
        "22d3a05 | Task 19 | Added the cluster chart | b.py\n\n"  # 8
        "```\n"
        f"M0.3 -> {sha} : feat: liquidation feed\n"  # 11
        "M1.2 -> a4fe6be83552ce9913aa35b9ec7bd51b34016ce0 : docs: a snippet\n"  # 12
        "```\n"
    )
    assert _line_verdicts(_second(repo, cli, doc), "commit") == [
        (7, "verified"),
        (8, "refuted"),
        (11, "verified"),
        (12, "refuted"),
    ]


def test_a_duration_against_the_document_s_own_start_and_end(repo: ScratchRepo, cli: Cli) -> None:
    """GSD's "**Duration:** ~5 min" beside "**Started:**" and "**Completed:**" times (and
    `duration:` in the front matter): the time between them, to the unit written (4 min is
    not 5); a duration with no start and end beside it is not judged."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"a.py": "1\n"})
    doc = "---\nphase: 61\nduration: 5min\n---\n" + HEAD + "## Performance\n\n"
    doc += "- **Duration:** ~4 min\n- **Started:** 2026-07-27T19:09:47-04:00\n"
    doc += "- **Completed:** 2026-07-27T19:13:46-04:00\n"
    run = _second(repo, cli, doc)
    assert _line_verdicts(run, "duration") == [(3, "refuted"), (13, "verified")]


def test_a_branch_claim_keeps_the_document_s_code_spans_to_itself(
    repo: ScratchRepo, cli: Cli
) -> None:
    """A branch claim reads the document's code spans (its own branch named in a list); the
    JSON report does not print them as part of the claim."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("work", {"a.py": "1\n"})
    doc = HEAD + "**Branch:** `main`\n\n- `src/a.py`, `improve-forms`, `parse_all()`\n"
    branch = [c for c in claims_of(_second(repo, cli, doc)) if c["kind"] == "branch"]
    assert [c["verdict"] for c in branch] == ["verified"]
    assert "spans" not in branch[0]["value"]
