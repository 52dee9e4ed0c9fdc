"""Every rule id the code writes is a registered rule with its documentation: a typo in a
literal ("HL3O2") fails here, not as a run-time HL902 when the rule first fires."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from handoff_lint.checks.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
RULE_ID = re.compile(r"^HL\d{3}$")
LOOKS_LIKE = re.compile(r"^H[Ll][\dOoIl]{3}$")  # what a mistyped id looks like


def _literals() -> dict[str, list[str]]:
    """Rule-id-like string constants outside docstrings, by value, with where they are."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "handoff_lint").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            if id(node) not in docstrings and LOOKS_LIKE.match(node.value):
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                found.setdefault(node.value, []).append(where)
    return found


def test_every_rule_id_in_the_code_is_registered() -> None:
    literals = _literals()
    assert len(literals) > 30  # the scan sees the ids the claim kinds and checks write
    unknown = {rule: where for rule, where in literals.items() if rule not in RULES}
    assert unknown == {}


def test_every_registered_rule_is_written_somewhere_and_documented() -> None:
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8").lower()
    literals = _literals()
    for rule in RULES:
        assert RULE_ID.match(rule)
        assert rule in literals, f"{rule} is registered but no module reports it"
        assert f'<a id="{rule.lower()}-' in docs, f"{rule} has no entry in docs/rules.md"
