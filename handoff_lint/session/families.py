"""A handoff document's family: the documents of the same series, whose previous one starts
its session window ("SESSION_12_HANDOFF.md" after "SESSION_11_HANDOFF.md",
"docs/sessions/*.md", "ops/reports/phase-*-report.md")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from handoff_lint import lazyre
from handoff_lint.document.discover import excluded
from handoff_lint.document.discover import matches as matches_any

SESSION_NUMBER = lazyre.compile(r"session[\s_-]*(\d+)", re.I)


def session_number(path: str) -> int | None:
    """The N of SESSION_N in a file name, if any."""
    match = SESSION_NUMBER.search(path.rsplit("/", 1)[-1])
    return int(match.group(1)) if match else None


DIGITS = lazyre.compile(r"\d+")


@dataclass(frozen=True)
class Family:
    """A document's naming family: a glob for git, and the exact pattern of its members."""

    glob: str
    exact: re.Pattern[str]
    loose: bool = False  # a folder's documents: its previous one only estimates the start


# a folder that holds one report per session ("docs/sessions/", "handoffs/", "worklogs/"):
# its documents are one family, however each is named
REPORT_FOLDER = lazyre.compile(
    r"^(?:sessions?|session[-_]?(?:notes|logs?|reports?|summaries)|handoffs?|handovers?|"
    r"worklogs?|work[-_]logs?|devlogs?|journal)$",
    re.I,
)


def family(path: str) -> Family | None:
    """The family of a document outside the discovery globs: numbers in its name, and folders
    with numbers, vary (``ops/reports/phase-12-report.md`` -> ``ops/reports/phase-*-report.md``,
    ``.ai-workflow/issue-271/08_report/output/report.md`` -> ``.ai-workflow/*/*/output/report.md``);
    when nothing in the path varies, the folder's documents of the same type."""
    *folders, name = path.split("/")
    pieces = DIGITS.split(name)
    dirs = ["*" if DIGITS.search(d) else d for d in folders]
    if (len(pieces) == 1 and dirs == folders) or (folders and REPORT_FOLDER.match(folders[-1])):
        return _folder_family(folders, name)
    exact = [("[^/]+" if d == "*" else re.escape(d)) for d in dirs]
    exact.append(r"\d+".join(re.escape(piece) for piece in pieces))
    return Family("/".join([*dirs, "*".join(pieces)]), re.compile("/".join(exact) + "$"))


def _folder_family(folders: list[str], name: str) -> Family | None:
    """A folder of reports named by their subject (``dev/active/auth-refactor.md``): the
    folder's documents of the same type; None for a file at the top of the repository."""
    stem, dot, ext = name.rpartition(".")
    if not folders or not dot or not stem:
        return None
    where = "/".join(re.escape(d) for d in folders)
    exact = re.compile(rf"{where}/[^/]+\.{re.escape(ext)}$")
    return Family(f"{'/'.join(folders)}/*.{ext}", exact, loose=True)


def kept(
    added: list[str], globs: list[str], kin: Family | None, exclude: Sequence[str] | None = ()
) -> list[str]:
    """The added paths that are handoff documents: matched by a discovery glob, or members of
    the document's family (its glob may match more than its members), and not excluded (a
    plan such as SESSION_ROADMAP.md is no previous report)."""
    return [
        p
        for p in added
        if (matches_any(p, globs) or (kin and kin.exact.match(p))) and not excluded(p, exclude)
    ]
