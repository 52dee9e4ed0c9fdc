"""Documents written more than once: each line is judged against the session of the version
that wrote it (living documents, logs with an entry per session, small fixes, moved documents).
Real temporary repositories, the real CLI."""

from __future__ import annotations

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, Run, claims_of


def _verdicts(run: Run) -> dict[int, str]:
    """Line -> verdict of the file claims of a JSON run."""
    return {c["line"]: c["verdict"] for c in claims_of(run) if c["kind"] == "file"}


def _doc(date: str, created: str, extra: str = "") -> str:
    return (
        f"# Handoff\n\n**Date:** {date}\n\n## Summary\n\nWork of the session.\n\n"
        f"## Files Created\n\n- `{created}`\n{extra}"
    )


def _rewrite(date: str, created: str) -> str:
    """A new version written by a new session: new notes, and its own line for its file."""
    notes = "".join(f"- note {n} of the session of {date}\n" for n in range(1, 6))
    return (
        f"# Handoff\n\n**Date:** {date}\n\n## Summary\n\n{notes}\n"
        f"## Files Created\n\n- `{created}`: written on {date}\n"
    )


def test_living_document_is_judged_per_version(repo: ScratchRepo, cli: Cli) -> None:
    """HANDOFF.md rewritten in place: the newest version reports on the commits since the
    previous version; a version that claims the previous session's file is refuted."""
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-10T09:00:00+00:00")
    repo.commit("a", {"src/a.py": "A = 1\n"}, when="2025-11-10T10:00:00+00:00")
    repo.commit(
        "s1", {"HANDOFF.md": _doc("2025-11-10", "src/a.py")}, when="2025-11-10T11:00:00+00:00"
    )
    repo.commit("b", {"src/b.py": "B = 1\n"}, when="2025-11-12T10:00:00+00:00")
    repo.commit(
        "s2", {"HANDOFF.md": _rewrite("2025-11-12", "src/b.py")}, when="2025-11-12T11:00:00+00:00"
    )
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    assert run.code == 0, run.out
    assert _verdicts(run) == {15: "verified"}
    window = run.json()["documents"][0]["window"]
    assert window["how"] == "since the previous version of this document"

    repo.commit("c", {"src/c.py": "C = 1\n"}, when="2025-11-14T10:00:00+00:00")
    repo.commit(
        "s3", {"HANDOFF.md": _rewrite("2025-11-14", "src/b.py")}, when="2025-11-14T11:00:00+00:00"
    )
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    assert _verdicts(run) == {15: "refuted"}  # src/b.py is the previous session's work


def test_log_entries_keep_the_window_of_their_session(repo: ScratchRepo, cli: Cli) -> None:
    """A log with a new entry on top per session: the old entry's claims stay true."""
    entry_1 = "## Session 1\n\n**Date:** 2025-11-10\n\n### Files Created\n\n- `src/a.py`\n"
    entry_2 = "## Session 2\n\n**Date:** 2025-11-12\n\n### Files Created\n\n- `src/b.py`\n\n"
    head = "# Agent log\n\n## Summary\n\nNewest first.\n\n"
    repo.commit("a", {"src/a.py": "A = 1\n"}, when="2025-11-10T10:00:00+00:00")
    repo.commit("log 1", {"LOG_HANDOFF.md": head + entry_1}, when="2025-11-10T11:00:00+00:00")
    repo.commit("b", {"src/b.py": "B = 1\n"}, when="2025-11-12T10:00:00+00:00")
    repo.commit(
        "log 2", {"LOG_HANDOFF.md": head + entry_2 + entry_1}, when="2025-11-12T11:00:00+00:00"
    )
    run = cli("check", "--format", "json", "LOG_HANDOFF.md", cwd=repo.path)
    assert run.code == 0, run.out
    assert set(_verdicts(run).values()) == {"verified"} and len(_verdicts(run)) == 2
    dates = [c["verdict"] for c in claims_of(run) if c["kind"] == "date"]
    assert dates == ["verified", "verified"]


def test_a_small_fix_keeps_the_window_of_the_session(repo: ScratchRepo, cli: Cli) -> None:
    """A typo fixed on a claim's line days later: the claim is still about its session."""
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-10T09:00:00+00:00")
    repo.commit("a", {"src/a.py": "A = 1\n"}, when="2025-11-10T10:00:00+00:00")
    doc = _doc("2025-11-10", "src/a.py", "- `src/a.py` is teh module\n")
    repo.commit("handoff", {"SESSION_1_HANDOFF.md": doc}, when="2025-11-10T11:00:00+00:00")
    repo.commit("later", {"src/z.py": "Z = 1\n"}, when="2025-11-20T10:00:00+00:00")
    fixed = doc.replace("teh", "the")
    repo.commit("typo", {"SESSION_1_HANDOFF.md": fixed}, when="2025-11-20T11:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_1_HANDOFF.md", cwd=repo.path)
    assert run.code == 0, run.out
    assert _verdicts(run) == {11: "verified", 12: "verified"}

    # the same fix staged (the hook): nothing the fix did not write is judged anew
    repo.write("SESSION_1_HANDOFF.md", fixed.replace("the module", "the main module"))
    repo.git("add", "SESSION_1_HANDOFF.md")
    run = cli("check", "--staged", "--format", "json", cwd=repo.path)
    assert run.code == 0, run.out
    assert _verdicts(run) == {11: "verified", 12: "verified"}


def test_moved_documents_keep_their_session(repo: ScratchRepo, cli: Cli) -> None:
    """git mv SESSION_*.md archive/: the move is not the session the documents report on."""
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-10T09:00:00+00:00")
    repo.commit("a", {"src/a.py": "A = 1\n"}, when="2025-11-10T10:00:00+00:00")
    repo.commit(
        "h1",
        {"SESSION_1_HANDOFF.md": _doc("2025-11-10", "src/a.py")},
        when="2025-11-10T11:00:00+00:00",
    )
    repo.commit("b", {"src/b.py": "B = 1\n"}, when="2025-11-12T10:00:00+00:00")
    repo.commit(
        "h2",
        {"SESSION_2_HANDOFF.md": _doc("2025-11-12", "src/b.py")},
        when="2025-11-12T11:00:00+00:00",
    )
    (repo.path / "archive").mkdir()
    repo.git("mv", "SESSION_1_HANDOFF.md", "SESSION_2_HANDOFF.md", "archive/")
    repo.commit("archive the handoffs", when="2025-11-30T10:00:00+00:00")
    run = cli(
        "check",
        "--format",
        "json",
        "archive/SESSION_1_HANDOFF.md",
        "archive/SESSION_2_HANDOFF.md",
        cwd=repo.path,
    )
    assert run.code == 0, run.out
    found = [(d["path"], c["verdict"]) for d in run.json()["documents"] for c in d["claims"]]
    assert found and all(verdict == "verified" for _, verdict in found), found
    windows = {d["path"]: d["window"] for d in run.json()["documents"]}
    second = windows["archive/SESSION_2_HANDOFF.md"]
    assert second["head"] == repo.git("rev-parse", "HEAD~1"), second  # h2, not the move
    assert second["previous"] == "SESSION_1_HANDOFF.md", second
    assert "moved here by" in second["how"], second


def test_work_merged_from_the_documents_branch_is_the_sessions(repo: ScratchRepo, cli: Cli) -> None:
    """Two sessions in parallel: this one's work was merged from its branch before the other
    session's handoff landed; the document names the branch, so that work is its own."""
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-10T09:00:00+00:00")
    repo.commit("h1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-10T10:00:00+00:00")
    repo.git("checkout", "-q", "-b", "agent/parser")
    repo.commit("parser", {"src/parser.py": "P = 1\n"}, when="2025-11-11T09:00:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.when = "2025-11-11T10:00:00+00:00"
    repo.git(
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "Merge pull request #4 from acme/agent/parser",
        "agent/parser",
    )
    repo.git("branch", "-q", "-D", "agent/parser")
    repo.commit(
        "h2",
        {"SESSION_2_HANDOFF.md": "# Two (another session)\n"},
        when="2025-11-11T11:00:00+00:00",
    )
    doc = _doc("2025-11-11", "src/parser.py").replace(
        "## Summary", "**Branch:** `agent/parser`\n\n## Summary"
    )
    repo.commit("h3", {"SESSION_3_HANDOFF.md": doc}, when="2025-11-11T12:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_3_HANDOFF.md", cwd=repo.path)
    assert run.code == 0, run.out
    assert set(_verdicts(run).values()) == {"verified"}


def test_a_version_written_minutes_earlier_does_not_refute_the_session(
    repo: ScratchRepo, cli: Cli
) -> None:
    """The agent committed an interim version of HANDOFF.md with its first piece of work and
    the final version an hour later: the first piece is still this session's (the window starts
    before the commit that came with work), so a claim of it is verified; a claim of the session
    two days earlier stays refuted."""
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-10T09:00:00+00:00")
    repo.commit("a", {"src/a.py": "A = 1\n"}, when="2025-11-10T10:00:00+00:00")
    repo.commit(
        "s1", {"HANDOFF.md": _doc("2025-11-10", "src/a.py")}, when="2025-11-10T11:00:00+00:00"
    )
    interim = {"src/b.py": "B = 1\n", "HANDOFF.md": _rewrite("2025-11-12", "src/b.py")}
    repo.commit("b with interim handoff", interim, when="2025-11-12T10:00:00+00:00")
    repo.commit("c", {"src/c.py": "C = 1\n"}, when="2025-11-12T10:40:00+00:00")
    final = _rewrite("2025-11-12 (final)", "src/c.py") + "- `src/b.py`\n- `src/a.py`\n"
    repo.commit("s2", {"HANDOFF.md": final}, when="2025-11-12T11:20:00+00:00")
    run = cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path)
    window = run.json()["documents"][0]["window"]
    assert window["how"] == (
        "since the previous version of this document; "
        "from the commit of the previous version, which came with other work"
    )
    assert window["base"] == repo.git("rev-parse", "HEAD~3")  # s1: before b's commit
    assert _verdicts(run) == {15: "verified", 16: "verified", 17: "refuted"}
    assert run.code == 1, run.out


def test_work_committed_right_after_the_document(repo: ScratchRepo, cli: Cli) -> None:
    """The summary was committed first and the last fix ten minutes later by the same author:
    its claim is verified with a note. Work committed hours later, or by someone else, is not
    the session's."""
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-10T09:00:00+00:00")
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-10T10:00:00+00:00")
    repo.commit("a", {"src/a.py": "A = 1\n"}, when="2025-11-12T10:00:00+00:00")
    doc = _doc("2025-11-12", "src/a.py", "- `src/b.py`\n- `src/c.py`\n- `src/d.py`\n")
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-12T10:30:00+00:00")
    repo.commit("b", {"src/b.py": "B = 1\n"}, when="2025-11-12T10:40:00+00:00")
    repo.when = "2025-11-12T10:50:00+00:00"
    repo.write("src/c.py", "C = 1\n")
    repo.git("add", "src/c.py")
    repo.git("commit", "-q", "--author", "Other <other@example.com>", "-m", "c")
    repo.commit("d", {"src/d.py": "D = 1\n"}, when="2025-11-12T15:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert _verdicts(run) == {11: "verified", 12: "verified", 13: "refuted", 14: "refuted"}
    note = next(c["reason"] for c in claims_of(run) if c["line"] == 12)
    assert "committed 10 min after the document" in note


def test_work_right_after_the_document_when_its_commit_is_checked_out(
    repo: ScratchRepo, cli: Cli
) -> None:
    """With the document's own commit checked out (an audit of an old version), the run after
    it is found on the way to any ref that holds it."""
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-10T09:00:00+00:00")
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-10T10:00:00+00:00")
    repo.commit("a", {"src/a.py": "A = 1\n"}, when="2025-11-12T10:00:00+00:00")
    doc = _doc("2025-11-12", "src/a.py", "- `src/b.py`\n- `src/c.py`\n")
    handoff = repo.commit(
        "handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-12T10:30:00+00:00"
    )
    repo.commit("b", {"src/b.py": "B = 1\n"}, when="2025-11-12T10:40:00+00:00")
    repo.git("checkout", "-q", "--detach", handoff)
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert _verdicts(run) == {11: "verified", 12: "verified", 13: "refuted"}


def _accuracy(run: Run) -> tuple[int, int, int]:
    acc = run.json()["documents"][0]["accuracy"]
    return acc["verified"], acc["refuted"], acc["unverifiable"]


def test_check_staged_diff_and_audit_agree_on_each_version(repo: ScratchRepo, cli: Cli) -> None:
    """The same version of a living document gets the same verdicts from the hook (staged),
    from check after the commit, from check --diff of its pull request and from audit, which
    lists each version that wrote a report (not the small fix)."""
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-10T09:00:00+00:00")
    repo.commit("a", {"src/a.py": "A = 1\n"}, when="2025-11-10T10:00:00+00:00")
    first = _doc("2025-11-10", "src/a.py", "- `src/ghost.py`\n")
    repo.commit("s1", {"HANDOFF.md": first}, when="2025-11-10T11:00:00+00:00")
    repo.commit("b", {"src/b.py": "B = 1\n"}, when="2025-11-12T10:00:00+00:00")
    seen: dict[str, tuple[int, int, int]] = {}
    repo.write("HANDOFF.md", _rewrite("2025-11-12", "src/b.py") + "- `README.md`\n")
    repo.git("add", "HANDOFF.md")
    seen["staged"] = _accuracy(cli("check", "--staged", "--format", "json", cwd=repo.path))
    repo.commit("s2", when="2025-11-12T11:00:00+00:00")
    seen["check"] = _accuracy(cli("check", "--format", "json", "HANDOFF.md", cwd=repo.path))
    span = "HEAD~1...HEAD"
    seen["diff"] = _accuracy(cli("check", "--diff", span, "--format", "json", cwd=repo.path))
    fixed = (repo.path / "HANDOFF.md").read_text().replace("note 1", "note one")
    repo.commit("typo", {"HANDOFF.md": fixed})
    audit = cli("audit", "--format", "json", cwd=repo.path).json()["documents"]
    assert [d["commit"] for d in audit] == [
        repo.git("rev-parse", "HEAD~3"),
        repo.git("rev-parse", "HEAD~1"),
    ]  # s1 and s2; the typo fix is not a report
    acc = audit[1]["accuracy"]
    seen["audit"] = (acc["verified"], acc["refuted"], acc["unverifiable"])
    assert set(seen.values()) == {(2, 1, 0)}, seen  # the date and src/b.py; README.md is older
    assert audit[0]["accuracy"]["refuted"] == 1  # s1: src/ghost.py was never created


def _family_window(repo: ScratchRepo, cli: Cli, first: str, second: str) -> dict[str, str]:
    """Two sessions, each reported by a document outside the discovery globs; the window and
    the file claims of the second."""
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-10T09:00:00+00:00")
    repo.commit("a", {"src/a.py": "A = 1\n"}, when="2025-11-10T10:00:00+00:00")
    repo.commit("r1", {first: _doc("2025-11-10", "src/a.py")}, when="2025-11-10T11:00:00+00:00")
    repo.commit("b", {"src/b.py": "B = 1\n"}, when="2025-11-10T12:00:00+00:00")
    doc = _doc("2025-11-10", "src/b.py", "- `src/a.py`\n")
    repo.commit("r2", {second: doc}, when="2025-11-10T13:00:00+00:00")
    run = cli("check", "--format", "json", second, cwd=repo.path)
    window = run.json()["documents"][0]["window"]
    assert window["base"] == repo.git("rev-parse", "HEAD~2"), window  # r1's commit
    assert _verdicts(run) == {11: "verified", 12: "refuted"}  # src/a.py was r1's session's
    return dict(window)


def test_a_numbered_family_outside_the_globs_starts_at_its_previous_member(
    repo: ScratchRepo, cli: Cli
) -> None:
    """.planning/phases/NN-name/NN-NN-SUMMARY.md: the previous summary of the family, in
    another phase's folder, starts the window (not the start of history)."""
    first, second = (
        ".planning/phases/01-auth/01-01-SUMMARY.md",
        ".planning/phases/02-api/02-01-SUMMARY.md",
    )
    window = _family_window(repo, cli, first, second)
    assert window["how"] == f"since the previous handoff document {first}"


def test_a_folder_of_reports_named_by_subject_is_a_family(repo: ScratchRepo, cli: Cli) -> None:
    """dev/active/<subject>.md: the previous document added to the folder starts the window,
    as an estimate (a folder may hold other documents)."""
    window = _family_window(repo, cli, "dev/active/auth.md", "dev/active/billing-export.md")
    assert window["how"].startswith("since the previous document added to its folder")
    assert window["previous"] == "dev/active/auth.md"


def test_a_folder_of_session_reports_is_a_family_whatever_their_names(
    repo: ScratchRepo, cli: Cli
) -> None:
    """docs/sessions/AUTH_REWORK_2025_11_09.md then docs/sessions/BILLING_2025_11_10.md: names
    with dates and different subjects, in a folder that holds one report per session."""
    first, second = "docs/sessions/AUTH_REWORK_2025_11_09.md", "docs/sessions/BILLING_2025_11_10.md"
    window = _family_window(repo, cli, first, second)
    assert window["how"].startswith("since the previous document added to its folder")
    assert window["previous"] == first


def test_code_and_document_on_parallel_branches_merged_together(
    repo: ScratchRepo, cli: Cli
) -> None:
    """The work on one branch, the handoff on another, both merged into main seconds apart:
    the merges that bring them together belong to the session."""
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-10T09:00:00+00:00")
    repo.commit("h1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-10T10:00:00+00:00")
    repo.git("checkout", "-q", "-b", "feat/code")
    repo.commit("code", {"src/code.py": "C = 1\n"}, when="2025-11-11T09:00:00+00:00")
    repo.git("checkout", "-q", "-b", "docs/handoff", "main")
    doc = _doc("2025-11-11", "src/code.py")
    repo.commit("h2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-11T09:30:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.when = "2025-11-11T10:00:00+00:00"
    for branch in ("feat/code", "docs/handoff"):
        repo.git("merge", "-q", "--no-ff", "-m", f"Merge {branch}", branch)
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert _verdicts(run) == {11: "verified"}, run.out
    assert run.code == 0


def _fixable(repo: ScratchRepo) -> str:
    """A committed handoff of 24 lines: six wrong line counts (--fix rewrites six lines, more
    than a small fix) and a file listed as created that the session only modified (HL302)."""
    repo.commit("start", {"README.md": "x\n", "old.py": "o\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("h1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    work = {f"m{n}.py": "a\n" * (10 + n) for n in range(6)}
    repo.commit("Add modules", {**work, "old.py": "o\np\n"}, when="2025-11-13T09:00:00+00:00")
    rows = [f"- `m{n}.py` ({50 + n} lines)\n" for n in range(6)]
    doc = "# Two\n\n**Date:** 2025-11-13\n\n## Summary\n\nModules.\n\n## Files Created\n\n"
    doc += "".join(rows) + "- `old.py`\n\n## Notes\n\n- a\n- b\n- c\n- d\n"
    repo.commit("h2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    return "SESSION_2_HANDOFF.md"


def _errors(run: Run) -> list[tuple[str, int]]:
    findings = run.json()["documents"][0]["findings"]
    return [(f["rule"], f["line"]) for f in findings if f["severity"] == "error"]


def test_a_fix_of_tokens_is_not_a_new_report(repo: ScratchRepo, cli: Cli) -> None:
    """--fix rewrote six of 24 lines, numbers only: the edit is a fix, not a new report, so the
    fixed claims are judged in their session (verified) and the HL302 error stays, before and
    after the fix is committed."""
    doc = _fixable(repo)
    first = cli("check", "--format", "json", doc, cwd=repo.path)
    assert _errors(first) == [*(("HL305", n) for n in range(11, 17)), ("HL302", 17)]
    cli("check", "--fix", doc, cwd=repo.path)
    assert "- `m5.py` (15 lines)\n" in (repo.path / doc).read_text(encoding="utf-8")
    for _ in ("the fix in the work tree", "the fix committed"):
        run = cli("check", "--format", "json", doc, cwd=repo.path)
        assert _errors(run) == [("HL302", 17)], run.out
        assert _verdicts(run) == {**{n: "verified" for n in range(11, 17)}, 17: "refuted"}
        repo.commit("Fix the handoff's line counts", when="2025-11-14T10:00:00+00:00")
    audit = cli("audit", "--format", "json", cwd=repo.path).json()["documents"]
    assert [d["path"] for d in audit if d["path"] == doc] == [doc]  # the fix is no new version
