"""The files at the end of a session window: its head's tree, listed once and shared.

Documents that share a window share its parsed tree (read-only). A run over every document of a
long history (``audit``, ``check`` of all) would hold one tree per window, its memory growing
with history x documents: the run keeps the last few (``TREES_KEPT``), and the text git printed
for a tree is dropped once it is parsed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handoff_lint.model import Window
    from handoff_lint.repo import RepoFacts

# (paths, submodule paths, paths by file name, blob id by path)
Tree = tuple[set[str], set[str], dict[str, list[str]], dict[str, str]]
TREES_KEPT = 4  # parsed trees kept for later documents (most share their window's)


def at_end(facts: RepoFacts, window: Window) -> Tree:
    """The tree at the end of ``window`` (the index for a staged window), parsed once per run
    while it is among the last TREES_KEPT asked."""
    found: Tree | None = facts.memo.get(key(window))
    if found is not None:
        return found
    git = facts.git
    if window.staged:
        entries = git.fields("ls-files", "-s", "-z", check=False)  # mode sha stage\tpath
    else:
        entries = tree_entries(facts, str(window.head))
    tree = keep(facts, key(window), parse(entries))
    if not window.staged and window.head != facts.head:
        git.forget(*ls_tree(str(window.head)))  # parsed now: the text is not needed again
    return tree


def keep(facts: RepoFacts, name: tuple[str, str], tree: Tree) -> Tree:
    """Remember ``tree`` for the documents after this one, keeping the last TREES_KEPT."""
    trees = [k for k in facts.memo if k[0] == "tree"]
    for old in trees[: max(0, len(trees) - TREES_KEPT + 1)]:
        del facts.memo[old]
    facts.memo[name] = tree
    return tree


def key(window: Window) -> tuple[str, str]:
    return ("tree", "index" if window.staged else str(window.head))


def parse(entries: list[str]) -> Tree:
    """(paths, submodule paths, paths by file name, blob id by path) of ``ls-tree``/``ls-files``
    entries (``mode type sha\tpath`` or ``mode sha stage\tpath``)."""
    split = [entry.partition("\t") for entry in entries]
    ordered = list(dict.fromkeys(path for _, _, path in split if path))  # unmerged: 3 entries
    submodules = {path for meta, _, path in split if path and meta.startswith("160000")}
    names: dict[str, list[str]] = {}
    for path in ordered:
        names.setdefault(path.rpartition("/")[2], []).append(path)
    blobs: dict[str, str] = {}
    for meta, _, path in split:
        fields = meta.split()
        if path and len(fields) == 3:
            blobs[path] = fields[2] if fields[1] in ("blob", "tree", "commit") else fields[1]
    return set(ordered), submodules, names, blobs


def questions(facts: RepoFacts, head: str) -> list[tuple[str, ...]]:
    """The commands ``tree_entries`` runs for ``head`` (when the index matches HEAD)."""
    if head != facts.head:
        return [ls_tree(head)]
    staged = ("diff-index", "--cached", "--ignore-submodules=none", "--name-only", "-z", head)
    return [("ls-files", "-s", "-z"), staged]


def tree_entries(facts: RepoFacts, head: str) -> list[str]:
    """The entries (``mode ... \tpath``) of ``head``'s tree.

    For HEAD, read from the index when nothing is staged (``diff-index --cached`` is empty: same
    paths, modes and blobs, no unmerged entries): ``ls-files`` reads one file, while ``ls-tree
    -r`` inflates every tree of the commit (2 ms against 25-45 ms for 8,769 files). With staged
    changes, a conflict or an intent-to-add entry, ``ls-tree -r`` answers.
    """
    asked = questions(facts, head)
    if len(asked) > 1:
        entries = facts.git.fields(*asked[0], check=False)  # mode sha stage\tpath
        if not any(facts.git.fields(*asked[1], check=False)):
            return entries
    return facts.git.fields(*ls_tree(head), check=False)  # mode type sha\tpath


def ls_tree(head: str) -> tuple[str, ...]:
    return ("ls-tree", "-r", "-z", head)
