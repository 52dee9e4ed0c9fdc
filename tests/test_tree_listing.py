"""The files at HEAD, as handoff-lint lists them, are exactly what ``git ls-tree -r HEAD`` lists.

handoff-lint reads HEAD's files from the index (``ls-files -s``, 2 ms instead of inflating every
tree) when ``diff-index --cached`` shows nothing staged, and asks ``ls-tree -r`` otherwise. Each
case leaves the index in another state and compares the result with ls-tree, entry by entry
(path and gitlink mode).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from handoff_lint.git import trees
from handoff_lint.git.gitcmd import Git
from handoff_lint.git.repo import gather
from handoff_lint.scratch import ScratchRepo


def _staged_add(repo: ScratchRepo) -> None:
    repo.write("new.py", "x\n")
    repo.git("add", "new.py")


def _staged_delete(repo: ScratchRepo) -> None:
    repo.git("rm", "-q", "--cached", "src/a.py")


def _staged_rename(repo: ScratchRepo) -> None:
    repo.git("mv", "src/a.py", "src/b.py")


def _intent_to_add(repo: ScratchRepo) -> None:
    repo.write("later.py", "")
    repo.write("later2.py", "y\n")
    repo.git("add", "-N", "later.py", "later2.py")


def _modified_and_mode(repo: ScratchRepo) -> None:
    repo.write("src/a.py", "changed\n")
    repo.git("add", "src/a.py")
    repo.git("update-index", "--chmod=+x", "empty.txt")


def _conflict(repo: ScratchRepo) -> None:
    repo.git("checkout", "-q", "-b", "other")
    repo.commit("other", {"src/a.py": "theirs\n"})
    repo.git("checkout", "-q", "main")
    repo.commit("ours", {"src/a.py": "ours\n"})
    with pytest.raises(RuntimeError):
        repo.git("merge", "-q", "other")


def _delete_modify_conflict(repo: ScratchRepo) -> None:
    repo.git("checkout", "-q", "-b", "other")
    repo.commit("theirs", {"src/a.py": "changed on their side\n"})
    repo.git("checkout", "-q", "main")
    repo.commit("ours", remove=["src/a.py"])
    with pytest.raises(RuntimeError):
        repo.git("merge", "-q", "other")  # HEAD has no src/a.py; the index holds stages 1 and 3


def _file_becomes_gitlink(repo: ScratchRepo) -> None:
    sub = repo.git("rev-parse", "HEAD~1")
    repo.git("rm", "-q", "--cached", "empty.txt")
    repo.git("update-index", "--add", "--cacheinfo", f"160000,{sub},empty.txt")


def _ignored_submodule_removed(repo: ScratchRepo) -> None:
    repo.write(
        ".gitmodules", '[submodule "lib"]\n\tpath = vendor/lib\n\turl = ./lib\n\tignore = all\n'
    )
    repo.git("add", ".gitmodules")
    repo.git("commit", "-q", "-m", "gitmodules")
    repo.git("rm", "-q", "--cached", "vendor/lib")


def _submodule_removed(repo: ScratchRepo) -> None:
    repo.git("rm", "-q", "--cached", "vendor/lib")


def _nothing(repo: ScratchRepo) -> None:
    pass


def _listing(entries: list[str]) -> set[tuple[str, bool]]:
    return {(e.partition("\t")[2], e.startswith("160000")) for e in entries}


@pytest.mark.parametrize(
    "change",
    [
        _nothing,
        _staged_add,
        _staged_delete,
        _staged_rename,
        _intent_to_add,
        _modified_and_mode,
        _conflict,
        _delete_modify_conflict,
        _file_becomes_gitlink,
        _ignored_submodule_removed,
        _submodule_removed,
    ],
)
def test_index_listing_equals_ls_tree(
    repo: ScratchRepo, tmp_path: Path, change: Callable[[ScratchRepo], None]
) -> None:
    repo.commit("base", {"src/a.py": "a\n", "empty.txt": "", "dir with space/é.md": "é\n"})
    sub = repo.commit("for the gitlink", {"other.txt": "o\n"})
    repo.git("update-index", "--add", "--cacheinfo", f"160000,{sub},vendor/lib")
    repo.git("commit", "-q", "-m", "add a gitlink")
    change(repo)
    facts = gather(Git(repo.path))
    expected = _listing(facts.git.fields("ls-tree", "-r", "-z", "HEAD"))
    assert ("vendor/lib", True) in expected and ("empty.txt", False) in expected
    assert _listing(trees.tree_entries(facts, str(facts.head))) == expected


def test_trees_of_older_commits_read_through_cat_file_equal_ls_tree(repo: ScratchRepo) -> None:
    """A commit before HEAD (audit, check of every document) has its tree read object by
    object through the run's cat-file, folders shared between commits parsed once: the same
    entries as ``ls-tree -r -z``, in its order, with modes, types and ids."""
    files = {
        "a.txt": "a\n",
        "a-b/x.md": "x\n",
        "a/b/c.py": "c\n",
        "a.b/y.md": "y\n",
        "dir with space/é.md": "é\n",
        "deep/er/and/deeper/f.txt": "f\n",
        "empty.txt": "",
    }
    commits = [repo.commit("base", files)]
    (repo.path / "run.sh").write_text("#!/bin/sh\n", encoding="utf-8")
    (repo.path / "run.sh").chmod(0o755)
    (repo.path / "link").symlink_to("a.txt")
    commits.append(repo.commit("executable and link", {}))
    repo.git("update-index", "--add", "--cacheinfo", f"160000,{commits[0]},vendor/lib")
    repo.git("commit", "-q", "-m", "a gitlink")
    commits.append(repo.git("rev-parse", "HEAD"))
    commits.append(repo.commit("change one folder", {"a/b/c.py": "changed\n", "a/new.py": "n\n"}))
    commits.append(repo.commit("remove a folder", remove=["deep/er/and/deeper/f.txt"]))
    repo.commit("head", {"z.txt": "z\n"})
    facts = gather(Git(repo.path))
    for commit in commits:
        expected = [e for e in repo.git("ls-tree", "-r", "-z", commit).split("\0") if e]
        assert trees.read_tree(facts, commit) == expected
        assert trees.tree_entries(facts, commit) == expected
    assert not [c for c in facts.git.calls if "ls-tree" in c]
    assert trees.read_tree(facts, "0" * 40) is None  # no such commit: ls-tree's answer is used
