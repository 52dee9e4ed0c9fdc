"""The command line: ``handoff-lint check|demo|schema``. Heavy modules are imported lazily."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from handoff_lint import __version__

FORMATS = ("text", "json")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="handoff-lint")
def cli() -> None:
    """Check that session handoff documents tell the truth about the git history."""


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    envvar="HANDOFF_LINT_FORMAT",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--schema",
    "schema_path",
    envvar="HANDOFF_LINT_SCHEMA",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Validate documents with this JSON Schema instead of the default.",
)
@click.option(
    "--since",
    metavar="REF",
    envvar="HANDOFF_LINT_SINCE",
    help="Start the session window after REF (overrides discovery).",
)
@click.option(
    "--no-git",
    is_flag=True,
    envvar="HANDOFF_LINT_NO_GIT",
    help="Only parse and validate the schema; make no git checks.",
)
@click.option(
    "--staged",
    is_flag=True,
    envvar="HANDOFF_LINT_STAGED",
    help="Lint the staged handoff documents (git hook use).",
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    envvar="HANDOFF_LINT_VERBOSE",
    help="Also show info findings (unverifiable claims).",
)
def check(
    files: tuple[str, ...],
    fmt: str,
    schema_path: Path | None,
    since: str | None,
    no_git: bool,
    staged: bool,
    verbose: bool,
) -> int:
    """Lint FILES, or every handoff document in the repository when none are given."""
    from handoff_lint import pipeline, reporters

    options = pipeline.Options(schema_path=schema_path, since=since, no_git=no_git, staged=staged)
    missing = [f for f in files if not Path(f).exists()]
    if missing:
        raise click.UsageError(f"no such file: {missing[0]}")
    try:
        result = pipeline.run(list(files), options)
    except pipeline.UsageError as exc:
        click.echo(f"handoff-lint: error: {exc}", err=True)
        return 2
    output = reporters.get(fmt)(result, reporters.ReportOptions(verbose=verbose))
    click.echo(output, nl=False)
    return 1 if result.failed else 0


@cli.command()
@click.option("--keep", is_flag=True, help="Keep the demo repository and print where it is.")
def demo(keep: bool) -> int:
    """Build a throwaway repository with a handoff document, lint it and print the report."""
    from handoff_lint import demo as demo_module

    return demo_module.run(keep)


@cli.command("rules")
def list_rules() -> int:
    """List the rules: id, name, default severity and what each one reports."""
    from handoff_lint.rules import RULES

    for rule in RULES.values():
        click.echo(f"{rule.id}  {rule.name:<24} {rule.severity:<8} {rule.summary}")
    return 0


@cli.command()
@click.option("--model", is_flag=True, help="Print the document-model schema instead.")
def schema(model: bool) -> int:
    """Print the default handoff schema (JSON Schema 2020-12)."""
    from handoff_lint import schema as schema_module

    name = "document-model.schema.json" if model else schema_module.DEFAULT_SCHEMA
    click.echo((schema_module.schema_dir() / name).read_text(encoding="utf-8"), nl=False)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code: 0 clean, 1 errors found, 2 usage or setup problem."""
    try:
        code = cli.main(args=argv, prog_name="handoff-lint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.Abort:
        click.echo("aborted", err=True)
        return 2
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    sys.exit(main())
