"""A name that starts with a dot, written alone: a file, or code, or only extensions."""

from __future__ import annotations

import pytest

from handoff_lint.document.textscan import looks_like_path


@pytest.mark.parametrize(
    ("written", "path"),
    [
        (".mcp.json", True),  # a known extension after a name
        (".env.example", True),  # a dotfile's name
        (".gitignore", True),
        (".eslintrc.json", True),
        (".html.erb", False),  # "Removed `.html.erb` extensions": only extensions
        (".d.ts", False),
        (".md", False),
        (".app-bg", False),  # a CSS class
        (".in", False),  # a method
    ],
)
def test_a_name_that_starts_with_a_dot(written: str, path: bool) -> None:
    assert looks_like_path(written) is path


@pytest.mark.parametrize(
    ("written", "path"),
    [
        ("state/task-entry-YYYY-MM-DD.json", False),  # a name to fill in
        ("logs/YYYYMMDD_run.md", False),
        ("docs/session-XXX.md", False),
        ("NNN-title.md", False),
        ("src/XXXL.ts", True),  # a word that holds the letters
        ("docs/2025-01-02.md", True),  # a date filled in
        ("app/Xxx.py", True),
    ],
)
def test_a_template_name_is_not_a_file(written: str, path: bool) -> None:
    assert looks_like_path(written) is path


@pytest.mark.parametrize(
    ("written", "path"),
    [
        ("Code.gs", True),  # Google Apps Script
        ("build.sbt", True),
        ("kernels/add.cu", True),
        ("Shaders.metal", True),
        ("config.ron", True),
        ("api/users.http", True),
        ("e.g", False),  # no extension any language has
    ],
)
def test_the_files_of_less_common_languages(written: str, path: bool) -> None:
    assert looks_like_path(written) is path
