"""Table-driven extraction: what is a claim, what only looks like one, and where it is."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handoff_lint import claims
from handoff_lint.claims.commit_lines import _latest_end
from handoff_lint.document import parse
from handoff_lint.document.source import decode
from handoff_lint.model import Claim


def extract(markdown: str) -> list[Claim]:
    doc = parse.parse("doc.md", decode(markdown.encode()))
    found = [c for kind in claims.load().values() for c in kind.extract(doc)]
    for claim in found:  # every claim points at its own text
        assert doc.lines[claim.line - 1][claim.column - 1 :].startswith(claim.text), claim
    return found


def kinds(markdown: str, kind: str) -> list[str]:
    return [c.text for c in extract(markdown) if c.kind == kind]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Commit 57a2032 added tests.", ["57a2032"]),
        ("Fixed it (commit 0c9e2f1).", ["0c9e2f1"]),
        ('**Latest Commit**: `2083660` - "feat: done"', ["2083660"]),
        ("## Commits\n\n- abc1234 Add parser\n- `def5678` Add tests\n", ["abc1234", "def5678"]),
        ("| Commit | Message |\n|---|---|\n| `abc1234f` | Add x |\n", ["abc1234f"]),
        ("---\ncommits:\n  - abc1234 Add parser\n---\n# T\n", ["abc1234"]),
        ("commit history: `f463bbc`, `8d12c6a`", ["f463bbc", "8d12c6a"]),
        # both ends of a range of commits
        ("- **Commits**: `69adf4d..e088c15` (12 commits)", ["69adf4d", "e088c15"]),
        ("- Commits: 69adf4d...e088c15", ["69adf4d", "e088c15"]),
    ],
)
def test_commit_claims(markdown: str, expected: list[str]) -> None:
    assert kinds(markdown, "commit") == expected


@pytest.mark.parametrize(
    "markdown",
    [
        "Student 5d3b5ae9-9f74-44db-9258-ff64f7eae094 enrolled (commit pending)",
        "Colour `#0A0A0B` and #a1b2c3d are used in the commit.",
        "See https://github.com/o/r/commit/abc1234def for the commit.",
        "Model claude-sonnet-4-20250514 was used; commit soon.",
        "Agent a346efb reviewed the commit.",
        "- **Process IDs:** c2d228, 152b9f (background bash)",
        "```\ngit commit abc1234\n```\n",
        "    if sha == 'abc1234':\n        commit(sha)\n",  # program code
        "```python\nabc1234 = load('commit')\n```\n",
        '```json\n{"commit": "abc1234"}\n```\n',
        "Deployed to projects-39f6d8ce.vercel.app after the commit",
        "Migration `0ecea1034870_initial_schema.py` (commit of the schema)",
        "The commit was defaced by 1234567 (decimal only).",
        "## Next Steps\n\n- Revert commit abc1234 later\n",
        "- Short ids of 8 characters, e.g. `a1b2c3d4`, in the commit message\n",  # an example
        "- 提交短哈希，例如 `3fa91c2e`\n",
        # a digest named by its algorithm: "SHA-256 `4c1d...`", "fingerprint a1b2c3d4e5"
        "- The release commit is signed: SHA-256 `4c1d9e2a7b3f0e51…`\n",
        "- Certificate fingerprint 9f8e7d6c5b4a3 after the commit\n",
        "- sha1: 0a1b2c3d4e5f6a7 (of the commit's tarball)\n",
    ],
)
def test_not_commit_claims(markdown: str) -> None:
    assert kinds(markdown, "commit") == []


def test_commit_subject_and_stats() -> None:
    found = extract(
        '1. **Commit 57a2032**: "Implement Tests"\n   - 5 files changed, 1103 insertions(+), 2 deletions(-)\n'
    )
    assert found[0].value["subject"] == "Implement Tests"
    assert found[0].value["stats"] == {"files": 5, "insertions": 1103, "deletions": 2, "line": 2}
    listed = extract("## Commits\n\n- abc1234 feat: add the parser\n")
    assert listed[0].value["subject"] == "feat: add the parser"
    # an item less indented than the commits' sums up their list: not the last one's stats
    summed = extract(
        "- **Key commits**:\n  - `27b1631` feat: a\n  - `372d990` docs: b\n"
        "- **Files modified**: 14 files changed, 3,566 insertions(+), 40 deletions(-)\n"
    )
    assert [c.value.get("stats") for c in summed if c.kind == "commit"] == [None, None]
    assert next(c.kind for c in summed if c.line == 4) == "stats"


@pytest.mark.parametrize(
    ("markdown", "subject"),
    [
        ('- Fixed in `a1c2e3f`: "fix footer links"\n', "fix footer links"),
        ('- Fixed in `a1c2e3f`: "fix footer links" and tested\n', "fix footer links"),
        # a quoted label a sentence goes on from: a word of the sentence, not the subject
        ('- Fixed in `a1c2e3f`: "About us" now points to /about\n', None),
        ('- corrigido em `a1c2e3f`: "Sobre" aponta pra /detalhes\n', None),
    ],
)
def test_a_quote_after_a_commit_is_its_subject_unless_a_sentence_goes_on(
    markdown: str, subject: str | None
) -> None:
    (found,) = [c for c in extract(markdown) if c.kind == "commit"]
    assert found.value.get("subject") == subject


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            "## Files Created\n\n- `src/a.py` - x\n- **src/b.py** (200 lines)\n",
            [("src/a.py", "created"), ("src/b.py", "created")],
        ),
        ("## Files Modified\n\n1. `src/a.py`: y\n", [("src/a.py", "modified")]),
        ("## Files Changed\n\n### 1. backend/x.py\n", [("backend/x.py", "changed")]),
        ("**Files Created:**\n- `models/e.py` - model\n", [("models/e.py", "created")]),
        ("## Work\n\n- **Modified files:**\n  - `a/b.ts` (s9)\n", [("a/b.ts", "modified")]),
        ("## Files Modified\n\n- **NOTES.md** (new)\n", [("NOTES.md", "created")]),
        (
            "- Deleted `old/x.py`\n- Removed `old/y.py`, `old/z.py`\n",
            [("old/x.py", "deleted"), ("old/y.py", "deleted"), ("old/z.py", "deleted")],
        ),
        ("- Renamed `a/old.py` → `a/new.py`\n", [("a/new.py", "renamed")]),
        (
            "## Files Touched\n\n| File | Action |\n|---|---|\n| `a.py` | Created |\n| `b.py` | Modified |\n",
            [("a.py", "created"), ("b.py", "modified")],
        ),
        (
            "---\nfiles_created:\n  - src/a.py\nfiles_deleted:\n  - src/b.py\n---\n# T\n",
            [("src/a.py", "created"), ("src/b.py", "deleted")],
        ),
        # a task marked done, in the imperative; a few words may stand before the path
        (
            "- [x] Create missing `dsp/bands.h` header\n- [x] Remove the old `a/b.py`\n",
            [("dsp/bands.h", "created"), ("a/b.py", "deleted")],
        ),
        ("- Created missing `dsp/bands.h` header\n", [("dsp/bands.h", "created")]),
        ("- [ ] Create `dsp/bands.h`\n- [x] Create tests for `a.py`\n", []),
        ("- @src/a.py:40-52  # the loop\n", [("src/a.py", "exists")]),
        # the action word after the path, in the report's language
        ("## Doku\n\n- [x] **SETUP.md** erstellt\n", [("SETUP.md", "created")]),
        (
            "- `web/a.ts` modificado\n- `web/b.ts` created.\n",
            [("web/a.ts", "modified"), ("web/b.ts", "created")],
        ),
        ("- `web/a.ts` created with the new loader\n", [("web/a.ts", "exists")]),
        # a file at the start of an item of done work, with no action word: it is there
        (
            "## Docs\n\n- `docs/GUIDE.md` - the guide\n- NOTES.md - notes\n",
            [("docs/GUIDE.md", "exists"), ("NOTES.md", "exists")],
        ),
        # a short item that only names an action heads the files nested under it
        (
            "- 删除\n  - `a/old_test.go`\n- Added:\n  - `a/new.go`\n",
            [("a/old_test.go", "deleted"), ("a/new.go", "created")],
        ),
        # ... also with the count of its files after the label
        (
            "- **新增**: 2个文件\n  - a/x.go\n  - a/y.go\n",
            [("a/x.go", "created"), ("a/y.go", "created")],
        ),
        # code files named by what they are; a French label with a space before its colon
        ("**Composants créés** :\n- `ui/Banner.tsx` : banner\n", [("ui/Banner.tsx", "created")]),
        ("### Components Created\n\n- `ui/Banner.tsx`\n", [("ui/Banner.tsx", "created")]),
        # a note in Chinese that opens with the action ("新增" may add a method: not read)
        (
            "- `ui/theme.tsx` - 新建组件\n- `api/a.ts` - 更新接口\n- `api/b.ts` - 新增OK方法\n",
            [("ui/theme.tsx", "created"), ("api/a.ts", "modified"), ("api/b.ts", "exists")],
        ),
        # a list that marks the heading's action item by item: an unmarked item is not given it
        (
            "## Files Modified\n\n### New code\n\n- `a/x.go` (NEW) - x\n- `a/y.go` (NEW) - y\n"
            "- `a/main.go` - registers it\n",
            [("a/x.go", "created"), ("a/y.go", "created"), ("a/main.go", "changed")],
        ),
        (
            "### Files Created\n\n- `a/x.go` - x\n- `a/main.go` - y\n",
            [("a/x.go", "created"), ("a/main.go", "created")],
        ),
        # ... only a change the heading gives: files that are there stay so
        (
            "## Notes\n\n- `a/CLAUDE.md` (no changes)\n- `a/pnpm-workspace.yaml` (configured)\n",
            [("a/CLAUDE.md", "exists"), ("a/pnpm-workspace.yaml", "exists")],
        ),
        # a heading's topic that starts like a state word is not one ("Local store", "Dropdown")
        (
            "### Local store — DONE\n\n- `app/Store.cs` - the store\n\n"
            "### Dropdown menu\n\n- `ui/Menu.tsx` - the menu\n",
            [("app/Store.cs", "exists"), ("ui/Menu.tsx", "exists")],
        ),
    ],
)
def test_file_claims(markdown: str, expected: list[tuple[str, str]]) -> None:
    got = [(c.text, c.value["action"]) for c in extract(markdown) if c.kind == "file"]
    assert got == expected


@pytest.mark.parametrize(
    "markdown",
    [
        "## Next Steps\n\n- `src/a.py` - create it\n",
        "## Recommendations\n\n### Files Created\n\n- `src/a.py`\n",
        "## TODO\n\n- Created `src/a.py`\n",
        "## Files Created\n\n```\nsrc/a.py\n```\n",
        "## Files Created\n\n- `response.ok` is checked\n- `document.documentElement` too\n- `1.125rem` spacing\n",
        "## Files Created\n\n- `storage/job_storage.py::_perform_write()` retried\n",
        "## Files Created\n\n- https://example.com/a.py\n",
        "## Implementation\n\n- `sherpa/data/sherpa.db` persists sessions\n",
        "**Next:**\n- `a/b.py` to be written\n",
        "## Checks\n\n- Node.js & the CLI verified\n- Vue.js 3 upgrade\n",  # products, not files
        "## Setup\n\n- **Node.js**: v20\n- Token.v compiled to bytecode\n- `.loro`-files dropped\n",
        "## Uncommitted artefacts\n\n- `gpt/review.md`\n- `notes/draft.md`\n",
        "### Local files\n\n- `app/Store.cs` - the store\n",  # files kept out of git
        "### Guard (every service's `main.py` must implement it)\n\n- `a/x.py` - it must hold X\n",
        "### 进程守护（每个服务的 `main.py` 必须实现）\n",
        "## Décisions\n\n- **`sql-cookbook.md` reporté en J2** : construit plus tard\n",  # deferred
        "## Decisions\n\n- `cookbook.md` deferred to the next milestone\n",
        "## 推奨事項\n\n- `tests/a.test.ts` の新規作成\n",  # recommendations: a plan
        "## Storage\n\n- `data/app.sqlite` holds the sessions\n- `logs/run.log`\n",  # run-time
    ],
)
def test_not_file_claims(markdown: str) -> None:
    assert kinds(markdown, "file") == []


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("**Branch:** `feature/x`\n", ["feature/x"]),
        ("- **Branch**: main  \n", ["main"]),
        ("---\nbranch: dev\n---\n# T\n", ["dev"]),
        ("**Branches merged:** many\n", []),
        ("# Handoff\n\nBranch: feature/x\n", ["feature/x"]),
    ],
)
def test_branch_claims(markdown: str, expected: list[str]) -> None:
    assert kinds(markdown, "branch") == expected


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("**162/165 tests passing (98.2%)**", [("162/165", "98.2")]),
        ("- ✅ 95% tests passing (74/78)", [("74/78", "95")]),
        ("Phase 5: 2/5 (40%) - UI", [("2/5", "40")]),
        ("- **98.6% Complete**: 145/148 files migrated", [("145/148", "98.6")]),
        ("| 98.6% | 145/148 files |", []),  # in two cells: not said to be one number
        ("### Tests Fixed: 2/6 tests fixed", [("2/6", None)]),
        ("**Progress**: ~35% complete (3/11 phases done)", [("3/11", None)]),  # a rough figure
        ("Released 10/24 to users", []),
        ("## Next Steps\n\nExpected: 78/78 tests passing (100%)\n", []),
        ("### After Fixes (Projected): 78/78 Passing (100%)\n", []),
    ],
)
def test_test_ratio_claims(markdown: str, expected: list[tuple[str, str | None]]) -> None:
    got = [(c.text, c.value.get("percent")) for c in extract(markdown) if c.kind == "tests"]
    assert got == expected


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("**Date:** 2025-11-13\n", ["2025-11-13"]),
        ("**Session Date:** 2025-11-13\n", ["2025-11-13"]),
        ("**Date**: December 23, 2024\n", ["2024-12-23"]),
        ("# Session 130 Summary - December 23, 2024\n", ["2024-12-23"]),
        ("---\ndate: 2025-01-24\n---\n# T\n", ["2025-01-24"]),
        ("# T\n\n**Deadline:** 2025-12-01\n", []),
        ("# T\n\n**会话日期**: 2024-10-06\n", ["2024-10-06"]),
        ("# T\n\n**开始日期**: 2024-10-14\n", ["2024-10-14"]),
        ("# T\n\n**作成日**: 2025-02-01\n", ["2025-02-01"]),
        ("# T\n\n**Stand:** 2025-03-04\n", ["2025-03-04"]),
        ("# T\n\n**Merged:** 2026-07-08 · **branch:** `x`\n", ["2026-07-08"]),
        ("# T\n\n**Deployed:** 2026-07-09\n", ["2026-07-09"]),
        ("# T\n\n**Test Date**: January 2025\n", ["2025-01-01"]),  # a month: see test_verify
        ("# T\n\n**Fecha:** enero de 2025\n", ["2025-01-01"]),
        ("# T\n\n**Date:** 2025-01\n", ["2025-01-01"]),
        ("# Handoff\n\nDate: March 3, 2024\nBranch: main\n", ["2024-03-03"]),
        ("# Handoff\n\n## Session\n\n- Date: March 3, 2024\n", ["2024-03-03"]),
        ("# Handoff\n\n" + "x\n\n" * 12 + "Date: March 3, 2024\n", []),  # not near the top
        ("# T\n\n**Target date:** 2025-12-01\n**Release Date:** 2025-12-02\n", []),
        (
            "# Log\n\n## Session: 2026-02-08 | Phase 1\n\nx\n\n## 2026-02-06\n\ny\n",
            ["2026-02-08", "2026-02-06"],
        ),
        ("# Log\n\n## Changes since 2026-02-08\n", []),
        ("# T\n\n**Fecha:** 16 de enero de 2025\n", ["2025-01-16"]),
        ("# T\n\n**Datum:** 3. März 2025\n", ["2025-03-03"]),
        ("# T\n\n**Data:** 5 de dezembro de 2024\n", ["2024-12-05"]),
        ("# T\n\n**Date:** Sept. 9, 2025\n", ["2025-09-09"]),
        ("# T\n\n**Date:** Version 2, 2025-01-03\n", ["2025-01-03"]),
        ("# T\n\n**Date:** Sprint 4 2025, March 3, 2025\n", ["2025-03-03"]),
        (  # a table of fields: each row is a key and its value
            "# T\n\n| Field | Value |\n|---|---|\n| Task | X |\n| Start Date | 2026-01-22 |\n"
            "| Due Date | 2026-02-01 |\n",
            ["2026-01-22"],
        ),
        ("# T\n\n| Change | Date |\n|---|---|\n| Start Date | 2026-01-22 |\n", []),
    ],
)
def test_date_claims(markdown: str, expected: list[str]) -> None:
    assert [c.value["date"] for c in extract(markdown) if c.kind == "date"] == expected


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("1. **`data/p.json`** (NEW - 2,469 lines)", [("data/p.json", 2469, "lines", {})]),
        ("- `a.py` (+7 lines) - env var", [("a.py", 7, "insertions", {})]),
        ("**New file: `t.py` (449 lines)**", [("t.py", 449, "lines", {})]),
        ("- `t.py` (NEW, ~450 lines)", [("t.py", 450, "lines", {"approx": True})]),
        ("- `t.py` (800+ lines)", [("t.py", 800, "lines", {"at_least": True})]),
        (
            "- `watcher/api.py` - Added export endpoint (37 lines)",
            [("watcher/api.py", 37, "lines", {})],
        ),
        ("| File | Lines |\n|---|---|\n| `Dockerfile` | 68 |\n", [("Dockerfile", 68, "lines", {})]),
        (
            "| File | Change |\n|---|---|\n| `w.py` | +21, -12 |\n",
            [("w.py", 21, "insertions", {"deletions": 12})],
        ),
        ("| File | Tests |\n|---|---|\n| `w.py` | 12 |\n", []),
        (
            "| Area | Files Changed | Lines Added | Lines Removed |\n|---|---|---|---|\n| ci | `ci.yml` | 4 | 1 |\n",
            [("ci.yml", 4, "insertions", {"deletions": 1})],
        ),
        ("| Area | Files | Lines Added |\n|---|---|---|\n| x | `a.toml`, `b.lock` | 2 |\n", []),
        ("- `a.py` (410 lines, 20 tests)", [("a.py", 410, "lines", {})]),
        ("- `a.py`（94行）", [("a.py", 94, "lines", {})]),
        ("### 4. `app/x.py` (新增 225 行)", [("app/x.py", 225, "lines", {})]),
        ("- `tests/a.sh` - 545 lines", [("tests/a.sh", 545, "lines", {})]),
        (
            "#### crates/a/src/b.rs (+10/-10 lines)",
            [("crates/a/src/b.rs", 10, "insertions", {"deletions": 10})],
        ),
        ("- **Errors**: 215 行 (errors.py)", [("errors.py", 215, "lines", {})]),
        ("- README.md: added usage examples (+105行)", [("README.md", 105, "insertions", {})]),
        ("- `a.py` (was 120 lines, now 80 lines)", [("a.py", 80, "lines", {})]),
        ("- `a.py` (lines 1279-1322, 44 lines)", [("a.py", 44, "lines", {})]),
        (
            "| 模块 | 文件 | 行数 |\n|---|---|---|\n| 事件 | `a/events.py` | 164 |\n",
            [("a/events.py", 164, "lines", {})],
        ),
        # a plan's file with its size: the size of the file as it is now (if it is there)
        ("## Next Steps\n\n- `a.py` (40 lines)\n", [("a.py", 40, "lines", {"present": True})]),
        ("## Next Steps\n\n- Create `a.py` (40 lines)\n", []),
        ("## Next Steps\n\n- `a.py` (~40 lines)\n", []),
        ("- ~200 líneas en `q/quant.py`", [("q/quant.py", 200, "lines", {"approx": True})]),
        ("- Wrote 415 lines in the new file `x.py`", [("x.py", 415, "lines", {})]),
        ("- Added 30 lines to `x.py`", [("x.py", 30, "insertions", {})]),
        ("- Removed 30 lines in `x.py` and kept 4", []),
        # a link's text and its target name one file: the target
        (
            "2. **[task/run.py](app/task/run.py)** - Core logic (460 lines)",
            [("app/task/run.py", 460, "lines", {})],
        ),
    ],
)
def test_line_count_claims(
    markdown: str, expected: list[tuple[str, int, str, dict[str, object]]]
) -> None:
    got = []
    for claim in extract(markdown):
        if claim.kind == "lines":
            extra = {
                k: v
                for k, v in claim.value.items()
                if k in ("approx", "at_least", "deletions", "present")
            }
            got.append((claim.value["path"], claim.value["count"], claim.value["measure"], extra))
    assert got == expected


# The "latest commit" phrase is found once per line by word positions. This regular expression,
# searched in the text before each hex token, was the definition (and took quadratic time).
LATEST_DEFINITION = re.compile(
    r"\b(latest|last|most recent|final|head)\b[^`]*\bcommit\b|\bcommit\b.*\b(latest|last)\b", re.I
)
WORDS = ["latest", "last", "most recent", "final", "HEAD", "commit", "Commits", "`", "x", "ab12cd3"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "", "`", ": "]))))
def test_latest_phrase_matches_its_definition_at_every_token(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in parts)
    end = _latest_end(text)
    for at in range(len(text)):
        token_start = text[at].isalnum() and (at == 0 or not text[at - 1].isalnum())
        if token_start:
            assert (LATEST_DEFINITION.search(text[:at]) is not None) == (end <= at), (text, at)


def test_latest_commit_role() -> None:
    found = extract("- Latest commit: `ab12cd3`\n- Fixed in commit ee45ff6\n")
    roles = {c.text: c.value.get("role") for c in found if c.kind == "commit"}
    assert roles == {"ab12cd3": "latest", "ee45ff6": None}


# Extractors skip lines without their pattern's word (walk.containing); the test is
# case-insensitive like the patterns, so upper case and mixed case text gives the same claims.
WORD = re.compile(r"(?<![\w`/.])[A-Za-z]+(?![\w`/.])")
KEYWORD_CASES = [
    "- Unit tests: 41/41 passing (100%)",
    "- Ran 12 out of 14 tests",
    "Commit 57a2032 changed 5 files changed, 1103 insertions(+), 3 deletions(-)",
    "Totals: (52 files, +6,721/-313) and +400 lines",
    "- `app/parser.py` (133 lines)",
    "Added 6 integration tests in `tests/test_x.py`",
    "We made 7 commits; all 35 tests pass. 3 files created",
    "## Results (2 tests)\n\n- one\n- two\n",
]


@pytest.mark.parametrize("markdown", KEYWORD_CASES)
@pytest.mark.parametrize("change", [str.upper, str.swapcase])
def test_keyword_filters_ignore_case(markdown: str, change: Any) -> None:
    def key(claim: Claim) -> tuple[str, int, int, str]:
        return claim.kind, claim.line, claim.column, claim.text.lower()

    found = sorted(key(c) for c in extract(markdown))
    assert found, markdown  # each case holds claims
    changed = WORD.sub(lambda m: change(m.group(0)), markdown)  # ids and paths stay as written
    assert changed != markdown
    assert sorted(key(c) for c in extract(changed)) == found


def _commit_counts(markdown: str) -> list[str]:
    return [
        c.text for c in extract(markdown) if c.kind == "counts" and c.value["measure"] == "commits"
    ]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Support for NAT gateways in 4 commits.", ["4"]),
        ("We made 7 commits today.", ["7"]),
        ("3 commits today, all on main.", ["3"]),
        ("**Commits:** 4", ["4"]),
        ("| Total commits | 12 |", ["12"]),
        ("## Session 9 (9 commits)", ["9"]),
        ("- All documentation committed (6 commits)", ["6"]),
        ("## Git Commits (4 total)", ["4"]),
        # something else is counted: a pull request's commits, rewritten history, a position
        ("- PR #95: variable validation (7 commits, TDD)", []),
        ("- PR #93: Fixed weak default test (3 commits)", []),
        ("- All 605 commits rewritten with clean messages", []),
        ("- **21 commits** with AI attribution in messages", []),
        ("Cherry-picked fixes from upstream (32 commits behind).", []),
        ("4 commits ahead of origin", []),
        ("## Session 04 Commits Created", []),
        ("- `Generated with X` (5 commits)", []),
    ],
)
def test_commit_count_shapes(markdown: str, expected: list[str]) -> None:
    assert _commit_counts(markdown) == expected


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        # pasted tool output is a claim like prose
        (
            "## Commits (2)\n\n```\nabc1234 Add parser\ndef5678 Add tests\n```\n",
            ["abc1234", "def5678"],
        ),
        (
            "Log:\n\n```bash\n$ git log --oneline\n* abc1234 (HEAD -> main) Add parser\n```\n",
            ["abc1234"],
        ),
        ("```text\ncommit abc1234def5678\nAuthor: A <a@b>\nDate:   Mon\n```\n", ["abc1234def5678"]),
        # commits under short labels: "Original:   2ecb110... (note)"
        (
            "```\nOriginal:   abc1234def5678 (before)\nAttempt 2:  def5678abc1234 (after)\n```\n",
            ["abc1234def5678", "def5678abc1234"],
        ),
        ("```yaml\nsha: abc1234def5678\n```\n", []),  # configuration, not output
        # a block marked with a word of no language is read by the shapes of its lines
        ("```result\nabc1234 Add parser\ndef5678 Fix lexer\n```\n", ["abc1234", "def5678"]),
        # a commit id in program code or in a command is not
        ("```bash\ngit show abc1234\ngit revert def5678\n```\n", []),
        ("```ts\nconst abc1234 = 1;\n```\n", []),
        ("## Next Steps\n\n```\nabc1234 Add parser\n```\n", []),
    ],
)
def test_pasted_git_log_is_claimed(markdown: str, expected: list[str]) -> None:
    assert kinds(markdown, "commit") == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("### Files Created: 17", [("17", "created")]),
        ("- Archivos creados: 8", [("8", "created")]),
        ("1. **File modificati**: 3", [("3", "modified")]),
        ("- **Fichiers créés** : 2", [("2", "created")]),
        ("### Files Created: see the list below", []),
        ("### New Files (17)", [("17", "created")]),  # the count in brackets
        ("#### ✨ 新增文件（7 个）", [("7", "created")]),
        ("### 删除的文档 (27个)", [("27", "deleted")]),
        ("**Files Modified (3):**", [("3", "modified")]),
        ("### New Features (3)", []),  # not files
        ("### Código Modificado (2 arquivos)", [("2", "modified")]),  # files in the bracket
        ("**Updated code (3 files):**", [("3", "modified")]),
        ("### Fixed bugs in parser (2 files)", []),  # no action on files
        ("- 5 novos documentos", [("5", "created")]),
        ("- Created 5 files", [("5", "created")]),  # the action first
        ("- Moved 9 documentation files", [("9", "renamed")]),
        ("- Removed 1 temporary test file", []),  # a part of them, picked out by a word
        ("- Создано 5 файлов", [("5", "created")]),
        ("- 3 новых файла", [("3", "created")]),
        ("- Added 3 tests to 2 files", []),  # tests added, over files
        ("- [x] 5 documentos criados", [("5", "created")]),
    ],
)
def test_a_labelled_file_count_in_a_heading_or_list_item(
    line: str, expected: list[tuple[str, str]]
) -> None:
    found = extract(f"# Report\n\n**Date:** 2025-01-01\n\n{line}\n")
    got = [(c.text, c.value["measure"]) for c in found if c.kind == "file_count"]
    assert got == expected


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        # a listing of files with their counts in a comment, even under a language's name
        (
            "```python\ntests/test_a.py   # 460 linhas, 29 testes\nsrc/b.py   # 20 lines\n"
            "---\nTotal: 480 linhas\n```\n",
            [("lines", "460 linhas"), ("test_count", "29 testes"), ("lines", "20 lines")],
        ),
        (
            "```\napp/x.ts  // 12 lines\napp/y.ts  // 30 lines\n```\n",
            [("lines", "12 lines"), ("lines", "30 lines")],
        ),
        # program code with a count in a comment stays out
        ("```python\nimport os\ndata = load(a.json)  # 20 lines\n```\n", []),
        ("```python\nsrc/b.py   # 20 lines\n```\n", []),
        # an outline: files with their counts, and notes on each indented under it
        (
            "```\n✅ src/a.js (150 Zeilen)\n   - State management\n   - CRUD actions\n\n"
            "✅ src/b.jsx (105 Zeilen - UPDATED)\n   - Card component\n   - Edit actions\n\n"
            "✅ Bug fixes (3 bugs)\n   - response mapping\n```\n",
            [("lines", "150 Zeilen"), ("lines", "105 Zeilen")],
        ),
    ],
)
def test_a_pasted_listing_of_files_with_counts(block: str, expected: list[tuple[str, str]]) -> None:
    found = extract(f"# Report\n\n## Files Created\n\n{block}")
    got = [(c.kind, c.text) for c in found if c.kind in ("lines", "test_count")]
    assert sorted(got) == sorted(expected)


def test_an_id_of_digits_alone_once_presented_as_a_commit_is_one_everywhere() -> None:
    """ "`9218080`" in a list of task commits is an id; on a later line, set apart in backticks,
    it is that id again; another number of digits alone is not."""
    markdown = (
        "# H\n\n## Task Commits\n\n1. **Task 1** - `9218080` (test)\n2. **Task 2** - `c09a3bc`\n\n"
        "## Notes\n\n- RED `9218080` precedes GREEN `c09a3bc`.\n- build `1234567` ok\n"
    )
    found = sorted((c.line, c.text) for c in extract(markdown) if c.kind == "commit")
    assert found == [(5, "9218080"), (6, "c09a3bc"), (10, "9218080"), (10, "c09a3bc")]


def test_an_id_of_letters_alone_once_presented_as_a_commit_is_one_everywhere() -> None:
    """ "bcbdafc" in a table's Commit column is an id; in backticks on a later line it is that
    id again; another word of hex letters alone is not."""
    markdown = (
        "# H\n\n| Task | Commit |\n|---|---|\n| red | bcbdafc |\n| green | 48ae046 |\n\n"
        "## Self-Check\n\n- [x] confirmed `bcbdafc` in git log\n- `defaced` is a word\n"
    )
    found = sorted((c.line, c.text) for c in extract(markdown) if c.kind == "commit")
    assert found == [(5, "bcbdafc"), (6, "48ae046"), (10, "bcbdafc")]


def test_a_file_named_by_a_number_in_a_folder_is_a_file() -> None:
    """ "`.rules/22.md`" is a file; "1.5" alone is a number."""
    markdown = "# H\n\n## Files Created\n\n- `.rules/22.md` - the rules\n- `docs/2.0.md`\n"
    assert [c.text for c in extract(markdown) if c.kind == "file"] == [
        ".rules/22.md",
        "docs/2.0.md",
    ]
    assert not [
        c for c in extract("# H\n\n## Files Created\n\n- `1.5` - a ratio\n") if c.kind == "file"
    ]


@pytest.mark.parametrize(
    "line",
    ["**提交哈希**: a275565", "- 提交 a275565: 修复", "**コミット**: a275565", "커밋 a275565"],
)
def test_a_commit_named_in_chinese_japanese_or_korean(line: str) -> None:
    assert [c.text for c in extract(f"# H\n\n## Work\n\n{line}\n") if c.kind == "commit"] == [
        "a275565"
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("-   **Files:** 8 test files total", []),  # an inventory of test files, not changes
        ("- 3 test files created", ["3"]),
        ("- **Total Files Changed**: 21", ["21"]),
        ("- 90 existing tests + 4 new documentation tests", []),  # tests, not documents
        ("- 4 new docs", ["4"]),
    ],
)
def test_a_count_of_files_of_one_kind_in_all_is_no_count_of_changes(
    line: str, expected: list[str]
) -> None:
    found = [c.text for c in extract(f"# H\n\n## Work\n\n{line}\n") if c.kind == "file_count"]
    assert found == expected


def test_a_total_row_of_files_moved_and_removed_is_no_diff_stat() -> None:
    """ "| **Total** | **21** | **1** |" under "Files Moved | Files Removed" counts files of two
    actions (its rows must add up), not the lines of a diff."""
    markdown = (
        "# H\n\n## Stats\n\n| Category | Files Moved | Files Removed |\n|---|---|---|\n"
        "| A | 5 | 0 |\n| B | 16 | 1 |\n| **Total** | **21** | **1** |\n"
    )
    found = [(c.kind, c.text) for c in extract(markdown)]
    assert found == [("counts", "21"), ("counts", "1")]


@pytest.mark.parametrize(
    ("item", "action"),
    [
        ("- `tests/integration.zig` (added uptodate_test import)", "exists"),  # added to it
        ("- `c.py` (added 30 lines)", "exists"),
        ("- `package.json` (added `ws` dependency)", "exists"),  # a code span: added to it
        ("- `a.py` (added)", "created"),
        ("- `b.py` (added file)", "created"),
        ("- `d.py` (removed 6 unused imports)", "exists"),  # removed from it
        ("- `e.py` (removed `debug_mode` flag)", "exists"),
        ("- `f.py` (removed)", "deleted"),
        ("- `g.py` (deleted file)", "deleted"),
    ],
)
def test_added_in_the_bracket_after_a_file(item: str, action: str) -> None:
    """ "(added)" says the file was created and "(removed)" that it was deleted; "(added an
    import)" and "(removed 6 imports)" say something was added to it or taken out of it."""
    found = [c for c in extract(f"# H\n\n## Changes\n\n{item}\n") if c.kind == "file"]
    assert [c.value["action"] for c in found] == [action]


@pytest.mark.parametrize(
    ("written", "path"),
    [
        ("`__init__.py`", "__init__.py"),  # a Python package's file keeps its underscores
        ("_config.yml", "_config.yml"),
        ("__docs/guide.md__", "docs/guide.md"),  # emphasis with underscores is stripped
        ("**src/a.py**", "src/a.py"),
        ("__main__.py:12", "__main__.py"),
    ],
)
def test_a_path_keeps_the_underscores_of_its_name(written: str, path: str) -> None:
    from handoff_lint.document.textscan import normalize_path

    assert normalize_path(written) == path


@pytest.mark.parametrize(
    ("item", "paths"),
    [
        (
            "- Obfuscation (android/app/proguard-rules.pro, 146 lines)",
            ["android/app/proguard-rules.pro"],
        ),
        ("- `qml/components/WidgetHost.qml` (new)", ["qml/components/WidgetHost.qml"]),
        ("- Updated lib/web/live/index.html.heex", ["lib/web/live/index.html.heex"]),
        ("- Added deploy/report.service", ["deploy/report.service"]),
        ("- Added login.feature", ["login.feature"]),
        ("- Updated the auth.service and GPT-4.pro notes", []),  # words of code or prose: no folder
    ],
)
def test_file_types_beyond_the_common_ones(item: str, paths: list[str]) -> None:
    """A file type the common list lacks (QML, HEEx, Gherkin, ProGuard) is a file; an extension
    that is also a word ("service", "pro") only with a folder in front."""
    found = [
        c.value["path"] for c in extract(f"# H\n\n## Changes\n\n{item}\n") if "path" in c.value
    ]
    assert found == paths


@pytest.mark.parametrize(
    ("line", "counted"),
    [
        ("**Commits:** 8 commits novos", ["8"]),  # the label, then the count and its noun
        ("**Commits:** 8 commits", ["8"]),
        ("- [x] 8 commits realizados", ["8"]),
        ("- 8 COMMITS GIT REALIZADOS", ["8"]),
        ("- 21 commits with fixes", []),  # what the commits hold, not the session's count
        ("**Commits:** 8 commits ahead", []),  # where a branch stands
    ],
)
def test_a_count_of_commits_in_other_words(line: str, counted: list[str]) -> None:
    found = extract(f"# Report\n\n**Date:** 2025-01-01\n\n## Summary\n\n{line}\n")
    assert [c.text for c in found if c.kind == "counts"] == counted


@pytest.mark.parametrize(
    ("line", "count"),
    [
        ("**BillingControllerTest (4 теста):**", 4),  # Russian's plural forms of "test"
        ("- `src/FooTest.java` (10 интеграционных тестов)", 10),
        ("- `src/FooTest.java` (12 testów)", 12),
        ("- ✅ BillingService: 16 тестов (Задача #33)", 16),  # no word "test" in the line
    ],
)
def test_a_count_of_tests_in_russian_and_polish(line: str, count: int) -> None:
    found = extract(f"# Report\n\n**Date:** 2025-01-01\n\n## Tests\n\n{line}\n")
    assert [c.value["count"] for c in found if c.kind == "test_count"] == [count]


@pytest.mark.parametrize(
    "parent",
    [
        "- GitHub release created with 4 assets:",
        "**Build artifacts:**",
        "- CI artifacts uploaded:",
    ],
)
def test_files_kept_outside_the_repository_are_no_claims(parent: str) -> None:
    """A release's assets and a build's artifacts are files, but not the repository's."""
    nested = "  " if parent.startswith("-") else ""
    markdown = f"# H\n\n## Done\n\n{parent}\n\n{nested}- INSTALL.md\n{nested}- app.apk\n"
    markdown += "\n## Files\n\n- `docs/INSTALL.md` - the guide\n"
    assert [c.text for c in extract(markdown) if c.kind == "file"] == ["docs/INSTALL.md"]


@pytest.mark.parametrize(
    ("heading", "action"),
    [
        ("### Current Admits & Axioms", "exists"),  # the files as they are
        ("### Existing modules", "exists"),
        ("### Proof work", "changed"),  # a report's table of files: what the session changed
    ],
)
def test_a_file_table_under_a_heading_of_the_present_state(heading: str, action: str) -> None:
    markdown = f"# H\n\n{heading}\n\n| File | Axioms |\n|---|---|\n| `proofs/a.v` | 3 |\n"
    found = [c for c in extract(markdown) if c.kind == "file"]
    assert [c.value["action"] for c in found] == [action]


def test_commit_ids_the_front_matter_names() -> None:
    """A key that names a commit, or a value that says it is one, holds a commit claim; other
    hex values of the front matter do not."""
    markdown = (
        '---\ncommit: f8cd0b2\nbase_commit: "07d4d5c15a6a031b8ac658dd581392d9c5e28e19"\n'
        'decisions:\n  - "restored from their original commits (5b27db5 and 1a46171)"\n'
        "checksum: 3fa91c2e\nnonce: a1b2c3d\n---\n\n# H\n\nBody.\n"
    )
    found = [(c.line, c.text) for c in extract(markdown) if c.kind == "commit"]
    assert found == [
        (2, "f8cd0b2"),
        (3, "07d4d5c15a6a031b8ac658dd581392d9c5e28e19"),
        (5, "5b27db5"),
        (5, "1a46171"),
    ]
