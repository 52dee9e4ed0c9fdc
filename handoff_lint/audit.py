"""``handoff-lint audit``: every handoff document in the history, judged at the commit that added it
and at each commit that rewrote it (a living document's later reports).

Reads each document from its commit (never checks anything out), lints it with the window it
had then, and reports a table and the accuracy trend; ``--format json`` for dashboards and
``--html FILE`` for a self-contained page with a chart.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from handoff_lint import pipeline, schema
from handoff_lint.discover import excluded
from handoff_lint.gitcmd import Git
from handoff_lint.repo import gather as gather_facts
from handoff_lint.versions import Version, rewrote
from handoff_lint.window import pathspecs

BARS = "▁▂▃▄▅▆▇█"


@dataclass
class Entry:
    commit: str
    date: str
    result: pipeline.DocumentResult


def _versions(git: Git, globs: list[str], exclude: list[str] | None) -> list[tuple[str, str, str]]:
    """(commit, ISO date, path) of every version of a handoff document in HEAD's history that
    wrote a report, oldest first: the commit that added it, and each later commit that rewrote
    it (a living document; a small fix is not a new report), the configured exclude (plans,
    indexes) left out. One ``log``; a move is followed by neither (the moved document's lines
    keep their sessions, ``versions``)."""
    output = git.run(
        "log",
        "--diff-filter=AM",
        "--reverse",
        "--numstat",
        "--format=%x00%H%x1f%aI",
        "HEAD",
        "--",
        *pathspecs(globs),
        check=False,
    )
    found: list[tuple[str, str, str]] = []
    size: dict[str, int] = {}
    for chunk in output.split("\0")[1:]:
        lines = [line for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        commit, _, date = lines[0].strip().partition("\x1f")
        for row in lines[1:]:
            parts = row.split("\t")
            if len(parts) != 3 or not (parts[0].isdigit() and parts[1].isdigit()):
                continue
            inserted, deleted, path = int(parts[0]), int(parts[1]), parts[2]
            before = size.get(path)
            version = Version(commit, inserted, deleted)
            report = not excluded(path, exclude)  # a plan or an index is not a report
            if report and (before is None or rewrote(git, version, path, before)):
                found.append((commit, date[:10], path))
            size[path] = max(0, (before or 0) + inserted - deleted)
    return found


def run(cwd: Path) -> list[Entry]:
    git = Git(cwd)
    try:
        facts = gather_facts(git)
        options = pipeline._configure(pipeline.Options(cwd=facts.root), facts)
        model = schema.load(options.schema_path)
        entries = []
        for commit, date, path in _versions(git, options.globs, options.settings.exclude):
            result = pipeline.lint_document(path, facts, replace(options, at=commit), model)
            entries.append(Entry(commit, date, result))
        return entries
    finally:
        git.close()


def _score(entry: Entry) -> float | None:
    value = entry.result.accuracy()["score"]
    return float(value) if value is not None else None


def trend(entries: list[Entry]) -> str:
    scores = [s for s in (_score(e) for e in entries) if s is not None]
    return "".join(BARS[min(int(s * (len(BARS) - 1) + 0.5), len(BARS) - 1)] for s in scores)


def text(entries: list[Entry]) -> str:
    out = [
        f"{'date':<10}  {'commit':<7}  {'claims':>6}  {'verified':>8}  {'refuted':>7}  "
        f"{'unverif.':>8}  {'accuracy':>8}  document"
    ]
    for entry in entries:
        acc = entry.result.accuracy()
        score = f"{acc['score']:.0%}" if acc["score"] is not None else "n/a"
        out.append(
            f"{entry.date:<10}  {entry.commit[:7]}  {len(entry.result.claims):>6}  "
            f"{acc['verified']:>8}  {acc['refuted']:>7}  {acc['unverifiable']:>8}  {score:>8}  "
            f"{entry.result.path}"
        )
    out.append(f"\ntrend (oldest to newest): {trend(entries) or 'n/a'}")
    return "\n".join(out) + "\n"


def data(entries: list[Entry]) -> dict[str, Any]:
    return {
        "version": 1,
        "documents": [
            {
                "path": e.result.path,
                "commit": e.commit,
                "date": e.date,
                "accuracy": e.result.accuracy(),
                "errors": sum(1 for f in e.result.findings if f.severity == "error"),
                "warnings": sum(1 for f in e.result.findings if f.severity == "warning"),
            }
            for e in entries
        ],
    }


def _chart(entries: list[Entry]) -> str:
    points = [(i, s) for i, s in enumerate(_score(e) for e in entries) if s is not None]
    if not points:
        return "<p>No document has a checked claim yet.</p>"
    width, height, pad = 720, 240, 30
    step = (width - 2 * pad) / max(len(entries) - 1, 1)
    xy = [(pad + i * step, height - pad - s * (height - 2 * pad)) for i, s in points]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4"><title>{html.escape(entries[i].result.path)}: '
        f"{s:.0%}</title></circle>"
        for (x, y), (i, s) in zip(xy, points, strict=True)
    )
    return (
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="accuracy over time"><line x1="{pad}" y1="{height - pad}" x2="{width - pad}" '
        f'y2="{height - pad}" stroke="#999"/><text x="4" y="{pad}">100%</text>'
        f'<text x="4" y="{height - pad}">0%</text><polyline fill="none" stroke="#2a6" '
        f'stroke-width="2" points="{line}"/>{dots}</svg>'
    )


def page(entries: list[Entry]) -> str:
    rows = "".join(
        f"<tr><td>{e.date}</td><td><code>{e.commit[:7]}</code></td><td>{html.escape(e.result.path)}</td>"
        f"<td>{len(e.result.claims)}</td><td>{e.result.accuracy()['refuted']}</td>"
        f"<td>{'n/a' if _score(e) is None else f'{_score(e):.0%}'}</td></tr>"
        for e in entries
    )
    payload = html.escape(json.dumps(data(entries)))
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>handoff-lint audit</title>'
        "<style>body{font-family:sans-serif;margin:2em}td,th{padding:2px 10px;text-align:left}"
        "circle{fill:#2a6}</style></head><body><h1>Handoff accuracy over time</h1>"
        f"{_chart(entries)}<table><tr><th>date</th><th>commit</th><th>document</th><th>claims</th>"
        f"<th>refuted</th><th>accuracy</th></tr>{rows}</table>"
        f'<script type="application/json" id="data">{payload}</script></body></html>\n'
    )
