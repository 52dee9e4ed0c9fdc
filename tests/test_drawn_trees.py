"""A file tree drawn in a code block ("├── setup.py") is a claim that its files are there."""

from __future__ import annotations

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, verdicts
from tests.test_extract import extract

TREE = """```
app/
├── README.md            (3 lines)
├── core/                # shared parts
│   ├── __init__.py
│   ├── engine.py        # the engine
│   └── ghost.py         # never committed
└── main.py
```
"""


def drawn(markdown: str) -> list[str]:
    return [c.value["path"] for c in extract(markdown) if c.kind == "file"]


def test_each_file_of_a_drawn_tree_is_claimed_in_its_folders() -> None:
    paths = drawn("# H\n\n## Project Structure\n\n" + TREE)
    assert paths == [
        "app/README.md",
        "app/core/__init__.py",
        "app/core/engine.py",
        "app/core/ghost.py",
        "app/main.py",
    ]


@pytest.mark.parametrize(
    "tree",
    [
        "```\n~/.tool/sessions/\n├── s_1.json\n└── latest.json -> s_1.json\n```\n",  # the machine's
        "```\nsrc/\n├── app.log\n└── data.db\n```\n",  # written when the program runs
        "```\nsrc/engines/\n├── vps.ts / tde.ts / pve.ts\n└── a.ts, b.ts\n```\n",  # several at once
        # a layout a program writes its output in, its folder named by a placeholder
        "```\nprojects/{project_id}/\n├── state.json\n└── output/\n    └── final.srt\n```\n",
        "```\nruns/<run-id>/\n├── report.md\n└── metrics.csv\n```\n",
    ],
)
def test_trees_that_claim_no_file(tree: str) -> None:
    assert drawn("# H\n\n## Layout\n\n" + tree) == []


def test_a_tree_under_a_plan_claims_nothing() -> None:
    assert drawn("# H\n\n## Next Steps\n\n" + TREE) == []


@pytest.mark.parametrize("item", ["- __init__.py - the package", "- `__tests__/a.test.ts` (new)"])
def test_a_name_that_starts_with_underscores_keeps_them(item: str) -> None:
    assert drawn(f"# H\n\n## Files Created\n\n{item}\n")[0].split("/")[0].startswith("__")


def test_a_drawn_file_no_commit_ever_held_is_refuted(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit(
        "start",
        {"app/README.md": "a\nb\nc\n", "app/core/__init__.py": "", "app/main.py": "x = 1\n"},
        when="2025-11-12T09:00:00+00:00",
    )
    repo.commit("engine", {"app/core/engine.py": "E = 1\n"}, when="2025-11-13T09:00:00+00:00")
    doc = "# Handoff\n\n**Date:** 2025-11-13\n\n## Project Structure\n\n" + TREE
    repo.commit("handoff", {"HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    found = {text: verdict for (kind, text), verdict in verdicts(run).items() if kind == "file"}
    assert found == {
        "README.md": "verified",
        "__init__.py": "verified",
        "engine.py": "verified",
        "ghost.py": "refuted",
        "main.py": "verified",
    }
