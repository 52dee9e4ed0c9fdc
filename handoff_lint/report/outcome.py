"""After the pipeline: baselines, the report, its destination, and the exit code."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from handoff_lint.model import Claim, DocumentResult, RunResult


@dataclass(frozen=True)
class Request:
    fmt: str
    output_file: Path | None
    baseline: Path | None
    write_baseline: Path | None
    min_accuracy: float | None
    exit_zero: bool
    statistics: bool
    quiet: bool
    verbose: bool
    color: bool
    fix: bool = False
    show_fixes: bool = False
    cwd: Path = Path(".")
    unsafe_fixes: bool = False


def _statistics(run: RunResult) -> str:
    counts = Counter((f.rule, f.name) for d in run.documents for f in d.findings)
    return "".join(f"{n:5d}  {rule} {name}\n" for (rule, name), n in counts.most_common())


def _below(run: RunResult, floor: float | None) -> list[str]:
    if floor is None:
        return []
    out = []
    for document in run.documents:
        score = document.accuracy()["score"]
        if score is not None and score < floor:
            out.append(f"{document.path}: accuracy {score:.0%} is below the minimum {floor:.0%}")
    return out


def _repairs(run: RunResult, request: Request) -> int:
    """--fix rewrites documents with mojibake (and drops HL104) and the claims git settles
    exactly (their findings become "fixed" notes), the unsafe fixes too with --unsafe-fixes;
    --show-fixes prints the diff. Returns how many unsafe fixes were left unapplied."""
    from handoff_lint.report import fixer

    hidden = 0
    for document in run.documents:
        fixable = [c for c in document.claims if fixer.kind(c)]
        if not fixable and not any(f.rule == "HL104" for f in document.findings):
            continue
        path = request.cwd / document.path
        if not request.unsafe_fixes:
            hidden += _unsafe_count(path, document.claims)
        if request.fix:
            done = fixer.fix(path, document.claims, request.unsafe_fixes)
            if done is None:
                click.echo(f"handoff-lint: {document.path} is a symbolic link: not fixed", err=True)
                continue
            count, fixed = done
            _mark_fixed(document, fixed)
            click.echo(f"handoff-lint: fixed {count} line(s) of {document.path}", err=True)
        elif request.show_fixes:
            from handoff_lint.reporters import root_path

            name = root_path(run, document.path)
            diff = fixer.preview(path, name, document.claims, request.unsafe_fixes)
            click.echo(diff, nl=False)
    return hidden


def _unsafe_count(path: Path, claims: list[Claim]) -> int:
    """The unsafe fixes the document (as it is in the work tree) would take; 0 when it cannot
    be read (a document from standard input)."""
    from handoff_lint.document import source
    from handoff_lint.report import fixer

    if not any(fixer.kind(c) == "unsafe" for c in claims):
        return 0
    try:
        return fixer.unsafe_available(path, claims)
    except (OSError, source.NotText):
        return 0


def _mark_fixed(document: DocumentResult, fixed: list[Claim]) -> None:
    """Mojibake findings go; a fixed claim's finding stays, as a note that says "fixed"."""
    kept = []
    for finding in document.findings:
        if finding.rule == "HL104":
            continue
        if finding.claim is not None and any(c is finding.claim for c in fixed):
            finding.severity = "info"
            finding.message = f"fixed: {finding.message}"
            finding.fixed = True
        kept.append(finding)
    document.findings = kept


def _shallow(run: RunResult) -> str:
    """The warning of a shallow clone: how many claims were left unjudged, and the fix."""
    from handoff_lint.pipeline import SHALLOW

    claims = [c for d in run.documents for c in d.claims]
    unjudged = sum(1 for c in claims if c.verdict == "unverifiable")
    return (
        f"{unjudged} of {len(claims)} claims are unverifiable; {SHALLOW}; "
        "--require-history (or require_history = true) makes this an error"
    )


def report(run: RunResult, request: Request) -> int:
    """Write the report and return the exit code (0 clean, 1 errors or low accuracy)."""
    from handoff_lint import reporters
    from handoff_lint.report import baseline

    for warning in run.warnings:
        click.echo(f"handoff-lint: warning: {warning}", err=True)
    if request.write_baseline is not None:
        count = baseline.write(run, request.write_baseline)
        click.echo(f"handoff-lint: wrote {count} finding(s) to {request.write_baseline}", err=True)
        return 0
    hidden = _repairs(run, request)
    if request.baseline is not None:
        baseline.apply(run, baseline.read(request.baseline))
    options = reporters.ReportOptions(
        verbose=request.verbose, quiet=request.quiet, color=request.color
    )
    text = reporters.get(request.fmt)(run, options)
    if request.statistics and request.fmt == "text":
        text += _statistics(run)
    if hidden and request.fmt == "text" and not request.quiet:
        text += (
            f"{hidden} unsafe fix(es) available: --fix --unsafe-fixes applies them "
            "(--show-fixes --unsafe-fixes shows them first)\n"
        )
    low = _below(
        run, request.min_accuracy if request.min_accuracy is not None else run.settings.min_accuracy
    )
    if request.output_file is not None:
        from handoff_lint.checks.hygiene import scrub

        request.output_file.write_text(scrub(text), encoding="utf-8")
    else:
        click.echo(text, nl=False, color=request.color)
    for line in low:
        click.echo(f"handoff-lint: {line}", err=True)
    if run.shallow:
        click.echo(f"handoff-lint: warning: {_shallow(run)}", err=True)
    if any(f.rule == "HL902" for d in run.documents for f in d.findings):
        return 2  # an internal error: the report is incomplete, whatever --exit-zero says
    if request.exit_zero:
        return 0
    return 1 if run.failed or low else 0
