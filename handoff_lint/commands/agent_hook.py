"""``handoff-lint agent-hook``: the coding agent's hook (Claude Code), run on its events."""

from __future__ import annotations

import click


@click.command("agent-hook")
@click.option(
    "--timeout",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    envvar="HANDOFF_LINT_AGENT_HOOK_TIMEOUT",
    help="Seconds before the hook gives up and lets the agent go on (fails open).",
)
def agent_hook_command(timeout: int) -> int:
    """Claude Code hook: read the event on stdin, block the agent while its handoff is false."""
    from handoff_lint.tasks import agent_hook

    return agent_hook.run(timeout)
