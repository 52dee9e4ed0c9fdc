"""Build throwaway git repositories, isolated from the user's git setup (demo and tests)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

AUTHOR = "Demo Agent"
EMAIL = "agent@example.invalid"


def isolated_env(home: Path, when: str = "2025-11-13T10:00:00+00:00") -> dict[str, str]:
    """An environment where git sees no user config, a fixed author and a fixed date."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=str(home / ".gitconfig"),
        GIT_AUTHOR_NAME=AUTHOR,
        GIT_AUTHOR_EMAIL=EMAIL,
        GIT_COMMITTER_NAME=AUTHOR,
        GIT_COMMITTER_EMAIL=EMAIL,
        GIT_AUTHOR_DATE=when,
        GIT_COMMITTER_DATE=when,
        GIT_TERMINAL_PROMPT="0",
    )
    return env


class ScratchRepo:
    """A git repository in ``path`` with helpers to write files and commit at chosen dates."""

    def __init__(self, path: Path, home: Path | None = None, branch: str = "main") -> None:
        self.path = path
        self.home = home or path.parent / (path.name + "-home")
        self.home.mkdir(parents=True, exist_ok=True)
        (self.home / ".gitconfig").write_text("", encoding="utf-8")
        self.when = "2025-11-13T10:00:00+00:00"
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", branch)

    @property
    def env(self) -> dict[str, str]:
        return isolated_env(self.home, self.when)

    def git(self, *args: str, stdin: str | None = None) -> str:
        done = subprocess.run(
            ["git", *args],
            cwd=self.path,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"git {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout.strip()

    def write(self, relative: str, text: str) -> Path:
        target = self.path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return target

    def commit(
        self,
        message: str,
        files: dict[str, str] | None = None,
        when: str | None = None,
        remove: list[str] | None = None,
    ) -> str:
        """Write ``files``, remove ``remove``, commit everything; return the full hash."""
        if when:
            self.when = when
        for relative, text in (files or {}).items():
            self.write(relative, text)
        for relative in remove or []:
            self.git("rm", "-q", "--", relative)
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")

    def short(self, ref: str = "HEAD") -> str:
        return self.git("rev-parse", "--short=7", ref)
