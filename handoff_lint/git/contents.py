"""File contents evidence, gathered once for the claim kinds that read it: the sizes of the
files line-count claims name (lines, lines_total register ``gather_sizes``), and the texts of
the files other claims name at the end of the window and at its possible starts (symbol,
tests_added, test_count, words, size register ``gather_texts``). Each is kept in the
evidence's memo (``sizes``, ``texts``).

Two processes at most per document, whatever the number of claims: one ``cat-file --batch``
for the blobs of every claimed path, one ``log --numstat`` over the window for those paths.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from handoff_lint.git.gitcmd import Git
from handoff_lint.git.repo import RepoFacts
from handoff_lint.model import Claim, Window

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

MAX_STARTS = 50
SIZES = ("sizes",)
TEXTS = ("texts",)


@dataclass(frozen=True)
class Sizes:
    """Line counts at the end of the window, code lines where a count is of code ("115 LOC"),
    and each commit's (insertions, deletions), per path."""

    lines: Mapping[str, set[int]] = field(default_factory=dict)
    code: Mapping[str, set[int]] = field(default_factory=dict)
    numstat: Mapping[str, list[tuple[int, int]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Texts:
    """Texts at the end of the window, and at its possible starts (oldest first; "" where the
    file did not exist), per path."""

    at_end: Mapping[str, str] = field(default_factory=dict)
    at_start: Mapping[str, list[str]] = field(default_factory=dict)


def sizes(evidence: Evidence) -> Sizes:
    found = evidence.memo.get(SIZES)
    return found if isinstance(found, Sizes) else Sizes()


def texts(evidence: Evidence) -> Texts:
    found = evidence.memo.get(TEXTS)
    return found if isinstance(found, Texts) else Texts()


def text_at_end(evidence: Evidence, written: str) -> tuple[str, str] | None:
    """(path, text) of a claimed file at the end of the window, when git has it."""
    path = evidence.resolve_present(written) if evidence.available else None
    text = texts(evidence).at_end.get(path or "")
    return (path, text) if path is not None and text is not None else None


def _asked(evidence: Evidence, memo: tuple[str, ...]) -> bool:
    """Gathered already, or no commits to read: nothing to ask."""
    window = evidence.window
    return (
        memo in evidence.memo
        or not evidence.available
        or (window.head is None and not window.staged)
    )


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
    if _asked(evidence, TEXTS):
        return
    wanted = {"symbol", "tests_added", "test_count", "words", "size"}
    paths = {p for c in claims if c.kind in wanted for p in [_claimed_path(evidence, c)] if p}
    present = sorted(p for p in paths if p in evidence.files_at_end)
    if not present:
        evidence.memo[TEXTS] = Texts()
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
    read = blob_texts(facts.git, names)
    evidence.memo[TEXTS] = Texts(
        {p: read[f"{end}:{p}"] for p in present if f"{end}:{p}" in read},
        {p: [read.get(f"{r}:{p}", "") for r in starts] or [""] for p in counted},
    )


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


def gather_sizes(facts: RepoFacts, evidence: Evidence, claims: list[Claim]) -> None:
    """Line counts and per-commit insertions for the paths of line-count claims."""
    if _asked(evidence, SIZES):
        return
    paths = _line_count_paths(evidence, claims)
    if not paths:
        evidence.memo[SIZES] = Sizes()
        return
    window = evidence.window
    present = [p for p in paths if p in evidence.files_at_end]
    revision = "" if window.staged else str(window.head)
    wanted = _line_count_paths(evidence, [c for c in claims if c.value.get("code")])
    code = [p for p in wanted if p in present]
    evidence.memo[SIZES] = Sizes(
        blob_lines(facts.git, revision, present),
        _code_counts(facts.git, revision, code),
        insertions(facts.git, window, paths),
    )


def _code_counts(git: Git, revision: str, paths: list[str]) -> dict[str, set[int]]:
    """Code lines and non-blank lines of ``paths`` at ``revision`` ("115 LOC")."""
    if not paths:
        return {}
    from handoff_lint.git.codelines import code_lines

    read = blob_texts(git, [f"{revision}:{p}" for p in paths])
    found: dict[str, set[int]] = {}
    for path in paths:
        text = read.get(f"{revision}:{path}")
        if text is not None:
            non_blank = sum(1 for line in text.splitlines() if line.strip())
            found[path] = {code_lines(path, text), non_blank}
    return found
