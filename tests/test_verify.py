"""Verdicts against real temporary git repositories: true and false claims of every kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, Run, claims_of, verdicts

HEAD = "# Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\n"
PREVIOUS = "# Session 1 Handoff\n\n**Date:** 2025-11-10\n\n## Summary\n\n- Commit history only.\n"


def history(repo: ScratchRepo) -> dict[str, str]:
    """A previous handoff, then a session with a create, modify, rename, delete and a merge."""
    repo.commit(
        "Initial skeleton",
        {
            "README.md": "# x\n",
            "src/old.py": "OLD = 1\n",
            "src/gone.py": "GONE = 1\n",
            "src/untouched.py": "U = 1\n",
        },
        when="2025-11-10T09:00:00+00:00",
    )
    repo.commit(
        "Session 1 handoff", {"SESSION_1_HANDOFF.md": PREVIOUS}, when="2025-11-10T10:00:00+00:00"
    )
    ids = {
        "c2": repo.commit(
            "Add module a",
            {"src/a.py": "A = 1\nB = 2\n", "README.md": "# x\n\nmore\n"},
            when="2025-11-13T09:00:00+00:00",
        )
    }
    repo.git("mv", "src/old.py", "src/new.py")
    ids["c3"] = repo.commit("Rename old module", when="2025-11-13T10:00:00+00:00")
    ids["c4"] = repo.commit(
        "Remove gone module", remove=["src/gone.py"], when="2025-11-13T11:00:00+00:00"
    )
    repo.git("checkout", "-q", "-b", "feature")
    repo.commit("Add feature", {"src/feat.py": "F = 1\n"}, when="2025-11-13T12:00:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge branch 'feature'", "feature")
    ids["merge"] = repo.git("rev-parse", "HEAD")
    ids["tree"] = repo.git("rev-parse", "HEAD^{tree}")
    return ids


def session_doc(ids: dict[str, str]) -> str:
    return f"""# Session 2 Handoff

**Date:** 2025-11-13
**Branch:** `main`

## Summary

- Tests: 10/12 passing (83.3%), earlier 10/12 passing (85%)
- **Branch:** `feature-typo`

## Commits

- {ids["c2"][:7]} Add module a
  - 2 files changed, 4 insertions(+)
- {ids["c3"][:7]} Migrate the database schema to postgres
- {ids["c4"][:8]} Remove gone module
  - 4 files changed, 10 insertions(+)
- 1234abc Add the retry logic
- {ids["tree"][:7]} Looks like a commit
- {ids["merge"][:7]} Merge branch 'feature'

## Files Created

- `src/a.py`
- `src/nothere.py`
- `README.md`
- `src/feat.py`

## Files Modified

- `README.md`
- `src/untouched.py`

## Files Deleted

- `src/gone.py`
- `src/a.py`

## Other

- Renamed `src/old.py` → `src/new.py`
"""


EXPECTED = {
    ("date", "2025-11-13"): "verified",
    ("branch", "main"): "verified",
    ("branch", "feature-typo"): "refuted",
    ("commit", "c2"): "verified",
    ("commit", "c3"): "refuted",
    ("commit", "c4"): "verified",  # its stat, on the line below, is what is wrong
    ("stats", "4 files changed, 10 insertions(+)"): "refuted",
    ("commit", "1234abc"): "refuted",
    ("commit", "tree"): "refuted",
    ("commit", "merge"): "verified",
    ("file", "src/nothere.py"): "refuted",
    ("file", "src/feat.py"): "verified",
    ("file", "src/untouched.py"): "refuted",
    ("file", "src/gone.py"): "verified",
    ("file", "src/new.py"): "verified",
}


@pytest.fixture
def session(repo: ScratchRepo) -> tuple[ScratchRepo, dict[str, str]]:
    ids = history(repo)
    repo.commit(
        "Add session 2 handoff",
        {"SESSION_2_HANDOFF.md": session_doc(ids)},
        when="2025-11-13T13:00:00+00:00",
    )
    return repo, ids


def test_every_kind_true_and_false(session: tuple[ScratchRepo, dict[str, str]], cli: Cli) -> None:
    repo, ids = session
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert run.code == 1
    got = verdicts(run)
    lengths = {"c4": 8}
    for (kind, key), verdict in EXPECTED.items():
        text = ids[key][: lengths.get(key, 7)] if key in ids else key
        assert got[(kind, text)] == verdict, (kind, key)
    by_line = {(c["kind"], c["line"]): c for c in claims_of(run)}
    assert by_line[("file", 24)]["verdict"] == "verified"  # src/a.py created
    assert by_line[("file", 26)]["verdict"] == "refuted"  # README.md was modified, not created
    assert by_line[("file", 31)]["verdict"] == "verified"  # README.md modified
    assert by_line[("file", 37)]["verdict"] == "refuted"  # src/a.py not deleted
    ratios = {c["column"]: c["verdict"] for c in claims_of(run) if c["kind"] == "tests"}
    assert sorted(ratios.values()) == ["refuted", "unverifiable"]


def test_findings_name_rule_position_and_fix(
    session: tuple[ScratchRepo, dict[str, str]], cli: Cli
) -> None:
    repo, ids = session
    run = cli("check", "SESSION_2_HANDOFF.md", cwd=repo.path)
    lines = run.out.splitlines()
    assert "SESSION_2_HANDOFF.md:18:3: HL201 [error] commit claim '1234abc'" in "\n".join(lines)
    subject = next(line for line in lines if "HL205" in line)
    assert "'Rename old module'" in subject and subject.startswith("SESSION_2_HANDOFF.md:15:3:")
    stats = next(line for line in lines if "HL206" in line)
    assert "4 files claimed, git says 1" in stats and stats.startswith("SESSION_2_HANDOFF.md:17:5:")
    assert any("HL202" in line and "is a tree" in line for line in lines)
    assert any("HL302" in line and "README.md" in line for line in lines)
    assert any("HL304" in line and "src/a.py" in line for line in lines)
    assert any("HL301" in line and "src/untouched.py" in line for line in lines)
    assert any("HL401" in line and "83.33%, not 85%" in line for line in lines)
    assert any("HL502" in line and "did you mean feature?" in line for line in lines)
    window = f"{ids['merge'][:12]}"
    assert (
        "since the previous handoff document" in run.out
        and window not in run.out.split("window ")[1][:12]
    )


def test_window_starts_after_previous_handoff(
    session: tuple[ScratchRepo, dict[str, str]], cli: Cli
) -> None:
    repo, _ = session
    doc = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path).json()[
        "documents"
    ][0]
    previous = repo.git("log", "--format=%H", "-1", "--", "SESSION_1_HANDOFF.md")
    assert doc["window"]["base"] == previous
    assert doc["window"]["head"] == repo.git("rev-parse", "HEAD")


def test_fabricated_commit_gets_did_you_mean(repo: ScratchRepo, cli: Cli) -> None:
    real = repo.commit("Implement Tests #66", {"t.py": "x = 1\n"})
    repo.commit(
        "handoff",
        {
            "HANDOFF.md": '# H\n\n**Date:** 2025-11-13\n\n## Summary\n\n- **Commit 57a2032**: "Implement Tests #66"\n'
        },
    )
    run = cli("check", "HANDOFF.md", cwd=repo.path)
    # the one commit of the session with this subject: the fix --unsafe-fixes applies
    assert f"(write {real[:7]}, the session's one commit 'Implement Tests #66')" in run.out
    assert "1 unsafe fix(es) available: --fix --unsafe-fixes applies them" in run.out


def test_wrong_date_is_refuted(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("work", {"a.py": "1\n"}, when="2025-10-24T10:00:00+00:00")
    repo.commit(
        "handoff",
        {"HANDOFF.md": "# H\n\n**Date**: 2025-01-24\n\n## Summary\n\n- `a.py` added\n"},
        when="2025-10-24T11:00:00+00:00",
    )
    run = cli("check", "HANDOFF.md", cwd=repo.path)
    assert "HL501" in run.out and "did you mean 2025-10-24?" in run.out


def test_staged_document_includes_staged_changes(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("first", {"a.py": "1\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": PREVIOUS})
    repo.commit("second", {"b.py": "2\n"})
    repo.write("c.py", "3\n")
    repo.write("SESSION_2_HANDOFF.md", "# S2\n\n## Files Created\n\n- `b.py`\n- `c.py`\n- `a.py`\n")
    repo.git("add", "c.py", "SESSION_2_HANDOFF.md")
    run = cli("check", "--format", "json", "--staged", cwd=repo.path)
    doc = run.json()["documents"][0]
    assert doc["path"] == "SESSION_2_HANDOFF.md" and doc["window"]["staged"] is True
    assert verdicts(run) == {
        ("file", "b.py"): "verified",
        ("file", "c.py"): "verified",
        ("file", "a.py"): "refuted",
    }


def test_first_handoff_covers_whole_history(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("one", {"a.py": "1\n"})
    repo.commit("two", {"HANDOFF.md": "# H\n\n## Files Created\n\n- `a.py`\n"})
    doc = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path).json()["documents"][0]
    assert doc["window"]["base"] is None and "first handoff" in doc["window"]["how"]
    assert doc["claims"][0]["verdict"] == "verified"


def test_since_overrides_the_window(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("one", {"a.py": "1\n"})
    base = repo.commit("two", {"b.py": "1\n"})
    repo.commit("three", {"HANDOFF.md": "# H\n\n## Files Created\n\n- `a.py`\n"})
    run = cli("check", "--format", "json", "--since", base[:9], "HANDOFF.md", cwd=repo.path)
    assert run.json()["documents"][0]["window"]["base"] == base
    assert verdicts(run) == {("file", "a.py"): "refuted"}
    front = "---\nbase: HEAD~1\n---\n# H\n\n## Files Created\n\n- `b.py`\n"
    repo.commit("four", {"H2_HANDOFF.md": front})
    assert verdicts(cli("check", "--format", "json", "H2_HANDOFF.md", cwd=repo.path)) == {
        ("file", "b.py"): "refuted"
    }


def test_unreachable_commit_is_information_not_an_error(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("one", {"a.py": "1\n"})
    repo.git("checkout", "-q", "-b", "tmp")
    # its own author date: a commit with another's date would be that one's rebased copy
    lost = repo.commit("lost work", {"b.py": "1\n"}, when="2025-11-13T11:00:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.git("branch", "-q", "-D", "tmp")
    text = HEAD + f"## Commits\n\n- {lost[:7]} lost work\n"
    repo.commit("handoff", {"HANDOFF.md": text}, when="2025-11-13T12:00:00+00:00")
    run = cli("check", "-v", "HANDOFF.md", cwd=repo.path)
    assert "HL204 [info]" in run.out and run.code == 0
    # a tag (or a pull-request ref) keeps it: any ref makes it findable
    repo.git("tag", "kept", lost)
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    assert [c["verdict"] for c in claims_of(run) if c["kind"] == "commit"] == ["verified"]


def test_ambiguous_prefix_is_reported(repo: ScratchRepo) -> None:
    from handoff_lint.claims import commit
    from handoff_lint.git.evidence import Evidence
    from handoff_lint.git.gitcmd import Git
    from handoff_lint.git.repo import lookup_objects
    from handoff_lint.model import Claim, Window

    files = [repo.write(f"f{i}.txt", f"{i}\n") for i in range(1200)]
    shas = repo.git("hash-object", "-w", *map(str, files)).split()
    prefix = next(s[:4] for s in shas if sum(t.startswith(s[:4]) for t in shas) > 1)
    assert lookup_objects(Git(repo.path), [prefix])[prefix].status == "ambiguous"
    claim = Claim("commit", prefix, 1, 1, {"hash": prefix})
    evidence = Evidence(window=Window(None, None))
    evidence.objects = lookup_objects(Git(repo.path), [prefix])
    commit.verify([claim], evidence)
    assert (claim.verdict, claim.rule) == ("unverifiable", "HL203")


def test_shallow_clone_makes_old_commits_unverifiable(
    repo: ScratchRepo, tmp_path: Path, cli: Cli
) -> None:
    old = repo.commit("old", {"a.py": "1\n"})
    repo.commit("handoff", {"HANDOFF.md": HEAD + f"## Commits\n\n- {old[:7]} old\n"})
    clone = tmp_path / "shallow"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.path}", str(clone))
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=clone)
    claim = next(c for c in claims_of(run) if c["kind"] == "commit")
    assert (
        claim["verdict"] == "unverifiable"
        and claim["fix"] == "fetch the full history: fetch-depth: 0"
    )
    assert run.code == 0
    assert "warning: 2 of 2 claims are unverifiable; this is a shallow clone" in run.err
    assert "fetch-depth: 0" in run.err and run.out.startswith("{")  # the JSON stays clean

    # a gate asks for the whole history: exit 2, by flag or by configuration
    gate = cli("check", "--require-history", "HANDOFF.md", cwd=clone)
    assert gate.code == 2 and "shallow clone" in gate.err
    (clone / ".handoff-lint.toml").write_text("require_history = true\n", encoding="utf-8")
    assert cli("check", "HANDOFF.md", cwd=clone).code == 2
    assert cli("check", "HANDOFF.md", cwd=repo.path).err == ""  # not shallow: no warning


def test_staged_mode_lints_the_staged_content_not_the_working_file(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("first", {"a.py": "1\n"})
    repo.write("SESSION_2_HANDOFF.md", HEAD + "## Commits\n\n- 1234abc made up\n")
    repo.git("add", "SESSION_2_HANDOFF.md")
    repo.write("SESSION_2_HANDOFF.md", HEAD + "## Files Created\n\n- `a.py`\n")
    staged = cli("check", "--staged", cwd=repo.path)
    assert staged.code == 1 and "HL201" in staged.out
    assert cli("check", "SESSION_2_HANDOFF.md", cwd=repo.path).code == 0


def test_previous_handoff_committed_with_work_starts_the_window_before_it(
    repo: ScratchRepo, cli: Cli
) -> None:
    repo.commit("old", {"old.py": "1\n"})
    first = repo.commit(
        "session 2 work + session 1 handoff", {"a.py": "1\n", "SESSION_1_HANDOFF.md": PREVIOUS}
    )
    repo.commit(
        "session 2 handoff",
        {"SESSION_2_HANDOFF.md": HEAD + "## Files Created\n\n- `a.py`\n- `old.py`\n"},
    )
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert run.json()["documents"][0]["window"]["base"] == repo.git("rev-parse", f"{first}^")
    assert verdicts(run) == {
        ("date", "2025-11-13"): "verified",
        ("file", "a.py"): "verified",
        ("file", "old.py"): "refuted",
    }


def test_same_session_draft_does_not_end_the_window(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("s5", {"SESSION_5_SUMMARY.md": PREVIOUS})
    repo.commit("work", {"a.py": "1\n"})
    repo.commit("draft", {"SESSION_6_SUMMARY.md": PREVIOUS})
    repo.commit("final", {"SESSION_6_FINAL_SUMMARY.md": HEAD + "## Files Created\n\n- `a.py`\n"})
    run = cli("check", "--format", "json", "SESSION_6_FINAL_SUMMARY.md", cwd=repo.path)
    assert verdicts(run)[("file", "a.py")] == "verified"


def test_window_widens_to_the_oldest_cited_commit(repo: ScratchRepo, cli: Cli) -> None:
    cited = repo.commit("early work", {"a.py": "1\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": PREVIOUS})
    doc = HEAD + f"## Commits\n\n- {cited[:7]} early work\n\n## Files Created\n\n- `a.py`\n"
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert "oldest cited commit" in run.json()["documents"][0]["window"]["how"]
    assert verdicts(run)[("file", "a.py")] == "verified"


def test_rebased_commit_is_named(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("one", {"a.py": "1\n"})
    repo.git("checkout", "-q", "-b", "topic")
    old = repo.commit("Add the parser", {"p.py": "1\n"})
    repo.git("checkout", "-q", "main")
    repo.when = "2025-11-13T15:00:00+00:00"  # a new committer date: a different commit
    repo.git("cherry-pick", old)
    new = repo.git("rev-parse", "HEAD")
    repo.git("branch", "-q", "-D", "topic")
    repo.commit("handoff", {"HANDOFF.md": HEAD + f"## Commits\n\n- {old[:7]} Add the parser\n"})
    run = cli("check", "-v", "HANDOFF.md", cwd=repo.path)
    assert f"probably rebased or squashed as {new[:7]} 'Add the parser'" in run.out
    # the citation was true before the rewrite: information, not a warning
    assert "HL901 [info]" in run.out and "HL204" not in run.out and run.code == 0


def test_latest_commit_role(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": PREVIOUS})
    first = repo.commit("first", {"a.py": "1\n"})
    last = repo.commit("second", {"b.py": "1\n"})
    doc = HEAD + f"- **Latest commit**: `{first[:7]}`\n- **Last commit**: `{last[:7]}`\n"
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    got = {
        c["text"]: (c["verdict"], c["rule"])
        for c in run.json()["documents"][0]["claims"]
        if c["kind"] == "commit"
    }
    assert got == {first[:7]: ("refuted", "HL207"), last[:7]: ("verified", None)}
    assert run.code == 0  # HL207 is a warning


def test_branch_must_hold_the_session(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("one", {"a.py": "1\n"})
    repo.git("checkout", "-q", "-b", "feature/x")
    repo.commit(
        "handoff",
        {"HANDOFF.md": HEAD + "- **Branch:** `main`\n- **Working branch:** `feature/x`\n"},
    )
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    got = {
        c["text"]: (c["verdict"], c["rule"])
        for c in run.json()["documents"][0]["claims"]
        if c["kind"] == "branch"
    }
    assert got == {"main": ("refuted", "HL503"), "feature/x": ("verified", None)}


def _branch_verdicts(run: Run) -> dict[str, tuple[str, str | None]]:
    return {
        c["text"]: (c["verdict"], c["rule"])
        for c in run.json()["documents"][0]["claims"]
        if c["kind"] == "branch"
    }


def test_a_branch_deleted_after_a_squash_merge_is_not_a_lie(repo: ScratchRepo, cli: Cli) -> None:
    """The work landed on main as one squashed commit and its branch is gone: nothing in git
    names the branch, so the claim can be neither confirmed nor refuted."""
    repo.commit("one", {"a.py": "1\n"})
    repo.commit("Fix the parser (#12)", {"a.py": "2\n"})
    repo.commit(
        "handoff", {"HANDOFF.md": HEAD + "- **Branch:** `fix/parser` (deleted after merge)\n"}
    )
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    assert _branch_verdicts(run) == {"fix/parser": ("unverifiable", "HL901")}


def test_a_missing_branch_is_refuted_when_git_names_the_real_one(
    repo: ScratchRepo, cli: Cli
) -> None:
    """The session's commits came in through a pull request from another branch; and a session
    still on its own unmerged branch."""
    repo.commit("one", {"a.py": "1\n"}, when="2025-11-13T09:00:00+00:00")
    repo.git("checkout", "-q", "-b", "agent/audit-budget")
    repo.commit("audit", {"b.py": "1\n"}, when="2025-11-13T10:00:00+00:00")
    repo.commit(
        "handoff", {"HANDOFF.md": HEAD + "- **Branch:** `work`\n"}, when="2025-11-13T11:00:00+00:00"
    )
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    assert _branch_verdicts(run) == {"work": ("refuted", "HL502")}
    assert "on agent/audit-budget" in run.json()["documents"][0]["claims"][-1]["reason"]
    repo.git("checkout", "-q", "main")
    repo.when = "2025-11-13T12:00:00+00:00"
    message = "Merge pull request #7 from acme/agent/audit-budget"
    repo.git("merge", "-q", "--no-ff", "-m", message, "agent/audit-budget")
    repo.git("branch", "-q", "-D", "agent/audit-budget")
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    assert _branch_verdicts(run) == {"work": ("refuted", "HL502")}
    assert "merged from agent/audit-budget" in run.json()["documents"][0]["claims"][-1]["reason"]


def test_a_branch_merged_into_dev_then_main_is_named_by_its_own_merge(
    repo: ScratchRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """feature -> dev (pull request #7) -> main, the feature branch deleted, the merges older
    than the recent history read: the merge that brought the session in is the innermost one
    (#7, naming the branch claimed), not main's merge of dev."""
    from handoff_lint.git import repo as repo_module

    monkeypatch.setattr(repo_module, "RECENT_LIMIT", 1)
    repo.commit("one", {"a.py": "1\n"}, when="2025-11-13T09:00:00+00:00")
    repo.git("checkout", "-q", "-b", "dev")
    repo.git("checkout", "-q", "-b", "feat/audit")
    repo.commit("audit", {"b.py": "1\n"}, when="2025-11-13T10:00:00+00:00")
    doc = HEAD + "- **Branch:** `feat/audit`\n"
    repo.commit("handoff", {"HANDOFF.md": doc}, when="2025-11-13T11:00:00+00:00")
    for into, source, message in (
        ("dev", "feat/audit", "Merge pull request #7 from acme/feat/audit"),
        ("main", "dev", "Merge branch 'dev'"),
    ):
        repo.git("checkout", "-q", into)
        repo.commit(f"more on {into}", {f"{into}.txt": "x\n"}, when="2025-11-13T12:00:00+00:00")
        repo.git("merge", "-q", "--no-ff", "-m", message, source)
    repo.git("branch", "-q", "-D", "feat/audit", "dev")
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    assert _branch_verdicts(run) == {"feat/audit": ("verified", None)}, run.out


def test_amended_commit_is_found_by_author_date(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("one", {"a.py": "1\n"})
    first = repo.commit("Add the parsr", {"p.py": "1\n"}, when="2025-11-13T10:11:12+00:00")
    repo.when = "2025-11-13T11:00:00+00:00"  # amend keeps the author date, changes the committer
    repo.git("commit", "-q", "--amend", "-m", "Add the parser")
    amended = repo.git("rev-parse", "HEAD")
    repo.commit("handoff", {"HANDOFF.md": HEAD + f"## Commits\n\n- {first[:7]} Add the parsr\n"})
    run = cli("check", "-v", "HANDOFF.md", cwd=repo.path)
    assert f"probably rebased or squashed as {amended[:7]} 'Add the parser'" in run.out


@pytest.mark.parametrize(
    ("distance", "expected"),
    [(3, "previous"), (12, "previous"), (30, "cut")],
    ids=["within the near search", "within the far bound", "beyond it"],
)
def test_previous_handoff_search_looks_near_then_far(
    repo: ScratchRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch, distance: int, expected: str
) -> None:
    from handoff_lint.session import window

    monkeypatch.setattr(window, "NEAR_SEARCH", 5)
    monkeypatch.setattr(window, "WINDOW_SEARCH", 20)
    minute = iter(range(100))  # one commit a minute: --since bounds the search by date

    def when() -> str:
        return f"2025-11-13T{10 + (m := next(minute)) // 60:02d}:{m % 60:02d}:00+00:00"

    previous = repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": PREVIOUS}, when())
    for i in range(distance):
        repo.commit(f"work {i}", {"work.txt": f"{i}\n"}, when())
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": HEAD}, when())
    data = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path).json()
    found = data["documents"][0]["window"]
    if expected == "previous":
        assert found["base"] == previous and found["previous"] == "SESSION_1_HANDOFF.md"
        assert found["how"] == "since the previous handoff document SESSION_1_HANDOFF.md"
    else:
        assert found["base"] == repo.git("rev-parse", "HEAD~21") and found["previous"] is None
        assert found["how"].startswith("the last 20 first-parent commits")


def test_near_search_never_prefers_an_older_handoff_merged_late(
    repo: ScratchRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An old side branch that added SESSION_1 is merged after SESSION_2: the window of SESSION_3
    still starts at SESSION_2 (the newest handoff by date), as a search over all of it would."""
    from handoff_lint.session import window

    monkeypatch.setattr(window, "NEAR_SEARCH", 5)
    minute = iter(range(100))

    def when() -> str:
        return f"2025-11-13T{10 + (m := next(minute)) // 60:02d}:{m % 60:02d}:00+00:00"

    repo.commit("root", {"README.md": "r\n"}, when())
    repo.git("checkout", "-q", "-b", "side")
    repo.commit("old handoff", {"SESSION_1_HANDOFF.md": PREVIOUS}, when())
    repo.git("checkout", "-q", "main")
    second = repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": PREVIOUS}, when())
    for i in range(8):
        repo.commit(f"work {i}", {"work.txt": f"{i}\n"}, when())
    repo.git("merge", "-q", "--no-ff", "-m", "merge side", "side")
    repo.commit("handoff 3", {"SESSION_3_HANDOFF.md": HEAD}, when())
    data = cli("check", "--format", "json", "SESSION_3_HANDOFF.md", cwd=repo.path).json()
    assert data["documents"][0]["window"]["base"] == second


def test_work_merged_from_the_documents_branch_before_the_window(
    repo: ScratchRepo, cli: Cli
) -> None:
    """A log updated on the session's branch: the session's work reached main through an earlier
    pull request from that same branch, before the log's previous version."""
    repo.commit("one", {"a.py": "1\n"}, when="2025-11-13T09:00:00+00:00")
    repo.git("checkout", "-q", "-b", "agent/work")
    repo.commit("tools", {"tools.ts": "x\n"}, when="2025-11-13T09:10:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.when = "2025-11-13T09:20:00+00:00"
    repo.git(
        "merge", "-q", "--no-ff", "-m", "Merge pull request #1 from acme/agent/work", "agent/work"
    )
    repo.commit(
        "docs: log", {"HANDOFF.md": HEAD + "- Started.\n"}, when="2025-11-13T09:30:00+00:00"
    )
    repo.git("checkout", "-q", "agent/work")
    repo.git("merge", "-q", "--ff-only", "main")
    text = (
        HEAD + "- **Branch:** `agent/work`\n\n## Files Modified\n\n- `tools.ts` (parallel calls)\n"
    )
    repo.commit("docs: log the session", {"HANDOFF.md": text}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    files = {c["text"]: c["verdict"] for c in claims_of(run) if c["kind"] == "file"}
    assert files == {"tools.ts": "verified"}


def _session_2(repo: ScratchRepo, cli: Cli, body: str) -> list[tuple[dict[str, str], str]]:
    """The history of ``history`` and a second handoff of HEAD + ``body``: (claim, verdict)."""
    history(repo)
    doc = HEAD + body
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T13:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    return [(c, c["verdict"]) for c in claims_of(run)]


def test_a_table_of_files_by_its_shape(repo: ScratchRepo, cli: Cli) -> None:
    """ "| `src/lib/x.py` | what it is for |" with no File column: each path must exist; one
    that never existed, in a new folder of a known one, is refuted; a description that starts
    with "Added" is not a file action."""
    body = (
        "Modules added today:\n\n| Module | Use for |\n|---|---|\n"
        "| `src/a.py` | Added the A helpers |\n| `src/untouched.py` | unchanged helper |\n"
        "| `src/admin/scan.py` | never written |\n"
    )
    found = [(c["text"], v) for c, v in _session_2(repo, cli, body) if c["kind"] == "file"]
    assert found == [
        ("src/a.py", "verified"),
        ("src/untouched.py", "verified"),
        ("src/admin/scan.py", "refuted"),
    ]


def test_a_date_in_an_emphasised_footer(repo: ScratchRepo, cli: Cli) -> None:
    """ "*Session completed: January 9, 2025*" at the end is a session date like "**Date:**"."""
    body = "Work.\n\n---\n\n*Session completed: January 9, 2025*\n"
    found = [(c["text"], v) for c, v in _session_2(repo, cli, body) if c["kind"] == "date"]
    assert found == [("2025-11-13", "verified"), ("January 9, 2025", "refuted")]


def test_removing_something_from_a_file_is_not_deleting_it(repo: ScratchRepo, cli: Cli) -> None:
    """ "`src/a.py` - Removed createRequire" and "Removed `x` from `src/a.py`" changed the
    file; "`src/gone.py` - Removed" deleted it. Work under "Blocker 1: ... ✅ FIXED" is done
    work, so its commit list is checked."""
    body = (
        "### P0 Blocker 1: the loader - ✅ FIXED\n\n**Commits:**\n- `d3adb33` - fix the loader\n\n"
        "- Removed `load()` from `src/a.py`\n\n## Files Modified\n\n"
        "- `src/a.py` - Removed createRequire\n- `src/gone.py` - Removed\n"
    )
    got = [(c["kind"], c["text"], v) for c, v in _session_2(repo, cli, body) if c["kind"] != "date"]
    assert got == [
        ("commit", "d3adb33", "refuted"),
        ("file", "src/a.py", "verified"),
        ("file", "src/a.py", "verified"),
        ("file", "src/gone.py", "verified"),
    ]


@pytest.mark.parametrize(
    ("said", "verdict"),
    [
        ("本文档总结了本次工作（分支: `feat/x`）。", ("refuted", "HL502")),
        ("This report covers the work (branch: agent/audit-budget).", ("verified", None)),
    ],
)
def test_a_branch_named_in_brackets_in_a_sentence(
    repo: ScratchRepo, cli: Cli, said: str, verdict: tuple[str, str | None]
) -> None:
    """ "(branch: x)", "（分支: x）" inside prose is a branch claim like a "**Branch:**" label."""
    repo.commit("one", {"a.py": "1\n"}, when="2025-11-13T09:00:00+00:00")
    repo.git("checkout", "-q", "-b", "agent/audit-budget")
    repo.commit("audit", {"b.py": "1\n"}, when="2025-11-13T10:00:00+00:00")
    repo.commit("handoff", {"HANDOFF.md": HEAD + said + "\n"}, when="2025-11-13T11:00:00+00:00")
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    assert list(_branch_verdicts(run).values()) == [verdict]


def test_a_branch_rewritten_after_the_session_holds_copies(repo: ScratchRepo, cli: Cli) -> None:
    """main was rewritten after the session: it holds copies of the session's commits (same
    subject, same author date, other ids), so the branch named did hold the work."""
    repo.commit("one", {"a.py": "1\n"})
    repo.commit("work", {"a.py": "2\n"})
    handoff = repo.commit("handoff", {"HANDOFF.md": HEAD + "- **Branch:** `main`\n"})
    repo.git("checkout", "-q", "--detach", "HEAD~2")
    repo.git("commit", "-q", "--amend", "-m", "one, rewritten")
    repo.git("cherry-pick", f"{handoff}~1")  # the work, under another id
    repo.git("branch", "-q", "-f", "main", "HEAD")
    repo.git("checkout", "-q", "--detach", handoff)
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    assert _branch_verdicts(run) == {"main": ("verified", None)}


def test_values_of_named_constants_and_long_digests_are_not_commits(
    repo: ScratchRepo, cli: Cli
) -> None:
    real = repo.commit("Add the exporter", {"export.py": "x = 1\n"})
    doc = HEAD + (
        "- `BUILD_TAG` currently `1a2b3c4d5e6f`, moved `1a2b3c4d5e6f` → `6f5e4d3c2b1a`\n"
        "- the tag `6f5e4d3c2b1a` is unchanged since\n"
        f"- Committed `{real[:7]}`; the frozen marker `9f8e7d6c5b4a` stays\n"
        "- the bundle's SHA-256 `4ed80b39e18b` is recorded\n"
        "- Fixed the parser (`7c7c7c1`)\n"
        "- Commit `a9a9a9a9a9a9`: the release\n"
        "- the manifest hash `e5544b20...dd53b` is recorded\n"
    )
    repo.commit("handoff", {"HANDOFF.md": doc})
    got = verdicts(cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path))
    assert ("commit", "1a2b3c4d5e6f") not in got  # the value of a named constant
    assert ("commit", "6f5e4d3c2b1a") not in got  # what the arrow leads to, on any line
    assert got[("commit", real[:7])] == "verified"
    assert got[("commit", "9f8e7d6c5b4a")] == "unverifiable"  # long, set apart, no commit word
    assert got[("commit", "7c7c7c1")] == "refuted"  # a short id set apart is still a commit
    assert got[("commit", "a9a9a9a9a9a9")] == "refuted"  # named a commit: no object is a lie
    assert ("commit", "e5544b20") not in got  # a digest shown by its two ends
    assert ("commit", "4ed80b39e18b") not in got  # a digest named by its algorithm


def test_a_placeholder_in_the_subject_column_is_no_subject(repo: ScratchRepo, cli: Cli) -> None:
    first = repo.commit("Add the exporter", {"export.py": "x = 1\n"})
    second = repo.commit("Fix the importer", {"import.py": "x = 1\n"})
    doc = HEAD + (
        "| Hash | Message |\n|------|---------|\n"
        f"| `{first[:7]}` | (see git log) |\n| `{second[:7]}` | Rewrite the scheduler queue |\n"
    )
    repo.commit("handoff", {"HANDOFF.md": doc})
    got = verdicts(cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path))
    assert got[("commit", first[:7])] == "verified"
    assert got[("commit", second[:7])] == "refuted"


def test_more_work_after_the_id_in_its_cell_is_no_subject(repo: ScratchRepo, cli: Cli) -> None:
    """ "`b590271` plus follow-up fixes" in a column of commits adds work to the id; "`abc1234`
    Rewrite the queue" there is its subject."""
    first = repo.commit("Merge wave five", {"export.py": "x = 1\n"})
    second = repo.commit("Fix the importer", {"import.py": "x = 1\n"})
    doc = HEAD + (
        "| Wave | Change | Merge commit |\n|---|---|---|\n"
        f"| 5 | Exports | `{first[:7]}` plus follow-up fixes |\n"
        f"| 6 | Imports | `{second[:7]}` Rewrite the scheduler queue |\n"
    )
    repo.commit("handoff", {"HANDOFF.md": doc})
    got = verdicts(cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path))
    assert got[("commit", first[:7])] == "verified"
    assert got[("commit", second[:7])] == "refuted"


def test_a_month_is_the_sessions_when_a_commit_is_dated_in_it(repo: ScratchRepo, cli: Cli) -> None:
    """ "**Date:** January 2025" claims the month: true when a commit of the session is dated in
    it, refuted (with the month git gives) when none is."""
    repo.commit("work", {"a.py": "1\n"}, when="2025-11-11T10:00:00+00:00")
    for name, month in (("A.md", "November 2025"), ("B.md", "January 2025")):
        doc = f"# H\n\n**Date:** {month}\n\n## Summary\n\n- `a.py` added\n"
        repo.commit("handoff", {name: doc}, when="2025-11-11T11:00:00+00:00")
    run = cli("check", "--format", "json", "A.md", "B.md", cwd=repo.path)
    got = {(c["text"], c["verdict"]) for c in claims_of(run) if c["kind"] == "date"}
    assert got == {("November 2025", "verified"), ("January 2025", "refuted")}
    fixes = [c["fix"] for c in claims_of(run) if c["verdict"] == "refuted"]
    assert fixes == ["did you mean November 2025?"]
