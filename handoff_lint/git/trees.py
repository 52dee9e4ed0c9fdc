"""The files at the end of a session window: its head's tree, listed once and shared.

Documents that share a window share its parsed tree (read-only). A run over every document of a
long history (``audit``, ``check`` of all) would hold one tree per window, its memory growing
with history x documents: the run keeps the last few (``TREES_KEPT``), and the text git printed
for a tree is dropped once it is parsed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handoff_lint.git.repo import RepoFacts
    from handoff_lint.model import Window

# (paths, submodule paths, paths by file name, blob id by path)
Tree = tuple[set[str], set[str], dict[str, list[str]], dict[str, str]]
STAGED_TREE = ("ls-files", "-s", "-z")  # the index: the files at the end of a staged window
TREES_KEPT = 4  # parsed trees kept for later documents (most share their window's)


def at_end(facts: RepoFacts, window: Window) -> Tree:
    """The tree at the end of ``window`` (the index for a staged window), parsed once per run
    while it is among the last TREES_KEPT asked."""
    found: Tree | None = facts.memo.get(key(window))
    if found is not None:
        return found
    git = facts.git
    head = str(window.head)
    parsed = None if window.staged or head == facts.head else _parsed(facts, head)
    if parsed is not None:
        return keep(facts, key(window), parsed)
    staged = window.staged  # the index's entries: mode sha stage\tpath
    entries = git.fields(*STAGED_TREE, check=False) if staged else tree_entries(facts, head)
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
    """The commands ``tree_entries`` runs for ``head``: none for a commit before HEAD (its
    trees are read through the run's ``cat-file``), the index's for HEAD."""
    if head != facts.head:
        return []
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
    else:
        read = read_tree(facts, head)
        if read is not None:
            return read
    return facts.git.fields(*ls_tree(head), check=False)  # mode type sha\tpath


def read_tree(facts: RepoFacts, commit: str) -> list[str] | None:
    """``ls-tree -r -z COMMIT``'s entries (``mode type sha\tpath``, in its order), read through
    the run's long-lived ``cat-file`` (``_folders``); None when an object cannot be read."""
    read = _folders(facts, commit)
    if read is None:
        return None
    out: list[str] = []
    for mode, path, sha in _files(*read, facts):
        kind = "commit" if mode == "160000" else "blob"
        out.append(f"{mode.rjust(6, '0')} {kind} {sha}\t{path}")
    return out


def _parsed(facts: RepoFacts, commit: str) -> Tree | None:
    """``parse(read_tree(facts, commit))``, built without the text in between."""
    read = _folders(facts, commit)
    if read is None:
        return None
    paths: list[str] = []
    submodules: set[str] = set()
    names: dict[str, list[str]] = {}
    blobs: dict[str, str] = {}
    for mode, path, sha in _files(*read, facts):
        paths.append(path)
        names.setdefault(path.rpartition("/")[2], []).append(path)
        blobs[path] = sha
        if mode == "160000":
            submodules.add(path)
    return set(paths), submodules, names, blobs


Rows = list[tuple[str, str, str]]  # (mode, name, object id) of a tree's entries


def _folders(facts: RepoFacts, commit: str) -> tuple[Rows, dict[str, Rows]] | None:
    """(the entries of ``commit``'s tree, the entries of each folder under it), read through
    the run's long-lived ``cat-file``: no process per commit, and the folders a tree shares
    with the tree read before it are not read again (``audit`` and ``check`` of every document
    read one tree per document, most of it shared with the one before). None when an object
    cannot be read (``ls-tree`` answers then)."""
    root = facts.git.objects([f"{commit}^{{tree}}"], keep=False).get(f"{commit}^{{tree}}")
    if root is None or root[0] != "tree":
        return None
    width = 32 if len(commit) == 64 else 20  # SHA-256 or SHA-1 object names
    folders: dict[str, Rows] = facts.memo.get(("folders",), {})
    top = _entries(root[1], width)
    pending = {sha for mode, _, sha in top if mode == "40000"} - folders.keys()
    while pending:  # each level of folders not read yet, in one round trip
        read = facts.git.objects(sorted(pending), keep=False)
        if len(read) != len(pending) or any(kind != "tree" for kind, _ in read.values()):
            return None
        found = {sha: _entries(data, width) for sha, (_, data) in read.items()}
        folders.update(found)
        pending = {s for rows in found.values() for m, _, s in rows if m == "40000"}
        pending -= folders.keys()
    return top, folders


def _files(top: Rows, folders: dict[str, Rows], facts: RepoFacts) -> list[tuple[str, str, str]]:
    """(mode, path, object id) of every entry that is not a folder, in ``ls-tree -r``'s order;
    the folders of this tree are kept for the next one read."""
    out: list[tuple[str, str, str]] = []
    used: set[str] = set()
    _flatten(top, "", folders, out, used)
    facts.memo[("folders",)] = {sha: folders[sha] for sha in used}  # this tree's, for the next
    return out


def _entries(data: bytes, width: int) -> list[tuple[str, str, str]]:
    """(mode, name, object id) of each entry of a raw tree object, in its order."""
    rows = []
    at = 0
    while at < len(data):
        space = data.index(b" ", at)
        nul = data.index(b"\0", space)
        name = data[space + 1 : nul]
        try:
            text = name.decode("utf-8")
        except UnicodeDecodeError:
            text = name.decode("utf-8", "surrogateescape")
        sha = data[nul + 1 : nul + 1 + width].hex()
        rows.append((data[at:space].decode("ascii"), text, sha))
        at = nul + 1 + width
    return rows


def _flatten(
    rows: Rows,
    prefix: str,
    folders: dict[str, Rows],
    out: list[tuple[str, str, str]],
    used: set[str],
) -> None:
    for mode, name, sha in rows:
        if mode == "40000":
            used.add(sha)
            _flatten(folders[sha], f"{prefix}{name}/", folders, out, used)
        else:
            out.append((mode, prefix + name, sha))


def ls_tree(head: str) -> tuple[str, ...]:
    return ("ls-tree", "-r", "-z", head)


TREE_MODE = "40000"
QUOTE = {"\a": "a", "\b": "b", "\t": "t", "\n": "n", "\v": "v", "\f": "f", "\r": "r", '"': '"'}
QUOTE["\\"] = "\\"


def quoted(path: str) -> str:
    """``path`` as git prints it without ``-z`` (``core.quotepath=off``: C-style quotes for
    control characters, ``"`` and ``\\``; other characters as they are)."""
    if not any(c in QUOTE or c < " " or c == "\x7f" for c in path):
        return path
    escaped = (
        f"\\{QUOTE[c]}" if c in QUOTE else f"\\{ord(c):03o}" if c < " " or c == "\x7f" else c
        for c in path
    )
    return '"' + "".join(escaped) + '"'


def commit_paths(facts: RepoFacts, commit: str) -> list[tuple[str, str]] | None:
    """(status letter, path) of what ``commit`` changed, as ``git diff-tree --no-commit-id
    --name-status -r --root COMMIT`` prints it (nothing for a merge; every file added for a
    root commit; no rename detection), from the run's ``cat-file``: only the folders that
    differ are read. None when git has to answer (a shallow clone or grafts, whose parents
    differ from the commit object's, or an object that cannot be read)."""
    if facts.shallow or facts.grafts:
        return None
    tree, parents = _commit_header(facts, commit)
    if tree is None:
        return None
    if len(parents) > 1:
        return []
    old = _commit_header(facts, parents[0])[0] if parents else ""
    if old is None:
        return None
    return _diff(facts, old, tree, 32 if len(commit) == 64 else 20)


def _commit_header(facts: RepoFacts, commit: str) -> tuple[str | None, list[str]]:
    """(tree, parents) of a commit object, or (None, []) when it cannot be read."""
    found = facts.git.objects([commit], keep=False).get(commit)
    if found is None or found[0] != "commit":
        return None, []
    tree, parents = None, []
    for line in found[1].split(b"\n\n", 1)[0].split(b"\n"):
        key, _, value = line.partition(b" ")
        if key == b"tree":
            tree = value.decode("ascii", "replace")
        elif key == b"parent":
            parents.append(value.decode("ascii", "replace"))
    return tree, parents


def _diff(facts: RepoFacts, old: str, new: str, width: int) -> list[tuple[str, str]] | None:
    """The changes from tree ``old`` ("": none) to tree ``new``, one round trip per level of
    folders that differ; None when a tree cannot be read."""
    out: list[tuple[str, str]] = []
    level = [(old, new, "")]
    while level:
        wanted = [sha for pair in level for sha in pair[:2] if sha]
        read = facts.git.objects(wanted, keep=False)
        if any(read.get(sha, ("", b""))[0] != "tree" for sha in wanted):
            return None
        deeper: list[tuple[str, str, str]] = []
        for a, b, prefix in level:
            before = _named(read, a, width)
            after = _named(read, b, width)
            for name in sorted(before.keys() | after.keys()):
                _compare(
                    before.get(name, ("", "")),
                    after.get(name, ("", "")),
                    prefix + name,
                    out,
                    deeper,
                )
        level = deeper
    return out


def _named(read: dict[str, tuple[str, bytes]], sha: str, width: int) -> dict[str, tuple[str, str]]:
    return {n: (m, s) for m, n, s in _entries(read[sha][1], width)} if sha else {}


def _compare(
    a: tuple[str, str],
    b: tuple[str, str],
    path: str,
    out: list[tuple[str, str]],
    deeper: list[tuple[str, str, str]],
) -> None:
    """One entry of a folder before (``a``: mode, object id) and after (``b``)."""
    if a == b:
        return
    (mode_a, sha_a), (mode_b, sha_b) = a, b
    tree_a, tree_b = mode_a == TREE_MODE, mode_b == TREE_MODE
    if tree_a or tree_b:  # a folder on either side: its files, at the next level
        deeper.append((sha_a if tree_a else "", sha_b if tree_b else "", f"{path}/"))
    if mode_a and not tree_a:
        changed = "T" if mode_a[:2] != mode_b[:2] else "M"  # file, link, submodule
        out.append((changed if mode_b and not tree_b else "D", quoted(path)))
    elif mode_b and not tree_b:
        out.append(("A", quoted(path)))
