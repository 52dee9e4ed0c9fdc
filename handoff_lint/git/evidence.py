"""What git says about one document's session: the window's commits and changes, the files at
its end, the claimed objects and the texts and counts the claim kinds read (``Evidence``), and
how git's ``--name-status`` output is read into it. Gathering it, in a bounded number of git
processes, is ``gathering``'s work."""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from handoff_lint.document import textscan
from handoff_lint.git.paths import Paths
from handoff_lint.model import Window, default_settings

if TYPE_CHECKING:
    from handoff_lint.config import Config
    from handoff_lint.git.junit import Counts
    from handoff_lint.git.repo import CommitInfo, ObjectInfo, RepoFacts


@dataclass
class Evidence(Paths):
    window: Window
    settings: Config = field(default_factory=default_settings)  # the configuration in force
    available: bool = True
    unavailable_reason: str = ""
    shallow: bool = False
    doc_dir: str = ""
    doc_path: str = ""
    objects: dict[str, ObjectInfo] = field(default_factory=dict)
    unreachable: set[str] = field(default_factory=set)
    commits: dict[str, CommitInfo] = field(default_factory=dict)
    branches: set[str] = field(default_factory=set)
    head_branch: str = ""
    changes: dict[str, set[str]] = field(default_factory=dict)
    files_at_end: set[str] = field(default_factory=set)
    submodules: set[str] = field(default_factory=set)
    cited_submodules: set[str] = field(default_factory=set)  # the document names a path in them
    truncated: bool = False
    window_commits: list[CommitInfo] = field(default_factory=list)
    repo: RepoFacts | None = None
    junit: Counts | None = None
    ignored: set[str] = field(default_factory=set)  # claimed paths .gitignore covers
    deleted_names: set[str] = field(default_factory=set)  # claimed names some commit deleted
    on_other_refs: set[str] = field(default_factory=set)  # claimed files only other refs hold
    invented: set[str] = field(default_factory=set)  # made-up folders the document names files in
    _ancestors: set[str] | None = field(default=None, repr=False)
    # claimed files a commit of the window created and another deleted: in neither end's tree
    transient: set[str] = field(default_factory=set)
    commit_changes: list[dict[str, set[str]]] = field(default_factory=list)  # per commit
    tree_names: dict[str, list[str]] = field(default_factory=dict, repr=False)
    blobs_at_end: dict[str, str] = field(default_factory=dict, repr=False)  # path -> blob id
    _names: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _names_size: int = -1
    _folder_set: set[str] | None = field(default=None, repr=False)
    _nfc: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _nfc_size: int = -1
    _suggested: dict[tuple[str, int], str] = field(default_factory=dict, repr=False)
    memo: dict[tuple[str, ...], object] = field(default_factory=dict, repr=False)  # per kind
    _resolved: dict[tuple[str, int, int, int, int, int], str | None] = field(
        default_factory=dict, repr=False
    )
    _folded: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _folded_size: int = -1

    @property
    def recent_commits(self) -> list[CommitInfo]:
        """HEAD's newest commits (read on first use: suggestions, merges, rewritten commits)."""
        return self.repo.recent if self.repo is not None else []

    def submodule_of(self, path: str) -> str | None:
        """The submodule ``path`` lies inside (its history is not this repository's), if any."""
        return next((s for s in self.submodules if path.startswith(s + "/")), None)

    def maybe_in_submodule(self, path: str) -> str | None:
        """A submodule the document works in (it names a path inside it elsewhere) that may
        hold ``path``, a file this repository has nowhere: a bare name ("Query.cpp"), or a
        path whose first folder is none of the repository's own (the submodule lists its
        files, not this repository)."""
        if not self.cited_submodules:
            return None
        top = path.split("/", 1)[0] if "/" in path else ""
        if top and (top in self.ancestors() or top in self.files_at_end):
            return None  # one of the repository's own top folders
        return sorted(self.cited_submodules)[0]

    def actions(self, path: str) -> set[str]:
        return self.changes.get(path, set())

    def parse_changes(self, fields: list[str]) -> None:
        """Add ``--name-status -z`` output to the window's changes."""
        parse_name_status(fields, self.changes)

    def writes_document(self) -> bool:
        """A commit of the window wrote the document itself (its own commit: not one the
        document could count or cite)."""
        return self.doc_path in self.changes

    def window_exact(self) -> bool:
        """The window's start is given or is the previous handoff's commit itself (not widened
        to a cited commit, a family or a pause, nor moved before a commit with other work), and
        the previous handoff was not rewritten within the window (a document rewritten at the
        end of each session: one of its rewrites may have ended the previous session)."""
        previous = self.window.previous
        rewritten = bool(previous) and "M" in self.changes.get(previous, set())
        return self.window.exact and not rewritten

    def absent(self, written: str, linked: bool = False) -> bool:
        """The claimed file is nowhere: not at the end of the window, not changed in it, no file
        of that name anywhere, not ignored, while its folder holds tracked files (a path in
        another repository, or a build output, is not refuted for being absent here). A
        relative link of the document (``linked``) points into this repository by itself."""
        path = self.resolve(written)
        if path is None or self.known(path) or path in self.ignored:
            return False
        if textscan.ELIDED_FOLDER.search(path):
            return False  # "src/.../a.kt" fits no file, or several: folders were left out
        if self._namesake_meant(path):
            return False
        if posixpath.basename(path) in self.deleted_names:
            return False  # a file of that name was committed once, and deleted since
        if self.on_other_ref(path):
            return False  # an unmerged branch or a pull request holds it
        if ".." in path.split("/"):  # a link from the document's folder: "../src/a.ts"
            path = posixpath.normpath(posixpath.join(self.doc_dir, path))
        if written in self.ignored or path in self.ignored or path.split("/")[0] == "..":
            return False  # outside the repository: another one's file is not refuted here
        folder = posixpath.dirname(path)
        if self.of_the_machine(written):
            return False  # "/etc/app.conf": a path of the machine, not of the repository
        if not linked and self.maybe_in_submodule(path) is not None:
            return False  # a submodule's file: this repository does not list it
        if not folder or linked or self.in_invented(path):
            return True
        # its folder holds tracked files, or (a new folder in a known one: src/lib/admin/x.ts
        # where src/lib/ is) the folder above it, when that is not the root
        above = posixpath.dirname(folder)
        known = [folder, above] if above else [folder]
        return any(
            f == k or f.endswith("/" + k) or f.startswith(k + "/")  # a folder of folders too
            for f in self.folders()
            for k in known
        )

    def _namesake_meant(self, path: str) -> bool:
        """A file of that name elsewhere may be the one meant, written at another place; not
        when the path's own folder is nowhere and there are several, each in a folder of
        another name (".tasks/04-billing/prd.md" beside each task's own prd.md)."""
        namesakes = self.same_name(path)
        if not namesakes or self.misplaced(path) or self.in_invented(path):
            return False
        folder = posixpath.dirname(path)
        if len(namesakes) == 1 or not folder or folder in self.folders():
            return True
        own = posixpath.basename(folder)
        return any(posixpath.basename(posixpath.dirname(n)) == own for n in namesakes)

    def misplaced(self, path: str) -> bool:
        """``path`` names a folder of the repository ("docs/STATUS.md" where docs/ holds
        tracked files) that has no such file, while its namesakes live elsewhere: the file
        the document names at that place is nowhere, whatever it meant."""
        folder = posixpath.dirname(path)
        if not folder or folder not in self.folders() or path in self.changes:
            return False
        return all(posixpath.dirname(p) != folder for p in self.same_name(path))

    def of_the_machine(self, written: str) -> bool:
        """ "/tmp/report.md", "/etc/app.conf": a path written from "/" whose first folder the
        repository does not have names a file of the machine, not of the repository."""
        path = written.lstrip("/")
        return (
            written.startswith("/")
            and path not in self.files_at_end
            and not self._rooted_here(path)
        )

    def _rooted_here(self, path: str) -> bool:
        """A path written from "/" ("/src/app/x.ts") is the repository's when its first folder
        is one of the repository's top folders."""
        top = path.split("/")[0]
        return "/" in path and any(f == top or f.startswith(top + "/") for f in self.folders())

    def folders(self) -> set[str]:
        """The folders that hold files at the end of the window (read once)."""
        if self._folder_set is None:
            self._folder_set = {posixpath.dirname(p) for p in self.files_at_end}
        return self._folder_set

    def session_days(self) -> list[dt.date]:
        days = [c.day for c in self.window_commits if c.day is not None]
        if self.window.staged:
            days.append(dt.datetime.now().astimezone().date())
        return days


def parse_name_status(fields: list[str], into: dict[str, set[str]]) -> None:
    """Read ``git diff --name-status -z`` fields into path -> actions (a rename: D and R)."""
    index = 0
    while index < len(fields):
        status = fields[index]
        if not status:
            index += 1
            continue
        letter = status[0]
        if letter in "RC" and index + 2 < len(fields):
            old, new = fields[index + 1], fields[index + 2]
            into.setdefault(old, set()).add("D" if letter == "R" else "C")
            into.setdefault(new, set()).add("R" if letter == "R" else "A")
            index += 3
        elif index + 1 < len(fields):
            into.setdefault(fields[index + 1], set()).add(letter)
            index += 2
        else:
            break
