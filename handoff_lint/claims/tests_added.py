"""Tests-added claims: "Added 6 integration tests in `tests/test_x.py`".

The window must have added that many test definitions to the file (``testdefs`` counts them:
Python ``test_*`` functions with ``ast``, fixtures excluded; ``it(``/``test(`` in JS/TS; and the
other frameworks it knows).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.claims.walk import claimed_text, containing, red_step
from handoff_lint.document import textscan
from handoff_lint.git import contents, testdefs
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

ADDED = lazyre.compile(
    r"\b(?:added|wrote|created|implemented)\s+(?P<n>\d+)\s+(?:new\s+)?(?:[\w-]+\s+){0,2}?tests?\b"
    r"[^`\n]{0,20}?\b(?:in|to)\s+`(?P<path>[^`\s]+)`",
    re.I,
)


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for line in containing(doc, "test"):
        for match in ADDED.finditer(line.text):
            path = textscan.normalize_path(match.group("path"))
            if textscan.looks_like_path(path):
                out.append(
                    Claim(
                        "tests_added",
                        match.group("n"),
                        line.number,
                        match.start("n") + 1,
                        {
                            "count": int(match.group("n")),
                            "path": path,
                            **({"red": True} if red_step(line.text) else {}),
                        },
                    )
                )
    return out


def test_names(path: str, text: str) -> list[str] | None:
    """Names of the tests in a file (None when it cannot be read as tests)."""
    found = testdefs.tests_in(path, text)
    return found.names if found is not None else None


def added(path: str, before: str, after: str) -> int | None:
    """How many tests ``after`` has that ``before`` does not (by name, duplicates counted)."""
    old, new = test_names(path, before), test_names(path, after)
    if old is None or new is None:
        return None
    return sum((Counter(new) - Counter(old)).values())


def red_reason(found: str) -> str:
    """Why a count of the test-first step that git does not show at the window's end is not
    refuted: ``found`` is what the end shows."""
    return (
        f"{found} by the session's end; a count of the test-first (RED) step is of the tests "
        "written before the code, and later steps may add or drop tests"
    )


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        found = claimed_text(claim, evidence, "HL404")
        if found is None:
            continue
        path, after = found
        starts = contents.texts(evidence).at_start.get(path, [""])
        counts = [added(path, before, after) for before in starts]
        claimed = int(claim.value["count"])
        count = counts[0]
        if count is None:
            claim.settle("unverifiable", f"{path} cannot be parsed")
        elif claimed in counts:
            claim.settle("verified", f"the session added {claimed} tests to {path}")
        elif claim.value.get("red"):
            claim.settle("unverifiable", red_reason(f"the session added {count} tests to {path}"))
        else:
            claim.settle(
                "refuted",
                f"the session added {count} test functions to {path}, not {claimed}",
                "HL404",
            )


register("tests_added", extract, verify, contents.gather_texts)
