"""Which repository path a claim means: the path-finding half of ``Evidence``.

A document writes paths as its author remembers them: from the repository's root or from the
document's folder, a suffix ("parser.py" for "src/lib/parser.py"), in another letter case or
Unicode normalization, a test class for its file. ``Paths.resolve`` turns each into the
repository's path, against the paths git reported for the window (its changes, the files at its
end, files created and deleted inside it), and answers each path once while those are the same.
"""

from __future__ import annotations

import posixpath

from handoff_lint import lazyre
from handoff_lint.document import textscan

# where a CamelCase name breaks into words ("ValidationHelper" -> "validation_helper")
SNAKE = lazyre.compile(r"(?<=[a-z0-9])(?=[A-Z])")


class Paths:
    """Path look-ups over the known paths of a window (the fields are ``Evidence``'s)."""

    doc_dir: str
    changes: dict[str, set[str]]
    files_at_end: set[str]
    transient: set[str]
    tree_names: dict[str, list[str]]
    _names: dict[str, list[str]]
    _names_size: int
    _nfc: dict[str, set[str]]
    _nfc_size: int
    _suggested: dict[tuple[str, int], str]
    _resolved: dict[tuple[str, int, int, int, int, int], str | None]
    _folded: dict[str, list[str]]
    _folded_size: int
    _ancestors: set[str] | None
    on_other_refs: set[str]
    invented: set[str]

    def ancestors(self) -> set[str]:
        """Every folder a file at the end of the window is in, at any depth (built once)."""
        if self._ancestors is None:
            found: set[str] = set()
            for path in self.files_at_end:
                folder = posixpath.dirname(path)
                while folder and folder not in found:
                    found.add(folder)
                    folder = posixpath.dirname(folder)
            self._ancestors = found
        return self._ancestors

    def on_other_ref(self, path: str) -> bool:
        """A commit of another ref wrote the file: at that path, or (a name alone) anywhere."""
        if "/" not in path:
            return any(posixpath.basename(p) == path for p in self.on_other_refs)
        return any(p == path or p.endswith("/" + path) for p in self.on_other_refs)

    def in_invented(self, path: str) -> bool:
        return any(path.startswith(folder + "/") for folder in self.invented)

    def known(self, path: str) -> bool:
        """The path exists at the end of the window or was changed in it."""
        return path in self.files_at_end or path in self.changes or path in self.transient

    def resolve(self, written: str) -> str | None:
        """The repository path ``written`` means; None when several paths fit equally.

        Candidates: the path from the root, from the document's folder, and by a unique suffix;
        one the window changed is preferred (right before loud). Each path is worked out once
        while the paths known do not change (the stages of a check ask again for every claim).
        """
        end, gone = self.files_at_end, self.transient
        key = (written, len(self.changes), len(end), len(gone), id(end), id(gone))
        if key not in self._resolved:
            self._resolved[key] = self._resolve(written)
        return self._resolved[key]

    def resolve_present(self, written: str) -> str | None:
        """The file whose contents a claim counts ("`x_test.go`: 944 lines"): ``resolve``'s, or
        of the several files it fits, the one there at the end of the window (the others gone:
        a file moved in the window is counted as it is now)."""
        found = self.resolve(written)
        if found is not None or "/" in written.strip("/"):
            return found
        here = {p for p in self._by_name(written.strip("/")) if p in self.files_at_end}
        return here.pop() if len(here) == 1 else None

    def _resolve(self, written: str) -> str | None:
        written = written.lstrip("/")
        if not written.isascii():
            written = self._composed(written)
        relative = posixpath.normpath(posixpath.join(self.doc_dir, written)) if self.doc_dir else ""
        direct = [p for p in dict.fromkeys([written, relative]) if p and self.known(p)]
        candidates = dict.fromkeys([*direct, *self._from_ancestors(written)])
        changed = [p for p in candidates if p in self.changes]
        if len(changed) > 1:
            return None  # ".claude/x.json" in sub/docs/a.md: the root's, or sub/'s, both changed
        if changed:
            return changed[0]
        suffix = [p for p in self.changes if p.endswith("/" + written)] or [
            p for p in self.transient if p.endswith("/" + written)
        ]
        if len(suffix) == 1:
            return suffix[0]
        if direct:
            return direct[0]
        nearest = next((p for p in candidates if self.known(p)), None)
        if nearest is not None:
            return nearest  # "test/unit/a.test.js" in app/docs/x.md: app/test/unit/a.test.js
        if len(suffix) > 1:
            return None
        named = self._by_name(posixpath.basename(written))
        matches = sorted({p for p in named if p.endswith("/" + written)})
        if len(matches) > 1:
            return None
        if not matches and (
            textscan.TEST_CLASS.fullmatch(written) or textscan.TEST_STEM.fullmatch(written)
        ):
            return self._by_stem(written)
        if not matches and "/" in written:
            matches = _abbreviated(written, named)
        return matches[0] if len(matches) == 1 else self._other_case(written)

    def _from_ancestors(self, written: str) -> list[str]:
        """``written`` read from each folder above the document's own ("app/docs/notes/x.md"
        writing ".claude/mcp.json" may mean app/.claude/mcp.json, its project's)."""
        folders = self.doc_dir.split("/")[:-1] if self.doc_dir else []
        return ["/".join([*folders[:n], written]) for n in range(len(folders), 0, -1)]

    def _composed(self, written: str) -> str:
        """The repository's spelling of a path that differs only in Unicode normalization
        (café.md typed as NFC, committed from macOS as NFD), else ``written``."""
        import unicodedata

        def nfc(text: str) -> str:
            return unicodedata.normalize("NFC", text)

        size = len(self.changes) + len(self.files_at_end)
        if self._nfc_size != size:  # built once per window, again if paths were added
            self._nfc = {}
            for path in [*self.changes, *self.files_at_end]:
                if not path.isascii():
                    self._nfc.setdefault(nfc(path), set()).add(path)
            self._nfc_size = size
        found = self._nfc.get(nfc(written), set())
        return next(iter(found)) if len(found) == 1 else written

    def _by_stem(self, name: str) -> str | None:
        """The one file whose name is ``name`` and an extension (a test class named for its
        file: ParserTests for Tests/ParserTests.swift), else None."""
        found = [p for p in self.files_at_end if posixpath.basename(p).split(".")[0] == name]
        return _one_source(found)

    def test_file(self, subject: str) -> str | None:
        """The one file at the end of the window that holds the tests of ``subject`` by the
        naming conventions of test frameworks (ParserTests.swift, ParserTest.kt, Parser.test.ts,
        parser.spec.js, test_parser.py, parser_test.go), else None."""
        snake = SNAKE.sub("_", subject).lower()
        stems = {subject + s for s in ("Tests", "Test", "Spec", "Specs", "TestCase")}
        stems |= {"test_" + snake, snake + "_test", snake + "_tests", snake + "_spec"}
        found = []
        for path in self.files_at_end:
            parts = posixpath.basename(path).split(".")
            if parts[0] in stems or (
                len(parts) > 2 and parts[0] in (subject, snake) and parts[1] in ("test", "spec")
            ):
                found.append(path)
        return _one_source(found)

    def _other_case(self, written: str) -> str:
        """The one known path that differs from ``written`` only in letter case (written on a
        case-insensitive file system: CLAUDE.md for claude.md), else ``written``."""
        folded = written.casefold()
        size = len(self.changes) + len(self.files_at_end)
        if self._folded_size != size:  # known paths by their folded file name, once per window
            self._folded = {}
            for path in dict.fromkeys([*self.changes, *self.files_at_end]):
                self._folded.setdefault(path.casefold().rpartition("/")[2], []).append(path)
            self._folded_size = size
        candidates = self._folded.get(folded.rpartition("/")[2], [])
        found = {
            p for p in candidates if p.casefold() == folded or p.casefold().endswith("/" + folded)
        }
        return found.pop() if len(found) == 1 else written

    def namesakes(self, written: str, most: int = 5) -> list[str]:
        """The files at the end of the window that ``written`` (a name, or a path's tail) may
        mean when it names several: [] when it names one, none, or more than ``most``."""
        if self.resolve(written) is not None or "/" in written.strip("/"):
            return []
        name = written.strip("/")
        found = sorted({p for p in self._by_name(name) if p in self.files_at_end})
        return found if 2 <= len(found) <= most else []

    def same_name(self, path: str) -> list[str]:
        """Known paths with the same file name as ``path`` (changed ones first)."""
        name = posixpath.basename(path)
        found = [p for p in self.changes if posixpath.basename(p) == name]
        named = self._by_name(name)
        found += sorted(p for p in named if p in self.files_at_end and p not in found)
        return found

    def _by_name(self, name: str) -> list[str]:
        """Known paths called ``name``: the tree's index is shared by the documents of a window;
        the changed paths' is built here (and again if paths were added since)."""
        if self._names_size != len(self.changes):
            self._names = {}
            for known in self.changes:
                self._names.setdefault(posixpath.basename(known), []).append(known)
            self._names_size = len(self.changes)
        return self.tree_names.get(name, []) + self._names.get(name, [])

    def did_you_mean(self, written: str) -> str:
        """A suggestion of the changed paths whose file names are close to ``written``'s,
        worked out once per file name (a 1 MB document refutes the same path many times)."""
        key = (posixpath.basename(written), len(self.changes))
        if key not in self._suggested:
            self._suggested[key] = self._suggest(key[0])
        return self._suggested[key]

    def _suggest(self, name: str) -> str:
        import difflib

        changed = sorted(self.changes)
        by_name = {posixpath.basename(p): p for p in changed}
        close = difflib.get_close_matches(name, list(by_name), n=2, cutoff=0.75)
        if not close:
            return ""
        return "did you mean " + " or ".join(by_name[c] for c in close) + "?"


def _abbreviated(written: str, named: list[str]) -> list[str]:
    """The paths of the same file name whose folders hold the written folders in order, with
    folders left out ("test/generators/ATest.kt" for
    "app/src/test/java/org/x/generators/ATest.kt", a package path shortened)."""
    folders = [f for f in written.split("/")[:-1] if f not in ("...", "…")]  # "a/.../b.kt"
    found = []
    for path in sorted(set(named)):
        rest = iter(path.split("/")[:-1])
        if all(folder in rest for folder in folders):
            found.append(path)
    return found


def _one_source(found: list[str]) -> str | None:
    """The one file of ``found``; of several, the one with a single extension ("ParserTests.cs"
    beside the "ParserTests.cs.meta" Unity keeps for it), else None."""
    if len(found) > 1:
        found = [p for p in found if posixpath.basename(p).count(".") == 1] or found
    return found[0] if len(found) == 1 else None
