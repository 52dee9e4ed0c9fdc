"""The versions of a handoff document, and which version wrote each of its lines.

A document is not always written once: a living ``HANDOFF.md`` is rewritten every session, a log
gets a new entry per session, an old report gets a typo fixed or is moved to ``archive/``. Each
line reports on the session of the version that wrote it (``git blame``, which follows moves),
so a claim is judged against that version's session window, not the newest one's.

Two processes per committed document, started before it is parsed (``prefetch``): one ``log
--numstat`` of its versions (which also says which commit added it) and one ``blame``.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from handoff_lint import lazyre
from handoff_lint.claims.commit import STATS
from handoff_lint.git.gitcmd import Git
from handoff_lint.git.repo import RepoFacts, sha_of
from handoff_lint.model import Fit, Origin, Window
from handoff_lint.session import window

MAX_VERSIONS = 200
DOCUMENT_ENDINGS = (".md", ".markdown", ".txt", ".rst")
SMALL_EDIT = 4  # an edit inserting fewer lines than this (or than 10% of the document) is a fix
# What ``check --fix`` writes in place of a claim's token: a diff stat as git writes it, a commit
# id, a number, a file's action word. Lines equal once these are blanked out are the same line.
# No fix changes the day of a date (only its year or month): a new day is a new report.
MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DAYS = lazyre.compile(
    rf"\b\d{{4}}-\d{{1,2}}-(?P<iso>\d{{1,2}})\b|\b{MONTHS}\s+(?P<us>\d{{1,2}})\b"
    rf"|\b(?P<eu>\d{{1,2}})\s+{MONTHS}",
    re.I,
)
FIX_TOKENS = lazyre.compile(
    STATS.pattern + r"|\b[0-9a-f]{7,40}\b|\d+(?:[.,]\d+)*"
    r"|\b(?:created|added|new|modified|updated|changed|deleted|removed|renamed|moved)\b",
    re.I,
)


@dataclass(frozen=True)
class Version:
    """One commit that changed the document, with the lines it inserted and deleted."""

    sha: str
    insertions: int
    deletions: int
    with_work: bool = False  # the commit changed other files too (not only documents)

    def rewrites(self, size: int) -> bool:
        """True when this version wrote new content (a session's report), not a small fix."""
        return self.insertions >= max(SMALL_EDIT, size // 10)


def skeleton(line: str) -> str:
    """The line with every token ``--fix`` may write blanked out (a date keeps its day)."""
    days = [m.group("iso") or m.group("us") or m.group("eu") for m in DAYS.finditer(line)]
    return FIX_TOKENS.sub("#", line) + "".join(f" {int(day)}" for day in days)


def in_place(old: list[str], new: list[str]) -> bool:
    """True when ``new`` is ``old`` with tokens replaced inside its lines, as ``--fix`` edits a
    document (the same number of lines, each equal to the one it replaced but for numbers, ids,
    a diff stat or an action word): such an edit is a fix, however many lines it touched."""
    return len(old) == len(new) and all(
        skeleton(a) == skeleton(b) for a, b in zip(old, new, strict=True)
    )


def rewrote(git: Git, version: Version, path: str, size: int) -> bool:
    """``version.rewrites(size)``, unless the version only replaced tokens in place (a committed
    ``--fix``): the blobs before and after it are compared only then."""
    if not version.rewrites(size) or version.insertions != version.deletions:
        return version.rewrites(size)
    before = _text_lines(git.blob(f"{version.sha}^:{path}"))
    return not in_place(before, _text_lines(git.blob(f"{version.sha}:{path}")))


def log_question(head: str, path: str) -> tuple[str, ...]:
    return (
        "--literal-pathspecs",
        "log",
        "--remove-empty",
        "--format=%x00%H",
        "--numstat",
        "--full-diff",
        f"--max-count={MAX_VERSIONS}",
        head,
        "--",
        path,
    )


def added_by(facts: RepoFacts, head: str, path: str) -> str | None:
    """The commit that added ``path`` (``log -1 --diff-filter=A``'s answer), read from the
    end of the document's history when that says it (the walk stops where the path appears:
    its last commit adds it, unless the history was cut at MAX_VERSIONS or ends in a merge or
    a rename); None when it does not."""
    if not facts.git.asked(*log_question(head, path)):
        return None
    chunks = facts.git.run(*log_question(head, path), check=False).split("\0")[1:]
    if not chunks or len(chunks) >= MAX_VERSIONS:
        return None
    sha, _, rows = chunks[-1].partition("\n")
    if any(row.split("\t")[2:] == [path] for row in rows.split("\n")):
        return sha.strip()
    return None


def history(facts: RepoFacts, head: str, path: str) -> list[Version]:
    """The commits up to ``head`` that changed ``path``, newest first, back to the commit that
    added it there (``--remove-empty`` stops the walk there: without it, and with ``--follow``,
    git reads the whole history; a document moved here is followed by ``blame`` instead)."""
    output = facts.git.run(*log_question(head, path), check=False)
    out: list[Version] = []
    for chunk in output.split("\0")[1:]:
        lines = [line for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        inserted = deleted = 0
        work = False
        for row in lines[1:]:
            parts = row.split("\t")
            if len(parts) < 3 or not (parts[0].isdigit() and parts[1].isdigit()):
                continue
            if parts[-1] == path or parts[-1].endswith(f"=> {path}"):
                inserted += int(parts[0])
                deleted += int(parts[1])
            elif not parts[-1].endswith(DOCUMENT_ENDINGS):
                work = True
        out.append(Version(lines[0].strip(), inserted, deleted, work))
    return out


def blame_question(head: str, path: str) -> tuple[str, ...]:
    return ("--literal-pathspecs", "blame", "--porcelain", "--no-textconv", head, "--", path)


def blame(facts: RepoFacts, head: str, path: str) -> dict[int, str]:
    """Line number (1-based) -> the commit that wrote that line of ``path`` at ``head``."""
    output = facts.git.run(*blame_question(head, path), check=False)
    found: dict[int, str] = {}
    for line in output.split("\n"):
        parts = line.split(" ")
        if len(parts) >= 3 and len(parts[0]) == 40 and parts[1].isdigit() and parts[2].isdigit():
            found[int(parts[2])] = parts[0]
    return found


def carried_over(old: list[str], new: list[str]) -> dict[int, int]:
    """Line number in ``new`` -> line number in ``old`` for the lines an edit left as they were
    (the rest were written by the edit)."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    kept: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            kept[block.b + offset + 1] = block.a + offset + 1
    return kept


def prefetch(facts: RepoFacts, path: str, at: str | None = None) -> None:
    """Start the question ``windows`` asks first, so that git answers while the document is
    parsed (nothing for a new document: it has no versions). ``blame`` is asked only for a
    document that more than one commit wrote (``written_once``)."""
    ref = at or facts.head
    if ref is not None and (at or window.state(facts, path)[0]):
        facts.git.prefetch(log_question(ref, path))


def written_once(facts: RepoFacts, head: str, path: str, found: list[Version]) -> bool:
    """True when one commit wrote every line of ``path`` at ``head``, so that ``blame`` would
    name it for each line: the document has one version, which added it (no rename: git's
    ``=>``), inserted as many lines as it has now and deleted none, and that commit removed
    no lines anywhere (no deleted file it could have been moved or copied from)."""
    if len(found) != 1 or found[0].deletions:
        return False
    output = facts.git.run(*log_question(head, path), check=False)
    rows = [r.split("\t") for r in output.split("\0", 2)[1].split("\n")[1:] if r.strip()]
    if any(len(r) != 3 or r[1] != "0" or "=>" in r[2] for r in rows):
        return False  # a deletion, a binary file or a rename: blame may look elsewhere
    data = facts.git.blob(f"{head}:{path}")
    if data is None or found[0].insertions != _count_lines(data):
        return False
    return [r[2] for r in rows].count(path) == 1


def _count_lines(data: bytes) -> int:
    """The lines of a blob as git counts them (a last line without a newline counts)."""
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


@dataclass
class Windows:
    """The session window of each line of a document: ``by_line`` for lines an older version
    wrote, ``main`` for the rest (the newest version, or the edit being committed)."""

    main: Window
    by_line: dict[int, Window] = field(default_factory=dict)

    def of(self, line: int) -> Window:
        return self.by_line.get(line, self.main)


@dataclass(frozen=True)
class Context:
    """What the previous-handoff search needs: the discovery globs, the names the document
    says it wrote itself, the configured exclude (plans and indexes end no window)."""

    globs: list[str]
    own: frozenset[str]
    exclude: list[str] | None = None  # None: the default exclude


def _version_window(
    facts: RepoFacts, path: str, found: list[Version], index: int, size: int, context: Context
) -> Window:
    """The window of the session that version ``index`` reports on: since the previous version
    that wrote new content (a small fix keeps the window of the version it fixed, widened to
    the fix); for the first version, since the previous handoff document."""
    start = index
    while start + 1 < len(found) and not rewrote(facts.git, found[start], path, size):
        start += 1
    head = found[index].sha
    if start + 1 < len(found):
        previous = found[start + 1]
        if previous.with_work:  # committed along with work: that work is this session's too
            before = sha_of(facts.git, f"{previous.sha}^")
            note = "from the commit of the previous version, which came with other work"
            return Window(before, head, False, Origin.PREVIOUS_VERSION, notes=(note,))
        return Window(previous.sha, head, False, Origin.PREVIOUS_VERSION)
    first = _since_previous(facts, path, context, found[start].sha)
    again = replace(first, head=head, staged=False, notes=())
    return again if start == index else again.moved(Fit.LATER_FIX)


def _since_previous(facts: RepoFacts, path: str, context: Context, sha: str) -> Window:
    """The window of the version of ``path`` written at ``sha``, from the previous handoff
    document (none of this document's own versions comes before it)."""
    return window.compute(
        facts, path, context.globs, None, None, context.own, sha, exclude=context.exclude
    )


def windows(
    facts: RepoFacts, path: str, lines: list[str], context: Context, at: str | None = None
) -> Windows | None:
    """Each line's window for a document already in the history (at ``at``, else HEAD);
    None when the document is new (it has one window, ``window.compute``'s)."""
    ref = at or facts.head
    if ref is None:
        return None
    found = history(facts, ref, path)
    if not found:
        return None
    if written_once(facts, ref, path, found):  # blame's answer: that commit, for every line
        size = _count_lines(facts.git.blob(f"{ref}:{path}") or b"")
        written = dict.fromkeys(range(1, size + 1), found[0].sha)
    else:
        written = blame(facts, ref, path)
    known: dict[str, Window] = {}

    def window_of(sha: str) -> Window:
        if sha not in known:
            index = next((i for i, v in enumerate(found) if v.sha == sha), None)
            if index is None:  # written before the document was moved here
                first = _since_previous(facts, path, context, sha)
                moved = f"written before the document was moved here by {found[-1].sha[:7]}"
                known[sha] = replace(first, notes=(*first.notes, moved))
            else:
                known[sha] = _version_window(facts, path, found, index, len(lines), context)
        return known[sha]

    old = _text_lines(facts.git.blob(f"{ref}:{path}"))
    if old == lines or in_place(old, lines):  # unchanged, or a fix of tokens: lines as blamed
        by_line = {number: window_of(sha) for number, sha in written.items()}
        return Windows(window_of(_newest_writer(found, written)), by_line)
    kept = carried_over(old, lines)
    by_line = {new: window_of(written[was]) for new, was in kept.items() if was in written}
    written_now = len(lines) - len(kept)
    staged = window.state(facts, path)[1] and at is None
    return Windows(_edit_window(ref, found, written_now, len(lines), window_of, staged), by_line)


def _newest_writer(found: list[Version], written: dict[int, str]) -> str:
    """The newest version that wrote lines the document still has (the commit that wrote most
    of them when every line predates a move): the session the document reports on."""
    wrote = set(written.values())
    newest = next((v.sha for v in found if v.sha in wrote), None)
    if newest is not None or not written:
        return newest or found[0].sha
    return Counter(written.values()).most_common(1)[0][0]


def _text_lines(data: bytes | None) -> list[str]:
    from handoff_lint.document import source

    try:
        return source.decode(data).lines if data is not None else []
    except source.NotText:
        return []


def _edit_window(
    head: str,
    found: list[Version],
    inserted: int,
    size: int,
    window_of: Callable[[str], Window],
    staged: bool,
) -> Window:
    """The window of the lines an uncommitted edit wrote: since the document last changed when
    the edit is a new report; a small fix keeps the window of the version it fixes, to HEAD."""
    if Version("", inserted, 0).rewrites(size):
        return Window(found[0].sha, head, staged, Origin.DOCUMENT_CHANGED)
    fixed = window_of(found[0].sha)
    return replace(fixed, staged=staged, notes=()).moved(Fit.EDIT, head=head)
