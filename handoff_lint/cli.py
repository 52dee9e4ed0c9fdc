"""The command line: ``handoff-lint check|demo|schema``. Heavy modules are imported lazily."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from handoff_lint import __version__
from handoff_lint.reporters import NAMES

FORMATS = NAMES


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="handoff-lint")
def cli() -> None:
    """Check that session handoff documents tell the truth about the git history."""


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _use_color(color: str, output_file: Path | None) -> bool:
    if color != "auto":
        return color == "always"
    return output_file is None and not os.environ.get("NO_COLOR") and sys.stdout.isatty()


@cli.command()
@click.argument("files", nargs=-1)
@click.option(
    "--format",
    "--output-format",
    "fmt",
    envvar="HANDOFF_LINT_FORMAT",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format (--output-format: ruff's name).",
)
@click.option(
    "--output-file",
    "-o",
    envvar="HANDOFF_LINT_OUTPUT_FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file.",
)
@click.option(
    "--config",
    "config_path",
    envvar="HANDOFF_LINT_CONFIG",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Use this configuration file instead of searching for one.",
)
@click.option(
    "--schema",
    "schema_path",
    envvar="HANDOFF_LINT_SCHEMA",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Validate documents with this JSON Schema instead of the default.",
)
@click.option(
    "--select",
    multiple=True,
    envvar="HANDOFF_LINT_SELECT",
    help="Only these rules: ids, prefixes (HL3, HL3xx) or names; comma-separated.",
)
@click.option(
    "--ignore",
    multiple=True,
    envvar="HANDOFF_LINT_IGNORE",
    help="Never these rules (added to the configuration's).",
)
@click.option(
    "--since",
    metavar="REF",
    envvar="HANDOFF_LINT_SINCE",
    help="Start the session window after REF (overrides discovery).",
)
@click.option(
    "--diff",
    metavar="BASE...HEAD",
    envvar="HANDOFF_LINT_DIFF",
    help="Lint only the handoff documents this range adds or changes (a pull request).",
)
@click.option(
    "--staged",
    is_flag=True,
    envvar="HANDOFF_LINT_STAGED",
    help="Lint the staged handoff documents, as staged (git hook use).",
)
@click.option(
    "--no-git",
    is_flag=True,
    envvar="HANDOFF_LINT_NO_GIT",
    help="Only parse and validate the schema; make no git checks.",
)
@click.option(
    "--min-accuracy",
    type=click.FloatRange(0, 1),
    envvar="HANDOFF_LINT_MIN_ACCURACY",
    help="Fail when a document's accuracy (verified / checked claims) is lower.",
)
@click.option(
    "--junit-xml",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    envvar="HANDOFF_LINT_JUNIT_XML",
    help="Check 'X/Y tests passing' claims against this JUnit XML report.",
)
@click.option(
    "--baseline",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    envvar="HANDOFF_LINT_BASELINE",
    help="Report only findings this baseline lacks.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="HANDOFF_LINT_WRITE_BASELINE",
    help="Record today's findings and exit 0.",
)
@click.option(
    "--fix",
    is_flag=True,
    envvar="HANDOFF_LINT_FIX",
    help="Rewrite, in place, the refuted claims git settles exactly (a line count, a "
    "percentage, a diff stat, a commit's subject, a year or month, a list's count) and "
    "mojibake; atomically, keeping permissions, encoding and line endings.",
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    envvar="HANDOFF_LINT_UNSAFE_FIXES",
    help="With --fix or --show-fixes, also the fixes to review: an unknown commit's id from "
    "its subject, a file's action word, a count git gives.",
)
@click.option(
    "--show-fixes",
    is_flag=True,
    envvar="HANDOFF_LINT_SHOW_FIXES",
    help="Print the diff --fix would apply, without writing.",
)
@click.option(
    "--exit-zero",
    is_flag=True,
    envvar="HANDOFF_LINT_EXIT_ZERO",
    help="Exit 0 even when there are errors.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    envvar="HANDOFF_LINT_FORCE_EXCLUDE",
    help="Apply the configured exclude to files named on the command line too (hooks).",
)
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="With '-' as the file: the path the document read from standard input stands for.",
)
@click.option(
    "--require-history",
    is_flag=True,
    envvar="HANDOFF_LINT_REQUIRE_HISTORY",
    help="Exit 2 in a shallow clone (where older history cannot be judged).",
)
@click.option(
    "--statistics",
    is_flag=True,
    envvar="HANDOFF_LINT_STATISTICS",
    help="Also count the findings per rule.",
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    envvar="HANDOFF_LINT_QUIET",
    help="Only the findings, no summary.",
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    envvar="HANDOFF_LINT_VERBOSE",
    help="Also show info findings (unverifiable claims).",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    envvar="HANDOFF_LINT_COLOR",
    show_default=True,
    help="Color the text report (NO_COLOR works too).",
)
def check(
    files: tuple[str, ...],
    fmt: str,
    output_file: Path | None,
    config_path: Path | None,
    schema_path: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    since: str | None,
    diff: str | None,
    staged: bool,
    no_git: bool,
    min_accuracy: float | None,
    junit_xml: Path | None,
    baseline: Path | None,
    write_baseline: Path | None,
    fix: bool,
    unsafe_fixes: bool,
    show_fixes: bool,
    exit_zero: bool,
    force_exclude: bool,
    stdin_filename: str | None,
    require_history: bool,
    statistics: bool,
    quiet: bool,
    verbose: bool,
    color: str,
) -> int:
    """Lint FILES, or every handoff document in the repository when none are given."""
    from handoff_lint import outcome, pipeline

    stdin = _stdin(files, stdin_filename)
    if stdin is not None:
        files = (str(stdin_filename),)
    from handoff_lint.discover import is_glob

    missing = [f for f in files if not Path(f).exists() and not is_glob(f) and stdin is None]
    if missing:
        raise click.UsageError(f"no such file: {missing[0]}")
    if fix and staged:
        raise click.UsageError(
            "--fix repairs the work tree, not the staged blob: run it without --staged, "
            "then git add the document"
        )
    options = pipeline.Options(
        schema_path=schema_path,
        since=since,
        no_git=no_git,
        staged=staged,
        config_path=config_path,
        select=_split(select),
        ignore=_split(ignore),
        diff=diff,
        junit_xml=junit_xml,
        require_history=require_history,
        force_exclude=force_exclude,
        stdin=stdin,
    )
    request = outcome.Request(
        fmt,
        output_file,
        baseline,
        write_baseline,
        min_accuracy,
        exit_zero,
        statistics,
        quiet,
        verbose,
        _use_color(color, output_file),
        fix,
        show_fixes,
        Path.cwd(),
        unsafe_fixes,
    )
    try:
        result = pipeline.run(list(files), options)
        return outcome.report(result, request)
    except (pipeline.UsageError, ValueError, OSError) as exc:
        click.echo(f"handoff-lint: error: {exc}", err=True)
        return 2


def _stdin(files: tuple[str, ...], name: str | None) -> bytes | None:
    """The document on standard input when the one file is '-' (editors pipe the buffer)."""
    if "-" not in files:
        return None
    if files != ("-",) or not name:
        raise click.UsageError("'-' reads one document from standard input: give --stdin-filename")
    from handoff_lint import source

    data = sys.stdin.buffer.read(source.MAX_BYTES + 1)
    if len(data) > source.MAX_BYTES:
        raise click.UsageError(f"standard input is larger than {source.MAX_BYTES} bytes")
    return data


@cli.command()
@click.option("--keep", is_flag=True, help="Keep the demo repository and print where it is.")
def demo(keep: bool) -> int:
    """Build a throwaway repository with a handoff document, lint it and print the report."""
    from handoff_lint import demo as demo_module

    return demo_module.run(keep)


@cli.command("facts")
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
    from handoff_lint import config, facts
    from handoff_lint.gitcmd import GitError
    from handoff_lint.window import WindowError

    try:
        settings = config.load(config.find(Path.cwd(), None))
        found = facts.collect(Path.cwd(), since, settings.include, settings.exclude)
    except (GitError, config.ConfigError, WindowError) as exc:
        click.echo(f"handoff-lint: error: {exc}", err=True)
        return 2
    if template or fmt == "template":
        from handoff_lint import scaffold

        click.echo(scaffold.template(found), nl=False)
        return 0
    if fmt in ("both", "yaml"):
        click.echo(facts.front_matter(found))
    if fmt in ("both", "markdown"):
        click.echo(facts.markdown(found), nl=False)
    return 0


@cli.command("init")
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
    from handoff_lint import scaffold
    from handoff_lint.gitcmd import GitError

    if agent is not None:
        try:
            path, added = scaffold.claude_settings(Path.cwd())
        except (GitError, ValueError, OSError) as exc:
            click.echo(f"handoff-lint: error: {exc}", err=True)
            return 2
        click.echo(f"{'added the hook to' if added else 'the hook is already in'} {path}")
        return 0
    try:
        written = scaffold.init(Path.cwd(), force, strict)
    except (GitError, FileExistsError) as exc:
        click.echo(f"handoff-lint: error: {exc}", err=True)
        return 2
    for path in written:
        click.echo(f"wrote {path}")
    return 0


@cli.command("agent-hook")
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
    from handoff_lint import agent_hook

    return agent_hook.run(timeout)


@cli.command("audit")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    envvar="HANDOFF_LINT_AUDIT_FORMAT",
)
@click.option(
    "--html",
    "html_file",
    envvar="HANDOFF_LINT_AUDIT_HTML",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a self-contained HTML report with a chart of accuracy over time.",
)
def audit_command(fmt: str, html_file: Path | None) -> int:
    """Lint every handoff document in the history at the commit that added it."""
    import json

    from handoff_lint import audit, pipeline
    from handoff_lint.gitcmd import GitError

    try:
        entries = audit.run(Path.cwd())
    except (GitError, pipeline.UsageError) as exc:
        click.echo(f"handoff-lint: error: {exc}", err=True)
        return 2
    if html_file is not None:
        from handoff_lint.hygiene import scrub

        try:
            html_file.write_text(scrub(audit.page(entries)), encoding="utf-8")
        except OSError as exc:  # one line, as for check -o: no traceback
            click.echo(
                f"handoff-lint: error: cannot write {html_file}: {exc.strerror or exc}", err=True
            )
            return 2
    output = (
        json.dumps(audit.data(entries), indent=2) + "\n" if fmt == "json" else audit.text(entries)
    )
    click.echo(output, nl=False)
    return 0


@cli.command("install-hook")
@click.option(
    "--force",
    is_flag=True,
    envvar="HANDOFF_LINT_INSTALL_HOOK_FORCE",
    help="Replace a pre-commit hook that is not handoff-lint's.",
)
def install_hook(force: bool) -> int:
    """Install hooks/pre-commit as this repository's git pre-commit hook."""
    from handoff_lint import install
    from handoff_lint.gitcmd import GitError

    try:
        done, message = install.install(Path.cwd(), force)
    except (GitError, OSError) as exc:
        click.echo(f"handoff-lint: error: {exc}", err=True)
        return 2
    click.echo(message, err=not done)
    return 0 if done else 2  # a refusal (another hook is there) is a usage problem, as in ruff


@cli.command("rules")
def list_rules() -> int:
    """List the rules: id, name, default severity and what each one reports."""
    from handoff_lint.rules import RULES

    for rule in RULES.values():
        click.echo(f"{rule.id}  {rule.name:<24} {rule.severity:<8} {rule.summary}")
    return 0


@cli.command("rule")
@click.argument("rule_id")
def explain_rule(rule_id: str) -> int:
    """Explain one rule (HL201, or its name unknown-commit) with an example."""
    from handoff_lint import rules

    text = rules.explain(rule_id)
    if text is None:
        click.echo(
            f"handoff-lint: error: no rule {rule_id!r} (handoff-lint rules lists them)", err=True
        )
        return 2
    click.echo(text)
    return 0


@cli.command()
@click.option("--model", is_flag=True, help="Print the document-model schema instead.")
@click.option("--strict", is_flag=True, help="Print the stricter, opt-in handoff schema instead.")
def schema(model: bool, strict: bool) -> int:
    """Print the default handoff schema (JSON Schema 2020-12)."""
    from handoff_lint import schema as schema_module

    name = schema_module.DEFAULT_SCHEMA
    if model or strict:
        name = "document-model.schema.json" if model else schema_module.STRICT_SCHEMA
    click.echo((schema_module.schema_dir() / name).read_text(encoding="utf-8"), nl=False)
    return 0


class _Scrubbed:
    """A text stream whose writes go out with every secret redacted (hygiene.scrub): the one
    boundary that standard output and standard error cross, whatever the format."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from handoff_lint.hygiene import scrub

        self._stream.write(scrub(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code: 0 clean, 1 errors found, 2 usage or setup problem."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Scrubbed(out), _Scrubbed(err)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def _main(argv: list[str] | None) -> int:
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


def run() -> None:
    """The console script: ``main()``, then exit without the interpreter's teardown.

    handoff-lint only reads. When ``main`` returns, every file it wrote is closed and every git
    process it started has been waited for, so nothing is left to finalize; tearing down
    GitPython's, mistune's and click's modules cost 25-60 ms of every commit's hook.
    """
    if sys.stdout is None:  # started with standard output closed (``>&-``)
        print("handoff-lint: error: standard output is closed", file=sys.stderr)
        os._exit(2)
    code = main()
    patterns = sys.modules.get("handoff_lint.lazyre")
    if patterns is not None:  # the compiled patterns' code, for the next run (lazyre)
        patterns.save()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # the reader went away (``| head``) or closed it
        code = code or 1
    os._exit(code)


if __name__ == "__main__":
    run()
