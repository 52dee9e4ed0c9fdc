"""Shapes met on first contact with waves 68-69 of the real corpus (fixtures of the same shape,
written here): elided folders in paths, a list's lead-in folder, a numbered list joined to its
label, a merge of a remote-tracking branch, agents' branches apart only by their generated ids,
a test file with skipped tests, and a plan's files among another plan's commits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import handoff_lint
from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, by_line, claims_of, verdicts

HEAD = "# Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\n"


def _check(repo: ScratchRepo, cli: Cli, doc: str, path: str = "HANDOFF.md") -> dict:  # type: ignore[type-arg]
    repo.commit("handoff", {path: doc})
    return verdicts(cli("check", "--format", "json", path, cwd=repo.path))


def test_a_path_with_folders_left_out_names_the_one_file_that_fits(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("base", {"README.md": "# x\n"})
    repo.commit(
        "views",
        {
            "android/app/src/main/kotlin/io/x/views/CardView.kt": "class CardView\n",
            "android/app/src/main/kotlin/io/x/views/ListView.kt": "class ListView\n",
            "android/app/src/test/kotlin/io/x/ListView.kt": "class ListViewTest\n",
        },
    )
    doc = HEAD + (
        "- Created `android/app/src/main/kotlin/.../CardView.kt`\n"
        "- Created `android/app/src/.../ListView.kt`\n"
        "- Created `android/app/src/main/kotlin/.../GridView.kt`\n"
    )
    got = _check(repo, cli, doc)
    assert got[("file", "android/app/src/main/kotlin/.../CardView.kt")] == "verified"
    assert got[("file", "android/app/src/.../ListView.kt")] == "unverifiable"  # two fit
    assert got[("file", "android/app/src/main/kotlin/.../GridView.kt")] == "unverifiable"


def test_bare_names_in_a_list_are_files_of_the_folder_its_lead_in_names(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("base", {"README.md": "# x\n" + "line\n" * 40})
    repo.commit(
        "snapshot tests",
        {"ios/Tests/Snapshots/README.md": "# guide\n" + "step\n" * 9, "ios/Tests/a.swift": "x\n"},
    )
    doc = HEAD + (
        "**iOS**: `ios/Tests/Snapshots/`\n"
        "- `README.md` (10 lines): the guide\n\n"
        "## Other\n\n"
        "- `README.md` (41 lines)\n"
    )
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=_committed(repo, doc))
    lines = by_line(run, "lines")
    assert lines == {8: "verified", 12: "verified"}


def _committed(repo: ScratchRepo, doc: str) -> Path:
    repo.commit("handoff", {"HANDOFF.md": doc})
    return repo.path


def test_a_numbered_list_joined_to_its_label_witnesses_no_count(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("base", {"README.md": "# x\n"})
    doc = HEAD + (
        "**A. Setup (2 tests)**\n"
        "1. TestNew\n"
        "2. TestSetWorkers\n\n"
        "**B. Dispatching (2 tests)**\n"
        "3. TestDispatch\n"
        "   - queued\n"
        "   - structured\n\n"
        "4. TestDispatchValidation\n"
        "   - nil rejected\n"
    )
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=_committed(repo, doc))
    refuted = [c for c in claims_of(run) if c["verdict"] == "refuted"]
    assert refuted == []


def test_a_branch_merged_from_its_remote_tracking_ref_is_verified(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("base", {"README.md": "# x\n"})
    repo.git("checkout", "-q", "-b", "agent/validator-01GL2ZjZMHXQ")
    repo.commit("work", {"a.py": "1\n"})
    handoff = repo.commit(
        "handoff", {"HANDOFF.md": HEAD + "**Branch:** `agent/validator-01GL2ZjZMHXQ`\n"}
    )
    repo.git("checkout", "-q", "main")
    repo.git("update-ref", "refs/remotes/origin/agent/validator-01GL2ZjZMHXQ", handoff)
    repo.git(
        "merge", "-q", "--no-ff", "-m",
        "Merge remote-tracking branch 'origin/agent/validator-01GL2ZjZMHXQ' into main",
        "refs/remotes/origin/agent/validator-01GL2ZjZMHXQ",
    )  # fmt: skip
    repo.git("branch", "-q", "-D", "agent/validator-01GL2ZjZMHXQ")
    repo.git("update-ref", "-d", "refs/remotes/origin/agent/validator-01GL2ZjZMHXQ")
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    assert verdicts(run)[("branch", "agent/validator-01GL2ZjZMHXQ")] == "verified"


def test_another_sessions_branch_apart_only_by_its_id_is_no_typo(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("base", {"README.md": "# x\n"})
    doc = HEAD + (
        "**Branch:** `agent/setup-validator-01GL2ZjZMHXQ`\n\n"
        "## Other\n\n**Branch:** `feature/logn-page`\n"
    )
    repo.commit("handoff", {"HANDOFF.md": doc})
    repo.git("branch", "feature/login-page")
    repo.git("checkout", "-q", "-b", "agent/setup-validator-01Up3UEcZzBb")  # another session's
    got = verdicts(cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path))
    assert got[("branch", "agent/setup-validator-01GL2ZjZMHXQ")] == "unverifiable"
    assert got[("branch", "feature/logn-page")] == "refuted"  # a typo of a branch that is there


def test_a_count_of_a_files_tests_that_leaves_its_skipped_tests_out_is_unverifiable(
    repo: ScratchRepo, cli: Cli
) -> None:
    tests = "describe('v', () => {\n" + "".join(
        f"  it{'.skip' if n == 3 else ''}('case {n}', () => {{}});\n" for n in range(4)
    )
    repo.commit("tests", {"tests/v.test.ts": tests + "});\n"})
    doc = HEAD + "- `tests/v.test.ts` (3 tests)\n- `tests/v.test.ts` (2 tests)\n"
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=_committed(repo, doc))
    counts = by_line(run, "test_count")
    assert counts == {7: "unverifiable", 8: "refuted"}


def test_a_plans_summary_counts_the_files_of_its_own_commits_and_itself(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("base", {"README.md": "# x\n", "src/shared.py": "s = 0\n"})
    repo.commit("docs(03-01): complete plan", {".planning/phases/03-x/03-01-SUMMARY.md": "# s\n"})
    repo.commit("feat(03-02): other plan's work", {"src/other.py": "o = 1\n", "src/o2.py": "2\n"})
    repo.commit("feat(03-03): mine", {"src/a.py": "a = 1\n", "src/shared.py": "s = 1\n"})
    repo.commit("test(03-03): mine", {"tests/test_a.py": "def test_a(): pass\n"})
    doc = HEAD + "- **Files modified:** 3\n"
    got = _check(repo, cli, doc, ".planning/phases/03-x/03-03-SUMMARY.md")
    assert got[("file_count", "3")] == "verified"


def test_a_bare_name_of_a_file_moved_in_the_window_counts_the_file_there_now(
    repo: ScratchRepo, cli: Cli
) -> None:
    tests = "".join(f"func TestCase{n}(t *testing.T) {{}}\n" for n in range(5))
    repo.commit("base", {"old/ctl_test.go": "package x\n" + tests[:60]})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("move", {"new/ctl_test.go": "package x\n" + tests}, remove=["old/ctl_test.go"])
    doc = HEAD + "- **ctl_test.go**: 5 tests\n- **ctl_test.go**: 4 tests\n"
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=_committed(repo, doc))
    counts = by_line(run, "test_count")
    assert counts == {7: "verified", 8: "refuted"}


def test_ginkgo_specs_are_a_go_files_tests(repo: ScratchRepo, cli: Cli) -> None:
    specs = "".join(f'    It("does {n}", func() {{}})\n' for n in range(3))
    text = f'package c\n\nimport . "github.com/onsi/ginkgo/v2"\n\nvar _ = Describe("c", func() {{\n{specs}}})\n'
    repo.commit("specs", {"c_test.go": text})
    doc = HEAD + "- `c_test.go` (3 tests)\n- `c_test.go` (5 tests)\n"
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=_committed(repo, doc))
    counts = by_line(run, "test_count")
    assert counts == {7: "verified", 8: "refuted"}


def test_at_least_a_count_of_a_files_tests(repo: ScratchRepo, cli: Cli) -> None:
    tests = "".join(f"func TestCase{n}(t *testing.T) {{}}\n" for n in range(12))
    # a skip mark in a comment is no skipped test
    repo.commit("tests", {"a_test.go": "package a\n// marked #[ignore] elsewhere\n" + tests})
    doc = HEAD + "- `a_test.go` (10+ tests)\n- `a_test.go` (20+ tests)\n- `a_test.go` (11 tests)\n"
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=_committed(repo, doc))
    counts = by_line(run, "test_count")
    assert counts == {7: "verified", 8: "refuted", 9: "refuted"}


def test_a_gone_branch_merged_off_heads_history_with_the_session_on_its_side(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("base", {"README.md": "# x\n"})
    repo.git("checkout", "-q", "-b", "agent/work-a1b2c3d4")
    repo.commit("work", {"a.py": "1\n"})
    repo.commit("handoff", {"HANDOFF.md": HEAD + "**Branch:** `agent/work-a1b2c3d4`\n"})
    repo.git("checkout", "-q", "-b", "agent/other", "main")
    repo.git(
        "merge", "-q", "--no-ff", "-m", "Merge branch 'agent/work-a1b2c3d4'", "agent/work-a1b2c3d4"
    )
    repo.git("checkout", "-q", "--detach", "agent/work-a1b2c3d4")
    repo.git("branch", "-q", "-D", "agent/work-a1b2c3d4")
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    assert verdicts(run)[("branch", "agent/work-a1b2c3d4")] == "verified"


def test_a_sentence_about_a_commit_after_its_id_is_no_subject(repo: ScratchRepo, cli: Cli) -> None:
    sha = repo.commit("packaging: restore the logo URL", {"a.py": "1\n"})
    doc = HEAD + f"Verified before this prep:\n\n- `{sha[:8]}` is reachable from `origin/main`.\n"
    assert _check(repo, cli, doc)[("commit", sha[:8])] == "verified"


def test_removing_a_token_from_a_file_is_changing_it(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("base", {"test/a_test.exs": "@tag :skip\ntest 1\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("unskip", {"test/a_test.exs": "test 1\n"})
    doc = HEAD + "## Files Modified\n\n- `test/a_test.exs` — Removed @tag :skip from test 1\n"
    assert _check(repo, cli, doc)[("file", "test/a_test.exs")] == "verified"


def test_a_test_total_beside_a_commit_off_the_sessions_history_is_that_commits(
    repo: ScratchRepo, cli: Cli
) -> None:
    three = "".join(f"def test_{n}():\n    pass\n" for n in range(3))
    repo.commit("base", {"tests/test_a.py": three})
    repo.git("checkout", "-q", "-b", "pr-50")
    five = three + "".join(f"def test_more_{n}():\n    pass\n" for n in range(2))
    side = repo.commit("fix the grid", {"tests/test_a.py": five})
    repo.git("checkout", "-q", "main")
    doc = HEAD + (
        f"- PR #50: wrapper added (commit `{side[:7]}`), 5/5 tests pass\n- Main: 5/5 tests pass\n"
    )
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=_committed(repo, doc))
    totals = by_line(run, "tests")
    assert totals == {7: "unverifiable", 8: "refuted"}


def test_a_files_net_change_of_lines_with_its_sign(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("base", {"src/a.rs": "x\n" * 30, "src/b.rs": "y\n" * 10})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("slim", {"src/a.rs": "x\n" * 21 + "z\n" * 2, "src/b.rs": "y\n" * 16})
    doc = HEAD + (
        "## Files Modified\n\n"
        "- `src/a.rs` — simplified (-7 net lines)\n"
        "- `src/b.rs` — extended (+6 net lines)\n"
        "- `src/a.rs` — simplified (-9 net lines)\n"
        "- `src/b.rs` — extended (~6 lines net delta)\n"
    )
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=_committed(repo, doc))
    nets = by_line(run, "lines")
    assert nets == {9: "verified", 10: "verified", 11: "refuted", 12: "verified"}


def test_a_count_of_tests_in_a_list_under_a_lead_in_naming_one_test_file(
    repo: ScratchRepo, cli: Cli
) -> None:
    tests = "".join(f"    func testCase{n}() {{}}\n" for n in range(12))
    repo.commit("tests", {"Tests/ParserTests.swift": "class ParserTests {\n" + tests + "}\n"})
    doc = HEAD + (
        "**iOS**: `Tests/ParserTests.swift` (1 KB)\n"
        "- 10+ test methods covering:\n  - parsing\n\n"
        "**Again**: `Tests/ParserTests.swift`\n"
        "- 20+ test methods covering:\n  - parsing\n"
    )
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=_committed(repo, doc))
    counts = by_line(run, "test_count")
    assert counts == {8: "verified", 12: "refuted"}


def test_a_tables_lines_before_column_is_not_the_size_now(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("base", {"README.md": "# x\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("ui test", {"UITest.kt": "x\n" * 12})
    doc = HEAD + (
        "| File | Lines Before | Lines After |\n|---|---|---|\n"
        "| UITest.kt | 0 | 12 |\n| UITest.kt | 0 | 15 |\n"
    )
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=_committed(repo, doc))
    sizes = {c["line"]: (c["text"], c["verdict"]) for c in claims_of(run) if c["kind"] == "lines"}
    assert sizes == {9: ("12", "verified"), 10: ("15", "refuted")}


def test_what_an_item_under_a_one_file_label_names_is_inside_that_file(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("base", {"README.md": "# x\n", "docs/guides/A.md": "a\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("links", {"README.md": "# x\n[a](docs/guides/A.md)\n"})
    doc = HEAD + "**README.md:**\n- Fixed `docs/A.md` → `docs/guides/A.md`\n"
    got = _check(repo, cli, doc)
    assert not [k for k in got if k[0] == "file"]


def test_a_file_said_uncommitted_in_japanese_and_a_named_tree_id(
    repo: ScratchRepo, cli: Cli
) -> None:
    tree = repo.git("rev-parse", repo.commit("base", {"README.md": "# x\n"}) + "^{tree}")
    doc = HEAD + (
        f"- Target commit tree was `{tree}`.\n\n## 不要ファイル\n\n"
        "- `preview.html` — 一時ファイル。gitにコミットしていない\n"
    )
    got = _check(repo, cli, doc)
    assert ("commit", tree) not in got and got.get(("file", "preview.html")) != "refuted"


# review of this session's shapes: each case below was a false alarm, a crash or a hang


def test_a_long_elided_folder_is_read_in_linear_time(tmp_path: Path) -> None:
    doc = HEAD + "See `" + ".../" * 40 + "…x`\n\n- `README.md` (3 lines)\n"
    (tmp_path / "HANDOFF.md").write_text(doc, encoding="utf-8")
    package = str(Path(handoff_lint.__file__).resolve().parents[1])  # the code under test
    done = subprocess.run(
        [sys.executable, "-m", "handoff_lint", "check", "--no-git", "HANDOFF.md"],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": package},
        capture_output=True, text=True, timeout=20, check=False,
    )  # fmt: skip
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr


def test_a_hostile_branch_name_reaches_no_git_argument(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("base", {"README.md": "# x\n"})
    doc = '---\nbranch: "feat\\0x"\n---\n' + HEAD + "**Branch:** `" + "b" * 200_000 + "`\n"
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=_committed(repo, doc))
    assert run.code in (0, 1) and "HL902" not in run.out, run.err


def test_a_lead_in_counts_no_run_and_a_sentence_is_no_lead_in(repo: ScratchRepo, cli: Cli) -> None:
    tests = "".join(f"def test_{n}():\n    pass\n" for n in range(4))
    repo.commit("base", {"tests/test_api.py": tests, "package.json": "{\n}\n"})
    repo.commit("pkg", {"packages/core/package.json": "{\n" + '"a": 1,\n' * 30 + "}\n"})
    doc = HEAD + (
        "### Fixed `tests/test_api.py`\n\n- Full suite: 15 tests passing\n\n## More\n\n"
        "The new package lives in `packages/core/`; the root was touched too:\n\n"
        "- `package.json` (2 lines): the root manifest\n"
    )
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=_committed(repo, doc))
    assert by_line(run, "test_count") == {} and by_line(run, "lines") == {15: "verified"}


def test_ginkgo_specs_made_in_a_loop_are_generated(repo: ScratchRepo, cli: Cli) -> None:
    text = (
        'package p\n\nimport . "github.com/onsi/ginkgo/v2"\n\nvar _ = Describe("p", func() {\n'
        '\tfor _, c := range cases {\n\t\tIt("parses", func() {})\n\t\tIt("prints", func() {})\n'
        "\t}\n})\n"
    )
    repo.commit("specs", {"parser_test.go": text})
    doc = HEAD + "- `parser_test.go` (10 specs)\n"
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=_committed(repo, doc))
    assert by_line(run, "test_count") == {7: "unverifiable"}


def test_a_branch_written_with_its_remote_is_the_branch_a_merge_names(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("base", {"README.md": "# x\n"})
    repo.git("checkout", "-q", "-b", "feat-x")
    repo.commit("work", {"a.py": "1\n"})
    repo.commit("handoff", {"HANDOFF.md": HEAD + "**Branch:** `origin/feat-x`\n"})
    repo.git("checkout", "-q", "main")
    repo.git("update-ref", "refs/remotes/origin/feat-x", "feat-x")
    repo.git(
        "merge", "-q", "--no-ff", "-m", "Merge remote-tracking branch 'origin/feat-x'", "feat-x"
    )
    repo.git("branch", "-q", "-D", "feat-x")
    repo.git("update-ref", "-d", "refs/remotes/origin/feat-x")
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    assert verdicts(run)[("branch", "origin/feat-x")] == "verified"


def test_a_net_change_is_not_restated_by_one_of_the_other_sign(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("base", {"src/a.rs": "x\n" * 30})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.commit("slim", {"src/a.rs": "x\n" * 21})
    doc = HEAD + "- `src/a.rs` (-9 net lines)\n- `src/a.rs` (+9 net lines)\n"
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=_committed(repo, doc))
    assert by_line(run, "lines") == {7: "verified", 8: "refuted"}


def test_test_files_with_long_runs_of_blank_lines_are_read_in_linear_time(tmp_path: Path) -> None:
    """A repository's test file is a stranger's in a pull request: '^\\s*' under multiline mode
    retried every blank line from every line start (quadratic); the patterns read a line each."""
    script = (
        "from handoff_lint.git import testdefs\n"
        "text = '\\n' * 100_000 + 'x\\n'\n"
        "for name in ('a_spec.rb', 'a_test.sh', 'a_test.dart', 'a_test.exs', 'a_test.zig', 'a.d'):\n"
        "    testdefs.tests_in(name, text)\n"
    )
    package = str(Path(handoff_lint.__file__).resolve().parents[1])  # the code under test
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env={**os.environ, "PYTHONPATH": package},
        capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
