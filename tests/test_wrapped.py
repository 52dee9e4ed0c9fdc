"""A document an agent wrote with its chat's fence around it ("````markdown" ... "````")."""

from __future__ import annotations

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, claims_of

BODY = "# Handoff\n\n**Date:** 2025-11-13\n\n## Files Created\n\n- `src/a.py`\n- `src/gone.py`\n"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("````markdown\n", "\n```python\nx = 1\n```\n````\n"),  # wrapped, a block inside
        ("```md\n", ""),  # never closed
    ],
)
def test_a_document_wrapped_in_a_markdown_fence_is_read(
    repo: ScratchRepo, cli: Cli, before: str, after: str
) -> None:
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n\n## Summary\n\nStart.\n"})
    repo.commit("work", {"src/a.py": "a\n"})
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": before + BODY + after})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    found = [(c["line"], c["text"], c["verdict"]) for c in claims_of(run) if c["kind"] == "file"]
    assert found == [(8, "src/a.py", "verified"), (9, "src/gone.py", "refuted")]


def test_a_markdown_block_among_others_stays_a_block(repo: ScratchRepo, cli: Cli) -> None:
    """A "```markdown" example that closes before the document ends is one block: not read."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n\n## Summary\n\nStart.\n"})
    repo.commit("work", {"src/a.py": "a\n"})
    doc = "```markdown\n- `src/example.py`\n```\n\n" + BODY
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert "src/example.py" not in [c["text"] for c in claims_of(run)]
