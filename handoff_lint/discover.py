"""Find the handoff documents to lint: the files given, or every file matching the globs."""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.gitcmd import Git, GitError


class DiscoveryError(Exception):
    """The documents to lint cannot be found (a bad --diff range, a shallow clone)."""


DEFAULT_GLOBS = [
    "*HANDOFF*.md",
    "SESSION_*.md",
    "*SESSION*SUMMARY*.md",
    "*COMPLETION*SUMMARY*.md",
    "docs/handoffs/**/*.md",
    ".claude/handoffs/**/*.md",
]


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    """A glob as a regex: '**/' spans folders, '*' and '?' stay within one name."""
    out = []
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
        elif pattern.startswith("**", index):
            out.append(".*")
            index += 2
        elif pattern[index] == "*":
            out.append("[^/]*")
            index += 1
        elif pattern[index] == "?":
            out.append("[^/]")
            index += 1
        else:
            out.append(re.escape(pattern[index]))
            index += 1
    return re.compile("".join(out) + r"\Z", re.I)


def matches(path: str, globs: list[str]) -> bool:
    """True when ``path`` (repository-relative, '/'-separated) matches one of ``globs``.

    A glob without '/' is matched against the file name in any folder.
    """
    name = path.rsplit("/", 1)[-1]
    for pattern in globs:
        target = path if "/" in pattern else name
        if _compile(pattern.removeprefix("./")).match(target):
            return True
    return False


def find(git: Git, globs: list[str], exclude: list[str] | None = None) -> list[str]:
    """Tracked and untracked-but-not-ignored files matching ``globs``, sorted."""
    files = git.fields("ls-files", "-z", "--cached", "--others", "--exclude-standard")
    found = {f for f in files if f and matches(f, globs) and not matches(f, exclude or [])}
    return sorted(found)


def staged(git: Git, globs: list[str], exclude: list[str] | None = None) -> list[str]:
    """Staged (added, copied, modified or renamed) files matching ``globs``: the pre-commit case."""
    files = git.fields("diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR")
    return sorted({f for f in files if f and matches(f, globs) and not matches(f, exclude or [])})


def _unknown_ref(git: Git, span: str) -> str:
    """The first side of ``span`` (A...B or A..B) that names no commit, or ""."""
    for ref in (r for r in re.split(r"\.{2,3}", span) if r):
        found = git.run(
            "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}", check=False
        )
        if not found.strip():
            return ref
    return ""


def _fetch_hint(ref: str) -> str:
    """How to get ``ref``: "fetch it (git fetch origin main) or use fetch-depth: 0"."""
    remote, _, branch = ref.partition("/")
    fetch = f"git fetch {remote} {branch}" if branch else f"git fetch origin {ref}"
    return f"fetch it ({fetch}) or use fetch-depth: 0 in actions/checkout"


def changed(git: Git, span: str, globs: list[str], exclude: list[str], shallow: bool) -> list[str]:
    """Handoff documents added or changed in ``span`` (``BASE...HEAD``): a pull request's."""
    if span.startswith("-"):
        raise DiscoveryError(f"--diff takes a range like origin/main...HEAD, not {span!r}")
    try:
        files = git.fields(
            "diff", "--name-only", "-z", "--diff-filter=AMR", "--end-of-options", span
        )
    except GitError as exc:
        hint = (
            " This is a shallow clone: fetch the history (actions/checkout with fetch-depth: 0)."
            if shallow
            else ""
        )
        missing = _unknown_ref(git, span)
        if missing:
            raise DiscoveryError(f"unknown ref {missing}: {_fetch_hint(missing)}") from None
        raise DiscoveryError(f"cannot compare {span}: {exc}.{hint}") from None
    return sorted({f for f in files if f and matches(f, globs) and not matches(f, exclude)})
