"""The session window: which commits a document reports on.

Explicit: front matter ``base:``/``head:`` or ``--since REF``. Otherwise from just after the
commit that added the previous handoff document up to the commit that added this one; a staged or
uncommitted document reports on everything up to HEAD plus the staged changes; a repository's
first handoff document reports on the whole history before it.
"""

from __future__ import annotations

from handoff_lint.gitcmd import GitError
from handoff_lint.model import Window
from handoff_lint.repo import RepoFacts, lookup_objects


class WindowError(Exception):
    pass


def pathspecs(globs: list[str]) -> list[str]:
    """Discovery globs as git pathspecs (case-insensitive; a bare glob matches in any folder)."""
    out = []
    for pattern in globs:
        pattern = pattern.removeprefix("./")
        if "/" not in pattern:
            pattern = "**/" + pattern
        out.append(f":(glob,icase){pattern}")
    return out


def _resolve(facts: RepoFacts, ref: str, what: str) -> str:
    found = lookup_objects(facts.git, [f"{ref}^{{commit}}"]).get(f"{ref}^{{commit}}")
    if found is None or found.status != "found":
        raise WindowError(f"{what} '{ref}' does not name a commit")
    return found.sha


def _first_line(facts: RepoFacts, *args: str) -> str | None:
    lines = facts.git.lines(*args, check=False)
    return lines[0].strip() if lines else None


def _previous_handoff(facts: RepoFacts, start: str, globs: list[str]) -> str | None:
    """The newest commit at or before ``start`` that added a handoff document."""
    return _first_line(
        facts, "log", "-1", "--diff-filter=A", "--format=%H", start, "--", *pathspecs(globs)
    )


def _state(facts: RepoFacts, path: str) -> tuple[bool, bool]:
    """(in HEAD, staged or untracked differently from HEAD)."""
    names = [f":{path}"] + ([f"HEAD:{path}"] if facts.head else [])
    found = lookup_objects(facts.git, names)
    index = found.get(f":{path}")
    head = found.get(f"HEAD:{path}")
    in_head = head is not None and head.status == "found"
    in_index = index is not None and index.status == "found"
    pending = (
        not in_head
        or not in_index
        or (head is not None and index is not None and head.sha != index.sha)
    )
    return in_head, pending


def compute(
    facts: RepoFacts,
    path: str,
    globs: list[str],
    since: str | None = None,
    front_matter: dict[str, object] | None = None,
) -> Window:
    """The window of the document at repository-relative ``path``."""
    fm = front_matter or {}
    in_head, pending = _state(facts, path)
    explicit_head = str(fm["head"]) if fm.get("head") else None
    explicit_base = since or (str(fm["base"]) if fm.get("base") else None)
    try:
        head = _resolve(facts, explicit_head, "head") if explicit_head else None
        base = _resolve(facts, explicit_base, "base") if explicit_base else None
    except GitError as exc:
        raise WindowError(str(exc)) from None
    if head is None and not pending:
        head = _first_line(facts, "log", "-1", "--diff-filter=A", "--format=%H", "HEAD", "--", path)
        head = (
            head or _first_line(facts, "log", "-1", "--format=%H", "HEAD", "--", path) or facts.head
        )
    staged = head is None and pending
    if staged:
        head = facts.head
    if explicit_base:
        how = "--since" if since else "front matter base"
        return Window(base, head, staged, how)
    if head is None:
        return Window(None, None, staged, "no commits yet")
    if staged and in_head:
        base = _first_line(facts, "log", "-1", "--format=%H", "HEAD", "--", path)
        return Window(base, head, staged, "since this document last changed")
    start = head if staged else f"{head}^"
    if not staged:
        parent = lookup_objects(facts.git, [start]).get(start)
        if parent is None or parent.status != "found":
            return Window(
                None, head, staged, "whole history (the document came with the first commit)"
            )
    base = _previous_handoff(facts, start, globs)
    how = (
        "since the previous handoff document" if base else "whole history (first handoff document)"
    )
    return Window(base, head, staged, how)
