"""The configured exclude (plans, indexes, templates by default): left out of discovery, of the
search for the previous handoff that starts a session window, and of the audit."""

from __future__ import annotations

from typing import Any

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli

REPORT = """# Session 2 Handoff

**Date:** 2025-11-13

## Summary

Done.

## Files Created

- `a.py`
- `b.py`
"""


def _with_a_plan_between(repo: ScratchRepo) -> None:
    """Session 2 created a.py and b.py; a roadmap was committed between the two."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# S1\n"})
    repo.commit("work 1", {"a.py": "1\n"})
    repo.commit("roadmap", {"SESSION_ROADMAP.md": "# Roadmap\n\n- later\n"})
    repo.commit("work 2", {"b.py": "1\n"})
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": REPORT})


def _document(run: Any) -> dict[str, Any]:
    found: dict[str, Any] = run.json()["documents"][0]
    return found


def test_an_excluded_plan_does_not_start_the_session_window(repo: ScratchRepo, cli: Cli) -> None:
    """SESSION_ROADMAP.md matches SESSION_*.md but the exclude leaves it out: the window
    starts after SESSION_1_HANDOFF.md, so a.py, created before the roadmap, is the session's;
    with `exclude = []` the roadmap is a handoff again and starts the window."""
    _with_a_plan_between(repo)
    doc = _document(cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path))
    assert doc["window"]["previous"] == "SESSION_1_HANDOFF.md"
    files = {c["text"]: c["verdict"] for c in doc["claims"] if c["kind"] == "file"}
    assert files == {"a.py": "verified", "b.py": "verified"}
    repo.write(".handoff-lint.toml", "exclude = []\n")
    doc = _document(cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path))
    assert doc["window"]["previous"] == "SESSION_ROADMAP.md"
    files = {c["text"]: c["verdict"] for c in doc["claims"] if c["kind"] == "file"}
    assert files == {"a.py": "refuted", "b.py": "verified"}


def test_facts_window_skips_an_excluded_plan(repo: ScratchRepo, cli: Cli) -> None:
    """`facts` (the window a handoff written now reports on) starts after the last report,
    not after a roadmap committed since."""
    _with_a_plan_between(repo)
    repo.commit("work 3", {"c.py": "1\n"})
    repo.commit("index", {"SESSION_INDEX.md": "# Index\n\n- SESSION_2_HANDOFF.md\n"})
    run = cli("facts", "--format", "markdown", cwd=repo.path)
    assert run.code == 0 and "c.py" in run.out


def test_audit_leaves_excluded_documents_out(repo: ScratchRepo, cli: Cli) -> None:
    _with_a_plan_between(repo)
    paths = [d["path"] for d in cli("audit", "--format", "json", cwd=repo.path).json()["documents"]]
    assert paths == ["SESSION_1_HANDOFF.md", "SESSION_2_HANDOFF.md"]
    repo.write(".handoff-lint.toml", "exclude = []\n")
    paths = [d["path"] for d in cli("audit", "--format", "json", cwd=repo.path).json()["documents"]]
    assert paths == ["SESSION_1_HANDOFF.md", "SESSION_ROADMAP.md", "SESSION_2_HANDOFF.md"]


def test_plans_indexes_and_readmes_are_told_by_the_shape_of_their_names(
    repo: ScratchRepo, cli: Cli
) -> None:
    """By default discovery leaves out a name whose last word (a version or number after it
    aside) is a plan, index, README or template word, however it is spelled; a report whose
    name only holds such a word is kept. `exclude = []` brings them all back."""
    plans = [
        "SESSION_ROADMAP_V2.md",
        "SESSION_PLANNING.md",
        "docs/handoffs/INDEX.md",
        "docs/handoffs/README.md",
        "docs/handoffs/nextSessionPlan.md",
    ]
    reports = ["SESSION_5_INDEX_REBUILD.md", "SESSION_6_HANDOFF.md", "docs/handoffs/2025-11-13.md"]
    repo.commit("docs", {path: "# Notes\n" for path in plans + reports})

    def discovered(*args: str) -> list[str]:
        run = cli("check", "--format", "json", *args, cwd=repo.path)
        return sorted(d["path"] for d in run.json()["documents"])

    assert discovered() == sorted(reports)
    assert discovered("docs/handoffs") == ["docs/handoffs/2025-11-13.md"]
    repo.write(".handoff-lint.toml", "exclude = []\n")
    assert discovered() == sorted(plans + reports)


def _paths(cli: Cli, repo: ScratchRepo, *args: str) -> list[str]:
    run = cli("check", "--format", "json", *args, cwd=repo.path)
    assert run.code in (0, 1), run.err
    return sorted(d["path"] for d in run.json()["documents"])


def test_extend_exclude_adds_to_the_default_instead_of_replacing_it(
    repo: ScratchRepo, cli: Cli
) -> None:
    """ruff's pair: `exclude` replaces the default (plans, indexes ... by name), while
    `extend_exclude` adds globs to it (or to a configured `exclude`); `extend_include` adds
    globs to the default ones. They apply wherever `exclude` does: discovery, the search for
    the previous handoff that starts a window, and named files with --force-exclude."""
    _with_a_plan_between(repo)
    repo.commit("old", {"docs/handoffs/archive/OLD.md": "# Old\n\n- 1/2 tests (50%)\n"})
    repo.commit("notes", {"notes/day-3.md": "# Day 3\n\n- 1/2 tests (50%)\n"})
    archive = "docs/handoffs/archive/OLD.md"
    reports = ["SESSION_1_HANDOFF.md", "SESSION_2_HANDOFF.md"]
    assert _paths(cli, repo) == sorted([archive, *reports])
    repo.write(".handoff-lint.toml", 'extend_exclude = ["docs/handoffs/archive/**"]\n')
    assert _paths(cli, repo) == reports  # the roadmap stays out as well
    doc = _document(cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path))
    assert doc["window"]["previous"] == "SESSION_1_HANDOFF.md"
    assert _paths(cli, repo, "--force-exclude", archive, "SESSION_ROADMAP.md") == []
    repo.write(".handoff-lint.toml", 'exclude = ["docs/handoffs/archive/**"]\n')
    assert _paths(cli, repo) == sorted([*reports, "SESSION_ROADMAP.md"])
    both = 'exclude = ["SESSION_1*"]\nextend_exclude = ["docs/handoffs/archive/**"]\n'
    repo.write(".handoff-lint.toml", both)
    assert _paths(cli, repo) == ["SESSION_2_HANDOFF.md", "SESSION_ROADMAP.md"]
    repo.write(".handoff-lint.toml", 'extend_include = ["notes/*.md"]\n')
    assert _paths(cli, repo) == sorted([archive, *reports, "notes/day-3.md"])
    repo.write(".handoff-lint.toml", 'extend_exclude = ["a/**/b/**/c/**/d.md"]\n')
    assert cli("check", cwd=repo.path).code == 2  # checked like every configured glob
