"""A total and its parts on one line must add up (issue 11, item 5): no git needed."""

from __future__ import annotations

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, claims_of
from tests.test_extract import extract


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- **Tests**: 11 unit tests (8 in parser.rs, 2 in lexer.rs)", [("11", [8, 2])]),
        ("- 118 total tests, 104 passing, 3 skipped, 9 failures", [("118", [104, 3, 9])]),
        ("- 48 tests written (23 passing, 25 skipped)", [("48", [23, 25])]),
        ("- **Total**: 116 UI tests + 248 unit tests = 364 total tests", [("364", [116, 248])]),
        ("- Tests: 2 failed, 5 skipped, 100 passed, 107 total", [("107", [2, 5, 100])]),
        ("- 9 files (3 new, 6 modified)", [("9", [3, 6])]),
        ("- 12 tests (3 failing)", []),  # one part: a part of them
        ("- 5 files (1,200 lines, 3 new)", []),  # a size among the parts
        ("- 100 tests (95% coverage, 5 new)", []),  # a percent
        ("- ~40 tests (20 unit, 20 e2e)", []),  # an approximate total
        ("- 30 tests (~20 unit, 10 e2e)", []),  # an approximate part
    ],
)
def test_a_total_and_its_parts(line: str, expected: list[tuple[str, list[int]]]) -> None:
    found = extract(f"# H\n\n## Work\n\n{line}\n")
    assert [(c.text, c.value["parts"]) for c in found if c.kind == "parts"] == expected


def test_parts_that_do_not_add_up_are_refuted(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("work", {"a.py": "1\n"}, when="2025-11-13T09:00:00+00:00")
    doc = (
        "# Handoff\n\n**Date:** 2025-11-13\n\n## Results\n\n"
        "- 118 total tests, 104 passing, 3 skipped, 9 failures\n"
        "- 48 tests written (23 passing, 25 skipped)\n"
    )
    repo.commit("handoff", {"HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    got = [(c["text"], c["verdict"], c["fix"]) for c in claims_of(run) if c["kind"] == "parts"]
    assert got == [("118", "refuted", "write 116"), ("48", "verified", None)]
