"""Reliability (issue 4) on real repositories: odd states, hostile input, parallel runs, injection.

Bugs found here were strict xfails until fixed; docs/reliability.md lists them.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, Run, claims_of

with warnings.catch_warnings():  # the project registers no markers; -m "not slow" still works
    warnings.simplefilter("ignore", pytest.PytestUnknownMarkWarning)
    slow = pytest.mark.slow

H = "# Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\n"
FIRST = {"SESSION_1_HANDOFF.md": H + "## Files Created\n\n- `x.py`\n"}


COUNTED = ("lines", "test_count")


def _judged(run: Any) -> dict[str, tuple[str, str | None, str | None]]:
    """'kind:text' -> (verdict, rule, fix) for every claim of a JSON run (in-process or not);
    a count of something in a file (its text is the count) is keyed by the file's path."""
    found = claims_of(run) if isinstance(run, Run) else claims_of(Run(0, run.stdout, ""))
    return {
        f"{c['kind']}:{c['value']['path'] if c['kind'] in COUNTED else c['text']}": (
            c["verdict"],
            c["rule"],
            c["fix"],
        )
        for c in found
    }


def _lint(cli: Cli, cwd: Path, *args: str) -> Run:
    return cli("check", "--format", "json", *args, cwd=cwd)


def _proc(cwd: Path, env: dict[str, str], *args: str, timeout: float = 60) -> Any:
    command = [sys.executable, "-m", "handoff_lint", *args]
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, timeout=timeout, text=True
    )


def _session(repo: ScratchRepo, work: dict[str, str], files: str, path: str = "") -> str:
    """Handoff 1, a 'work' commit (its hash is returned), then handoff 2 with ``files`` created."""
    repo.commit("handoff 1", FIRST)
    sha = repo.commit("work", work)
    doc = H + "## Files Created\n\n" + files
    repo.commit("handoff 2", {path or "SESSION_2_HANDOFF.md": doc})
    return sha


def _snapshot(repo: ScratchRepo) -> tuple[str, ...]:
    dot = repo.path / ".git"
    files = [dot / "index", dot / "HEAD", dot / "config", *sorted((dot / "logs").rglob("*"))]
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in files if p.is_file())).hexdigest()
    status = repo.git("--no-optional-locks", "status", "--porcelain=v1", "-uall")
    return (status, repo.git("for-each-ref"), digest)


# --- repository states ---------------------------------------------------------------------


def _shallow(repo: ScratchRepo, tmp_path: Path, depth: int) -> tuple[Path, list[str]]:
    """Session 1 created f0.py; session 2 made work 1-3 and cites them; clone --depth ``depth``."""
    repo.commit("c0", {"f0.py": "0\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": H + "## Files Created\n\n- `f0.py`\n"})
    shas = [repo.commit(f"work {i}", {f"f{i}.py": f"{i}\n"}) for i in (1, 2, 3)]
    cited = "".join(f"- {sha[:7]} work {i}\n" for i, sha in enumerate(shas, 1))
    body = f"## Commits\n\n{cited}\n## Files Created\n\n- `f3.py`\n- `f0.py`\n"
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": H + body})
    clone = tmp_path / f"depth{depth}"
    repo.git("clone", "-q", f"--depth={depth}", f"file://{repo.path}", str(clone))
    return clone, shas


def test_shallow_clone_depth_n_boundary(repo: ScratchRepo, tmp_path: Path, cli: Cli) -> None:
    clone, shas = _shallow(repo, tmp_path, 3)  # holds handoff 2, work 3 and work 2
    run = _lint(cli, clone, "SESSION_2_HANDOFF.md")
    judged = _judged(run)
    hint = ("unverifiable", "HL901", "fetch the full history: fetch-depth: 0")
    assert judged[f"commit:{shas[0][:7]}"] == hint
    assert judged[f"commit:{shas[1][:7]}"][0] == judged[f"commit:{shas[2][:7]}"][0] == "verified"
    assert judged["file:f3.py"][0] == "verified"
    assert "HL201" not in run.out and run.code == 0


def test_shallow_clone_never_verifies_unseen_history(
    repo: ScratchRepo, tmp_path: Path, cli: Cli
) -> None:
    clone, _ = _shallow(repo, tmp_path, 2)
    full = _judged(_lint(cli, repo.path, "SESSION_2_HANDOFF.md"))
    assert full["file:f0.py"][:2] == ("refuted", "HL301")  # the claim is false
    verdict, _, fix = _judged(_lint(cli, clone, "SESSION_2_HANDOFF.md"))["file:f0.py"]
    assert verdict == "unverifiable" and "fetch-depth: 0" in (fix or "")


def _submodule(repo: ScratchRepo, tmp_path: Path) -> str:
    lib = ScratchRepo(tmp_path / "lib", repo.home)
    lib.commit("lib", {"lib.py": "1\n"})
    repo.commit("init", {"a.py": "1\n"})
    allow = ("-c", "protocol.file.allow=always")
    repo.git(*allow, "submodule", "add", "-q", str(lib.path), "vendor/lib")
    repo.commit("add submodule")
    repo.commit("handoff 1", FIRST)
    repo.write("vendor/lib/new.py", "x\n")
    repo.git("-C", "vendor/lib", "add", "new.py")
    repo.git("-C", "vendor/lib", "commit", "-q", "-m", "new.py")
    bump = repo.commit("bump submodule")  # the gitlink changes
    doc = H + "## Files Created\n\n- `vendor/lib/new.py`\n"
    repo.commit(
        "handoff 2", {"SESSION_2_HANDOFF.md": "---\nfiles_modified: [vendor/lib]\n---\n" + doc}
    )
    return bump


def test_submodule_gitlink_and_files_inside(repo: ScratchRepo, tmp_path: Path, cli: Cli) -> None:
    bump = _submodule(repo, tmp_path)
    run = _lint(cli, repo.path, "SESSION_2_HANDOFF.md")
    judged = _judged(run)
    assert judged["file:vendor/lib"][0] == "verified"  # the gitlink changed in the window
    assert judged["file:vendor/lib/new.py"][0] != "verified" and "HL902" not in run.out
    later = _lint(cli, repo.path, "--since", bump, "SESSION_2_HANDOFF.md")
    assert _judged(later)["file:vendor/lib"][:2] == ("refuted", "HL301")


def test_claims_inside_a_submodule_are_unverifiable(
    repo: ScratchRepo, tmp_path: Path, cli: Cli
) -> None:
    _submodule(repo, tmp_path)
    run = _lint(cli, repo.path, "SESSION_2_HANDOFF.md")
    assert _judged(run)["file:vendor/lib/new.py"][0] == "unverifiable"


def test_a_file_nowhere_here_may_be_a_submodule_s(
    repo: ScratchRepo, tmp_path: Path, cli: Cli
) -> None:
    """A document that works in a submodule (it names a path inside it): a file it names bare
    ("`engine.cpp`") or under a folder the repository does not have ("core/engine.cpp") may be
    one of the submodule's, which this repository does not list: unverifiable. One under the
    repository's own folder is not, nor is a bare name in a document that never names a path
    inside the submodule."""
    _submodule(repo, tmp_path)
    files = "- `engine.cpp`\n- `core/engine.cpp`\n- `vendor/other.py`\n"
    inside = H + "## Files Modified\n\n- `vendor/lib/lib.py`\n" + files
    repo.commit("handoff 3", {"SESSION_3_HANDOFF.md": inside})
    judged = _judged(_lint(cli, repo.path, "SESSION_3_HANDOFF.md"))
    assert judged["file:engine.cpp"][0] == "unverifiable"
    assert judged["file:core/engine.cpp"][0] == "unverifiable"
    assert judged["file:vendor/other.py"][:2] == ("refuted", "HL301")
    repo.commit("handoff 4", {"SESSION_4_HANDOFF.md": H + "## Files Modified\n\n" + files})
    apart = _judged(_lint(cli, repo.path, "SESSION_4_HANDOFF.md"))
    assert apart["file:engine.cpp"][:2] == ("refuted", "HL301")


def test_sparse_checkout_claims_are_read_from_git(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("init", {"keep/a.py": "1\n", "away/b.py": "1\n"})
    work = {"keep/c.py": "1\n", "away/d.py": "1\n2\n3\n", "away/b.py": "2\n"}
    files = "- `away/d.py` (3 lines)\n- `away/zzz.py`\n\n## Files Deleted\n\n- `away/b.py`\n"
    _session(repo, work, files + "\n## Files Modified\n\n- `away/b.py`\n")
    repo.git("sparse-checkout", "set", "--cone", "keep")
    assert not (repo.path / "away").exists()
    run = _lint(cli, repo.path, "SESSION_2_HANDOFF.md")
    judged = _judged(run)
    assert judged["file:away/d.py"][0] == judged["lines:away/d.py"][0] == "verified"
    assert judged["file:away/zzz.py"][:2] == ("refuted", "HL301")
    b = sorted((c["verdict"], c["rule"] or "") for c in claims_of(run) if c["text"] == "away/b.py")
    assert b == [("refuted", "HL304"), ("verified", "")]  # deleted: no; modified: yes


def test_merged_unrelated_histories(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("a", {"a.py": "1\n"})
    repo.commit("handoff 1", FIRST)
    repo.git("checkout", "-q", "--orphan", "other")
    repo.git("rm", "-rqf", ".")
    other = repo.commit("b", {"b.py": "1\n"})
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--allow-unrelated-histories", "-m", "Merge branch 'other'", "other")
    body = f"## Commits\n\n- {other[:7]} b\n\n## Files Created\n\n- `b.py`\n- `a.py`\n"
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": H + body})
    judged = _judged(_lint(cli, repo.path, "SESSION_2_HANDOFF.md"))
    assert judged[f"commit:{other[:7]}"][0] == judged["file:b.py"][0] == "verified"
    assert judged["file:a.py"][:2] == ("refuted", "HL301")  # created before handoff 1


def test_tag_and_branch_with_the_same_name(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("init", {"a.py": "1\n"})
    repo.git("branch", "release")  # the branch stays here; a tag 'release' will name HEAD
    repo.commit("handoff 1", FIRST)
    repo.git("tag", "feature")
    repo.git("checkout", "-q", "-b", "feature")
    repo.commit("work", {"b.py": "1\n"})
    doc = (
        H.replace("\n\n## S", "\n**Branch:** `feature`\n\n## S") + "## Files Created\n\n- `b.py`\n"
    )
    other = doc.replace("`feature`", "`release`")
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc, "R_HANDOFF.md": other})
    repo.git("tag", "release")
    for args in ((), ("--since", "feature")):  # git resolves the ambiguous name to the tag
        judged = _judged(_lint(cli, repo.path, *args, "SESSION_2_HANDOFF.md"))
        assert judged["branch:feature"][0] == judged["file:b.py"][0] == "verified"
    judged = _judged(_lint(cli, repo.path, "R_HANDOFF.md"))
    assert judged["branch:release"][:2] == ("refuted", "HL503")  # a tag at HEAD is no branch


def test_work_tree_deletion_is_judged_from_git(repo: ScratchRepo, cli: Cli) -> None:
    files = "- `b.py` (2 lines)\n\n## Files Deleted\n\n- `c.py`\n"
    _session(repo, {"b.py": "1\n2\n", "c.py": "x\n"}, files)
    (repo.path / "b.py").unlink()
    (repo.path / "c.py").unlink()  # deleted in the work tree, not in the index
    for staged in ((), ("--staged",)):
        judged = _judged(_lint(cli, repo.path, *staged, "SESSION_2_HANDOFF.md"))
        assert judged["file:b.py"][0] == judged["lines:b.py"][0] == "verified"
        assert judged["file:c.py"][:2] == ("refuted", "HL304")


def test_dubious_ownership_is_a_plain_message(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("handoff", FIRST)
    if os.geteuid() != 0:
        pytest.skip("provoking dubious ownership needs root to chown the repository")
    subprocess.run(["chown", "-R", "12345:12345", str(repo.path)], check=True)
    probe = subprocess.run(["git", "status"], cwd=repo.path, env=repo.env, capture_output=True)
    if b"dubious ownership" not in probe.stderr:
        pytest.skip("this git does not check ownership")
    for args in (("check", "SESSION_1_HANDOFF.md"), ("check",), ("facts",), ("audit",)):
        run = cli(*args, cwd=repo.path)
        assert run.code == 2 and "safe.directory" in run.err, args
        assert "Traceback" not in run.err + run.out and "GitCommandError" not in run.err


def test_non_ascii_and_spaces_in_the_documents_path(repo: ScratchRepo, cli: Cli) -> None:
    files = "- `café/naïve.py` (2 lines)\n- `日本/データ.py`\n- `日本/無い.py`\n"
    work = {"café/naïve.py": "1\n2\n", "日本/データ.py": "1\n"}
    _session(repo, work, files, "docs/handoffs/sessión 2/hand off ✅.md")
    run = _lint(cli, repo.path / "docs")  # discovered, from a subfolder
    assert run.json()["documents"][-1]["path"] == "handoffs/sessión 2/hand off ✅.md"
    judged = _judged(run)
    assert judged["file:café/naïve.py"][0] == judged["lines:café/naïve.py"][0] == "verified"
    assert judged["file:日本/データ.py"][0] == "verified"
    assert judged["file:日本/無い.py"][:2] == ("refuted", "HL301")


def test_paths_with_spaces_are_claimed_whole(repo: ScratchRepo, cli: Cli) -> None:
    work = {"docs/release notes.md": "a\nb\nc\n", "docs/notes.md": "1\n" * 10}
    _session(repo, work, "- `docs/release notes.md` (3 lines)\n- `docs/no such file.md`\n")
    run = _lint(cli, repo.path, "SESSION_2_HANDOFF.md")
    assert "HL305" not in run.out
    judged = _judged(run)
    assert judged["lines:docs/release notes.md"][0] == "verified"
    assert judged["file:docs/no such file.md"][:2] == ("refuted", "HL301")


def test_dot_dot_paths_stay_inside_the_repository(
    repo: ScratchRepo, tmp_path: Path, cli: Cli
) -> None:
    (tmp_path / "outside.py").write_text("1\n2\n3\n", encoding="utf-8")
    outside = ["../../outside.py", "docs/../../outside.py", "../../../repo/../outside.py"]
    files = "".join(f"- `{p}` (3 lines)\n" for p in ["../a.py", *outside])
    _session(repo, {"a.py": "1\n2\n3\n"}, files, "docs/SESSION_2_HANDOFF.md")
    opened: list[str] = []
    active = [True]  # an audit hook cannot be removed: it records only while this is non-empty
    sys.addaudithook(lambda e, a: opened.append(str(a[0])) if active and e == "open" else None)
    judged = _judged(_lint(cli, repo.path, "docs/SESSION_2_HANDOFF.md"))
    active.clear()
    assert judged["file:../a.py"][0] == judged["lines:../a.py"][0] == "verified"  # docs/../a.py
    assert all(judged[f"{k}:{p}"][0] != "verified" for p in outside for k in ("file", "lines"))
    assert not [p for p in opened if "outside" in p]


# --- bad input -------------------------------------------------------------------------------

TRUE = H + "## Files Created\n\n- `a.py`\n\n## Notes\n\n"
SENTENCE = "The session refactored the batch runner and `a.py` kept its public API. "
LARGE = {
    "10 MB": TRUE + (SENTENCE * 14 + "\n\n") * 10_000,
    "100,000 lines": TRUE + "Plain notes line.\n\n" * 50_000,
    "a 1 MB line": TRUE + SENTENCE * 14_600 + "\n",
}


@pytest.mark.parametrize("size", [pytest.param("10 MB", marks=slow), *list(LARGE)[1:]])
def test_large_documents_are_processed(repo: ScratchRepo, cli: Cli, size: str) -> None:
    """The 10 MB one takes 8-11 s (about 40 us per source line, linear): marked slow."""
    repo.commit("work", {"a.py": "1\n"})
    (repo.path / "BIG_HANDOFF.md").write_text(LARGE[size], encoding="utf-8")
    run = _lint(cli, repo.path, "BIG_HANDOFF.md")
    assert run.code == 0 and "Traceback" not in run.err
    assert _judged(run)["file:a.py"][0] == "verified"


def test_empty_documents_get_clear_findings(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("work", {"a.py": "1\n"})
    (repo.path / "A_HANDOFF.md").write_bytes(b"")
    (repo.path / "B_HANDOFF.md").write_bytes(b"\n \n\t\n")
    run = _lint(cli, repo.path, "A_HANDOFF.md", "B_HANDOFF.md")
    assert run.code == 1 and "Traceback" not in run.err
    for doc in run.json()["documents"]:
        found = [(f["rule"], f["line"], f["message"]) for f in doc["findings"]]
        assert found == [("HL101", 1, "document: the document is empty")]  # one, not four


def test_ten_thousand_claims(repo: ScratchRepo, tmp_path: Path) -> None:
    repo.commit("handoff 1", FIRST)
    shas = [repo.commit(f"work {i}", {f"w{i}.py": "1\n"}) for i in range(10)]
    repo.commit("bulk", {f"src/m{i}.py": "x\n" * (i % 7 + 1) for i in range(300)})
    doc = [H, "## Commits\n"] + [f"- {sha[:7]} work {i}" for i, sha in enumerate(shas)]
    doc += [f"- {i:05d}ab made up" for i in range(2_490)] + ["", "## Files Created", ""]
    doc += [f"- `src/m{i}.py` ({i % 7 + 1} lines)" for i in range(300)]
    doc += [f"- `gone{i}.py`" for i in range(200)] + ["", "## Tests", ""]
    doc += [f"- suite {i}: {i}/{i + 1} tests passing" for i in range(6_700)]
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": "\n".join(doc) + "\n"})
    trace, started = tmp_path / "trace", time.monotonic()
    env = {**repo.env, "GIT_TRACE": str(trace)}
    done = _proc(repo.path, env, "check", "--format", "json", "SESSION_2_HANDOFF.md")
    assert time.monotonic() - started < 30 and done.returncode == 1, done.stderr
    found = json.loads(done.stdout)["documents"][0]["claims"]
    assert len(found) >= 10_000 and sum(c["verdict"] == "verified" for c in found) >= 610
    assert sum("built-in: git" in line for line in trace.read_text().splitlines()) <= 25


@pytest.mark.parametrize("token", ["abc1234", "3/4 (75%)"])
def test_a_long_line_of_claims_is_processed_in_bounded_time(
    repo: ScratchRepo, tmp_path: Path, token: str
) -> None:
    line = "- " + " ".join([token] * (128_000 // (len(token) + 1)))
    (tmp_path / "LONG_HANDOFF.md").write_text(H + line + "\n", encoding="utf-8")
    try:
        done = _proc(tmp_path, repo.env, "check", "--no-git", "LONG_HANDOFF.md", timeout=5)
    except subprocess.TimeoutExpired:
        pytest.fail("a 128 KB line was not processed in 5 s")
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr


NESTED = {
    "500-level list": "".join("  " * i + f"- `n{i}.py`\n" for i in range(500)),
    "500 quote markers": ">" * 500 + " - `deep.py` and 9f3e1a7\n",
    "500 nested quotes": "".join(">" * i + f" - `q{i}.py`\n" for i in range(1, 501)),
}


@pytest.mark.parametrize("shape", list(NESTED))
def test_deep_nesting(repo: ScratchRepo, cli: Cli, shape: str) -> None:
    repo.commit("work", {"a.py": "1\n"})
    text = H + "## Files Created\n\n" + NESTED[shape] + "\n\nafter\n\n- `a.py`\n"
    repo.write("DEEP_HANDOFF.md", text)
    run = _lint(cli, repo.path, "DEEP_HANDOFF.md")
    assert run.code in (0, 1) and "Traceback" not in run.err and "HL902" not in run.out
    lines = text.split("\n")
    for claim in claims_of(run):  # every claim found points at its own text
        assert lines[claim["line"] - 1][claim["column"] - 1 :].startswith(claim["text"]), claim
    assert _judged(run)["file:a.py"][0] == "verified"
    deep = [f for f in run.json()["documents"][0]["findings"] if f["rule"] == "HL905"]
    assert len(deep) == 1 and "not checked" in deep[0]["message"]


@pytest.mark.parametrize(
    ("levels", "warned"), [(19, False), (20, False), (21, True)], ids=["19", "20", "21"]
)
def test_claims_down_to_the_nesting_limit_are_checked(
    repo: ScratchRepo, cli: Cli, levels: int, warned: bool
) -> None:
    files = {f"n{i}.py": "1\n" for i in range(levels)}
    repo.commit("work", files)
    nested = "".join("  " * i + f"- `n{i}.py`\n" for i in range(levels))
    repo.write("DEEP_HANDOFF.md", H + "## Files Created\n\n" + nested)
    run = _lint(cli, repo.path, "DEEP_HANDOFF.md")
    judged = _judged(run)
    checked = [f"n{i}.py" for i in range(levels) if f"file:n{i}.py" in judged]
    assert checked == [f"n{i}.py" for i in range(min(levels, 20))]
    rules = [f["rule"] for f in run.json()["documents"][0]["findings"]]
    assert ("HL905" in rules) is warned


def test_unterminated_code_fence_and_front_matter(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("work", {"a.py": "1\n"})
    true = H + "## Files Created\n\n- `a.py`\n"
    repo.write("F_HANDOFF.md", true + "\n```text\ncommit 9f3e1a7\n- `nope.py`\n")
    run = _lint(cli, repo.path, "F_HANDOFF.md")  # the fence runs to the end: no claims in it
    assert run.code == 0 and set(_judged(run)) == {"date:2025-11-13", "file:a.py"}
    repo.write("M_HANDOFF.md", "---\ntitle: x\nbranch: main\n" + true)
    run = _lint(cli, repo.path, "M_HANDOFF.md")
    found = run.json()["documents"][0]["findings"]
    assert [(f["line"], f["column"]) for f in found if f["rule"] == "HL103"] == [(1, 1)]
    assert run.code == 1 and "Traceback" not in run.err


# --- concurrency, read-only, option injection ------------------------------------------------


def test_parallel_runs_and_read_only_commands_change_nothing(
    repo: ScratchRepo, tmp_path: Path, cli: Cli
) -> None:
    repo.commit("handoff 1", FIRST)
    repo.commit("work", {"b.py": "1\n", "d.py": "1\n"})
    repo.write("SESSION_2_HANDOFF.md", H + "## Files Created\n\n- `b.py`\n- `c.py`\n")
    repo.git("add", "SESSION_2_HANDOFF.md")
    repo.write("d.py", "dirty\n")
    os.utime(repo.path / "b.py", (1, 1))  # same content, stale stat: a refresh rewrites the index
    before = _snapshot(repo)
    command = [sys.executable, "-m", "handoff_lint", "check", "--staged", "--format", "json"]
    pipe = subprocess.PIPE
    runs = [
        subprocess.Popen(command, cwd=repo.path, env=repo.env, stdout=pipe, stderr=pipe, text=True)
        for _ in range(4)
    ]
    results = [(*run.communicate(timeout=60), run.returncode) for run in runs]
    assert {code for _, _, code in results} == {1} and len({out for out, _, _ in results}) == 1
    assert all(err == "" for _, err, _ in results)
    assert _snapshot(repo) == before
    html, baseline = str(tmp_path / "a.html"), str(tmp_path / "b.json")
    for args in (("facts",), ("audit", "--html", html), ("check", "--diff", "HEAD~1...HEAD"),
                 ("check", "--write-baseline", baseline)):  # fmt: skip
        assert cli(*args, cwd=repo.path).code in (0, 1) and _snapshot(repo) == before, args
    (repo.path / ".git" / "index.lock").write_bytes(b"")  # git commit holds it while hooks run
    assert cli("check", "--staged", cwd=repo.path).code == 1 and _snapshot(repo) == before


def test_option_like_claims_never_reach_git_as_options(repo: ScratchRepo, tmp_path: Path) -> None:
    out, pwned = tmp_path / "out", tmp_path / "pwned"
    bad = [f"--output={out}", f"-c core.pager=touch {pwned}", f"--exec=touch {pwned}"]
    files = "- `-n.py` (3 lines)\n- `--output=x.py`\n- `-ofoo.py` (3 lines)\n"
    _session(repo, {"-n.py": "1\n2\n3\n"}, files, "--output=x_HANDOFF.md")
    front = f"---\nbranch: '{bad[0]}'\nfiles_created: {json.dumps(bad)}\n---\n"
    doc = repo.path / "--output=x_HANDOFF.md"
    repo.commit("front matter", {doc.name: front + doc.read_text(encoding="utf-8")})
    runs = [("check", "--format", "json"), ("check", "--staged"), ("audit",), ("facts",)]
    runs += [("check", f"--since={b}", "--", "--output=x_HANDOFF.md") for b in bad]
    runs += [("check", "--diff", bad[0]), ("check", "--", "--output=x_HANDOFF.md")]
    for args in runs:
        done = _proc(repo.path, repo.env, *args)
        assert done.returncode in (0, 1, 2) and "Traceback" not in done.stderr, (args, done.stderr)
        assert not out.exists() and not pwned.exists() and not (repo.path / "x_HANDOFF.md").exists()
    judged = _judged(_proc(repo.path, repo.env, "check", "--format", "json"))
    assert judged["file:-n.py"][0] == judged["lines:-n.py"][0] == "verified"
    # no such branch, and nothing says which branch held the session (it is on main)
    assert judged[f"branch:{bad[0]}"][:2] == ("unverifiable", "HL901")
    assert all(judged[f"file:{b}"][:2] == ("refuted", "HL301") for b in bad)


@pytest.mark.parametrize("command", [("facts",), ("check", "SESSION_1_HANDOFF.md")])
def test_a_since_that_names_no_commit_is_a_usage_error(
    repo: ScratchRepo, tmp_path: Path, command: tuple[str, ...]
) -> None:
    repo.commit("handoff 1", FIRST)
    since = f"--since=--output={tmp_path / 'out'}"
    done = _proc(repo.path, repo.env, command[0], since, *command[1:])
    assert not (tmp_path / "out").exists() and "Traceback" not in done.stderr
    assert done.returncode == 2 and "does not name a commit" in done.stderr


def test_many_documents_do_not_pile_up_processes(repo: ScratchRepo) -> None:
    """Commands started early for a document (here: the commit that added it, unused because
    front matter names the head) end with the document: 60 documents under a limit of 48 open
    files, which 60 waiting processes (two pipes each) would exceed."""
    import resource

    head = repo.commit("work", {"a.py": "1\n"})
    doc = f"---\nhead: {head}\n---\n" + H + "## Files Created\n\n- `a.py`\n"
    repo.commit("handoffs", {f"docs/handoffs/agent-{i:02d}-HANDOFF.md": doc for i in range(60)})

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (48, 48))

    done = subprocess.run(
        [sys.executable, "-m", "handoff_lint", "check", "--format", "json"],
        cwd=repo.path,
        env=repo.env,
        capture_output=True,
        text=True,
        preexec_fn=limit,
        timeout=120,
    )
    assert "HL902" not in done.stdout and "Traceback" not in done.stderr, done.stderr[-500:]
    assert done.returncode == 0 and json.loads(done.stdout)["summary"]["documents"] == 60
