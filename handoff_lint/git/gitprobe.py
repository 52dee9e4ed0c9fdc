"""GitPython imported without its two ``git version`` runs; the run's own probe judged as it would.

GitPython checks, when imported, that git runs: ``git version``, then again for ``git fetch``'s
flags (``FetchInfo.refresh``), one after the other, before handoff-lint asks anything.
handoff-lint asks ``git version`` once itself, started with its first commands (``gitcmd.Git``),
and stops as it did when git does not run.
"""

from __future__ import annotations

import os
from typing import Any

PROBE = ("version",)


def import_gitpython() -> tuple[Any, bool]:
    """GitPython, and whether its import skipped its own ``git version`` runs (the run then asks
    once itself, alongside its first commands: ``gitcmd.Git._checked``).

    GitPython's import runs ``git version`` twice, one after the other (``Git.refresh``, then
    ``FetchInfo.refresh`` for ``git fetch``'s flags, with a new instance). Pointed at a program
    that cannot run (GIT_PYTHON_GIT_EXECUTABLE), with GIT_PYTHON_REFRESH=quiet, it skips both and
    runs ``git`` from PATH as usual; handoff-lint uses neither its fetch nor its version."""
    import sys

    skip = "git" not in sys.modules and os.name == "posix"
    saved = {k: os.environ.get(k) for k in ("GIT_PYTHON_GIT_EXECUTABLE", "GIT_PYTHON_REFRESH")}
    skip = skip and saved["GIT_PYTHON_GIT_EXECUTABLE"] is None  # a git the user chose: probed
    if skip:
        os.environ.update(GIT_PYTHON_GIT_EXECUTABLE=os.devnull, GIT_PYTHON_REFRESH="quiet")
    try:
        import git as gitpython
    finally:
        for key, value in saved.items() if skip else ():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return gitpython, skip


def failure(status: int, out: str, err: str) -> str:
    """What GitPython's error says of a failed ``git version``: its stderr line, else its last."""
    text = f"Cmd('git') failed due to: exit code({status})\n  cmdline: git version"
    for name, value in (("stdout", out), ("stderr", err)):
        value = value[:-1] if value.endswith("\n") else value
        text += f"\n  {name}: '{value}'" if value else ""
    lines = text.strip().splitlines()
    return next((line for line in reversed(lines) if "stderr" in line), lines[-1]).strip()
