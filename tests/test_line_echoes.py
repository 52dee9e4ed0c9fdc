"""A size written once with its file and once without ("the validator (237 lines)" in the
summary, "`scripts/validate.mjs` - 237 lines" in the list): the bare count is the same claim.
Real temporary repositories, the real CLI."""

from __future__ import annotations

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, claims_of

HEAD = "# Session 2 Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\n"
FILES = (
    "\n\n## Files Created\n\n- `scripts/validate.mjs` - {v} lines\n- `docs/guide.md` - {g} lines\n"
)


def _session(repo: ScratchRepo, v: int = 236, g: int = 412) -> ScratchRepo:
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    files = {"scripts/validate.mjs": "l\n" * v, "docs/guide.md": "l\n" * g}
    repo.commit("work", files, when="2025-11-13T09:00:00+00:00")
    return repo


@pytest.fixture
def session(repo: ScratchRepo) -> ScratchRepo:
    return _session(repo)


def _lines(session: ScratchRepo, cli: Cli, summary: str, v: int, g: int) -> dict[int, str]:
    doc = HEAD + summary + FILES.format(v=v, g=g)
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=session.path)
    return {c["line"]: c["verdict"] for c in claims_of(run) if c["kind"] == "lines"}


@pytest.mark.parametrize(("v", "verdict"), [(237, "refuted"), (236, "verified")])
def test_a_bare_size_repeats_the_size_of_the_one_file_given_it(
    session: ScratchRepo, cli: Cli, v: int, verdict: str
) -> None:
    found = _lines(session, cli, f"- The validator ({v} lines) checks entries.", v, 412)
    assert found == {7: verdict, 11: verdict, 12: "verified"}


def test_the_finding_names_both_lines_once(session: ScratchRepo, cli: Cli) -> None:
    doc = HEAD + "- The validator (237 lines) checks entries." + FILES.format(v=237, g=412)
    session.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "SESSION_2_HANDOFF.md", cwd=session.path)
    hl305 = [line for line in run.out.splitlines() if "HL305" in line]
    assert len(hl305) == 1 and ":11:" in hl305[0] and "also stated on line 7" in hl305[0]


@pytest.mark.parametrize(
    ("summary", "v", "g"),
    [
        ("- The validator (20 lines) checks entries.", 20, 412),  # too small to tie to a file
        ("- Two files (237 lines each).", 237, 237),  # two files have that size
        ("- Total: 237 lines.", 237, 412),  # a total counts several files
        ("- The validator grew by 237 lines added.", 237, 412),  # a change, not a size
    ],
)
def test_no_echo_when_the_count_names_no_one_file(
    repo: ScratchRepo, cli: Cli, summary: str, v: int, g: int
) -> None:
    """Each file has the size written for it, so an echo would be verified."""
    found = _lines(_session(repo, v, g), cli, summary, v, g)
    assert found.get(7) in (None, "unverifiable") and found[11] == found[12] == "verified"


@pytest.mark.parametrize(
    "summary",
    [
        "| Part | Lines |\n|---|---|\n| Validator | 237 |",  # a row: its column may mean insertions
        "- `tools/other.mjs` helped the validator (237 lines).",  # the line names its own file
    ],
)
def test_no_echo_on_a_table_row_or_a_line_naming_a_path(
    session: ScratchRepo, cli: Cli, summary: str
) -> None:
    """validate.mjs has 236 lines: its own line is refuted, an echo of it would be too."""
    found = _lines(session, cli, summary, 237, 412)
    *summary_lines, own, guide = sorted(found)
    assert (found[own], found[guide]) == ("refuted", "verified")
    assert all(found[n] == "unverifiable" for n in summary_lines)


def test_an_approximate_echo_does_not_excuse_an_exact_size(session: ScratchRepo, cli: Cli) -> None:
    """ "~237 lines" holds for a file of 236; "- 237 lines" beside its path does not, and the
    approximate statement elsewhere is no excuse for it."""
    found = _lines(session, cli, "- The validator: ~237 lines.", 237, 412)
    assert found == {7: "verified", 11: "refuted", 12: "verified"}
