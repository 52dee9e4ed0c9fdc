"""Diff-stat claims about the session as a whole: "52 files changed, 6721 insertions(+)",
"(52 files, +6,721/-313)", "+400 lines" — not attached to one commit or one file.

They agree with git when they equal the window's net diff, the sum of its commits, or one of its
commits (``~N`` within the configured tolerance).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from handoff_lint.claims import register
from handoff_lint.claims.commit import STATS
from handoff_lint.claims.commit import extract as commit_claims
from handoff_lint.claims.lines import DIFFSTAT, agrees
from handoff_lint.claims.walk import Line, containing
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.evidence import Evidence

N = r"(\d{1,3}(?:,\d{3})+|\d+)"
COMPACT = re.compile(
    r"(?P<approx>~)?"
    + N.replace("(", "(?P<files>", 1)
    + r"\s+files?\s*,\s*\+"
    + N.replace("(", "(?P<ins>", 1)
    + r"\s*/\s*[-−]"
    + N.replace("(", "(?P<del>", 1),
    re.I,
)
PLUS_LINES = re.compile(
    r"(?<![\w/+])(?P<approx>~)?\+"
    + N.replace("(", "(?P<ins>", 1)
    + r"(?:\s*/\s*[-−]"
    + N.replace("(", "(?P<del>", 1)
    + r")?\s+lines\b",
    re.I,
)
PATHISH = re.compile(r"`[^`]+\.\w+`|\b[\w/.-]+\.[a-z]{1,5}\b")


def _number(text: str | None) -> int | None:
    return int(text.replace(",", "")) if text else None


def _claim(match: re.Match[str], number: int, group: str) -> Claim:
    value: dict[str, Any] = {
        "files": _number(match.groupdict().get("files")),
        "insertions": _number(match.groupdict().get("ins")),
        "deletions": _number(match.groupdict().get("del")),
    }
    if match.groupdict().get("approx"):
        value["approx"] = True
    return Claim("stats", match.group(0).strip("() "), number, match.start(group) + 1, value)


def extract(doc: Document) -> list[Claim]:
    attached = {c.value["stats"]["line"] for c in commit_claims(doc) if "stats" in c.value}
    out: list[Claim] = []
    for line in containing(doc, "changed", "+"):  # STATS needs the word, the others a "+"
        if line.number in attached:
            continue
        full = STATS.search(line.text)
        if full and (full.group("ins") or full.group("del")):
            value: dict[str, Any] = {
                "files": _number(full.group("files")),
                "insertions": _number(full.group("ins")),
                "deletions": _number(full.group("del")),
            }
            if line.shape:  # pasted --stat output: the rows above it are its own witness
                value["rows"] = _rows(line)
            out.append(Claim("stats", full.group(0), line.number, full.start() + 1, value))
            continue
        compact = COMPACT.search(line.text)
        if compact:
            out.append(_claim(compact, line.number, "files"))
            continue
        plus = PLUS_LINES.search(line.text)
        if plus and not PATHISH.search(line.text[: plus.start()]):
            out.append(_claim(plus, line.number, "ins"))
    return out


def _rows(line: Line) -> list[int]:
    """[files, lines changed] of the "path | N +++--" rows of the pasted --stat above ``line``."""
    block = line.block
    rows = [DIFFSTAT.match(text) for text in block.lines[: line.number - block.line]]
    found = [int(m.group("n")) for m in rows if m]
    return [len(found), sum(found)]


def _pasted_elsewhere(claim: Claim) -> bool:
    """Settle a pasted --stat summary git's windows do not give: when its own rows add up to
    it, it is another range's (unverifiable); when they do not, it is wrong on its face."""
    rows, value = claim.value.get("rows"), claim.value
    if not rows or not rows[0]:
        return False
    changed = (value.get("insertions") or 0) + (value.get("deletions") or 0)
    if rows == [value.get("files"), changed]:
        claim.settle(
            "unverifiable",
            f"{claim.text} adds up to the rows pasted above it, but it is not the session "
            "window's: another range of commits?",
        )
    else:
        claim.settle(
            "refuted",
            f"the rows pasted above it list {rows[0]} files and {rows[1]} changed lines, "
            f"not {claim.text}",
            "HL307",
        )
    return True


def _agrees(claimed: int | None, actual: int, approx: bool) -> bool:
    return claimed is None or agrees(claimed, actual, {"approx": approx})


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        if not evidence.available or not evidence.diffstats:
            claim.settle(
                "unverifiable", evidence.unavailable_reason or "the session window has no diff"
            )
            continue
        value = claim.value
        approx = bool(value.get("approx"))
        fits = [
            (name, stat)
            for name, stat in evidence.diffstats.items()
            if all(
                _agrees(value.get(k), stat[i], approx)
                for i, k in enumerate(("files", "insertions", "deletions"))
            )
        ]
        if fits:
            claim.settle("verified", f"{claim.text} agrees with {fits[0][0]}")
        elif not _pasted_elsewhere(claim):
            files, ins, dels = evidence.diffstats["the session's net diff"]
            claim.settle(
                "refuted",
                f"the session's net diff is {files} files, +{ins}/-{dels}; no commit "
                f"of it, nor their sum, is {claim.text}",
                "HL307",
            )


register("stats", extract, verify)
