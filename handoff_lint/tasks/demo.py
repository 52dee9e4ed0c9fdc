"""``handoff-lint demo``: a throwaway repository, a handoff with true and false claims, the report."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import click

HANDOFF = """\
# Session 2 Handoff: Batch Processing

**Date:** 2025-11-13
**Branch:** `main`

## Summary

Added batch processing to the core module and removed the legacy exporter.
Tests: 12/12 passing (100%); overall suite 162/165 passing (97.2%).

## Commits

- {c2} Add batch processing to core
  - 3 files changed, 14 insertions(+), 1 deletion(-)
- {c3} Remove legacy exporter
- 9f3e1a7 Add retry logic to the batch runner

## Files Created

- `app/batch.py` - batch runner
- `tests/test_batch.py` - tests for the batch runner
- `app/retry.py` - retry helper

## Files Modified

- `app/core.py` - calls the batch runner
- `README.md` - documents batching

## Files Deleted

- `app/legacy.py`

## Next Steps

- Create `app/retry.py` for retries (not a claim: it is a plan)
"""


SESSION_1 = """\
# Session 1 Handoff

**Date:** 2025-11-12

## Summary

Created the project skeleton.

## Files Created

- `app/core.py`
- `app/legacy.py`
"""


def build(root: Path) -> tuple[Path, str]:
    """Create the demo repository under ``root``; return it and the handoff's path."""
    from handoff_lint.scratch import ScratchRepo

    repo = ScratchRepo(root / "repo", root / "home")
    repo.commit(
        "Initial project skeleton",
        {
            "README.md": "# demo\n",
            "app/__init__.py": "",
            "app/core.py": "def run(items):\n    return [i * 2 for i in items]\n",
            "app/legacy.py": "def export():\n    pass\n",
        },
        when="2025-11-12T09:00:00+00:00",
    )
    repo.commit(
        "Add session 1 handoff",
        {"SESSION_1_HANDOFF.md": SESSION_1},
        when="2025-11-12T17:00:00+00:00",
    )
    repo.commit(
        "Add batch processing to core",
        {
            "app/core.py": "from app.batch import run_batch\n\n\ndef run(items):\n    return run_batch(items)\n",
            "app/batch.py": "def run_batch(items, size=10):\n    out = []\n    for i in range(0, len(items), size):\n"
            "        out.extend(x * 2 for x in items[i : i + size])\n    return out\n",
            "tests/test_batch.py": "import pytest\n\n@pytest.mark.parametrize('n', range(12))\n"
            "def test_doubles(n):\n    assert n >= 0\n",
        },
        when="2025-11-13T10:00:00+00:00",
    )
    c2 = repo.short()
    repo.commit(
        "Remove legacy exporter", remove=["app/legacy.py"], when="2025-11-13T11:00:00+00:00"
    )
    c3 = repo.short()
    repo.commit(
        "Add session 2 handoff",
        {"SESSION_2_HANDOFF.md": HANDOFF.format(c2=c2, c3=c3)},
        when="2025-11-13T12:00:00+00:00",
    )
    return repo.path, "SESSION_2_HANDOFF.md"


def run(keep: bool = False) -> int:
    """Build, lint and print; always exit 0 (the findings are the point of the demo)."""
    from handoff_lint import pipeline, reporters

    root = Path(tempfile.mkdtemp(prefix="handoff-lint-demo-"))
    path: Path | None = None
    try:
        path, doc = build(root)
        click.echo(f"Demo repository: {path if keep else 'a temporary folder'}; linting {doc}:\n")
        click.echo((path / doc).read_text(encoding="utf-8"))
        click.echo("---- handoff-lint check " + doc + " ----")
        result = pipeline.run([doc], pipeline.Options(cwd=path))
        click.echo(reporters.get("text")(result, reporters.ReportOptions(verbose=True)), nl=False)
        click.echo("\nThe demo exits 0; `handoff-lint check` would exit 1 on these errors.")
    finally:
        if keep:
            click.echo(f"kept: {path if path is not None else root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 0
