"""A section of an earlier session, written with the newest version of a progress log."""

from __future__ import annotations

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, claims_of


def test_an_earlier_sessions_section_is_not_judged_by_this_window(
    repo: ScratchRepo, cli: Cli
) -> None:
    """ "## Session 1" then "## Session 3" in a log written at once: "PROJECT.md created" under
    session 1 is about a file made before this window (unverifiable, not refuted); the same
    claim under session 3 is refuted, and a file session 3 made is verified."""
    repo.commit("session 1", {"PROJECT.md": "p\n", "OLD.md": "o\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n\n## Summary\n\nStart.\n"})
    repo.commit("session 3 work", {"NEW.md": "n\n"})
    doc = (
        "# Progress Log\n\n**Date:** 2025-11-13\n\n## Session 1: setup\n\n"
        "- ✅ PROJECT.md created\n\n## Session 3: features\n\n"
        "- ✅ NEW.md created\n- ✅ OLD.md created\n"
    )
    repo.commit("progress", {"PROGRESS_LOG.md": doc})
    run = cli("check", "--format", "json", "PROGRESS_LOG.md", cwd=repo.path)
    found = {c["text"]: c["verdict"] for c in claims_of(run) if c["kind"] == "file"}
    assert found == {"PROJECT.md": "unverifiable", "NEW.md": "verified", "OLD.md": "refuted"}
