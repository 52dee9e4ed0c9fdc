"""``handoff-lint schema``: print a shipped JSON Schema."""

from __future__ import annotations

import click


@click.command()
@click.option("--model", is_flag=True, help="Print the document-model schema instead.")
@click.option("--strict", is_flag=True, help="Print the stricter, opt-in handoff schema instead.")
def schema(model: bool, strict: bool) -> int:
    """Print the default handoff schema (JSON Schema 2020-12)."""
    from handoff_lint.checks import schema as schema_module

    name = schema_module.DEFAULT_SCHEMA
    if model or strict:
        name = "document-model.schema.json" if model else schema_module.STRICT_SCHEMA
    click.echo((schema_module.schema_dir() / name).read_text(encoding="utf-8"), nl=False)
    return 0
