"""The documents a check lints: the files, folders and globs the command line names, or the
handoff documents discovery finds; and how they are named in reports."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from handoff_lint.document import discover

if TYPE_CHECKING:
    from handoff_lint.git.gitcmd import Git
    from handoff_lint.git.repo import RepoFacts
    from handoff_lint.pipeline import Options


def repo_path(facts: RepoFacts, cwd: Path, path: str) -> str | None:
    """``path`` (from ``cwd``) from the repository root, or None outside the repository."""
    try:
        return (cwd / path).resolve().relative_to(facts.root.resolve()).as_posix()
    except ValueError:
        return None


def discovered(git: Git | None, facts: RepoFacts | None, options: Options) -> list[str]:
    """The handoff documents discovery finds (changed in --diff, staged with --staged, else
    all), paths from the working folder."""
    if git is None or facts is None:
        raise discover.DiscoveryError(
            "give the documents to check (with --no-git nothing can be discovered)"
        )
    exclude = options.settings.exclude
    if options.diff:
        found = discover.changed(git, options.diff, options.globs, exclude, facts.shallow)
    elif options.staged:
        found = discover.staged(git, options.globs, exclude)
    else:
        found = discover.find(git, options.globs, exclude)
    return [os.path.relpath(facts.root / f, options.cwd) for f in found]


def named(
    files: list[str], git: Git | None, facts: RepoFacts | None, options: Options
) -> list[str]:
    """The documents the command line names: a file as given, a folder's handoff documents
    (the configured globs, as discovery finds them), a glob's files; with ``--force-exclude``
    the configured exclude drops named files too (naming only excluded files checks none)."""
    if options.stdin is not None:
        return files
    out: list[str] = []
    for arg in files:
        where = options.cwd / arg
        if where.is_dir():
            found = discovered(git, facts, options) if git is not None else []
            inside = [
                f for f in found if (options.cwd / f).resolve().is_relative_to(where.resolve())
            ]
            out += inside
        elif not where.exists() and discover.is_glob(arg):
            out += sorted(
                str(p.relative_to(options.cwd)) for p in options.cwd.glob(arg) if p.is_file()
            )
        else:
            out.append(arg)
    out = list(dict.fromkeys(out))
    if options.force_exclude and facts is not None:
        exclude = options.settings.exclude
        out = [f for f in out if not _excluded(f, facts, options, exclude)]
    return out


def relative(path: str, facts: RepoFacts | None, cwd: Path) -> str:
    """An absolute path inside the repository (with --no-git, inside the working folder) as a
    path from the working folder, as discovery names documents (so every report names it from
    the repository root, not as /tmp/...); any other path as given. The file itself is not
    resolved: a symbolic link keeps its name."""
    if not os.path.isabs(path):
        return path
    root = facts.root.resolve() if facts is not None else cwd.resolve()
    folder, name = os.path.split(path)
    try:
        inside = Path(os.path.realpath(folder), name).relative_to(root)
    except ValueError:
        return path
    return os.path.relpath(root / inside, cwd.resolve())


def _excluded(path: str, facts: RepoFacts, options: Options, exclude: list[str] | None) -> bool:
    relative = repo_path(facts, options.cwd, path)
    return relative is not None and discover.excluded(relative, exclude)


def nothing_found(given: list[str], options: Options) -> list[str]:
    """The warning of a check that found no document to lint (a mistyped glob, a folder
    without handoff documents), as ruff's "No Python files found"; none for --staged or --diff
    (a commit or pull request without a handoff document is the usual case) or when every
    file named was left out by --force-exclude."""
    if options.staged or options.diff or options.stdin is not None:
        return []
    include = (
        f"(no file matches the include globs {', '.join(options.globs)}, "
        "or the exclude leaves it out)"
    )
    out = []
    for arg in given:
        if (options.cwd / arg).is_dir():
            out.append(f"no handoff documents found in {arg} {include}")
        elif discover.is_glob(arg):
            out.append(f"no handoff documents found in {arg} (no file matches it)")
    return out if given else [f"no handoff documents found in the repository {include}"]
