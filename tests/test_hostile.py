"""A hostile repository's configuration must not run programs on handoff-lint's read paths.

Each setting below names a script that writes a marker file; every subcommand that reads git
(check of a committed and of an edited document, check --staged, check of every document, facts,
audit) runs on the repository, and the marker must not appear. Real repository, real CLI.
"""

from __future__ import annotations

import contextlib
import stat
from pathlib import Path

import pytest

from handoff_lint.scratch import ScratchRepo

DOC = "# Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\nWork.\n\n## Files Created\n\n- `{}`\n"
SETTINGS = [
    ("core.fsmonitor", "{script}"),
    ("diff.drv.textconv", "{script}"),
    ("filter.flt.clean", "{script}"),
    ("filter.flt.smudge", "{script}"),
    ("filter.flt.process", "{script}"),
    ("diff.external", "{script}"),
    ("log.showSignature", "true"),
    ("gpg.program", "{script}"),
    ("gpg.ssh.program", "{script}"),
    ("core.pager", "{script}"),
    ("pager.log", "{script}"),
    ("core.hooksPath", "{hooks}"),
]


def _signed_commit(repo: ScratchRepo) -> None:
    """A commit object with a gpgsig header (git verifies it only when asked to show it)."""
    tree = repo.git("write-tree")
    parent = repo.git("rev-parse", "HEAD")
    body = (
        f"tree {tree}\nparent {parent}\nauthor A <a@example.com> 1763027000 +0000\n"
        "committer A <a@example.com> 1763027000 +0000\n"
        "gpgsig -----BEGIN PGP SIGNATURE-----\n \n x\n -----END PGP SIGNATURE-----\n\nsigned\n"
    )
    sha = repo.git("hash-object", "-t", "commit", "-w", "--stdin", stdin=body)
    repo.git("update-ref", "HEAD", sha)


@pytest.fixture
def hostile(repo: ScratchRepo, tmp_path: Path) -> tuple[ScratchRepo, Path]:
    marker = tmp_path / "MARKER"
    script = tmp_path / "run.sh"
    script.write_text(f'#!/bin/sh\necho "$0 $*" >> {marker}\nexit 1\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    for name in ("post-index-change", "reference-transaction", "post-checkout"):
        (hooks / name).write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
        (hooks / name).chmod(0o755)
    attributes = {".gitattributes": "* diff=drv filter=flt\n"}
    repo.commit("start", {**attributes, "a.py": "A = 1\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": DOC.format("a.py")})
    repo.commit("work", {"b.py": "B = 1\n"})
    _signed_commit(repo)
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": DOC.format("b.py")})
    repo.write("SESSION_3_HANDOFF.md", DOC.format("b.py"))
    repo.git("add", "SESSION_3_HANDOFF.md")  # staged, for check --staged
    for key, value in SETTINGS:
        repo.git("config", key, value.format(script=script, hooks=hooks))
    return repo, marker


@pytest.mark.parametrize(
    "args",
    [
        ("check", "SESSION_2_HANDOFF.md"),
        ("check",),
        ("check", "--staged"),
        ("facts",),
        ("audit",),
    ],
)
def test_no_program_the_repository_names_runs(hostile, cli, args) -> None:  # type: ignore[no-untyped-def]
    repo, marker = hostile
    repo.write("SESSION_2_HANDOFF.md", DOC.format("b.py") + "- edited\n")
    run = cli(*args, cwd=repo.path)
    assert run.code in (0, 1), run.err
    assert not marker.exists(), marker.read_text(encoding="utf-8")


def test_the_settings_do_run_programs_for_git_itself(hostile) -> None:  # type: ignore[no-untyped-def]
    """The fixture is armed: plain git commands run the configured programs."""
    repo, marker = hostile
    repo.write("a.py", "A = 2\n")
    with contextlib.suppress(RuntimeError):  # the planted program fails on purpose
        repo.git("status")
    assert marker.exists()
