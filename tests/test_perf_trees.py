"""What a commit changed, read from its trees through cat-file: diff-tree's answer, no process."""

from __future__ import annotations

import os

from handoff_lint.git.gitcmd import Git
from handoff_lint.git.repo import gather
from handoff_lint.git.trees import commit_paths, quoted
from handoff_lint.scratch import ScratchRepo


def _diff_tree(repo: ScratchRepo, sha: str) -> list[tuple[str, str]]:
    args = ("diff-tree", "--no-commit-id", "--name-status", "-r", "--root", sha)
    out = repo.git("-c", "core.quotepath=off", *args)
    return sorted((line[:1], line.split("\t")[-1]) for line in out.split("\n") if "\t" in line)


def _history(repo: ScratchRepo) -> list[str]:
    shas = [repo.commit("root", {"a.md": "a\n", "src/x/y.py": "y\n", "gone.txt": "g\n"})]
    shas.append(repo.commit("edit", {"src/x/y.py": "y2\n", 'q"t\tab.md': "q\n", "é/ü.md": "u\n"}))
    shas.append(repo.commit("delete", remove=["gone.txt"]))
    repo.git("rm", "-q", "a.md")
    repo.write("a.md/inside.md", "now a folder\n")  # a file becomes a folder
    shas.append(repo.commit("file to folder"))
    os.symlink("a.md/inside.md", repo.path / "link")
    shas.append(repo.commit("link"))
    (repo.path / "link").unlink()
    repo.write("link", "a file now\n")  # a link becomes a file: a type change
    (repo.path / "src/x/y.py").chmod(0o755)
    shas.append(repo.commit("type and mode"))
    repo.git("checkout", "-q", "-b", "side")
    side = repo.commit("side", {"side.md": "s\n"})
    repo.git("checkout", "-q", "main")
    repo.commit("main", {"main.md": "m\n"})
    repo.git("merge", "-q", "--no-edit", side)
    shas.append(repo.git("rev-parse", "HEAD").strip())
    shas.append(repo.commit("empty", {}))
    return shas


def test_commit_paths_are_diff_trees(repo: ScratchRepo) -> None:
    shas = _history(repo)
    git = Git(repo.path)
    facts = gather(git)
    answers = {sha: commit_paths(facts, sha) for sha in shas}
    assert not [c for c in git.calls if "diff-tree" in c]
    for sha, found in answers.items():
        assert found is not None
        assert sorted(found) == _diff_tree(repo, sha), sha
    first, merge, changed = answers[shas[0]], answers[shas[6]], answers[shas[5]]
    assert first is not None and changed is not None
    assert first and all(status == "A" for status, _ in first)
    assert merge == []  # a merge: diff-tree prints nothing
    assert ("T", "link") in changed and ("M", "src/x/y.py") in changed
    git.close()


def test_a_shallow_clone_or_grafts_ask_git(repo: ScratchRepo) -> None:
    repo.commit("one", {"a.md": "a\n"})
    repo.commit("two", {"b.md": "b\n"})
    clone = repo.path.parent / "clone"
    repo.git("clone", "-q", "--depth=1", f"file://{repo.path}", str(clone))
    facts = gather(Git(clone))
    assert facts.shallow and commit_paths(facts, str(facts.head)) is None
    (repo.path / ".git" / "info").mkdir(exist_ok=True)
    (repo.path / ".git" / "info" / "grafts").write_text("", encoding="utf-8")
    grafted = gather(Git(repo.path))
    assert grafted.grafts and commit_paths(grafted, str(grafted.head)) is None


def test_quoted_as_git_prints_paths() -> None:
    assert quoted("docs/é ü.md") == "docs/é ü.md"
    assert quoted('a"b\\c\td\x01.md') == '"a\\"b\\\\c\\td\\001.md"'
