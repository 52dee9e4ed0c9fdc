"""Find the handoff documents to lint: the files given, or every file matching the globs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from handoff_lint.git.gitcmd import Git, GitError


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
# what the globs also match but is no session report: a plan, an index, a README, a template
# (SESSION_ROADMAP_V2.md, SESSION_PLANNING.md, docs/handoffs/INDEX.md, HANDOFF_TEMPLATE.md),
# told by the last word of its name; the default exclude, which a configured `exclude`
# replaces, as `include` replaces the globs
NOT_REPORT_WORDS = frozenset(
    "roadmap roadmaps index indexes readme template templates backlog backlogs plan plans "
    "planning todo todos".split()
)
WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


MAX_DEEP = 2  # "**" in one glob
MAX_WILDCARDS = 16  # '*', '**' and '?' in one glob


def is_glob(arg: str) -> bool:
    """``arg`` holds a wildcard (a command-line argument to expand, not a file name)."""
    return any(char in arg for char in "*?[")


def glob_problem(pattern: str) -> str:
    """Why ``pattern`` cannot be used as a glob, or "" (a configuration decides the globs,
    so their cost is bounded: the ones people write have a few wildcards)."""
    deep = pattern.count("**")
    if deep > MAX_DEEP:
        return f"glob {pattern!r} has {deep} '**': at most {MAX_DEEP} are allowed"
    wildcards = pattern.count("*") - deep + pattern.count("?")
    if wildcards > MAX_WILDCARDS:
        return f"glob {pattern!r} has {wildcards} wildcards: at most {MAX_WILDCARDS} are allowed"
    return ""


def _literal(piece: str) -> str:
    return "".join("[^/]" if char == "?" else re.escape(char) for char in piece)


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    """A glob as a regex: '**/' spans folders, '*' and '?' stay within one name.

    A '*' followed by text and another wildcard matches up to the first place that text fits
    and never gives it back (an atomic step, written as a lookahead and a back-reference so it
    works on every Python): the leftmost fit is always a right one, since the wildcard after
    it can take the rest. So a glob of many stars costs linear time on a long name (the
    backtracking translation took minutes for "*a*a*...*c.md" against eighty a's).
    """
    tokens = [t for t in re.split(r"(\*\*/|\*\*|\*)", pattern) if t]
    out: list[str] = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        after = tokens[index + 2] if index + 2 < len(tokens) else ""
        literal = following not in ("", "*", "**", "**/")
        if token == "**/":
            out.append("(?:.*/)?")
        elif token in ("*", "**") and literal and after in ("**", token):
            name, star = f"g{index}", "[^/]*?" if token == "*" else ".*?"
            out.append(f"(?=(?P<{name}>{star}{_literal(following)}))(?P={name})")
            tokens[index + 1] = ""  # taken
        elif token in ("*", "**"):
            out.append("[^/]*" if token == "*" else ".*")
        else:
            out.append(_literal(token))
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


def not_a_report(path: str) -> bool:
    """Whether the file's name tells a plan, an index, a README or a template: its last word
    (words split at '_', '-', '.', spaces and case changes; a version or number after it
    aside) is one of NOT_REPORT_WORDS. "SESSION_ROADMAP_V2.md", "SESSION_PLANNING.md",
    "INDEX.md", "nextSessionPlan.md" are; "SESSION_5_INDEX_REBUILD.md" is a report."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    words = [word.lower() for word in WORDS.findall(stem)]
    while words and (words[-1].isdigit() or words[-1] == "v"):
        words.pop()
    return bool(words) and words[-1] in NOT_REPORT_WORDS


# in a configured exclude, this entry stands for the default (``not_a_report``): it is how
# ``extend_exclude`` adds globs to the default rather than replacing it
NOT_REPORTS = "<plans, indexes, READMEs and templates by name>"


def excluded(path: str, exclude: Sequence[str] | None) -> bool:
    """Whether ``exclude`` (the configured globs; None: the default, ``not_a_report``; an entry
    ``NOT_REPORTS``: the default and the other globs) leaves the repository-relative ``path``
    out."""
    if exclude is None:
        return not_a_report(path)
    globs = [glob for glob in exclude if glob != NOT_REPORTS]
    return (len(globs) < len(exclude) and not_a_report(path)) or matches(path, globs)


def find(git: Git, globs: list[str], exclude: Sequence[str] | None = None) -> list[str]:
    """Tracked and untracked-but-not-ignored files matching ``globs``, sorted."""
    files = git.fields("ls-files", "-z", "--cached", "--others", "--exclude-standard")
    return sorted({f for f in files if f and matches(f, globs) and not excluded(f, exclude)})


def staged(git: Git, globs: list[str], exclude: Sequence[str] | None = None) -> list[str]:
    """Staged (added, copied, modified or renamed) files matching ``globs``: the pre-commit case."""
    files = git.fields("diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR")
    return sorted({f for f in files if f and matches(f, globs) and not excluded(f, exclude)})


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


def changed(
    git: Git, span: str, globs: list[str], exclude: Sequence[str] | None, shallow: bool
) -> list[str]:
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
    return sorted({f for f in files if f and matches(f, globs) and not excluded(f, exclude)})
