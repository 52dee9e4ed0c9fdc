"""'handoff-lint facts' and 'init': what they print is what check verifies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli


def _session(repo: ScratchRepo) -> None:
    repo.commit(
        "base",
        {
            "app/old.py": "OLD = 1\n",
            "app/gone.py": "GONE = 2\n",
            "app/keep.py": "1\n",
            "tests/test_app.py": "def test_one():\n    pass\n",
        },
    )
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# S1\n"})
    repo.commit("Add the API", {"app/api.py": "def get():\n    return 1\n", "app/keep.py": "2\n"})
    repo.git("mv", "app/old.py", "app/new.py")
    repo.commit("Rename and prune", remove=["app/gone.py"])
    repo.commit(
        "Test the API",
        {"tests/test_app.py": "def test_one():\n    pass\n\n\ndef test_api():\n    pass\n"},
    )


def test_facts_paste_into_a_handoff_that_checks_clean(repo: ScratchRepo, cli: Cli) -> None:
    _session(repo)
    printed = cli("facts", cwd=repo.path)
    assert printed.code == 0
    front, _, body = printed.out.partition("---\n\n")
    assert "- `app/api.py`" in body and "Renamed `app/old.py` → `app/new.py`" in body
    assert "Added 1 test in `tests/test_app.py`: test_api" in body
    assert "files_deleted:\n- app/gone.py" in front
    doc = front + "---\n\n# Session 2 Handoff\n\n## Summary\n\nAPI work.\n\n" + body
    repo.write("SESSION_2_HANDOFF.md", doc)
    repo.git("add", "SESSION_2_HANDOFF.md")
    run = cli("check", "--format", "json", "--staged", cwd=repo.path)
    data = run.json()["documents"][0]
    assert run.code == 0, run.out
    assert data["accuracy"]["refuted"] == 0 and data["accuracy"]["verified"] >= 15


def test_init_writes_config_and_a_template_the_schema_accepts(repo: ScratchRepo, cli: Cli) -> None:
    _session(repo)
    run = cli("init", cwd=repo.path)
    assert run.code == 0 and ".handoff-lint.toml" in run.out
    template = repo.path / ".handoff-lint" / "handoff-template.md"
    check = cli("check", "--format", "json", "--no-git", str(template), cwd=repo.path)
    assert [
        f["rule"] for f in check.json()["documents"][0]["findings"] if f["severity"] != "info"
    ] == []
    assert cli("init", cwd=repo.path).code == 2  # never overwrites without --force
    assert cli("check", "--format", "json", cwd=repo.path).json()["summary"]["documents"] == 1


def test_audit_judges_each_document_at_the_commit_that_added_it(
    repo: ScratchRepo, cli: Cli, tmp_path: Path
) -> None:
    import json

    head = "# H\n\n**Date:** 2025-11-13\n\n## Summary\n\n## Files Created\n\n"
    repo.commit("work 1", {"a.py": "1\n"})
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": head + "- `a.py`\n"})
    repo.commit("work 2", {"b.py": "1\n"})
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": head + "- `b.py`\n- `nope.py`\n"})
    repo.commit("later edit", {"SESSION_1_HANDOFF.md": head + "- `zzz.py`\n"})  # not what was added
    page = tmp_path / "audit.html"
    run = cli("audit", "--format", "json", "--html", str(page), cwd=repo.path)
    docs = run.json()["documents"]
    assert [(d["path"], d["accuracy"]["score"]) for d in docs] == [
        ("SESSION_1_HANDOFF.md", 1.0),
        ("SESSION_2_HANDOFF.md", 0.6667),
    ]
    html = page.read_text()
    assert "<svg" in html and "<polyline" in html and "SESSION_2_HANDOFF.md" in html
    assert (
        json.loads(html.split('id="data">')[1].split("</script>")[0].replace("&quot;", '"'))[
            "version"
        ]
        == 1
    )
    text = cli("audit", cwd=repo.path).out
    assert "trend (oldest to newest): █▆" in text


def test_other_commands_read_their_environment_variables(
    repo: ScratchRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _session(repo)
    monkeypatch.setenv("HANDOFF_LINT_FORMAT", "json")  # check's variable: not the others'
    monkeypatch.setenv("HANDOFF_LINT_FACTS_FORMAT", "yaml")
    printed = cli("facts", cwd=repo.path).out
    assert printed.startswith("---") and "## " not in printed
    monkeypatch.setenv("HANDOFF_LINT_FACTS_SINCE", "HEAD~1")
    assert "app/api.py" not in cli("facts", cwd=repo.path).out  # only the last commit
    assert cli("init", cwd=repo.path).code == 0
    assert cli("init", cwd=repo.path).code == 2
    monkeypatch.setenv("HANDOFF_LINT_INIT_FORCE", "1")
    assert cli("init", cwd=repo.path).code == 0
    page = tmp_path / "env.html"
    monkeypatch.setenv("HANDOFF_LINT_AUDIT_FORMAT", "json")
    monkeypatch.setenv("HANDOFF_LINT_AUDIT_HTML", str(page))
    assert "documents" in cli("audit", cwd=repo.path).json() and page.exists()


def test_init_strict_opts_in_to_the_stricter_schema(repo: ScratchRepo, cli: Cli) -> None:
    """By default a handoff needs a title and a claim; `init --strict` writes the stricter
    schema (a date, a summary section, a commit or file claim) and the configuration uses it."""
    _session(repo)
    doc = "# Notes\n\n- 1/2 tests passing (50%)\n"
    (repo.path / "SESSION_9_HANDOFF.md").write_text(doc, encoding="utf-8")

    def schema_rules() -> list[str]:
        run = cli("check", "--format", "json", "SESSION_9_HANDOFF.md", cwd=repo.path)
        found = run.json()["documents"][0]["findings"]
        return sorted(f["message"].split(":")[0] for f in found if f["rule"] == "HL101")

    assert schema_rules() == []
    assert cli("init", "--strict", cwd=repo.path).code == 0
    assert (repo.path / ".handoff-lint" / "handoff.schema.json").exists()
    assert schema_rules() == ["/claims", "/date", "/sections"]
    strict = json.loads(cli("schema", "--strict", cwd=repo.path).out)
    assert strict["required"] == ["title", "date", "sections", "claims"]


def test_facts_template_is_a_handoff_that_checks_clean(repo: ScratchRepo, cli: Cli) -> None:
    """`facts --format template` prints a whole handoff (front matter, title, summary, facts,
    next steps) that passes check, staged as it is; the strict schema accepts it too."""
    _session(repo)
    printed = cli("facts", "--format", "template", cwd=repo.path)
    assert printed.code == 0 and printed.out.startswith("---\n")
    assert "# Session Handoff" in printed.out and "## Next Steps" in printed.out
    repo.write("SESSION_2_HANDOFF.md", printed.out)
    repo.git("add", "SESSION_2_HANDOFF.md")
    strict = str(Path(__file__).parent.parent / "schemas" / "handoff-strict.schema.json")
    run = cli("check", "--format", "json", "--staged", "--schema", strict, cwd=repo.path)
    data = run.json()["documents"][0]
    assert run.code == 0, run.out
    assert data["accuracy"]["refuted"] == 0 and data["accuracy"]["verified"] >= 15


def test_facts_leave_out_the_previous_session_committed_with_its_handoff(
    repo: ScratchRepo, cli: Cli
) -> None:
    """Session 1 committed its code together with its handoff: facts for session 2 list only
    session 2's commit and files, and its stat line matches them."""
    repo.commit("start", {"README.md": "x\n"})
    repo.commit("Session 1", {"app/one.py": "1\n", "SESSION_1_HANDOFF.md": "# S1\n"})
    work = repo.commit("Add two", {"app/two.py": "2\n"})
    out = cli("facts", "--format", "markdown", cwd=repo.path).out
    commits = out.split("### Commits\n\n")[1].split("\n\n")[0]
    assert commits == f"- {work[:7]} Add two\n  - 1 file changed, 1 insertion(+)", out
    assert "### Files Created\n\n- `app/two.py` (1 line)\n" in out and "app/one.py" not in out


def test_audit_html_to_an_unwritable_place_is_one_line(
    repo: ScratchRepo, cli: Cli, tmp_path: Path
) -> None:
    """`audit --html` where no file can be written: one line and exit 2, as `check -o`."""
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# S1\n"})
    page = tmp_path / "no" / "such" / "audit.html"
    run = cli("audit", "--html", str(page), cwd=repo.path)
    assert run.code == 2 and run.err.count("\n") == 1 and "audit.html" in run.err
    assert "Traceback" not in run.err and run.out == ""


def test_facts_template_committed_as_a_handoff_checks_clean(repo: ScratchRepo, cli: Cli) -> None:
    """`facts --template` gives each created or modified file its line count and the window
    its diff stat; written as a handoff and committed (today, as an agent would), `check`
    finds nothing, and those counts are claims git verified, not text it skipped."""
    import datetime as dt

    _session(repo)
    repo.commit("Add the logo", {"app/logo.png": "\x89PNG\x00\x01\n"})  # binary: no count
    printed = cli("facts", "--template", cwd=repo.path)
    assert printed.code == 0 and printed.out.startswith("---\n")
    assert "- `app/api.py` (2 lines)" in printed.out and "- `app/keep.py` (1 line)" in printed.out
    assert "- `app/logo.png`\n" in printed.out
    assert "**Diff stat:** 6 files changed, 7 insertions(+), 2 deletions(-)" in printed.out
    assert "- Added 1 test in `tests/test_app.py`: test_api" in printed.out
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    repo.commit("Add the session 2 handoff", {"SESSION_2_HANDOFF.md": printed.out}, when=now)
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    data = run.json()["documents"][0]
    assert run.code == 0 and data["findings"] == [], run.out
    found = {(c["kind"], c["text"]): c["verdict"] for c in data["claims"]}
    assert found[("lines", "2 lines")] == "verified"
    assert found[("lines", "1 line")] == "verified"
    assert found[("stats", "6 files changed, 7 insertions(+), 2 deletions(-)")] == "verified"
    assert found[("tests_added", "1")] == "verified"
    assert {v for v in found.values()} == {"verified"}
    assert cli("check", "--quiet", "SESSION_2_HANDOFF.md", cwd=repo.path).out == ""
