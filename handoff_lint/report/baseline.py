"""Baselines: record today's findings, then report only new ones.

A finding is keyed by document path, rule and claimed text (or message), not by line, so edits
above it do not make it new again. Keys are counted: two identical findings need two entries.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handoff_lint.model import Finding, RunResult

VERSION = 1


def _text(item: Finding) -> str:
    """What keys a finding, as the baseline file holds it: secrets redacted."""
    from handoff_lint.checks.hygiene import scrub

    return scrub(item.claim.text if item.claim is not None else item.message)


def _key(path: str, item: Finding) -> str:
    return f"{path}\x1f{item.rule}\x1f{_text(item)}"


def write(run: RunResult, target: Path) -> int:
    """Write the run's error and warning findings to ``target``; return how many."""
    from handoff_lint.checks.hygiene import scrub

    entries = [
        {"path": scrub(d.path), "rule": f.rule, "text": _text(f)}
        for d in run.documents
        for f in d.findings
        if f.severity != "info"
    ]
    target.write_text(
        json.dumps({"version": VERSION, "findings": entries}, indent=1) + "\n", encoding="utf-8"
    )
    return len(entries)


def read(source: Path) -> Counter[str]:
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
        entries = data["findings"]
        return Counter(f"{e['path']}\x1f{e['rule']}\x1f{e['text']}" for e in entries)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"cannot use baseline {source}: {exc}") from None


def apply(run: RunResult, known: Counter[str]) -> int:
    """Drop the findings the baseline holds; return how many were dropped."""
    dropped = 0
    for document in run.documents:
        kept = []
        for item in document.findings:
            key = _key(document.path, item)
            if item.severity != "info" and known[key] > 0:
                known[key] -= 1
                dropped += 1
            else:
                kept.append(item)
        document.findings = kept
    return dropped
