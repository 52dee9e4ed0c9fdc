"""The corpus scorer (benchmarks/score_corpus.py): which label a finding counts for."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCORER = Path(__file__).resolve().parent.parent / "benchmarks" / "score_corpus.py"


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_corpus", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_corpus"] = module
    spec.loader.exec_module(module)
    return module


def label(kind: str, text: str, line: int, verdict: str) -> dict[str, Any]:
    return {"kind": kind, "text": text, "line": line, "value": {}, "verdict": verdict}


def outcomes(scorer: ModuleType, claims: list[dict[str, Any]], out: dict[str, Any]) -> list[str]:
    tally = scorer.Tally()
    repo = {"repo": "o/r", "set": "s"}
    scorer.score_doc(
        tally, repo, {"path": "H.md", "added_in_commit": "a" * 40, "claims": claims}, out
    )
    return sorted(
        f"{k[2]}:{o}" for k, c in tally.counts.items() for o, n in c.items() for _ in range(n)
    )


def test_a_finding_counts_for_the_label_whose_token_it_names(scorer: ModuleType) -> None:
    """ "8 commits, 9 tasks:": a finding on the 9 does not flag the true 8 beside it."""
    claims = [label("stat", "8 commits", 10, "TRUE"), label("stat", "9 tasks", 10, "FALSE")]
    refuted = {"kind": "counts", "text": "9", "line": 10, "verdict": "refuted"}
    finding = {"line": 10, "rule": "HL402", "severity": "error", "message": "counts claim '9'"}
    out = {"claims": [refuted], "findings": [finding]}
    assert outcomes(scorer, claims, out) == ["stat:FALSE/caught", "stat:TRUE/not-verified"]


def test_a_finding_on_a_line_with_one_label_counts_for_it(scorer: ModuleType) -> None:
    claims = [label("stat", "Commits (6)", 23, "TRUE")]
    finding = {"line": 23, "rule": "HL402", "severity": "error", "message": "counts claim '6'"}
    out = {"claims": [], "findings": [finding]}
    assert outcomes(scorer, claims, out) == ["stat:TRUE/false-positive"]


def test_a_finding_names_the_label_its_quoted_claim_is(scorer: ModuleType) -> None:
    """ "from 448 lines to 34 lines": the finding on '34 lines' whose evidence mentions "448
    lines" (git's size before) does not flag the true size before."""
    claims = [label("stat", "448 lines", 60, "TRUE"), label("stat", "34 lines", 60, "FALSE")]
    said = "lines claim '34 lines': the file has 0, 37, 411, 448 lines or insertions in git"
    finding = {"line": 60, "rule": "HL305", "severity": "error", "message": said}
    out = {"claims": [], "findings": [finding]}
    assert outcomes(scorer, claims, out) == ["stat:FALSE/caught", "stat:TRUE/not-verified"]


def test_a_finding_that_names_a_labelled_file_counts_for_it(scorer: ModuleType) -> None:
    """A finding on a file's size that says the file is nowhere catches the false file label
    of the same line too: it names the file."""
    claims = [
        {**label("file", "cpi/disks_test.go", 46, "FALSE"), "value": {"path": "cpi/disks_test.go"}},
        label("stat", "500 lines", 46, "FALSE"),
    ]
    said = "lines claim '500 lines': there is no cpi/disks_test.go in the repository"
    finding = {"line": 46, "rule": "HL305", "severity": "error", "message": said}
    out = {"claims": [], "findings": [finding]}
    assert outcomes(scorer, claims, out) == ["file:FALSE/caught", "stat:FALSE/caught"]


def test_a_fix_counts_for_the_label_of_the_token_it_rewrites(scorer: ModuleType) -> None:
    """benchmarks/fix_rate.py: a fix on a line with a TRUE and a FALSE label is the label's
    whose text is the rewritten token; with neither named, it cannot be told."""
    from handoff_lint.model import Claim

    path = SCORER.parent / "fix_rate.py"
    spec = importlib.util.spec_from_file_location("fix_rate", path)
    assert spec is not None and spec.loader is not None
    fix_rate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fix_rate)
    true = {"kind": "tests", "text": "20 tests", "line": 7, "verdict": "TRUE"}
    false = {"kind": "stat", "text": "410 lines", "line": 7, "verdict": "FALSE"}
    lines = Claim("lines", "410 lines", 7, 20)
    assert fix_rate.attribute(lines, [true, false]) == [false]
    assert fix_rate.attribute(Claim("tests", "9 tests", 7, 3), [true, false]) is None
    assert fix_rate.attribute(lines, [true]) == [true]  # one verdict on the line
    assert fix_rate.attribute(lines, []) == []


def test_a_finding_about_a_date_in_a_branch_name_is_not_the_branchs(scorer: ModuleType) -> None:
    """ "**Merged:** 2026-07-08 · **branch:** `feat-2026-07-08`": the date's finding names a
    token inside the branch's; it counts for the date alone."""
    claims = [
        label("date", "2026-07-08", 3, "FALSE"),
        label("branch", "feat-2026-07-08", 3, "TRUE"),
    ]
    refuted = {"kind": "date", "text": "2026-07-08", "line": 3, "verdict": "refuted"}
    said = "date claim '2026-07-08': the session's commits are dated 2026-07-05"
    finding = {"line": 3, "rule": "HL501", "severity": "error", "message": said}
    out = {"claims": [refuted], "findings": [finding]}
    assert outcomes(scorer, claims, out) == ["branch:TRUE/not-verified", "date:FALSE/caught"]
