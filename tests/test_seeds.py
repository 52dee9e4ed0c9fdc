"""The four real handoff documents in ../shared/seeds: what a careful reader finds in each."""

from __future__ import annotations

from pathlib import Path

import pytest

from handoff_lint import claims
from handoff_lint.document import parse, source
from handoff_lint.model import Claim
from tests.conftest import Cli

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# (kind, text, line, action) as a careful reader lists them; plans, code and projections excluded.
EXPECTED: dict[str, set[tuple[str, str, int, str]]] = {
    "000": {
        ("date", "December 23, 2024", 1, ""),
        ("tests", "162/165", 5, ""),
        ("file", "tests/test_integration_api.py", 26, "changed"),
        ("file", "test_concurrent_operations.html", 27, "changed"),
        ("file", "test_concurrent_sessions.py", 28, "changed"),
        ("file", "tests/test_integration_api.py", 47, "changed"),
        ("file", "tests/test_integration_api.py", 68, "changed"),
        ("commit", "57a2032", 127, ""),
        ("commit", "e8f9ec8", 130, ""),
        # each commit's stat, claimed where it is written, the line after its id
        ("stats", "5 files changed, 1103 insertions(+)", 128, ""),
        ("stats", "3 files changed, 250 insertions(+)", 131, ""),
        # tests the session added, and a total of them (HL407: at most what the window added)
        ("test_total", "6", 18, ""),
        ("test_total", "5", 39, ""),
        ("test_total", "7", 59, ""),
        ("test_total", "18", 80, ""),
        ("stats", "1,350", 82, ""),  # lines the session added
    },
    "001": {
        ("date", "2025-11-13", 3, ""),
        ("lines", "~60", 180, ""),  # lines added to the file its heading names
        ("tests", "2/6", 5, ""),
        ("tests", "74/78", 149, ""),
        ("tests", "5/9", 151, ""),
        ("tests", "69/69", 162, ""),
        ("file", "backend/tests/conftest.py", 179, "modified"),
        ("file", "backend/app/services/telemetry_processor.py", 192, "modified"),
        ("file", "backend/tests/test_telemetry_ingestion.py", 209, "modified"),
        ("tests", "74/78", 266, ""),
        ("branch", "taskmaster-branch", 287, ""),
        ("file", "backend/tests/conftest.py", 289, "modified"),
        ("file", "backend/app/services/telemetry_processor.py", 290, "modified"),
        ("file", "backend/tests/test_telemetry_ingestion.py", 291, "modified"),
        ("file", "SESSION_9_PROGRESS.md", 404, "created"),
        ("file", "SESSION_9_HANDOFF.md", 405, "created"),
        ("file", "RESUME_SESSION_10.md", 406, "created"),
    },
    "002": {
        ("date", "2025-11-01", 3, ""),
        # "all 35 tests": at most what the repository defines (HL407)
        ("test_total", "35", 115, ""),
        ("test_total", "35", 332, ""),
        ("test_total", "35", 344, ""),
        ("test_total", "35", 381, ""),
        # a table of suites and their counts: each suite of two words or more is a test group
        ("test_group", "8", 48, ""),
        ("test_group", "6", 49, ""),
        ("test_group", "5", 51, ""),
        # any count of tests: at most what the repository defines (not the "Before" block's)
        ("test_total", "35 Test Methods", 6, ""),
        ("test_total", "0 test methods", 39, ""),
        ("test_total", "35 tests", 40, ""),
        ("test_total", "14 tests", 323, ""),
        ("test_total", "12 tests", 324, ""),
        ("test_total", "6 tests", 325, ""),
        ("test_total", "5 tests", 326, ""),
        # a named group's tests ("Edge Cases: 6 tests"); one word ("Security") names a scope
        ("test_group", "14 tests", 323, ""),
        ("test_group", "12 tests", 324, ""),
        ("test_group", "6 tests", 325, ""),
        ("stats", "400", 310, ""),  # lines the session added
        ("file", "backend/tests/test_pr_048_auto_trace.py", 107, "modified"),
        ("file", "PR-048-COMPREHENSIVE-COMPLETION-REPORT.md", 114, "created"),
        ("counts", "25", 52, ""),
        ("counts", "35", 115, ""),
        ("counts", "3400", 216, ""),
        ("counts", "37", 309, ""),
        ("counts", "35", 332, ""),
        ("counts", "35", 344, ""),
        ("counts", "35", 381, ""),
    },
    "003": {
        # a count over the list right under it holds in plans too (the document's own arithmetic)
        ("counts", "3", 171, ""),
        ("counts", "2", 176, ""),
        ("date", "2025-10-29", 3, ""),
        ("file", "models/error_event.py", 17, "created"),
        ("file", "core/error_repository.py", 18, "created"),
        ("file", "core/error_recovery.py", 56, "created"),
        ("symbol", "_perform_write", 76, ""),
        ("file", "storage/job_storage.py", 104, "exists"),  # a file of done work is there
        ("file", "fastapi_app/templates/base.html", 110, "modified"),
        ("tests", "36/41", 157, ""),
        ("tests", "5/5", 160, ""),
        ("tests", "5/5", 161, ""),
        ("tests", "5/5", 162, ""),
        ("tests", "5/5", 163, ""),
        ("tests", "2/5", 164, ""),
        ("tests", "5/5", 165, ""),
        ("tests", "3/5", 166, ""),
        ("tests", "6/6", 167, ""),
        ("file", "PHASE_7_AND_8_COMPLETION_SUMMARY.md", 232, "created"),
        ("file", "PHASE_6_COMPLETION_SUMMARY.md", 233, "created"),
        ("file", "CURRENT_SESSION_COMPLETION_SUMMARY.md", 234, "created"),
        ("tests", "36/41", 376, ""),
        ("test_total", "60+ test cases", 219, ""),
        ("test_total", "60+ test cases", 379, ""),
    },
}

# Subjects and stats the document gives its commits.
COMMIT_DETAILS = {
    "57a2032": ("Implement Tests #66 and #67", {"files": 5, "insertions": 1103}),
    "e8f9ec8": ("Implement Test #68", {"files": 3, "insertions": 250}),
}


def _seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return next(SEEDS.glob(prefix + "_*.txt"))


def _extract(path: Path) -> list[Claim]:
    doc = parse.parse(path.name, source.read(path))
    return [c for kind in claims.load().values() for c in kind.extract(doc)]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_claims_match_a_careful_reader(prefix: str) -> None:
    found = _extract(_seed(prefix))
    got = {(c.kind, c.text, c.line, str(c.value.get("action", ""))) for c in found}
    assert got == EXPECTED[prefix]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_claims_point_at_their_text(prefix: str) -> None:
    path = _seed(prefix)
    lines = source.read(path).lines
    for claim in _extract(path):
        assert lines[claim.line - 1][claim.column - 1 :].startswith(claim.text), claim


def test_seed_commit_subjects_and_stats() -> None:
    found = {c.text: c for c in _extract(_seed("000")) if c.kind == "commit"}
    for hash_, (subject, stats) in COMMIT_DETAILS.items():
        assert found[hash_].value["subject"] == subject
        assert {k: found[hash_].value["stats"][k] for k in stats} == stats


def test_seed_ratio_arithmetic_is_checked() -> None:
    from handoff_lint.claims.tests import percent_agrees

    ratios = [c for c in _extract(_seed("000")) if c.kind == "tests"]
    wanted = {"passed": 162, "total": 165, "percent": "98.2", "passing": True}
    assert {k: ratios[0].value[k] for k in wanted} == wanted
    assert percent_agrees(162, 165, "98.2")
    assert not percent_agrees(162, 165, "97.2")


def test_seed_table_totals_add_up(cli: Cli) -> None:
    path = _seed("002")
    run = cli("check", "--no-git", "--format", "json", str(path), cwd=path.parent)
    totals = [c for c in run.json()["documents"][0]["claims"] if c["kind"] == "counts"]
    assert [(c["line"], c["verdict"]) for c in totals] == [
        (52, "verified"),
        (115, "refuted"),
        (216, "verified"),
        (309, "refuted"),
        (332, "refuted"),
        (344, "refuted"),
        (381, "refuted"),
    ]  # 35 tests here, 37 there
    findings = [f for f in run.json()["documents"][0]["findings"] if f["rule"] == "HL402"]
    assert [f["line"] for f in findings] == [309, 381]  # one per distinct value
