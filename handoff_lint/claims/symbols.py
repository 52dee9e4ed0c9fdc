"""Symbol claims: "`storage/job.py::_perform_write()`", "`process_batch()` in `app/core.py`".

The name must be defined in that file at the end of the session window (a def, class,
function, method, const/let/var, fn/func, type or interface, or ``name = ...``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.claims.walk import claimed_text, containing
from handoff_lint.document import textscan
from handoff_lint.git import contents
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

NAME = r"[A-Za-z_$][\w$]*"
QUALIFIED = lazyre.compile(r"`(?P<path>[^`\s:]+)::(?P<name>" + NAME + r"(?:\.\w+)*)(?:\(\))?`")
IN_FILE = lazyre.compile(r"`(?P<name>" + NAME + r"(?:\.\w+)*)\(\)`\s+in\s+`(?P<path>[^`\s]+)`")
# the words that may stand before a definition: "export default", "pub(crate)", "public static",
# "private async", "override suspend" (PHP, Java, C#, Kotlin, Swift, TypeScript class members)
MODIFIERS = (
    r"(?:(?:export|default|pub(?:\([\w ]+\))?|async|static|public|private|protected|internal|"
    r"final|abstract|override|open|virtual|inline|suspend|readonly|mutating|fileprivate|"
    r"sealed|partial|extern|unsafe)\s+)*"
)
DEFINITION = (
    r"(?:^|\n)[ \t]*" + MODIFIERS + r"(?:def|class|function\*?|const|let|var|fn|func|fun|type|"
    r"interface|enum|struct|trait|object|protocol)\s+{name}\b"
    r"|(?:^|\n)[ \t]*" + MODIFIERS + r"{name}\s*\([^)\n]*\)\s*(?::[^{{\n]*)?\{{"
    r"|(?:^|\n)[ \t]*(?:self\.)?{name}\s*[:=]"
)


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for line in containing(doc, "::", "()"):  # what QUALIFIED and IN_FILE need
        for pattern in (QUALIFIED, IN_FILE):
            for match in pattern.finditer(line.text):
                path = textscan.normalize_path(match.group("path"))
                if not textscan.looks_like_path(path):
                    continue
                name = match.group("name").rsplit(".", 1)[-1]
                column = match.start("name") + 1
                out.append(
                    Claim(
                        "symbol",
                        match.group("name"),
                        line.number,
                        column,
                        {"path": path, "name": name},
                    )
                )
    return out


def defines(text: str, name: str) -> bool:
    pattern = DEFINITION.format(name=re.escape(name))
    return re.search(pattern, text) is not None


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        found = claimed_text(claim, evidence, "HL306")
        if found is None:
            continue
        path, text = found
        if defines(text, str(claim.value["name"])):
            claim.settle("verified", f"{claim.value['name']} is defined in {path}")
        else:
            claim.settle(
                "refuted",
                f"{path} defines no {claim.value['name']} at the end of the session",
                "HL306",
            )


register("symbol", extract, verify, contents.gather_texts)
