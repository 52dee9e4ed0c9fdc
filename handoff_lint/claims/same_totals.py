"""One total given twice with two values: "All 35 tests" here and "= 37 total" there. Each
mention is a counts claim; those of one measure (and one section, where sibling sections count
different things) must agree."""

from __future__ import annotations

import re

from handoff_lint import lazyre
from handoff_lint.claims.walk import containing
from handoff_lint.model import Claim, Document, Section

NOUN = (
    r"(?P<noun>unit tests?|integration tests?|test methods?|test cases?|tests?|features?|tasks?)"
    r"(?!\s+(?:students?|users?|accounts?|records?|files?|data|fixtures?|suites?|runs?|servers?|ids?)\b)"
)
TOTAL_MENTION = lazyre.compile(
    r"\b(?:all|total(?:\s+of)?|overall)\W{0,3}(?P<n>\d+)\s+" + NOUN + r"\b"
    r"|\b(?P<n2>\d+)\s+" + NOUN.replace("noun", "noun2") + r"\s+(?:in\s+)?total\b"
    r"|\b" + NOUN.replace("noun", "noun3") + r"\b[^=\n|]{0,80}=\s*(?P<n3>\d+)\s+total\b",
    re.I,
)
RANGE_BEFORE = lazyre.compile(r"\d\s*(?:[-–~]|to)\s*$")
# a count that something was taken from: the part a change touched ("removed `skip` from all
# 8 test cases"), not the total
OBJECT_OF = lazyre.compile(r"\b(?:from|von|aus)\s*$", re.I)
OPEN_TASK = lazyre.compile(r"^\s*[-*+]\s+\[ \]")


OTHERS_SHOWN = 10


def _kind_of(noun: str) -> str:
    noun = noun.lower()
    return (
        "features"
        if noun.startswith("feature")
        else "tasks"
        if noun.startswith("task")
        else "tests"
    )


def _parallel(mentions: list[Claim], sections: dict[int, Section | None]) -> set[int]:
    """The mentions that sit in one of several sibling sections (level 3 or deeper, one parent)
    that each hold a mention of the same measure: "### 1. Token tests ... All 16 tests" and
    "### 2. Header tests ... All 2 tests" count different things."""
    keys: dict[int, tuple[str, int, int]] = {}
    holders: dict[tuple[str, int, int], set[int]] = {}
    for claim in mentions:
        section = sections[id(claim)]
        if section is not None and section.level >= 3:
            key = (str(claim.value["measure"]), id(section.parent), section.level)
            keys[id(claim)] = key
            holders.setdefault(key, set()).add(id(section))
    return {claim for claim, key in keys.items() if len(holders[key]) > 1}


def same_totals(doc: Document) -> list[Claim]:
    """'All 35 tests' here and '= 37 total' there: one quantity given twice with two values."""
    mentions: list[Claim] = []
    sections: dict[int, Section | None] = {}
    for line in containing(doc, "test", "feature", "task"):  # each NOUN has one of them
        if OPEN_TASK.match(line.text):
            continue
        for match in TOTAL_MENTION.finditer(line.text):
            group = next(g for g in ("n", "n2", "n3") if match.group(g))
            if RANGE_BEFORE.search(line.text, 0, match.start(group)):
                continue  # "55-75 tests total": an estimate's range, not a count
            if OBJECT_OF.search(line.text, max(0, match.start() - 12), match.start()):
                continue  # "removed `skip` from all 8 test cases": the ones a change touched
            noun = match.group({"n": "noun", "n2": "noun2", "n3": "noun3"}[group])
            claim = Claim(
                "counts",
                match.group(group),
                line.number,
                match.start(group) + 1,
                {"count": int(match.group(group)), "measure": "total " + _kind_of(noun)},
            )
            mentions.append(claim)
            sections[id(claim)] = line.block.section
    by_measure: dict[tuple[str, int], list[Claim]] = {}
    parallel = _parallel(mentions, sections)
    for claim in mentions:
        scope = sections[id(claim)] if id(claim) in parallel else None
        by_measure.setdefault((claim.value["measure"], id(scope)), []).append(claim)
    out: list[Claim] = []
    for same in by_measure.values():
        if len(same) < 2:
            continue
        # each value with its first lines: a long document stays linear (the message names a few)
        lines: dict[int, list[int]] = {}
        for claim in same:
            kept = lines.setdefault(claim.value["count"], [])
            if len(kept) <= OTHERS_SHOWN and claim.line not in kept:
                kept.append(claim.line)
        for claim in same:
            claim.value["others"] = sorted(
                (count, line)
                for count, at in lines.items()
                for line in at[:OTHERS_SHOWN]
                if line != claim.line or count != claim.value["count"]
            )
        out.extend(same)
    return out
