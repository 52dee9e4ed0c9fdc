"""The list fast path gives exactly mistune's tokens, and takes the lists it should."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import mistune
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handoff_lint.document import fastlist

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def _markdown(fast: bool) -> Any:
    markdown = mistune.create_markdown(renderer=None, plugins=["table", "strikethrough"])
    if fast:
        fastlist.install(markdown)
    return markdown


PLAIN, FAST = _markdown(False), _markdown(True)


def tokens(markdown: Any, text: str) -> list[dict[str, Any]]:
    state = markdown.block.state_cls()
    state.process(text if text.endswith("\n") else text + "\n")
    for hook in markdown.before_parse_hooks:
        hook(markdown, state)
    markdown.block.parse(state)
    return list(state.tokens)


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the lists the fast path built (spies on fastlist._build, which stays real)."""
    count: list[int] = []
    real = fastlist._build

    def counting(state: Any, start: int, starts_block: Any) -> int:
        end = real(state, start, starts_block)
        count.append(start)
        return end

    monkeypatch.setattr(fastlist, "_build", counting)
    return count


CASES = [
    # (document, lists the fast path builds)
    ("- a\n- b", 1),
    ("- a\n  - b\n- c", 1),
    ("- a\n  - b\n    - c\n- d\n\npara", 1),
    ("1. **A**\n   - x\n   - y\n\n2. **B**\n   - z\n\n## N", 1),
    ("1. a\n2. b\n3. c", 1),
    ("- a\n\n- b\n", 1),
    ("- a\n  - b\n\n  - c\n- d", 1),
    ("- a\n  - b\n    - c\n\n- d", 1),
    ("# H\n- a\n- b\n\n## x", 1),
    ("- **Commit 57a2032**: x\n- `app/x.py` (79 lines)\n- [x] done", 1),
    ("- a  \n- b", 1),
    ("para\n- a\n- b", 1),
    # declined: mistune decides
    ("- a\nlazy", 0),
    ("- a\n\n  cont", 0),
    ("- a\n\n  - b", 0),
    ("- a\n- b\n  c", 0),
    ("- a\n   - b", 0),
    ("- a\n - b", 0),
    ("* a\n- b", 1),  # "* a" goes to mistune; "- b" is a list of its own
    ("2. a\n3. b", 0),
    ("para\n2. a", 0),
    ("- a\n\tb", 0),
    ("- \tb", 0),
    ("- [a]: /url", 0),
    ("- # h", 0),
    ("- <div>", 0),
    ("- > q", 0),
    ("- ```", 0),
    ("- ***", 0),
    ("- ===", 0),
    ("- a\n---", 0),
    ("-\n- b", 0),
    ("> - a\n> - b", 0),
    ("- 1\n  - 2\n    - 3\n      - 4\n        - 5\n          - 6\n            - 7", 0),
]


@pytest.mark.parametrize(("text", "fast_lists"), CASES)
def test_cases(text: str, fast_lists: int, built: list[int]) -> None:
    assert tokens(FAST, text) == tokens(PLAIN, text)
    assert len(built) == fast_lists


def _documents() -> list[Path]:
    found = sorted((ROOT / "tests" / "corpus").rglob("*.md"))
    found += sorted(ROOT.glob("*.md")) + sorted((ROOT / "docs").glob("*.md"))
    return found + (sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])


def test_real_documents(built: list[int]) -> None:
    documents = _documents()
    assert len(documents) > 30
    for path in documents:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert tokens(FAST, text) == tokens(PLAIN, text), path
    assert len(built) > 50  # most lists of real documents take the fast path (67 without seeds)


# Mostly the shapes the fast path builds, with every shape it must decline mixed in.
MARKERS = ["-", "-", "-", "1.", "1.", "2.", "*", "+", "1)", "10."]
TEXTS = ["a", "a", "**b**: c", "`c`", "# h", "> q", "```", "---", "***", "[a]: /u", "<div>", ""]
INDENTS = [0, 0, 0, 2, 2, 3, 4, 1, 5, 6, 8]
ITEM_LINE = st.builds(
    lambda indent, marker, text: " " * indent + marker + " " + text,
    st.sampled_from(INDENTS),
    st.sampled_from(MARKERS),
    st.sampled_from(TEXTS),
)
OTHER_LINE = st.sampled_from(["", "", "text", "  text", "    code", "## H", "```", "---", "\t- x"])
LINES = st.one_of(ITEM_LINE, ITEM_LINE, ITEM_LINE, OTHER_LINE)


@settings(max_examples=600, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=12))
def test_generated(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert tokens(FAST, text) == tokens(PLAIN, text)


def _nested(shape: list[tuple[int, str, str, bool]], after: str) -> str:
    """A list from (depth, marker, text, blank line before) entries, each item indented under its
    parent's text (depths above the parent's + 1 are clipped), then ``after``."""
    lines: list[str] = []
    columns = [0]  # content column of each open level
    for depth, marker, text, blank in shape:
        depth = min(depth, len(columns) - 1)
        del columns[depth + 1 :]
        if blank:
            lines.append("")
        lines.append(" " * columns[depth] + marker + " " + text)
        columns.append(columns[depth] + len(marker) + 1)
    return "\n".join([*lines, after])


NESTED = st.lists(
    st.tuples(
        st.integers(0, 7),
        st.sampled_from(["-", "-", "1.", "*", "2."]),
        st.sampled_from(["a", "**b**: c", "`c`", "[x] d", "a", "**b**: c", "`c`", "# h", ""]),
        st.sampled_from([False, False, False, True]),
    ),
    min_size=1,
    max_size=10,
)


@settings(max_examples=600, deadline=None)
@given(NESTED, st.sampled_from(["", "text", "  text", "- z", "## H", "\n\ntext", "\n\n  text"]))
def test_generated_nested(shape: list[tuple[int, str, str, bool]], after: str) -> None:
    text = _nested(shape, after)
    assert tokens(FAST, text) == tokens(PLAIN, text)


def test_generated_nested_takes_the_fast_path(built: list[int]) -> None:
    """The nested generator's plain shapes are built by the fast path (so the test above
    compares the fast path's tokens, not mistune's with themselves)."""
    shape = [(0, "-", "a", False), (1, "1.", "b", False), (2, "-", "c", False), (0, "-", "d", True)]
    text = _nested(shape, "")
    assert tokens(FAST, text) == tokens(PLAIN, text)
    assert len(built) == 1
