"""Branch claims: 'Branch: `name`' lines and front matter ``branch:``."""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.claims.walk import containing
from handoff_lint.document import frontmatter
from handoff_lint.git import history
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

# "branch" in the languages reports are written in
OTHER_WORDS = ("分支", "ブランチ", "브랜치", "rama", "ramo", "zweig", "branche")
OTHER = "|".join(OTHER_WORDS)
KEY = lazyre.compile(
    r"^(?:git\s+)?(?:current\s+|working\s+|feature\s+)?branch(?:\s+name)?$|^(?:" + OTHER + ")$",
    re.I,
)
# "(branch: feat/x)", "（分支: feat/x）" inside a sentence
IN_BRACKETS = lazyre.compile(
    r"[(（]\s*(?:git\s+)?(?:branch|" + OTHER + r")\s*[:：]\s*"
    r"[`*\"']*(?P<name>[A-Za-z0-9][\w./+-]*[\w+-])[`*\"']*\s*[)）]",
    re.I,
)
NAME = lazyre.compile(
    r"^[`*\"']*(?P<name>[A-Za-z0-9][\w./+-]*[\w+-]|[A-Za-z0-9])[`*\"']*(?:\s|$|[,;(])"
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
    taken = {c.line for c in out}
    for prose in containing(doc, "branch", *OTHER_WORDS):
        found = IN_BRACKETS.search(prose.text) if prose.number not in taken else None
        if found:
            name = found.group("name")
            column = found.start("name") + 1
            out.append(Claim("branch", name, prose.number, column, {"name": name}))
    if out:
        labelled = {c.value["name"] for c in out}
        spans = {m.group(1) for m in CODE_SPAN.finditer("\n".join(doc.lines))} - labelled
        for claim in out:
            claim.value["spans"] = sorted(spans)[:MAX_SPANS]
    return out


# the names a document writes in code spans, not as a branch label: a branch among them that
# holds the session's commits is the document's own, and another it labels is some other
# work's (two labels that disagree are two claims of the session's branch: one is wrong)
CODE_SPAN = lazyre.compile(r"`([A-Za-z0-9][\w./+-]{0,100})`")
MAX_SPANS = 500


def _merged(name: str, evidence: Evidence) -> bool:
    """A recent merge names the branch, or the merge that brought the session in does."""
    if evidence.merged_as and history.merged_name(evidence.merged_as) == name:
        return True
    return any(history.merged_name(info.subject) == name for info in evidence.recent_commits)


def _on_side_branch(evidence: Evidence) -> list[str]:
    """The branches holding the session's last commit when no default branch does (the work is
    still on its own branch, so that branch is known)."""
    holders = sorted(evidence.containing or [])
    if not holders or any(h.rsplit("/", 1)[-1] in history.DEFAULT_BRANCHES for h in holders):
        return []
    return holders


DIGITS = lazyre.compile(r"\d+")


def _another_of_a_series(name: str, other: str) -> bool:
    """ "scribe-session-09-docs" and "scribe-session-10-docs": the same name but for its
    numbers, two branches of a numbered series (the older one deleted after its merge)."""
    mine, theirs = DIGITS.sub("#", name), DIGITS.sub("#", other)
    numbers = DIGITS.findall(name) != DIGITS.findall(other)[-len(DIGITS.findall(name)) :]
    return numbers and (theirs == mine or theirs.endswith("/" + mine))  # "origin/..." too


def _missing(claim: Claim, name: str, evidence: Evidence, several: bool) -> None:
    """A branch that does not exist now: deleted after a merge is normal, so it is refuted only
    when git says which branch held the session (a near name among the branches the session
    merged or is on, or among other branches that hold its last commit, but not another of a
    numbered series there; the merge that brought it in; the side branch it is still on, unless the
    document names three branches or more: one for each agent or step, which git cannot
    match to the work)."""
    session = {history.merged_name(c.subject) for c in evidence.window_commits} | {
        evidence.head_branch
    }
    close = difflib.get_close_matches(name, sorted(session - {""}), n=1, cutoff=0.6)
    holders = evidence.containing if evidence.containing is not None else evidence.branches
    others = sorted(b for b in holders if not _another_of_a_series(name, b))
    close = close or difflib.get_close_matches(name, others, n=1, cutoff=0.8)
    merged = history.merged_name(evidence.merged_as or "")
    side = _on_side_branch(evidence)
    if several and not close:
        merged, side = "", []  # one of the branches of several agents or steps: which held what?
    if close:
        reason, fix = f"no branch '{name}'", f"did you mean {close[0]}?"
    elif merged and merged != name:
        reason, fix = f"no branch '{name}'; the session's commits were merged from {merged}", ""
    elif side:
        reason, fix = f"no branch '{name}'; the session's last commit is on {side[0]}", ""
    else:
        claim.settle(
            "unverifiable",
            f"no branch '{name}' now, and no merge names it: it may have been deleted after "
            "its work was merged",
            "HL901",
        )
        return
    claim.settle("refuted", reason, "HL502", fix)


def _named_holder(claim: Claim, evidence: Evidence) -> str:
    """A branch other than a default one that holds the session's last commit and that the
    document names in a code span, else ""."""
    spans = set(claim.value.get("spans", []))
    for holder in sorted(evidence.containing or []):
        if holder not in history.DEFAULT_BRANCHES and holder != "HEAD" and holder in spans:
            return holder
    return ""


def verify(claims: list[Claim], evidence: Evidence) -> None:
    several = len({c.text for c in claims}) >= 3  # "**Branch:**" of each agent's worktree
    for claim in claims:
        name = claim.text
        if not evidence.available:
            claim.settle("unverifiable", evidence.unavailable_reason)
        elif name == evidence.head_branch or (
            name in evidence.branches
            and (evidence.containing is None or name in evidence.containing)
        ):
            claim.settle("verified", f"branch {name} holds the session's commits")
        elif _merged(name, evidence):
            claim.settle("verified", f"branch {name} was merged (a merge commit names it)")
        elif name in evidence.rewritten:
            claim.settle(
                "verified",
                f"branch {name} holds copies of the session's commits (same subjects and author "
                "dates under other ids: rebased or rewritten since)",
            )
        elif name in evidence.holding_part:
            claim.settle(
                "unverifiable",
                f"branch {name} holds some of the session's commits but not its last: the "
                "branch of one step of the work, or one left behind",
            )
        elif name in evidence.branches and (own := _named_holder(claim, evidence)):
            claim.settle(
                "unverifiable",
                f"branch {name} does not hold the session's last commit, but {own}, which the "
                "document also names, does: this one may be other work's",
            )
        elif name in evidence.branches:
            holders = ", ".join(sorted(evidence.containing or [])[:4]) or "no branch"
            claim.settle(
                "refuted",
                f"branch {name} exists but does not hold the session's last "
                f"commit (held by: {holders})",
                "HL503",
            )
        else:
            _missing(claim, name, evidence, several)


register("branch", extract, verify)
