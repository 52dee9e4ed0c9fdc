"""The configuration's heading words and tolerances reach parse and verify as a value passed
down (``Config.heading_words()``, ``Evidence.settings``), not as module state: each run honours
its own configuration, and the next run in the same process does not inherit it."""

from __future__ import annotations

from handoff_lint.document import roles
from handoff_lint.document.parse import parse
from handoff_lint.document.source import decode
from handoff_lint.model import HeadingWords
from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, verdicts

REPORT = """# Session 2 Handoff

**Date:** 2025-11-16

## Files Created

- `a.py` (~100 lines)

## Parking lot

- `ghost.py`
"""


def _session(repo: ScratchRepo) -> None:
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# S1\n"})
    repo.commit("work", {"a.py": "x = 1\n" * 108})
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": REPORT})


def _check(cli: Cli, repo: ScratchRepo) -> dict[tuple[str, str], str]:
    return verdicts(cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path))


def test_plan_headings_of_one_run_do_not_leak_into_the_next(repo: ScratchRepo, cli: Cli) -> None:
    _session(repo)
    assert _check(cli, repo)[("file", "ghost.py")] == "refuted"
    repo.write(".handoff-lint.toml", '[headings]\nplans = ["Parking lot"]\n')
    assert ("file", "ghost.py") not in _check(cli, repo)  # future work: no claim
    (repo.path / ".handoff-lint.toml").unlink()
    assert _check(cli, repo)[("file", "ghost.py")] == "refuted"


def test_tolerances_reach_the_verifiers(repo: ScratchRepo, cli: Cli) -> None:
    """a.py has 108 lines: "~100" holds within the default 10%, not within 5% or 2 lines; the
    document's date is three days after the session's commits: refuted by the default one-day
    margin, accepted by a three-day one."""
    _session(repo)
    found = _check(cli, repo)
    assert found[("lines", "~100 lines")] == "verified"
    assert found[("date", "2025-11-16")] == "refuted"
    repo.write(
        ".handoff-lint.toml",
        "[tolerances]\napprox_percent = 5\napprox_lines = 2\ndate_days = 3\n",
    )
    found = _check(cli, repo)
    assert found[("lines", "~100 lines")] == "refuted"
    assert found[("date", "2025-11-16")] == "verified"
    (repo.path / ".handoff-lint.toml").unlink()
    assert _check(cli, repo)[("lines", "~100 lines")] == "verified"


def test_parse_takes_the_heading_words_and_keeps_them_on_the_document() -> None:
    text = decode(b"# Report\n\n## Parking lot\n\n- `a.py`\n\n## Next Steps\n\n- x\n")
    plain = parse("r.md", text)
    words = HeadingWords(plans=("parking lot",), claims=("next steps",))
    configured = parse("r.md", text, words)
    assert [s.role for s in plain.sections[1:]] == ["", "plan"]
    assert [s.role for s in configured.sections[1:]] == ["plan", ""]
    assert configured.heading_words == words
    assert roles.role_of("Parking lot") == ""  # the words were passed, not installed
