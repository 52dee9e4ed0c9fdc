"""One ``git version`` per run, started with the first commands; GitPython's own two skipped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from handoff_lint.git.gitprobe import failure
from handoff_lint.scratch import ScratchRepo


def _versions(repo: ScratchRepo, trace: Path, **extra: str) -> tuple[int, int]:
    done = subprocess.run(
        [sys.executable, "-m", "handoff_lint", "check", "SESSION_1_HANDOFF.md"],
        cwd=repo.path,
        env={**repo.env, "GIT_TRACE": str(trace), **extra},
        capture_output=True,
        check=False,
    )
    lines = trace.read_text().splitlines()
    return done.returncode, sum(line.endswith("built-in: git version") for line in lines)


def test_a_check_runs_git_version_once(repo: ScratchRepo, tmp_path: Path) -> None:
    repo.commit("handoff", {"SESSION_1_HANDOFF.md": "# Handoff\n\n## Summary\n\nWork.\n"})
    code, versions = _versions(repo, tmp_path / "trace")
    assert code in (0, 1) and versions == 1


def test_a_chosen_git_program_is_probed_by_gitpython(repo: ScratchRepo, tmp_path: Path) -> None:
    """GIT_PYTHON_GIT_EXECUTABLE set by the user: GitPython's import probes it, as before."""
    repo.commit("handoff", {"SESSION_1_HANDOFF.md": "# Handoff\n\n## Summary\n\nWork.\n"})
    code, versions = _versions(repo, tmp_path / "trace", GIT_PYTHON_GIT_EXECUTABLE="git")
    assert code in (0, 1) and versions == 2


def test_failure_reads_as_gitpythons_error() -> None:
    said = "stderr: 'xcrun: error: invalid active developer path'"
    assert failure(1, "", "xcrun: error: invalid active developer path\n") == said
    assert failure(1, "", "first\nsecond\n") == "stderr: 'first"
    assert failure(128, "", "") == "cmdline: git version"
