"""The run's long-lived ``cat-file --batch``: contents of many objects, missing ones, odd names."""

from __future__ import annotations

from pathlib import Path

import pytest

from handoff_lint.git.gitcmd import Git
from handoff_lint.scratch import ScratchRepo


@pytest.fixture
def git(repo: ScratchRepo) -> Git:
    repo.commit("files", {"a.py": "print(1)\n", "dir with space/b c.md": "é\n", "empty.txt": ""})
    return Git(repo.path)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("HEAD:a.py", ("blob", b"print(1)\n")),
        ("HEAD:dir with space/b c.md", ("blob", "é\n".encode())),
        ("HEAD:empty.txt", ("blob", b"")),
        (":a.py", ("blob", b"print(1)\n")),
        ("HEAD:no such", None),  # "HEAD:no such missing": three words, still missing
        ("HEAD:no such file.md", None),
        ("0000000", None),
        ("line\nbreak", None),
    ],
)
def test_objects_answers_each_name(git: Git, name: str, expected: object) -> None:
    assert git.objects(["HEAD:a.py", name, "HEAD:empty.txt"]).get(name) == expected
    assert git.blob(name) == (expected[1] if isinstance(expected, tuple) else None)


def test_objects_reads_commits_and_uses_one_process(git: Git) -> None:
    kind, data = git.objects(["HEAD"])["HEAD"]
    assert kind == "commit" and b"\ncommitter " in data
    for _ in range(3):
        git.objects(["HEAD:a.py", "HEAD~0:a.py", "HEAD:empty.txt"])
    assert sum(command[-2] == "cat-file" for command in git.calls) == 1
    git.close()
    assert git.blob("HEAD:a.py") == b"print(1)\n"  # answered from what was read already


def test_a_missing_blob_does_not_empty_a_rename_detecting_diff(repo: ScratchRepo) -> None:
    """A snapshot without its large files (or a partial clone): git cannot compare a blob it
    lacks, so -M fails; the command is run again without rename detection."""
    import os

    from handoff_lint.git.gitcmd import Git

    base = repo.commit("one", {"big.bin": "x" * 5000 + "\n", "a.py": "A = 1\n"})
    repo.git("rm", "-q", "big.bin")
    head = repo.commit("two", {"b.py": "B = 1\n"})
    blob = repo.git("rev-parse", f"{base}:big.bin")
    os.remove(repo.path / ".git" / "objects" / blob[:2] / blob[2:])
    git = Git(repo.path)
    args = ("diff", "--name-status", "-z", "-M", base, head)
    assert git.run(*args, check=False) == ""  # what git answers with rename detection
    fields = git.run_renames(*args).split("\0")
    assert "big.bin" in fields and "b.py" in fields
    git.close()


@pytest.mark.skipif(not hasattr(__import__("os"), "pidfd_open"), reason="no pidfd here")
def test_a_git_that_closes_its_output_before_it_exits_is_awaited_without_sleeps(
    repo: ScratchRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Git often closes its output a moment before it exits; ``Popen.communicate`` with a
    timeout polls for the exit between sleeps (~1 ms a command). The exit is awaited on a
    pidfd instead, and a git that lingers past the time limit still stops the run."""
    import os
    import shutil
    import time

    from handoff_lint.git.gitcmd import GitTimeout

    repo.commit("files", {"a.py": "print(1)\n"})
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "git").write_text(
        f'#!/bin/sh\n{shutil.which("git")} "$@"\nstatus=$?\nexec >&- 2>&-\n'
        'case "$*" in *ls-files*) sleep 30;; *) sleep 0.2;; esac\nexit $status\n',
        encoding="utf-8",
    )
    (folder / "git").chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    git = Git(repo.path)
    git.run("version")  # the probe: every command lingers
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    assert git.lines("ls-tree", "--name-only", "HEAD") == ["a.py"]
    assert slept == []
    monkeypatch.setenv("HANDOFF_LINT_GIT_TIMEOUT", "0.5")
    start = time.monotonic()
    with pytest.raises(GitTimeout):
        git.run("ls-files")
    assert time.monotonic() - start < 5
