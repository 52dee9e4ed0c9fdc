"""README's GitHub Actions and GitLab CI snippets, as written: their YAML parses, every command
in them is one this test knows (pip, git, handoff-lint), and each `git` and `handoff-lint`
command runs, with the CI's variables filled in, in a clone made as that CI makes it (GitHub's
checkout with fetch-depth 0: every branch; GitLab: the merge request's branch only), and exits
as README says. `pip install` is not run (no network in tests): its requirement must name this
project by its repository URL, since the name is not published."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BASE = "main"  # the pull request's or merge request's target branch
DOC = "SESSION_2_HANDOFF.md"
HANDOFF = """# Session 2

**Date:** 2025-11-13

## Summary

The batch module.

## Files Created

- `app/batch.py`
{extra}"""


def _snippet(label: str) -> Any:
    """The YAML block right after ``label`` in README."""
    after = README.split(f"\n{label}\n", 1)[1]
    match = re.match(r"\s*```yaml\n(.*?)```", after, re.S)
    assert match is not None, label
    return yaml.safe_load(match.group(1))


def _origin(repo: ScratchRepo, false_claim: bool) -> Path:
    """A bare repository with `main` (a first session) and `feature` (a second session whose
    handoff is added by the pull request), as the CI's server holds them."""
    origin = repo.path.parent / "origin.git"
    repo.git("init", "-q", "--bare", "-b", BASE, str(origin))
    repo.commit("skeleton", {"app/core.py": "def run():\n    return 1\n"})
    repo.commit(
        "handoff 1", {"SESSION_1_HANDOFF.md": "# S1\n\n## Files Created\n\n- `app/core.py`\n"}
    )
    repo.git("remote", "add", "origin", str(origin))
    repo.git("push", "-q", "origin", BASE)
    repo.git("checkout", "-q", "-b", "feature")
    repo.commit("Add batch processing", {"app/batch.py": "def batch():\n    return []\n"})
    extra = "- `app/retry.py`\n" if false_claim else ""  # never created: HL301
    repo.commit("handoff 2", {DOC: HANDOFF.format(extra=extra)})
    repo.git("push", "-q", "origin", "feature")
    return origin


def _clone(repo: ScratchRepo, origin: Path, name: str, every_branch: bool) -> Path:
    where = repo.path.parent / name
    single = [] if every_branch else ["--single-branch"]
    repo.git("clone", "-q", *single, "-b", "feature", str(origin), str(where))
    return where


def _run(line: str, variables: dict[str, str], where: Path, repo: ScratchRepo, cli: Cli) -> int:
    """Run one command of a CI script in ``where``: git as a process, handoff-lint through the
    CLI; `pip install` only checked."""
    for name, value in variables.items():
        line = line.replace(name, value)
    words = shlex.split(line, comments=True)
    if words[0] == "pip":
        assert words[:2] == ["pip", "install"] and len(words) == 3, line
        assert re.fullmatch(r"handoff-lint @ git\+https://github\.com/OWNER/handoff-lint", words[2])
        return 0
    if words[0] == "git":
        done = subprocess.run(words, cwd=where, env=repo.env, capture_output=True, check=False)
        return done.returncode
    assert words[0] == "handoff-lint", f"a command this test does not know: {line}"
    return int(cli(*words[1:], cwd=where).code)


def _steps(workflow: Any) -> list[dict[str, Any]]:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert on == ["pull_request"]
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read", "security-events": "write"}
    steps: list[dict[str, Any]] = job["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@") and steps[0]["with"] == {
        "fetch-depth": 0
    }
    return steps


@pytest.mark.parametrize("false_claim", [True, False], ids=["false-claim", "all-true"])
def test_the_github_actions_snippet_runs_as_written(
    repo: ScratchRepo, cli: Cli, false_claim: bool
) -> None:
    steps = _steps(_snippet("GitHub Actions:"))
    where = _clone(repo, _origin(repo, false_claim), "github", every_branch=True)
    variables = {"${{ github.base_ref }}": BASE}
    codes = [_run(s["run"], variables, where, repo, cli) for s in steps if "run" in s]
    assert codes == [0, 1 if false_claim else 0, 0]  # pip; the gate; SARIF with --exit-zero
    gate = next(s for s in steps if "--min-accuracy" in s.get("run", ""))
    assert "if" not in gate  # the gate runs first, and fails the job
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    report = json.loads((where / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    assert report["version"] == "2.1.0" and upload["if"] == "always()"
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in report["runs"][0]["results"]
    }
    assert uris == ({DOC} if false_claim else set())


@pytest.mark.parametrize("false_claim", [True, False], ids=["false-claim", "all-true"])
def test_the_gitlab_ci_snippet_runs_as_written(
    repo: ScratchRepo, cli: Cli, false_claim: bool
) -> None:
    (job,) = _snippet("GitLab CI:").values()
    assert job["variables"] == {"GIT_DEPTH": "0"}
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    where = _clone(repo, _origin(repo, false_claim), "gitlab", every_branch=False)
    variables = {"$CI_MERGE_REQUEST_TARGET_BRANCH_NAME": BASE}
    codes = [_run(line, variables, where, repo, cli) for line in job["script"]]
    assert codes == [0, 0, 0, 1 if false_claim else 0]  # pip; fetch; Code Quality; the gate
    reports = job["artifacts"]["reports"]
    assert job["artifacts"]["when"] == "always"
    quality = json.loads((where / reports["codequality"]).read_text(encoding="utf-8"))
    assert {i["location"]["path"] for i in quality} == ({DOC} if false_claim else set())
    suite = ET.parse(where / reports["junit"]).getroot()
    failed = int(suite.get("failures", "0")) or sum(
        int(s.get("failures", "0")) for s in suite.iter("testsuite")
    )
    assert (failed > 0) == false_claim


def test_the_gitlab_snippet_needs_its_fetch(repo: ScratchRepo, cli: Cli) -> None:
    """Without the `git fetch` line a merge request's clone has no origin/main: the check is a
    usage error that says how to fetch it, which is why the snippet has that line."""
    (job,) = _snippet("GitLab CI:").values()
    where = _clone(repo, _origin(repo, True), "gitlab", every_branch=False)
    gate = job["script"][-1].replace("$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", BASE)
    run = cli(*shlex.split(gate)[1:], cwd=where)
    assert run.code == 2 and f"unknown ref origin/{BASE}" in run.err, run.err


def test_the_readme_configuration_is_accepted(repo: ScratchRepo, cli: Cli) -> None:
    """README's `[tool.handoff-lint]` example, as pyproject.toml: every key is one the
    configuration schema knows, every rule it names exists, and a check runs with it."""
    block = README.split("\n## Configuration\n", 1)[1].split("```toml\n", 1)[1].split("```")[0]
    repo.write("pyproject.toml", block)
    repo.write("handoff.schema.json", (ROOT / "schemas" / "handoff.schema.json").read_text())
    repo.commit("start", {"app/a.py": "1\n"})
    repo.commit("handoff", {"SESSION_1_HANDOFF.md": "# S1\n\n## Files Created\n\n- `app/a.py`\n"})
    run = cli("check", "--format", "json", cwd=repo.path)
    assert run.code == 0, run.err
    assert [d["path"] for d in run.json()["documents"]] == ["SESSION_1_HANDOFF.md"]
