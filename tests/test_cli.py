"""The real CLI: exit codes, the JSON contract, schema options, discovery, demo."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, Run, verdicts

GOOD = """# Session 3 Handoff

**Date:** 2025-11-13
**Branch:** `main`

## Summary

## Files Created

- `app.py`
"""


def _good_repo(repo: ScratchRepo) -> None:
    repo.commit("add app", {"app.py": "print(1)\n"})
    repo.commit("handoff", {"SESSION_3_HANDOFF.md": GOOD})


def test_all_true_exits_0(repo: ScratchRepo, cli: Cli) -> None:
    _good_repo(repo)
    run = cli("check", "SESSION_3_HANDOFF.md", cwd=repo.path)
    assert run.code == 0, run.out
    assert run.out == "1 document(s): 0 error(s), 0 warning(s), 0 info\n"  # quiet on success
    verbose = cli("check", "-v", "SESSION_3_HANDOFF.md", cwd=repo.path)
    assert "3 claims: 3 verified, 0 refuted, 0 unverifiable; accuracy 100%" in verbose.out
    assert cli("check", "-q", "SESSION_3_HANDOFF.md", cwd=repo.path).out == ""


def test_refuted_claim_exits_1(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("handoff", {"SESSION_3_HANDOFF.md": GOOD})
    assert cli("check", "SESSION_3_HANDOFF.md", cwd=repo.path).code == 1


def test_json_contract(repo: ScratchRepo, cli: Cli) -> None:
    _good_repo(repo)
    data = cli("check", "--format", "json", cwd=repo.path).json()
    assert data["version"] == 1
    doc = data["documents"][0]
    assert set(doc) >= {"path", "window", "claims", "findings", "accuracy"}
    assert set(doc["window"]) >= {"base", "head"}
    claim = doc["claims"][0]
    assert set(claim) >= {"kind", "text", "line", "column", "verdict", "reason"}
    assert claim["verdict"] in ("verified", "refuted", "unverifiable")
    assert set(doc["accuracy"]) == {"verified", "refuted", "unverifiable", "score"}
    assert data["summary"]["documents"] == 1 and data["summary"]["score"] == 1.0


def test_discovers_handoff_documents_case_insensitively(repo: ScratchRepo, cli: Cli) -> None:
    _good_repo(repo)
    repo.write("docs/handoffs/2025-11-13.md", GOOD)
    repo.write("notes/session_7_summary.md", GOOD)
    repo.write("README.md", "# not a handoff\n")
    data = cli("check", "--format", "json", cwd=repo.path).json()
    paths = sorted(d["path"] for d in data["documents"])
    assert paths == [
        "SESSION_3_HANDOFF.md",
        "docs/handoffs/2025-11-13.md",
        "notes/session_7_summary.md",
    ]


def test_not_a_repository_exits_2(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "H.md").write_text(GOOD, encoding="utf-8")
    run = cli("check", "H.md", cwd=tmp_path)
    assert run.code == 2 and "not a git repository" in run.err and "--no-git" in run.err
    assert "Traceback" not in run.err


def test_no_git_runs_schema_checks_only(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "H.md").write_text("# Title only\n", encoding="utf-8")
    run = cli("check", "--no-git", "--format", "json", "H.md", cwd=tmp_path)
    doc = run.json()["documents"][0]
    assert run.code == 1
    assert {f["rule"] for f in doc["findings"]} == {"HL101"}
    assert {(f["line"], f["column"]) for f in doc["findings"]} == {(1, 1)}


def test_binary_document_is_one_clear_finding(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("init", {"a.py": "1\n"})
    (repo.path / "SESSION_1_HANDOFF.md").write_bytes(b"\x89PNG\r\n\x00\x00")
    run = cli("check", "SESSION_1_HANDOFF.md", cwd=repo.path)
    assert run.code == 1 and "HL102" in run.out and "binary" in run.out


def test_missing_file_is_a_usage_error(repo: ScratchRepo, cli: Cli) -> None:
    assert cli("check", "NOPE.md", cwd=repo.path).code == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"type": 12}', "not a valid JSON Schema"),
        ('{"$ref": "https://example.com/s.json"}', "never fetches"),
    ],
)
def test_bad_custom_schema_exits_2(repo: ScratchRepo, cli: Cli, content: str, message: str) -> None:
    _good_repo(repo)
    (repo.path / "s.json").write_text(content, encoding="utf-8")
    run = cli("check", "--schema", "s.json", "SESSION_3_HANDOFF.md", cwd=repo.path)
    assert run.code == 2 and message in run.err


def test_custom_schema_findings_point_at_the_element(repo: ScratchRepo, cli: Cli) -> None:
    _good_repo(repo)
    schema = {
        "type": "object",
        "properties": {"sections": {"items": {"properties": {"title": {"maxLength": 5}}}}},
    }
    (repo.path / "s.json").write_text(json.dumps(schema), encoding="utf-8")
    run = cli(
        "check", "--format", "json", "--schema", "s.json", "SESSION_3_HANDOFF.md", cwd=repo.path
    )
    findings = run.json()["documents"][0]["findings"]
    assert [(f["rule"], f["line"]) for f in findings] == [("HL101", 1), ("HL101", 6), ("HL101", 8)]


def test_schema_command_prints_the_shipped_schema(cli: Cli, tmp_path: Path) -> None:
    run = cli("schema", cwd=tmp_path)
    schema = json.loads(run.out)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["required"] == ["title", "claims"]
    model = json.loads(cli("schema", "--model", cwd=tmp_path).out)
    jsonschema.Draft202012Validator.check_schema(model)


def test_document_model_matches_its_own_schema(repo: ScratchRepo) -> None:
    from handoff_lint import claims
    from handoff_lint.checks import schema
    from handoff_lint.document import parse, source

    _good_repo(repo)
    doc = parse.parse("x", source.read(repo.path / "SESSION_3_HANDOFF.md"))
    found = [c for kind in claims.load().values() for c in kind.extract(doc)]
    model_schema = json.loads((schema.schema_dir() / "document-model.schema.json").read_text())
    jsonschema.validate(schema.model(doc, found), model_schema)


def test_demo_exits_0_and_shows_true_and_false(cli: Cli, tmp_path: Path) -> None:
    run = cli("demo", cwd=tmp_path)
    assert run.code == 0
    assert "HL201" in run.out and "HL301" in run.out and "verified" in run.out
    kept = cli("demo", "--keep", cwd=tmp_path)
    path = Path(kept.out.strip().splitlines()[-1].removeprefix("kept: "))
    assert (path / ".git").is_dir() and (path / "SESSION_2_HANDOFF.md").is_file()  # the repo


def test_python_dash_m_runs_as_a_process(repo: ScratchRepo) -> None:
    _good_repo(repo)
    done = subprocess.run(
        [sys.executable, "-m", "handoff_lint", "check", "-v", "SESSION_3_HANDOFF.md"],
        cwd=repo.path,
        capture_output=True,
        text=True,
        env=repo.env,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "accuracy 100%" in done.stdout


def test_front_matter_errors_have_lines(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("init", {"a.py": "1\n"})
    repo.write("HANDOFF.md", "---\ntitle: x\nbad: [unclosed\n---\n# T\n")
    findings = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path).json()["documents"][0][
        "findings"
    ]
    front = [f for f in findings if f["rule"] == "HL103"]
    assert front and front[0]["line"] >= 3


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        ("---\n# Handoff\n\nLive notes for the next session.\n\n---\n\n## State\n", []),
        ("---\n- one point\n- another\n---\n# T\n", []),  # thematic breaks round a list
        ("---\ntitle: x\n- one point\n---\n# T\n", ["HL103"]),  # keys: meant as YAML
        ("---\ntitle: x\nbad: [unclosed\n---\n# T\n", ["HL103"]),
    ],
)
def test_a_rule_at_the_top_is_front_matter_only_with_keys(
    repo: ScratchRepo, cli: Cli, text: str, rules: list[str]
) -> None:
    """ "---" over a heading and prose is a thematic break, not YAML that fails to be a
    mapping: front matter is a block with at least one top-level key."""
    repo.commit("init", {"a.py": "1\n"})
    repo.write("HANDOFF.md", text)
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    found = [f["rule"] for f in run.json()["documents"][0]["findings"] if f["rule"] == "HL103"]
    assert found == rules


def test_crlf_and_bom_keep_positions(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("add app", {"app.py": "print(1)\n"})
    (repo.path / "HANDOFF.md").write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    assert verdicts(run)[("file", "app.py")] == "verified"
    claim = next(c for c in run.json()["documents"][0]["claims"] if c["kind"] == "file")
    assert (claim["line"], claim["column"]) == (10, 4)


def test_options_read_environment_variables(
    repo: ScratchRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    _good_repo(repo)
    monkeypatch.setenv("HANDOFF_LINT_FORMAT", "json")
    assert cli("check", "SESSION_3_HANDOFF.md", cwd=repo.path).json()["version"] == 1
    text = cli("check", "--format", "text", "-v", "SESSION_3_HANDOFF.md", cwd=repo.path).out
    assert text.startswith("SESSION_3")
    ruff = cli("check", "--output-format", "text", "-v", "SESSION_3_HANDOFF.md", cwd=repo.path)
    assert ruff.code == 0 and ruff.out == text  # ruff's name for --format


def test_rules_lists_every_rule_once(cli: Cli, tmp_path: Path) -> None:
    from handoff_lint.checks.rules import RULES

    lines = cli("rules", cwd=tmp_path).out.splitlines()
    assert [line.split()[0] for line in lines] == list(RULES)
    assert any(line.startswith("HL201  unknown-commit") for line in lines)
    readme = (Path(__file__).resolve().parent.parent / "docs" / "rules.md").read_text(
        encoding="utf-8"
    )
    assert all(f"**{r.id} {r.name}**" in readme for r in RULES.values())
    top = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert all(f"| {r.id} | {r.name} | {r.severity} |" in top for r in RULES.values())


def test_internal_error_is_one_line_and_a_crash_report(
    repo: ScratchRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from handoff_lint import claims
    from handoff_lint.model import Claim, Document

    _good_repo(repo)
    kinds = claims.load()

    def boom(doc: Document) -> list[Claim]:
        raise RuntimeError("extractor exploded")

    monkeypatch.setitem(kinds, "date", claims.ClaimKind("date", boom, kinds["date"].verify))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    run = cli("check", "SESSION_3_HANDOFF.md", cwd=repo.path)
    assert run.code == 2 and "Traceback" not in run.out + run.err
    line = next(x for x in run.out.splitlines() if "HL902" in x)
    report = Path(line.split("crash report written to ")[1].split(";")[0])
    assert report.parent == tmp_path
    assert "extractor exploded" in report.read_text() and "handoff-lint 0.1.0" in report.read_text()


@pytest.mark.parametrize("selector", ["HL201", "hl201", "unknown-commit"])
def test_rule_explains_one_rule(cli: Cli, tmp_path: Path, selector: str) -> None:
    run = cli("rule", selector, cwd=tmp_path)
    assert (
        run.code == 0
        and run.out.startswith("HL201 unknown-commit (error)")
        and "did you mean" in run.out
    )


def test_rule_unknown_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    assert cli("rule", "HL999", cwd=tmp_path).code == 2


def test_wheel_ships_schemas_hooks_and_rule_docs(tmp_path: Path) -> None:
    import zipfile

    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(root),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot build a wheel offline here: {done.stderr[-200:]}")
    names = zipfile.ZipFile(next(tmp_path.glob("*.whl"))).namelist()
    for wanted in (
        "handoff_lint/schemas/handoff.schema.json",
        "handoff_lint/schemas/config.schema.json",
        "handoff_lint/hooks/pre-commit",
        "handoff_lint/docs/rules.md",
    ):
        assert wanted in names


def test_console_script_flushes_everything_and_keeps_the_exit_code(tmp_path: Path) -> None:
    from handoff_lint.checks.rules import RULES

    done = subprocess.run(
        [sys.executable, "-m", "handoff_lint", "rules"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and len(done.stdout.splitlines()) == len(RULES)
    missing = subprocess.run(
        [sys.executable, "-m", "handoff_lint", "check", "--no-git", "NOPE.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2 and "NOPE.md" in missing.stderr


def test_console_script_survives_a_reader_that_goes_away(tmp_path: Path) -> None:
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody reads: every write fails with EPIPE (`handoff-lint ... | head`)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "handoff_lint", "rules"],
            cwd=tmp_path,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr and done.returncode == 1, done.stderr


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (("--select", "HL999"), "unknown rule 'HL999' (did you mean"),
        (("--select", "HLX"), "unknown rule 'HLX'"),
        (("--ignore", "HL301,unknwn-commit"), "did you mean unknown-commit"),
    ],
)
def test_an_unknown_rule_is_a_usage_error(
    cli: Cli, tmp_path: Path, option: tuple[str, ...], message: str
) -> None:
    """A typo in a rule selector must not turn a gate green: exit 2, with the closest rules."""
    (tmp_path / "H.md").write_text("# Handoff\n", encoding="utf-8")
    run = cli("check", "--no-git", *option, "H.md", cwd=tmp_path)
    assert run.code == 2 and message in run.err


@pytest.mark.parametrize("selector", ["HL3", "HL3xx", "HL301", "unknown-commit"])
def test_known_selectors_are_accepted(cli: Cli, tmp_path: Path, selector: str) -> None:
    (tmp_path / "H.md").write_text("# Handoff\n", encoding="utf-8")
    assert cli("check", "--no-git", "--select", selector, "H.md", cwd=tmp_path).code in (0, 1)


@pytest.mark.parametrize(
    "table",
    ['ignore = ["not-a-rule"]', 'select = ["HL999"]', 'severity = { HL998 = "warning" }'],
)
def test_an_unknown_rule_in_the_configuration_is_an_error(
    cli: Cli, tmp_path: Path, table: str
) -> None:
    (tmp_path / "H.md").write_text("# Handoff\n", encoding="utf-8")
    (tmp_path / ".handoff-lint.toml").write_text(table + "\n", encoding="utf-8")
    run = cli("check", "--no-git", "--config", ".handoff-lint.toml", "H.md", cwd=tmp_path)
    assert run.code == 2 and "unknown rule" in run.err


def test_closed_standard_output_is_a_clear_error(tmp_path: Path) -> None:
    """``handoff-lint check DOC >&-``: exit 2 with a message, no traceback."""
    (tmp_path / "H.md").write_text("# Handoff\n", encoding="utf-8")
    command = f'"{sys.executable}" -m handoff_lint check --no-git H.md >&-'
    done = subprocess.run(
        command,
        shell=True,
        cwd=tmp_path,
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "standard output is closed" in done.stderr and "Traceback" not in done.stderr


def _docs(run: Run) -> list[str]:
    return [d["path"] for d in run.json()["documents"]]


def test_folders_globs_force_exclude_and_stdin(repo: ScratchRepo, cli: Cli) -> None:
    """`check docs/handoffs/` lints the handoff documents in it, `check 'docs/*/*.md'` what the
    glob names, --force-exclude drops configured excludes even when named, and `-` with
    --stdin-filename reads the document from standard input (an editor's buffer)."""
    import io

    _good_repo(repo)
    repo.commit(
        "more",
        {
            "docs/handoffs/2025-11-13.md": GOOD,
            "docs/handoffs/archive/2025-10-01.md": GOOD,
            "docs/handoffs/notes.txt": "x\n",
            ".handoff-lint.toml": 'exclude = ["docs/handoffs/archive/**"]\n',
        },
    )
    run = cli("check", "--format", "json", "docs/handoffs", cwd=repo.path)
    assert _docs(run) == ["docs/handoffs/2025-11-13.md"]
    run = cli("check", "--format", "json", "docs/*/*.md", cwd=repo.path)
    assert _docs(run) == ["docs/handoffs/2025-11-13.md"]
    named = "docs/handoffs/archive/2025-10-01.md"
    assert _docs(cli("check", "--format", "json", named, cwd=repo.path)) == [named]
    excluded = cli("check", "--format", "json", "--force-exclude", named, cwd=repo.path)
    assert excluded.code == 0 and _docs(excluded) == []
    lie = GOOD.replace("app.py", "nope.py")
    sys.stdin = io.TextIOWrapper(io.BytesIO(lie.encode()))
    try:
        run = cli(
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "SESSION_3_HANDOFF.md",
            "-",
            cwd=repo.path,
        )
    finally:
        sys.stdin = sys.__stdin__
    assert _docs(run) == ["SESSION_3_HANDOFF.md"] and run.code == 1  # the buffer, not the file
    assert cli("check", "-", cwd=repo.path).code == 2  # '-' needs --stdin-filename


def test_discovery_leaves_plans_indexes_and_templates_out(repo: ScratchRepo, cli: Cli) -> None:
    """SESSION_*.md matches SESSION_ROADMAP.md and SESSION_INDEX.md, which are no session
    reports: the default exclude leaves them out of discovery (named, they are still checked;
    a configured `exclude` replaces the default)."""
    _good_repo(repo)
    repo.commit(
        "plans",
        {
            "SESSION_ROADMAP.md": "# Roadmap\n",
            "SESSION_INDEX.md": "# Index\n",
            "X_TEMPLATE.md": "#\n",
        },
    )
    run = cli("check", "--format", "json", cwd=repo.path)
    assert _docs(run) == ["SESSION_3_HANDOFF.md"]
    assert _docs(cli("check", "--format", "json", "SESSION_INDEX.md", cwd=repo.path)) == [
        "SESSION_INDEX.md"
    ]
    (repo.path / ".handoff-lint.toml").write_text('exclude = ["*_ROADMAP.md"]\n', encoding="utf-8")
    run = cli("check", "--format", "json", cwd=repo.path)
    assert _docs(run) == ["SESSION_3_HANDOFF.md", "SESSION_INDEX.md"]


def test_a_check_that_finds_no_document_warns(repo: ScratchRepo, cli: Cli) -> None:
    """A mistyped glob, a folder without handoff documents or a repository without any: a
    warning on standard error (ruff's "No Python files found"), exit 0; a missing file is
    exit 2; `--staged` with nothing staged stays silent (hooks); a check that finds
    documents warns of nothing."""
    repo.commit("app", {"app.py": "print(1)\n", "docs/notes.md": "# Notes\n"})
    for args, where in (
        (("docs/handofs/*.md",), "docs/handofs/*.md (no file matches it)"),
        (("docs",), "docs (no file matches the include globs"),
        ((), "the repository (no file matches the include globs"),
    ):
        run = cli("check", *args, cwd=repo.path)
        assert run.code == 0 and run.out.startswith("0 document(s)")
        assert run.err.startswith(f"handoff-lint: warning: no handoff documents found in {where}")
        assert run.err.count("\n") == 1
    assert cli("check", "docs/handofs/S.md", cwd=repo.path).code == 2
    staged = cli("check", "--staged", "--quiet", cwd=repo.path)
    assert (staged.code, staged.out, staged.err) == (0, "", "")
    _good_repo(repo)
    found = cli("check", cwd=repo.path)
    assert found.code == 0 and found.err == ""


def test_an_output_file_that_cannot_be_written_is_one_line(
    repo: ScratchRepo, cli: Cli, tmp_path: Path
) -> None:
    _good_repo(repo)
    run = cli(
        "check",
        "-o",
        str(tmp_path / "no" / "such" / "r.txt"),
        "SESSION_3_HANDOFF.md",
        cwd=repo.path,
    )
    assert run.code == 2 and run.err.count("\n") == 1 and "r.txt" in run.err
    assert "Traceback" not in run.err
