"""Counts of commits: a range's count is git's to count; a summary may restate a counted list."""

from __future__ import annotations

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, claims_of

HEAD = "# Handoff\n\n**Date:** 2025-11-13\n\n"


@pytest.mark.parametrize(
    ("shape", "verdict"),
    [
        ("### Commits Applied ({n} total: {a} → {b})", {3: "verified", 4: "verified"}),
        ("- **Commits**: {a} → {b} ({n} total)", {3: "verified", 5: "refuted"}),
        ("- {n} commits ({a}..{b})", {4: "verified", 11: "refuted"}),
    ],
)
def test_a_count_of_the_commits_of_a_range(
    repo: ScratchRepo, cli: Cli, shape: str, verdict: dict[int, str]
) -> None:
    """Four commits from a to d: "a → d" holds three after a, four with it; either reading is
    accepted, any other count is refuted."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD + "## Summary\n\nStart.\n"})
    shas = [repo.commit(f"step {n}", {f"s{n}.py": f"{n}\n"}) for n in range(4)]
    for n, expected in verdict.items():
        line = shape.format(n=n, a=shas[0][:7], b=shas[-1][:7])
        doc = HEAD + f"## Work\n\n{line}\n"
        repo.commit(f"handoff {n}", {f"SESSION_{n + 2}_HANDOFF.md": doc})
        run = cli("check", "--format", "json", f"SESSION_{n + 2}_HANDOFF.md", cwd=repo.path)
        found = [(c["text"], c["verdict"]) for c in claims_of(run) if c["kind"] == "commit_range"]
        assert found == [(str(n), expected)]
        assert not [c for c in claims_of(run) if c["kind"] == "counts"]  # one claim, not two


def test_a_range_git_cannot_count_is_unverifiable(repo: ScratchRepo, cli: Cli) -> None:
    """The later id first: no line of history from it to the other."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD + "## Summary\n\nStart.\n"})
    first = repo.commit("one", {"a.py": "1\n"})
    last = repo.commit("two", {"b.py": "2\n"})
    doc = HEAD + f"## Work\n\n- **Commits**: {last[:7]} → {first[:7]} (2 total)\n"
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "commit_range"] == ["unverifiable"]


@pytest.mark.parametrize(("summary", "verdict"), [("3", "verified"), ("4", "refuted")])
def test_a_summary_restating_a_count_of_listed_commits(
    repo: ScratchRepo, cli: Cli, summary: str, verdict: str
) -> None:
    """ "**3 Commits Created**:" over "**Commit 1**" .. "**Commit 3**", then "- **Git Commits**:
    3 commits" in the summary: it restates the document's own witnessed count (the window holds
    five commits); a summary that agrees with neither is refuted."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD + "## Summary\n\nStart.\n"})
    for n in range(5):
        repo.commit(f"step {n}", {f"s{n}.py": f"{n}\n"})
    listed = "".join(f"**Commit {n}**: step {n}\n\n" for n in (1, 2, 3))
    doc = HEAD + f"## Work\n\n**3 Commits Created**:\n\n{listed}## Metrics\n\n"
    doc += f"- **Git Commits**: {summary} commits\n"
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    found = [c["verdict"] for c in claims_of(run) if c["kind"] == "counts"]
    assert found == ["verified", verdict]
