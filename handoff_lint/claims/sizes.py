"""File sizes in bytes: "`ios/STATUS.md` (13K)", "header.blade.php (4.1 KB)", "- a.php:  3.7 KB".

Agents copy sizes from ``ls -lh`` (which rounds up: 4099 bytes is "4.1K", 10265 bytes "11K") or
write them in kB or KiB, with or without decimals. A size agrees with git's blob at the end of
the window when one of those readings gives it; "~N" within the approximate tolerance. It is
refuted only when every reading is more than 5% away (10% for "~N"): "7.4K" for a file of 8,379
bytes. A file git cannot read as text, or one it does not have, gives no size.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.claims.walk import claimed_text, done_lines
from handoff_lint.document import textscan
from handoff_lint.git import contents
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

# a number with a unit of bytes somewhere on the line (most lines have none)
QUICK = lazyre.compile(r"\d\s?(?:[KkM](?:i?B|b)?|bytes|B)(?![\w/])")
# right after a path: "(13K)", "(4.1 KB)", ":   3.7 KB", " - 2.4 KB"
SIZE = lazyre.compile(
    r"[`*_]*\s*(?:[(（]\s*|[:：]\s*|\s+[-–—]\s+|\s+)(?P<approx>~|≈|约|about\s+)?"
    r"(?P<n>\d{1,6}(?:[.,]\d{1,2})?)\s?(?P<unit>KiB|KB|kB|Kb|K|MiB|MB|M|bytes|B)(?![\w/])"
    r"(?P<more>\+)?"
)
BASES = {"k": (1024, 1000), "m": (1024**2, 10**6), "b": (1,)}
EXACT, APPROX = 0.05, 0.10


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for line in done_lines(doc):
        if QUICK.search(line.text) is None:
            continue
        for _, end, path in textscan.path_tokens(line.text):
            match = SIZE.match(line.text, end)
            if match is None:
                continue
            value: dict[str, object] = {
                "path": path,
                "number": match.group("n"),
                "size": float(match.group("n").replace(",", ".")),
                "decimals": len(match.group("n").replace(",", ".").partition(".")[2]),
                "unit": match.group("unit").lower()[0],
            }
            if match.group("approx"):
                value["approx"] = True
            if match.group("more"):
                value["at_least"] = True  # "10KB+": at least that much
            text = line.text[match.start("n") : match.end("unit")]
            out.append(Claim("size", text, line.number, match.start("n") + 1, value))
    return out


def _readings(size: int, unit: str, decimals: int) -> list[float]:
    """What a size of ``size`` bytes is written as in ``unit``: rounded, or rounded up as
    ``ls -lh`` does (one decimal below 10, none from 10 on), in either base."""
    out: list[float] = []
    for base in BASES[unit]:
        exact = size / base
        out.append(round(exact, decimals))
        places = 1 if exact < 10 else 0
        out.append(math.ceil(exact * 10**places) / 10**places)
    return out


def _off(size: int, claimed: float, unit: str) -> float:
    """How far the claim is from git's size, as a share of it, in the nearer base."""
    return min(abs(claimed - size / base) / (size / base) for base in BASES[unit]) if size else 1.0


def _written(size: int, claim: Claim) -> str:
    """git's size as the claim writes it: "8.2K" for "7.4K", "8.2 KB" for "7.4 KB"."""
    unit = str(claim.value["unit"])
    number = _readings(size, unit, int(str(claim.value["decimals"])))[1]  # as ls -lh writes it
    shown = f"{number:g}" if unit != "b" else str(size)
    return claim.text.replace(str(claim.value["number"]), shown, 1)


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        found = claimed_text(claim, evidence, "HL305")
        if found is None:
            continue
        path, text = found
        claim.value["resolved"] = path
        if "\ufffd" in text:
            claim.settle("unverifiable", "the file is not text git can measure here")
            continue
        size = len(text.encode("utf-8"))
        claimed = float(claim.value["size"])
        unit, decimals = str(claim.value["unit"]), int(str(claim.value["decimals"]))
        off = _off(size, claimed, unit)
        limit = APPROX if claim.value.get("approx") else EXACT
        at_least = claim.value.get("at_least") and size >= claimed * min(BASES[unit])
        if at_least or claimed in _readings(size, unit, decimals) or off <= limit / 2:
            claim.settle("verified", f"the file is {size:,} bytes in git")
        elif off > limit:
            claim.settle(
                "refuted",
                f"the file is {size:,} bytes in git ({size / 1024:.1f} KiB), not {claim.text}",
                "HL305",
                f"write {_written(size, claim)}",
            )
        else:
            claim.settle("unverifiable", f"the file is {size:,} bytes in git: near {claim.text}")


register("size", extract, verify, contents.gather_texts)
