"""Commit claims: hex ids presented as commits, with the subject and stats given for them."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.claims.commit_lines import ABBREVIATED, HEX_RUN, claims_on_line
from handoff_lint.claims.subjects import subject_matches
from handoff_lint.claims.walk import (
    done_lines,
    output_lines,
    prose_lines,
)
from handoff_lint.document import frontmatter, textscan
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence
    from handoff_lint.git.repo import CommitInfo

STATS = lazyre.compile(
    r"(?P<files>\d[\d,]*)\s+files?\s+changed"
    r"(?:,\s*(?P<ins>\d[\d,]*)\s+insertions?\(\+\))?"
    r"(?:,\s*(?P<del>\d[\d,]*)\s+deletions?\(-\))?",
    re.I,
)


def _number(text: str | None) -> int | None:
    return int(text.replace(",", "")) if text else None


def git_shortstat(files: int, insertions: int, deletions: int) -> str:
    """``git show --shortstat``'s summary line for these numbers."""
    parts = [f"{files} file{'s' if files != 1 else ''} changed"]
    if insertions:
        parts.append(f"{insertions} insertion{'s' if insertions != 1 else ''}(+)")
    if deletions:
        parts.append(f"{deletions} deletion{'s' if deletions != 1 else ''}(-)")
    return ", ".join(parts)


TOTAL = lazyre.compile(r"^\W*(?:total|gesamt|insgesamt|итого|всего|总计|合计|合計)\b", re.I)
ITEM_INDENT = lazyre.compile(r"^(\s*)(?:[-*+]|\d{1,3}[.)])\s")


def _outer_item(text: str, commit_line: str) -> bool:
    """The stats line starts an item less indented than the commit's: a summary of the list
    the commit is part of, not that commit's stats."""
    stats, commit = ITEM_INDENT.match(text), ITEM_INDENT.match(commit_line)
    return stats is not None and commit is not None and len(stats.group(1)) < len(commit.group(1))


def _attach_stats(doc: Document, claims: list[Claim]) -> None:
    """Give each commit the '5 files changed, 1103 insertions(+)' text nearest after it."""
    by_line = sorted(claims, key=lambda c: (c.line, c.column))
    if not by_line:
        return
    numbers = [c.line for c in by_line]
    for line in prose_lines(doc) + output_lines(doc):
        match = STATS.search(line.text) if "changed" in line.folded else None
        if not match:
            continue
        last = bisect.bisect_right(numbers, line.number) - 1  # the last claim on or before it
        # near it in prose; anywhere above it in the same pasted output (git show --stat)
        reach = line.number - line.block.line if line.shape else 3
        if last < 0 or line.number - numbers[last] > reach or "stats" in by_line[last].value:
            continue
        if doc.section_at(line.number) is not doc.section_at(numbers[last]):
            continue  # "### Aggregate Stats" under a table of commits: not the last one's
        if not line.shape and _outer_item(line.text, doc.lines[numbers[last] - 1]):
            continue  # "- **Files modified**: 14 files changed" after nested commit items
        if TOTAL.match(line.text):
            continue  # "**Total:** 7 commits, 67 files changed" under a table of commits
        target = by_line[last]
        target.value["stats"] = {
            "files": _number(match.group("files")),
            "insertions": _number(match.group("ins")),
            "deletions": _number(match.group("del")),
            "line": line.number,
        }


def _front_matter_claims(doc: Document) -> list[Claim]:
    items = (doc.front_matter or {}).get("commits")
    if not isinstance(items, list):
        return []
    lines = frontmatter.item_lines(doc, "commits")
    out: list[Claim] = []
    for position, item in enumerate(items):
        if isinstance(item, dict):
            hash_ = str(item.get("hash") or item.get("sha") or item.get("id") or "")
            subject = str(item.get("subject") or item.get("message") or "")
        else:
            hash_, _, subject = str(item).strip().partition(" ")
        if not textscan.is_commit_hex(hash_):
            continue
        line = lines[position] if position < len(lines) else frontmatter.key_line(doc, "commits")
        text = doc.lines[line - 1] if line - 1 < len(doc.lines) else ""
        column = text.find(hash_) + 1 if hash_ in text else 1
        value: dict[str, Any] = {"hash": hash_}
        if subject.strip():
            value["subject"] = subject.strip().strip("\"'")
        out.append(Claim("commit", hash_, line, column, value))
    return out


# a front matter line about a commit: a key that names one ("commit: f8cd0b2", "base_commit:
# ..."), or a value that says it is one ("- Recorded intake persistence (commit f537be4)")
FRONT_KEY = lazyre.compile(
    r"^\s*(?:-\s+)?[\"']?(?:[\w.-]*[_-])?(?:commit|sha|hash|rev|revision)s?[\"']?\s*:", re.I
)
FRONT_WORD = lazyre.compile(r"\bcommit(?:s|ted)?\b|\bsha\b|コミット|提交|커밋", re.I)


def _front_matter_mentions(doc: Document, taken: set[int]) -> list[Claim]:
    """Commit ids the front matter's other keys and values name (not the ``commits:`` list)."""
    if doc.front_matter is None:
        return []
    out: list[Claim] = []
    for number, text in frontmatter.numbered_lines(doc):
        if number in taken or HEX_RUN.search(text) is None:
            continue
        keyed = FRONT_KEY.match(text) is not None
        for match in textscan.hex_tokens(text, digits_ok=keyed):
            before = text[max(0, match.start() - 40) : match.start()]
            if keyed or FRONT_WORD.search(before):
                token = match.group(1)
                out.append(Claim("commit", token, number, match.start() + 1, {"hash": token}))
    return out


def extract(doc: Document) -> list[Claim]:
    """Commit claims (computed once per document: the stats kind reads them too)."""
    return list(doc.once("commit", lambda: _extract(doc)))


def _extract(doc: Document) -> list[Claim]:
    found = [claim for line in done_lines(doc) for claim in claims_on_line(line)]
    values = (_constant_values(doc) | _uuid_heads(doc)) if found else set()
    found = [claim for claim in found if claim.text not in values]
    found += _digit_ids_again(doc, found)
    _attach_stats(doc, found)
    listed = _front_matter_claims(doc)
    return listed + _front_matter_mentions(doc, {c.line for c in listed}) + found


def _digit_ids_again(doc: Document, found: list[Claim]) -> list[Claim]:
    """An id of digits or letters alone ("`9218080`", "`bcbdafc`") is a commit only where its
    place says so (after "commit", in a list or table of commits); once the document has
    presented it so, the same id set apart in backticks on another line ("RED `9218080`
    precedes GREEN `c09a3bc`") is it too."""
    digits = {c.text for c in found if c.text.isdigit() or c.text.isalpha()}
    if not digits:
        return []
    claimed = {(c.line, c.column) for c in found}
    out: list[Claim] = []
    for line in done_lines(doc):
        for token in digits:
            at = line.text.find(f"`{token}`")
            while at >= 0:
                if (line.number, at + 2) not in claimed:
                    out.append(Claim("commit", token, line.number, at + 2, {"hash": token}))
                at = line.text.find(f"`{token}`", at + 1)
    return out


def _uuid_heads(doc: Document) -> set[str]:
    """The first groups of the UUIDs the document writes anywhere: "(`d6803a12`)" short for
    the row id "d6803a12-b554-..." given in a table is that id, not a commit."""
    out: set[str] = set()
    for line in doc.lines:
        if "-" in line:
            out |= {m.group(0)[:8].lower() for m in textscan.UUID.finditer(line)}
    return out


def _constant_values(doc: Document) -> set[str]:
    """Hex tokens the document gives anywhere as the value of a named constant: not commits on
    any of its lines ("BUILD_TAG `1a2b3c4d5e6f`" once, then "tag `1a2b3c4d5e6f` unchanged")."""
    out: set[str] = set()
    for line in doc.lines:
        # a named constant has an underscore; without one, nothing is a value here
        if "_" in line and HEX_RUN.search(line) is not None:
            out |= textscan.constant_values(line)
    return out


ONELINE = lazyre.compile(r"^\s*(?:[*|/\\ ]+\s*)?(?:commit\s+)?([0-9a-f]{7,40})\b")


def listed_in_code(doc: Document) -> list[str]:
    """Ids at the start of lines of code blocks under a commits heading (pasted ``git log``).

    They are not claims (code is never claimed), but they anchor the session window.
    """
    out: list[str] = []
    for block in doc.blocks:
        section = block.section
        if block.kind != "code" or section is None or not section.within("commits"):
            continue
        for line in block.lines:
            match = ONELINE.match(line)
            if match and textscan.is_commit_hex(match.group(1), keyword_before=True):
                out.append(match.group(1))
    return out


# --- verification -------------------------------------------------------------------------


def _suggest(claim: Claim, evidence: Evidence) -> str:
    """The suggestion for an unknown commit, once per subject and id (a long document repeats
    them, and each is compared with every commit of the window)."""
    key = ("suggest", str(claim.value.get("subject", "")), claim.text[:4])
    if key not in evidence.memo:
        evidence.memo[key] = _suggestion(claim, evidence)
    return str(evidence.memo[key])


def _suggestion(claim: Claim, evidence: Evidence) -> str:
    subject = str(claim.value.get("subject", ""))
    candidates = evidence.window_commits or evidence.recent_commits
    same = [c for c in evidence.window_commits if subject and subject_matches(subject, c)]
    if len(same) == 1:  # one commit of the session says this: --unsafe-fixes writes its id
        return f"write {same[0].sha[:7]}, the session's one commit '{same[0].subject}'"
    if subject:
        for info in candidates:
            if subject_matches(subject, info):
                return f"did you mean {info.sha[:7]}, '{info.subject}'?"
    prefix = claim.text[:4]
    for info in candidates:
        if info.sha.startswith(prefix):
            return f"did you mean {info.sha[:7]}, '{info.subject}'?"
    return ""


def _rewritten_as(info: CommitInfo | None, evidence: Evidence) -> CommitInfo | None:
    """A reachable recent commit with the same subject or the same author date (to the second):
    the rebased, amended or squashed copy. (Patch ids are not compared: one process each.)"""
    if info is None:
        return None
    for other in evidence.recent_commits:
        if other.sha == info.sha:
            continue
        if info.subject.strip() and other.subject.strip() == info.subject.strip():
            return other
        if info.when and other.when == info.when:
            return other
    return None


# a commit of documents only, by its conventional subject ("docs(session-30): handoff")
DOCS_SUBJECT = lazyre.compile(r"^(?:docs?|chore\(docs?\))(?:\([^)]*\))?!?:", re.I)


def _latest_ok(sha: str, evidence: Evidence) -> bool:
    """'Latest commit X': X is the window's newest commit, or the one before the document's own,
    or the newest before a run of documentation commits (the handoff written after the work)
    and of the merge that brought X's branch in."""
    commits = evidence.window_commits
    newest = [c.sha for c in commits[:2]]
    if not newest or sha in newest:
        return True
    own = 1 if evidence.writes_document() else 0  # the document's own commit
    for commit in commits[own:]:
        if commit.sha == sha:
            return True
        merged = len(commit.parents) > 1 and any(p.startswith(sha) for p in commit.parents[1:])
        if not DOCS_SUBJECT.match(commit.subject) and not merged:
            return False  # a merge of the cited commit's branch is no new work after it
    return False


def _settle_found(claim: Claim, sha: str, evidence: Evidence) -> None:
    info = evidence.commits.get(sha)
    if sha in evidence.unreachable:
        twin = _rewritten_as(info, evidence)
        where = (
            f"; probably rebased or squashed as {twin.sha[:7]} '{twin.subject}'"
            if twin
            else " (reset or rewritten history?)"
        )
        # with a reachable twin, the history was rewritten after the document cited the commit:
        # the citation was true when written (info); without one, the commit was thrown away
        claim.settle(
            "unverifiable",
            f"commit {sha[:12]} exists but no ref reaches it{where}",
            "HL901" if twin else "HL204",
            f"cite {twin.sha[:7]}" if twin else "",
        )
        return
    if info is None:
        claim.settle("verified", f"commit {sha[:12]} exists")
        return
    if claim.value.get("role") == "latest" and not _latest_ok(sha, evidence):
        newest = evidence.window_commits[0]
        claim.settle(
            "refuted",
            f"{sha[:7]} is not the latest commit of the session; "
            f"{newest.sha[:7]} '{newest.subject}' came after it",
            "HL207",
            f"did you mean {newest.sha[:7]}?",
        )
        return
    subject = claim.value.get("subject")
    if subject and not subject_matches(str(subject), info):
        claim.settle(
            "refuted",
            f"git says commit {sha[:7]} is '{info.subject}', not '{subject}'",
            "HL205",
            f"write '{info.subject}'",
        )
        return
    claim.settle("verified", f"commit {sha[:12]} '{info.subject}'")  # its stats: the stats kind


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        if not evidence.available:
            claim.settle("unverifiable", evidence.unavailable_reason)
            continue
        found = evidence.objects.get(claim.text)
        if found is None or found.status == "missing":
            if claim.value.get("set_apart") and len(claim.text) > ABBREVIATED:
                claim.settle(
                    "unverifiable",
                    f"no object has this id; a {len(claim.text)}-digit id with no word of "
                    "commits may be the digest of something else",
                    "HL901",
                    "write 'commit' before it if it is one",
                )
            elif evidence.shallow:
                claim.settle(
                    "unverifiable",
                    "not in this shallow clone's history",
                    "HL901",
                    "fetch the full history: fetch-depth: 0",
                )
            else:
                claim.settle(
                    "refuted",
                    "no commit with this id exists in the repository",
                    "HL201",
                    _suggest(claim, evidence),
                )
        elif found.status == "ambiguous":
            claim.settle(
                "unverifiable", "this short id matches several objects; give more digits", "HL203"
            )
        elif found.type != "commit":
            claim.settle("refuted", f"{claim.text} is a {found.type}, not a commit", "HL202")
        else:
            _settle_found(claim, found.sha, evidence)


register("commit", extract, verify)
