"""``handoff-lint demo``: lint a throwaway repository's handoff document."""

from __future__ import annotations

import click


@click.command()
@click.option("--keep", is_flag=True, help="Keep the demo repository and print where it is.")
def demo(keep: bool) -> int:
    """Build a throwaway repository with a handoff document, lint it and print the report."""
    from handoff_lint.tasks import demo as demo_module

    return demo_module.run(keep)
