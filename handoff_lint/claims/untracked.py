"""Untracked-file claims: "tree clean except untracked `data.csv` and `.vscode/settings.json`",
"`notes.html` (gitignored)", "`out.log` is not tracked".

A file said to be outside git must not be in the repository: one that is in the tree at the end
of the session and was there before it (no commit of the window added it) is tracked (HL302).
A file the window added may have been untracked when the document was written: unverifiable.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.claims.walk import containing
from handoff_lint.document import textscan
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

STATE = r"(?:untracked|not\s+(?:git-?)?tracked|git-?ignored|ignored\s+by\s+git|nicht\s+getrackt)"
# the word, then the files it names (up to the end of the clause): "untracked `a` and `b`"
BEFORE_FILES = lazyre.compile(r"\b" + STATE + r"\b(?:\s+(?:files?|paths?))?\s*[:：]?\s*", re.I)
# a file, then the word: "`a.csv` (untracked)", "`a.csv` is untracked", "`b` stays gitignored"
AFTER_FILE = lazyre.compile(
    r"[`*_]*\s*(?:\(\s*|[-–—:]\s*|(?:is|are|remains?|stays?|still)\s+(?:still\s+)?)"
    + STATE
    + r"\b",
    re.I,
)
CHAINED = lazyre.compile(r"\s*(?:,|、|;|\band\b|\bund\b|&|\+)?\s*`(?P<path>[^`\s]{1,300})`", re.I)
MAX_FILES = 20


def _paths(text: str, start: int) -> list[tuple[int, str]]:
    """The code-span paths chained from ``start``: "`a` and `b`, `c`"."""
    out: list[tuple[int, str]] = []
    position = start
    while len(out) < MAX_FILES:
        match = CHAINED.match(text, position)
        if match is None:
            break
        path = textscan.normalize_path(match.group("path"))
        if not textscan.looks_like_path(path):
            break
        out.append((match.start("path") + match.group("path").find(path), path))
        position = match.end()
    return out


def _claims_on(text: str, number: int) -> list[Claim]:
    found: dict[int, str] = {}
    for match in BEFORE_FILES.finditer(text):
        found.update(_paths(text, match.end()))
    for start, end, path in textscan.code_spans(text):
        if AFTER_FILE.match(text, end):
            found.setdefault(start + 1, textscan.normalize_path(path))
    return [
        Claim("untracked", path, number, column + 1, {"path": path, "action": "untracked"})
        for column, path in sorted(found.items())
        if textscan.looks_like_path(path)
    ]


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for line in containing(doc, "track", "ignor"):
        out.extend(_claims_on(line.text, line.number))
    return out


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        path = evidence.resolve(str(claim.value["path"])) if evidence.available else None
        if path is None or path not in evidence.files_at_end:
            claim.settle("verified", f"{claim.value['path']} is not in the repository")
        elif evidence.actions(path) or path in evidence.transient:
            claim.settle(
                "unverifiable",
                f"the session committed {path}: it may have been untracked when this was written",
            )
        else:
            claim.settle(
                "refuted",
                f"{path} is tracked: it is in the repository before and after the session",
                "HL302",
            )


register("untracked", extract, verify)
