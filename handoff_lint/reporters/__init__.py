"""Output formats, each a small module registered by name."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handoff_lint.model import Finding, RunResult


@dataclass(frozen=True)
class ReportOptions:
    verbose: bool = False
    quiet: bool = False
    color: bool = False


Reporter = Callable[["RunResult", ReportOptions], str]
REPORTERS: dict[str, Reporter] = {}
NAMES = ("text", "json", "sarif", "github", "junit", "gitlab", "agent")


CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with control characters shown as ``\\xNN``: a file name or a commit subject
    may hold a terminal escape sequence (a title change, a cursor move, a carriage return that
    hides the line), and the text report goes to terminals."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def shown(findings: list[Finding], verbose: bool) -> list[Finding]:
    """The findings a report shows: info findings (unverifiable claims) only with -v."""
    return [f for f in findings if f.severity != "info" or verbose]


def root_path(run: RunResult, path: str) -> str:
    """A document's path from the repository root (SARIF, GitHub and GitLab resolve paths
    there), wherever in the repository the command ran."""
    import posixpath
    from pathlib import PurePath

    written = PurePath(path).as_posix()
    if not run.prefix or written.startswith("/"):
        return written
    return posixpath.normpath(run.prefix + written)


def register(name: str, reporter: Reporter) -> None:
    REPORTERS[name] = reporter


def get(name: str) -> Reporter:
    """The reporter called ``name`` (its module is imported on first use)."""
    if name not in REPORTERS:
        import importlib

        importlib.import_module(f"handoff_lint.reporters.{name}_format")
    return REPORTERS[name]
