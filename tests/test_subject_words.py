"""A paraphrased subject in a table of commits: the long words a summary writes
("documentation", "configuration", "initial") for the short ones a subject uses ("docs",
"config", "init")."""

from __future__ import annotations

import pytest

from handoff_lint.claims.subjects import subject_matches
from handoff_lint.git.repo import CommitInfo


@pytest.mark.parametrize(
    ("claimed", "subject", "matches"),
    [
        ("Initial RCA documentation", "docs(handoff): API test failures RCA (9 failed)", True),
        ("Gateway configuration", "chore: config for the gateway", True),
        ("Initial setup", "init: project setup", True),
        ("Auth implementation", "feat: impl auth middleware", True),
        ("Initial RCA documentation", "feat: add rate limiter to the gateway", False),
        ("Dependency bump", "docs: rewrite the install guide", False),
    ],
)
def test_short_forms_of_long_words(claimed: str, subject: str, matches: bool) -> None:
    assert subject_matches(claimed, CommitInfo("0" * 40, subject, "", None)) is matches
