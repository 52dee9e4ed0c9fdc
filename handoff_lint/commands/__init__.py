"""The subcommands of ``handoff-lint``, one module each; ``handoff_lint.cli`` groups them.

Each module holds the click command and its options, and imports the stage modules it runs
inside the command's function: ``--help``, ``--version`` and ``rules`` import no more than
click, the reporters' names and the rule table (no GitPython, no claim kinds).
"""

from __future__ import annotations

import click


def fail(message: object) -> int:
    """Say ``handoff-lint: error: MESSAGE`` on standard error; exit status 2 (a usage or setup
    problem, not a finding)."""
    click.echo(f"handoff-lint: error: {message}", err=True)
    return 2
