"""``--format json``: the stable machine contract (fields are added, never renamed)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from handoff_lint import __version__
from handoff_lint.model import accuracy
from handoff_lint.reporters import ReportOptions, register

if TYPE_CHECKING:
    from handoff_lint.model import DocumentResult, RunResult

FORMAT_VERSION = 1
INTERNAL = frozenset({"list", "window", "spans"})  # grouping, the window named once, a branch
# claim's view of the document's code spans: not the claim


def _document(result: DocumentResult) -> dict[str, Any]:
    window = result.window
    return {
        "path": result.path,
        "window": {
            "base": window.base if window else None,
            "head": window.head if window else None,
            "staged": window.staged if window else False,
            "how": window.explain() if window else "",
            "previous": window.previous if window and window.previous else None,
        },
        "claims": [
            {
                "kind": c.kind,
                "text": c.text,
                "line": c.line,
                "column": c.column,
                "verdict": "unverifiable" if c.verdict == "unchecked" else c.verdict,
                "reason": c.reason,
                "rule": c.rule or None,
                "fix": c.fix or None,
                "value": {k: v for k, v in c.value.items() if k not in INTERNAL},
            }
            for c in result.claims
        ],
        "findings": [
            {
                "rule": f.rule,
                "name": f.name,
                "severity": f.severity,
                "line": f.line,
                "column": f.column,
                "message": f.message,
            }
            for f in result.findings
        ],
        "accuracy": result.accuracy(),
    }


def summary(run: RunResult) -> dict[str, Any]:
    docs = [_document(d) for d in run.documents]
    totals = [sum(d["accuracy"][k] for d in docs) for k in ("verified", "refuted", "unverifiable")]
    severities = [f["severity"] for d in docs for f in d["findings"]]
    return {
        "documents": len(docs),
        "claims": sum(len(d["claims"]) for d in docs),
        **accuracy(*totals),
        "errors": severities.count("error"),
        "warnings": severities.count("warning"),
        "infos": severities.count("info"),
    }


def render(run: RunResult, options: ReportOptions) -> str:
    data = {
        "version": FORMAT_VERSION,
        "tool": {"name": "handoff-lint", "version": __version__},
        "documents": [_document(d) for d in run.documents],
        "summary": summary(run),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


register("json", render)
