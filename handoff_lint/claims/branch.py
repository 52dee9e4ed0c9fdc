"""Branch claims: 'Branch: `name`' lines and front matter ``branch:``."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.claims.walk import containing
from handoff_lint.document import frontmatter
from handoff_lint.git import history
from handoff_lint.model import Claim, Document, Window

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence
    from handoff_lint.git.repo import RepoFacts

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
# "merged to `main`", "Merged a `dev`", "fusionado en develop": the state, then the branch merged
# into (the session's commits are on it)
MERGED_INTO = lazyre.compile(
    r"^[`*\"']*(?:merged|fusionad[ao]|mesclad[ao]|zusammengeführt|gemergt|fusionnée?)[`*\"']*\s+"
    r"(?:(?:back\s+)?(?:to|into|in|on|a|al|en|para|com|nach|in\s+den|vers|dans)\s+)?"
    r"(?:the\s+)?(?=\S)",
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
        said = str(meta.value)
        into = MERGED_INTO.match(said)
        match = NAME.match(said[into.end() if into else 0 :] + " ")
        if not match or match.group("name").lower() in ("n/a", "none", "unknown", "merged"):
            continue
        name = match.group("name")
        column = meta.column + said.find(name, into.end() if into else 0)
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


def merged_as(facts: RepoFacts, head: str) -> str | None:
    """The subject of the merge that brought ``head`` in from its side branch (``git
    name-rev``: ``main~3^2~1`` names the merge ``main~3``; in ``main~81^2~1^2~3`` the branch
    was merged by ``main~81^2~1``, which a later merge brought into main), or None."""
    patterns = [f"--refs={p}{n}" for n in history.DEFAULT_BRANCHES for p in ("", "*/")]
    named = facts.git.run("name-rev", "--name-only", *patterns, head, check=False).strip()
    if "^2" not in named:
        return None
    merge = named.rsplit("^2", 1)[0]
    found = facts.git.objects([merge]).get(merge)
    if found is None or found[0] != "commit":
        return None
    message = found[1].split(b"\n\n", 1)[1] if b"\n\n" in found[1] else b""
    return message.decode("utf-8", "replace").split("\n", 1)[0]


@dataclass(frozen=True)
class Holders:
    """What git says of the branches around the session's last commit."""

    containing: frozenset[str] | None = None  # branches holding it (None: not asked)
    rewritten: frozenset[str] = frozenset()  # claimed branches holding copies of it
    holding_part: frozenset[str] = frozenset()  # claimed branches with some of the session
    merged_as: str | None = None  # the subject of the merge that brought the session in
    merged_later: frozenset[str] = frozenset()  # gone branches merged with the session's work


MEMO = ("branch",)


def gather(facts: RepoFacts, evidence: Evidence, claims: list[Claim]) -> None:
    """Branches (short names, remote prefix dropped too) that hold the window's last commit,
    and, when a claimed branch no longer exists, the merge that brought the session in."""
    head = evidence.window.head
    claimed = {c.text for c in claims if c.kind == "branch"}
    if head is None or not claimed or MEMO in evidence.memo:
        return
    gone = sorted(claimed - facts.branches)
    merged = merged_as(facts, head) if gone else None
    refs = facts.git.lines(*history.contains_question(head), check=False)
    containing: set[str] = set()
    for ref in refs:
        short = ref.removeprefix("refs/heads/").removeprefix("refs/remotes/")
        containing.add(short)
        if ref.startswith("refs/remotes/") and "/" in short:
            containing.add(short.split("/", 1)[1])
    others = claimed & facts.branches
    rewritten, part = _holding_copies(facts, evidence, sorted(others - containing))
    later = _merged_later(facts, evidence, gone)
    evidence.memo[MEMO] = Holders(frozenset(containing), rewritten, part, merged, later)


def _holders(evidence: Evidence) -> Holders:
    found = evidence.memo.get(MEMO)
    return found if isinstance(found, Holders) else Holders()


MAX_REWRITTEN = 6  # branches looked through for copies of the session's commits
MAX_COPIES_SEARCHED = 5000
GLOB = lazyre.compile(r"[*?\[\]\\]")


def _holding_copies(
    facts: RepoFacts, evidence: Evidence, names: list[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """The branches, of ``names`` (which exist but do not hold the window's last commit), that
    hold a copy of one of the session's commits: the same subject and author date under
    another id, as a rebase or a rewritten history leaves it; and those that hold one of the
    session's commits itself (a step's branch, "**Branch:** `phase-2-subtask-2.1`" under that
    step, or one left behind; not the trunk, which holds whatever was merged into it). One
    ``log`` per branch."""
    session = {(c.when, c.subject): c.sha for c in evidence.window_commits if c.when}
    shas = set(session.values())
    out: set[str] = set()
    part: set[str] = set()
    for name in [n for n in names if not GLOB.search(n) and not n.startswith("-")][:MAX_REWRITTEN]:
        exact = f"{name[:-1]}[{name[-1]}]"  # a glob char: git implies no "/*" after it
        output = facts.git.run(
            "log",
            f"--glob=refs/heads/{exact}",
            f"--glob=refs/remotes/*/{exact}",
            f"--max-count={MAX_COPIES_SEARCHED}",
            "--format=%H%x1f%aI%x1f%s",
            check=False,
        )
        for line in output.split("\n"):
            sha, _, rest = line.partition("\x1f")
            when, _, subject = rest.partition("\x1f")
            if session.get((when, subject), sha) != sha:  # the same commit, another id
                out.add(name)
                break
            if sha in shas and name not in history.DEFAULT_BRANCHES:  # the trunk: all merged
                part.add(name)
    return frozenset(out), frozenset(part - out)


MAX_MERGES_SEARCHED = 2000
# a branch name git could hold, bounded (a document's name reaches git's arguments)
SAFE_NAME = lazyre.compile(r"[A-Za-z0-9][\w./+-]{0,199}")


def _merged_later(facts: RepoFacts, evidence: Evidence, names: list[str]) -> frozenset[str]:
    """The branches of ``names`` (claimed, gone) that a merge on any ref names, whose merged
    side is one of the session's commits: merged after the document, perhaps off HEAD's
    history (into another agent's branch), and deleted since. One ``log`` for all."""
    names = [n for n in names if SAFE_NAME.fullmatch(n)][:MAX_REWRITTEN]
    session = {c.sha for c in evidence.window_commits}
    dates = sorted(c.when for c in evidence.window_commits if c.when)
    if not names or not session or not dates:
        return frozenset()
    output = facts.git.run(
        "log", "--all", "--merges", "--fixed-strings", *(f"--grep={n}" for n in names),
        f"--since={dates[0]}", f"--max-count={MAX_MERGES_SEARCHED}", "--format=%P%x1f%s",
        check=False,
    )  # fmt: skip
    found = set()
    for line in output.split("\n"):
        parents, _, subject = line.partition("\x1f")
        name = history.merged_name(subject)
        if name in names and any(p in session for p in parents.split()[1:]):
            found.add(name)
    return frozenset(found)


def _local(name: str) -> str:
    """The branch a remote-tracking name stands for ("origin/feat-x": feat-x)."""
    return name.split("/", 1)[1] if name.startswith(("origin/", "upstream/")) else name


def _merged(name: str, evidence: Evidence) -> bool:
    """A recent merge names the branch, or the merge that brought the session in does."""
    merged_as, name = _holders(evidence).merged_as, _local(name)
    if merged_as and history.merged_name(merged_as) == name:
        return True
    return any(history.merged_name(info.subject) == name for info in evidence.recent_commits)


def _on_side_branch(evidence: Evidence) -> list[str]:
    """The branches holding the session's last commit when no default branch does (the work is
    still on its own branch, so that branch is known)."""
    holders = sorted(_holders(evidence).containing or [])
    if not holders or any(h.rsplit("/", 1)[-1] in history.DEFAULT_BRANCHES for h in holders):
        return []
    return holders


DIGITS = lazyre.compile(r"\d+")


# the generated id that ends an agent's branch name: "claude/setup-x-01GL2ZjZMHXQAKNbjQVwy9xA"
GENERATED_ID = lazyre.compile(r"[-_](?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])([A-Za-z0-9]{6,})$")


def _ids_apart(name: str, other: str) -> bool:
    """Two names alike but for the generated ids that end them: two sessions' branches."""
    mine, theirs = GENERATED_ID.search(name), GENERATED_ID.search(other)
    return (
        mine is not None
        and theirs is not None
        and mine.group(1) != theirs.group(1)
        and name[: mine.start()] == other[: theirs.start()].removeprefix("origin/")
    )


def _another_of_a_series(name: str, other: str) -> bool:
    """ "scribe-session-09-docs" and "scribe-session-10-docs": the same name but for its
    numbers, two branches of a numbered series (the older one deleted after its merge)."""
    if _ids_apart(name, other):
        return True
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
    near = sorted(b for b in session - {""} if not _ids_apart(name, b))
    close = difflib.get_close_matches(name, near, n=1, cutoff=0.6)
    containing = _holders(evidence).containing
    holders = containing if containing is not None else evidence.branches
    others = sorted(b for b in holders if not _another_of_a_series(name, b))
    close = close or difflib.get_close_matches(name, others, n=1, cutoff=0.8)
    merged = history.merged_name(_holders(evidence).merged_as or "")
    side = _on_side_branch(evidence)
    if several and not close:
        merged, side = "", []  # one of the branches of several agents or steps: which held what?
    if close:
        reason, fix = f"no branch '{name}'", f"did you mean {close[0]}?"
    elif merged and merged != _local(name):
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
    for holder in sorted(_holders(evidence).containing or []):
        if holder not in history.DEFAULT_BRANCHES and holder != "HEAD" and holder in spans:
            return holder
    return ""


def verify(claims: list[Claim], evidence: Evidence) -> None:
    several = len({c.text for c in claims}) >= 3  # "**Branch:**" of each agent's worktree
    held = _holders(evidence)
    for claim in claims:
        name = claim.text
        if not evidence.available:
            claim.settle("unverifiable", evidence.unavailable_reason)
        elif name == evidence.head_branch or (
            name in evidence.branches and (held.containing is None or name in held.containing)
        ):
            claim.settle("verified", f"branch {name} holds the session's commits")
        elif _merged(name, evidence) or name in held.merged_later:
            claim.settle("verified", f"branch {name} was merged (a merge commit names it)")
        elif name in held.rewritten:
            claim.settle(
                "verified",
                f"branch {name} holds copies of the session's commits (same subjects and author "
                "dates under other ids: rebased or rewritten since)",
            )
        elif name in held.holding_part:
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
            holders = ", ".join(sorted(held.containing or [])[:4]) or "no branch"
            claim.settle(
                "refuted",
                f"branch {name} exists but does not hold the session's last "
                f"commit (held by: {holders})",
                "HL503",
            )
        else:
            _missing(claim, name, evidence, several)


def questions(window: Window, doc_path: str, claims: list[Claim]) -> list[tuple[str, ...]]:
    """The branches holding the window's last commit (``gather`` reads them)."""
    if window.head and any(c.kind == "branch" for c in claims):
        return [history.contains_question(window.head)]
    return []


register("branch", extract, verify, gather, questions)
