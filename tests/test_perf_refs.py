"""Which branches hold the session's last commit: read from the ref listing when every branch
points at that commit (a repository of one branch, as CI checks out), else asked of git."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from handoff_lint.scratch import ScratchRepo

DOC = "# Handoff\n\n**Date:** 2025-11-13\n**Branch:** `{branch}`\n\n## Summary\n\nWork.\n"


def _check(repo: ScratchRepo, trace: Path) -> tuple[list[tuple[str, str]], list[str]]:
    done = subprocess.run(
        [sys.executable, "-m", "handoff_lint", "check", "--format", "json", "SESSION_1_HANDOFF.md"],
        cwd=repo.path,
        env={**repo.env, "GIT_TRACE": str(trace)},
        capture_output=True,
        text=True,
        check=False,
    )
    claims = json.loads(done.stdout)["documents"][0]["claims"]
    asked = [line for line in trace.read_text().splitlines() if "--contains" in line]
    return [(c["text"], c["verdict"]) for c in claims if c["kind"] == "branch"], asked


def test_one_branch_holds_its_head_without_a_for_each_ref_contains(
    repo: ScratchRepo, tmp_path: Path
) -> None:
    repo.commit("work", {"src/a.py": "A = 1\n"})
    repo.commit("handoff", {"SESSION_1_HANDOFF.md": DOC.format(branch="main")})
    branches, asked = _check(repo, tmp_path / "one.trace")
    assert branches == [("main", "verified")] and asked == []
