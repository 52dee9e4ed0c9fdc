"""``handoff-lint install-hook``: put the plain git hook in place (respecting core.hooksPath)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

MARK = "handoff-lint native git hook"


def hook_text() -> str:
    """The shipped hooks/pre-commit (inside the package, or in a source checkout)."""
    from handoff_lint import shipped

    return shipped.text("hooks/pre-commit")


def hooks_dir(cwd: Path) -> Path:
    """Where git runs hooks from: core.hooksPath when set, else the repository's hooks folder."""
    from handoff_lint.git.gitcmd import Git

    git = Git(cwd)
    top = Path(git.run("rev-parse", "--show-toplevel").strip())
    custom = git.run("config", "--get", "core.hooksPath", check=False).strip()
    if custom:
        path = Path(os.path.expanduser(custom))
        return path if path.is_absolute() else top / path
    return Path(git.run("rev-parse", "--path-format=absolute", "--git-path", "hooks").strip())


def install(cwd: Path, force: bool) -> tuple[bool, str]:
    """Write the hook; refuse to replace a hook that is not ours unless ``force``."""
    target = hooks_dir(cwd) / "pre-commit"
    text = hook_text()
    if target.exists():
        current = target.read_text(encoding="utf-8", errors="replace")
        if current == text:
            return True, f"{target} is already handoff-lint's hook"
        if MARK not in current and not force:
            return False, f"{target} holds another hook; keep it, or replace it with --force"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    target.chmod(target.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return True, f"installed {target}"
