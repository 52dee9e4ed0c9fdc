"""``handoff-lint facts``: the verified facts of the session window, to paste into a handoff."""

from __future__ import annotations

from pathlib import Path

import click

from handoff_lint.commands import fail


@click.command("facts")
@click.option(
    "--since",
    metavar="REF",
    envvar="HANDOFF_LINT_FACTS_SINCE",
    help="Start the window after REF instead of the previous handoff.",
)
@click.option(
    "--format",
    "fmt",
    envvar="HANDOFF_LINT_FACTS_FORMAT",
    type=click.Choice(["both", "markdown", "yaml", "template"]),
    default="both",
    show_default=True,
    help="Markdown block, YAML front matter, both, or a whole handoff document to complete.",
)
@click.option(
    "--template",
    is_flag=True,
    envvar="HANDOFF_LINT_FACTS_TEMPLATE",
    help="A whole handoff document that passes check unchanged (--format template).",
)
def facts_command(since: str | None, fmt: str, template: bool) -> int:
    """Print the verified facts of the current session window, to paste into a handoff."""
    from handoff_lint import config
    from handoff_lint.git.gitcmd import GitError
    from handoff_lint.session.window import WindowError
    from handoff_lint.tasks import facts

    try:
        settings = config.load(config.find(Path.cwd(), None))
        found = facts.collect(Path.cwd(), since, settings.include, settings.exclude)
    except (GitError, config.ConfigError, WindowError) as exc:
        return fail(exc)
    if template or fmt == "template":
        from handoff_lint.tasks import scaffold

        click.echo(scaffold.template(found), nl=False)
        return 0
    if fmt in ("both", "yaml"):
        click.echo(facts.front_matter(found))
    if fmt in ("both", "markdown"):
        click.echo(facts.markdown(found), nl=False)
    return 0
