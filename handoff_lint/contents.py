"""File contents evidence: line counts at the end of a window and per-commit insertions.

Two processes at most per document, whatever the number of claims: one ``cat-file --batch``
for the blobs of every claimed path, one ``log --numstat`` over the window for those paths.
"""

from __future__ import annotations

from handoff_lint.gitcmd import Git
from handoff_lint.model import Window

MAX_BLOB = 50 * 1024 * 1024


def line_counts(data: bytes) -> set[int]:
    """The line counts people give for ``data``: wc -l, and one more without a final newline."""
    newlines = data.count(b"\n")
    counts = {newlines}
    if data and not data.endswith(b"\n"):
        counts.add(newlines + 1)
    return counts


def parse_batch(output: bytes, names: list[str]) -> dict[str, set[int]]:
    """Parse ``git cat-file --batch`` output for ``names`` into line counts per name."""
    result: dict[str, set[int]] = {}
    position = 0
    for name in names:
        end = output.find(b"\n", position)
        if end < 0:
            break
        header = output[position:end].split(b" ")
        position = end + 1
        if len(header) != 3 or header[1] != b"blob":
            continue
        size = int(header[2])
        result[name] = (
            line_counts(output[position : position + size]) if size <= MAX_BLOB else set()
        )
        position += size + 1
    return result


def blob_lines(git: Git, revision: str, paths: list[str]) -> dict[str, set[int]]:
    """Line counts of ``paths`` at ``revision`` ('' for the index)."""
    if not paths:
        return {}
    names = [f"{revision}:{p}" for p in paths]
    output = git.run_bytes("cat-file", "--batch", stdin="\n".join(names) + "\n")
    counts = parse_batch(output, names)
    return {p: counts[n] for p, n in zip(paths, names, strict=True) if n in counts}


def parse_numstat(output: str) -> dict[str, list[tuple[int, int]]]:
    """``git log --numstat`` lines into (insertions, deletions) per commit, per path."""
    result: dict[str, list[tuple[int, int]]] = {}
    for line in output.split("\n"):
        parts = line.split("\t")
        if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
            continue
        result.setdefault(parts[2], []).append((int(parts[0]), int(parts[1])))
    return result


def insertions(
    git: Git, base: str | None, head: str | None, staged: bool, paths: list[str]
) -> dict[str, list[tuple[int, int]]]:
    """Per-commit (insertions, deletions) of ``paths`` over the window, staged changes last."""
    if not paths:
        return {}
    result: dict[str, list[tuple[int, int]]] = {}
    if head:
        span = f"{base}..{head}" if base else head
        output = git.run(
            "--literal-pathspecs",
            "log",
            "--numstat",
            "--format=",
            "--no-renames",
            "--max-count=5000",
            span,
            "--",
            *paths,
            check=False,
        )
        result = parse_numstat(output)
    if staged:
        against = [head] if head else []
        output = git.run(
            "--literal-pathspecs",
            "diff",
            "--cached",
            "--numstat",
            "--no-renames",
            *against,
            "--",
            *paths,
            check=False,
        )
        for path, rows in parse_numstat(output).items():
            result.setdefault(path, []).extend(rows)
    return result


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
    output = git.run_bytes("cat-file", "--batch", stdin="\n".join(names.values()) + "\n")
    status: dict[str, tuple[int, int]] = {}
    position = 0
    for key in names:
        end = output.find(b"\n", position)
        header = output[position:end].split(b" ") if end >= 0 else []
        position = end + 1
        if len(header) != 3:
            continue
        size = int(header[2])
        found = _passes(output[position : position + size])
        position += size + 1
        if found:
            status[key] = found
    return status if "end" in status else {}


def _blob_passes(git: Git, names: list[str]) -> list[tuple[int, int] | None]:
    output = git.run_bytes("cat-file", "--batch", stdin="\n".join(names) + "\n")
    found: list[tuple[int, int] | None] = []
    position = 0
    for _ in names:
        end = output.find(b"\n", position)
        header = output[position:end].split(b" ") if end >= 0 else []
        position = end + 1
        if len(header) != 3:
            found.append(None)
            continue
        size = int(header[2])
        found.append(_passes(output[position : position + size]))
        position += size + 1
    return found


def session_features(
    git: Git, head: str, specs: list[str]
) -> dict[int, tuple[str, tuple[int, int]]]:
    """Session N -> (commit that added its handoff, feature_list.json's counts there).

    Two processes: one log of handoff additions (newest first), one cat-file --batch.
    """
    from handoff_lint.window import session_number

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


def blob_texts(git: Git, names: list[str]) -> dict[str, str]:
    """The text of each blob named (``REV:path``) that exists and is not too large."""
    output = git.run_bytes("cat-file", "--batch", stdin="\n".join(names) + "\n")
    texts: dict[str, str] = {}
    position = 0
    for name in names:
        end = output.find(b"\n", position)
        if end < 0:
            break
        header = output[position:end].split(b" ")
        position = end + 1
        if len(header) != 3 or header[1] != b"blob":
            continue
        size = int(header[2])
        if size <= MAX_BLOB:
            texts[name] = output[position : position + size].decode("utf-8", "replace")
        position += size + 1
    return texts
