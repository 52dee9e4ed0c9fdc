"""``audit`` reads the history of every document version that a commit wrote by adding it from
one ``log --no-walk`` (it is that commit alone), not from one ``log`` per document."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from handoff_lint.scratch import ScratchRepo

DOC = "# Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\n## Files Created\n\n- `src/{name}.py`\n"


def test_documents_added_once_need_no_log_of_their_own(repo: ScratchRepo, tmp_path: Path) -> None:
    for number in (1, 2, 3):
        repo.commit(f"work {number}", {f"src/m{number}.py": "x\n"})
        doc = DOC.format(name=f"m{number}" if number != 2 else "none")
        repo.commit(f"handoff {number}", {f"SESSION_{number}_HANDOFF.md": doc})
    trace = tmp_path / "trace"
    done = subprocess.run(
        [sys.executable, "-m", "handoff_lint", "audit", "--format", "json"],
        cwd=repo.path,
        env={**repo.env, "GIT_TRACE": str(trace)},
        capture_output=True,
        text=True,
        check=False,
    )
    documents = json.loads(done.stdout)["documents"]
    assert [d["path"] for d in documents] == [f"SESSION_{n}_HANDOFF.md" for n in (1, 2, 3)]
    assert [d["accuracy"]["refuted"] for d in documents] == [0, 1, 0]
    own = [line for line in trace.read_text().splitlines() if "--remove-empty" in line]
    assert own == []
