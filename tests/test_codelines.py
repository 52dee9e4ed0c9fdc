"""Lines of code: "115 LOC" may count the lines that are neither blank nor comments."""

from __future__ import annotations

import pytest

from handoff_lint.git.codelines import code_lines
from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, claims_of

C_FILE = (
    "/* Licence\n * two lines\n */\n#include <stdio.h>\n\n// a comment\n"
    "int main(void) { /* inline */\n    return 0; /* end */\n}\n/* one */ int x;\n"
)


@pytest.mark.parametrize(
    ("path", "text", "count"),
    [
        ("src/a.c", C_FILE, 5),
        ("src/a.py", "# comment\n\nimport os\n\n\ndef f():\n    return 1  # trailing\n", 3),
        ("db/q.sql", "-- header\nSELECT 1;\n\n", 1),
        ("notes.txt", "a\n\n# b\n", 2),
    ],
)
def test_code_lines(path: str, text: str, count: int) -> None:
    assert code_lines(path, text) == count


def test_a_loc_count_may_leave_out_comments_and_blank_lines(repo: ScratchRepo, cli: Cli) -> None:
    """`warm.c` has 10 physical lines and 5 of code: "(10 LOC)" and "(5 LOC)" are both true,
    "(7 LOC)" is neither; "(5 lines)" is not a count of code and stays refuted."""
    head = "# Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\n"
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": head})
    repo.commit("warm", {"src/warm.c": C_FILE})
    doc = (
        head
        + "## Files Created\n\n"
        + "".join(f"- `src/warm.c` ({n})\n" for n in ("10 LOC", "5 LOC", "7 LOC", "5 lines"))
    )
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    got = [(c["text"], c["verdict"]) for c in claims_of(run) if c["kind"] == "lines"]
    assert got == [
        ("10 LOC", "verified"),
        ("5 LOC", "verified"),
        ("7 LOC", "refuted"),
        ("5 lines", "refuted"),
    ]
