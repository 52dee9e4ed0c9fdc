"""The session window: which commits a document reports on.

(An implicit window is then fitted to what the document says, in ``window_fit``.)

Explicit: front matter ``base:``/``head:`` or ``--since REF``. Otherwise from just after the
commit that added the previous handoff document up to the commit that added this one; a staged or
uncommitted document reports on everything up to HEAD plus the staged changes; a repository's
first handoff document reports on the whole history before it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from handoff_lint import lazyre
from handoff_lint.document.discover import matches as matches_any
from handoff_lint.git import trees
from handoff_lint.git.gitcmd import GitError
from handoff_lint.git.repo import RepoFacts, lookup_objects, sha_of
from handoff_lint.model import Origin, Window
from handoff_lint.session.added import added_commit
from handoff_lint.session.families import Family, family, kept, session_number

MAX_HANDOFF_COMMITS = 50
NEAR_SEARCH = 250
WINDOW_SEARCH = 5000


SESSION_GAP = 6 * 3600  # seconds without a commit that end a working session
SESSION_REACH = 200


class WindowError(Exception):
    pass


@dataclass(frozen=True)
class Found:
    """The commit that added the previous handoff document, and that document's path."""

    sha: str
    path: str


def session_run(facts: RepoFacts, head: str) -> Window | None:
    """The commits up to ``head`` with no pause longer than SESSION_GAP between them: the
    session a document with no earlier handoff most likely reports on (None when that is the
    whole history within reach anyway)."""
    rows = [
        line.split()
        for line in facts.git.lines(
            "log", "--format=%H %ct", f"--max-count={SESSION_REACH}", head, check=False
        )
    ]
    times = [
        (sha, int(stamp)) for sha, stamp in (r for r in rows if len(r) == 2) if stamp.isdigit()
    ]
    for (_, newer), (sha, older) in itertools.pairwise(times):
        if newer - older > SESSION_GAP:
            return Window(sha, head, False, Origin.PAUSE)
    return None


def pathspecs(globs: list[str]) -> list[str]:
    """Discovery globs as git pathspecs (case-insensitive; a bare glob matches in any folder)."""
    out = []
    for pattern in globs:
        pattern = pattern.removeprefix("./")
        if "/" not in pattern:
            pattern = "**/" + pattern
        out.append(f":(glob,icase){pattern}")
    return out


def _resolve(facts: RepoFacts, ref: str, what: str) -> str:
    sha = sha_of(facts.git, f"{ref}^{{commit}}")
    if sha is None:
        raise WindowError(f"{what} '{ref}' does not name a commit")
    return sha


def _first_line(facts: RepoFacts, *args: str) -> str | None:
    lines = facts.git.lines(*args, check=False)
    return lines[0].strip() if lines else None


def _accepts(added: list[str], path: str, own: frozenset[str]) -> bool:
    """Whether a commit that added ``added`` ends this document's window."""
    added = [p for p in added if p != path]
    if added and all(p.rsplit("/", 1)[-1] in own for p in added):
        return False  # the document says it wrote these itself: same session
    number = session_number(path)
    numbers = [session_number(p) for p in added]
    return not (
        number is not None and added and all(n is not None and n >= number for n in numbers)
    )


def _floor(facts: RepoFacts, start: str, reach: int) -> tuple[str | None, list[str]]:
    """(the first-parent ancestor ``reach`` commits before ``start``, the ``--since`` argument
    that bounds a search to its time), or (None, []) when the history is shorter.

    The ancestor is resolved by the long-lived cat-file (without a commit-graph git reads every
    commit on the way: ~40 ms for 5,000). A date bound, not ``^floor``: git stops at the first
    match instead of walking the range first, and a match found within the near bound is the
    newest of all (git lists by date), so looking near first never changes the answer.
    """
    floor = sha_of(facts.git, f"{start}~{reach}")
    since = _commit_time(facts, floor) if floor else None
    return floor, [f"--since={since}"] if since else []


def _commit_time(facts: RepoFacts, sha: str) -> str | None:
    """The committer time (seconds since the epoch) of commit ``sha``, read from the object by
    the run's long-lived cat-file (``log -1 --format=%ct`` would be one more process)."""
    found = facts.git.objects([sha]).get(sha)
    if found is None or found[0] != "commit":
        return None
    header = found[1].split(b"\n\n", 1)[0]
    for line in header.split(b"\n"):
        if line.startswith(b"committer "):
            stamp = line.rsplit(b" ", 2)[-2]
            return stamp.decode("ascii") if stamp.isdigit() else None
    return None


def _previous_handoff(
    facts: RepoFacts,
    start: str,
    globs: list[str],
    path: str,
    own: frozenset[str],
    kin: Family | None = None,
    exclude: Sequence[str] | None = None,
) -> Found | None:
    """The newest commit at or before ``start`` that added an earlier handoff document (and
    that document's path; none for a window cut where the search ends).

    With a session number in the name (SESSION_9_...), documents of the same or a later
    session (an earlier draft of this one) do not end the window. Git stops at the first match
    (``--max-count=1``; a rejected match restarts from its parents), and the search never walks
    more than WINDOW_SEARCH commits: a history longer than that is cut where the search ends.
    It looks within NEAR_SEARCH commits first (the previous handoff is almost always there), so
    the far bound is only resolved when needed.
    """
    tips, rejected = [start], 0
    for reach in (NEAR_SEARCH, WINDOW_SEARCH):
        floor, bounds = _floor(facts, start, reach)
        while True:
            found, tips, exhausted = _search(facts, tips, bounds, globs, path, own, kin, exclude)
            if found is not None or not tips:
                return found
            if exhausted:
                break
            rejected += 1
            if rejected == MAX_HANDOFF_COMMITS:
                return None
        if floor is None:
            return None  # the whole history was within reach
    return Found(floor, "") if floor else None  # none within reach: the window starts at the cut


def _search(
    facts: RepoFacts,
    tips: list[str],
    bounds: list[str],
    globs: list[str],
    path: str,
    own: frozenset[str],
    kin: Family | None = None,
    exclude: Sequence[str] | None = None,
) -> tuple[Found | None, list[str], bool]:
    """One step of the search: (the accepted commit, [], False); after a rejected match
    (None, its parents, False); or (None, ``tips``, True) when nothing matches within reach."""
    asked = [*globs, kin.glob] if kin else globs
    output = facts.git.run(*_search_question(tips, bounds, asked), check=False)
    parts = output.split("\0")
    if len(parts) < 3:
        return None, tips, True
    commit, parents = parts[1].strip(), parts[2].split("\n", 1)
    added = [
        line.strip()
        for line in (parents[1] if len(parents) > 1 else "").split("\n")
        if line.strip()
    ]
    added = kept(added, globs, kin, exclude)
    if added and _accepts(added, path, own):
        return Found(commit, next((p for p in added if p != path), path)), [], False
    return None, parents[0].split(), False


def _search_question(tips: list[str], bounds: list[str], globs: list[str]) -> tuple[str, ...]:
    return (
        "log",
        "--diff-filter=A",
        "--format=%x00%H%x00%P",
        "--name-only",
        "--max-count=1",
        *tips,
        *bounds,
        "--",
        *pathspecs(globs),
    )


def prefetch(facts: RepoFacts, path: str, globs: list[str]) -> None:
    """Start, before the document is parsed, the window's questions that depend only on its
    path: which commit added it, then the first step of the search for the previous handoff
    (whose answer ``compute`` judges later, with the document's claims). The search walks the
    history while the document is parsed and its claims extracted. Nothing is started for a
    staged document; with a window in the front matter the two answers go unused. (The
    configured exclude is applied to the answer, by ``compute``: the question is the same.)
    """
    if facts.head is None or state(facts, path)[1]:
        return
    head = added_commit(facts, path)
    start = f"{head}^"
    if head and sha_of(facts.git, start) is not None:
        bounds = _floor(facts, start, NEAR_SEARCH)[1]
        facts.git.prefetch(_search_question([start], bounds, globs))


def state(facts: RepoFacts, path: str) -> tuple[bool, bool]:
    """(in HEAD, staged or untracked differently from HEAD)."""
    names = [f":{path}"] + ([f"HEAD:{path}"] if facts.head else [])
    found = lookup_objects(facts.git, names)
    index = found.get(f":{path}")
    head = found.get(f"HEAD:{path}")
    in_head = head is not None and head.status == "found"
    in_index = index is not None and index.status == "found"
    pending = (
        not in_head
        or not in_index
        or (head is not None and index is not None and head.sha != index.sha)
    )
    return in_head, pending


def compute(
    facts: RepoFacts,
    path: str,
    globs: list[str],
    since: str | None = None,
    front_matter: dict[str, object] | None = None,
    own: frozenset[str] = frozenset(),
    at: str | None = None,
    exact: bool = False,
    exclude: Sequence[str] | None = None,
) -> Window:
    """The window of the document at repository-relative ``path``.

    ``own`` holds the file names the document claims it created or changed: a handoff document
    among them was written in the same session and does not end the window. ``at`` names the
    commit that added the document, to judge it as of then (``handoff-lint audit``). ``exact``
    keeps a previous handoff committed along with work out of the window (``facts`` lists what
    this session did; ``check`` gives such a commit the benefit of the doubt). ``exclude``
    holds the configured globs of documents that are no reports (None: the default, plans and
    indexes by their names): they never end the window.
    """
    fm = front_matter or {}
    in_head, pending = (True, False) if at else state(facts, path)
    explicit_head = str(fm["head"]) if fm.get("head") else None
    explicit_base = since or (str(fm["base"]) if fm.get("base") else None)
    try:
        head = _resolve(facts, explicit_head, "head") if explicit_head else None
        base = _resolve(facts, explicit_base, "base") if explicit_base else None
    except GitError as exc:
        raise WindowError(str(exc)) from None
    if head is None and at:
        head = at  # the commit that added the document (audit)
    if head is None and not pending:
        head = added_commit(facts, path)
        head = (
            head or _first_line(facts, "log", "-1", "--format=%H", "HEAD", "--", path) or facts.head
        )
    staged = head is None and pending
    if staged:
        head = facts.head
    if explicit_base:
        return Window(base, head, staged, Origin.SINCE if since else Origin.FRONT_MATTER)
    if head is None:
        return Window(None, None, staged, Origin.NO_COMMITS)
    if staged and in_head:
        base = _first_line(facts, "log", "-1", "--format=%H", "HEAD", "--", path)
        return Window(base, head, staged, Origin.DOCUMENT_CHANGED)
    return _since_previous(facts, path, globs, head, staged, own, exact, exclude)


def _since_previous(
    facts: RepoFacts,
    path: str,
    globs: list[str],
    head: str,
    staged: bool,
    own: frozenset[str],
    exact: bool,
    exclude: Sequence[str] | None,
) -> Window:
    """The window from the previous handoff document to ``head`` (see ``compute``)."""
    start = head if staged else f"{head}^"
    if not staged and sha_of(facts.git, start) is None:
        return Window(None, head, staged, Origin.FIRST_COMMIT)
    kin = None if matches_any(path, globs) else family(path)
    found = _previous_handoff(facts, start, globs, path, own, kin, exclude)
    if found is None:
        return Window(None, head, staged, Origin.FIRST_HANDOFF)
    base: str | None = found.sha
    previous = found.path
    paths = trees.commit_paths(facts, found.sha)
    if paths is None:
        changed = facts.git.lines(
            "diff-tree", "--no-commit-id", "--name-status", "-r", "--root", found.sha, check=False
        )
        paths = [(line[:1], line.split("\t")[-1]) for line in changed if "\t" in line]
    handoffs = set(kept([p for _, p in paths], globs, kin))
    origin = Origin.PREVIOUS_HANDOFF
    if kin is not None and kin.loose and not matches_any(previous, globs):
        origin = Origin.FOLDER
    if not any(status == "A" and p in handoffs for status, p in paths):
        origin = Origin.SEARCH_LIMIT
        previous = ""
    elif any(p not in handoffs for _, p in paths) and not exact:
        scope = _closing_scope(facts, found.sha, previous)
        if scope:  # "docs(04-03): complete ..." adding 04-03-SUMMARY.md: that plan's own work
            note = f"the commit that added {previous} is plan {scope}'s own (its subject's scope)"
            return Window(base, head, staged, origin, previous, (note,))
        # the previous handoff came with other work: that commit belongs to this session too
        base = sha_of(facts.git, f"{found.sha}^")
        origin = Origin.WITH_WORK
    searched = WINDOW_SEARCH if origin is Origin.SEARCH_LIMIT else 0
    return Window(base, head, staged, origin, previous, searched=searched)


def _subject(facts: RepoFacts, sha: str) -> str:
    """A commit's subject, read through the run's ``cat-file`` (no process of its own)."""
    found = facts.git.objects([sha]).get(sha)
    if found is None or found[0] != "commit" or b"\n\n" not in found[1]:
        return ""
    message = found[1].split(b"\n\n", 1)[1]
    return message.split(b"\n", 1)[0].decode("utf-8", "replace").strip()


# "feat(04-03): ...", "docs(38.5-05)!: ...": a conventional commit's scope
SCOPE = lazyre.compile(r"^[a-z]+\((?P<scope>[^()\s]{1,40})\)!?:", re.I)


def _closing_scope(facts: RepoFacts, sha: str, previous: str) -> str:
    """The plan id that the commit adding the previous document names as its scope, when the
    document's file name carries that id ("docs(04-03): complete plan" adding
    04-03-SUMMARY.md): the commit closes that document's own work, whatever else it holds, so it
    is not this session's. An id has a digit ("(api)" is a part of the code, not a plan)."""
    found = SCOPE.match(_subject(facts, sha))
    scope = found.group("scope") if found else ""
    name = previous.rsplit("/", 1)[-1].lower()
    if not any(ch.isdigit() for ch in scope) or scope.lower() not in name:
        return ""
    return scope
