"""``--format gitlab``: a GitLab Code Quality report (a JSON array of issues), as ruff writes.

Upload it as ``artifacts: reports: codequality: gl-code-quality-report.json`` and merge requests
show the findings on their lines. Info findings (unverifiable claims) only with ``-v``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from handoff_lint.reporters import ReportOptions, register, root_path, shown
from handoff_lint.reporters.sarif_format import numbered

if TYPE_CHECKING:
    from handoff_lint.model import RunResult

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(run: RunResult, options: ReportOptions) -> str:
    issues: list[dict[str, Any]] = []
    for document in run.documents:
        path = root_path(run, document.path)
        for finding, key, occurrence in numbered(path, shown(document.findings, options.verbose)):
            issues.append(
                {
                    "description": f"{finding.rule} {finding.message}",
                    "check_name": finding.rule,
                    "fingerprint": f"{key}-{occurrence}",
                    "severity": SEVERITY[finding.severity],
                    "location": {"path": path, "lines": {"begin": max(finding.line, 1)}},
                }
            )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


register("gitlab", render)
