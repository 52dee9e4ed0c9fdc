"""What git gives for a count of the session's files: the window's (and each commit's) files
created, modified, deleted, renamed or changed, read every way a report may count them (with
or without lock files and progress notes, the document itself, the documents, or the tests of
"source files"), the least any start of the session could give, and the files the document's own
key-files lists that the window changed."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from handoff_lint import lazyre
from handoff_lint.claims import filetypes
from handoff_lint.model import Claim

if TYPE_CHECKING:
    from handoff_lint.config import Config
    from handoff_lint.git.evidence import Evidence

DOCS = filetypes.DOCS
# the first word of a report's name: "SESSION" of SESSION_9_HANDOFF.md, "SESION" of
# SESION-2025-10-31-FASE1.md
REPORT_WORD = lazyre.compile(r"[^\W\d_]{3,}")


def counts(
    changes: dict[str, set[str]], doc_path: str, of: str, keep: filetypes.Reading | None = None
) -> dict[str, int]:
    paths = {p: a for p, a in changes.items() if p != doc_path}
    if keep is not None:
        paths = {p: a for p, a in paths.items() if keep(p)}
    elif of == "docs":
        paths = {p: a for p, a in paths.items() if DOCS.search(p)}
    elif of == "code":
        paths = {p: a for p, a in paths.items() if not DOCS.search(p)}
    added = sum(1 for a in paths.values() if "A" in a or "C" in a)
    modified = sum(1 for a in paths.values() if "M" in a)
    return {
        "created": added,
        "modified": modified,
        "deleted": sum(1 for a in paths.values() if "D" in a and "R" not in a),
        "renamed": sum(1 for a in paths.values() if "R" in a),
        "changed": len(paths),
        "created or modified": added + modified,
    }


BOOKKEEPING = lazyre.compile(
    r"(?:^|/)(?:package-lock\.json|yarn\.lock|pnpm-lock\.yaml|Cargo\.lock|poetry\.lock|uv\.lock|"
    r"Gemfile\.lock|composer\.lock|go\.sum|[^/]*progress[^/]*\.(?:txt|md)|feature_list\.json)$",
    re.I,
)


def _without_bookkeeping(changes: dict[str, set[str]], doc_path: str) -> dict[str, set[str]]:
    """The changes people count as files of their work: lock files and progress notes aside,
    and the harness's own notes: the hidden folder the document is kept in (``.planning/``
    with its STATE.md and ROADMAP.md)."""
    top = doc_path.split("/", 1)[0] + "/" if doc_path.startswith(".") and "/" in doc_path else ""
    return {
        p: a
        for p, a in changes.items()
        if not BOOKKEEPING.search(p) and not (top and p.startswith(top))
    }


def _without(test: filetypes.Reading) -> filetypes.Reading:
    """Code files that are not tests by the reading ``test``."""
    return lambda p: not DOCS.search(p) and not test(p)


def _views(of: str) -> list[tuple[str, filetypes.Reading | None]]:
    """The ways to pick the files a count of kind ``of`` counts: a count of files of no named
    kind often leaves the documents out (code files only); a named kind may be read several
    ways (a test file by its name, or by "test" anywhere in its path)."""
    if not of:
        return [("", None), ("code", None)]
    if of == "code":  # "3 modified source files": the code, with or without its tests
        return [(of, None), *((of, _without(keep)) for keep in filetypes.readings("test"))]
    if of == "docs":
        return [(of, None)]
    return [(of, keep) for keep in filetypes.readings(of)] or [("", None)]


Reading = list[dict[str, set[str]]]  # one merged set of changes, or none


def _once(evidence: Evidence, name: str, build: Callable[[Evidence], Reading]) -> Reading:
    """A reading of the window's commits, merged once per document (every count of files
    reads it)."""
    key = ("file counts", name)
    if key not in evidence.memo:
        evidence.memo[key] = build(evidence)
    return cast("Reading", evidence.memo[key])


def _union(changes: list[dict[str, set[str]]]) -> dict[str, set[str]]:
    """The changes of several commits as one: each path with every action done to it."""
    merged: dict[str, set[str]] = {}
    for one in changes:
        for path, actions in one.items():
            merged.setdefault(path, set()).update(actions)
    return merged


def _before_closing_docs(evidence: Evidence) -> Reading:
    """The files the window's commits changed before its closing run of documentation commits
    ("docs: next steps", then the report): the work a report counts."""
    return _once(evidence, "before closing docs", _merge_before_closing_docs)


def _merge_before_closing_docs(evidence: Evidence) -> Reading:
    from handoff_lint.claims.diff_readings import closing_docs

    commits, changes = evidence.window_commits, evidence.commit_changes
    index = closing_docs(commits)
    if len(commits) != len(changes) or index < 1:
        return []
    return [_union(changes[index:])]


# "14-01-SUMMARY.md": the plan id a document is named for, which its plan's commits name as
# their scope ("feat(14-01): ...") when plans run side by side in one window
PLAN_ID = lazyre.compile(r"^(\d+(?:\.\d+)?-\d+)-[a-z]", re.I)


def _plan_commits(evidence: Evidence) -> Reading:
    """The files of the window's commits whose scope is the document's plan id (other commits,
    another plan's or the phase's, may share the window)."""
    return _once(evidence, "plan commits", _merge_plan_commits)


def _merge_plan_commits(evidence: Evidence) -> Reading:
    from handoff_lint.session.window import SCOPE

    named = PLAN_ID.match(posixpath.basename(evidence.doc_path))
    commits, changes = evidence.window_commits, evidence.commit_changes
    if named is None or len(commits) != len(changes):
        return []
    plan = named.group(1).lower()
    scopes = [(m.group("scope").lower() if (m := SCOPE.match(c.subject)) else "") for c in commits]
    if plan not in scopes:
        return []
    return [_union([one for scope, one in zip(scopes, changes, strict=True) if scope == plan])]


def accepted(claim: Claim, evidence: Evidence) -> list[int]:
    measure, of = str(claim.value["measure"]), str(claim.value.get("of", ""))
    one_commit = [] if claim.value.get("whole") else evidence.commit_changes
    readings = [evidence.changes, *one_commit, *_before_closing_docs(evidence)]
    readings += [_without_bookkeeping(changes, evidence.doc_path) for changes in readings]
    # a plan's own commits: their work alone, or all they changed with the summary itself
    planned = _plan_commits(evidence)
    readings += [_without_bookkeeping(changes, evidence.doc_path) for changes in planned]
    out: list[int] = []
    for changes in readings:
        out += _measured(changes, evidence.doc_path, measure, of)
    # a report may count itself ("3 new files": two and itself); a plan's summary, the files
    # of its plan's commits and its own ("Files modified: 11": ten and the summary)
    whole = [evidence.changes, _without_bookkeeping(evidence.changes, evidence.doc_path)]
    for changes in [*(whole if measure != "modified" else []), *planned]:
        out += _measured(changes, "", measure, of)
    return out + _cited_sum(measure, of, evidence)


def _cited_sum(measure: str, of: str, evidence: Evidence) -> list[int]:
    """ "67 files changed" under a table of the commits the document cites: the sum of their
    files changed (a file two commits change counted twice, as adding their rows does)."""
    cited = list(evidence.commits.values())
    if measure != "changed" or of or len(cited) < 2:
        return []
    return [sum(info.files for info in cited)]


def _measured(changes: dict[str, set[str]], doc: str, measure: str, of: str) -> list[int]:
    """The counts of ``changes`` by ``measure`` each way a count of kind ``of`` may be read
    ("files modified" often counts the created ones too)."""
    out: list[int] = []
    for kind, keep in _views(of):
        found = counts(changes, doc, kind, keep)
        out.append(found[measure])
        if measure == "modified":
            out += [found["created or modified"], found["changed"]]
    return out


def _bundles_reports(changes: dict[str, set[str]], doc_path: str, settings: Config) -> bool:
    """The commit adds other reports beside the document (a squash or an upload of several
    sessions' documents at once): it is not one session's work."""
    from handoff_lint.session.families import family, kept

    added = [p for p, a in changes.items() if p != doc_path and "A" in a and DOCS.search(p)]
    if kept(added, settings.include, family(doc_path), settings.exclude):
        return True  # a document of the discovery globs or of the same family
    folder, name = posixpath.split(doc_path)
    kind = REPORT_WORD.match(name)
    word = kind.group(0).lower() if kind else ""
    return bool(word) and any(  # a sibling: same folder, same first word
        posixpath.dirname(p) == folder
        and (other := REPORT_WORD.match(posixpath.basename(p))) is not None
        and other.group(0).lower() == word
        for p in added
    )


def least(claim: Claim, evidence: Evidence) -> int:
    """The fewest files any start of the session could give: those of its last commit alone
    (every reading of it), which the session made whatever its start; none when that commit
    brings other reports too."""
    if not evidence.commit_changes:
        return 0
    last = evidence.commit_changes[0]
    if _bundles_reports(last, evidence.doc_path, evidence.settings):
        return 0
    measure, of = str(claim.value["measure"]), str(claim.value.get("of", ""))
    views = _views(of) if filetypes.readings(of) and of != "docs" else [(of, None)]
    found = [
        counts(c, evidence.doc_path, kind, keep)
        for c in (last, _without_bookkeeping(last, evidence.doc_path))
        for kind, keep in views
    ]
    return min(c[measure] for c in found)


def confirmed(claim: Claim, evidence: Evidence) -> int:
    """How many of the files the front matter lists for the claim's action the window changed:
    the fewest files of that action the session's own record and git both vouch for."""
    listed = claim.value.get("front_files")
    if not isinstance(listed, list) or claim.value.get("approx"):
        return 0
    return sum(
        1
        for written in listed
        if (path := evidence.resolve(str(written))) is not None and evidence.actions(path)
    )


# the action of a file claim, as the letter git's name-status gives it ("changed": any)
ACTION_LETTERS = {"created": "A", "modified": "M", "deleted": "D", "renamed": "R", "changed": "X"}


def named(files: list[Claim], doc_path: str, measure: str, of: str) -> set[int]:
    """The counts the document's own file claims give for ``measure`` (the files it names as
    created, modified ...), read every way a count of kind ``of`` may be: "All 3 new test
    files pass" after three sections that each name a created test file counts those three."""
    changes: dict[str, set[str]] = {}
    for claim in files:
        letter = ACTION_LETTERS.get(str(claim.value.get("action", "")))
        if letter is not None:
            changes.setdefault(str(claim.value["path"]), set()).add(letter)
    if not changes:
        return set()
    return {counts(changes, doc_path, kind, keep)[measure] for kind, keep in _views(of)}
