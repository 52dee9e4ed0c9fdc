"""``handoff-lint facts``: the verified facts of the current session window, ready to paste.

Agents write handoffs from memory; this prints what git knows instead: branch, commits with their
stats, files created / modified / deleted / renamed, tests added and dates, as Markdown and as
YAML front matter that ``handoff-lint check`` verifies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handoff_lint.claims import diff_readings
from handoff_lint.claims.commit import git_shortstat
from handoff_lint.claims.tests_added import test_names
from handoff_lint.document import discover
from handoff_lint.git import contents
from handoff_lint.git.gathering import gather
from handoff_lint.git.gitcmd import Git, empty_tree
from handoff_lint.git.history import commits_question
from handoff_lint.git.repo import CommitInfo, RepoFacts, parse_records
from handoff_lint.git.repo import gather as gather_facts
from handoff_lint.model import Window
from handoff_lint.session import window

NEW_DOCUMENT = "SESSION_NEXT_HANDOFF.md"
TEST_FILE = ("test_", "_test.py", ".test.", ".spec.")


@dataclass
class Facts:
    window: Window
    branch: str
    commits: list[CommitInfo] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    modified: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    tests: dict[str, list[str]] = field(default_factory=dict)
    days: list[dt.date] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)  # created and modified files' sizes
    diffstat: tuple[int, int, int] | None = None  # the window's net diff: files, +, -


def _renames(git: Git, span_base: str, staged: bool, head: str | None) -> list[tuple[str, str]]:
    args = ["diff", "--name-status", "-z", "-M", "--diff-filter=R"]
    args += ["--cached", span_base] if staged else [span_base, str(head)]
    fields = git.fields(*args, check=False)
    return [
        (fields[i + 1], fields[i + 2])
        for i in range(0, len(fields) - 2, 3)
        if fields[i].startswith("R")
    ]


def _tests_added(git: Git, found: Facts, base: str | None, end: str) -> None:
    paths = [
        p
        for p in found.created + found.modified
        if any(t in p.rsplit("/", 1)[-1] for t in TEST_FILE)
    ]
    if not paths:
        return
    names = [f"{end}:{p}" for p in paths] + ([f"{base}:{p}" for p in paths] if base else [])
    texts = contents.blob_texts(git, names)
    for path in paths:
        after = test_names(path, texts.get(f"{end}:{path}", "")) or []
        before = test_names(path, texts.get(f"{base}:{path}", "")) or [] if base else []
        new = [n for n in after if n not in before]
        if new:
            found.tests[path] = new


def _sizes(git: Git, end: str, paths: list[str]) -> dict[str, int]:
    """The line count of each text file of ``paths`` at ``end`` ('' for the index); none for a
    binary file, a file too large to read, or a submodule."""
    blobs = contents.read_blobs(git, [f"{end}:{p}" for p in paths])
    sizes = {p: blobs.get(f"{end}:{p}") for p in paths}
    return {
        p: max(contents.line_counts(b))
        for p, b in sizes.items()
        if b is not None and b"\0" not in b
    }


def collect(
    cwd: Path, since: str | None, globs: list[str], exclude: Sequence[str] | None = None
) -> Facts:
    """The facts of the window a handoff written now would report on (``exclude``: the
    configured globs of documents that are no reports, which end no window; None: the
    default exclude)."""
    git = Git(cwd)
    try:
        repo: RepoFacts = gather_facts(git)
        span = window.compute(repo, NEW_DOCUMENT, globs, since, exact=True, exclude=exclude)
        evidence = gather(repo, span, [], NEW_DOCUMENT)
        found = Facts(span, repo.head_branch or "(detached HEAD)", days=evidence.session_days())
        if span.head:
            found.commits = parse_records(git.run(*commits_question(span), check=False))
        renamed = _renames(git, span.base or empty_tree(span.head), span.staged, span.head)
        found.renamed = renamed
        moved = {new for _, new in renamed} | {old for old, _ in renamed}
        for path, actions in sorted(evidence.changes.items()):
            if path in moved or discover.matches(path, globs):
                continue
            if "A" in actions and path in evidence.files_at_end:
                found.created.append(path)
            elif "D" in actions and path not in evidence.files_at_end:
                found.deleted.append(path)
            elif path in evidence.files_at_end:
                found.modified.append(path)
        end = "" if span.staged else str(span.head)
        _tests_added(git, found, span.base, end)
        found.lines = _sizes(git, end, found.created + found.modified)
        if span.head or span.staged:
            found.diffstat = diff_readings.collect(repo, evidence)[diff_readings.NET]
        return found
    finally:
        git.close()


def _stats(info: CommitInfo) -> str:
    return git_shortstat(info.files, info.insertions, info.deletions)


def _tests(count: int) -> str:
    return f"{count} test{'s' if count != 1 else ''}"


def _file(found: Facts, path: str) -> str:
    """A file's list item, with its line count at the end of the window where git has one."""
    size = found.lines.get(path)
    if size is None:
        return f"- `{path}`"
    return f"- `{path}` ({size} line{'s' if size != 1 else ''})"


def markdown(found: Facts) -> str:
    out = ["## Session facts (from git, by handoff-lint facts)", ""]
    out.append(f"**Branch:** `{found.branch}`")
    if found.days:
        out.append(f"**Date:** {max(found.days).isoformat()}")
    if found.diffstat and found.diffstat[0]:
        out.append(f"**Diff stat:** {git_shortstat(*found.diffstat)}")
    out += ["", "### Commits", ""]
    out += [f"- {c.sha[:7]} {c.subject}\n  - {_stats(c)}" for c in found.commits] or [
        "- (none yet)"
    ]
    for title, paths in (
        ("Files Created", found.created),
        ("Files Modified", found.modified),
    ):
        if paths:
            out += ["", f"### {title}", ""] + [_file(found, p) for p in paths]
    if found.deleted:
        out += ["", "### Files Deleted", ""] + [f"- `{p}`" for p in found.deleted]
    if found.renamed:
        out += ["", "### Files Renamed", ""] + [
            f"- Renamed `{a}` → `{b}`" for a, b in found.renamed
        ]
    if found.tests:
        out += ["", "### Tests Added", ""]
        out += [
            f"- Added {_tests(len(n))} in `{p}`: {', '.join(n)}" for p, n in found.tests.items()
        ]
    return "\n".join(out) + "\n"


def front_matter(found: Facts, title: str = "Session handoff") -> str:
    import yaml

    data: dict[str, Any] = {"title": title}
    if found.days:
        data["date"] = max(found.days).isoformat()
    data["branch"] = found.branch
    if found.window.base:
        data["base"] = found.window.base[:12]
    data["commits"] = [f"{c.sha[:7]} {c.subject}" for c in found.commits]
    data["files_created"] = found.created
    data["files_modified"] = found.modified
    data["files_deleted"] = found.deleted
    if found.renamed:
        data["files_renamed"] = [{"from": a, "to": b} for a, b in found.renamed]
    return "---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n"
