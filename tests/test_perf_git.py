"""Fewer git processes per check, with the same answers (issue 16)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handoff_lint.git.gitcmd import Git
from handoff_lint.git.repo import lookup_objects
from handoff_lint.scratch import ScratchRepo


def _cat_files(git: Git) -> list[str]:
    return [command[-1] for command in git.calls if command[-2] == "cat-file"]


Answers = tuple[tuple[tuple[str, str, str], ...], tuple[tuple[str, tuple[str, bytes]], ...]]


def _answers(git: Git) -> Answers:
    found = lookup_objects(git, ["HEAD", "HEAD:a.py", "HEAD:none", "HEAD:dir"])
    statuses = tuple((name, info.status, info.type) for name, info in sorted(found.items()))
    read = git.objects(["HEAD:a.py", "HEAD:none", *(f"HEAD:f{i}.txt" for i in range(12))])
    return statuses, tuple(sorted(read.items()))


@pytest.fixture
def files(repo: ScratchRepo) -> ScratchRepo:
    repo.commit("files", {"a.py": "print(1)\n", "dir/b.md": "b\n"})
    repo.commit("more", {f"f{i}.txt": f"{i}\n" for i in range(12)})
    return repo


def test_one_cat_file_answers_look_ups_and_reads(files: ScratchRepo) -> None:
    git = Git(files.path)
    answers = _answers(git)
    assert _cat_files(git) == ["--batch-command"]
    assert answers[0][1] == ("HEAD:a.py", "found", "blob")
    assert answers[0][2] == ("HEAD:dir", "found", "tree")
    assert answers[0][3] == ("HEAD:none", "missing", "")
    assert dict(answers[1])["HEAD:f3.txt"] == ("blob", b"3\n")
    git.close()


def test_a_git_without_batch_command_gets_the_same_answers(
    files: ScratchRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git before 2.36 has no ``--batch-command``: a look-up and a read process answer."""
    real = shutil.which("git")
    assert real is not None
    expected = _answers(Git(files.path))
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "git").write_text(
        "#!/bin/sh\n"
        'for a in "$@"; do [ "$a" = --batch-command ] && { echo "unknown option" >&2; exit 129; }'
        f'; done\nexec {real} "$@"\n',
        encoding="utf-8",
    )
    (shim / "git").chmod(0o755)
    monkeypatch.setenv("PATH", f"{shim}:{Path(real).parent}")
    git = Git(files.path)
    assert _answers(git) == expected
    assert _cat_files(git) == ["--batch-command", "--batch-check", "--batch"]
    git.close()


def test_the_cat_file_starts_while_the_first_commands_answer(
    files: ScratchRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """repo.gather starts the long-lived cat-file with its first questions, so that git
    starts up while they answer; HEAD's look-up is the same, and one cat-file serves the run."""
    from handoff_lint.git import repo

    git = Git(files.path)
    started: list[bool] = []
    collect = Git._collect

    def _collect(self: Git, key: tuple[str, ...]) -> tuple[int, str, str]:
        started.append(bool(_cat_files(self)))
        return collect(self, key)

    monkeypatch.setattr(Git, "_collect", _collect)
    facts = repo.gather(git)
    assert started and all(started)
    assert facts.head == files.git("rev-parse", "HEAD").strip()
    assert _cat_files(git) == ["--batch-command"]
    git.close()
