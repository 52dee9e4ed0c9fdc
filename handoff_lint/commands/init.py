"""``handoff-lint init``: a starter configuration and handoff template, or the agent's hook."""

from __future__ import annotations

from pathlib import Path

import click

from handoff_lint.commands import fail


@click.command("init")
@click.option(
    "--force", is_flag=True, envvar="HANDOFF_LINT_INIT_FORCE", help="Overwrite existing files."
)
@click.option(
    "--strict",
    is_flag=True,
    help="Also write the stricter schema (a date, a summary section, a commit or file claim) "
    "and use it.",
)
@click.option(
    "--agent",
    type=click.Choice(["claude"]),
    help="Only add handoff-lint's hook to the agent's settings (.claude/settings.json).",
)
def init_command(force: bool, strict: bool, agent: str | None) -> int:
    """Write a starter .handoff-lint.toml and a handoff template filled with this session's facts."""
    from handoff_lint.git.gitcmd import GitError
    from handoff_lint.tasks import scaffold

    if agent is not None:
        try:
            path, added = scaffold.claude_settings(Path.cwd())
        except (GitError, ValueError, OSError) as exc:
            return fail(exc)
        click.echo(f"{'added the hook to' if added else 'the hook is already in'} {path}")
        return 0
    try:
        written = scaffold.init(Path.cwd(), force, strict)
    except (GitError, FileExistsError) as exc:
        return fail(exc)
    for path in written:
        click.echo(f"wrote {path}")
    return 0
