"""``handoff-lint agent-hook``: Claude Code's hook protocol (Stop, SubagentStop, PostToolUse).

The event arrives as JSON on standard input. For a Write or Edit of a handoff document
(PostToolUse, ``tool_input.file_path``), that document is checked; at the end of a session
(Stop), every handoff document the work tree changed (staged, unstaged or new) or a commit of
the session changed (``_session_start``: since the transcript's first timestamp, else the last
``RECENT_HOURS`` hours). When claims are
refuted the answer is ``{"decision": "block", "reason": ...}`` on standard output, the reason
being the findings as an agent acts on them (``--format agent``). It never blocks a second time
in a row (``stop_hook_active``), never blocks when no handoff document is concerned, and fails
open: any internal error or a run past the time limit is one line on standard error and exit 0.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

MAX_EVENT = 1024 * 1024
SECONDS = 50  # under Claude Code's own 60 s limit for a hook command, so the hook fails open itself
RECENT_HOURS = 12  # without a transcript, the session is taken to be the last 12 hours
MAX_COMMITS = 200  # the commits of the session read at most
TRANSCRIPT_LINES = 50  # the transcript's lines read for its first timestamp


def _event(data: str) -> dict[str, Any]:
    event = json.loads(data) if data.strip() else {}
    if not isinstance(event, dict):
        raise ValueError("the event is not a JSON object")
    return event


def _documents(event: dict[str, Any], cwd: Path) -> list[str]:
    """The handoff documents this event concerns, relative to ``cwd``."""
    from handoff_lint import config
    from handoff_lint.document import discover
    from handoff_lint.git.gitcmd import Git

    git = Git(cwd)
    try:
        root = Path(git.run("rev-parse", "--show-toplevel").strip())
        settings = config.load(config.find(cwd, root))
        include, exclude = settings.include, settings.exclude
        written = (event.get("tool_input") or {}).get("file_path")
        if event.get("hook_event_name") == "PostToolUse":
            if not isinstance(written, str):
                return []
            target = (cwd / written).resolve()
            try:
                relative = target.relative_to(root.resolve()).as_posix()
            except ValueError:
                return []
            found = [relative] if discover.matches(relative, include) else []
        else:
            status = git.fields(
                "--no-optional-locks", "status", "--porcelain", "-z", "--untracked-files=all"
            )
            found = _changed(status) + _committed(git, _session_start(event))
            found = [p for p in found if discover.matches(p, include) and (root / p).is_file()]
        found = [p for p in found if not discover.excluded(p, exclude)]
        return [os.path.relpath(root / p, cwd) for p in sorted(set(found))]
    finally:
        git.close()


def _session_start(event: dict[str, Any]) -> float:
    """When the session started (seconds since the epoch): the first timestamp of the event's
    transcript (Claude Code writes one JSON object a line, each with its ``timestamp``), else
    the transcript file's creation time where the system keeps one; without a transcript,
    ``RECENT_HOURS`` ago."""
    import datetime as dt

    path = event.get("transcript_path")
    if isinstance(path, str) and path and Path(path).is_file():
        with open(path, encoding="utf-8", errors="replace") as lines:
            for _, line in zip(range(TRANSCRIPT_LINES), lines, strict=False):
                try:
                    stamp = json.loads(line).get("timestamp")
                    return dt.datetime.fromisoformat(str(stamp).replace("Z", "+00:00")).timestamp()
                except (ValueError, AttributeError, TypeError):
                    continue
        born = getattr(os.stat(path), "st_birthtime", None)
        if born:
            return float(born)
    return time.time() - RECENT_HOURS * 3600


def _committed(git: Any, since: float) -> list[str]:
    """The files changed by HEAD's commits made (committer date) since ``since``, the newest
    ``MAX_COMMITS`` at most: a handoff the session already committed is the session's too."""
    out = git.lines(
        "log",
        f"--since=@{int(since)}",
        f"--max-count={MAX_COMMITS}",
        "--format=",
        "--name-only",
        "--no-renames",
        "HEAD",
        check=False,
    )
    return sorted(set(out))


def _changed(status: list[str]) -> list[str]:
    """The paths of ``git status --porcelain -z`` entries ("XY path", a rename's source after
    it as an entry of its own), deleted ones aside."""
    out: list[str] = []
    entries = iter(status)
    for entry in entries:
        if len(entry) < 4:
            continue
        if entry[0] in "RC":
            next(entries, None)  # the source of a rename or copy
        if "D" not in entry[:2]:
            out.append(entry[3:])
    return out


def _reason(documents: list[str], cwd: Path) -> str:
    from handoff_lint import pipeline, reporters

    run = pipeline.run(documents, pipeline.Options(cwd=cwd))
    return reporters.get("agent")(run, reporters.ReportOptions())


def answer(data: str) -> str:
    """The hook's standard output for the event ``data`` ('' lets the agent go on)."""
    event = _event(data)
    if event.get("stop_hook_active"):
        return ""  # the agent is already answering a block: never block twice in a row
    cwd = Path(str(event.get("cwd") or os.getcwd()))
    if not cwd.is_dir():
        raise ValueError(f"the event's cwd {str(cwd)!r} is not a folder")
    documents = _documents(event, cwd)
    if not documents:
        return ""
    reason = _reason(documents, cwd)
    return json.dumps({"decision": "block", "reason": reason}) + "\n" if reason else ""


def _alarm(seconds: int) -> Callable[[int, Any], None]:
    def ring(signum: int, frame: Any) -> None:
        raise TimeoutError(f"no answer within {seconds} s")

    return ring


def run(seconds: int = SECONDS) -> int:
    """Read the event, print the answer; exit 0 whatever happens (fail open), also when no
    answer is ready within ``seconds`` (reading the event included)."""
    timed = hasattr(signal, "SIGALRM")
    try:
        if timed:
            signal.signal(signal.SIGALRM, _alarm(seconds))
            signal.alarm(seconds)
        data = sys.stdin.read(MAX_EVENT + 1)
        if len(data) > MAX_EVENT:
            raise ValueError(f"the event is larger than {MAX_EVENT} bytes")
        sys.stdout.write(answer(data))
    except Exception as exc:  # a hook that breaks must not stop the agent: fail open
        print(f"handoff-lint agent-hook: skipped ({type(exc).__name__}: {exc})", file=sys.stderr)
    finally:
        if timed:
            signal.alarm(0)
    return 0
