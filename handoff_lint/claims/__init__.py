"""Claim kinds, each a small module registered by name with an extractor and a verifier.

An extractor reads the document model and returns claims; a verifier settles each claim of
its kind against the git evidence of the document's session window. A kind that needs git data
no other kind reads also registers a gatherer: it asks git its own questions, once the window's
shared evidence is in, and keeps the answers beside that evidence (``Evidence.memo``); its
``questions`` name the commands the gatherer will run, so that git starts them early.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from handoff_lint.model import Claim, Document, Window

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence
    from handoff_lint.git.repo import RepoFacts

Extractor = Callable[[Document], list[Claim]]
Verifier = Callable[[list[Claim], "Evidence"], None]
# (the run's git, the window's shared evidence, every claim of the window): adds what the kind
# needs to the evidence; called for every window, so it returns at once without its claims
Gatherer = Callable[["RepoFacts", "Evidence", list[Claim]], None]
# (the fitted window, the document's path, its claims): the git commands the gatherer will run,
# started early so that they overlap the shared evidence's (empty without the kind's claims)
Questions = Callable[[Window, str, list[Claim]], list[tuple[str, ...]]]


@dataclass(frozen=True)
class ClaimKind:
    name: str
    extract: Extractor
    verify: Verifier
    gather: Gatherer | None = None
    questions: Questions | None = None


KINDS: dict[str, ClaimKind] = {}


def register(
    name: str,
    extract: Extractor,
    verify: Verifier,
    gather: Gatherer | None = None,
    questions: Questions | None = None,
) -> None:
    KINDS[name] = ClaimKind(name, extract, verify, gather, questions)


def load() -> dict[str, ClaimKind]:
    """Import the built-in claim kinds (each registers itself) and return the registry."""
    from handoff_lint.claims import (  # noqa: F401
        branch,
        breakdown,
        commit,
        commit_range,
        commit_types,
        counts,
        date,
        durations,
        file_counts,
        files,
        folder_lines,
        lines,
        lines_total,
        parts,
        sizes,
        stats,
        symbols,
        test_count,
        test_groups,
        test_total,
        tests,
        tests_added,
        typed_files,
        untracked,
        words,
    )

    return KINDS


MAX_CLAIMS = 10_000


def extract(doc: Document) -> list[Claim]:
    """Every claim of ``doc``, in the order of the document; the first MAX_CLAIMS of them (a
    document decides how many claims git is asked about: the rest get one HL906 finding)."""
    from handoff_lint.claims import lead_folders

    found = [claim for kind in load().values() for claim in kind.extract(doc)]
    found.sort(key=lambda c: (c.line, c.column))
    lead_folders.apply(doc, found)
    if len(found) > MAX_CLAIMS:
        from handoff_lint.checks import rules

        first = found[MAX_CLAIMS]
        message = (
            f"the document holds {len(found)} claims; only the first {MAX_CLAIMS:,} (up to "
            f"line {found[MAX_CLAIMS - 1].line}) were checked: split it into one document per "
            "session"
        )
        doc.problems.append(rules.finding("HL906", first.line, first.column, message))
        del found[MAX_CLAIMS:]
    return found
