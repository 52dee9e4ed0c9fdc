"""Shapes met on first contact with waves 74-75 of the real corpus (fixtures of the same shape,
written here): list items that carry their own counts, line changes told in other languages, a
callable that a path only locates, notes of a drawn tree that say an entry was already there or
is new, a count of tests added, and a commit id in no ref under an earlier session's heading."""

from __future__ import annotations

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, Run, by_line, claims_of, run_recording_git

HEAD = "# Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\n"


def _handed_off(repo: ScratchRepo, base: dict[str, str]) -> None:
    """``base`` committed, then a first handoff alone: the next one's window starts there."""
    repo.commit("base", base)
    repo.commit("first handoff", {"HANDOFF.md": "# Handoff\n\nThe first session.\n"})


def _run(repo: ScratchRepo, cli: Cli, doc: str, path: str = "HANDOFF.md") -> Run:
    repo.commit("handoff", {path: doc})
    return cli("check", "--format", "json", path, cwd=repo.path)


def test_items_that_carry_their_own_counts_do_not_witness_a_count_of_things(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("base", {"README.md": "# x\n"})
    doc = HEAD + (
        "**Gelöscht (29 Dateien):**\n"
        "- 24 obsolete Notizen (alte Pläne, Berichte)\n"
        "- 4 Skripte (migrate/reset/seed)\n"
        "- der alte binaries-Ordner\n\n"
        "**Gelöscht (3 Dateien):**\n"
        "- die Anleitung\n"
        "- die Notizen\n"
    )
    found = by_line(_run(repo, cli, doc), "counts")
    assert found.get(7) != "refuted"  # 24 + 4 + 1: groups, not one file each
    assert found.get(12) == "refuted"  # two items, one each


def test_line_changes_told_in_german_are_changes_not_sizes(repo: ScratchRepo, cli: Cli) -> None:
    body = "".join(f"fn f{i}() {{}}\n" for i in range(200))
    repo.commit("base", {"src/lib.rs": body})
    repo.commit("trim", {"src/lib.rs": "".join(body.splitlines(True)[5:])})
    doc = HEAD + "- `src/lib.rs` (5 Zeilen gelöscht)\n- `src/lib.rs` (7 Zeilen gelöscht)\n"
    found = by_line(_run(repo, cli, doc), "lines")
    assert found[7] == "verified"  # five deletions
    assert found[8] == "unverifiable"  # seven: not the session's deletions, and not a size


def test_a_count_of_a_callable_that_a_path_only_locates_is_not_the_files_size(
    repo: ScratchRepo, cli: Cli
) -> None:
    body = "".join(f"fn f{i}() {{}}\n" for i in range(300))
    repo.commit("base", {"src/lib.rs": "fn x() {}\n"})
    repo.commit("grow", {"src/lib.rs": body})
    doc = HEAD + (
        "- Removed `price_command()` aus `src/lib.rs` (~107 Zeilen)\n"
        "- Added the `parse()` method in `src/lib.rs` (~60 lines)\n"
        "- `src/lib.rs` (120 lines)\n"
    )
    found = by_line(_run(repo, cli, doc), "lines")
    assert 7 not in found and 8 not in found
    assert found[9] == "refuted"  # the file's own size is still checked


TREE = (
    "## Files created/modified\n\n"
    "```\n"
    "internal/\n"
    "├── handler/\n"
    "│   ├── school.go      ← YA EXISTÍA\n"
    "│   └── unit.go        ← NUEVO (Fase 1)\n"
    "└── router.go          ← NUEVO (Fase 1)\n"
    "```\n"
)


def test_a_tree_note_that_an_entry_already_existed_claims_only_that_it_is_there(
    repo: ScratchRepo, cli: Cli
) -> None:
    base = {"internal/handler/school.go": "package h\n", "internal/router.go": "r\n"}
    _handed_off(repo, base)
    repo.commit("work", {"internal/handler/unit.go": "package h\n", "internal/router.go": "r2\n"})
    found = {
        c["text"]: (c["verdict"], c["value"].get("action"))
        for c in claims_of(_run(repo, cli, HEAD + TREE))
        if c["kind"] == "file"
    }
    assert found["school.go"] == ("verified", "exists")  # not changed, as its note says
    assert found["unit.go"] == ("verified", "created")
    assert found["router.go"][0] == "refuted"  # "NUEVO", but it was there before the session


def test_a_count_of_tests_added_is_not_the_files_total(repo: ScratchRepo, cli: Cli) -> None:
    tests = "".join(f"def test_{i}():\n    pass\n\n" for i in range(7))
    repo.commit("base", {"tests/test_grid.py": tests})
    more = "".join(f"def test_more_{i}():\n    pass\n\n" for i in range(14))
    repo.commit("tests", {"tests/test_grid.py": tests + more})
    doc = HEAD + "- `tests/test_grid.py`: +14 tests (21 in all)\n- `tests/test_grid.py`: +9 tests\n"
    found = by_line(_run(repo, cli, doc), "test_count")
    assert found[7] == "verified"  # 14 added in the session
    assert found[8] == "unverifiable"  # where the session began git cannot say: not the total


def test_a_commit_in_no_ref_is_refuted_under_an_earlier_sessions_heading(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("base", {"README.md": "# x\n"})
    doc = (
        "# Progress log\n\n"
        "## Session 1: setup\n\n- Commit `9b43d56`: set up the project\n\n"
        "## Session 2: parser\n\n- Added the parser\n"
    )
    found = {c["text"]: c for c in claims_of(_run(repo, cli, doc)) if c["kind"] == "commit"}
    assert found["9b43d56"]["verdict"] == "refuted"
    assert found["9b43d56"]["rule"] == "HL201"


def test_a_file_count_in_german_is_read(repo: ScratchRepo, cli: Cli) -> None:
    _handed_off(repo, {"README.md": "# x\n"})
    repo.commit("work", {"src/a.ts": "a\n", "src/b.ts": "b\n", "README.md": "# y\n"})
    doc = HEAD + "**Dateien:**\n- 2 neue Dateien erstellt\n- 6 Dateien modifiziert\n"
    found = by_line(_run(repo, cli, doc), "file_count")
    assert found == {8: "verified", 9: "refuted"}


def test_a_branch_label_that_says_merged_into_names_the_branch_after_it(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("base", {"README.md": "# x\n"})
    repo.git("checkout", "-q", "-b", "dev")
    repo.commit("work", {"src/a.go": "package a\n"})
    doc = HEAD + "**Rama**: Merged a `dev`\n"
    found = {
        c["text"]: c["verdict"] for c in claims_of(_run(repo, cli, doc)) if c["kind"] == "branch"
    }
    assert found == {"dev": "verified"}


def test_a_total_under_a_pasted_tree_counts_the_trees_files(repo: ScratchRepo, cli: Cli) -> None:
    _handed_off(repo, {"README.md": "# x\n"})
    repo.commit("work", {f"src/f{i}.go": "package f\n" for i in range(6)})
    doc = HEAD + (
        "### Repositorios\n\n"
        "```\n"
        "src/\n"
        "├── f0.go      ✅ 1 línea\n"
        "└── f1.go      ✅ 1 línea\n"
        "```\n\n"
        "**Total:** 2 archivos, ~2 líneas de código\n"
    )
    found = by_line(_run(repo, cli, doc), "file_count")
    assert found == {15: "verified"}  # the two files drawn above, not the window's six


def test_a_total_under_a_commits_heading_is_that_commits(repo: ScratchRepo, cli: Cli) -> None:
    _handed_off(repo, {"README.md": "# x\n"})
    first = repo.commit("tools", {"src/a.go": "a\n", "src/b.go": "b\n", "src/c.go": "c\n"})
    guide = repo.commit("guide", {"docs/guide.md": "g\n"})
    repo.commit("more", {f"lib/m{i}.go": "m\n" for i in range(5)})  # the window: 9 created
    doc = HEAD + (
        f"### Commit 1: tools\n**SHA:** {first[:7]}\n\n**Total:** 3 arquivos, 3 inserções\n\n"
        f"### Commit 2: guide\n**SHA:** {guide[:7]}\n\n**Total:** 1 arquivo, 1 inserção\n\n"
        "### Novos Arquivos (4)\n"
        "```\n"
        "src/a.go            1 LOC\n"
        "src/b.go            1 LOC\n"
        "src/c.go            1 LOC\n"
        "docs/guide.md       1 LOC\n"
        "```\n"
    )
    found = by_line(_run(repo, cli, doc), "file_count")
    assert found == {10: "verified", 15: "verified", 17: "verified"}


def test_a_total_after_the_last_commits_section_is_of_them_all(repo: ScratchRepo, cli: Cli) -> None:
    _handed_off(repo, {"README.md": "# x\n"})
    first = repo.commit("tools", {"src/a.go": "a\n", "src/b.go": "b\n", "src/c.go": "c\n"})
    guide = repo.commit("guide", {"docs/guide.md": "g\n"})
    doc = HEAD + (
        f"Commits: `{first[:7]}` and `{guide[:7]}`.\n\n"
        f"### 1. {first[:7]} - tools\n**Fichiers** : 3 changed, +3/-0\n\n"
        f"### 2. {guide[:7]} - guide\n**Fichiers** : 1 changed, +1/-0\n\n"
        "**Total** : 4 fichiers, +4/-0\n"
    )
    found = by_line(_run(repo, cli, doc), "file_count")
    assert found[15] == "verified"  # both commits' files, not more than the last one's


def test_a_long_name_is_not_the_file_that_one_of_its_words_names(
    repo: ScratchRepo, cli: Cli
) -> None:
    _handed_off(repo, {"README.md": "# x\n"})
    repo.commit("work", {"src/interface.go": "package s\n" * 15, "src/registry.go": "r\n" * 40})
    doc = HEAD + (
        "### Documentation\n"
        "- Complete guide to using the interfaces (400+ lines)\n"
        "- Registry Module: 30 lines\n"
    )
    found = by_line(_run(repo, cli, doc), "lines")
    assert found.get(8) != "refuted"  # four words more than "interface"
    assert found[9] == "refuted"  # registry.go has 40


def test_a_diff_stat_of_a_branchs_work_merged_in_the_window_is_a_reading(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("base", {"README.md": "# x\n"})
    repo.commit("first handoff", {"SESSION_1_HANDOFF.md": "# Handoff\n\nThe first session.\n"})
    repo.commit("plan", {"docs/plan.md": "step\n" * 30})
    repo.git("checkout", "-q", "-b", "feat/logging")
    repo.commit("logging", {"src/log.swift": "log\n" * 12})
    repo.commit("tests", {"tests/log_test.swift": "t\n" * 5})
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge feat/logging into main", "feat/logging")
    doc = (
        HEAD + "| Metric | Value |\n|---|---|\n| **Lines added** | 17 |\n| **Lines added** | 18 |\n"
    )
    run = _run(repo, cli, doc, "SESSION_2_HANDOFF.md")
    assert "previous handoff" in run.json()["documents"][0]["window"]["how"]  # an exact start
    assert by_line(run, "stats") == {9: "verified", 10: "refuted"}  # 12 + 5 on the branch


def test_a_date_written_with_slashes_is_read_either_way_round(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("work", {"a.py": "x\n"}, when="2025-12-22T10:00:00+00:00")
    doc = (
        "# Resumo da Sessão - 22/12/2024\n\n## Work\n\n- Added `a.py`\n"  # the commits are of 2025
    )
    found = by_line(_run(repo, cli, doc), "date")
    assert found == {1: "refuted"}
    repo.commit("more", {"b.py": "y\n"}, when="2025-05-12T10:00:00+00:00")
    again = "# Session\n\n**Date:** 05/12/2025\n\n## Work\n\n- Added `b.py`\n"
    assert by_line(_run(repo, cli, again), "date") == {3: "verified"}  # May 12th, US order


def test_counts_in_the_columns_of_a_pasted_listing_are_claims(repo: ScratchRepo, cli: Cli) -> None:
    _handed_off(repo, {"README.md": "# x\n"})
    repo.commit("work", {"internal/a.go": "a\n" * 288, "internal/b.go": "b\n" * 10})
    doc = HEAD + (
        "```\n"
        "internal/\n"
        "├── a.go      ✅ 288 líneas\n"
        "└── b.go      ✅ 12 líneas\n"
        "```\n\n"
        "```\n"
        "internal/a.go        288 LOC\n"
        "internal/b.go        12 LOC\n"
        "```\n"
    )
    found = by_line(_run(repo, cli, doc), "lines")
    assert found == {9: "verified", 10: "refuted", 14: "verified", 15: "refuted"}


def test_a_bold_file_label_followed_by_its_action_claims_that_action(
    repo: ScratchRepo, cli: Cli
) -> None:
    _handed_off(repo, {"CLAUDE.md": "# notes\n", "README.md": "# x\n"})
    repo.commit("work", {"README.md": "# y\n"})
    doc = HEAD + "- **CLAUDE.md:** Updated with the parser notes\n- **README.md:** Updated\n"
    found = by_line(_run(repo, cli, doc), "file")
    assert found == {7: "refuted", 8: "verified"}


def test_a_file_only_a_pull_request_ref_holds_is_somewhere(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("base", {"README.md": "# x\n"})
    repo.git("checkout", "-q", "-b", "feat/templates")
    repo.commit("templates", {"python-project/CUSTOMIZATION.md": "# how\n"})
    repo.git("update-ref", "refs/pull/9/head", "HEAD")  # what a mirror or a PR checkout holds
    repo.git("checkout", "-q", "main")
    repo.git("branch", "-q", "-D", "feat/templates")
    doc = HEAD + "- Created `python-project/CUSTOMIZATION.md`\n- Created `docs/NEVER.md`\n"
    found = by_line(_run(repo, cli, doc), "file")
    assert found == {7: "unverifiable", 8: "refuted"}


def test_file_actions_and_dates_in_russian_and_german(repo: ScratchRepo, cli: Cli) -> None:
    _handed_off(repo, {"README.md": "# x\n", "docs/glossary.md": "g\n"})
    repo.commit("work", {"docs/canvas.md": "c\n"}, when="2025-12-13T10:00:00+00:00")
    doc = (
        "# Итоги\n\n**Letzte Aktualisierung:** 13. Dezember 2024, 22:13 Uhr\n\n## Работа\n\n"
        "- Создан `docs/canvas.md` — канвас.\n"
        "- Обновлены: `docs/glossary.md`.\n"
    )
    run = _run(repo, cli, doc)
    assert by_line(run, "file") == {7: "verified", 8: "refuted"}  # the glossary is untouched
    assert by_line(run, "date") == {3: "refuted"}  # a year early


def test_a_headings_count_is_the_sum_of_its_subheadings_counts(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("base", {"README.md": "# x\n"})
    doc = HEAD + (
        "### 백엔드 (13개)\n\n#### 신규 파일 (8개)\n\n"
        + "".join(f"- `src/New{i}.java`\n" for i in range(8))
        + "\n#### 수정된 파일 (3개)\n\n- `src/A.java`\n- `src/B.java`\n- `src/C.java`\n\n"
        "### 프론트엔드 (2개)\n\n#### 신규 (1개)\n\n- `web/a.ts`\n\n#### 수정 (1개)\n\n- `web/b.ts`\n"
    )
    found = by_line(_run(repo, cli, doc), "counts")
    assert found[7] == "refuted"  # 8 + 3 is 11
    assert found[26] == "verified"  # 1 + 1 is 2


def test_a_commits_stat_is_claimed_where_it_is_written_and_a_total_is_not_its(
    repo: ScratchRepo, cli: Cli
) -> None:
    _handed_off(repo, {"README.md": "# x\n"})
    one = repo.commit("one", {"a.py": "a\n", "b.py": "b\n"})
    two = repo.commit("two", {"c.py": "c\nc\n"})
    doc = HEAD + (
        f"1. `{one[:7]}` — one\n   - 2 files changed, 2 insertions(+)\n"
        f"2. `{two[:7]}` — two\n   - 1 file changed, 5 insertions(+)\n\n"
        "| Commit | Files |\n|---|---|\n"
        f"| `{one[:7]}` | 2 |\n| `{two[:7]}` | 1 |\n\n"
        "**Total:** 2 commits, 3 files changed, 9 insertions(+)\n"
        "- 3 files (4 insertions, 0 deletions)\n"
    )
    run = _run(repo, cli, doc)
    assert by_line(run, "commit") == {7: "verified", 9: "verified", 14: "verified", 15: "verified"}
    stats = {c["line"]: (c["verdict"], c["column"]) for c in claims_of(run) if c["kind"] == "stats"}
    assert stats[8] == ("verified", 6) and stats[10] == ("refuted", 6)  # at the stat itself
    assert stats[17][0] == "refuted"  # the total is not the last commit's: git gives +4
    assert "parts" not in {c["kind"] for c in claims_of(run) if c["line"] == 18}


def test_a_tree_entry_named_with_spaces_gives_no_path_its_count(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("base", {"docs/moderno.md": "m\n" * 3})
    doc = (
        HEAD
        + "```\ndocs/\n├─ Modelo de Planificación moderno.md (214 L)\n└─ moderno.md (3 L)\n```\n"
    )
    found = by_line(_run(repo, cli, doc), "lines")
    assert found == {10: "verified"}


def test_a_method_with_modifiers_is_a_definition(repo: ScratchRepo, cli: Cli) -> None:
    php = "<?php\nclass Gate {\n\tpublic function filter_links( array $a ): array {\n\t}\n}\n"
    repo.commit("base", {"includes/class-gate.php": php})
    doc = HEAD + (
        "- The `filter_links()` in `includes/class-gate.php` replaces the link\n"
        "- The `missing_one()` in `includes/class-gate.php` does the rest\n"
    )
    assert by_line(_run(repo, cli, doc), "symbol") == {7: "verified", 8: "refuted"}


def test_a_label_of_commits_with_its_count_and_noun_over_a_pasted_log(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("base", {"README.md": "# x\n"})
    one = repo.commit("one", {"a.py": "a\n"})
    two = repo.commit("two", {"b.py": "b\n"})
    doc = HEAD + (
        f"### Commits dieser Session: **5 Commits**\n\n```\n{two[:7]} two\n{one[:7]} one\n```\n"
    )
    assert by_line(_run(repo, cli, doc), "counts") == {7: "refuted"}  # 2 listed, 3 in git, 3 in git


def test_a_heading_that_dates_the_last_session(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("work", {"a.py": "x\n"}, when="2025-10-21T10:00:00+00:00")
    doc = "# Daily\n\nHecho: parser\n\n## Ultima Sesion (2025-01-21)\n\n- Added `a.py`\n"
    assert by_line(_run(repo, cli, doc), "date") == {5: "refuted"}


def test_a_total_of_files_over_a_table_of_commits_is_their_sum(repo: ScratchRepo, cli: Cli) -> None:
    _handed_off(repo, {"README.md": "# x\n"})
    one = repo.commit("one", {"a.py": "a\n", "b.py": "b\n"})
    two = repo.commit("two", {"a.py": "a2\n", "b.py": "b2\n", "c.py": "c\n"})
    doc = HEAD + (
        "| Commit | Message | Files |\n|---|---|---|\n"
        f"| `{one[:7]}` | one | 2 files |\n| `{two[:7]}` | two | 3 files |\n\n"
        "**Total:** 2 commits, 5 files changed\n"
    )
    assert by_line(_run(repo, cli, doc), "file_count")[12] == "verified"  # 2 + 3; 3 distinct


def test_a_description_in_the_reports_language_is_no_subject(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("base", {"README.md": "# x\n"})
    sha = repo.commit("test(subs): entitle tracking fixtures", {"t.ts": "t\n"})
    doc = HEAD + (
        f"- `{sha[:7]}` — fixtures históricos de tracking con entitlement.\n"
        f"- `{sha[:7]}` — Add the login page\n"
    )
    assert by_line(_run(repo, cli, doc), "commit") == {7: "verified", 8: "refuted"}


def test_a_numbered_label_of_files_in_spanish_and_a_pull_requests_commits(
    repo: ScratchRepo, cli: Cli
) -> None:
    _handed_off(repo, {"src/a.tsx": "a\n", "src/b.tsx": "b\n"})
    repo.commit("work", {"src/a.tsx": "a2\n", "src/b.tsx": "b2\n"})
    doc = HEAD + (
        "2. **Archivos actualizados (5):**\n   - `src/a.tsx`\n   - `src/b.tsx`\n\n"
        "**Commits merged:** 7 commits\n"
    )
    run = _run(repo, cli, doc)
    assert by_line(run, "file_count") == {7: "refuted"}
    assert 11 not in by_line(run, "counts")  # a pull request's commits, squashed into one


def test_a_commits_own_stat_asks_git_for_no_session_diff_stat(repo: ScratchRepo) -> None:
    repo.commit("base", {"README.md": "# x\n"})
    sha = repo.commit("one", {"a.py": "a\n"})
    doc = HEAD + f"- `{sha[:7]}` one\n  - 1 file changed, 1 insertion(+)\n"
    repo.commit("handoff", {"HANDOFF.md": doc})
    calls = run_recording_git(repo.path, "HANDOFF.md")[1]
    assert not any("--shortstat" in c and "diff" in c for c in calls)  # the commit's log has it


def test_a_date_keys_heading_over_the_date_alone_and_a_started_key(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("work", {"a.py": "x\n"}, when="2025-10-14T10:00:00+00:00")
    doc = "# 进度\n\n## 完成日期\n\n2024-10-14\n\n## 工作\n\n- Added `a.py`\n"
    assert by_line(_run(repo, cli, doc), "date") == {5: "refuted"}  # a year early
    started = "# WIP\n\n## Session\n**Started:** 2025-10-14 00:00:00 AEST\n\n- Added `a.py`\n"
    assert by_line(_run(repo, cli, started), "date") == {4: "verified"}
