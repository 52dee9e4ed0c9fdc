"""The number of git processes a check starts is a small constant, not one per claim."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from handoff_lint.scratch import ScratchRepo

HEAD = "# Handoff\n\n**Date:** 2025-11-13\n**Branch:** `main`\n\n## Summary\n\n"


def _doc(repo: ScratchRepo, shas: list[str], count: int) -> str:
    commits = "".join(f"- {sha[:7]} work {i}\n" for i, sha in enumerate(shas[:count]))
    fake = "".join(f"- {i:03d}abc{i:02d} made up\n" for i in range(count // 4))
    files = "".join(f"- `src/m{i}.py` ({i + 1} lines)\n" for i in range(count))
    missing = "".join(f"- `src/none{i}.py`\n" for i in range(count // 4))
    return HEAD + "## Commits\n\n" + commits + fake + "\n## Files Created\n\n" + files + missing


def _git_processes(repo: ScratchRepo, doc: str, trace: Path) -> int:
    env = {**repo.env, "GIT_TRACE": str(trace)}
    done = subprocess.run(
        [sys.executable, "-m", "handoff_lint", "check", doc],
        cwd=repo.path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    return sum(1 for line in trace.read_text().splitlines() if "built-in: git" in line)


def test_process_count_does_not_grow_with_claims(repo: ScratchRepo, tmp_path: Path) -> None:
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    shas = [repo.commit(f"work {i}", {f"src/m{i}.py": "x\n" * (i + 1)}) for i in range(40)]
    # two documents of the same session window, one with 4x the claims of the other
    repo.commit(
        "handoffs",
        {
            "SESSION_2_HANDOFF.md": _doc(repo, shas, 10),
            "SESSION_2_LONG_HANDOFF.md": _doc(repo, shas, 40),
        },
    )
    small = _git_processes(repo, "SESSION_2_HANDOFF.md", tmp_path / "small.trace")
    large = _git_processes(repo, "SESSION_2_LONG_HANDOFF.md", tmp_path / "large.trace")
    assert large <= 25, large  # 100 claims: a small constant number of git processes
    assert large <= small + 2, (small, large)


def test_previous_handoff_search_starts_before_parsing_and_runs_once(repo: ScratchRepo) -> None:
    """window.prefetch starts the first search step from the path alone; compute then reads
    that answer (one search process) and finds the same window as without the head start."""
    from handoff_lint.document import discover
    from handoff_lint.git.gitcmd import Git
    from handoff_lint.git.repo import gather
    from handoff_lint.session import window

    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD})
    base = repo.commit("work", {"src/a.py": "x\n"})
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": HEAD})
    globs = list(discover.DEFAULT_GLOBS)
    spans = []
    for early in (True, False):
        git = Git(repo.path)
        facts = gather(git)
        if early:
            window.prefetch(facts, "SESSION_2_HANDOFF.md", globs)
            assert any("--diff-filter=A" in c and "--name-only" in c for c in git.calls)
        spans.append(window.compute(facts, "SESSION_2_HANDOFF.md", globs))
        searches = [c for c in git.calls if "--diff-filter=A" in c and "--name-only" in c]
        assert len(searches) == 1, searches
        git.close()
    assert spans[0] == spans[1]
    assert spans[0].base is not None and repo.git("rev-parse", f"{base}^").strip() == spans[0].base
