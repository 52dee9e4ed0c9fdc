"""Counts of the session's commits by conventional-commit type: "- **Features (feat:)**: 11
commits", "feat:   11 commits (61%)" in a pasted block, "fix: 3 commits" (HL402).

The window's commits whose subject starts with that type ("feat:", "feat(api):", "feat!:")
are counted (the type must be followed by its colon or a closing bracket: "Fix 3 commits" is
prose). More than the window's commits may count the whole history: not judged. Where the window's start is the previous handoff's commit the count must be equal;
where it is an estimate, only more commits of the type than the window holds is refuted.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.claims.walk import containing
from handoff_lint.document import roles
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

TYPES = ("feat", "fix", "docs", "test", "chore", "refactor", "style", "perf", "ci", "build")
# "feat:   11 commits", "**Features (feat:)**: 11 commits", "- `fix`: 3 commits"
COUNTED = lazyre.compile(
    r"^[\s>*+-]*(?:[^\W\d_][\w ]{0,30}\(\s*)?[`*_]*(?P<type>" + "|".join(TYPES) + r")"
    r"[`*_]*\s*(?:[:：]\s*\)?|\))[`*_]*\s*[:：]?\s*[`*_]*\s*(?P<n>\d{1,4})\s+commits?\b",
    re.I,
)
SUBJECT = {kind: re.compile(rf"^{kind}(?:\([^)]*\))?!?:", re.I) for kind in TYPES}


def _lines(doc: Document) -> list[tuple[int, str]]:
    """(number, text) of done prose lines and of code-block lines that mention commits."""
    out = [(line.number, line.text) for line in containing(doc, "commit")]
    for block in doc.blocks:
        if block.kind == "code" and not roles.in_plan(block.section):
            out += [(block.line + i, t) for i, t in enumerate(block.lines) if "commit" in t]
    return sorted(set(out))


def _claim(number: int, text: str) -> Claim | None:
    match = COUNTED.match(text)
    if match is None:
        return None
    value = {"type": match.group("type").lower(), "count": int(match.group("n"))}
    shown = text[match.start("n") : match.end()]
    return Claim("commit_types", shown, number, match.start("n") + 1, value)


def extract(doc: Document) -> list[Claim]:
    found = [_claim(number, text) for number, text in _lines(doc)]
    return [claim for claim in found if claim is not None]


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        if not evidence.available or evidence.window.head is None:
            claim.settle("unverifiable", evidence.unavailable_reason or "no commits to count")
            continue
        kind, count = str(claim.value["type"]), int(claim.value["count"])
        own = SUBJECT[kind]
        commits = evidence.window_commits
        found = sum(1 for c in commits if own.match(c.subject))
        # the document's own commit ("docs: session summary") is not one it could count
        itself = bool(commits) and evidence.writes_document()
        mine = 1 if itself and own.match(commits[0].subject) else 0
        if count in (found, found - mine):
            claim.settle("verified", f"the session window has {found} {kind}: commits")
        elif count > len(commits):
            claim.settle(
                "unverifiable",
                f"more than the session window's {len(commits)} commits: a count of the whole "
                "history?",
            )
        elif evidence.window_exact() or count > found:
            claim.settle(
                "refuted",
                f"the session window {evidence.window.describe()} has {found} {kind}: commits, "
                f"not {count}",
                "HL402",
                f"write {found}",
            )
        else:
            claim.settle(
                "unverifiable",
                f"the session window has {found} {kind}: commits, and where it starts is an "
                "estimate",
            )


register("commit_types", extract, verify)
