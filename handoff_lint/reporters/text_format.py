"""``--format text``: 'path:line:col: RULE message' lines, then a summary per document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handoff_lint.reporters import ReportOptions, register, shown, visible

if TYPE_CHECKING:
    from handoff_lint.model import DocumentResult, Finding, RunResult


def _accuracy_line(result: DocumentResult) -> str:
    acc = result.accuracy()
    score = f"{acc['score']:.0%}" if acc["score"] is not None else "n/a"
    window = (
        f"window {result.window.describe()} ({result.window.explain()})"
        if result.window
        else "no window"
    )
    return (
        f"{result.path}: {len(result.claims)} claims: {acc['verified']} verified, "
        f"{acc['refuted']} refuted, {acc['unverifiable']} unverifiable; accuracy {score}; {window}"
    )


COLORS = {"error": "31", "warning": "33", "info": "36"}


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def _listed(result: DocumentResult, verbose: bool) -> list[Finding]:
    """The findings shown, and (after --fix) each fixed one, as its "fixed:" line."""
    kept = shown(result.findings, verbose)
    return [f for f in result.findings if f.fixed or any(f is k for k in kept)]


def _summary(run: RunResult, verbose: bool) -> str:
    """The total line: errors, warnings, info; after --fix, the fixed and remaining ones."""
    findings = [f for d in run.documents for f in d.findings]
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    fixed = sum(1 for f in findings if f.fixed)
    infos = sum(1 for f in findings if f.severity == "info") - fixed
    hidden = "" if verbose or not infos else " (-v shows the info findings)"
    repaired = f"; {fixed} fixed, {errors + warnings} remaining" if fixed else ""
    return (
        f"{len(run.documents)} document(s): {errors} error(s), {warnings} warning(s), "
        f"{infos} info{hidden}{repaired}"
    )


def render(run: RunResult, options: ReportOptions) -> str:
    """The findings, then (unless quiet) an accuracy line for each document with findings
    shown (every document with -v) and a total. Quiet on success: a clean document gets no
    line of its own."""
    out: list[str] = []
    for result in run.documents:
        for finding in _listed(result, options.verbose):
            where = f"{visible(result.path)}:{finding.line}:{finding.column}:"
            where = _paint(where, "1", options.color)
            rule = _paint(
                f"{finding.rule} [{finding.severity}]", COLORS[finding.severity], options.color
            )
            out.append(f"{where} {rule} {visible(finding.message)}")
    if options.quiet:
        return "\n".join(out) + ("\n" if out else "")
    if out:
        out.append("")
    for result in run.documents:
        if options.verbose or _listed(result, False):
            out.append(visible(_accuracy_line(result)))
    out.append(_summary(run, options.verbose))
    return "\n".join(out) + "\n"


register("text", render)
