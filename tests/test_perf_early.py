"""The files at HEAD are listed while the claims are extracted, when the window ends at HEAD."""

from __future__ import annotations

from handoff_lint.scratch import ScratchRepo
from tests.conftest import run_recording_git

DOC = (
    "# Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\nWork.\n\n## Files Created\n\n- `src/a.py`\n"
)


def _calls(repo: ScratchRepo, doc: str) -> list[list[str]]:
    return run_recording_git(repo.path, doc)[1]


def _first(calls: list[list[str]], word: str) -> int:
    return next(i for i, command in enumerate(calls) if word in command)


def test_a_document_of_heads_commit_lists_the_index_before_the_window(repo: ScratchRepo) -> None:
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": DOC})
    repo.commit("work", {"src/a.py": "a\n"})
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": DOC})
    calls = _calls(repo, "SESSION_2_HANDOFF.md")
    assert _first(calls, "ls-files") < _first(calls, "diff")  # before the window's diff
    assert sum("ls-files" in c for c in calls) == sum("diff-index" in c for c in calls) == 1


def test_a_window_in_the_front_matter_lists_no_index(repo: ScratchRepo) -> None:
    base = repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": DOC})
    head = repo.commit("work", {"src/a.py": "a\n"})
    front = f"---\nbase: {base}\nhead: {head}\n---\n"
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": front + DOC})
    repo.commit("more", {"src/b.py": "b\n"})
    calls = _calls(repo, "SESSION_2_HANDOFF.md")
    assert not any("ls-files" in c or "diff-index" in c for c in calls)
