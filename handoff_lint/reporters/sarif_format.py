"""``--format sarif``: a SARIF 2.1.0 log for GitHub code scanning (one run, every rule)."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from handoff_lint import __version__
from handoff_lint.checks.rules import RULES
from handoff_lint.reporters import ReportOptions, register, root_path, shown

if TYPE_CHECKING:
    from handoff_lint.model import Finding, RunResult

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://github.com/handoff-lint/handoff-lint"  # without [project.urls]
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "handoffLint/v1"
URL_KEYS = ("repository", "source", "homepage")  # [project.urls] keys, the first set is used


def _project_urls() -> dict[str, str]:
    """``[project.urls]``: from pyproject.toml in a source checkout, else the installed
    package's metadata (its Project-URL lines); empty when neither has any."""
    from importlib import metadata
    from pathlib import Path

    from handoff_lint.config import ConfigError, _toml

    source = Path(__file__).resolve().parents[2] / "pyproject.toml"
    try:
        project = _toml(source).get("project", {}) if source.is_file() else {}
    except ConfigError:
        project = {}
    if project.get("name") == "handoff-lint":
        return {str(k): str(v) for k, v in project.get("urls", {}).items()}
    try:
        lines = metadata.metadata("handoff-lint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return {}
    return dict(line.split(", ", 1) for line in lines if ", " in line)


def information_uri() -> str:
    """The project's home: its Repository (or Source, Homepage) URL, else INFORMATION_URI."""
    urls = {key.lower(): value for key, value in _project_urls().items()}
    found = next((urls[key] for key in URL_KEYS if urls.get(key)), INFORMATION_URI)
    return found.rstrip("/")


def help_uri(rule_id: str, name: str, base: str) -> str:
    """Where docs/rules.md explains the rule: its anchor there (``#hl201-unknown-commit``)."""
    return f"{base}/blob/main/docs/rules.md#{rule_id.lower()}-{name}"


def _help(rule_id: str, docs: str) -> dict[str, str]:
    """The rule's paragraph of docs/rules.md, as text and as Markdown (code scanning shows it)."""
    from handoff_lint.checks.rules import explain

    text = explain(rule_id, docs) or rule_id
    return {"text": text, "markdown": text}


def _rules(base: str) -> list[dict[str, Any]]:
    from handoff_lint import shipped

    docs = shipped.text("docs/rules.md")  # read once, not once per rule
    return [
        {
            "id": rule.id,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "help": _help(rule.id, docs),
            "helpUri": help_uri(rule.id, rule.name, base),
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
        }
        for rule in RULES.values()
    ]


def _region(finding: Finding) -> dict[str, int]:
    region = {"startLine": max(finding.line, 1), "startColumn": max(finding.column, 1)}
    claim = finding.claim
    if (
        claim is not None
        and claim.text
        and "\n" not in claim.text
        and (claim.line, claim.column) == (finding.line, finding.column)
    ):
        region["endColumn"] = region["startColumn"] + len(claim.text)
    return region


def fingerprint(path: str, finding: Finding) -> str:
    """A hash of path, rule and the claim (or, without one, the message): stable across edits."""
    claim = finding.claim
    what = f"{claim.kind}\0{claim.text}" if claim is not None else finding.message
    key = f"{path}\0{finding.rule}\0{what}".encode("utf-8", "surrogateescape")
    return hashlib.sha256(key).hexdigest()[:32]


def numbered(path: str, findings: list[Finding]) -> list[tuple[Finding, str, int]]:
    """Each finding with its fingerprint and which occurrence of that fingerprint it is (the
    same lie twice in one document is two results, told apart by the number)."""
    seen: dict[str, int] = {}
    out: list[tuple[Finding, str, int]] = []
    for finding in findings:
        key = fingerprint(path, finding)
        seen[key] = seen.get(key, 0) + 1
        out.append((finding, key, seen[key]))
    return out


def _artifact(path: str) -> dict[str, str]:
    """Where a document is: from the source root (``%SRCROOT%``), or, for a document outside
    it (named by an absolute path), a ``file://`` URI of its own."""
    uri = quote(path, safe="/", errors="surrogateescape")
    if path.startswith("/"):
        return {"uri": f"file://{uri}"}
    return {"uri": uri, "uriBaseId": "%SRCROOT%"}


def _results(run: RunResult, index: dict[str, int], verbose: bool) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    for document in run.documents:
        path = root_path(run, document.path)
        # unverifiable claims are notes a reader asks for (-v)
        for finding, key, occurrence in numbered(path, shown(document.findings, verbose)):
            result: dict[str, Any] = {"ruleId": finding.rule}
            if finding.rule in index:
                result["ruleIndex"] = index[finding.rule]
            result |= {
                "level": LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": _artifact(path),
                            "region": _region(finding),
                        }
                    }
                ],
                "partialFingerprints": {FINGERPRINT: f"{key}:{occurrence}"},
            }
            results.append(result)
    return results


def render(run: RunResult, options: ReportOptions) -> str:
    index = {rule_id: i for i, rule_id in enumerate(RULES)}
    base = information_uri()
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "handoff-lint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": base,
                        "rules": _rules(base),
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": _results(run, index, options.verbose),
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


register("sarif", render)
