"""Claimed commits a window ending at HEAD lists are reachable: no ``rev-list`` is asked, and
every verdict is the one it gives."""

from __future__ import annotations

from handoff_lint.scratch import ScratchRepo
from tests.conftest import run_recording_git

HEAD = "# Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\nWork.\n\n## Commits\n\n"


def _check(repo: ScratchRepo, doc: str) -> tuple[list[tuple[str, str]], list[list[str]]]:
    result, calls = run_recording_git(repo.path, doc)
    verdicts = [
        (c.text, c.reason) for d in result.documents for c in d.claims if c.kind == "commit"
    ]
    return verdicts, calls


def _asked_reachability(calls: list[list[str]]) -> bool:
    return any("rev-list" in command and "--not" in command for command in calls)


def test_commits_in_a_window_at_head_need_no_rev_list(repo: ScratchRepo) -> None:
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    shas = [repo.commit(f"work {i}", {f"src/m{i}.py": f"{i}\n"}) for i in range(3)]
    lines = "".join(f"- {sha[:7]} work {i}\n" for i, sha in enumerate(shas))
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": HEAD + lines})
    verdicts, calls = _check(repo, "SESSION_2_HANDOFF.md")
    assert len(verdicts) == 3 and not any("no ref reaches it" in r for _, r in verdicts)
    assert not _asked_reachability(calls)


def test_an_unreachable_or_older_commit_still_asks_rev_list(repo: ScratchRepo) -> None:
    old = repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    repo.git("checkout", "-q", "-b", "gone")
    lost = repo.commit("lost work", {"src/lost.py": "x\n"})
    repo.git("checkout", "-q", "main")
    repo.git("branch", "-q", "-D", "gone")
    repo.commit("work", {"src/a.py": "a\n"})
    lines = f"- {lost[:7]} lost work\n- {old[:7]} handoff 1\n"
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": HEAD + lines})
    verdicts, calls = _check(repo, "SESSION_2_HANDOFF.md")
    assert _asked_reachability(calls)
    assert "no ref reaches it" in dict(verdicts)[lost[:7]]
