"""A branch that is gone is refuted only when git says which branch held the session: not by
another branch of a numbered series, nor for one of several agents' branches. Real temporary
repositories, the real CLI."""

from __future__ import annotations

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, Run, claims_of

HEAD = "# Session 9 Handoff\n\n**Date:** 2025-11-13\n\n## Work\n\n"


def _branches(run: Run) -> dict[str, tuple[str, str | None]]:
    return {c["text"]: (c["verdict"], c["fix"]) for c in claims_of(run) if c["kind"] == "branch"}


@pytest.fixture
def side(repo: ScratchRepo) -> ScratchRepo:
    """The session's commits sit on feature/docs-session-10 only (the session-09 branch, if
    there was one, is gone)."""
    repo.commit("one", {"a.py": "1\n"}, when="2025-11-13T09:00:00+00:00")
    repo.git("checkout", "-q", "-b", "feature/docs-session-10")
    repo.commit("work", {"b.py": "1\n"}, when="2025-11-13T10:00:00+00:00")
    return repo


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # another of a numbered series is no near name; the side branch still says which held it
        (
            "- **Branch**: `feature/docs-session-09`\n",
            {"feature/docs-session-09": ("refuted", None)},
        ),
        (
            "- **Branch**: `feature/docs-session-09`\n- **Branch**: `feature/api`\n"
            "- **Branch**: `feature/ui`\n",
            {
                "feature/docs-session-09": ("unverifiable", None),
                "feature/api": ("unverifiable", None),
                "feature/ui": ("unverifiable", None),
            },
        ),
        (
            "- **Branch**: `feature/docs-sesion-10`\n",
            {"feature/docs-sesion-10": ("refuted", "did you mean feature/docs-session-10?")},
        ),
    ],
)
def test_a_branch_that_is_gone(
    side: ScratchRepo, cli: Cli, said: str, expected: dict[str, tuple[str, str | None]]
) -> None:
    side.commit("handoff", {"HANDOFF.md": HEAD + said}, when="2025-11-13T11:00:00+00:00")
    side.git("checkout", "-q", "--detach")  # checked at the commit, as CI checks a pull request
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=side.path)
    assert _branches(run) == expected
