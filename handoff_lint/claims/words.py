"""Word counts of documents: "`GUIDE.md` (3,000+ words)", "(comprehensive 4,000+ word report)".

Git has the text, and ``wc -w`` counts every whitespace-separated token, Markdown marks and
table pipes included: at least as many as the words a person counts. So a claim is refuted only
when even that count falls short: "N+ words" or "N words" with fewer tokens than N, "~N words"
with fewer than N less the approximate tolerance. Many more tokens than an exact count may be
markup: unverifiable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from handoff_lint.claims import register
from handoff_lint.claims.line_sizes import tolerance
from handoff_lint.claims.walk import claimed_text, containing
from handoff_lint.document import counted_paths
from handoff_lint.git import contents
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

WORDS = ("word", "wörter", "palabra", "palavra", "mots", "parole")


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for line in containing(doc, *WORDS):
        first = line.starts_item or line.first
        for _, path, found in counted_paths.annotated(line.text, first, ("words",)):
            value = {"path": path, "count": found.count}
            if found.approx:
                value["approx"] = True
            if found.at_least:
                value["at_least"] = True
            text = line.text[found.start : found.end]
            out.append(Claim("words", text, line.number, found.start + 1, value))
    return out


def _least(claim: Claim, evidence: Evidence) -> int:
    """The fewest tokens the claim allows."""
    count = int(claim.value["count"])
    return count - tolerance(count, evidence.settings) if claim.value.get("approx") else count


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        found = claimed_text(claim, evidence, "HL305")
        if found is None:
            continue
        claim.value["resolved"] = found[0]
        tokens = len(found[1].split())
        if tokens < _least(claim, evidence):
            claim.settle(
                "refuted",
                f"the file has {tokens} whitespace-separated tokens in git (markup included), "
                f"fewer than {claim.text}",
                "HL305",
            )
        elif (
            tokens <= int(claim.value["count"]) * 11 // 10
            or claim.value.get("approx")
            or claim.value.get("at_least")
        ):
            claim.settle("verified", f"the file has {tokens} tokens, markup included")
        else:
            claim.settle(
                "unverifiable", f"the file has {tokens} tokens, markup included: not a word count"
            )


register("words", extract, verify, contents.gather_texts)
