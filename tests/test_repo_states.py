"""Odd repository states and the read-only promise, on real repositories."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli

DOC = "# Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\n## Files Created\n\n- `a.py`\n"


def _snapshot(repo: ScratchRepo) -> tuple[str, str, str, str]:
    git_dir = repo.path / ".git"
    index = git_dir / "index"
    logs = sorted(
        (p.relative_to(git_dir).as_posix(), p.read_bytes())
        for p in (git_dir / "logs").rglob("*")
        if p.is_file()
    )
    return (
        repo.git("status", "--porcelain=v1", "--untracked-files=all"),
        repo.git("for-each-ref", "--format=%(refname) %(objectname)"),
        hashlib.sha256(index.read_bytes()).hexdigest() if index.exists() else "",
        hashlib.sha256(repr(logs).encode()).hexdigest(),
    )


@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("check", "--format", "json", "SESSION_2_HANDOFF.md"),
        ("check", "--staged"),
        ("check", "--since", "HEAD~1", "SESSION_2_HANDOFF.md"),
    ],
)
def test_commands_change_nothing(repo: ScratchRepo, cli: Cli, args: tuple[str, ...]) -> None:
    repo.commit("one", {"a.py": "1\n"})
    repo.commit("handoff", {"SESSION_2_HANDOFF.md": DOC})
    repo.write("b.py", "2\n")
    repo.git("add", "b.py")
    repo.write("a.py", "changed in the work tree\n")
    os.utime(
        repo.path / "a.py", (1, 1)
    )  # a stale stat: a refreshing command would rewrite the index
    before = _snapshot(repo)
    cli(*args, cwd=repo.path)
    assert _snapshot(repo) == before


def test_unborn_branch_reports_unverifiable(repo: ScratchRepo, cli: Cli) -> None:
    repo.write("SESSION_1_HANDOFF.md", DOC)
    run = cli("check", "--format", "json", "SESSION_1_HANDOFF.md", cwd=repo.path)
    claims = run.json()["documents"][0]["claims"]
    assert [c["verdict"] for c in claims if c["kind"] == "file"] == ["unverifiable"]


def test_document_staged_in_the_first_commit(repo: ScratchRepo, cli: Cli) -> None:
    repo.write("a.py", "1\n")
    repo.write("SESSION_1_HANDOFF.md", DOC)
    repo.git("add", "a.py", "SESSION_1_HANDOFF.md")
    run = cli("check", "--format", "json", "--staged", cwd=repo.path)
    claims = run.json()["documents"][0]["claims"]
    assert [(c["text"], c["verdict"]) for c in claims if c["kind"] == "file"] == [
        ("a.py", "verified")
    ]


def test_detached_head_and_linked_worktree(repo: ScratchRepo, tmp_path: Path, cli: Cli) -> None:
    repo.commit("one", {"a.py": "1\n"})
    repo.commit("handoff", {"SESSION_2_HANDOFF.md": DOC})
    repo.git("checkout", "-q", "--detach", "HEAD")
    assert cli("check", "SESSION_2_HANDOFF.md", cwd=repo.path).code == 0
    linked = tmp_path / "linked"
    repo.git("worktree", "add", "-q", str(linked), "main")
    assert cli("check", "SESSION_2_HANDOFF.md", cwd=linked).code == 0


def test_bare_repository_is_a_clear_error(repo: ScratchRepo, tmp_path: Path, cli: Cli) -> None:
    repo.commit("one", {"a.py": "1\n"})
    bare = tmp_path / "bare.git"
    repo.git("clone", "-q", "--bare", str(repo.path), str(bare))
    (bare / "HANDOFF.md").write_text(DOC, encoding="utf-8")
    run = cli("check", "HANDOFF.md", cwd=bare)
    assert run.code == 2 and "work tree" in run.err and "Traceback" not in run.err


def test_git_missing_from_path_exits_2(
    repo: ScratchRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.commit("handoff", {"HANDOFF.md": DOC})
    monkeypatch.setenv("PATH", str(repo.path / "no-bin-here"))
    run = cli("check", "HANDOFF.md", cwd=repo.path)
    assert run.code == 2 and "git is not installed" in run.err


def test_paths_outside_the_repository_are_never_read(
    repo: ScratchRepo, tmp_path: Path, cli: Cli
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("x\n" * 7, encoding="utf-8")
    (repo.path / "link.txt").symlink_to(secret)
    doc = DOC + f"- `../secret.txt` (7 lines)\n- `{secret}` (7 lines)\n- `link.txt` (7 lines)\n"
    repo.commit("handoff", {"HANDOFF.md": doc, "a.py": "1\n"})
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    lines = {
        c["text"]: c["verdict"]
        for c in run.json()["documents"][0]["claims"]
        if c["kind"] == "lines"
    }
    assert lines.get("link.txt") != "verified"  # the link's text is one line, not the target's 7
    assert all(v != "verified" for v in lines.values())
