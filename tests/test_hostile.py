"""A hostile repository's configuration must not run programs on handoff-lint's read paths.

Each setting below names a script that writes a marker file; every subcommand that reads git
(check of a committed and of an edited document, check --staged, check of every document, facts,
audit) runs on the repository, and the marker must not appear. Real repository, real CLI.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli

DOC = "# Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\nWork.\n\n## Files Created\n\n- `{}`\n"
SETTINGS = [
    ("core.fsmonitor", "{script}"),
    ("diff.drv.textconv", "{script}"),
    ("filter.flt.clean", "{script}"),
    ("filter.flt.smudge", "{script}"),
    ("filter.flt.process", "{script}"),
    ("diff.external", "{script}"),
    ("log.showSignature", "true"),
    ("gpg.program", "{script}"),
    ("gpg.ssh.program", "{script}"),
    ("core.pager", "{script}"),
    ("pager.log", "{script}"),
    ("core.hooksPath", "{hooks}"),
]


def _signed_commit(repo: ScratchRepo) -> None:
    """A commit object with a gpgsig header (git verifies it only when asked to show it)."""
    tree = repo.git("write-tree")
    parent = repo.git("rev-parse", "HEAD")
    body = (
        f"tree {tree}\nparent {parent}\nauthor A <a@example.com> 1763027000 +0000\n"
        "committer A <a@example.com> 1763027000 +0000\n"
        "gpgsig -----BEGIN PGP SIGNATURE-----\n \n x\n -----END PGP SIGNATURE-----\n\nsigned\n"
    )
    sha = repo.git("hash-object", "-t", "commit", "-w", "--stdin", stdin=body)
    repo.git("update-ref", "HEAD", sha)


@pytest.fixture
def hostile(repo: ScratchRepo, tmp_path: Path) -> tuple[ScratchRepo, Path]:
    marker = tmp_path / "MARKER"
    script = tmp_path / "run.sh"
    script.write_text(f'#!/bin/sh\necho "$0 $*" >> {marker}\nexit 1\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    for name in ("post-index-change", "reference-transaction", "post-checkout"):
        (hooks / name).write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
        (hooks / name).chmod(0o755)
    attributes = {".gitattributes": "* diff=drv filter=flt\n"}
    repo.commit("start", {**attributes, "a.py": "A = 1\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": DOC.format("a.py")})
    repo.commit("work", {"b.py": "B = 1\n"})
    _signed_commit(repo)
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": DOC.format("b.py")})
    repo.write("SESSION_3_HANDOFF.md", DOC.format("b.py"))
    repo.git("add", "SESSION_3_HANDOFF.md")  # staged, for check --staged
    for key, value in SETTINGS:
        repo.git("config", key, value.format(script=script, hooks=hooks))
    return repo, marker


@pytest.mark.parametrize(
    "args",
    [
        ("check", "SESSION_2_HANDOFF.md"),
        ("check",),
        ("check", "--staged"),
        ("facts",),
        ("audit",),
    ],
)
def test_no_program_the_repository_names_runs(
    hostile: tuple[ScratchRepo, Path], cli: Cli, args: tuple[str, ...]
) -> None:
    repo, marker = hostile
    repo.write("SESSION_2_HANDOFF.md", DOC.format("b.py") + "- edited\n")
    run = cli(*args, cwd=repo.path)
    assert run.code in (0, 1), run.err
    assert not marker.exists(), marker.read_text(encoding="utf-8")


def test_the_settings_do_run_programs_for_git_itself(hostile: tuple[ScratchRepo, Path]) -> None:
    """The fixture is armed: plain git commands run the configured programs."""
    repo, marker = hostile
    repo.write("a.py", "A = 2\n")
    with contextlib.suppress(RuntimeError):  # the planted program fails on purpose
        repo.git("status")
    assert marker.exists()


LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (LAUGHS, "aliases (*name) are not allowed"),  # "billion laughs": 600 bytes, 9^9 items
        ("a: &a [*a]\n", "aliases (*name) are not allowed"),  # recursive
        ("a:\n" + "".join(" " * (i + 1) + "b:\n" for i in range(100)), "nested more than"),
    ],
)
def test_front_matter_cannot_exhaust_memory(
    repo: ScratchRepo, cli: Cli, front: str, message: str
) -> None:
    repo.commit("doc", {"SESSION_1_HANDOFF.md": f"---\n{front}---\n# Handoff\n"})
    run = cli("check", "--format", "json", "SESSION_1_HANDOFF.md", cwd=repo.path)
    findings = run.json()["documents"][0]["findings"]
    assert [f["rule"] for f in findings if message in f["message"]] == ["HL103"]


def test_a_document_that_is_not_a_regular_file(repo: ScratchRepo, cli: Cli, tmp_path: Path) -> None:
    """A FIFO would block the read, /dev/zero never ends, a link out of the work tree reads
    another file: each is one HL102 finding, at once, and the other documents are checked."""
    repo.commit("start", {"README.md": "x\n"})
    os.mkfifo(repo.path / "SESSION_1_HANDOFF.md")
    (repo.path / "SESSION_2_HANDOFF.md").symlink_to("/dev/zero")
    outside = tmp_path / "secret.md"
    outside.write_text("# not yours\n", encoding="utf-8")
    (repo.path / "SESSION_3_HANDOFF.md").symlink_to(outside)
    docs = [f"SESSION_{n}_HANDOFF.md" for n in (1, 2, 3)]
    run = cli("check", "--format", "json", *docs, cwd=repo.path)
    got = {d["path"]: [f["rule"] for f in d["findings"]] for d in run.json()["documents"]}
    assert got == {doc: ["HL102"] for doc in docs}
    assert "not yours" not in run.out


def test_more_paths_than_a_command_line_holds(
    repo: ScratchRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Paths a document names are passed to git; past the limit git is asked about all paths
    (a superset read by path) instead of failing with "argument list too long"."""
    from handoff_lint.git import gitpipes

    monkeypatch.setattr(gitpipes, "MAX_PATHSPECS", 3)
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("h1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    files = {f"src/f{n}.py": "x\n" * (n + 1) for n in range(8)}
    repo.commit("work", files, when="2025-11-13T09:00:00+00:00")
    items = "".join(f"- `src/f{n}.py` ({n + 1} lines)\n" for n in range(8)) + "- `gone.py`\n"
    doc = "# Two\n\n**Date:** 2025-11-13\n\n## Files Created\n\n" + items
    repo.commit("h2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    claims = run.json()["documents"][0]["claims"]
    assert [c["verdict"] for c in claims if c["kind"] == "lines"] == ["verified"] * 8
    assert gitpipes.within_limits(("log", "--", "a", "b")) == ("log", "--", "a", "b")
    assert gitpipes.within_limits(("log", "--", *"abcd")) == ("log", "--")


def test_too_many_claims_are_bounded(
    repo: ScratchRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from handoff_lint import claims

    monkeypatch.setattr(claims, "MAX_CLAIMS", 5)
    repo.commit("start", {"README.md": "x\n"})
    items = "".join(f"- `src/f{n}.py`\n" for n in range(9))
    doc = "# Two\n\n**Date:** 2025-11-13\n\n## Files Created\n\n" + items
    repo.commit("h2", {"SESSION_2_HANDOFF.md": doc})
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    document = run.json()["documents"][0]
    assert len(document["claims"]) == 5
    assert [f["line"] for f in document["findings"] if f["rule"] == "HL906"] == [11]


TOKEN = "ghp_" + "Zq8Rw2Lk5Nv9Tb3Xc7Md1Pf6Hg4Js0Ya2Ue5I"


def test_a_secret_never_leaves_the_process_whole(
    repo: ScratchRepo, cli: Cli, tmp_path: Path
) -> None:
    """One token planted in a file path, a branch name, a commit subject and a document's
    text: no output of any format, no baseline, no facts, no audit page holds it whole."""
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("h1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    repo.commit(f"add key {TOKEN}", {"src/a.py": "x\n"}, when="2025-11-13T09:00:00+00:00")
    doc = (
        f"# Two\n\n**Date:** 2025-11-13\n**Branch:** `feature/{TOKEN}`\n\n## Summary\n\n"
        f"- Commit abc1234: add key {TOKEN}\n- Token: {TOKEN}\n\n## Files Created\n\n"
        f"- `config/{TOKEN}.json`\n- `src/a.py`\n"
    )
    repo.commit("h2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    outputs = []
    for fmt in ("text", "json", "sarif", "github", "junit"):
        run = cli("check", "--format", fmt, "SESSION_2_HANDOFF.md", cwd=repo.path)
        outputs += [run.out, run.err]
    report, base, page = tmp_path / "r.json", tmp_path / "b.json", tmp_path / "a.html"
    cli("check", "-o", str(report), "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    cli("check", "--write-baseline", str(base), "SESSION_2_HANDOFF.md", cwd=repo.path)
    outputs += [
        cli("facts", cwd=repo.path).out,
        cli("audit", "--html", str(page), cwd=repo.path).out,
    ]
    outputs += [report.read_text(), base.read_text(), page.read_text()]
    assert [i for i, text in enumerate(outputs) if TOKEN in text] == []
    assert all(TOKEN[:4] + "****" in text for text in (outputs[0], outputs[-3], outputs[-2]))
    again = cli(
        "check", "--baseline", str(base), "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path
    )
    assert [
        f["rule"] for f in again.json()["documents"][0]["findings"] if f["severity"] != "info"
    ] == []


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('include = ["**/a**/b**/c.md"]', "at most 2 are allowed"),
        ('exclude = ["' + "*a" * 17 + '"]', "wildcards: at most 16"),
        ('schema = "/etc/passwd"', "outside the folder of the configuration"),
        ('schema = "../x.json"', "outside the folder of the configuration"),
    ],
)
def test_a_configuration_cannot_make_the_gate_hang_or_read_outside(
    cli: Cli, tmp_path: Path, table: str, message: str
) -> None:
    (tmp_path / "H.md").write_text("# Handoff\n", encoding="utf-8")
    (tmp_path / ".handoff-lint.toml").write_text(table + "\n", encoding="utf-8")
    run = cli("check", "--no-git", "--config", ".handoff-lint.toml", "H.md", cwd=tmp_path)
    assert run.code == 2 and message in run.err


def test_many_star_globs_match_in_linear_time() -> None:
    """A '*' before text and another wildcard takes the first fit and never gives it back (the
    answers are the plain translation's: test_globs_answer_as_the_plain_translation)."""
    import time

    from handoff_lint.document import discover

    start = time.perf_counter()
    assert not discover.matches("a" * 4000 + ".md", ["*a" * 8 + "*c.md", "**/a**/c"])
    assert discover.matches("docs/handoffs/2025/x.md", ["docs/handoffs/**/*.md"])
    assert discover.matches("X_SESSION_9_SUMMARY.md", ["*SESSION*SUMMARY*.md"])
    assert time.perf_counter() - start < 1.0  # minutes with a backtracking translation


def test_a_long_line_in_a_code_block_cannot_hang_the_gate(repo: ScratchRepo, cli: Cli) -> None:
    """Some output shapes cost time quadratic in a line of dots or blanks: a code block line of
    100 KB took over a minute. Lines longer than any tool prints are not tried as output."""
    import time

    from handoff_lint.document import codeshape

    long_line = "a." * 50_000
    assert codeshape.shape_of(long_line) == ""
    assert codeshape.shape_of("src/a.py  (NEW) - 12 lines") != ""  # a short one still is
    repo.write("SESSION_1_HANDOFF.md", f"# Session 1\n\n```\n{long_line}\n{' ' * 100_000}x\n```\n")
    repo.commit("Session 1 handoff")
    start = time.perf_counter()
    result = cli("check", "SESSION_1_HANDOFF.md", cwd=repo.path)
    assert result.code in (0, 1), result.err
    assert time.perf_counter() - start < 20.0  # over a minute before the bound


def test_a_schema_pattern_cannot_hang_the_gate(repo: ScratchRepo, cli: Cli, tmp_path: Path) -> None:
    import json

    schema = {
        "type": "object",
        "properties": {"title": {"type": "object", "properties": {"text": {"pattern": "^(a+)+$"}}}},
    }
    (tmp_path / "s.json").write_text(json.dumps(schema), encoding="utf-8")
    repo.commit("doc", {"SESSION_1_HANDOFF.md": "# " + "a" * 34 + "b\n"})
    run = cli("check", "--schema", str(tmp_path / "s.json"), "SESSION_1_HANDOFF.md", cwd=repo.path)
    assert "does not match '^(a+)+$'" in run.out  # re took minutes on this


def test_fix_leaves_links_and_staged_blobs_alone(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("doc", {"real.md": "# Handoff\n\nâœ… done\n"})
    (repo.path / "SESSION_1_HANDOFF.md").symlink_to("real.md")
    run = cli("check", "--no-git", "--fix", "SESSION_1_HANDOFF.md", cwd=repo.path)
    assert (repo.path / "SESSION_1_HANDOFF.md").is_symlink()
    assert "symbolic link: not fixed" in run.err and "HL104" in run.out
    staged = cli("check", "--staged", "--fix", cwd=repo.path)
    assert staged.code == 2 and "not the staged blob" in staged.err


def _plain_glob(pattern: str) -> re.Pattern[str]:
    """The backtracking translation the linear one replaced: the reference for its answers."""
    table = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}
    parts = re.split(r"(\*\*/|\*\*|\*|\?)", pattern)
    return re.compile("".join(table.get(p, re.escape(p)) for p in parts) + r"\Z", re.I)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b", "/", "*", "?", "**/", "**", "ab", ".md"]), max_size=8),
    st.text(alphabet="abA/.md", max_size=12),
)
def test_globs_answer_as_the_plain_translation(pieces: list[str], path: str) -> None:
    from handoff_lint.document import discover

    pattern = "".join(pieces)
    assert bool(discover._compile(pattern).match(path)) == bool(_plain_glob(pattern).match(path))


def test_invisible_characters_cannot_hide_a_claim(repo: ScratchRepo, cli: Cli) -> None:
    """ "READ<U+200B>ME.md" is README.md to a reader; "gh<U+200B>ost.md" is a file that does not
    exist and must not slip through; a zero-width joiner inside an emoji is no finding."""
    import unicodedata

    nfd = unicodedata.normalize("NFD", "café.md")
    repo.commit("start", {"x.txt": "x\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("h1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    repo.commit("work", {"README.md": "r\n", nfd: "c\n"}, when="2025-11-13T09:00:00+00:00")
    doc = (
        "# Two\n\n**Date:** 2025-11-13\n\n## Summary\n\nDone 👨\u200d💻\n\n## Files Created\n\n"
        "- `READ\u200bME.md`\n- `gh\u200bost.md`\n- `sr\u202ec.md`\n"
        f"- `{unicodedata.normalize('NFC', 'café.md')}`\n"
    )
    repo.commit("h2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    document = run.json()["documents"][0]
    files = [(c["text"], c["verdict"]) for c in document["claims"] if c["kind"] == "file"]
    assert files == [
        ("README.md", "verified"),
        ("ghost.md", "refuted"),
        ("src.md", "refuted"),
        (unicodedata.normalize("NFC", "café.md"), "verified"),
    ]
    assert [(f["line"], f["column"]) for f in document["findings"] if f["rule"] == "HL108"] == [
        (11, 8)
    ]


def test_control_characters_never_reach_the_terminal() -> None:
    """A file name or subject with a terminal escape (a title change, a carriage return) is
    shown escaped in the text report."""
    from handoff_lint.checks import rules
    from handoff_lint.model import DocumentResult, RunResult
    from handoff_lint.reporters import ReportOptions, get

    finding = rules.finding("HL301", 3, 1, "no file a\x1b]0;pwned\x07b.md\rhidden")
    run = RunResult([DocumentResult("x\x1b[2J.md", findings=[finding])])
    text = get("text")(run, ReportOptions())
    assert "\x1b" not in text and "\r" not in text and "\x07" not in text
    assert "a\\x1b]0;pwned\\x07b.md\\x0dhidden" in text


def test_a_file_name_that_is_not_utf8_in_every_format(repo: ScratchRepo, cli: Cli) -> None:
    """A document named with a byte that is not UTF-8: every format is valid UTF-8 (SARIF
    percent-encodes the byte in its URI); before, SARIF failed with "surrogates not allowed"."""
    import json

    name = os.fsdecode(b"bad\xff_HANDOFF.md")
    repo.commit("start", {"x.txt": "x\n"})
    (repo.path / name).write_text("# Handoff\n", encoding="utf-8")
    for fmt in ("text", "json", "sarif", "github", "junit"):
        run = cli("check", "--format", fmt, name, cwd=repo.path)
        assert run.code == 1, (fmt, run.err)
        run.out.encode("utf-8")  # no lone surrogate left
    sarif = json.loads(cli("check", "--format", "sarif", name, cwd=repo.path).out)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "bad%FF_HANDOFF.md"


def test_a_sha256_repository(repo: ScratchRepo, cli: Cli) -> None:
    """The first handoff's window starts at the empty tree, which has another id in a SHA-256
    repository: the true diff stat was refuted against "0 files, +0/-0"."""
    import shutil

    shutil.rmtree(repo.path / ".git")
    repo.git("init", "-q", "--object-format=sha256", "-b", "main")
    repo.commit("add a", {"a.py": "a\nb\n"}, when="2025-11-13T08:00:00+00:00")
    repo.commit("add b", {"b.py": "c\n", "a.py": "a\nb\nc\n"}, when="2025-11-13T09:00:00+00:00")
    doc = (
        "# One\n\n**Date:** 2025-11-13\n\n## Summary\n\n- 2 files changed, 4 insertions(+)\n\n"
        "## Files Created\n\n- `a.py` (3 lines)\n- `b.py`\n"
    )
    repo.commit("h1", {"SESSION_1_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_1_HANDOFF.md", cwd=repo.path)
    claims = run.json()["documents"][0]["claims"]
    assert {c["verdict"] for c in claims} == {"verified"} and len(claims) == 5


def _fake_git(folder: Path, script: str) -> dict[str, str]:
    """An environment whose ``git`` runs ``script`` (sh) before the real git."""
    import shutil
    import sys

    folder.mkdir()
    real = shutil.which("git")
    (folder / "git").write_text(f'#!/bin/sh\n{script}\nexec {real} "$@"\n', encoding="utf-8")
    (folder / "git").chmod(0o755)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}", "PY": sys.executable}


@pytest.mark.parametrize(
    ("script", "extra", "message"),
    [
        # the macOS stub before the command line tools are installed
        (
            'case "$*" in *version*) echo "xcrun: error: invalid active developer path" >&2; '
            "exit 1;; esac",
            {},
            "git does not run here",
        ),
        # a git that never answers (a stalled network file system)
        (
            'case "$*" in *rev-parse*) sleep 30;; esac',
            {"HANDOFF_LINT_GIT_TIMEOUT": "1"},
            "did not answer within 1 s",
        ),
    ],
)
def test_a_broken_git_is_a_clear_exit_2(
    repo: ScratchRepo, tmp_path: Path, script: str, extra: dict[str, str], message: str
) -> None:
    import subprocess
    import time

    repo.commit("doc", {"SESSION_1_HANDOFF.md": "# Handoff\n"})
    env = {**_fake_git(tmp_path / "bin", script), **extra}
    start = time.perf_counter()
    done = subprocess.run(
        [env["PY"], "-m", "handoff_lint", "check", "SESSION_1_HANDOFF.md"],
        cwd=repo.path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
    assert time.perf_counter() - start < 20


def test_a_damaged_repository_is_not_blamed_on_the_document(repo: ScratchRepo, cli: Cli) -> None:
    repo.commit("one", {"a.txt": "x\n"})
    repo.commit("h1", {"SESSION_1_HANDOFF.md": "# One\n"})
    sha = repo.commit("two", {"b.txt": "y\n"})
    doc = f"# Two\n\n**Date:** 2025-11-13\n\n## Summary\n\n- Commit {sha[:7]}: two\n"
    repo.commit("h2", {"SESSION_2_HANDOFF.md": doc})
    loose = repo.path / ".git" / "objects" / sha[:2] / sha[2:]
    loose.chmod(0o644)
    loose.unlink()
    run = cli("check", "SESSION_2_HANDOFF.md", cwd=repo.path)
    assert run.code == 2 and "the repository is damaged" in run.err and "HL201" not in run.out


def test_a_long_gap_between_the_files_of_a_verb_cannot_hang_the_gate(
    repo: ScratchRepo, cli: Cli
) -> None:
    """What stands between the files one verb acts on is stripped, not matched by a pattern of
    two runs of the same characters (which backtracks quadratically on a long gap)."""
    import time

    gap = " " * 100_000
    doc = f"# Session 1\n\n## Work\n\n- Deleted `src/a.py`{gap}x `src/b.py`\n"
    repo.write("SESSION_1_HANDOFF.md", doc)
    repo.commit("Session 1 handoff")
    start = time.perf_counter()
    run = cli("check", "--format", "json", "SESSION_1_HANDOFF.md", cwd=repo.path)
    assert time.perf_counter() - start < 10.0
    assert run.code in (0, 1)


def test_a_long_log_of_commits_in_prose_stays_linear(repo: ScratchRepo, cli: Cli) -> None:
    """Each line of a paragraph of "<id> | ..." lines asks whether another line of it is one
    too: the search stops at two, so 20,000 such lines are not 20,000 full scans."""
    import time

    lines = "".join(f"{n:07x}a | Task {n} | did a thing\n" for n in range(20_000))
    repo.write("SESSION_1_HANDOFF.md", f"# Session 1\n\n{lines}")
    repo.commit("Session 1 handoff")
    start = time.perf_counter()
    run = cli("check", "--format", "json", "SESSION_1_HANDOFF.md", cwd=repo.path)
    assert time.perf_counter() - start < 30.0  # minutes with a full scan per line
    assert run.code in (0, 1)
