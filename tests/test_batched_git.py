"""Git questions answered in bulk (issue 16): a check of every document walks the history once for
the commits that added them; a document one commit wrote is not blamed; suggestions and trees
are worked out once. Each answer is held to the one asked document by document."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from handoff_lint import lazyre, pipeline
from handoff_lint.git import evidence, trees, unknown_paths
from handoff_lint.git.gitcmd import Git
from handoff_lint.git.repo import gather
from handoff_lint.model import DocumentResult, Window
from handoff_lint.scratch import ScratchRepo
from handoff_lint.session import added, versions
from handoff_lint.session.added import added_commit

DOC = "# Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\nWork.\n\n## Files Created\n\n- `{}`\n"


def _sessions(repo: ScratchRepo, count: int) -> list[str]:
    """``count`` sessions, each a file and then its handoff document; the paths of the documents."""
    docs = []
    for n in range(1, count + 1):
        repo.commit(f"work {n}", {f"src/m{n}.py": f"N = {n}\n"})
        docs.append(f"handoffs/SESSION_{n}_HANDOFF.md")
        repo.commit(f"handoff {n}", {docs[-1]: DOC.format(f"src/m{n}.py")})
    repo.commit("a fix of the first", {docs[0]: DOC.format("src/m1.py") + "\nMore notes.\n" * 6})
    return docs


def _run(repo: ScratchRepo, files: list[str]) -> tuple[list[DocumentResult], list[list[str]]]:
    made: list[Git] = []
    original = Git.__init__

    def recording(self: Git, cwd: Path) -> None:
        original(self, cwd)
        made.append(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Git, "__init__", recording)
        result = pipeline.run(files, pipeline.Options(cwd=repo.path))
    return result.documents, [call for git in made for call in git.calls]


def _added_walks(calls: list[list[str]]) -> list[list[str]]:
    return [c for c in calls if "log" in c and "--diff-filter=A" in c and "--name-only" not in c]


def test_check_of_every_document_walks_the_history_once(
    repo: ScratchRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo.path)
    docs = _sessions(repo, 6)
    together, calls = _run(repo, [])
    assert [d.path for d in together] == sorted(docs)
    walks = [c for c in calls if "--full-history" in c]
    assert len(walks) == 1, walks  # one walk for every document one commit wrote
    added_walks = [c[-1] for c in _added_walks(calls)]  # `log -1 --diff-filter=A` of its own
    assert added_walks in ([], [docs[0]]), added_walks  # at most the one written twice
    own = [c for c in calls if "--remove-empty" in c and "--full-history" not in c]  # its own
    assert [c[-1] for c in own] == [docs[0]], own  # only the one written twice walks alone
    for alone_path in docs:  # the same windows and verdicts as each document checked alone
        alone, _ = _run(repo, [alone_path])
        match = next(d for d in together if d.path == alone_path)
        assert alone[0].window == match.window
        assert [(c.line, c.verdict) for c in alone[0].claims] == [
            (c.line, c.verdict) for c in match.claims
        ]


def test_a_single_check_reads_the_added_commit_from_the_documents_history(
    repo: ScratchRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo.path)
    docs = _sessions(repo, 2)
    results, calls = _run(repo, [docs[1]])
    assert not _added_walks(calls), _added_walks(calls)
    facts = gather(Git(repo.path))
    added = repo.git("log", "-1", "--diff-filter=A", "--format=%H", "HEAD", "--", docs[1])
    assert added_commit(facts, docs[1]) == added
    assert results[0].window is not None and results[0].window.head == added


def test_a_document_one_commit_wrote_is_not_blamed_and_a_rewritten_one_is(
    repo: ScratchRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo.path)
    docs = _sessions(repo, 3)
    _, calls = _run(repo, [docs[1]])
    assert not [c for c in calls if "blame" in c]
    _, calls = _run(repo, [docs[0]])  # two versions: its lines are blamed
    assert [c for c in calls if "blame" in c]
    # blame's own answer for the one-version document is what written_once stands for
    facts = gather(Git(repo.path))
    assert facts.head is not None
    found = versions.history(facts, facts.head, docs[1])
    assert versions.written_once(facts, facts.head, docs[1], found)
    assert set(versions.blame(facts, facts.head, docs[1]).values()) == {found[0].sha}
    assert len(versions.blame(facts, facts.head, docs[1])) == len(DOC.format("x").splitlines())
    first = versions.history(facts, facts.head, docs[0])
    assert not versions.written_once(facts, facts.head, docs[0], first)


def test_a_document_moved_here_is_blamed(repo: ScratchRepo) -> None:
    repo.commit("one", {"notes/old.md": DOC.format("src/a.py")})
    repo.git("mv", "notes/old.md", "SESSION_1_HANDOFF.md")
    repo.git("commit", "-q", "-m", "move")
    facts = gather(Git(repo.path))
    assert facts.head is not None
    found = versions.history(facts, facts.head, "SESSION_1_HANDOFF.md")
    assert not versions.written_once(facts, facts.head, "SESSION_1_HANDOFF.md", found)


def test_suggestions_are_worked_out_once_per_file_name(monkeypatch: pytest.MonkeyPatch) -> None:
    import difflib

    asked: list[str] = []
    close = difflib.get_close_matches

    def counting(
        word: str, possibilities: Iterable[str], n: int = 3, cutoff: float = 0.6
    ) -> list[str]:
        asked.append(word)
        return close(word, possibilities, n, cutoff)

    monkeypatch.setattr(difflib, "get_close_matches", counting)
    found = evidence.Evidence(window=Window(None, None), changes={"src/parser.py": {"A"}})
    first = found.did_you_mean("lib/parsers.py")
    assert first == "did you mean src/parser.py?"
    assert found.did_you_mean("other/parsers.py") == first
    assert asked == ["parsers.py"]
    found.changes["src/parsers2.py"] = {"A"}  # a path added since: worked out again
    assert "src/parsers2.py" in found.did_you_mean("lib/parsers.py")


def test_a_run_keeps_a_few_parsed_trees_not_one_per_document() -> None:
    class Facts:
        def __init__(self) -> None:
            self.memo: dict[tuple[str, ...], object] = {}

    facts = Facts()
    for n in range(10):
        tree: trees.Tree = ({f"f{n}"}, set(), {}, {})
        # Facts stands in for RepoFacts: keep() only touches its memo
        assert trees.keep(facts, ("tree", str(n)), tree) is tree  # type: ignore[arg-type]
    kept = [k for k in facts.memo if k[0] == "tree"]
    assert kept == [("tree", str(n)) for n in range(10 - trees.TREES_KEPT, 10)]


def test_histories_read_from_one_walk_are_what_each_documents_log_prints(
    repo: ScratchRepo,
) -> None:
    docs = _sessions(repo, 4)
    repo.git("checkout", "-q", "-b", "side", "HEAD~3")
    repo.commit("side work", {"src/side.py": "S = 1\n"})
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "merge side", "side")
    facts = gather(Git(repo.path))
    assert facts.head is not None
    added.histories(facts, docs)
    seeded = {d: facts.git.asked(*versions.log_question(facts.head, d)) for d in docs}
    assert seeded == {d: d != docs[0] for d in docs}  # the first was written twice
    for doc in docs[1:]:
        own = repo.git(*versions.log_question(facts.head, doc)) + "\n"
        assert facts.git.run(*versions.log_question(facts.head, doc)) == own


def test_a_document_deleted_and_added_again_keeps_its_own_history(repo: ScratchRepo) -> None:
    """Its own log stops where it was added again (one version); the one walk goes on while
    another document exists, sees the deletion and the first add, and leaves the document to
    its own question: only what the walk proves is recorded (a path that is not there is no
    document of the walk's)."""
    docs = _sessions(repo, 2)
    repo.commit("drop", remove=[docs[1]])
    repo.commit("again", {docs[1]: DOC.format("src/m2.py") + "Again.\n"})
    facts = gather(Git(repo.path))
    assert facts.head is not None
    added.histories(facts, [*docs, "handoffs/NOT_THERE.md"])
    assert not facts.git.asked(*versions.log_question(facts.head, docs[1]))
    assert len(versions.history(facts, facts.head, docs[1])) == 1


def test_deleted_names_found_without_pathspecs_as_with_them(
    repo: ScratchRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The claimed names some commit of the window deleted: one walk of every deletion, kept by
    file name, finds what the `**/NAME` pathspecs found (names git would quote keep them)."""
    repo.commit("start", {"README.md": "r\n", "src/keep.py": "k\n"})
    base = repo.git("rev-parse", "HEAD")
    repo.commit("add", {"src/tmp.py": "t\n", "lib/tmp.py": "t\n", "docs/gone.md": "g\n"})
    repo.commit("drop", remove=["src/tmp.py", "lib/tmp.py", "docs/gone.md"])
    repo.commit("other", {"x.py": "x\n"}, remove=["src/keep.py"])
    facts = gather(Git(repo.path))
    window = Window(base, facts.head)
    asked = ["src/tmp.py", "gone.md", "never.py", "keep.py"]
    found = evidence.Evidence(window=window)
    unknown_paths._deleted(facts, found, asked)
    monkeypatch.setattr(unknown_paths, "PLAIN_PATH", lazyre.compile(r"(?!)"))  # pathspecs
    again = evidence.Evidence(window=window)
    unknown_paths._deleted(facts, again, asked)
    assert found.deleted_names == again.deleted_names == {"tmp.py", "gone.md", "keep.py"}
    assert found.transient == again.transient
    assert {"src/tmp.py", "lib/tmp.py", "docs/gone.md", "src/keep.py"} <= found.transient


def test_paths_resolved_once_follow_the_paths_known() -> None:
    """``Evidence.resolve`` works a path out once while the known paths stay the same, and again
    when the window's changes, its end or the deleted files change; the letter-case fallback
    finds what a scan of every known path finds."""
    found = evidence.Evidence(window=Window(None, None), doc_dir="docs")
    found.files_at_end = {"src/Parser.py", "README.md", "docs/Guide.md", "lib/parser.PY"}
    assert found.resolve("guide.md") == "docs/Guide.md"
    assert found.resolve("readme.md") == "README.md"
    assert found.resolve("parser.py") == "parser.py"  # two fit: as written
    found.changes["src/new.py"] = {"A"}
    assert found.resolve("new.py") == "src/new.py"
    found.changes["docs/guide.md"] = {"A"}  # now a changed path fits exactly
    assert found.resolve("guide.md") == "docs/guide.md"
    found.transient = {"tmp/gone.py"}
    assert found.resolve("gone.py") == "tmp/gone.py"
    known = [*found.changes, *found.files_at_end]
    for written in ("SRC/parser.py", "Guide.MD", "lib/PARSER.py", "x.md", "", "docs/"):
        folded = written.casefold()
        scan = {p for p in known if p.casefold() == folded or p.casefold().endswith("/" + folded)}
        assert found._other_case(written) == (scan.pop() if len(scan) == 1 else written)


def test_a_suggestion_for_an_unknown_commit_is_worked_out_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from handoff_lint.claims import commit
    from handoff_lint.model import Claim

    asked: list[str] = []

    def suggestion(claim: Claim, found: evidence.Evidence) -> str:
        asked.append(claim.text)
        return f"did you mean {claim.text}?"

    monkeypatch.setattr(commit, "_suggestion", suggestion)
    found = evidence.Evidence(window=Window(None, None))
    same = [Claim("commit", "abc1234", 3 + n, 1, {"subject": "Add x"}) for n in range(3)]
    other = Claim("commit", "fff0000", 9, 1, {"subject": "Add x"})
    answers = {commit._suggest(c, found) for c in same}
    assert answers == {"did you mean abc1234?"} and asked == ["abc1234"]
    assert commit._suggest(other, found) == "did you mean fff0000?"
    assert len(asked) == 2


def test_a_path_a_sub_project_s_document_writes_from_its_project_root() -> None:
    """A document in app/docs/notes/ writing ".claude/s.json": the repository root's file, or
    app/'s. When the window changed both, git cannot tell which is meant (not a refutation of
    either); when it changed one, that one."""
    found = evidence.Evidence(window=Window(None, None), doc_dir="app/docs/notes")
    found.files_at_end = {".claude/s.json", "app/.claude/s.json"}
    found.changes[".claude/s.json"] = {"M"}
    found.changes["app/.claude/s.json"] = {"A"}
    assert found.resolve(".claude/s.json") is None
    del found.changes[".claude/s.json"]
    assert found.resolve(".claude/s.json") == "app/.claude/s.json"
    root = evidence.Evidence(window=Window(None, None), doc_dir="app/docs/notes")
    root.files_at_end = set(found.files_at_end)
    root.changes[".claude/s.json"] = {"M"}
    assert root.resolve(".claude/s.json") == ".claude/s.json"


def test_a_path_the_window_left_alone_is_read_from_the_document_s_project() -> None:
    """Two projects hold test/unit/a.test.js and the window changed neither: a document in
    app/docs/ means its own project's file (the nearest folder above it that holds the path);
    a document at the root, with no such folder, cannot tell them apart (the path stays as
    written, which no file is)."""
    found = evidence.Evidence(window=Window(None, None), doc_dir="app/docs/phase-2")
    found.files_at_end = {"app/test/unit/a.test.js", "old-app/test/unit/a.test.js"}
    assert found.resolve("test/unit/a.test.js") == "app/test/unit/a.test.js"
    root = evidence.Evidence(window=Window(None, None), doc_dir="")
    root.files_at_end = set(found.files_at_end)
    assert root.resolve("test/unit/a.test.js") == "test/unit/a.test.js"
