"""Mojibake, secrets, default credentials and home paths: found, redacted everywhere, repaired."""

from __future__ import annotations

import os
import stat

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli

TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
DOC = f"""# Handoff

**Date:** 2025-11-13

## Summary

- âœ… Done and ‚úÖ PASSING
- Deployed with {TOKEN}
- DATABASE_URL=postgresql://app:s3cretpw@db:5432/app
- Default password is `password123`
- Run it from /Users/reena/work/app
- Placeholder `export OPENAI_API_KEY="sk-..."` is fine

## Files Created

- `a.py`
"""


@pytest.fixture
def dirty(repo: ScratchRepo) -> ScratchRepo:
    repo.commit("work", {"a.py": "1\n"})
    repo.commit("handoff", {"HANDOFF.md": DOC})
    return repo


def test_findings(dirty: ScratchRepo, cli: Cli) -> None:
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=dirty.path)
    found = {(f["rule"], f["line"]) for f in run.json()["documents"][0]["findings"]}
    assert found == {("HL104", 7), ("HL105", 8), ("HL105", 9), ("HL106", 10), ("HL107", 11)}
    assert run.code == 1


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_secrets_are_redacted_in_every_format(dirty: ScratchRepo, cli: Cli, fmt: str) -> None:
    out = cli("check", "--format", fmt, "-v", "HANDOFF.md", cwd=dirty.path).out
    assert TOKEN not in out and "s3cretpw" not in out and "password123" not in out
    assert "ghp_****" in out


def test_fix_repairs_atomically_keeping_mode_and_line_endings(dirty: ScratchRepo, cli: Cli) -> None:
    path = dirty.path / "HANDOFF.md"
    path.write_bytes(DOC.replace("\n", "\r\n").encode())
    os.chmod(path, 0o640)
    preview = cli("check", "--show-fixes", "HANDOFF.md", cwd=dirty.path)
    assert (
        "-- âœ… Done and ‚úÖ PASSING" in preview.out.replace("\r", "")
        or "+- ✅ Done and ✅ PASSING" in preview.out
    )
    assert "--- a/HANDOFF.md\n+++ b/HANDOFF.md\n" in preview.out  # as git diff names it
    assert "âœ…" in path.read_text(encoding="utf-8")  # the preview wrote nothing
    run = cli("check", "--fix", "--format", "json", "HANDOFF.md", cwd=dirty.path)
    assert "fixed 1 line(s) of HANDOFF.md" in run.err
    assert not any(f["rule"] == "HL104" for f in run.json()["documents"][0]["findings"])
    data = path.read_bytes()
    assert "- ✅ Done and ✅ PASSING\r\n".encode() in data and data.count(b"\r\n") == DOC.count(
        "\n"
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert not [p for p in dirty.path.iterdir() if p.name.startswith(".HANDOFF.md.")]


def test_clean_text_is_left_alone(repo: ScratchRepo, cli: Cli) -> None:
    text = (
        "# Résumé ✅ — café, naïve, Ça va, 日期, Straße, ≥90%, → arrows\n\n**Date:** 2025-11-13\n"
    )
    repo.commit("doc", {"HANDOFF.md": text})
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    assert not [
        f
        for f in run.json()["documents"][0]["findings"]
        if f["rule"] in ("HL104", "HL105", "HL106", "HL107")
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ğŸš€ Launch", "🚀 Launch"),  # UTF-8 read as cp1254 (Turkish)
        ("đźš€ start", "🚀 start"),  # cp1250 (Central European)
        ("cafĂ©", "café"),
        ("ğŸŽ¯ Goal", "🎯 Goal"),  # read partly as cp1254, partly as cp1252
        ("naïve café", "naïve café"),  # real text stays
        ("Größe", "Größe"),
        ("İstanbul ğüşıöç", "İstanbul ğüşıöç"),
        ("Łódź żółć", "Łódź żółć"),
    ],
)
def test_mojibake_of_every_western_code_page(line: str, expected: str) -> None:
    from handoff_lint.checks.hygiene import repaired

    assert repaired(line) == expected


def test_fix_rewrites_the_numbers_git_settles(repo: ScratchRepo, cli: Cli) -> None:
    """A file's line count, a file's test count and the percentage after a ratio are rewritten
    to git's number (nothing else on the line); an unknown commit is left for a person. After
    --fix a re-run finds none of the fixed findings, and the fixed ones say so."""
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("h1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    tests = "".join(f"def test_{n}():\n    pass\n\n" for n in range(3))
    work = repo.commit(
        "Add the app and its tests",
        {"app.py": "a\n" * 12, "tests/test_app.py": tests},
        when="2025-11-13T09:00:00+00:00",
    )
    noted = repo.commit("Add notes", {"NOTES.md": "n\n"}, when="2025-11-13T09:10:00+00:00")
    doc = (
        "# Two\n\n**Date:** Nov 13, 2024\n\n## Summary\n\n- Suite: 162/165 passing (97.2%)\n"
        "- Commit 9f3e1a7: the fix\n\n## Files Created\n\n- `app.py` (75 lines)\n"
        "- `tests/test_app.py` (5 tests)\n\n## Commits\n\n"
        f"- {work[:7]} - Remove the database layer\n"
        f"- {noted[:7]} Add notes\n  - 3 files changed, 9 insertions(+), 2 deletions(-)\n"
    )
    repo.commit("h2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    path = repo.path / "SESSION_2_HANDOFF.md"
    run = cli("check", "--fix", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    text = path.read_text(encoding="utf-8")
    assert "(98.2%)" in text and "`app.py` (12 lines)" in text and "(3 tests)" in text
    assert "**Date:** Nov 13, 2025" in text  # a year off, the session all on one day
    assert "9f3e1a7" in text  # no safe fix: a person decides
    assert f"- {work[:7]} - Add the app and its tests\n" in text  # git's subject
    assert "  - 1 file changed, 1 insertion(+)\n" in text  # git's stat of the named commit
    notes = [
        f["message"] for f in run.json()["documents"][0]["findings"] if f["severity"] == "info"
    ]
    assert sum(m.startswith("fixed: ") for m in notes) == 6
    again = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    rules = [
        f["rule"] for f in again.json()["documents"][0]["findings"] if f["severity"] == "error"
    ]
    assert rules == ["HL201"]


def test_a_subject_fix_never_breaks_the_lines_markdown() -> None:
    """The subject after a real id becomes git's only where it is written once after the id,
    and not where git's subject would break a table row or a code span."""
    from handoff_lint.model import Claim
    from handoff_lint.report.fixer import claim_edits

    def fixed(line: str, real: str) -> str:
        claim = Claim("commit", "abc1234", 1, line.index("abc1234") + 1, {"subject": "Add x"})
        claim.settle("refuted", "wrong subject", "HL205", f"write '{real}'")
        return claim_edits([line], [claim])[0][0]

    assert fixed("- abc1234 - Add x", "Fix y") == "- abc1234 - Fix y"
    assert fixed("| abc1234 | Add x |", "Fix y") == "| abc1234 | Fix y |"
    assert fixed("| abc1234 | Add x |", "a | b") == "| abc1234 | Add x |"  # would split the row
    assert fixed("- `abc1234 Add x`", "Use `z`") == "- `abc1234 Add x`"  # would end the span
    assert fixed("- abc1234 - Add x (Add x)", "Fix y") == "- abc1234 - Add x (Add x)"  # twice
