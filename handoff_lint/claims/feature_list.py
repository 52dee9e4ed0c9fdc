"""The feature list of autonomous-coding harnesses (feature_list.json at the repository root,
a list of entries with a ``passes`` flag), as the tests kind reads it: its passing count at the
end, the start and every commit of the window, and at each earlier session's handoff. The tests
kind's own evidence, gathered only when the document states test ratios."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from handoff_lint.git.contents import read_blobs
from handoff_lint.git.gitcmd import Git
from handoff_lint.model import Claim, Window

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence
    from handoff_lint.git.repo import RepoFacts

KEY = ("tests", "feature_list")


@dataclass
class Features:
    # (passing, total) at "end", "start" and each window commit's hash
    status: dict[str, tuple[int, int]] = field(default_factory=dict)
    # session N -> (the commit that added its handoff, the counts there)
    sessions: dict[int, tuple[str, tuple[int, int]]] = field(default_factory=dict)


NONE = Features()


def features(evidence: Evidence) -> Features:
    found = evidence.memo.get(KEY)
    return found if isinstance(found, Features) else NONE


def gather(facts: RepoFacts, evidence: Evidence, claims: list[Claim]) -> None:
    """The feature list's counts through the window, and at each session's handoff when a
    claim is a row of a progress timeline ("Session 4 | 12/40")."""
    from handoff_lint.session.window import pathspecs

    tests = [c for c in claims if c.kind == "tests"]
    if not tests or KEY in evidence.memo:
        return
    window = evidence.window
    shas = [c.sha for c in evidence.window_commits]
    found = Features(feature_status(facts.git, window, shas, evidence.files_at_end))
    timeline = any("session" in c.value for c in tests)
    if timeline and found.status and window.head:
        specs = pathspecs(list(evidence.settings.include))
        found.sessions = session_features(facts.git, window.head, specs)
    evidence.memo[KEY] = found


FEATURE_LIST = "feature_list.json"
MAX_STATES = 300


def _passes(data: bytes) -> tuple[int, int] | None:
    """(passing, total) of a feature_list.json: a list of entries with a ``passes`` flag."""
    import json

    try:
        entries = json.loads(data)
    except ValueError:
        return None
    if isinstance(entries, dict):
        entries = entries.get("features", [])
    if (
        not isinstance(entries, list)
        or not entries
        or not all(isinstance(e, dict) for e in entries)
    ):
        return None
    if not any("passes" in e for e in entries):
        return None
    return sum(1 for e in entries if e.get("passes") is True), len(entries)


def feature_status(
    git: Git, window: Window, commits: list[str], files: set[str]
) -> dict[str, tuple[int, int]]:
    """feature_list.json's (passing, total) at the end, the start and every commit of the window.

    One ``cat-file --batch`` process. The convention of autonomous-coding harnesses:
    feature_list.json at the repository root. Keys: "end", "start", and each commit's hash.
    """
    if FEATURE_LIST not in files:
        return {}
    names = {"end": f"{'' if window.staged else window.head}:{FEATURE_LIST}"}
    if window.base:
        names["start"] = f"{window.base}:{FEATURE_LIST}"
    for sha in commits[:MAX_STATES]:
        names[sha] = f"{sha}:{FEATURE_LIST}"
    blobs = read_blobs(git, list(names.values()))
    status: dict[str, tuple[int, int]] = {}
    for key, name in names.items():
        found = _passes(blobs[name]) if name in blobs else None
        if found:
            status[key] = found
    return status if "end" in status else {}


def _blob_passes(git: Git, names: list[str]) -> list[tuple[int, int] | None]:
    blobs = read_blobs(git, names)
    return [_passes(blobs[n]) if n in blobs else None for n in names]


def session_features(
    git: Git, head: str, specs: list[str]
) -> dict[int, tuple[str, tuple[int, int]]]:
    """Session N -> (commit that added its handoff, feature_list.json's counts there).

    Two processes: one log of handoff additions (newest first), one cat-file --batch.
    """
    from handoff_lint.session.families import session_number

    output = git.run(
        "log",
        "--diff-filter=A",
        "--format=%x00%H",
        "--name-only",
        "--max-count=500",
        head,
        "--",
        *specs,
        check=False,
    )
    commits: dict[int, str] = {}
    for chunk in output.split("\0")[1:]:
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        for path in lines[1:]:
            number = session_number(path)
            if number is not None and number not in commits:
                commits[number] = lines[0]
    if not commits:
        return {}
    numbers = sorted(commits)
    counts = _blob_passes(git, [f"{commits[n]}:{FEATURE_LIST}" for n in numbers])
    return {n: (commits[n], c) for n, c in zip(numbers, counts, strict=True) if c}
