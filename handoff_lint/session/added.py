"""Which commit added a document, and its history: the questions a document's window asks first.

A committed document's window ends at the commit that added it (``window.compute``). Asked
document by document, ``git log -1 --diff-filter=A HEAD -- DOC`` walks the history from HEAD
back to that commit, and so does the document's own history (``versions``). The commit that
added it is read from that history (``added_commit``); a check of several documents (the
``handoff-lint-all`` hook) reads the histories of all the documents one commit wrote from one
walk (``histories``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.git.gitcmd import GitError

if TYPE_CHECKING:
    from handoff_lint.git.repo import RepoFacts


def _first_line(facts: RepoFacts, question: tuple[str, ...]) -> str | None:
    lines = facts.git.lines(*question, check=False)
    return lines[0].strip() if lines else None


def added_question(path: str) -> tuple[str, ...]:
    return ("log", "-1", "--diff-filter=A", "--format=%H", "HEAD", "--", path)


def added_commit(facts: RepoFacts, path: str) -> str | None:
    """The newest commit in HEAD's history that added ``path``. The document's own history
    (``versions``, asked for every committed document) ends with that commit, so it answers
    without a walk of its own; ``log -1 --diff-filter=A`` otherwise."""
    question = added_question(path)
    if facts.head is not None and not facts.git.asked(*question):
        from handoff_lint.session import versions  # imports this module

        found = versions.added_by(facts, facts.head, path)
        if found is not None:
            return found
    return _first_line(facts, question)


PLAIN_PATH = lazyre.compile(r"[^*?\[\]\\:\"\x00-\x1f\x7f]+")


def histories(facts: RepoFacts, paths: list[str]) -> None:
    """Answer the history question ``versions`` asks of each document (``log --remove-empty
    --numstat --full-diff HEAD -- DOC``, a walk from HEAD back to the commit that added it) for
    the documents of a run that one commit wrote, from one walk for all of them.

    The walk lists, for every commit of HEAD's history down to where none of the documents
    exists (``--remove-empty``; ``--full-history``: no branch pruned), the documents it changed;
    a merge lists those it changed against every parent (``-c``), the only ones a document's own
    log could show. A document's own log walks a part of those commits (it prunes branches, and
    stops where that document does not exist), so a document listed by one commit, and that
    commit no merge, has that commit as its whole history: its own log would print that
    commit's ``--numstat``, asked for all of them at once (``log --no-walk``). Documents written
    more than once keep their own question.
    """
    from handoff_lint.session import versions  # imports this module

    plain = [p for p in dict.fromkeys(paths) if PLAIN_PATH.fullmatch(p)]
    if facts.head is None or len(plain) < 2:
        return
    walk: tuple[str, ...] = ("--literal-pathspecs", "log", "--full-history", "--remove-empty", "-c")
    walk = (*walk, "--name-only", "--no-renames", "--format=%x00%H %P", facts.head, "--", *plain)
    try:
        output = facts.git.run(*walk)
    except GitError:
        return  # each document asks its own question
    facts.git.forget(*walk)
    touched: dict[str, list[tuple[str, int]]] = {}
    for chunk in output.split("\0")[1:]:
        head, _, names = chunk.partition("\n")
        sha, *parents = head.split()
        for name in names.split("\n"):
            if name:
                touched.setdefault(name, []).append((sha, len(parents)))
    once = {p: found[0][0] for p in plain if len(found := touched.get(p, [])) == 1}
    once = {p: sha for p, sha in once.items() if touched[p][0][1] <= 1}
    if not once:
        return
    shas = list(dict.fromkeys(once.values()))
    try:
        stats = facts.git.run("log", "--no-walk=unsorted", "--format=%x00%H", "--numstat", *shas)
    except GitError:
        return
    facts.git.forget("log", "--no-walk=unsorted", "--format=%x00%H", "--numstat", *shas)
    by_sha = {c.partition("\n")[0].strip(): "\0" + c for c in stats.split("\0")[1:]}
    for path, sha in once.items():
        if sha in by_sha:
            facts.git.remember(versions.log_question(facts.head, path), by_sha[sha])
