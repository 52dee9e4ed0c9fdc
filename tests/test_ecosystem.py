"""Configuration, rule selection, suppressions, baselines and CI gates, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, Run

DOC = """# Session 2 Handoff

**Date:** 2025-11-13

## Summary

Tests: 10/12 passing (85%).

## Files Created

- `a.py`
- `missing.py`
"""


@pytest.fixture
def lied(repo: ScratchRepo) -> ScratchRepo:
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# S1\n"})
    repo.commit("work", {"a.py": "1\n"})
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": DOC})
    return repo


def rules_of(run: Run) -> list[str]:
    return [f["rule"] for d in run.json()["documents"] for f in d["findings"]]


def test_config_in_pyproject_selects_ignores_and_sets_severity(lied: ScratchRepo, cli: Cli) -> None:
    lied.write(
        "pyproject.toml",
        '[tool.handoff-lint]\nignore = ["HL401"]\nseverity = {HL301 = "warning"}\n'
        'exclude = ["SESSION_1_*"]\n',
    )
    run = cli("check", "--format", "json", cwd=lied.path)
    assert [d["path"] for d in run.json()["documents"]] == ["SESSION_2_HANDOFF.md"]
    findings = run.json()["documents"][0]["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("HL301", "warning")]
    assert run.code == 0


def test_own_file_wins_over_pyproject_and_cli_overrides(lied: ScratchRepo, cli: Cli) -> None:
    lied.write("pyproject.toml", '[tool.handoff-lint]\nignore = ["HL3"]\n')
    sub = lied.path / "docs"
    sub.mkdir()
    (sub / ".handoff-lint.toml").write_text('select = ["HL3xx"]\n', encoding="utf-8")
    run = cli("check", "--format", "json", "../SESSION_2_HANDOFF.md", cwd=sub)
    assert rules_of(run) == ["HL301"]
    run = cli(
        "check",
        "--format",
        "json",
        "--select",
        "HL401,ratio-arithmetic",
        "../SESSION_2_HANDOFF.md",
        cwd=sub,
    )
    assert rules_of(run) == ["HL401"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '[tool.handoff-lint]\nselct = ["HL2"]\n',
            "Additional properties are not allowed ('selct' was unexpected) (did you mean "
            "'select'?)",
        ),
        (  # ruff's spelling of the key
            '[tool.handoff-lint]\nextend-exclude = ["a/**"]\n',
            "('extend-exclude' was unexpected) (did you mean 'extend_exclude'?)",
        ),
        (
            "[tool.handoff-lint.tolerances]\ndate-days = 2\n",
            "tolerances: Additional properties are not allowed ('date-days' was unexpected) "
            "(did you mean 'date_days'?)",
        ),
        ('[tool.handoff-lint]\nseverity = {HL201 = "fatal"}\n', "severity.HL201"),
        ("[tool.handoff-lint\n", "not valid TOML"),
    ],
)
def test_bad_configuration_exits_2(lied: ScratchRepo, cli: Cli, content: str, message: str) -> None:
    lied.write("pyproject.toml", content)
    run = cli("check", "SESSION_2_HANDOFF.md", cwd=lied.path)
    assert run.code == 2 and message in run.err


def test_suppressions(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("work", {"a.py": "1\n"})
    doc = DOC.replace(
        "- `missing.py`",
        "<!-- handoff-lint-disable-next-line HL301 -->\n- `missing.py`\n- `gone.py`",
    )
    doc = doc.replace("Tests:", "<!-- handoff-lint-disable HL4xx -->\nTests:") + (
        "<!-- handoff-lint-enable -->\n<!-- handoff-lint-disable-file HL205 -->\n<!-- handoff-lint-disable -->\n"
    )
    repo.commit("handoff", {"HANDOFF.md": doc})
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    findings = [(f["rule"], f["line"]) for f in run.json()["documents"][0]["findings"]]
    assert ("HL301", 15) in findings and (
        "HL301",
        14,
    ) not in findings  # gone.py kept, missing.py suppressed
    assert not any(rule == "HL401" for rule, _ in findings)
    assert ("HL903", 17) in findings and ("HL904", 18) in findings


def _findings(run: Run) -> list[tuple[str, int, str]]:
    return [(f["rule"], f["line"], f["message"]) for f in run.json()["documents"][0]["findings"]]


def test_an_unused_id_of_a_suppression_is_reported_on_its_own(repo: ScratchRepo, cli: Cli) -> None:
    """`disable-next-line HL301, HL201` over a line with only an HL301 finding: HL201
    suppresses nothing, and is reported (per id, not per comment)."""
    repo.commit("work", {"a.py": "1\n"})
    doc = DOC.replace(
        "- `missing.py`", "<!-- handoff-lint-disable-next-line HL301, HL201 -->\n- `missing.py`"
    )
    repo.commit("handoff", {"HANDOFF.md": doc})
    found = _findings(cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path))
    assert not any(rule == "HL301" for rule, _, _ in found)
    unused = [(line, message) for rule, line, message in found if rule == "HL903"]
    assert len(unused) == 1 and unused[0][0] == doc.splitlines().index("- `missing.py`")
    assert "HL201 suppresses nothing" in unused[0][1] and "HL301" not in unused[0][1]


def test_a_repeated_finding_suppressed_where_it_is_reported_is_gone(
    repo: ScratchRepo, cli: Cli
) -> None:
    """A refuted statement made twice is one finding at its last statement; suppressing that
    line removes it (it does not reappear at the first statement). Suppressing only the first
    statement suppresses nothing: the finding stays where it is reported."""
    repo.commit("work", {"a.py": "1\n"})
    doc = DOC.replace("Tests:", "Commit 1234abc: added a.py.\n\nTests:") + (
        "\n## Notes\n\nCommit 1234abc: the same work.\n"
    )
    lines = doc.splitlines()
    first = next(n for n, t in enumerate(lines, 1) if "1234abc" in t)
    last = max(n for n, t in enumerate(lines, 1) if "1234abc" in t)
    repo.commit("handoff", {"HANDOFF.md": doc})
    plain = _findings(cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path))
    assert [(rule, line) for rule, line, _ in plain if rule == "HL201"] == [("HL201", last)]
    where = doc.replace("the same work.", "the same work. <!-- handoff-lint-disable-line HL201 -->")
    repo.write("HANDOFF.md", where)
    found = _findings(cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path))
    assert not any(rule in ("HL201", "HL903") for rule, _, _ in found)
    early = doc.replace("added a.py.", "added a.py. <!-- handoff-lint-disable-line HL201 -->")
    repo.write("HANDOFF.md", early)
    found = _findings(cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path))
    assert [(rule, line) for rule, line, _ in found if rule in ("HL201", "HL903")] == [
        ("HL903", first),
        ("HL201", last),
    ]


def test_baseline_reports_only_new_findings(lied: ScratchRepo, cli: Cli, tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    assert cli("check", "--write-baseline", str(base), cwd=lied.path).code == 0
    assert len(json.loads(base.read_text())["findings"]) == 3  # SESSION_1 makes no claim
    assert cli("check", "--baseline", str(base), cwd=lied.path).code == 0
    (lied.path / "SESSION_2_HANDOFF.md").write_text(
        DOC.replace("## Summary", "## Summary\n\n- `b.py` (new)")
    )
    run = cli("check", "--format", "json", "--baseline", str(base), cwd=lied.path)
    assert run.code == 1 and rules_of(run) == ["HL301"]


def test_min_accuracy_exit_zero_statistics_quiet_output_file(
    lied: ScratchRepo, cli: Cli, tmp_path: Path
) -> None:
    run = cli(
        "check",
        "--ignore",
        "HL3,HL4",
        "--min-accuracy",
        "0.9",
        "SESSION_2_HANDOFF.md",
        cwd=lied.path,
    )
    assert run.code == 1 and "accuracy 50% is below the minimum 90%" in run.err
    assert cli("check", "--exit-zero", "SESSION_2_HANDOFF.md", cwd=lied.path).code == 0
    stats = cli("check", "--statistics", "SESSION_2_HANDOFF.md", cwd=lied.path).out
    assert "    1  HL301 file-not-changed" in stats and "    1  HL401 ratio-arithmetic" in stats
    quiet = cli("check", "-q", "SESSION_2_HANDOFF.md", cwd=lied.path).out
    assert quiet.count("\n") == 2 and "document(s)" not in quiet
    target = tmp_path / "report.json"
    assert (
        cli(
            "check", "--format", "json", "-o", str(target), "SESSION_2_HANDOFF.md", cwd=lied.path
        ).out
        == ""
    )
    assert json.loads(target.read_text())["version"] == 1


def test_color(lied: ScratchRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    assert (
        "\x1b[31m" in cli("check", "--color", "always", "SESSION_2_HANDOFF.md", cwd=lied.path).out
    )
    assert "\x1b[" not in cli("check", "SESSION_2_HANDOFF.md", cwd=lied.path).out
    monkeypatch.setenv("HANDOFF_LINT_COLOR", "always")
    assert "\x1b[31m" in cli("check", "SESSION_2_HANDOFF.md", cwd=lied.path).out


def test_diff_lints_only_the_pull_requests_documents(
    lied: ScratchRepo, cli: Cli, tmp_path: Path
) -> None:
    lied.git("checkout", "-q", "-b", "pr")
    lied.commit("handoff 3", {"SESSION_3_HANDOFF.md": DOC})
    run = cli("check", "--format", "json", "--diff", "main...HEAD", cwd=lied.path)
    assert [d["path"] for d in run.json()["documents"]] == ["SESSION_3_HANDOFF.md"]
    shallow = tmp_path / "shallow"
    lied.git("clone", "-q", "--depth", "1", "--branch", "pr", f"file://{lied.path}", str(shallow))
    run = cli("check", "--diff", "origin/main...HEAD", cwd=shallow)
    assert run.code == 2 and "fetch-depth: 0" in run.err


def test_install_hook(repo: ScratchRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    run = cli("install-hook", cwd=repo.path)
    hook = repo.path / ".git" / "hooks" / "pre-commit"
    assert (
        run.code == 0
        and "handoff-lint check --staged" in hook.read_text()
        and hook.stat().st_mode & 0o111
    )
    assert "already" in cli("install-hook", cwd=repo.path).out
    hook.write_text("#!/bin/sh\necho mine\n")
    refused = cli("install-hook", cwd=repo.path)
    assert refused.code == 2 and "--force" in refused.err and hook.read_text().endswith("mine\n")
    assert cli("install-hook", "--force", cwd=repo.path).code == 0
    hook.write_text("#!/bin/sh\necho mine\n")
    monkeypatch.setenv("HANDOFF_LINT_INSTALL_HOOK_FORCE", "1")
    assert cli("install-hook", cwd=repo.path).code == 0 and "handoff-lint" in hook.read_text()
    monkeypatch.delenv("HANDOFF_LINT_INSTALL_HOOK_FORCE")
    repo.git("config", "core.hooksPath", ".githooks")
    assert cli("install-hook", cwd=repo.path).code == 0
    assert "handoff-lint" in (repo.path / ".githooks" / "pre-commit").read_text()


def test_manual_hook_for_every_document() -> None:
    import yaml

    hooks = yaml.safe_load(
        (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text()
    )
    every = next(h for h in hooks if h["id"] == "handoff-lint-all")
    assert (
        every["pass_filenames"] is False
        and every["always_run"] is True
        and every["stages"] == ["manual"]
    )


def test_junit_xml_checks_pass_counts(repo: ScratchRepo, cli: Cli, tmp_path: Path) -> None:
    repo.commit("work", {"a.py": "1\n"})
    doc = DOC.replace(
        "Tests: 10/12 passing (85%).", "Tests: 3/4 passing (75%); earlier 4/4 tests passing."
    )
    repo.commit("handoff", {"HANDOFF.md": doc.replace("- `missing.py`\n", "")})
    report = tmp_path / "report.xml"
    report.write_text(
        '<testsuites><testsuite name="s">'
        '<testcase name="a"/><testcase name="b"/><testcase name="c"><failure message="x"/></testcase>'
        '<testcase name="d"><skipped/></testcase></testsuite></testsuites>',
        encoding="utf-8",
    )
    run = cli("check", "--format", "json", "--junit-xml", str(report), "HANDOFF.md", cwd=repo.path)
    tests = {
        c["text"]: (c["verdict"], c["rule"])
        for c in run.json()["documents"][0]["claims"]
        if c["kind"] == "tests"
    }
    assert tests == {"3/4": ("refuted", "HL405"), "4/4": ("refuted", "HL405")}
    report.write_text(
        '<testsuite><testcase name="a"/><testcase name="b"/><testcase name="c"/>'
        '<testcase name="d"><skipped/></testcase></testsuite>',
        encoding="utf-8",
    )
    run = cli("check", "--format", "json", "--junit-xml", str(report), "HANDOFF.md", cwd=repo.path)
    counted = {
        c["text"]: c["verdict"]
        for c in run.json()["documents"][0]["claims"]
        if c["kind"] == "tests"
    }
    assert counted == {"3/4": "verified", "4/4": "refuted"}
    report.write_text("not xml", encoding="utf-8")
    assert cli("check", "--junit-xml", str(report), "HANDOFF.md", cwd=repo.path).code == 2


def test_suppression_verbs_and_ids_are_checked(repo: ScratchRepo, cli: Cli) -> None:
    """markdownlint's disable-line works on its own line; a misspelt verb or an unknown id is
    HL904 and suppresses nothing (before, "disable-nextline" silenced the rest of the file)."""
    repo.commit("work", {"a.py": "1\n"})
    doc = DOC.replace(
        "- `missing.py`",
        "- `missing.py` <!-- handoff-lint-disable-line HL301 -->\n"
        "<!-- handoff-lint-disable-nextline HL301 -->\n- `gone.py`\n"
        "<!-- handoff-lint-disable-next-line HL399 -->\n- `lost.py`",
    )
    repo.commit("handoff", {"HANDOFF.md": doc})
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    found = {(f["rule"], f["line"]): f["message"] for f in run.json()["documents"][0]["findings"]}
    assert ("HL301", 12) not in found  # suppressed on its own line
    assert "lost.py (line 16)" in found[("HL301", 14)]  # gone.py and lost.py: one finding
    assert "did you mean handoff-lint-disable-next-line" in found[("HL904", 13)]
    assert "unknown rule 'HL399'" in found[("HL904", 15)]


def test_diff_with_an_unknown_ref_says_how_to_fetch_it(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("work", {"a.py": "1\n"})
    run = cli("check", "--diff", "origin/main...HEAD", cwd=repo.path)
    assert run.code == 2
    assert "unknown ref origin/main: fetch it (git fetch origin main)" in run.err
    assert "fetch-depth: 0" in run.err and "<command>" not in run.err
