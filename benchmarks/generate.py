"""Build a synthetic repository for the performance benchmarks, with ``git fast-import``.

    python benchmarks/generate.py /tmp/hl-bench/repo-100k --commits 100000 [--docs 100]

The whole history is one fast-import stream written from this process (no git process per
commit): a ``main`` branch with topic branches merged back (``--no-ff`` style merges), files
created, modified, renamed and deleted, a ``tests/`` tree beside ``src/``, tags, and handoff
documents committed every ``--handoff-every`` commits over the last ``--handoff-span`` commits.
Authors and dates are fixed, so two runs with the same arguments give the same commit ids.

The last ``--window`` commits are the *session*: they start with the commit that adds the
previous handoff document and are the same in every repository size (same files, same scripted
events: files created, modified, renamed and deleted, two merges), so a check of the tip document
does the same work whatever the history below it. The tip commit adds ``SESSION_<n>_HANDOFF.md``:
~10 commit claims (real short ids from the session, with subjects, two with diff stats, and two
fabricated ids), ~20 file claims (created, modified, deleted, renamed, and four false), line
counts, a date, a branch and a test ratio. With ``--docs N`` it also adds N-1 more handoff
documents (``docs/handoffs/agent-NN.md``, variations of the first) in the same commit, so all N
share one session window.

The repository gets a work tree (checked out), and ``.git/handoff-bench.json`` describes it
(documents, window base, expected verdicts, generation time). No commit-graph is written unless
``--commit-graph`` is given (a fresh clone has none; handoff-lint must not need one).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

AUTHOR = b"Bench Agent <agent@example.com>"
SESSION_START = 1763020800  # 2025-11-13T08:00:00Z: the session's first commit
SESSION_STEP = 300  # 5 minutes between session commits
HISTORY_STEP = 1200  # 20 minutes between history commits
SESSION_DATE = "2025-11-13"
SESSION_BRANCH = "main"
METADATA = "handoff-bench.json"
VERSION = 2  # of the generated content: the runner rebuilds repositories of another version

GIT_ENV = {
    **os.environ,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "Bench Agent",
    "GIT_AUTHOR_EMAIL": "agent@example.com",
    "GIT_COMMITTER_NAME": "Bench Agent",
    "GIT_COMMITTER_EMAIL": "agent@example.com",
    "LC_ALL": "C",
}

PACKAGES = [
    "accounts", "analytics", "api", "audit", "auth", "billing", "cache", "catalog", "cli",
    "config", "core", "crawler", "db", "events", "export", "feeds", "files", "geo", "graph",
    "i18n", "imports", "inbox", "jobs", "ledger", "mail", "media", "metrics", "models",
    "notify", "orders", "payments", "plugins", "queue", "reports", "search", "security",
    "storage", "sync", "telemetry", "web",
]  # fmt: skip
SUBPACKAGES = ["handlers", "services", "utils", "views", "adapters", "schemas", "tasks", "io"]
WORDS = [
    "batch", "client", "codec", "context", "cursor", "filter", "format", "helpers", "index",
    "loader", "mapper", "merge", "parser", "pool", "reader", "registry", "router", "runner",
    "session", "shard", "snapshot", "state", "stream", "token", "tracker", "validator", "writer",
]  # fmt: skip
VERBS = [
    "Add",
    "Fix",
    "Refactor",
    "Update",
    "Simplify",
    "Speed up",
    "Document",
    "Harden",
    "Clean up",
]
THINGS = [
    "retry logic", "error handling", "pagination", "caching", "logging", "input validation",
    "timeouts", "type hints", "batch size", "edge cases", "the happy path", "metrics",
]  # fmt: skip

# The session: the same files and events in every repository size.
CORE = [
    "app/core/config.py", "app/core/db.py", "app/core/scheduler.py", "app/core/auth.py",
    "app/core/routes.py", "app/core/models.py", "app/core/utils.py", "app/core/logging.py",
    "app/core/loader.py", "app/core/exporter_v1.py", "app/core/exporter_csv.py",
    "app/core/cache.py", "app/core/legacy_api.py", "app/core/permissions.py",
    "app/core/__init__.py", "app/__init__.py",
]  # fmt: skip
SESSION_CREATED = [
    "app/session/__init__.py", "app/session/ingest.py", "app/session/parser.py",
    "app/session/schema.py", "app/session/store.py", "app/session/metrics.py",
    "app/session/worker.py", "tests/session/test_ingest.py", "tests/session/test_parser.py",
    "tests/session/test_store.py",
]  # fmt: skip
SESSION_MODIFIED = [
    "app/core/config.py", "app/core/db.py", "app/core/scheduler.py", "app/core/auth.py",
    "app/core/routes.py", "app/core/models.py", "CHANGELOG.md", "README.md",
]  # fmt: skip
SESSION_DELETED = ["app/core/exporter_v1.py", "app/core/exporter_csv.py"]
SESSION_RENAMED = ("app/core/loader.py", "app/core/config_loader.py")
FABRICATED = ["9f3e1a7", "d41d8cd", "c0ffee5"]


@dataclass
class Blob:
    mark: int
    lines: list[str]


@dataclass
class Commit:
    mark: int
    subject: str
    session_index: int = -1  # position in the session (-1: history)
    merge: bool = False


class Paths:
    """The paths of ``main`` with their blobs; O(1) add, remove and random choice."""

    def __init__(self) -> None:
        self.blobs: dict[str, Blob] = {}
        self._order: list[str] = []
        self._index: dict[str, int] = {}

    def __contains__(self, path: str) -> bool:
        return path in self.blobs

    def __len__(self) -> int:
        return len(self.blobs)

    def __getitem__(self, path: str) -> Blob:
        return self.blobs[path]

    def __setitem__(self, path: str, blob: Blob) -> None:
        if path not in self.blobs:
            self._index[path] = len(self._order)
            self._order.append(path)
        self.blobs[path] = blob

    def __delitem__(self, path: str) -> None:
        del self.blobs[path]
        index = self._index.pop(path)
        last = self._order.pop()
        if last != path:
            self._order[index] = last
            self._index[last] = index

    def choice(self, rng: random.Random) -> str:
        return self._order[rng.randrange(len(self._order))]


@dataclass
class State:
    """The fast-import stream and the files of ``main`` as the stream leaves them."""

    out: IO[bytes]
    rng: random.Random
    files: Paths = field(default_factory=Paths)
    next_mark: int = 1
    commits: list[Commit] = field(default_factory=list)
    main_tip: int = 0
    emitted: int = 0
    timestamp: int = 0
    rich: bool = False  # history handoffs list the files changed since the previous one
    touched: list[str] = field(default_factory=list)

    def mark(self) -> int:
        self.next_mark += 1
        return self.next_mark - 1

    def blob(self, lines: list[str]) -> Blob:
        data = ("\n".join(lines) + "\n").encode()
        mark = self.mark()
        self.out.write(b"blob\nmark :%d\ndata %d\n%s\n" % (mark, len(data), data))
        return Blob(mark, lines)


def _line(rng: random.Random) -> str:
    a, b = rng.choice(WORDS), rng.choice(WORDS)
    shape = rng.getrandbits(3)
    if shape == 0:
        return f"def {a}_{b}(value, limit={rng.randint(1, 500)}):"
    if shape == 1:
        return f"    return {a}.{b}(value) + {rng.randint(0, 99)}"
    if shape == 2:
        return f"# {a} {b}: keep {rng.randint(2, 64)} entries"
    if shape == 3:
        return f"    {a}_{b} = load_{a}(config, {rng.randint(0, 999)})"
    if shape == 4:
        return f"    if {a} > {rng.randint(0, 9999)}:"
    if shape == 5:
        return f"        raise {a.title()}Error('{b}')"
    if shape == 6:
        return f"class {a.title()}{b.title()}:"
    return ""


def _content(rng: random.Random, lines: int) -> list[str]:
    return [_line(rng) for _ in range(lines)]


def _edit(rng: random.Random, lines: list[str], ops: int = 2, cap: int = 160) -> list[str]:
    new = list(lines)
    for _ in range(ops):
        kind = rng.getrandbits(2)
        position = rng.randrange(len(new) + 1)
        if kind == 0 and new:
            del new[min(position, len(new) - 1)]
        elif kind == 1 and new:
            new[min(position, len(new) - 1)] = _line(rng)
        else:
            new[position:position] = _content(rng, rng.randint(1, 6))
    if len(new) > cap:
        start = rng.randrange(len(new) - 40)
        del new[start : start + 30]
    return new or [_line(rng)]


def _quote(path: str) -> bytes:
    return path.encode() if " " not in path and '"' not in path else json.dumps(path).encode()


def _modify(path: str, blob: Blob) -> bytes:
    return b"M 100644 :%d %s\n" % (blob.mark, _quote(path))


def _commit(
    state: State,
    ref: str,
    subject: str,
    changes: list[bytes],
    parent: int | None = None,
    merge: int | None = None,
    session_index: int = -1,
) -> Commit:
    mark = state.mark()
    message = (subject + "\n").encode()
    when = b"%d +0000" % state.timestamp
    out = state.out
    out.write(b"commit %s\nmark :%d\n" % (ref.encode(), mark))
    out.write(b"author %s %s\ncommitter %s %s\n" % (AUTHOR, when, AUTHOR, when))
    out.write(b"data %d\n%s" % (len(message), message))
    if parent is not None:
        out.write(b"from :%d\n" % parent)
    if merge is not None:
        out.write(b"merge :%d\n" % merge)
    for change in changes:
        out.write(change)
        if state.rich and change.startswith(b"M "):
            state.touched.append(change.split(b" ", 3)[3].strip().decode())
    out.write(b"\n")
    commit = Commit(mark, subject, session_index, merge is not None)
    state.commits.append(commit)
    state.emitted += 1
    return commit


def _subject(rng: random.Random, path: str) -> str:
    name = path.rsplit("/", 1)[-1].removesuffix(".py").removesuffix(".md")
    return f"{rng.choice(VERBS)} {rng.choice(THINGS)} in {name}"


# --- history ------------------------------------------------------------------------------

PROTECTED = frozenset(CORE) | {"README.md", "CHANGELOG.md", "pyproject.toml"}
PYPROJECT = [
    "[project]",
    'name = "synthetic"',
    'version = "0.1.0"',
    'requires-python = ">=3.10"',
    "",
    "[tool.pytest.ini_options]",
    'testpaths = ["tests"]',
]


def _new_path(rng: random.Random, files: Paths) -> str:
    while True:
        package, sub = rng.choice(PACKAGES), rng.choice(SUBPACKAGES)
        path = f"src/{package}/{sub}/{rng.choice(WORDS)}_{rng.choice(WORDS)}.py"
        if path not in files:
            return path


def _test_path(path: str) -> str:
    head, _, name = path.removeprefix("src/").rpartition("/")
    return f"tests/{head}/test_{name}"


def _root_commit(state: State) -> None:
    rng = state.rng
    seeded = {
        "README.md": ["# Synthetic project", "", "A repository for handoff-lint benchmarks."],
        "CHANGELOG.md": ["# Changelog", ""],
        "pyproject.toml": PYPROJECT,
    }
    for path in CORE:
        seeded[path] = _content(rng, rng.randint(20, 80))
    while len(seeded) < 200:
        path = _new_path(rng, state.files)
        seeded[path] = _content(rng, rng.randint(10, 60))
        if rng.random() < 0.5:
            seeded[_test_path(path)] = _content(rng, rng.randint(10, 40))
    changes = []
    for path, lines in seeded.items():
        blob = state.blob(lines)
        state.files[path] = blob
        changes.append(_modify(path, blob))
    state.main_tip = _commit(state, "refs/heads/main", "Initial project layout", changes).mark


def _is_fixed(path: str) -> bool:
    return path == "pyproject.toml" or path.startswith("handoffs/")


def _pick(state: State, count: int, avoid: set[str] | dict[str, Blob]) -> list[str]:
    picked: list[str] = []
    for _ in range(count * 3):
        path = state.files.choice(state.rng)
        if path not in avoid and path not in picked and not _is_fixed(path):
            picked.append(path)
            if len(picked) == count:
                break
    return picked


def _history_commit(state: State, avoid: dict[str, Blob]) -> None:
    """One ordinary commit on main: modify 1-3 files, or create, delete or rename one."""
    rng, files = state.rng, state.files
    changes: list[bytes] = []
    roll = rng.random()
    movable = [p for p in _pick(state, 2, avoid) if p not in PROTECTED and p.startswith("src/")]
    if roll < 0.07:
        path = _new_path(rng, files)
        files[path] = blob = state.blob(_content(rng, rng.randint(10, 80)))
        changes.append(_modify(path, blob))
        subject = f"Add {path.rsplit('/', 1)[-1].removesuffix('.py').replace('_', ' ')}"
        test = _test_path(path)
        if rng.random() < 0.6 and test not in files:
            files[test] = blob = state.blob(_content(rng, rng.randint(10, 50)))
            changes.append(_modify(test, blob))
    elif roll < 0.08 and movable:
        path = movable[0]
        del files[path]
        changes.append(b"D %s\n" % _quote(path))
        test = _test_path(path)
        if test in files and test not in avoid:
            del files[test]
            changes.append(b"D %s\n" % _quote(test))
        subject = f"Remove unused {path.rsplit('/', 1)[-1]}"
    elif roll < 0.09 and movable:
        old, new = movable[0], _new_path(rng, files)
        blob = state.blob(_edit(rng, files[old].lines, 1))
        del files[old]
        files[new] = blob
        changes += [b"R %s %s\n" % (_quote(old), _quote(new)), _modify(new, blob)]
        subject = f"Move {old.rsplit('/', 1)[-1]} to {new.rsplit('/', 2)[-2]}"
    else:
        paths = _pick(state, rng.choice((1, 1, 2, 2, 3)), avoid) or ["README.md"]
        for path in paths:
            files[path] = blob = state.blob(_edit(rng, files[path].lines, rng.randint(1, 4)))
            changes.append(_modify(path, blob))
            test = _test_path(path)
            if test in files and test not in avoid and rng.random() < 0.3:
                files[test] = blob = state.blob(_edit(rng, files[test].lines, 2))
                changes.append(_modify(test, blob))
        subject = _subject(rng, paths[0])
    if rng.random() < 0.05 and "CHANGELOG.md" not in avoid:
        blob = state.blob([*files["CHANGELOG.md"].lines[-200:], f"- {subject}"])
        files["CHANGELOG.md"] = blob
        changes.append(_modify("CHANGELOG.md", blob))
    state.main_tip = _commit(state, "refs/heads/main", subject, changes).mark


def _topic(
    state: State, count: int, name: str, paths: list[str], step: int, session_index: int = -1
) -> tuple[int, dict[str, Blob]]:
    """A topic branch of ``count`` commits from main's tip, editing some of ``paths``.

    Returns its tip and its versions of the files it changed: main sees them at the merge.
    """
    rng = state.rng
    tip = state.main_tip
    changed: dict[str, Blob] = {}
    for index in range(count):
        state.timestamp += step
        path = paths[rng.randrange(len(paths))]
        current = changed.get(path) or state.files[path]
        changed[path] = blob = state.blob(_edit(rng, current.lines, 3))
        commit = _commit(
            state,
            "refs/heads/topic",
            f"{_subject(rng, path)} ({name.rsplit('/', 1)[-1]})",
            [_modify(path, blob)],
            parent=tip if index == 0 else None,
            session_index=session_index + index if session_index >= 0 else -1,
        )
        tip = commit.mark
    return tip, changed


def _merge(state: State, topic_tip: int, changed: dict[str, Blob], name: str, index: int) -> Commit:
    changes = []
    for path, blob in sorted(changed.items()):
        state.files[path] = blob
        changes.append(_modify(path, blob))
    commit = _commit(
        state,
        "refs/heads/main",
        f"Merge branch '{name}'",
        changes,
        parent=state.main_tip,
        merge=topic_tip,
        session_index=index,
    )
    state.main_tip = commit.mark
    return commit


def _handoff_text(number: int, date: str) -> list[str]:
    return [
        f"# Session {number} Handoff",
        "",
        f"**Date:** {date}",
        "",
        "## Summary",
        "",
        "Routine maintenance; see the commits before this one.",
    ]


def _add_handoff(state: State, number: int, session_index: int = -1) -> Commit:
    path = f"handoffs/SESSION_{number}_HANDOFF.md"
    day = time.strftime("%Y-%m-%d", time.gmtime(state.timestamp))
    lines = _handoff_text(number, day)
    if state.rich and session_index < 0:  # file claims about the commits since the last one
        recent = [p for p in dict.fromkeys(reversed(state.touched)) if p in state.files][:6]
        lines += ["", "## Files Modified", ""] + [f"- `{p}`: updated" for p in recent]
        state.touched.clear()
    state.files[path] = blob = state.blob(lines)
    commit = _commit(
        state,
        "refs/heads/main",
        f"Add session {number} handoff",
        [_modify(path, blob)],
        session_index=session_index,
    )
    state.main_tip = commit.mark
    return commit


def _history(state: State, count: int, handoff_every: int, handoff_span: int) -> int:
    """Commits of history up to ``count`` in all; returns the number of handoffs written."""
    rng = state.rng
    sessions = 0
    topics = 0
    while state.emitted < count:
        left = count - state.emitted
        state.timestamp += HISTORY_STEP
        if handoff_every and left <= handoff_span and left % handoff_every == 0:
            sessions += 1
            _add_handoff(state, sessions)
            continue
        if left > 12 and rng.random() < 1 / 30:
            topics += 1
            name = f"topic/{rng.choice(WORDS)}-{topics}"
            paths = [p for p in _pick(state, 6, set()) if p.startswith("src/")] or ["README.md"]
            tip, changed = _topic(state, rng.randint(2, 4), name, paths, HISTORY_STEP // 3)
            for _ in range(rng.randint(0, 3)):
                state.timestamp += HISTORY_STEP // 3
                _history_commit(state, changed)
            state.timestamp += HISTORY_STEP // 3
            _merge(state, tip, changed, name, -1)
            continue
        _history_commit(state, {})
        if state.emitted % 5000 == 0:
            state.out.write(b"tag v0.%d\nfrom :%d\n" % (state.emitted // 5000, state.main_tip))
            state.out.write(b"tagger %s %d +0000\ndata 0\n\n" % (AUTHOR, state.timestamp))
    return sessions


# --- the session --------------------------------------------------------------------------


@dataclass
class Session:
    number: int
    base_mark: int = 0
    commits: list[Commit] = field(default_factory=list)
    created_lines: dict[str, int] = field(default_factory=dict)


def _session(
    state: State, window: int, previous: int, seed: int, first_handoff: bool = False
) -> Session:
    """The scripted session: ``window`` commits, the first adding the previous handoff (or,
    with ``first_handoff``, a note that is no handoff document: the tip's is the first)."""
    rng = random.Random(seed * 7919 + 17)
    state.rng = rng  # the session is the same whatever the history before it
    session = Session(previous + 1)
    state.timestamp = SESSION_START
    if first_handoff:
        state.files["notes/session-start.txt"] = blob = state.blob(["session starts"])
        first = _commit(
            state, "refs/heads/main", f"Add session {previous} handoff",
            [_modify("notes/session-start.txt", blob)], session_index=0,
        )  # fmt: skip
        state.main_tip = first.mark
    else:
        first = _add_handoff(state, previous, session_index=0)
    session.base_mark = first.mark
    session.commits.append(first)
    merges = {window * 2 // 5: "topic/session-ingest", window * 4 // 5: "topic/session-store"}
    blocked = {m + offset for m in merges for offset in range(4)}
    script: list[tuple[str, list[str]]] = [("create", [p]) for p in SESSION_CREATED]
    script[6:6] = [("delete", SESSION_DELETED[:1]), ("rename", list(SESSION_RENAMED))]
    script.append(("delete", SESSION_DELETED[1:]))
    events: dict[int, tuple[str, list[str]]] = {}
    position = 1
    for event in script:
        while position in blocked:
            position += 1
        events[position] = event
        position += max(1, (window - 8) // (len(script) + 4))
    owned = list(SESSION_MODIFIED)
    index = 1
    while index < window:
        state.timestamp += SESSION_STEP
        if index in merges and index + 4 < window and index not in events:
            tip, changed = _topic(state, 3, merges[index], owned, SESSION_STEP, index)
            session.commits += state.commits[-3:]
            state.timestamp += SESSION_STEP
            session.commits.append(_merge(state, tip, changed, merges[index], index + 3))
            index += 4
            continue
        kind, paths = events.get(index, ("modify", []))
        changes: list[bytes] = []
        if kind == "create":
            path = paths[0]
            state.files[path] = blob = state.blob(_content(rng, rng.randint(20, 120)))
            changes.append(_modify(path, blob))
            owned.append(path)
            name = path.rsplit("/", 1)[-1].removesuffix(".py").replace("_", " ").strip()
            subject = f"Add {name} for session ingestion"
        elif kind == "delete":
            for path in paths:
                del state.files[path]
                changes.append(b"D %s\n" % _quote(path))
            subject = f"Remove deprecated {paths[0].rsplit('/', 1)[-1]}"
        elif kind == "rename":
            old, new = paths
            blob = state.blob(_edit(rng, state.files[old].lines, 1))
            del state.files[old]
            state.files[new] = blob
            changes += [b"R %s %s\n" % (_quote(old), _quote(new)), _modify(new, blob)]
            subject = f"Rename {old.rsplit('/', 1)[-1]} to {new.rsplit('/', 1)[-1]}"
        else:
            touched = rng.sample(owned, min(len(owned), rng.choice((1, 2, 2, 3))))
            for path in touched:
                blob = state.blob(_edit(rng, state.files[path].lines, rng.randint(1, 4)))
                state.files[path] = blob
                changes.append(_modify(path, blob))
            subject = _subject(rng, touched[0])
        commit = _commit(state, "refs/heads/main", subject, changes, session_index=index)
        state.main_tip = commit.mark
        session.commits.append(commit)
        index += 1
    for path in SESSION_CREATED:
        session.created_lines[path] = len(state.files[path].lines)
    return session


# --- the handoff documents ----------------------------------------------------------------


def _claimed_commits(session: Session, rotate: int) -> list[Commit]:
    plain = [c for c in session.commits if not c.merge and c.session_index > 0]
    step = max(1, len(plain) // 8)
    picked = plain[::step][:8]
    if rotate:
        picked = plain[rotate % step :: step][:8]
    return picked


def handoff_document(
    session: Session,
    short: dict[int, str],
    stats: dict[int, str],
    subjects: dict[int, str],
    rotate: int = 0,
) -> str:
    """The handoff document the session's agent writes (``rotate`` varies it for extra docs)."""
    commits = _claimed_commits(session, rotate)
    lines = [
        f"# Session {session.number} Handoff: Session Ingestion Pipeline"
        + (f" (agent {rotate})" if rotate else ""),
        "",
        f"**Date:** {SESSION_DATE}",
        f"**Branch:** `{SESSION_BRANCH}`",
        "**Status:** 162/165 tests passing (98.2%)",
        "",
        "## Summary",
        "",
        "Built the session ingestion pipeline under `app/session/`, renamed the config loader,",
        "removed the deprecated exporters and merged the ingest and store topic branches.",
        f"Commit {short[commits[0].mark]} started the work.",
        "",
        "## Commits",
        "",
    ]
    fake = FABRICATED[rotate % len(FABRICATED)]
    for position, commit in enumerate(commits):
        subject = subjects[commit.mark]
        if position == 5:
            subject = "Add retry policy to the ingestion worker"  # a wrong subject
        lines.append(f"- {short[commit.mark]} {subject}")
        if position in (1, 3):
            lines.append(f"  - {stats[commit.mark]}")
        if position == 4:
            lines.append(f"- {fake} Add backpressure to the session worker")
    lines.append(f"- {FABRICATED[(rotate + 1) % len(FABRICATED)]} Wire metrics into the scheduler")
    lines += ["", "## Files Created", ""]
    for position, path in enumerate(SESSION_CREATED[:8]):
        count = session.created_lines.get(path, 0)
        if position in (1, 2):
            lines.append(f"- `{path}` ({count} lines) - {path.rsplit('/', 1)[-1]} module")
        elif position == 4:
            lines.append(f"- `{path}` ({count + 40} lines) - store")  # a wrong line count
        else:
            lines.append(f"- `{path}`")
    lines.append("- `app/core/permissions.py` - permission checks")  # false: it already existed
    lines += ["", "## Files Modified", ""]
    modified = [*SESSION_MODIFIED[rotate % 3 :], "app/core/legacy_api.py"]  # the last is false
    lines += [f"- `{path}`" for path in modified]
    lines.append("- `app/session/retry_policy.py` - retry policy")  # false: no such file
    lines += ["", "## Files Deleted", ""]
    lines += [f"- `{path}`" for path in SESSION_DELETED]
    lines.append("- `app/core/cache.py`")  # false: still exists
    old, new = SESSION_RENAMED
    lines += ["", "## Other Changes", "", f"- Renamed `{old}` → `{new}`", ""]
    lines += [
        "## Testing",
        "",
        "- Unit tests: 41/41 passing (100%)",
        "- Integration tests: 121/124 passing (97.6%)",
        "",
        "## Next Steps",
        "",
        "- Create `app/session/retry_policy.py` (a plan, not a claim)",
        "- Remove `app/core/legacy_api.py` once callers are gone",
        "",
    ]
    return "\n".join(lines)


# --- driver -------------------------------------------------------------------------------


def _git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    return subprocess.run(
        ["git", "-C", str(repo), *args], input=stdin, env=GIT_ENV, check=True, capture_output=True
    ).stdout


def generate(
    out: Path,
    commits: int,
    window: int = 100,
    docs: int = 1,
    seed: int = 1,
    handoff_every: int = 50,
    handoff_span: int = 2000,
    commit_graph: bool = False,
    first_handoff: bool = False,
    rich_handoffs: bool = False,
) -> dict[str, Any]:
    """Build the repository at ``out`` (replacing it) and return its metadata.

    ``first_handoff``: no handoff document before the tip's (its window is the search's 5,000
    commits). ``rich_handoffs``: each history handoff lists the files changed since the
    previous one (claims to verify; ``audit`` and ``check`` of every document).
    """
    started = time.perf_counter()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    _git(out, "init", "-q", "-b", "main")
    _git(out, "config", "core.autocrlf", "false")
    _git(out, "config", "gc.auto", "0")
    marks = out / ".git" / "bench-marks"
    history = max(commits - window - 1, 1)
    process = subprocess.Popen(
        ["git", "-C", str(out), "fast-import", "--quiet", f"--export-marks={marks}"],
        stdin=subprocess.PIPE,
        env=GIT_ENV,
    )
    assert process.stdin is not None
    stream = process.stdin
    state = State(stream, random.Random(seed), rich=rich_handoffs)
    state.timestamp = SESSION_START - (history + 1) * HISTORY_STEP
    _root_commit(state)
    previous = _history(state, history, handoff_every, handoff_span)
    session = _session(state, window, previous + 1, seed, first_handoff)
    stream.write(b"reset refs/heads/topic\n\n")
    stream.close()
    if process.wait() != 0:
        raise SystemExit("git fast-import failed")
    imported = time.perf_counter() - started
    mark_sha = dict(
        (int(m.lstrip(":")), s)
        for m, s in (line.split() for line in marks.read_text().splitlines())
    )
    marks.unlink()
    _git(out, "update-ref", "-d", "refs/heads/topic")
    # Short ids as git prints them (unique), subjects and stats of the session's commits.
    session_marks = [c.mark for c in session.commits]
    shas = [mark_sha[m] for m in session_marks]
    log = _git(
        out,
        "log",
        "--no-walk=unsorted",
        "--abbrev=7",
        "--format=%x00%H%x1f%h%x1f%s",
        "--shortstat",
        *shas,
    ).decode()
    short: dict[int, str] = {}
    stats: dict[int, str] = {}
    subjects: dict[int, str] = {}
    by_sha = {s: m for m, s in zip(session_marks, shas, strict=True)}
    for chunk in log.split("\0")[1:]:
        head, _, stat = chunk.partition("\n")
        sha, abbreviated, subject = head.split("\x1f")
        short[by_sha[sha]] = abbreviated
        subjects[by_sha[sha]] = subject
        stats[by_sha[sha]] = stat.strip()
    missing = _git(out, "cat-file", "--batch-check", stdin="\n".join(FABRICATED).encode() + b"\n")
    if missing.decode().count("missing") != len(FABRICATED):
        raise SystemExit("a fabricated id exists in this repository; change --seed")
    # The tip commit: the handoff document(s), written with plumbing into a temporary index.
    documents = {
        f"SESSION_{session.number}_HANDOFF.md": handoff_document(session, short, stats, subjects)
    }
    for extra in range(1, docs):
        documents[f"docs/handoffs/agent-{extra:02d}.md"] = handoff_document(
            session, short, stats, subjects, rotate=extra
        )
    head = mark_sha[session.commits[-1].mark]
    with tempfile.TemporaryDirectory() as scratch:
        env = {**GIT_ENV, "GIT_INDEX_FILE": str(Path(scratch) / "index")}
        when = f"{SESSION_START + (window + 2) * SESSION_STEP} +0000"
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)

        def plumb(*args: str, stdin: bytes | None = None) -> str:
            return subprocess.run(
                ["git", "-C", str(out), *args],
                input=stdin,
                env=env,
                check=True,
                capture_output=True,
            ).stdout.decode()

        plumb("read-tree", head)
        entries = []
        for path, text in documents.items():
            (out / path).parent.mkdir(parents=True, exist_ok=True)
            (out / path).write_text(text, encoding="utf-8")
            sha = plumb("hash-object", "-w", "--stdin", stdin=text.encode()).strip()
            entries.append(f"100644 {sha}\t{path}")
        plumb("update-index", "--index-info", stdin=("\n".join(entries) + "\n").encode())
        tree = plumb("write-tree").strip()
        message = f"Add session {session.number} handoff".encode()
        tip = plumb("commit-tree", tree, "-p", head, stdin=message).strip()
    _git(out, "update-ref", "refs/heads/main", tip)
    _git(out, "symbolic-ref", "HEAD", "refs/heads/main")
    _git(out, "read-tree", "-u", "--reset", "HEAD")
    for path, text in documents.items():  # checked out already; keep the written text exact
        (out / path).write_text(text, encoding="utf-8")
    if commit_graph:
        _git(out, "commit-graph", "write", "--reachable", "--changed-paths")
    count = int(_git(out, "rev-list", "--count", "HEAD").decode())
    files = len(_git(out, "ls-files", "-z").split(b"\0")) - 1
    metadata: dict[str, Any] = {
        "commits": count,
        "files": files,
        "window": window,
        "seed": seed,
        "document": next(iter(documents)),
        "documents": list(documents),
        "window_base": mark_sha[session.base_mark],
        "head": tip,
        "previous_handoffs": previous,
        "commit_graph": commit_graph,
        "claimed_commits": [short[c.mark] for c in _claimed_commits(session, 0)],
        "fabricated": FABRICATED,
        "fast_import_seconds": round(imported, 2),
        "total_seconds": round(time.perf_counter() - started, 2),
        "arguments": {
            "version": VERSION,
            "commits": commits,
            "window": window,
            "docs": docs,
            "seed": seed,
            "handoff_every": handoff_every,
            "handoff_span": handoff_span,
            "commit_graph": commit_graph,
            **({"first_handoff": True} if first_handoff else {}),
            **({"rich_handoffs": True} if rich_handoffs else {}),
        },
    }
    (out / ".git" / METADATA).write_text(json.dumps(metadata, indent=2) + "\n")
    return metadata


def load_metadata(repo: Path) -> dict[str, Any] | None:
    path = repo / ".git" / METADATA
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("out", type=Path, help="where to build the repository (replaced)")
    parser.add_argument("--commits", type=int, default=1000, help="total commits (default 1000)")
    parser.add_argument("--window", type=int, default=100, help="session commits (default 100)")
    parser.add_argument("--docs", type=int, default=1, help="handoff documents at the tip")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--handoff-every", type=int, default=50, help="history commits per handoff")
    parser.add_argument(
        "--handoff-span", type=int, default=2000, help="history commits that have handoffs"
    )
    parser.add_argument("--commit-graph", action="store_true", help="write a commit-graph")
    parser.add_argument(
        "--first-handoff", action="store_true", help="no handoff before the tip's document"
    )
    parser.add_argument(
        "--rich-handoffs", action="store_true", help="history handoffs list changed files"
    )
    args = parser.parse_args(argv)
    if args.commits < args.window + 20:
        parser.error("--commits must exceed --window by at least 20")
    metadata = generate(
        args.out,
        args.commits,
        args.window,
        args.docs,
        args.seed,
        args.handoff_every,
        args.handoff_span,
        args.commit_graph,
        args.first_handoff,
        args.rich_handoffs,
    )
    json.dump(metadata, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
