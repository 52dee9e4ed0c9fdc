"""The git hooks: the pre-commit framework hook definition and the native hooks/pre-commit script."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from identify.identify import tags_from_filename

from handoff_lint.document.discover import DEFAULT_GLOBS, matches
from handoff_lint.scratch import ScratchRepo

ROOT = Path(__file__).resolve().parents[1]
DOC = "SESSION_1_HANDOFF.md"
BAD_COMMIT = "9f3e1a7"  # has a digit, so it reads as a commit id; no such commit exists
HANDOFF = """\
# Session 1 Handoff

**Date:** 2025-11-13

## Summary

Added batch processing to the core module.

## Commits

- {c2} Add batch processing
{extra}
## Files Created

- `app/batch.py` - batch runner

## Files Modified

- `app/core.py` - calls the batch runner
"""
BAD_LINE = 12  # the line of the "extra" commit item in HANDOFF


def hook_definition() -> dict[str, Any]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "handoff-lint"]
    assert isinstance(hook, dict)
    return hook


@pytest.mark.parametrize(
    "path",
    [
        "SESSION_9_HANDOFF.md",
        "handoff.md",
        "HANDOFF.MD",
        "notes/agent-handoff-v2.md",
        "docs/handoffs.md",
        "session_.md",
        "Session_12.md",
        "sub/dir/session_summary.md",
        "Current_Session_Completion_Summary.md",
        "a/b/COMPLETION-SUMMARY.md",
        "docs/handoffs/2025-11-13.md",
        "Docs/Handoffs/deep/er/x.md",
        ".claude/handoffs/a/b.md",
        "README.md",
        "docs/notes.md",
        "handoff.txt",
        "SESSION_1_HANDOFF.md.bak",
        "src/session.py",
        "session.md",
        "my_session_notes.md",
        "summary_of_session.md",
        "notes/handoff/plan.md",
        "sub/docs/handoffs/x.md",
        "docs/handoffs/readme.txt",
        ".claude/handoffs.txt/x.md",
    ],
)
def test_hook_files_regex_agrees_with_default_globs(path: str) -> None:
    hook = hook_definition()
    files = re.compile(str(hook["files"]))
    types = set(hook["types"])
    # What pre-commit does: `files` is re.search'ed, and every `types` tag must apply.
    selected = bool(files.search(path)) and types <= tags_from_filename(path.rsplit("/", 1)[-1])
    assert selected == matches(path, DEFAULT_GLOBS)


def scratch_history(repo: ScratchRepo) -> str:
    """Two commits before the session's handoff; returns the short id of the second."""
    repo.commit(
        "Initial skeleton",
        {"README.md": "# demo\n", "app/core.py": "def run():\n    return 1\n"},
        when="2025-11-13T09:00:00+00:00",
    )
    repo.commit(
        "Add batch processing",
        {
            "app/core.py": "def run():\n    return 2\n",
            "app/batch.py": "def batch():\n    return []\n",
        },
        when="2025-11-13T10:00:00+00:00",
    )
    return repo.short()


def handoff(c2: str, false_claim: bool) -> str:
    extra = f"- {BAD_COMMIT} Add retry logic\n" if false_claim else ""
    text = HANDOFF.format(c2=c2, extra=extra)
    if false_claim:
        assert text.splitlines()[BAD_LINE - 1].startswith(f"- {BAD_COMMIT}")
    return text


def run(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    done = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    return done.returncode, done.stdout + done.stderr


# --- the pre-commit framework -------------------------------------------------------------------


def readme_config() -> dict[str, Any]:
    """The `.pre-commit-config.yaml` of README's Hooks section, as written there."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Hooks\n", 1)[1]
    block = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    config: dict[str, Any] = yaml.safe_load(block)
    assert [h["id"] for h in config["repos"][0]["hooks"]] == ["handoff-lint", "handoff-lint-all"]
    return config


@pytest.fixture(scope="module")
def framework(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A config naming a committed copy of this project as hook repo, and an offline env.

    Not `pre-commit try-repo`: it installs into a throwaway store on every call (it ignores
    PRE_COMMIT_HOME) and drops untracked work in progress; `run -c` installs once per module.
    """
    wheelhouse = os.environ.get("HANDOFF_LINT_WHEELHOUSE", "")
    if not wheelhouse or not Path(wheelhouse).is_dir():
        pytest.skip(
            "the pre-commit hook test installs the hook offline from a wheelhouse: run "
            "`pip wheel -w .ci/wheelhouse . hatchling` and export "
            "HANDOFF_LINT_WHEELHOUSE=$PWD/.ci/wheelhouse (as .ci/run does)"
        )
    base = tmp_path_factory.mktemp("framework")
    hook_repo = ScratchRepo(base / "hook-repo", base / "hook-home")
    skip = {".git", ".venv", ".ci", "tests", "dist", "build", "__pycache__"}
    for item in ROOT.iterdir():
        if item.name in skip or item.name.endswith(("_cache", ".egg-info")):
            continue
        if item.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
            shutil.copytree(item, hook_repo.path / item.name, ignore=ignore)
        else:
            shutil.copy2(item, hook_repo.path / item.name)
    rev = hook_repo.commit("handoff-lint under test")
    config = readme_config()  # the configuration the README tells users to write
    config["repos"][0].update(repo=str(hook_repo.path), rev=rev)
    (base / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    env = {
        "PRE_COMMIT_HOME": str(base / "pre-commit-home"),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(Path(wheelhouse).resolve()),
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
        "PRE_COMMIT_COLOR": "never",
    }
    return base / "config.yaml", env


@pytest.mark.parametrize("false_claim", [True, False], ids=["false-claim", "all-true"])
def test_pre_commit_framework_runs_the_hook(
    framework: tuple[Path, dict[str, str]], repo: ScratchRepo, false_claim: bool
) -> None:
    config, extra_env = framework
    c2 = scratch_history(repo)
    repo.write(DOC, handoff(c2, false_claim))
    repo.git("add", DOC)
    args = [sys.executable, "-m", "pre_commit", "run", "-c", str(config), "--files", DOC]
    code, out = run(args, repo.path, {**repo.env, **extra_env})
    if false_claim:
        assert code == 1, out
        assert re.search(r"^handoff-lint\.+Failed$", out, re.M), out
        assert f"{DOC}:{BAD_LINE}:3: HL201 [error] commit claim '{BAD_COMMIT}'" in out, out
    else:
        assert code == 0, out
        assert re.search(r"^handoff-lint\.+Passed$", out, re.M), out
        assert "HL" not in out, out


def test_the_manual_hook_lints_every_committed_document(
    framework: tuple[Path, dict[str, str]], repo: ScratchRepo
) -> None:
    """README's handoff-lint-all: `pre-commit run --hook-stage manual handoff-lint-all` lints
    every handoff document at HEAD, with no file passed."""
    config, extra_env = framework
    c2 = scratch_history(repo)
    repo.write(DOC, handoff(c2, false_claim=True))
    repo.git("add", DOC)
    repo.git("commit", "-q", "-m", "handoff")
    stage = ["--hook-stage", "manual", "handoff-lint-all"]
    args = [sys.executable, "-m", "pre_commit", "run", "-c", str(config), *stage]
    code, out = run(args, repo.path, {**repo.env, **extra_env})
    assert code == 1 and "- hook id: handoff-lint-all" in out, out
    assert f"{DOC}:{BAD_LINE}:3: HL201" in out, out


def test_the_readme_config_pins_a_rev_with_autoupdate(
    framework: tuple[Path, dict[str, str]], repo: ScratchRepo
) -> None:
    """README's config names no branch as `rev` (pre-commit never updates one and warns that a
    mutable reference is unsupported); as README says, the user writes the repository URL and
    runs `pre-commit autoupdate`, which pins its newest commit (no tag yet); the hook then runs
    without pre-commit's warning."""
    config, extra_env = framework
    written = readme_config()
    rev = written["repos"][0]["rev"]
    assert rev == "COMMIT_SHA" and rev not in ("main", "master", "HEAD")
    hook_repo = yaml.safe_load(config.read_text(encoding="utf-8"))["repos"][0]["repo"]
    written["repos"][0]["repo"] = hook_repo  # the one edit README asks for: the URL
    ours = repo.path.parent / "readme-config.yaml"
    ours.write_text(yaml.safe_dump(written), encoding="utf-8")
    env = {**repo.env, **extra_env}
    update = [sys.executable, "-m", "pre_commit", "autoupdate", "-c", str(ours)]
    code, out = run(update, repo.path, env)
    pinned = yaml.safe_load(ours.read_text(encoding="utf-8"))["repos"][0]["rev"]
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=hook_repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert code == 0 and pinned == head, out
    c2 = scratch_history(repo)
    repo.write(DOC, handoff(c2, false_claim=False))
    repo.git("add", DOC)
    hook = [sys.executable, "-m", "pre_commit", "run", "-c", str(ours), "--files", DOC]
    code, out = run(hook, repo.path, env)
    assert code == 0 and re.search(r"^handoff-lint\.+Passed$", out, re.M), out
    assert "mutable reference" not in out, out


# --- the native git hook ------------------------------------------------------------------------


def install_native_hook(repo: ScratchRepo) -> None:
    target = repo.path / ".git" / "hooks" / "pre-commit"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "hooks" / "pre-commit", target)
    target.chmod(0o755)


def git_commit(repo: ScratchRepo, env: dict[str, str]) -> tuple[int, str]:
    git = shutil.which("git") or "git"  # found on the test's PATH; the hook gets env["PATH"]
    return run([git, "commit", "-m", "Add session 1 handoff"], repo.path, env)


def test_native_hook_blocks_a_false_handoff_then_accepts_the_fix(repo: ScratchRepo) -> None:
    install_native_hook(repo)
    c2 = scratch_history(repo)
    head = repo.git("rev-parse", "HEAD")
    path = os.path.dirname(sys.executable) + os.pathsep + repo.env.get("PATH", os.defpath)
    env = {**repo.env, "PATH": path}
    repo.write(DOC, handoff(c2, false_claim=True))
    repo.git("add", DOC)
    code, out = git_commit(repo, env)
    assert code != 0, out
    assert f"{DOC}:{BAD_LINE}:3: HL201 [error] commit claim '{BAD_COMMIT}'" in out, out
    assert "document(s)" not in out, out  # the hook prints the findings, no summary
    assert repo.git("rev-parse", "HEAD") == head
    repo.write(DOC, handoff(c2, false_claim=False))
    repo.git("add", DOC)
    code, out = git_commit(repo, env)
    assert code == 0, out
    assert "handoff-lint" not in out and "error(s)" not in out, out  # quiet on success
    assert repo.git("log", "-1", "--format=%P") == head
    assert repo.git("show", "--name-only", "--format=", "HEAD") == DOC


def test_native_hook_without_handoff_lint_lets_the_commit_through(
    repo: ScratchRepo, tmp_path: Path
) -> None:
    # PATH holds only a python3 outside any virtualenv: no handoff-lint, no handoff_lint module.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(os.path.realpath(sys.executable))
    env = {k: v for k, v in repo.env.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["PATH"] = str(bin_dir)
    probe = [str(bin_dir / "python3"), "-c", "import handoff_lint"]
    if run(probe, tmp_path, env)[0] == 0:
        pytest.skip(f"{os.path.realpath(sys.executable)} imports handoff_lint outside the venv")
    install_native_hook(repo)
    c2 = scratch_history(repo)
    repo.write(DOC, handoff(c2, false_claim=True))
    repo.git("add", DOC)
    code, out = git_commit(repo, env)
    assert code == 0, out
    assert "handoff-lint: not installed" in out, out
    assert "handoff-lint @ git+https://" in out and "pip install handoff-lint)" not in out, out
    assert "HL201" not in out, out
    assert repo.git("log", "-1", "--format=%s") == "Add session 1 handoff"
