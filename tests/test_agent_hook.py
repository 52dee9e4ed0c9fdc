"""Claude Code's hook protocol, driven with recorded event payloads (our own) against real
temporary repositories, through the real CLI."""

from __future__ import annotations

import io
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, Run

DOC = "# Session 2\n\n**Date:** 2025-11-13\n\n## Summary\n\n- Tests: 162/165 passing (97.2%)\n"
TRUE_DOC = "# Session 2\n\n**Date:** 2025-11-13\n\n## Summary\n\n- Tests: 162/165 passing (98.2%)\n"


def _hook(cli: Cli, cwd: Path, event: object, monkeypatch: pytest.MonkeyPatch) -> Run:
    raw = event if isinstance(event, str) else json.dumps(event)
    monkeypatch.setattr(sys, "stdin", io.StringIO(raw))
    return cli("agent-hook", cwd=cwd)


@pytest.fixture
def session(repo: ScratchRepo) -> ScratchRepo:
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("work", {"a.py": "1\n"}, when="2025-11-13T09:00:00+00:00")
    return repo


def test_a_false_claim_blocks_with_the_fix(
    session: ScratchRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    (session.path / "SESSION_2_HANDOFF.md").write_text(DOC, encoding="utf-8")
    written = {"file_path": str(session.path / "SESSION_2_HANDOFF.md")}
    event = {"hook_event_name": "PostToolUse", "tool_name": "Write", "tool_input": written}
    run = _hook(cli, session.path, {**event, "cwd": str(session.path)}, monkeypatch)
    answer = json.loads(run.out)
    assert run.code == 0 and answer["decision"] == "block"
    assert "HL401" in answer["reason"] and "fix: write 98.2%" in answer["reason"]
    assert "`handoff-lint facts --template`" in answer["reason"]  # the true facts, to start from
    stop = {"hook_event_name": "Stop", "stop_hook_active": False, "cwd": str(session.path)}
    assert json.loads(_hook(cli, session.path, stop, monkeypatch).out)["decision"] == "block"
    again = {**stop, "stop_hook_active": True}  # the agent is answering the block: let it go
    assert _hook(cli, session.path, again, monkeypatch).out == ""


def test_a_true_document_or_none_passes_silently(
    session: ScratchRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    stop = {"hook_event_name": "Stop", "stop_hook_active": False, "cwd": str(session.path)}
    assert _hook(cli, session.path, stop, monkeypatch).out == ""  # no handoff document
    (session.path / "SESSION_2_HANDOFF.md").write_text(TRUE_DOC, encoding="utf-8")
    assert _hook(cli, session.path, stop, monkeypatch).out == ""
    other = {"hook_event_name": "PostToolUse", "tool_input": {"file_path": "a.py"}}
    assert _hook(cli, session.path, {**other, "cwd": str(session.path)}, monkeypatch).out == ""


@pytest.mark.parametrize(
    "raw", ["not json", "[1, 2]", '{"hook_event_name": "Stop", "cwd": "/nonexistent/x"}']
)
def test_malformed_events_fail_open(
    session: ScratchRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    run = _hook(cli, session.path, raw, monkeypatch)
    assert run.code == 0 and run.out == ""
    assert run.err.count("\n") == 1 and run.err.startswith("handoff-lint agent-hook: skipped")


def test_init_agent_claude_merges_the_settings(session: ScratchRepo, cli: Cli) -> None:
    settings = session.path / ".claude" / "settings.json"
    settings.parent.mkdir()
    mine = {
        "permissions": {"allow": ["Bash(ls)"]},
        "hooks": {"Stop": [{"hooks": [{"type": "command", "command": "echo done"}]}]},
    }
    settings.write_text(json.dumps(mine, indent=4), encoding="utf-8")
    assert cli("init", "--agent", "claude", cwd=session.path).code == 0
    data = json.loads(settings.read_text(encoding="utf-8"))
    assert data["permissions"] == mine["permissions"]
    commands = [h["command"] for e in data["hooks"]["Stop"] for h in e["hooks"]]
    assert commands == ["echo done", "handoff-lint agent-hook"]
    assert data["hooks"]["PostToolUse"][0]["matcher"] == "Write|Edit|MultiEdit"
    assert settings.read_text(encoding="utf-8").startswith('{\n    "permissions"')  # its indent
    before = settings.read_text(encoding="utf-8")
    assert "already" in cli("init", "--agent", "claude", cwd=session.path).out
    assert settings.read_text(encoding="utf-8") == before  # once only
    settings.write_text("{ not json", encoding="utf-8")
    refused = cli("init", "--agent", "claude", cwd=session.path)
    assert refused.code == 2 and "not valid JSON" in refused.err
    assert settings.read_text(encoding="utf-8") == "{ not json"


def test_init_agent_claude_keeps_tabs_and_crlf(session: ScratchRepo, cli: Cli) -> None:
    """A tab-indented settings file with CRLF line endings stays so, rewritten atomically (no
    temporary file left, the file's permissions kept)."""
    settings = session.path / ".claude" / "settings.json"
    settings.parent.mkdir()
    settings.write_bytes(b'{\r\n\t"permissions": {\r\n\t\t"allow": ["Bash(ls)"]\r\n\t}\r\n}\r\n')
    settings.chmod(0o640)
    assert cli("init", "--agent", "claude", cwd=session.path).code == 0
    data = settings.read_bytes()
    assert data.startswith(b'{\r\n\t"permissions": {\r\n\t\t"allow": [\r\n\t\t\t"Bash(ls)"')
    assert data.endswith(b"}\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert b"    " not in data and b'\t\t\t\t\t\t"command": "handoff-lint agent-hook"' in data
    assert json.loads(data)["hooks"]["Stop"][0]["hooks"][0]["command"] == "handoff-lint agent-hook"
    assert settings.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in settings.parent.iterdir()] == ["settings.json"]


def test_stop_checks_a_handoff_the_session_committed(
    session: ScratchRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The agent committed its false handoff before it stopped: the work tree is clean, but a
    commit made since the transcript's first timestamp changed the document, so Stop blocks. A
    session that started after that commit, or one whose commits deleted the document, does
    not."""
    session.commit("handoff", {"SESSION_2_HANDOFF.md": DOC}, when="2025-11-13T10:00:00+00:00")
    transcript = tmp_path / "session.jsonl"
    first = {"type": "user", "timestamp": "2025-11-13T08:30:00.000Z"}
    transcript.write_text(json.dumps(first) + "\n" + '{"type": "assistant"}\n', encoding="utf-8")
    stop = {"hook_event_name": "Stop", "cwd": str(session.path)}
    event = {**stop, "transcript_path": str(transcript)}
    answer = json.loads(_hook(cli, session.path, event, monkeypatch).out)
    assert answer["decision"] == "block" and "SESSION_2_HANDOFF.md" in answer["reason"]
    later = {"type": "user", "timestamp": "2025-11-13T11:00:00Z"}  # began after the commit
    transcript.write_text(json.dumps(later) + "\n", encoding="utf-8")
    assert _hook(cli, session.path, event, monkeypatch).out == ""
    assert _hook(cli, session.path, stop, monkeypatch).out == ""  # no transcript: the last 12 h


def test_stop_without_a_transcript_takes_the_last_hours(
    session: ScratchRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No transcript in the event: the handoff committed within the last 12 hours is the
    session's; once the commits delete it, nothing is checked."""
    import datetime as dt

    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    session.commit("more work", {"b.py": "2\n"}, when=(now - dt.timedelta(hours=2)).isoformat())
    handoff = {"SESSION_2_HANDOFF.md": DOC}
    session.commit("handoff", handoff, when=(now - dt.timedelta(hours=1)).isoformat())
    stop = {"hook_event_name": "Stop", "cwd": str(session.path)}
    assert json.loads(_hook(cli, session.path, stop, monkeypatch).out)["decision"] == "block"
    session.commit("drop it", remove=["SESSION_2_HANDOFF.md"], when=now.isoformat())
    assert _hook(cli, session.path, stop, monkeypatch).out == ""


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="the time limit needs SIGALRM")
def test_a_hook_past_its_time_limit_fails_open(session: ScratchRepo) -> None:
    """A harness that never closes the hook's standard input (or a git that hangs) must not
    hold the agent: past `--timeout` (here HANDOFF_LINT_AGENT_HOOK_TIMEOUT=1) the hook says so
    in one line on standard error, prints no decision and exits 0."""
    env = {**session.env, "HANDOFF_LINT_AGENT_HOOK_TIMEOUT": "1"}
    hook = subprocess.Popen(
        [sys.executable, "-m", "handoff_lint", "agent-hook"],
        cwd=session.path,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert hook.stdin is not None and hook.stdout is not None and hook.stderr is not None
    hook.stdin.write(b'{"hook_event_name": "Stop", ')  # and never the rest, nor an end of file
    hook.stdin.flush()
    started = time.monotonic()
    try:
        code = hook.wait(timeout=60)
        out, err = hook.stdout.read(), hook.stderr.read()
    finally:
        hook.kill()
        hook.stdin.close()
    assert code == 0 and out == b"" and time.monotonic() - started < 30
    assert err.decode().splitlines() == [
        "handoff-lint agent-hook: skipped (TimeoutError: no answer within 1 s)"
    ]
