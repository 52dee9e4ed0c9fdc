"""``--format github``: GitHub Actions annotations (workflow commands), then the text report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handoff_lint.reporters import ReportOptions, register, root_path, shown
from handoff_lint.reporters.text_format import render as render_text

if TYPE_CHECKING:
    from handoff_lint.model import RunResult

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message as the Actions toolkit does (``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property's value as the Actions toolkit does (``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def commands(run: RunResult, options: ReportOptions) -> list[str]:
    """One workflow command per finding; info findings (notices) only when verbose."""
    out: list[str] = []
    for document in run.documents:
        path = root_path(run, document.path)
        for finding in shown(document.findings, options.verbose):
            properties = {
                "file": path,
                "line": str(finding.line),
                "col": str(finding.column),
                "title": f"{finding.rule} {finding.name}",
            }
            joined = ",".join(f"{k}={escape_property(v)}" for k, v in properties.items())
            out.append(f"::{COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}")
    return out


def render(run: RunResult, options: ReportOptions) -> str:
    """The annotations, then the text report between ``::stop-commands::TOKEN`` and
    ``::TOKEN::`` (a random token): the runner does not read workflow commands in it, so a file
    name or a commit subject that holds "\n::error ..." or "::add-mask::" cannot inject one."""
    import secrets

    lines = commands(run, options)
    head = "\n".join(lines) + "\n" if lines else ""
    token = secrets.token_hex(16)
    text = render_text(run, options)
    return f"{head}::stop-commands::{token}\n{text}::{token}::\n"


register("github", render)
