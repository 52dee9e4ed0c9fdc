"""Counts and branches of a part of the work: a heading's count of files over its own list,
files under a heading of uncommitted changes, and the branch of one step of a session."""

from __future__ import annotations

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, Run, claims_of
from tests.test_extract import extract

HEAD = "# Handoff\n\n**Date:** 2025-11-13\n\n"


def _file_counts(run: Run) -> list[tuple[str, str]]:
    return [(c["text"], c["verdict"]) for c in claims_of(run) if c["kind"] == "file_count"]


@pytest.mark.parametrize(
    ("heading", "verdict"),
    [
        ("### New Files (2)", "verified"),  # its own list of two, though the window made three
        ("### New Files (5)", "refuted"),  # neither the list nor git: a made-up count
    ],
)
def test_a_heading_s_count_of_files_over_its_list(
    repo: ScratchRepo, cli: Cli, heading: str, verdict: str
) -> None:
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD + "## Summary\n\nStart.\n"})
    repo.commit("work", {"src/a.py": "a\n", "src/b.py": "b\n", "src/c.py": "c\n"})
    doc = HEAD + f"## Work\n\n{heading}\n\n- `src/a.py`\n- `src/b.py`\n"
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert _file_counts(run) == [(heading.split("(")[1].rstrip(")"), verdict)]


def test_no_count_of_files_under_a_heading_of_uncommitted_changes() -> None:
    doc = (
        HEAD + "## UNCOMMITTED CHANGES\n\n**Modified files (18):**\n- `a.py`\n- Plus 17 more\n\n"
        "## Done\n\n**Modified files (2):**\n- `a.py`\n- `b.py`\n"
    )
    assert [(c.line, c.text) for c in extract(doc) if c.kind == "file_count"] == [(13, "2")]


def test_the_branch_of_one_step_is_not_refuted(repo: ScratchRepo, cli: Cli) -> None:
    """ "**Branch:** `step-1`" under the first step's heading: the branch holds that step's
    commit, not the session's last; git cannot tell it is wrong. A branch holding none of the
    session's commits still is."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD + "## Summary\n\nStart.\n"})
    repo.git("branch", "elsewhere")
    repo.git("checkout", "-q", "-b", "step-1")
    repo.commit("step 1", {"a.py": "1\n"})
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge step 1", "step-1")
    repo.commit("step 2", {"b.py": "1\n"})
    doc = HEAD + (
        "## Steps\n\n### Step 1\n**Branch:** `step-1`\n\n- Added `a.py`\n\n"
        "### Step 2\n**Branch:** `elsewhere`\n\n- Added `b.py`\n"
    )
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    found = {c["text"]: c["verdict"] for c in claims_of(run) if c["kind"] == "branch"}
    assert found == {"step-1": "unverifiable", "elsewhere": "refuted"}


@pytest.mark.parametrize(("total", "verdict"), [("3", "verified"), ("7", "refuted")])
def test_a_total_after_parallel_lists_of_files(
    repo: ScratchRepo, cli: Cli, total: str, verdict: str
) -> None:
    """ "**Total:** 3 documents" ending the last of sibling subsections that list the files: the
    items of them all witness it (git's four documents do not make it wrong); a total neither
    the lists nor git give is refuted."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD + "## Summary\n\nStart.\n"})
    repo.commit("docs", {f"docs/{n}.md": f"{n}\n" for n in "abcd"})
    doc = HEAD + (
        "## Documents written\n\n### Part 1 (2 documents)\n- **docs/a.md** - one\n"
        "- **docs/b.md** - two\n\n### Part 2 (1 document)\n- **docs/c.md** - three\n\n"
        f"**Total:** {total} documents\n"
    )
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert (total, verdict) in _file_counts(run)


@pytest.mark.parametrize(
    ("line", "verdict"),
    [
        ("- **Docs Created:** 3 (A_GUIDE, B_SUMMARY, C_NOTES)", "verified"),  # names them
        ("- **Docs Created:** 3", "refuted"),  # git made four documents
    ],
)
def test_a_count_that_names_its_files_in_a_bracket(
    repo: ScratchRepo, cli: Cli, line: str, verdict: str
) -> None:
    """ "**Docs Created:** 3 (A, B, C)": the bracket lists the three it counts (its own witness,
    as a list under it would be); without it the count is git's to judge."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": HEAD + "## Summary\n\nStart.\n"})
    repo.commit("docs", {f"docs/{n}.md": f"{n}\n" for n in "abcd"})
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": HEAD + f"## Metrics\n\n{line}\n"})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert [v for _, v in _file_counts(run)] == [verdict]


def test_a_tree_with_files_beside_it_counts_them_all() -> None:
    """ "### Documentation (5 files)" over a drawn docs/ folder of three and two files at the
    top level beside it: five files listed."""
    tree = "docs/\n├── A.md   # a\n├── B.md   # b\n└── C.md   # c\n\nREADME.md   # x\nCHANGES.md\n"
    doc = HEAD + f"## Files\n\n### Documentation (5 files)\n```\n{tree}```\n"
    found = [c.value for c in extract(doc) if c.kind == "counts"]
    assert [(v["count"], v["items"]) for v in found] == [(5, 5)]
