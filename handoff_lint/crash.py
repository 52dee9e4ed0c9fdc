"""What a document that crashed the linter gets: a crash report in a temporary file (secrets
scrubbed) and one HL902 finding that points at it, so one bad document never stops a run."""

from __future__ import annotations

import os

from handoff_lint import __version__
from handoff_lint.checks import hygiene, rules
from handoff_lint.model import Finding


def report(path: str, exc: BaseException) -> Finding:
    """Write a crash report and return the one-line finding that points at it."""
    import platform
    import tempfile
    import traceback

    handle, name = tempfile.mkstemp(prefix="handoff-lint-crash-", suffix=".txt")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(
            f"handoff-lint {__version__}\n{platform.platform()}\nPython {platform.python_version()}\n"
        )
        report = f"document: {path}\n\n{''.join(traceback.format_exception(exc))}"
        out.write(hygiene.scrub(report))
    return rules.finding(
        "HL902",
        1,
        1,
        f"internal error ({type(exc).__name__}); crash report written to {name}; "
        "please report it with the document if you can share it",
    )
