"""The session window as a value: frozen, with an origin and the steps that fitted it; code
decides by those, and its wording is only how a finding explains it."""

from __future__ import annotations

import dataclasses

import pytest

from handoff_lint.model import Fit, Origin, Window
from handoff_lint.session import window


def test_a_window_is_frozen_and_moves_by_a_step() -> None:
    start = Window("a" * 40, "b" * 40, False, Origin.PREVIOUS_HANDOFF, "SESSION_1.md")
    with pytest.raises(dataclasses.FrozenInstanceError):
        start.base = None  # type: ignore[misc]
    fitted = start.moved(Fit.CITED, base="c" * 40)
    assert (fitted.base, fitted.head, start.base) == ("c" * 40, "b" * 40, "a" * 40)
    assert fitted.how == "since the previous handoff document; fitted to the oldest cited commit"
    assert start.exact and not fitted.exact  # a fitted start is no longer where it was found
    assert fitted.explain().startswith("since the previous handoff document SESSION_1.md")


@pytest.mark.parametrize(
    ("origin", "explicit", "exact"),
    [
        (Origin.SINCE, True, True),
        (Origin.FRONT_MATTER, True, True),
        (Origin.PREVIOUS_HANDOFF, False, True),
        (Origin.AGENT_PLAN, False, True),
        (Origin.FIRST_HANDOFF, False, False),
        (Origin.FOLDER, False, False),
        (Origin.PREVIOUS_VERSION, False, False),
    ],
)
def test_what_an_origin_says_of_the_window(origin: Origin, explicit: bool, exact: bool) -> None:
    found = Window(None, "b" * 40, False, origin)
    assert (found.explicit, found.exact) == (explicit, exact)
    assert found.how == origin.value


def test_a_search_cut_short_says_how_far_it_read() -> None:
    cut = Window(None, "b" * 40, False, Origin.SEARCH_LIMIT, searched=window.WINDOW_SEARCH)
    assert (
        cut.how
        == f"the last {window.WINDOW_SEARCH} first-parent commits (no earlier handoff within them)"
    )
