"""Branch claims: 'Branch: `name`' lines and front matter ``branch:``."""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from handoff_lint import frontmatter
from handoff_lint.claims import register
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.evidence import Evidence

KEY = re.compile(r"^(?:git\s+)?(?:current\s+|working\s+|feature\s+)?branch(?:\s+name)?$", re.I)
NAME = re.compile(
    r"^[`*\"']*(?P<name>[A-Za-z0-9][\w./+-]*[\w+-]|[A-Za-z0-9])[`*\"']*(?:\s|$|[,;(])"
)
MERGE_SUBJECT = re.compile(
    r"Merge (?:branch|remote-tracking branch) '(?P<a>[^']+)'|Merge pull request #\d+ from [^/\s]+/(?P<b>\S+)"
)


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    value = (doc.front_matter or {}).get("branch")
    if isinstance(value, str) and value.strip():
        line = frontmatter.key_line(doc, "branch")
        column = doc.lines[line - 1].find(value.strip()) + 1
        out.append(Claim("branch", value.strip(), line, max(column, 1), {"name": value.strip()}))
    for meta in doc.metadata:
        if not KEY.match(meta.key.strip()):
            continue
        match = NAME.match(str(meta.value) + " ")
        if not match or match.group("name").lower() in ("n/a", "none", "unknown"):
            continue
        name = match.group("name")
        column = meta.column + str(meta.value).find(name)
        out.append(Claim("branch", name, meta.line, column, {"name": name}))
    return out


def _merged(name: str, evidence: Evidence) -> bool:
    for info in evidence.recent_commits:
        match = MERGE_SUBJECT.search(info.subject)
        if match and name in ((match.group("a") or ""), (match.group("b") or "")):
            return True
    return False


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        name = claim.text
        if not evidence.available:
            claim.settle("unverifiable", evidence.unavailable_reason)
        elif name == evidence.head_branch or (
            name in evidence.branches
            and (evidence.containing is None or name in evidence.containing)
        ):
            claim.settle("verified", f"branch {name} holds the session's commits")
        elif name in evidence.branches and _merged(name, evidence):
            claim.settle("verified", f"branch {name} was merged (a merge commit names it)")
        elif name in evidence.branches:
            holders = ", ".join(sorted(evidence.containing or [])[:4]) or "no branch"
            claim.settle(
                "refuted",
                f"branch {name} exists but does not hold the session's last "
                f"commit (held by: {holders})",
                "HL503",
            )
        elif _merged(name, evidence):
            claim.settle(
                "verified", f"branch {name} was merged (a merge commit names it) and since deleted"
            )
        else:
            close = difflib.get_close_matches(name, sorted(evidence.branches), n=1, cutoff=0.6)
            fix = f"did you mean {close[0]}?" if close else ""
            known = ", ".join(sorted(evidence.branches)[:5]) or "none"
            claim.settle(
                "refuted",
                f"no local or remote-tracking branch '{name}' (branches: {known})",
                "HL502",
                fix,
            )


register("branch", extract, verify)
