"""A folder's line count is at most the lines of every file under it at the end of the window.
Real temporary repositories, the real CLI."""

from __future__ import annotations

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, claims_of

HEAD = "# Session 2 Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\nCore.\n\n## Structure\n\n"


@pytest.fixture
def session(repo: ScratchRepo) -> ScratchRepo:
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    files = {
        "src/core/a.py": "x = 1\n" * 100,
        "src/core/b.py": "y = 2\n" * 49 + "y = 2",  # 49 newlines, 50 lines
        "src/api/c.py": "z = 3\n" * 30,
        "tests/test_a.py": "def test_a():\n    pass\n" * 10,
    }
    repo.commit("core", files, when="2025-11-13T09:00:00+00:00")
    return repo


def folder_verdicts(repo: ScratchRepo, cli: Cli, body: str) -> list[str]:
    repo.commit(
        "handoff 2", {"SESSION_2_HANDOFF.md": HEAD + body}, when="2025-11-13T10:00:00+00:00"
    )
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    return [c["verdict"] for c in claims_of(run) if c["kind"] == "folder_lines"]


def tree(core: str, api: str = "30 lines") -> str:
    return (
        "```\nproj/\n"
        f"├── src/\n│   ├── core/        ({core})\n│   └── api/         ({api})\n"
        "└── tests/           (20 lines)\n```\n"
    )


@pytest.mark.parametrize(
    ("core", "verdict"),
    [
        ("149 lines", "verified"),  # newlines only
        ("150 lines", "verified"),  # counting the last line without one
        ("2,380 lines", "refuted"),  # more than every file under it holds
        ("~160 lines", "verified"),  # within 10%
        ("200+ lines", "refuted"),
        ("100 lines", "unverifiable"),  # fewer: a count of some of its files?
    ],
)
def test_a_folder_in_a_drawn_tree(session: ScratchRepo, cli: Cli, core: str, verdict: str) -> None:
    """The tree's root is the project's name: the folders inside it are the repository's."""
    assert folder_verdicts(session, cli, tree(core)) == [verdict, "verified", "verified"]


def test_a_folder_the_tree_draws_that_is_not_there(session: ScratchRepo, cli: Cli) -> None:
    body = tree("150 lines").replace("└── tests/", "├── cli/             (450 lines)\n└── tests/")
    assert folder_verdicts(session, cli, body) == ["verified", "verified", "refuted", "verified"]


def test_a_tree_of_another_repository_is_not_judged(session: ScratchRepo, cli: Cli) -> None:
    """No folder of the tree is here: it may draw another repository, so none is refuted."""
    body = "```\nother/\n├── lib/   (450 lines)\n└── bin/   (90 lines)\n```\n"
    assert folder_verdicts(session, cli, body) == ["unverifiable", "unverifiable"]


@pytest.mark.parametrize(
    ("item", "verdicts"),
    [
        ("- `src/core/` (150 lines)", ["verified"]),
        ("- **src/api/** - 300 lines", ["refuted"]),
        ("- `core/` (1,000 lines)", ["refuted"]),  # the one folder that ends so
        ("- `src/` (+500 lines)", []),  # lines added, not a size
        ("- `src/` (500 lines changed)", []),
    ],
)
def test_a_folder_in_a_list_of_done_work(
    session: ScratchRepo, cli: Cli, item: str, verdicts: list[str]
) -> None:
    assert folder_verdicts(session, cli, item + "\n") == verdicts


def test_a_folder_under_a_plan_is_not_a_claim(session: ScratchRepo, cli: Cli) -> None:
    body = "Done.\n\n## Next Steps\n\n- `src/core/` (5,000 lines)\n"
    assert folder_verdicts(session, cli, body) == []


def test_a_folder_holding_a_git_lfs_pointer(repo: ScratchRepo, cli: Cli) -> None:
    """A pointer's three lines are not the file's: the folder's size is unknown."""
    pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:" + "a" * 64 + "\nsize 9\n"
    repo.commit("start", {"data/big.csv": pointer, "data/small.csv": "a\n"})
    assert folder_verdicts(repo, cli, "- `data/` (9,000 lines)\n") == ["unverifiable"]
