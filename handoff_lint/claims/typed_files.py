"""Counts of files of one language in the repository or one folder: "95 Dart files in lib/",
"**Dart files**: 95 files in lib/", "156/156 Kotlin files", "160+ test files" (HL402).

The tree at the end of the window has the answer. With a folder the count is that folder's
(all depths): it must be equal (``~N`` within the tolerance, ``N+`` at least N). Without one
it may count a part of the repository, so only a count above the whole repository's is refuted.
Test files are counted generously (a name or a folder with "test" or "spec"), so a claim of
more test files than that is refuted and a smaller one is never judged. A line that tells of
an action ("Converted 12 Kotlin files") counts the session's work, not the tree: not read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.claims.filetypes import EXTENSIONS
from handoff_lint.claims.line_sizes import agrees
from handoff_lint.claims.walk import Line, containing, told_before
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

LANGUAGE = "|".join(re.escape(name) for name in EXTENSIONS)
N = r"(?P<n>\d{1,3}(?:,\d{3})+|\d{1,6})"
FOLDER = r"(?:\s+(?:in|under|inside)\s+`?(?P<folder>\.?[\w@-][\w.@-]*(?:/[\w.@-]+)*/?)`?)?"
# "95 Dart files in lib/", "156/156 Kotlin files", "~40 test files", "160+ test files"
COUNTED = lazyre.compile(
    r"(?<![\w./-])(?:(?P<done>\d{1,6})\s*/\s*)?(?P<approx>~|≈)?" + N + r"(?P<more>\+)?\s+"
    r"(?P<lang>" + LANGUAGE + r")\s+files?\b" + FOLDER,
    re.I,
)
# "**Dart files**: 95 files in lib/", "- Kotlin files: 163"
LABELLED = lazyre.compile(
    r"^[\s>*+-]*[*_]*(?P<lang>" + LANGUAGE + r")\s+files?[*_]*\s*[:：]\s*[*_]*"
    r"(?P<approx>~|≈)?" + N + r"(?P<more>\+)?(?:\s+files?)?" + FOLDER + r"[*_]*\s*$",
    re.I,
)
# a line telling of the session's work counts what it did, and one telling of an earlier state
# what the tree held then, not what it holds
ACTION = lazyre.compile(
    r"\b(?:creat|add|modif|updat|chang|delet|remov|touch|migrat|convert|mov|renam|refactor|"
    r"port|fix|writ|wrote|edit|generat|split|merg|replac|reformat|lint|clean)\w*"
    r"|\b(?:before|previously|originally|earlier|was|were|from|antes|vorher)\b",
    re.I,
)
WORDS = ("file",)


def _claim(line: Line, match: re.Match[str]) -> Claim:
    value: dict[str, Any] = {
        "count": int(match.group("n").replace(",", "")),
        "language": match.group("lang").lower(),
        "noun": match.group("lang") + " files",
    }
    if match.group("folder"):
        value["folder"] = match.group("folder").rstrip("/")
    if match.group("approx"):
        value["approx"] = True
    if match.group("more"):
        value["at_least"] = True
    text = line.text[match.start("n") : match.end()].rstrip()
    return Claim("typed_files", text, line.number, match.start("n") + 1, value)


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for line in containing(doc, *WORDS):
        if ACTION.search(line.text) or told_before(doc, line):
            continue
        labelled = LABELLED.match(line.text)
        found = [labelled] if labelled else list(COUNTED.finditer(line.text))
        out.extend(_claim(line, match) for match in found)
    return out


def _folder(written: str, evidence: Evidence) -> str | None:
    """The one folder of the tree ``written`` names (as written, or as the end of a longer
    path: "lib" in "app/lib/src"), or None."""
    key = "/" + written + "/"
    found = set()
    for folder in evidence.folders():
        padded = "/" + folder + "/"
        at = padded.find(key)
        if at >= 0:
            found.add(padded[1 : at + len(key) - 1])
    return found.pop() if len(found) == 1 else None


def _is_test(path: str) -> bool:
    return "test" in path.lower() or "spec" in path.lower()


def _count(language: str, folder: str, evidence: Evidence) -> int:
    prefix = folder + "/" if folder else ""
    under = [p for p in evidence.files_at_end if p.startswith(prefix)]
    if language == "test":
        return sum(1 for p in under if _is_test(p))
    return sum(1 for p in under if p.lower().endswith(EXTENSIONS[language]))


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        if not evidence.available or evidence.window.head is None:
            claim.settle("unverifiable", evidence.unavailable_reason or "no commits to count")
            continue
        written = str(claim.value.get("folder", ""))
        folder = _folder(written, evidence) if written else ""
        if folder is None:
            claim.settle("unverifiable", f"no one folder {written}/ in the repository")
            continue
        language, count = str(claim.value["language"]), int(claim.value["count"])
        found = _count(language, folder, evidence)
        where = f"{folder}/" if folder else "the repository"
        noun = str(claim.value["noun"])
        if agrees(count, found, claim.value, evidence.settings):
            claim.settle("verified", f"{where} holds {found} {noun}")
        elif (not folder or language == "test") and found < count:
            claim.settle("refuted", f"{where} holds only {found} {noun}", "HL402", f"write {found}")
        elif not folder or language == "test":
            claim.settle("unverifiable", f"{where} holds {found} {noun}: a part of them?")
        else:
            claim.settle(
                "refuted", f"{where} holds {found} {noun}, not {count}", "HL402", f"write {found}"
            )


register("typed_files", extract, verify)
