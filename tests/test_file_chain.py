"""Several files in one list item: "- `src/a.ts` (new), `src/b.ts`, `c.ts`". The chain parser,
then real temporary repositories and the real CLI."""

from __future__ import annotations

import pytest

from handoff_lint.claims import file_chain
from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, claims_of


def chained(text: str) -> list[tuple[str, str, str]]:
    first = text.split("`")[1]
    end = text.index(first) + len(first)
    return [(c.path, c.written, c.action) for c in file_chain.following(text, end, first)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- `a.py`, `b.py`", [("b.py", "", "")]),
        (
            "- `src/a.ts` (new), `src/b.ts` (modified), `c.ts`",
            [("src/b.ts", "", "modified"), ("src/c.ts", "c.ts", "")],
        ),
        ("- `src/a.ts`, `b.ts` (new)", [("src/b.ts", "b.ts", "created")]),
        ("- `a.py` + `b.py` and `c.py`", [("b.py", "", ""), ("c.py", "", "")]),
        ("- `a.py` (dell'utente), `b.py`", [("b.py", "", "")]),  # a note that is no action
        ("- `a.py` - the parser, `b.py`", []),  # a sentence ends the chain
        ("- `a.py`, `parse()`", []),  # not a file
        ("- `a.py`", []),
    ],
)
def test_the_files_chained_after_the_first(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert chained(text) == expected


HEAD = "# Session 2 Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\nWork.\n\n"


@pytest.fixture
def session(repo: ScratchRepo) -> ScratchRepo:
    start = {"src/sim/state.ts": "1\n", "src/sim/tick.ts": "1\n", "docs/todo.md": "t\n"}
    repo.commit("start", start, when="2025-11-12T09:00:00+00:00")
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    work = {"src/sim/state.ts": "2\n", "src/sim/tick.ts": "2\n", "src/sim/ufo.ts": "u\n"}
    repo.commit("work", {**work, "docs/todo.md": "t2\n"}, when="2025-11-13T09:00:00+00:00")
    return repo


def file_verdicts(repo: ScratchRepo, cli: Cli, body: str) -> dict[str, str]:
    doc = HEAD + body
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    return {c["text"]: c["verdict"] for c in claims_of(run) if c["kind"] == "file"}


def test_every_file_of_an_item_under_files_changed(session: ScratchRepo, cli: Cli) -> None:
    body = (
        "### Files changed\n\n"
        "- `src/sim/state.ts`, `tick.ts`, `ufo.ts` (new)\n"
        "- `docs/todo.md`, `NOTES.md`\n"  # NOTES.md: in no commit at all
        "- `docs/html/index.html` (local-only, gitignored)\n"  # says itself it is not in git
    )
    assert file_verdicts(session, cli, body) == {
        "src/sim/state.ts": "verified",
        "tick.ts": "verified",
        "ufo.ts": "verified",
        "docs/todo.md": "verified",
        "NOTES.md": "refuted",
    }


def test_a_chained_file_created_before_the_session(session: ScratchRepo, cli: Cli) -> None:
    body = "### Files created\n\n- `src/sim/ufo.ts`, `src/sim/tick.ts`\n"
    assert file_verdicts(session, cli, body) == {
        "src/sim/ufo.ts": "verified",
        "src/sim/tick.ts": "refuted",
    }
