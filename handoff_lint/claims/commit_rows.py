"""The stats a table of commits gives in columns of its own: "| `6fe3980` | ... | 17 | +68 |"
under "| Hash | Description | Files | Lines |" (claims of the stats kind, one per cell).

A Files column is the commit's count of files changed; a signed Lines (or Net, Δ) column its
net change, insertions less deletions, or its deletions for "-N" and insertions for "+N"
("~N" within the tolerance of approximate line counts);
Insertions/Added and Deletions/Removed columns its insertions and deletions. An unsigned Lines
column may be insertions, or insertions and deletions together: not read. The row's commit claim
stays the commit's (it exists, its subject); each cell is a claim of its own. So is the whole
"3 files changed, 508 insertions(+)" line written right after a commit's id (one claim).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from handoff_lint import lazyre
from handoff_lint.claims.commit import STATS, git_shortstat
from handoff_lint.claims.walk import done_lines, header_index, table_cells
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence
    from handoff_lint.git.repo import CommitInfo

FILES = lazyre.compile(r"^\W*files?(?:\s+changed)?\W*$|^\W*文件数?\W*$", re.I)
NET = lazyre.compile(r"^\W*(?:lines?|net|Δ|delta|loc|diff|changes?)\W*$", re.I)
INSERTED = lazyre.compile(r"^\W*(?:insertions?|added|additions?|\+)\W*$", re.I)
DELETED = lazyre.compile(r"^\W*(?:deletions?|removed|-)\W*$", re.I)
COUNT = lazyre.compile(r"^[*_`\s]*(?P<approx>~|≈)?\s*(?P<n>\d{1,7})[*_`\s]*$")
SIGNED = lazyre.compile(
    r"^[*_`\s]*(?P<approx>~|≈)?\s*(?P<sign>[+\-−])\s*(?P<n>[\d,]{1,9})[*_`\s]*$"
)


def _kind(title: str) -> str:
    if FILES.match(title):
        return "files"
    if NET.match(title):
        return "net"
    return "insertions" if INSERTED.match(title) else "deletions" if DELETED.match(title) else ""


def _cell(kind: str, raw: str) -> tuple[int, bool] | None:
    """(the number, approximate) a cell of ``kind`` gives, or None."""
    if kind == "net":
        signed = SIGNED.match(raw)
        if signed is None:
            return None
        number = int(signed.group("n").replace(",", ""))
        return (number if signed.group("sign") == "+" else -number), bool(signed.group("approx"))
    count = COUNT.match(raw)
    if count is None or count.group("approx"):
        return None
    return int(count.group("n")), False


def row_claims(doc: Document, commits: list[Claim]) -> list[Claim]:
    """The stats claims of the rows of tables of commits (one commit claim on the row)."""
    by_line: dict[int, list[Claim]] = {}
    for claim in commits:
        by_line.setdefault(claim.line, []).append(claim)
    out: list[Claim] = []
    for line in done_lines(doc):
        header = line.block.table_header
        on_row = by_line.get(line.number, [])
        if line.block.kind != "table_row" or len(on_row) != 1:
            continue
        if header_index(header, "commit", "hash", "sha", "rev") < 0:
            continue
        for index, (start, raw) in enumerate(table_cells(line.text)):
            kind = _kind(header[index].strip()) if index < len(header) else ""
            found = _cell(kind, raw) if kind else None
            if found is None:
                continue
            value: dict[str, Any] = {"commit": on_row[0].text, "measure": kind, "count": found[0]}
            if found[1]:
                value["approx"] = True
            text = raw.strip().strip("*_`").strip()
            column = start + raw.find(text) + 1
            out.append(Claim("stats", text, line.number, column, value))
    return out


def _commit(claim: Claim, evidence: Evidence) -> CommitInfo | None:
    """The commit the claim's stat is of, with its stats; None (the claim settled unverifiable)
    when git cannot read it here."""
    found = evidence.objects.get(str(claim.value["commit"]))
    info = evidence.commits.get(found.sha) if found is not None and found.sha else None
    if info is None:
        claim.settle("unverifiable", f"commit {claim.value['commit']} cannot be read here")
    return info


def settle(claim: Claim, evidence: Evidence, slack: int) -> None:
    """Settle a cell of a commit's row against that commit (``slack`` for "~N")."""
    info = _commit(claim, evidence)
    if info is None:
        return
    measure, count = str(claim.value["measure"]), int(claim.value["count"])
    real = {
        "files": info.files,
        "insertions": info.insertions,
        "deletions": info.deletions,
        "net": info.insertions - info.deletions,
    }[measure]
    readings = [real]
    if measure == "net":  # "-473" may be the lines deleted, "+180" the lines added
        readings.append(-info.deletions if count < 0 else info.insertions)
    allowed = slack if claim.value.get("approx") else 0
    what = "net lines" if measure == "net" else measure
    if any(abs(count - r) <= allowed for r in readings):
        claim.settle("verified", f"{info.sha[:7]} has {real} {what}")
    else:
        shown = f"{real:+d}" if measure == "net" else str(real)
        claim.settle(
            "refuted",
            f"{info.sha[:7]} has {shown} {what}, not {claim.text}",
            "HL206",
            f"write {shown}",
        )


def of_commits(doc: Document, commits: list[Claim]) -> list[Claim]:
    """ "3 files changed, 508 insertions(+)" right after a commit's id: a claim about that
    commit, where it is written (a fix rewrites it as git writes the commit's stat)."""
    out: list[Claim] = []
    for commit in commits:
        stats = commit.value.get("stats")
        line = int(stats["line"]) if isinstance(stats, dict) else 0
        match = STATS.search(doc.lines[line - 1]) if line else None
        if match is None:
            continue
        value: dict[str, Any] = {"commit": commit.text}
        for group, measure in (("files", "files"), ("ins", "insertions"), ("del", "deletions")):
            found = match.group(group)
            value[measure] = int(found.replace(",", "")) if found else None
        out.append(Claim("stats", match.group(0), line, match.start() + 1, value))
    return out


def settle_stat(claim: Claim, evidence: Evidence) -> None:
    """A commit's whole stat, "3 files changed, 508 insertions(+)", against git's."""
    info = _commit(claim, evidence)
    if info is None:
        return
    real = {"files": info.files, "insertions": info.insertions, "deletions": info.deletions}
    wrong = [
        f"{claim.value[k]} {k} claimed, git says {real[k]}"
        for k in real
        if claim.value.get(k) is not None and claim.value[k] != real[k]
    ]
    if not wrong:
        claim.settle("verified", f"the stat of {info.sha[:7]}")
        return
    shortstat = git_shortstat(info.files, info.insertions, info.deletions)
    claim.settle(
        "refuted", f"stats of {info.sha[:7]}: " + "; ".join(wrong), "HL206", f"write {shortstat}"
    )
