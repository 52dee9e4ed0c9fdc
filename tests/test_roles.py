"""What a heading says its content is: a plan only when it is itself about future work (or
another session's); a title never is, unless it leads with future work; the same roles in the
languages agents write in."""

from __future__ import annotations

import pytest

from handoff_lint.document import roles
from tests.test_extract import extract


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Next Steps", "plan"),
        ("Remaining (not done)", "plan"),
        ("State at handoff (parser shipped; the lexer is next)", ""),  # a status, done and to come
        ("Auth export (planned)", "plan"),
        ("Known issues (two pending)", "plan"),
        ("Item 3: Savings Goals Dashboard ✅", ""),
        ("Goals Complete", ""),
        ("Phase 2 Plan (5/5)", ""),
        ("PREVIOUS SESSION: Issue #12 COMPLETE ✅", "plan"),
        ("Próximos pasos", "plan"),
        ("下一步计划", "plan"),
        ("未完成任务", "plan"),
        ("已完成任务", "summary"),
        ("📁 Entregables Creados", "files_created"),
        ("新增文件", "files_created"),
        ("Neue Dateien", "files_created"),
        ("修改的文件", "files_modified"),
        ("変更ファイル", "files_modified"),
        ("Actualizaciones", "files_modified"),
        ("File creati/modificati (principali)", "files"),
        ("Archivos eliminados", "files_deleted"),
        ("Phase 6: Tests (0% complete) ⏳", "plan"),  # a progress of nought is work to come
        ("第六阶段：测试（0% 完成）", "plan"),
        ("Phase 5 (100% complete)", ""),
        ("Export 🚧", "plan"),
        ("待实现", "plan"),
        ("任务产物", "summary"),  # the task's outputs: done work
        ("Coverage at 80%", ""),
        ("Frontend (Next.js)", ""),  # a framework's name, not the next thing to do
        ("Action Items for Sprint 8 (Revised)", "plan"),
        # work addressed to the reader of the handoff
        ("4. Your Task List", "plan"),
        ("4. 你的任务清单", "plan"),
        ("Deine Aufgaben", "plan"),
        ("Updated todo.md", "files_modified"),
    ],
)
def test_the_role_of_a_heading(title: str, role: str) -> None:
    assert roles.role_of(title) == role


@pytest.mark.parametrize(
    ("title", "judged"),
    [
        ("Sprint 4 Plan 02: Billing Export Summary", ["src/a.py", "src/b.py"]),
        ("Session 6 Handoff Instructions", ["src/a.py", "src/b.py"]),
        # a plan document: its work is to come, but a section marked done under it is done
        ("Next Session: Week 16 Mobile UI", ["src/b.py"]),
    ],
)
def test_a_title_is_a_plan_only_when_it_leads_with_future_work(
    title: str, judged: list[str]
) -> None:
    body = "**Date:** 2025-01-01\n\n## Work\n\n- Created `src/a.py`\n\n### Goals ✅\n\n- `src/b.py` (new)\n"
    found = [c.text for c in extract(f"# {title}\n\n{body}") if c.kind == "file"]
    assert found == judged


def test_a_file_list_under_a_heading_in_another_language() -> None:
    markdown = (
        "# Resumen\n\n## Entregables Creados\n\n### Código\n\n1. `src/nas.py`\n\n"
        "### Actualizaciones\n\n- `README.md`\n\n## Próximos pasos\n\n- `src/next.py` (new)\n"
    )
    found = [(c.text, c.value["action"]) for c in extract(markdown) if c.kind == "file"]
    assert found == [("src/nas.py", "created"), ("README.md", "modified")]


@pytest.mark.parametrize(
    ("item", "path"),
    [
        ("[src/a.py](src/a.py)", "src/a.py"),
        ("**[../src/a.py](../src/a.py)** (813 lines)", "../src/a.py"),
        ("[a.py](../src/a.py#L10)", "../src/a.py"),
        ("[src/a.py](https://github.com/o/r/blob/main/src/a.py)", "src/a.py"),
        ("[the guide](https://example.com/guide)", None),
    ],
)
def test_a_link_to_a_file_in_a_file_list(item: str, path: str | None) -> None:
    markdown = f"# Report\n\n## Files Created\n\n1. {item}\n"
    found = [c.value["path"] for c in extract(markdown) if c.kind == "file"]
    assert found == ([path] if path else [])


@pytest.mark.parametrize(
    ("items", "planned"),
    [
        ("1. **Locales** ✅\n   - 12 strings\n2. **Tests** ✅\n", False),  # done work, ranked
        ("1. **Locales** ✅\n2. Tests\n3. Docs\n", True),  # mostly still to do
        ("- Fix A\n- Fix B\n", True),
    ],
)
def test_a_plan_word_over_items_marked_done(items: str, planned: bool) -> None:
    """ "### P3 Priority Features" over items each marked ✅ reports done work; a heading that
    names future work ("Next Priorities") stays a plan whatever its items say."""
    from handoff_lint.document.parse import parse
    from handoff_lint.document.source import decode

    for title, expected in (("P3 Priority Features", planned), ("Next Priorities", True)):
        doc = parse("x.md", decode(f"# Report\n\n### {title}\n{items}".encode()))
        assert [s.in_plan for s in doc.sections if s.title == title] == [expected]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        # a heading marked done makes its subtree done work under a plan-like heading
        ("## Critical Blockers - Status\n\n### ✅ #1: Missing ignore file\n\n"
         "Fixed in commit 1b3c4d2e.\n", ["1b3c4d2e"]),
        ("## High Priority\n\n### #2 Linting (Phase 2 Complete)\n\n- 9487cd7: Fix x\n", ["9487cd7"]),
        # an imperative "Complete ..." is an option of the plan, not done work
        ("## Next Steps\n\n### Option A: Complete Visual Tests\n\n- commit 2ecb1104\n", []),
        ("## Blockers\n\n### #3 Install fails\n\n- commit 3ecb1104\n", []),
    ],
)  # fmt: skip
def test_a_done_heading_overrules_the_plan_above_it(markdown: str, expected: list[str]) -> None:
    found = [c.text for c in extract("# Status Update\n\n" + markdown) if c.kind == "commit"]
    assert found == expected
