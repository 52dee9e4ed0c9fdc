"""The document model and its source map: every block and claim at its real line and column."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pytest import MonkeyPatch

from handoff_lint import claims
from handoff_lint.document import parse
from handoff_lint.document.source import NotText, SourceText, decode
from handoff_lint.model import Document, HeadingWords

DOC = """---
title: From front matter
branch: main
---
# Ignored Title

**Date:** 2025-11-13
- **Status:** done

## Summary

Text with `code` and **bold**.

### Files Created
> - `quoted/a.py` - in a quote

| File | Lines |
|------|-------|
| `t.py` | 3 |

```python
x = "57a2032"
```
<!-- handoff-lint-disable HL201 -->
Setext Heading
--------------
"""


def test_model_parts_keep_their_lines() -> None:
    doc = parse.parse("d.md", decode(DOC.encode()))
    assert doc.front_matter == {"title": "From front matter", "branch": "main"}
    assert doc.title == "From front matter" and doc.title_position is not None
    assert doc.title_position.line == 2
    assert [(s.title, s.level, s.line, s.role) for s in doc.sections] == [
        ("Ignored Title", 1, 5, ""),
        ("Summary", 2, 10, "summary"),
        ("Files Created", 3, 14, "files_created"),
        ("Setext Heading", 2, 25, ""),
    ]
    assert [(m.key, m.value, m.line, m.column) for m in doc.metadata] == [
        ("Date", "2025-11-13", 7, 11),
        ("Status", "done", 8, 15),
    ]
    kinds = [(b.kind, b.line) for b in doc.blocks]
    assert ("code", 21) in kinds and ("html", 24) in kinds and ("table_row", 17) in kinds
    assert ("table_row", 19) in kinds and ("paragraph", 15) in kinds


def test_blocks_start_where_their_text_is() -> None:
    doc = parse.parse("d.md", decode(DOC.encode()))
    for block in doc.blocks:
        assert block.lines[0] == doc.lines[block.line - 1]
        assert block.lines[0].strip(), block


def test_code_block_content_is_no_claim() -> None:
    doc = parse.parse("d.md", decode(DOC.encode()))
    found = [c for kind in claims.load().values() for c in kind.extract(doc)]
    assert ("file", "quoted/a.py", 15, 6) in [(c.kind, c.text, c.line, c.column) for c in found]
    assert all(c.kind != "commit" for c in found)


PIECES = st.sampled_from(
    [
        "# Title {n}",
        "## Files Created",
        "## Next Steps",
        "## Commits",
        "- `src/m{n}.py` - x",
        "  - nested `lib/n{n}.ts`",
        "- abc{n}def0 Subject {n}",
        '1. **Commit 57a20{n}2**: "S"',
        "**Date:** 2025-11-1{n}",
        "**Branch:** `b{n}`",
        "| File | Action |",
        "|---|---|",
        "| `t{n}.py` | Created |",
        "```",
        "~~~",
        "> quote `q{n}.py`",
        "",
        "",
        "text 1{n}/2{n} tests passing (50%)",
        "Setext",
        "---",
        "<!-- c -->",
        "    indented `i{n}.py`",
        "* * *",
        "- [x] `done{n}.md` created",
        "Deleted `gone{n}.py`",
        "   ",
        "\t- tab `t{n}.go`",
        "**Files:**",
        "- `é{n}/ü.py` ✅",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(PIECES, st.integers(0, 9)), max_size=40))
def test_random_markdown_claims_point_at_their_text(parts: list[tuple[str, int]]) -> None:
    text = "\n".join(piece.format(n=n) for piece, n in parts)
    doc = parse.parse("r.md", decode(text.encode()))
    for block in doc.blocks:
        assert 1 <= block.line <= max(len(doc.lines), 1)
    for kind in claims.load().values():
        for claim in kind.extract(doc):
            assert doc.lines[claim.line - 1][claim.column - 1 :].startswith(claim.text), claim


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise_anything_but_not_text(data: bytes) -> None:
    try:
        text = decode(data)
    except NotText:
        return
    doc = parse.parse("b.md", text)
    for kind in claims.load().values():
        kind.extract(doc)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_plain_heading_text_skips_the_inline_parser_with_the_same_result(text: str) -> None:
    """A heading without markup characters is taken as it is; mistune's inline parser, asked
    anyway, gives the same text."""
    if parse.PLAIN.fullmatch(text) and "\n" not in text:
        fast = parse.inline_text(parse._inline({"type": "heading", "text": text}, None))
        slow = parse.inline_text(parse._parser().inline(text.strip(" \r\n\t\f"), {}))
        assert "".join(fast) == "".join(slow)


def test_read_claims_pauses_the_collector_and_restores_it(monkeypatch: MonkeyPatch) -> None:
    import gc

    from handoff_lint import pipeline

    text = decode(b"# H\n\n- Commit abc1234 added `a.py` (3 lines)\n")
    seen: list[bool] = []
    real = parse.parse  # the function pipeline imported

    def spying(path: str, source: SourceText, words: HeadingWords | None = None) -> Document:
        seen.append(gc.isenabled())
        return real(path, source, words)

    monkeypatch.setattr(pipeline, "parse", spying)
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            doc, found = pipeline.read_claims("doc.md", text)
            assert gc.isenabled() is enabled  # left as it was
            assert [c.kind for c in found] == ["commit", "lines"]
            assert doc.lines[2].startswith("- Commit")
    finally:
        gc.enable()
    assert seen == [False, False]  # paused while parsing
