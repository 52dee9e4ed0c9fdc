"""``handoff-lint check``: lint handoff documents against the git history (the pipeline)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from handoff_lint.commands import fail
from handoff_lint.reporters import NAMES

FORMATS = NAMES


@click.command()
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
def check(**given: Any) -> int:
    """Lint FILES, or every handoff document in the repository when none are given."""
    from handoff_lint import pipeline
    from handoff_lint.report import outcome

    args = CheckArgs(**given)
    stdin = _inputs(args.files, args.stdin_filename, args.fix, args.staged)
    files = args.files if stdin is None else (str(args.stdin_filename),)
    options = pipeline.Options(
        schema_path=args.schema_path,
        since=args.since,
        no_git=args.no_git,
        staged=args.staged,
        config_path=args.config_path,
        select=_split(args.select),
        ignore=_split(args.ignore),
        diff=args.diff,
        junit_xml=args.junit_xml,
        require_history=args.require_history,
        force_exclude=args.force_exclude,
        stdin=stdin,
    )
    request = outcome.Request(
        args.fmt,
        args.output_file,
        args.baseline,
        args.write_baseline,
        args.min_accuracy,
        args.exit_zero,
        args.statistics,
        args.quiet,
        args.verbose,
        _use_color(args.color, args.output_file),
        args.fix,
        args.show_fixes,
        Path.cwd(),
        args.unsafe_fixes,
    )
    try:
        return outcome.report(pipeline.run(list(files), options), request)
    except (pipeline.UsageError, ValueError, OSError) as exc:
        return fail(exc)


@dataclass(frozen=True)
class CheckArgs:
    """check's arguments as click passes them, one field per parameter name above (a name
    click gives and this lacks, or the reverse, is a TypeError at the first run of any test)."""

    files: tuple[str, ...]
    fmt: str
    output_file: Path | None
    config_path: Path | None
    schema_path: Path | None
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    since: str | None
    diff: str | None
    staged: bool
    no_git: bool
    min_accuracy: float | None
    junit_xml: Path | None
    baseline: Path | None
    write_baseline: Path | None
    fix: bool
    unsafe_fixes: bool
    show_fixes: bool
    exit_zero: bool
    force_exclude: bool
    stdin_filename: str | None
    require_history: bool
    statistics: bool
    quiet: bool
    verbose: bool
    color: str


def _inputs(
    files: tuple[str, ...], stdin_filename: str | None, fix: bool, staged: bool
) -> bytes | None:
    """Refuse what cannot be linted as asked (a missing file, --fix with --staged); the
    document on standard input when the one file is '-'."""
    stdin = _stdin(files, stdin_filename)
    if stdin is not None:
        files = (str(stdin_filename),)
    from handoff_lint.document.discover import is_glob

    missing = [f for f in files if not Path(f).exists() and not is_glob(f) and stdin is None]
    if missing:
        raise click.UsageError(f"no such file: {missing[0]}")
    if fix and staged:
        raise click.UsageError(
            "--fix repairs the work tree, not the staged blob: run it without --staged, "
            "then git add the document"
        )
    return stdin


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _use_color(color: str, output_file: Path | None) -> bool:
    if color != "auto":
        return color == "always"
    return output_file is None and not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def _stdin(files: tuple[str, ...], name: str | None) -> bytes | None:
    """The document on standard input when the one file is '-' (editors pipe the buffer)."""
    if "-" not in files:
        return None
    if files != ("-",) or not name:
        raise click.UsageError("'-' reads one document from standard input: give --stdin-filename")
    from handoff_lint.document import source

    data = sys.stdin.buffer.read(source.MAX_BYTES + 1)
    if len(data) > source.MAX_BYTES:
        raise click.UsageError(f"standard input is larger than {source.MAX_BYTES} bytes")
    return data
