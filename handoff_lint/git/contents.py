"""File contents evidence: line counts at the end of a window and per-commit insertions.

Two processes at most per document, whatever the number of claims: one ``cat-file --batch``
for the blobs of every claimed path, one ``log --numstat`` over the window for those paths.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from handoff_lint.git.gitcmd import Git
from handoff_lint.git.repo import RepoFacts
from handoff_lint.model import Claim, Window

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

MAX_STARTS = 50

MAX_BLOB = 50 * 1024 * 1024


def line_counts(data: bytes) -> set[int]:
    """The line counts people give for ``data``: wc -l, and one more without a final newline."""
    newlines = data.count(b"\n")
    counts = {newlines}
    if data and not data.endswith(b"\n"):
        counts.add(newlines + 1)
    return counts


def read_blobs(git: Git, names: list[str]) -> dict[str, bytes]:
    """The blobs named (``REV:path``, ``:path`` for the index) that exist and are not huge,
    through the run's long-lived ``cat-file --batch``."""
    found = git.objects(names)
    return {
        n: data for n, (kind, data) in found.items() if kind == "blob" and len(data) <= MAX_BLOB
    }


def blob_lines(git: Git, revision: str, paths: list[str]) -> dict[str, set[int]]:
    """Line counts of ``paths`` at ``revision`` ('' for the index)."""
    blobs = read_blobs(git, [f"{revision}:{p}" for p in paths])
    return {p: line_counts(blobs[f"{revision}:{p}"]) for p in paths if f"{revision}:{p}" in blobs}


def parse_numstat(output: str) -> dict[str, list[tuple[int, int]]]:
    """``git log --numstat`` lines into (insertions, deletions) per commit, per path."""
    result: dict[str, list[tuple[int, int]]] = {}
    for line in output.split("\n"):
        parts = line.split("\t")
        if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
            continue
        result.setdefault(parts[2], []).append((int(parts[0]), int(parts[1])))
    return result


def _numstat_question(window: Window, paths: list[str]) -> tuple[str, ...]:
    log = ("--literal-pathspecs", "log", "--numstat", "--format=", "--no-renames")
    return (*log, "--max-count=5000", window.span, "--", *paths)


def insertions(git: Git, window: Window, paths: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Per-commit (insertions, deletions) of ``paths`` over the window, staged changes last."""
    if not paths:
        return {}
    result: dict[str, list[tuple[int, int]]] = {}
    if window.head:
        result = parse_numstat(git.run(*_numstat_question(window, paths), check=False))
    if window.staged:
        against = [window.head] if window.head else []
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


def blob_texts(git: Git, names: list[str]) -> dict[str, str]:
    """The text of each blob named (``REV:path``) that exists and is not too large."""
    return {name: data.decode("utf-8", "replace") for name, data in read_blobs(git, names).items()}


def _claimed_path(evidence: Evidence, claim: Claim) -> str | None:
    """The file a claim is about: its path, or the test file named for its subject."""
    written = str(claim.value.get("path", ""))
    if claim.value.get("subject"):
        return evidence.test_file(written)
    return evidence.resolve_present(written)


def gather_texts(facts: RepoFacts, evidence: Evidence, claims: list[Claim]) -> None:
    """File texts at the end of the window (symbols, tests added) and at its possible starts.

    The window is an estimate, so a tests-added count is compared from its base and from after
    each of its newest commits (``texts_at_start[path]``, oldest first; "" where the file did
    not exist). One ``cat-file --batch`` for all of them.
    """
    wanted = {"symbol", "tests_added", "test_count", "words", "size"}
    paths = {p for c in claims if c.kind in wanted for p in [_claimed_path(evidence, c)] if p}
    present = sorted(p for p in paths if p in evidence.files_at_end)
    if not present:
        return
    window = evidence.window
    end = "" if window.staged else str(window.head)
    counted = sorted(
        {
            p
            for c in claims
            if c.kind in ("tests_added", "test_count")
            for p in [_claimed_path(evidence, c)]
            if p in present
        }
    )
    starts = [c.sha for c in reversed(evidence.window_commits[:MAX_STARTS]) if c.sha != window.head]
    starts = ([window.base] if window.base else []) + starts
    names = [f"{end}:{p}" for p in present] + [f"{r}:{p}" for r in starts for p in counted]
    texts = blob_texts(facts.git, names)
    evidence.texts_at_end = {p: texts[f"{end}:{p}"] for p in present if f"{end}:{p}" in texts}
    evidence.texts_at_start = {
        p: [texts.get(f"{r}:{p}", "") for r in starts] or [""] for p in counted
    }


def _line_count_paths(evidence: Evidence, claims: list[Claim]) -> list[str]:
    """The files whose line counts claims need: a file's own count, or a total's files."""
    written = [str(c.value.get("path", "")) for c in claims if c.kind == "lines"]
    named = [p for w in written for p in evidence.namesakes(w)]  # a name several files have
    written += [str(p) for c in claims if c.kind == "lines_total" for p in c.value["paths"]]
    return sorted({p for w in written for p in [evidence.resolve(w)] if p} | set(named))


def line_count_questions(evidence: Evidence, claims: list[Claim]) -> list[tuple[str, ...]]:
    """The ``log --numstat`` that ``gather_line_counts`` will most likely run (to start early:
    if the paths resolve differently by then, it simply runs its own)."""
    paths, window = _line_count_paths(evidence, claims), evidence.window
    return [_numstat_question(window, paths)] if paths and window.head else []


def gather_line_counts(facts: RepoFacts, evidence: Evidence, claims: list[Claim]) -> None:
    """Line counts and per-commit insertions for the paths of line-count claims."""
    paths = _line_count_paths(evidence, claims)
    if not paths:
        return
    window = evidence.window
    present = [p for p in paths if p in evidence.files_at_end]
    revision = "" if window.staged else str(window.head)
    evidence.line_counts = blob_lines(facts.git, revision, present)
    evidence.numstat = insertions(facts.git, window, paths)
    wanted = _line_count_paths(evidence, [c for c in claims if c.value.get("code")])
    code = [p for p in wanted if p in present]
    if code:
        from handoff_lint.git.codelines import code_lines

        texts = blob_texts(facts.git, [f"{revision}:{p}" for p in code])
        for path in code:
            text = texts.get(f"{revision}:{path}")
            if text is not None:
                non_blank = sum(1 for line in text.splitlines() if line.strip())
                evidence.code_counts[path] = {code_lines(path, text), non_blank}
