"""The repository's tests as a whole: how many are defined at the end of a session window, and
how many the window added (for "90/90 tests passing", "275 new tests" without a file).

Counted statically with ``testdefs`` in every test file (by name: ``tests/``, ``test_x``,
``x_test``, ``x.test``, ``x.spec``, ``XTests``), read through the run's one ``cat-file --batch``.
The count is *complete* only when every test file is in a language ``testdefs`` knows and none
generates its tests at run time; otherwise nothing is refuted with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims.feature_list import FEATURE_LIST
from handoff_lint.git import testdefs
from handoff_lint.git.contents import blob_texts

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence
    from handoff_lint.git.repo import RepoFacts
    from handoff_lint.model import Claim

TEST_NAME = lazyre.compile(
    r"(?:^|/)test_[^/]+$|_tests?\.\w+$|\.(?:test|spec)\.\w+$|Tests?\.\w+$|_spec\.\w+$"
)
TEST_PATH = lazyre.compile(
    r"(?:^|/)(?:tests?|__tests__|specs?|e2e|integration_tests)/|" + TEST_NAME.pattern
)
CODE = lazyre.compile(
    r"\.(?:py|js|jsx|ts|tsx|mjs|cjs|mts|cts|go|rs|java|kt|kts|cs|fs|swift|php|rb|gd|sh|bash|"
    r"bats|dart|ex|exs|scala|groovy|vue|svelte|robot|feature|c|cc|cpp|h|hpp|lua|pl|r|jl|clj)$",
    re.I,
)
MAX_FILES = 2000
MAX_BYTES = 30 * 1024 * 1024


@dataclass(frozen=True)
class Inventory:
    """Tests defined at the end of the window, tests it added, and whether both are exact;
    ``scopes``: the tests under folders named for a kind of test (``tests/unit/``,
    ``integration_tests/``, ``e2e/``) by that kind, "" for those under no such folder, each
    with whether its count is exact."""

    defined: int
    added: int
    complete: bool
    scopes: dict[str, tuple[int, bool]] = field(default_factory=dict)


# the kinds of tests a folder may be named for, as "324 unit tests" names them
SCOPES = frozenset(
    {
        "unit",
        "integration",
        "e2e",
        "functional",
        "api",
        "ui",
        "component",
        "widget",
        "smoke",
        "regression",
        "snapshot",
        "instrumented",
        "acceptance",
        "contract",
        "system",
    }
)
SUFFIXED = lazyre.compile(r"[-_]?tests?$", re.I)  # "integration_tests", "e2e-test"
SCOPE_SUFFIX = lazyre.compile(SUFFIXED.pattern + r"|s$")


def scope_of(word: str) -> str:
    """The kind of test a folder or a count's adjective names ("integration_tests",
    "Components", "end-to-end"), or ""."""
    word = word.lower().replace("end-to-end", "e2e")
    word = SCOPE_SUFFIX.sub("", word) if word not in SCOPES else word
    return word if word in SCOPES else ""


TEST_FOLDER = frozenset({"test", "tests", "__tests__", "spec", "specs", "testing"})


def _scope(path: str) -> str:
    """The one kind of test the folders of ``path`` are named for ("" for none, "?" for
    several): a folder inside a test folder ("tests/unit/"), or one named for its tests
    ("integration_tests/", "e2e/"); "src/components/__tests__/" is a source folder's tests."""
    parts = path.lower().split("/")[:-1]
    found = {
        scope
        for above, part in zip(["", *parts], parts, strict=False)
        if (scope := scope_of(part))
        and (above in TEST_FOLDER or SUFFIXED.search(part) or scope == "e2e")
    }
    return found.pop() if len(found) == 1 else "" if not found else "?"


def test_files(paths: set[str]) -> list[str]:
    """The files that can hold tests: test files by name, and every source file of a language
    that keeps its unit tests beside the code (Rust's #[cfg(test)] modules)."""
    return sorted(
        p for p in paths if (TEST_PATH.search(p) and CODE.search(p)) or testdefs.INLINE.search(p)
    )


def _count(path: str, text: str) -> tuple[list[str], bool]:
    """(test names, exact) of one file: a file named as a test file in which no test is
    recognised is written in a way not known here, so the count is not exact."""
    found = testdefs.tests_in(path, text)
    if found is None:
        return [], False
    return found.names, not found.dynamic and (bool(found.names) or not TEST_NAME.search(path))


def needs_inventory(claims: list[Claim], evidence: Evidence) -> bool:
    """Whether a claim could be refuted by the repository's test count. An exact count gives
    every test file by name at least one test, so a total no larger than the number of such
    files cannot exceed it: reading them all is spared (a ratio's denominator, a total)."""
    totals = [
        int(c.value["count"]) if c.kind == "test_total" else int(c.value["total"])
        for c in claims
        if c.kind == "test_total" or (c.kind == "tests" and c.value.get("about_tests"))
    ]
    if not totals:
        return False
    if any(c.kind == "test_total" and c.value.get("measure") == "added" for c in claims):
        return True
    named = sum(1 for p in test_files(evidence.files_at_end) if TEST_NAME.search(p))
    return max(totals) > named


KEY = ("suite",)  # in Evidence.memo: the Inventory, or None


def gather(facts: RepoFacts, evidence: Evidence, claims: list[Claim]) -> None:
    """The repository's tests for a window whose claims could be judged by them (the gatherer
    of the test_total and tests kinds: whichever runs first reads them, once)."""
    window = evidence.window
    if KEY in evidence.memo or not (window.head is not None or window.staged):
        return
    evidence.memo[KEY] = inventory(facts, evidence) if needs_inventory(claims, evidence) else None


def found(evidence: Evidence) -> Inventory | None:
    """The inventory ``gather`` read for the window, if any."""
    held = evidence.memo.get(KEY)
    return held if isinstance(held, Inventory) else None


def inventory(facts: RepoFacts, evidence: Evidence) -> Inventory | None:
    """The repository's tests for the window of ``evidence`` (None when there are too many
    files to read for one check)."""
    window = evidence.window
    if FEATURE_LIST in evidence.files_at_end:
        return None  # an autonomous-coding harness: its "tests" are the feature list's entries
    files = test_files(evidence.files_at_end)
    if not files or len(files) > MAX_FILES:
        return None
    end = "" if window.staged else str(window.head)
    changed = [p for p in files if evidence.actions(p)]
    # blobs by id where the tree listing gave it (no tree walk per path), else by path
    at_end = {p: evidence.blobs_at_end.get(p) or f"{end}:{p}" for p in files}
    names = [*at_end.values(), *(f"{window.base}:{p}" for p in changed if window.base)]
    texts = blob_texts(facts.git, names)
    if sum(len(t) for t in texts.values()) > MAX_BYTES:
        return None
    defined, added, complete = 0, 0, True
    scopes: dict[str, tuple[int, bool]] = {}
    for path in files:
        after, exact = _count(path, texts.get(at_end[path], ""))
        defined += len(after)
        complete = complete and exact
        scope = _scope(path)
        held, all_exact = scopes.get(scope, (0, True))
        scopes[scope] = (held + len(after), all_exact and exact)
        if path in changed:
            before, _ = (
                _count(path, texts.get(f"{window.base}:{path}", "")) if window.base else ([], True)
            )
            added += max(0, len(after) - len(before))
    return Inventory(defined, added, complete and defined > 0, scopes)
