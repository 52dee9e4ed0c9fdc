"""``handoff-lint rules`` and ``handoff-lint rule ID``: the rule table and one rule explained."""

from __future__ import annotations

import click

from handoff_lint.commands import fail


@click.command("rules")
def list_rules() -> int:
    """List the rules: id, name, default severity and what each one reports."""
    from handoff_lint.checks.rules import RULES

    for rule in RULES.values():
        click.echo(f"{rule.id}  {rule.name:<24} {rule.severity:<8} {rule.summary}")
    return 0


@click.command("rule")
@click.argument("rule_id")
def explain_rule(rule_id: str) -> int:
    """Explain one rule (HL201, or its name unknown-commit) with an example."""
    from handoff_lint.checks import rules

    text = rules.explain(rule_id)
    if text is None:
        return fail(f"no rule {rule_id!r} (handoff-lint rules lists them)")
    click.echo(text)
    return 0
