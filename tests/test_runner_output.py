"""A test runner's output pasted into a handoff is a claim: its total is a count of tests that
ran, so no more than the repository defines (HL407); a command that runs one file, with its
result in a comment, is that file's count (HL406). Real temporary repositories, the real CLI."""

from __future__ import annotations

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, claims_of

HEAD = "# Session 2 Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\nTests.\n\n## Checks\n\n"
PY = "".join(f"def test_case_{n}():\n    assert True\n\n" for n in range(1, 5))
RB = "describe 'auth' do\n" + "".join(f"  it 'case {n}' do\n  end\n" for n in range(1, 4)) + "end\n"


def _judged(session: ScratchRepo, cli: Cli, doc: str, kind: str) -> list[tuple[str, str]]:
    """(text, verdict) of the claims of ``kind`` in ``doc``, committed as the session's report."""
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    return [(c["text"], c["verdict"]) for c in claims_of(run) if c["kind"] == kind]


@pytest.fixture
def session(repo: ScratchRepo) -> ScratchRepo:
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    repo.commit(
        "tests",
        {"tests/test_api.py": PY, "spec/auth_spec.rb": RB},
        when="2025-11-13T09:00:00+00:00",
    )
    return repo  # 4 + 3 = 7 tests, every one counted


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Maven/JUnit's total, in a block and in prose
        ("```\n[INFO] Tests run: 12, Failures: 0, Errors: 0, Skipped: 0\n```", "refuted"),
        ("```\n[INFO] Tests run: 7, Failures: 0, Errors: 0, Skipped: 0\n```", "verified"),
        ("- Tests run: 5", "unverifiable"),  # some of them: one module, one class
        # RSpec's total
        ("```\n14 examples, 0 failures\n```", "refuted"),
        ("```\nFinished in 0.4 seconds\n7 examples, 0 failures\n```", "verified"),
        # Jest's summary line
        ("```\nTests:       1 failed, 11 passed, 12 total\n```", "refuted"),
        # cargo prints a count per binary, then the result: the block is runner output
        ("```\nrunning 9 tests\ntest result: ok. 9 passed; 0 failed\n```", "refuted"),
        # a labelled total of test cases or methods; with "new", the tests the session added (7)
        ("- **Total test cases:** 12", "refuted"),
        ("- **Total Test Methods:** 7", "verified"),
        ("**Total New Test Methods**: 9", "refuted"),
        ("**Total New Test Methods**: 7", "verified"),
    ],
)
def test_a_runners_total_is_no_more_than_the_tests_defined(
    session: ScratchRepo, cli: Cli, body: str, expected: str
) -> None:
    totals = {verdict for _, verdict in _judged(session, cli, HEAD + body + "\n", "test_total")}
    assert totals == {expected}


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("bin/rspec spec/auth_spec.rb   # 3 examples, 0 failures", [("3 examples", "verified")]),
        ("$ bin/rspec spec/auth_spec.rb # 8 examples, 0 failures", [("8 examples", "refuted")]),
        ("pytest tests/test_api.py   # 4 passed", [("4 passed", "verified")]),
        ("pytest tests/test_api.py -k parse  # 2 passed", []),  # a filter picks some out
        ("bin/rspec spec/auth_spec.rb:12  # 1 example, 0 failures", []),  # one example by line
    ],
)
def test_a_pasted_command_with_its_result_in_a_comment(
    session: ScratchRepo, cli: Cli, block: str, expected: list[tuple[str, str]]
) -> None:
    """A shell line in a code block that runs one test file, its result in a comment: the
    file's count of tests, as a run written in prose is."""
    doc = HEAD + "```\n" + block + "\n```\n"
    assert _judged(session, cli, doc, "test_count") == expected
