"""A count of tests of one kind ("324 unit tests", "70 integration tests") against the tests
under folders named for that kind (``tests/unit/``, ``integration_tests/``). Real temporary
repositories, the real CLI."""

from __future__ import annotations

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, claims_of

HEAD = "# Session 2 Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\n"


def _tests(n: int, prefix: str) -> str:
    return "".join(f"def test_{prefix}_{i}():\n    assert True\n\n\n" for i in range(n))


@pytest.fixture
def session(repo: ScratchRepo) -> ScratchRepo:
    """12 unit tests, 8 integration tests, 3 tests under no folder of a kind."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    files = {
        "tests/unit/test_a.py": _tests(7, "a"),
        "tests/unit/test_b.py": _tests(5, "b"),
        "tests/integration/test_flow.py": _tests(8, "flow"),
        "tests/test_misc.py": _tests(3, "misc"),
        "src/app.py": "x = 1\n",
    }
    repo.commit("work", files, when="2025-11-13T09:00:00+00:00")
    return repo


@pytest.mark.parametrize(
    ("line", "verdict"),
    [
        ("- Verified 12 unit tests pass", "verified"),
        ("- Verified 8 integration tests pass", "verified"),
        ("- Verified 30 integration tests pass", "refuted"),  # more than 8 + 3 loose ones
        ("- Verified 10 integration tests pass", "unverifiable"),  # the loose ones may count
        ("- Verified 5 unit tests pass", "unverifiable"),  # a part of them
        ("- Verified 23 tests pass", "verified"),  # no kind: the whole suite, as before
    ],
)
def test_a_count_of_one_kind_of_tests(
    session: ScratchRepo, cli: Cli, line: str, verdict: str
) -> None:
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": HEAD + line + "\n"})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    found = [c["verdict"] for c in claims_of(run) if c["kind"] == "test_total"]
    assert found == [verdict]


def test_no_scope_without_a_folder_of_that_kind(session: ScratchRepo, cli: Cli) -> None:
    """No e2e folder: "40 e2e tests" is judged as any count of tests is (more than the 23 the
    repository defines)."""
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": HEAD + "- Ran 40 e2e tests\n"})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    found = [c for c in claims_of(run) if c["kind"] == "test_total"]
    assert [c["verdict"] for c in found] == ["refuted"] and "23" in found[0]["reason"]
