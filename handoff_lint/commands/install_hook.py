"""``handoff-lint install-hook``: handoff-lint as the repository's git pre-commit hook."""

from __future__ import annotations

from pathlib import Path

import click

from handoff_lint.commands import fail


@click.command("install-hook")
@click.option(
    "--force",
    is_flag=True,
    envvar="HANDOFF_LINT_INSTALL_HOOK_FORCE",
    help="Replace a pre-commit hook that is not handoff-lint's.",
)
def install_hook(force: bool) -> int:
    """Install hooks/pre-commit as this repository's git pre-commit hook."""
    from handoff_lint.git.gitcmd import GitError
    from handoff_lint.tasks import install

    try:
        done, message = install.install(Path.cwd(), force)
    except (GitError, OSError) as exc:
        return fail(exc)
    click.echo(message, err=not done)
    return 0 if done else 2  # a refusal (another hook is there) is a usage problem, as in ruff
