"""SARIF's helpUri: every rule's link lands on an anchor of docs/rules.md, under the project's
Repository URL from pyproject.toml. Real temp repository, the real CLI."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli

ROOT = Path(__file__).resolve().parent.parent

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def _driver(repo: ScratchRepo, cli: Cli) -> dict[str, Any]:
    repo.commit("work", {"a.py": "1\n"})
    repo.commit("handoff", {"SESSION_1_HANDOFF.md": "# H\n\n## Files Created\n\n- `a.py`\n"})
    run = cli("check", "--format", "sarif", cwd=repo.path)
    driver: dict[str, Any] = run.json()["runs"][0]["tool"]["driver"]
    return driver


def test_every_help_uri_fragment_is_an_anchor_of_the_rules_page(
    repo: ScratchRepo, cli: Cli
) -> None:
    from handoff_lint.checks.rules import RULES

    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    anchors = re.findall(r'<a id="([^"]+)"></a>\n\*\*(HL\d+) ', docs)  # right before its rule
    rules = _driver(repo, cli)["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    for rule in rules:
        page, _, fragment = rule["helpUri"].partition("#")
        assert page.endswith("/blob/main/docs/rules.md")
        assert (fragment, rule["id"]) in anchors, rule["helpUri"]


def test_the_base_url_comes_from_project_urls(repo: ScratchRepo, cli: Cli) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    base = project["urls"]["Repository"].rstrip("/")
    driver = _driver(repo, cli)
    assert driver["informationUri"] == base
    assert all(r["helpUri"].startswith(base + "/blob/main/") for r in driver["rules"])
