"""The README's example outputs are real: they are what the demo repository gives today."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handoff_lint.tasks import demo
from tests.conftest import Cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _block_after(marker: str) -> str:
    start = README.index(marker)
    match = re.compile(r"```text\n(.*?)```", re.S).search(README, start)
    assert match is not None
    return match.group(1)


@pytest.mark.parametrize(
    ("marker", "args"),
    [
        (
            "`handoff-lint check --statistics SESSION_2_HANDOFF.md`",
            ("check", "--statistics", "SESSION_2_HANDOFF.md"),
        ),
        (
            "`handoff-lint check --format github SESSION_2_HANDOFF.md` on the demo",
            ("check", "--format", "github", "SESSION_2_HANDOFF.md"),
        ),
        ("`handoff-lint audit` lints every handoff", ("audit",)),
    ],
)
def test_readme_output_is_real(
    tmp_path: Path, cli: Cli, marker: str, args: tuple[str, ...]
) -> None:
    path, _ = demo.build(tmp_path)
    out = cli(*args, cwd=path).out
    for line in _block_after(marker).splitlines():
        assert line in out.splitlines(), line


def test_readme_facts_example_is_real(tmp_path: Path, cli: Cli) -> None:
    path, _ = demo.build(tmp_path)
    out = cli("facts", "--since", "HEAD~2", "--format", "markdown", cwd=path).out
    for line in _block_after("handoff-lint facts --since HEAD~2").splitlines():
        if not line.startswith("**Date:**"):  # today's date
            assert line in out.splitlines(), line
