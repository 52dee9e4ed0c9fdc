"""The quantity parser: a count with its unit, next to the subject it counts."""

from __future__ import annotations

import pytest

from handoff_lint.document import counted_paths, quantity


def _after(text: str, subject: str) -> list[tuple[int, str, bool, bool, bool, int | None]]:
    end = text.index(subject) + len(subject)
    return [
        (q.count, q.unit, q.approx, q.at_least, q.plus, q.minus) for q in quantity.after(text, end)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("`a.py` (74 lines)", [(74, "lines", False, False, False, None)]),
        ("`a.py`（94行）", [(94, "lines", False, False, False, None)]),
        ("`a.py` (NEW - 2,469 lines)", [(2469, "lines", False, False, False, None)]),
        ("`a.py` (~450 lines)", [(450, "lines", True, False, False, None)]),
        ("`a.py` (800+ lines)", [(800, "lines", False, True, False, None)]),
        ("`a.py` (+10/-4 lines)", [(10, "lines", False, False, True, 4)]),
        ("`a.py` (+81, -36)", [(81, "lines", False, False, True, 36)]),  # a comma between
        ("`a.py` (修改 ~80 行)", [(80, "lines", True, False, False, None)]),
        (
            "`a_test.go` (302 lines, 9 tests)",
            [(302, "lines", False, False, False, None), (9, "tests", False, False, False, None)],
        ),
        ("`FooTests.cs` (24个)", [(24, "count", False, False, False, None)]),
        ("`a.sh` - 545 lines", [(545, "lines", False, False, False, None)]),
        (
            "`a.swift` - 26 tests, 344 lines",
            [(26, "tests", False, False, False, None), (344, "lines", False, False, False, None)],
        ),
        ("`a.py` with 6 test cases", [(6, "tests", False, False, False, None)]),
        ("`a.py` (was 120 lines, now 80 lines)", [(80, "lines", False, False, False, None)]),
        ("`a.py` (120 lines, 80 lines)", []),  # which one? neither
        ("`a.py` (see line 42)", []),
        ("`a.py` - the parser, 300 lines", []),  # not right after the subject
    ],
)
def test_quantities_after_a_subject(text: str, expected: list[tuple[object, ...]]) -> None:
    subject = "`" + text.split("`")[1] + "`"  # each text starts with its subject in backticks
    assert _after(text, subject) == expected


def test_a_count_before_a_subject_alone_in_its_brackets() -> None:
    text = "**Errors**: 215 行 (errors.py)"
    start = text.index("errors.py")
    found = quantity.before(text, start, start + len("errors.py"))
    assert found is not None and (found.count, found.unit) == (215, "lines")
    text = "**Config**: 57 行 (config.py + toml)"
    start = text.index("config.py")
    assert quantity.before(text, start, start + len("config.py")) is None


def test_a_bracketed_count_at_the_end_of_the_line() -> None:
    text = "README.md: added usage examples (+105行)"
    assert [(q.count, q.plus) for q in quantity.trailing(text, len("README.md"))] == [(105, True)]


def test_a_count_before_its_subject_is_looked_for_near_it_only() -> None:
    """The look-back is bounded (a line can hold thousands of subjects: linear, not quadratic)."""
    near = "415 lines in `x.py`"
    far = "415 lines" + " " * (quantity.NEAR + 10) + "in `x.py`"
    found = quantity.before_in(near, near.index("x.py"))
    assert found is not None and found.count == 415
    assert quantity.before_in(far, far.index("x.py")) is None


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Six new init/1 test cases", []),  # a function's arity, not a count
        ("handle_call/3 tests pass", []),
        ("33/40 tests", [40]),  # a ratio's part is still a number (its kinds decide)
        ("12 tests", [12]),
    ],
)
def test_a_number_after_a_name_and_a_slash_is_not_a_count(text: str, counts: list[int]) -> None:
    assert [q.count for q in quantity.every(text)] == counts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject alone in brackets, or a link's target, then its count
        ("- ✅ [web/switcher.tsx](web/switcher.tsx) — 70 lines", [("web/switcher.tsx", 70)]),
        ("### 1. Orchestrator Core (`orchestrator.py`) - 352 lines", [("orchestrator.py", 352)]),
        # a path after an item's short label, its size in brackets at the end of the line
        ("- Created: `REVIEW.md` - a seven-phase analysis (275 lines)", [("REVIEW.md", 275)]),
        ("1. ✅ **Docs:** `guide.md` — setup and usage (~120 lines)", [("guide.md", 120)]),
        # prose before the path, or two paths: the count at the end is of neither
        ("- Here is what we changed in `a.py` today and why (40 lines)", []),
        ("- See also: `a.py` and `b.py`, both short (40 lines)", []),
        ("- Core (`a.py`, see `b.py`) - 352 lines", []),
    ],
)
def test_a_count_beyond_the_brackets_or_the_label_of_its_subject(
    text: str, expected: list[tuple[str, int]]
) -> None:
    found = counted_paths.annotated(text, True, ("lines",))
    assert [(path, q.count) for _, path, q in found] == expected
