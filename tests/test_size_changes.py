"""A file's size before and after, written with an arrow in the bracket after it ("`a.py` (841
-> 795 lines)", "(from 441 to 263 lines)"): the first count is its size before the session.
Real temporary repositories, the real CLI."""

from __future__ import annotations

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, claims_of

HEAD = "# Session 2 Handoff\n\n**Date:** 2025-11-13\n\n## Files Modified\n\n"


@pytest.fixture
def session(repo: ScratchRepo) -> ScratchRepo:
    repo.commit("start", {"src/a.py": "x\n" * 840}, when="2025-11-12T09:00:00+00:00")
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    repo.commit("shrink", {"src/a.py": "x\n" * 795}, when="2025-11-13T09:00:00+00:00")
    return repo


@pytest.mark.parametrize(
    ("item", "verdicts"),
    [
        ("- `src/a.py` (840 -> 795 lines)", {"840": "verified", "795 lines": "verified"}),
        ("- `src/a.py` (841 -> 795 lines)", {"841": "refuted", "795 lines": "verified"}),
        ("- `src/a.py` (from 900 to 795 lines)", {"900": "refuted", "795 lines": "verified"}),
        ("- `src/a.py` (840 → 790 lines)", {"840": "verified", "790 lines": "refuted"}),
        ("- `src/a.py` (v2 -> 795 lines)", {"795 lines": "verified"}),  # no count before
        # a nested item of the file's item: its size now, and after "was" its size before
        (
            "1. `src/a.py`\n   - Result: 795 lines total (was 840 lines)",
            {"795 lines": "verified", "840 lines": "verified"},
        ),
        (
            "1. `src/a.py`\n   - Result: 798 lines total (was 811 lines)",
            {"798 lines": "refuted", "811 lines": "refuted"},
        ),
    ],
)
def test_the_count_before_the_arrow_is_the_size_before_the_session(
    session: ScratchRepo, cli: Cli, item: str, verdicts: dict[str, str]
) -> None:
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": HEAD + item + "\n"})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    assert {c["text"]: c["verdict"] for c in claims_of(run) if c["kind"] == "lines"} == verdicts


def test_a_size_before_a_file_the_session_created_is_not_judged(
    session: ScratchRepo, cli: Cli
) -> None:
    """ "`A.java` → `b.kt` (97 → 107 lines)": b.kt is new, so 97 is the old file's size."""
    session.commit("convert", {"src/b.kt": "y\n" * 107}, when="2025-11-13T09:30:00+00:00")
    item = "- **Converted**: `A.java` → `src/b.kt` (97 → 107 lines)"
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": HEAD + item + "\n"})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    found = {c["text"]: c["verdict"] for c in claims_of(run) if c["kind"] == "lines"}
    assert found == {"97": "unverifiable", "107 lines": "verified"}
