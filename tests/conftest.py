"""Shared fixtures: isolated git, scratch repositories, and running the real CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pytest

from handoff_lint.cli import main
from handoff_lint.scratch import ScratchRepo, isolated_env

KEPT = frozenset({"HANDOFF_LINT_WHEELHOUSE"})  # where the offline hook tests find wheels


@pytest.fixture(autouse=True)
def isolated_git(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test sees its own HOME and empty global git config, fixed author and dates, and
    none of the shell's HANDOFF_LINT_* settings (the wheelhouse of the offline hook tests
    aside): ``HANDOFF_LINT_FORMAT=json`` in a developer's shell must not change a test."""
    home = tmp_path_factory.mktemp("home")
    (home / ".gitconfig").write_text("", encoding="utf-8")
    environ = __import__("os").environ
    for key in [k for k in environ if k.startswith("GIT_")]:
        monkeypatch.delenv(key, raising=False)
    for key in [k for k in environ if k.startswith("HANDOFF_LINT_") and k not in KEPT]:
        monkeypatch.delenv(key, raising=False)
    for key, value in isolated_env(home).items():
        if key.startswith(("GIT_", "HOME", "XDG_")):
            monkeypatch.setenv(key, value)
    return home


@pytest.fixture
def repo(tmp_path: Path, isolated_git: Path) -> ScratchRepo:
    return ScratchRepo(tmp_path / "repo", isolated_git)


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.out)
        return data


class Cli(Protocol):
    """The ``cli`` fixture: ``cli("check", "--format", "json", cwd=repo.path)``."""

    def __call__(self, *args: str, cwd: Path) -> Run: ...


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Cli]:
    """Run ``handoff-lint ARGS`` in-process in ``cwd``; return code, stdout and stderr."""

    def run(*args: str, cwd: Path) -> Run:
        monkeypatch.chdir(cwd)
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    yield run


def claims_of(run: Run) -> list[dict[str, Any]]:
    return [c for d in run.json()["documents"] for c in d["claims"]]


def by_line(run: Run, kind: str) -> dict[int, str]:
    """Line -> verdict of the run's claims of ``kind``."""
    return {c["line"]: c["verdict"] for c in claims_of(run) if c["kind"] == kind}


def verdicts(run: Run) -> dict[tuple[str, str], str]:
    """(kind, text) -> verdict for every claim of a JSON run."""
    return {(c["kind"], c["text"]): c["verdict"] for c in claims_of(run)}


def run_recording_git(where: Path, doc: str) -> tuple[Any, list[list[str]]]:
    """Check ``doc`` in-process; return the run's result and every git command it asked, in
    the order asked (the commands of every ``Git`` the run made)."""
    from handoff_lint import pipeline
    from handoff_lint.git.gitcmd import Git

    made: list[Git] = []
    original = Git.__init__

    def recording(self: Git, cwd: Path) -> None:
        original(self, cwd)
        made.append(self)

    Git.__init__ = recording  # type: ignore[method-assign]
    try:
        result = pipeline.run([doc], pipeline.Options(cwd=where))
    finally:
        Git.__init__ = original  # type: ignore[method-assign]
    return result, [command for git in made for command in git.calls]
