"""``handoff-lint audit``: every handoff document of the history, judged when it was added."""

from __future__ import annotations

from pathlib import Path

import click

from handoff_lint.commands import fail


@click.command("audit")
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

    from handoff_lint import pipeline
    from handoff_lint.git.gitcmd import GitError
    from handoff_lint.tasks import audit

    try:
        entries = audit.run(Path.cwd())
    except (GitError, pipeline.UsageError) as exc:
        return fail(exc)
    if html_file is not None:
        from handoff_lint.checks.hygiene import scrub

        try:
            html_file.write_text(scrub(audit.page(entries)), encoding="utf-8")
        except OSError as exc:  # one line, as for check -o: no traceback
            return fail(f"cannot write {html_file}: {exc.strerror or exc}")
    output = (
        json.dumps(audit.data(entries), indent=2) + "\n" if fmt == "json" else audit.text(entries)
    )
    click.echo(output, nl=False)
    return 0
