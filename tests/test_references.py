"""References to places and their shapes: an agent's @-mention of a file, a path with a line
location, a short commit id set apart in prose, a change column that describes rather than
names an action, a one-file diff stat. Real temporary repositories, the real CLI."""

from __future__ import annotations

from typing import Any

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, claims_of


def _found(run: Any, kind: str) -> dict[int, tuple[str, str]]:
    """Line -> (claim text, verdict) of the claims of ``kind`` in a JSON run."""
    return {c["line"]: (c["text"], c["verdict"]) for c in claims_of(run) if c["kind"] == kind}


def _judged(
    repo: ScratchRepo, cli: Any, doc: str, kind: str
) -> tuple[Any, dict[int, tuple[str, str]]]:
    """Commit ``doc`` as the second handoff, check it: the run and its claims of ``kind``."""
    repo.commit("h2", {"SESSION_2_HANDOFF.md": doc})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    return run, _found(run, kind)


def _session(repo: ScratchRepo) -> None:
    repo.commit("start", {"src/core/engine.py": "A = 1\n" * 40, "README.md": "x\n"})
    repo.commit("h1", {"SESSION_1_HANDOFF.md": "# Handoff 1\n\n**Date:** 2025-11-13\n"})


def test_mentions_and_located_paths_claim_the_file_is_there(repo: ScratchRepo, cli: Cli) -> None:
    """ "- @src/core/engine.py:10-12" and "| `src/core/engine.py:30` | the bug |" say the file is
    there, not that the session changed it; one that never existed is refuted."""
    _session(repo)
    repo.commit("work", {"src/core/other.py": "B = 2\n"})
    doc = (
        "# Handoff 2\n\n**Date:** 2025-11-13\n\n## Context Files\n\n"
        "- @src/core/engine.py:10-12,20  # the loop\n"  # 7
        "- @src/core/ghost_engine.py:5  # never committed\n\n"  # 8
        "## Files with Issues\n\n| File | Issue |\n|---|---|\n"
        "| `src/core/engine.py:30-41` | off by one |\n"  # 14
        "| `src/core/phantom.py#L3-L9` | leaks |\n"  # 15
    )
    run, found = _judged(repo, cli, doc, "file")
    assert found[7] == ("src/core/engine.py", "verified")
    assert found[8] == ("src/core/ghost_engine.py", "refuted")
    assert found[14] == ("src/core/engine.py", "verified")
    assert found[15] == ("src/core/phantom.py", "refuted")
    assert run.code == 1


def test_a_change_column_that_describes_is_not_an_action(repo: ScratchRepo, cli: Cli) -> None:
    """ "| `run.sh` | Added a stop file |": the cell says what changed in the file, so the file was
    modified; a short status cell ("New") still names the action."""
    _session(repo)
    repo.commit("work", {"src/core/engine.py": "A = 2\n" * 40, "src/core/new.py": "N = 1\n"})
    doc = (
        "# Handoff 2\n\n**Date:** 2025-11-13\n\n"
        "| File | Changes |\n|---|---|\n"
        "| `src/core/engine.py` | Added a graceful stop section |\n"  # 7
        "| `src/core/new.py` | New |\n"  # 8
        "| `README.md` | Created |\n"  # 9
    )
    _, found = _judged(repo, cli, doc, "file")
    assert found[7] == ("src/core/engine.py", "verified")
    assert found[8] == ("src/core/new.py", "verified")
    assert found[9][1] == "refuted"  # not created, and not even changed


def test_a_short_id_set_apart_in_prose_is_a_commit(repo: ScratchRepo, cli: Cli) -> None:
    _session(repo)
    real = repo.commit("work", {"src/core/other.py": "B = 2\n"})
    doc = (
        "# Handoff 2\n\n**Date:** 2025-11-13\n\n"
        f"The bug dates from when the test was written (2025-11-13, `{real[:8]}`).\n"  # 5
        "It was reverted later (`4072f30a`).\n"  # 6
        "Build cache key: `9f3e1a7c0b2d4e6f8a9b`.\n"  # 7: too long for a short id
    )
    _, found = _judged(repo, cli, doc, "commit")
    assert found[5] == (real[:8], "verified")
    assert found[6] == ("4072f30a", "refuted")
    assert 7 not in found


def test_a_one_file_stat_is_one_file_of_a_commit(repo: ScratchRepo, cli: Cli) -> None:
    """ "git diff --stat = 1 file, +2/-1": the one code file of a commit that also added notes."""
    _session(repo)
    engine = "A = 1\n" * 38 + "B = 1\nC = 1\nD = 1\n"
    repo.commit("fix", {"src/core/engine.py": engine, "notes/fix.md": "why\n" * 30})
    doc = (
        "# Handoff 2\n\n**Date:** 2025-11-13\n\n"
        "- Boundary: `git diff --stat` = 1 file, +3/-2\n"  # 5
        "- Boundary: `git diff --stat` = 1 file, +7/-2\n"  # 6
    )
    _, found = _judged(repo, cli, doc, "stats")
    assert found[5][1] == "verified" and found[6][1] == "refuted", found


def test_a_list_of_key_files_says_they_are_there(repo: ScratchRepo, cli: Cli) -> None:
    """ "### Critical Files" (a table or a list of files to read) claims the files exist, not
    that the session changed them; a key file that was never committed is refuted. A cell
    "Added deps" says what changed in a file, not that it was created."""
    _session(repo)
    repo.commit("work", {"src/core/other.py": "B = 2\n", "pyproject.toml": "[x]\n"})
    doc = (
        "# Handoff 2\n\n**Date:** 2025-11-13\n\n### Critical Files\n\n"
        "| File | Purpose |\n|---|---|\n"
        "| `src/core/engine.py` | the loop |\n"  # 9: not changed, but there
        "| `src/core/phantom.py` | never committed |\n\n"  # 10
        "## Key Files\n\n- `src/core/verification.md` - the checklist\n\n"  # 14
        "## Changes\n\n| File | Change |\n|---|---|\n"
        "| `pyproject.toml` | Added deps |\n"  # 20: modified, not created
    )
    _, found = _judged(repo, cli, doc, "file")
    assert found[9] == ("src/core/engine.py", "verified")
    assert found[10] == ("src/core/phantom.py", "refuted")
    assert found[14] == ("src/core/verification.md", "refuted")
    assert found[20] == ("pyproject.toml", "verified")


def test_a_list_of_files_pasted_in_a_code_block(repo: ScratchRepo, cli: Cli) -> None:
    """A code block that lists files ("   - GUIDE.md" under "✅ Docs") names each one: it must
    be there, or have the action its heading or its own word gives; a document that was never
    committed is refuted, not excused."""
    _session(repo)
    repo.commit("work", {"docs/GUIDE.md": "# Guide\n", "src/core/new.py": "N = 1\n"})
    doc = (
        "# Handoff 2\n\n**Date:** 2025-11-13\n\n## Deliverables\n\n```\n"
        "✅ Documentation\n"  # 8
        "   - docs/GUIDE.md\n"  # 9
        "   - SETUP-NOTES.md\n"  # 10
        "✅ Code\n"  # 11
        "   - src/core/new.py (new)\n"  # 12
        "   - src/core/engine.py (new)\n"  # 13
        "```\n"
    )
    run, found = _judged(repo, cli, doc, "file")
    assert found[9] == ("docs/GUIDE.md", "verified")
    assert found[10] == ("SETUP-NOTES.md", "refuted")
    assert found[12] == ("src/core/new.py", "verified")
    assert found[13] == ("src/core/engine.py", "refuted")  # it existed before the session
    assert run.code == 1


def test_a_file_deleted_long_ago_is_not_a_file_never_committed(repo: ScratchRepo, cli: Cli) -> None:
    """The first handoff's window is the whole history: a file it names that a commit of it
    created and deleted again was committed (the session touched it); one no commit of any ref
    ever held is refuted."""
    repo.commit("start", {"src/core/engine.py": "A = 1\n", "src/core/cache_v1.py": "C = 1\n"})
    repo.commit("drop the cache", remove=["src/core/cache_v1.py"])
    doc = (
        "# Handoff 1\n\n**Date:** 2025-11-13\n\n## Work\n\n"
        "- `src/core/engine.py` - the engine\n"  # 7
        "- `cache_v1.py` - folded into the engine\n"  # 8
        "- `src/core/phantom_cache.py` - the new cache\n"  # 9
    )
    repo.commit("h1", {"SESSION_1_HANDOFF.md": doc})
    run = cli("check", "--format", "json", "SESSION_1_HANDOFF.md", cwd=repo.path)
    found = _found(run, "file")
    assert found[7] == ("src/core/engine.py", "verified")
    assert found[8] == ("cache_v1.py", "verified")
    assert found[9] == ("src/core/phantom_cache.py", "refuted")


def test_paths_written_from_the_root_and_route_folders(repo: ScratchRepo, cli: Cli) -> None:
    """A code block of key files written from "/" ("/src/core/engine.py  # the loop") names the
    repository's files when the first folder is one of its top folders; "/etc/..." is a path of
    the machine, not refuted. A route folder in brackets ("app/jobs/[id]/page.tsx") is part of
    the path."""
    _session(repo)
    repo.commit("work", {"web/app/jobs/[id]/page.tsx": "export {}\n"})
    doc = (
        "# Handoff 2\n\n**Date:** 2025-11-13\n\n## Important File Locations\n\n```\n"
        "/src/core/engine.py                 # the loop\n"  # 8
        "/src/core/ghost.py                  # never committed\n"  # 9
        "/etc/nginx/conf.d/site.conf         # the web server\n"  # 10
        "/web/app/jobs/[id]/page.tsx         # a job\n"  # 11
        "/web/app/jobs/[slug]/layout.tsx     # never committed\n"  # 12
        "```\n"
    )
    run, found = _judged(repo, cli, doc, "file")
    assert found[8] == ("/src/core/engine.py", "verified")
    assert found[9] == ("/src/core/ghost.py", "refuted")
    assert found[10] == ("/etc/nginx/conf.d/site.conf", "unverifiable")
    assert found[11] == ("/web/app/jobs/[id]/page.tsx", "verified")
    assert found[12] == ("/web/app/jobs/[slug]/layout.tsx", "refuted")
    assert run.code == 1


def test_a_bold_label_and_its_files_in_an_item_or_a_paragraph(repo: ScratchRepo, cli: Cli) -> None:
    """ "- **Original audit:** `docs/x.md`" under References (the colon inside the bold) and a
    paragraph that is only a label and files ("**Files Modified:** `a`, `b`", "**File:** `x`"
    under a step of the work) name their files like a list item does."""
    _session(repo)
    repo.commit("work", {"docs/testing/harness.md": "# Harness\n"})
    doc = (
        "# Handoff 2\n\n**Date:** 2025-11-13\n\n## Work\n\n### 1. Harness docs\n\n"
        "**File:** `docs/testing/harness.md`\n\n"  # 9
        "### 2. Release notes\n\n"
        "**File:** `docs/testing/release-notes.md`\n\n"  # 13
        "**Files Modified:** `docs/testing/harness.md`, `src/core/engine.py`\n\n"  # 15
        "## References\n\n"
        "- **Original audit:** `docs/archive/AUDIT-2025-10-11.md`\n"  # 19
        "- **Engine:** `src/core/engine.py`\n"  # 20
    )
    run, _ = _judged(repo, cli, doc, "file")
    found = [(c["line"], c["text"], c["verdict"]) for c in claims_of(run) if c["kind"] == "file"]
    assert found == [
        (9, "docs/testing/harness.md", "verified"),
        (13, "docs/testing/release-notes.md", "refuted"),
        (15, "docs/testing/harness.md", "verified"),
        (15, "src/core/engine.py", "refuted"),  # there, but the session did not modify it
        (19, "docs/archive/AUDIT-2025-10-11.md", "refuted"),
        (20, "src/core/engine.py", "verified"),
    ]
    assert run.code == 1


def test_a_header_and_its_source_written_as_one(repo: ScratchRepo, cli: Cli) -> None:
    """ "`GameMode.h/.cpp`" in a Files column names the header (and the source beside it), not
    a file ".cpp" in a folder "GameMode.h"."""
    _session(repo)
    repo.commit("work", {"src/GameMode.h": "#pragma once\n", "src/GameMode.cpp": "int x;\n"})
    doc = (
        "# Handoff 2\n\n**Date:** 2025-11-13\n\n## Work\n\n"
        "| System | Files |\n|---|---|\n"
        "| Game state | `src/GameMode.h/.cpp` |\n"  # 9
    )
    _, found = _judged(repo, cli, doc, "file")
    assert found[9] == ("src/GameMode.h", "verified")


def test_files_a_verb_acts_on_and_files_named_as_context(repo: ScratchRepo, cli: Cli) -> None:
    """ "- Fixed `a.ts`: added a block so `b.ts` can be imported": the verb acts on a.ts, and
    b.ts is context (no claim that the session fixed it); files chained by commas and "and"
    (or 和) all take the verb. A paragraph's bare "**File:**" label names the file its section
    is about: it is there, not necessarily changed."""
    _session(repo)
    repo.commit("work", {"src/core/new.py": "N = 1\n", "src/core/more.py": "M = 1\n"})
    doc = (
        "# Handoff 2\n\n**Date:** 2025-11-13\n\n## Work\n\n"
        "- Fixed `src/core/new.py`: added a guard so `src/core/engine.py` can be imported\n"  # 7
        "- Created `src/core/new.py`, `src/core/more.py` and `src/core/gone.py`\n\n"  # 8
        "**文件**：`src/core/new.py` 和 `src/core/more.py`\n\n"  # 10
        "### Existing implementation\n\n"
        "**File:** `src/core/engine.py`\n"  # 14
    )
    run, _ = _judged(repo, cli, doc, "file")
    found = [(c["line"], c["text"], c["verdict"]) for c in claims_of(run) if c["kind"] == "file"]
    assert found == [
        (7, "src/core/new.py", "verified"),
        (8, "src/core/new.py", "verified"),
        (8, "src/core/more.py", "verified"),
        (8, "src/core/gone.py", "refuted"),
        (10, "src/core/new.py", "verified"),
        (10, "src/core/more.py", "verified"),
        (14, "src/core/engine.py", "verified"),
    ]
