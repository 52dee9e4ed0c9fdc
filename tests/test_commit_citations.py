"""Commit ids cited in the bracket that ends an item, and a count of commits over such a list."""

from __future__ import annotations

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, claims_of
from tests.test_extract import extract


def cited(markdown: str) -> list[str]:
    return [c.text for c in extract(markdown) if c.kind == "commit"]


@pytest.mark.parametrize(
    ("line", "ids"),
    [
        ("- Fixed the parser (3fa91c2)", ["3fa91c2"]),
        ("- Fixed the parser (3fa91c2).", ["3fa91c2"]),
        ("5. **Fix IIFE names** (ec74326/d1cfe10)", ["ec74326", "d1cfe10"]),  # before / after
        ("- Split the module (`a1b2c3d`, `e4f5a6b`)", ["a1b2c3d", "e4f5a6b"]),
        ("- Device id (3fa91c2e)", []),  # the id of something else
        ("- Fixed the parser (3fa91c2) and the lexer", []),  # not at the end: no citation
        ("- Read cache/3fa91c2e/4b5c6d7e/blob", []),  # folders named by digests
        ("- Opened ab12cd3/ef45ab6.py", []),
    ],
)
def test_ids_in_the_bracket_that_ends_an_item(line: str, ids: list[str]) -> None:
    assert cited(f"# H\n\n## Work\n\n{line}\n") == ids


def test_a_heading_ending_with_its_commit() -> None:
    assert cited("# H\n\n### Step 2: parser (`a1b2c3d`)\n\nDone.\n") == ["a1b2c3d"]


COMMITS = """# Session

**Date:** 2025-11-13

## Work Completed

### Commits ({n} total)

1. **Add module a** ({a})
   - the first part

2. **Add module b** ({old}/{b})

3. **Add module c** ({c})
"""


def test_a_count_of_commits_over_a_list_citing_one_each(repo: ScratchRepo, cli: Cli) -> None:
    """The count is the items' (a rebased commit cited by two ids is one), though the window
    holds more commits; the id git has in no ref is refuted, its new id verified."""
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-01T09:00:00+00:00")
    repo.commit("other work", {"x.py": "1\n"}, when="2025-11-02T09:00:00+00:00")
    ids = []
    for hour, name in enumerate("abc", start=1):
        when = f"2025-11-13T0{hour}:00:00+00:00"
        ids.append(repo.commit(f"Add module {name}", {f"{name}.py": "1\n"}, when=when))
        for extra in range(3 if name == "a" else 0):  # work the list leaves out
            repo.commit(f"tidy {extra}", {f"t{extra}.py": "1\n"}, when=when)
    short = [sha[:7] for sha in ids]
    for n, verdict in ((3, "verified"), (12, "refuted")):
        doc = COMMITS.format(n=n, a=short[0], old="ec74326", b=short[1], c=short[2])
        repo.commit("handoff", {"SESSION.md": doc}, when="2025-11-13T05:00:00+00:00")
        run = cli("check", "--format", "json", "SESSION.md", cwd=repo.path)
        found = {(c["kind"], c["text"]): c["verdict"] for c in claims_of(run)}
        assert found[("counts", str(n))] == verdict
        assert found[("commit", "ec74326")] == "refuted"
        assert all(found[("commit", sha)] == "verified" for sha in short)
