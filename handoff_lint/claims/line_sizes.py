"""What git says of a file's lines in a session window, for the line-count kinds: its size at
the end, its insertions and deletions per commit, its sizes at the moments in between, and how
near a claimed count must be ("~N", "N+")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from handoff_lint.git import contents
from handoff_lint.model import Claim

if TYPE_CHECKING:
    from handoff_lint.config import Config
    from handoff_lint.git.evidence import Evidence


def tolerance(claimed: int, settings: Config) -> int:
    """How far "~N" may be from the count: the configured lines or percentage, the larger."""
    return max(settings.approx_lines, claimed * settings.approx_percent // 100)


def agrees(claimed: int, actual: int, value: dict[str, Any], settings: Config) -> bool:
    if value.get("at_least"):
        return actual >= claimed
    if value.get("approx"):
        return abs(actual - claimed) <= tolerance(claimed, settings)
    return actual == claimed


def candidates(path: str, value: dict[str, Any], evidence: Evidence) -> tuple[list[int], str]:
    rows = contents.sizes(evidence).numstat.get(path, [])
    inserted = [r[0] for r in rows] + ([sum(r[0] for r in rows)] if len(rows) > 1 else [])
    if value["measure"] == "changed":  # git's --stat: insertions + deletions
        changed = [r[0] + r[1] for r in rows]
        return changed + ([sum(changed)] if len(rows) > 1 else []), "lines changed"
    if value["measure"] == "edited":  # "(4 lines changed)": replaced, added or both
        edited = {n for r in rows for n in (r[0], r[1], r[0] + r[1], max(r))}
        return sorted(edited), "lines changed"
    if value["measure"] == "net":  # insertions less deletions, signed as written
        nets = [r[0] - r[1] for r in rows] + ([sum(r[0] - r[1] for r in rows)] if rows else [])
        sign = {"-": -1, "+": 1}.get(str(value.get("sign", "")))
        return sorted({n * sign if sign else abs(n) for n in nets}), "net lines"
    if value["measure"] == "deletions":
        return [r[1] for r in rows] + ([sum(r[1] for r in rows)] if len(rows) > 1 else []), (
            "deletions"
        )
    if value["measure"] == "insertions" and not rows and path in evidence.files_at_end:
        return [0], "insertions"  # the window did not touch the file
    if value["measure"] == "insertions":
        if "deletions" in value:  # each commit's pair, and the window's summed pair
            summed = [(sum(r[0] for r in rows), sum(r[1] for r in rows))] if len(rows) > 1 else []
            pairs = [r for r in rows + summed if r[1] == value["deletions"]]
            inserted = [r[0] for r in pairs] or inserted
        return inserted, "insertions"
    physical = sorted(contents.sizes(evidence).lines.get(path, set()))
    if value.get("present"):  # a plan's file as it is now
        return physical, "lines"
    counts = physical
    if value.get("code"):  # physical lines, or lines of code as the counters count them
        counts = sorted(set(physical) | contents.sizes(evidence).code.get(path, set()))
    if "A" in evidence.actions(path) and path in evidence.files_at_end:
        return counts, "lines"
    # its size before the session ("refactored index.ts (2013 lines) into 53 lines")
    before = [
        n - sum(r[0] for r in rows) + sum(r[1] for r in rows)
        for n in physical[:1]
        if rows and value.get("before")
    ]
    return counts + inserted + [r[0] + r[1] for r in rows] + before, "lines or insertions"


def created_size(path: str, evidence: Evidence) -> list[int]:
    """The size of a file the window created, as its first commit made it ("`STATUS.md` (346
    lines)" written when it was made, before a later commit of the session grew it; a size
    between the first and the last is stale)."""
    rows = contents.sizes(evidence).numstat.get(path, [])
    if "A" not in evidence.actions(path) or evidence.window.staged or not rows or rows[-1][1]:
        return []  # staged rows come last; an oldest row that deletes is not the creation
    return [rows[-1][0]]  # git log lists the newest commit first


def moments(path: str, evidence: Evidence) -> set[int]:
    """The file's sizes after each commit of the window but the last (worked back from its size
    at the end through each commit's insertions and deletions); for a size before the session,
    its size before the window too."""
    rows = contents.sizes(evidence).numstat.get(path, [])
    if evidence.window.staged or not rows or path not in evidence.files_at_end:
        return set()
    # newest first; the oldest leads back to the size before the window, unless the window
    # made the file (its first size is then a moment of the session: a merge may bring it in)
    steps = rows if "A" in evidence.actions(path) else rows[:-1]
    sizes: set[int] = set()
    for end in contents.sizes(evidence).lines.get(path, set()):
        size = end
        for inserted, deleted in steps:
            size = size - inserted + deleted
            if size > 0:
                sizes.add(size)
    return sizes


def inserted(path: str, evidence: Evidence) -> int:
    return sum(r[0] for r in contents.sizes(evidence).numstat.get(path, []))


def part_added(claim: Claim, path: str, evidence: Evidence) -> bool:
    """A size of a part the session added to a file it did not create ("Added bindSymbol()
    function (~60 lines)"): no more than the window's insertions into it."""
    if not claim.value.get("added_part") or "A" in evidence.actions(path):
        return False
    added = inserted(path, evidence)
    slack = tolerance(added, evidence.settings) if claim.value.get("approx") else 0
    return 0 < int(claim.value["count"]) <= added + slack


CHANGES = ("changed", "edited", "deletions")  # counts of a change, not of the file: any range
