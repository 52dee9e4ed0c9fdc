"""The page ``audit --html FILE`` writes, the report a team lead opens: accuracy over time on a
date axis, accuracy per claim kind, and each document's refuted claims.

One self-contained file: inline CSS, an inline SVG chart, no script to run and nothing to fetch.
Document text is untrusted, so every piece of it is HTML-escaped.
"""

from __future__ import annotations

import json
from datetime import date
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handoff_lint.tasks.audit import Entry

WIDTH, HEIGHT, PAD = 760, 260, 44
BETWEEN = 3  # date labels between the first and the last
VERDICTS = ("verified", "refuted", "unverifiable")

STYLE = (
    "body{font-family:system-ui,sans-serif;margin:2em;max-width:64em;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0 1.5em}"
    "td,th{padding:3px 10px;text-align:left;border-bottom:1px solid #ddd;vertical-align:top}"
    "td.n,th.n{text-align:right}circle{fill:#2a6}.axis{stroke:#999}.grid{stroke:#eee}"
    "svg text{font-size:11px;fill:#555}details{margin:.3em 0}summary{cursor:pointer}"
    ".bad{color:#b22}code{background:#f4f4f4;padding:0 3px}"
)


def _score_text(score: float | None) -> str:
    return "n/a" if score is None else f"{score:.0%}"


def _score(entry: Entry) -> float | None:
    value = entry.result.accuracy()["score"]
    return float(value) if value is not None else None


def _day(text: str) -> int:
    """The date's day number; a malformed date counts as day 0 (it sorts first)."""
    try:
        return date.fromisoformat(text[:10]).toordinal()
    except ValueError:
        return 0


def _x(day: int, first: int, last: int) -> float:
    if last == first:
        return WIDTH / 2
    return PAD + (day - first) / (last - first) * (WIDTH - 2 * PAD)


def _y(score: float) -> float:
    return HEIGHT - PAD - score * (HEIGHT - 2 * PAD)


def _date_labels(first: int, last: int) -> str:
    """The first and the last date, and up to ``BETWEEN`` evenly spaced dates between them."""
    days = sorted(
        {first, last, *(first + (last - first) * k // (BETWEEN + 1) for k in range(1, BETWEEN + 1))}
    )
    return "".join(
        f'<line class="grid" x1="{_x(d, first, last):.1f}" y1="{PAD}" x2="{_x(d, first, last):.1f}" '
        f'y2="{HEIGHT - PAD}"/><text x="{_x(d, first, last):.1f}" y="{HEIGHT - PAD + 16}" '
        f'text-anchor="middle">{date.fromordinal(d).isoformat() if d else "?"}</text>'
        for d in days
    )


def _score_labels() -> str:
    return "".join(
        f'<line class="grid" x1="{PAD}" y1="{_y(s):.1f}" x2="{WIDTH - PAD}" y2="{_y(s):.1f}"/>'
        f'<text x="{PAD - 6}" y="{_y(s) + 4:.1f}" text-anchor="end">{s:.0%}</text>'
        for s in (0.0, 0.5, 1.0)
    )


def chart(entries: list[Entry]) -> str:
    """Accuracy against the date of each version, the points placed by date."""
    points = [(_day(e.date), s, e) for e in entries if (s := _score(e)) is not None]
    if not points:
        return "<p>No document has a checked claim yet.</p>"
    first, last = min(p[0] for p in points), max(p[0] for p in points)
    xy = [(_x(day, first, last), _y(s), s, e) for day, s, e in points]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in xy)
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4"><title>{escape(e.date)} '
        f"{escape(e.result.path)}: {s:.0%}</title></circle>"
        for x, y, s, e in xy
    )
    return (
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" '
        f'aria-label="accuracy over time">{_score_labels()}{_date_labels(first, last)}'
        f'<line class="axis" x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" '
        f'y2="{HEIGHT - PAD}"/><polyline fill="none" stroke="#2a6" stroke-width="2" '
        f'points="{line}"/>{dots}</svg>'
    )


def kind_counts(entries: list[Entry]) -> dict[str, dict[str, int]]:
    """Verified, refuted and unverifiable claims per claim kind over every audited version."""
    counts: dict[str, dict[str, int]] = {}
    for entry in entries:
        for claim in entry.result.claims:
            row = counts.setdefault(claim.kind, dict.fromkeys(VERDICTS, 0))
            if claim.verdict in row:
                row[claim.verdict] += 1
    return dict(sorted(counts.items()))


def kinds_table(entries: list[Entry]) -> str:
    counts = kind_counts(entries)
    if not counts:
        return "<p>No claims.</p>"
    rows = ""
    for kind, row in counts.items():
        checked = row["verified"] + row["refuted"]
        score = row["verified"] / checked if checked else None
        cells = "".join(f'<td class="n">{row[v]}</td>' for v in VERDICTS)
        rows += f'<tr><td>{escape(kind)}</td>{cells}<td class="n">{_score_text(score)}</td></tr>'
    head = "".join(f'<th class="n">{v}</th>' for v in (*VERDICTS, "accuracy"))
    return f'<table id="kinds"><tr><th>claim kind</th>{head}</tr>{rows}</table>'


def versions_table(entries: list[Entry]) -> str:
    rows = "".join(
        f"<tr><td>{escape(e.date)}</td><td><code>{escape(e.commit[:7])}</code></td>"
        f'<td>{escape(e.result.path)}</td><td class="n">{len(e.result.claims)}</td>'
        f'<td class="n">{e.result.accuracy()["refuted"]}</td>'
        f'<td class="n">{_score_text(_score(e))}</td></tr>'
        for e in entries
    )
    return (
        '<table id="versions"><tr><th>date</th><th>commit</th><th>document</th>'
        '<th class="n">claims</th><th class="n">refuted</th><th class="n">accuracy</th></tr>'
        f"{rows}</table>"
    )


def refuted_claims(entry: Entry) -> str:
    """The version's refuted claims: line, the claim, what git says, and the fix if any."""
    refuted = [c for c in entry.result.claims if c.verdict == "refuted"]
    if not refuted:
        return "<p>No refuted claims.</p>"
    rows = "".join(
        f'<tr><td class="n">{c.line}</td><td><code>{escape(c.text)}</code></td>'
        f"<td>{escape(c.reason)}</td><td>{escape(c.fix)}</td></tr>"
        for c in refuted
    )
    return (
        '<table><tr><th class="n">line</th><th>claim</th><th>what git says</th><th>fix</th></tr>'
        f"{rows}</table>"
    )


def document_details(entry: Entry) -> str:
    refuted = entry.result.accuracy()["refuted"]
    mark = f' <span class="bad">{refuted} refuted</span>' if refuted else ""
    return (
        f"<details><summary>{escape(entry.date)} <code>{escape(entry.result.path)}</code> "
        f"({escape(entry.commit[:7])}) accuracy {_score_text(_score(entry))}{mark}</summary>"
        f"{refuted_claims(entry)}</details>"
    )


def page(entries: list[Entry], payload: dict[str, object]) -> str:
    """The whole page; ``payload`` (``audit.data``) is kept as inert JSON for other tools."""
    data = escape(json.dumps(payload))
    details = "".join(document_details(e) for e in entries) or "<p>No handoff documents.</p>"
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>handoff-lint audit</title><style>{STYLE}</style></head><body>"
        "<h1>Handoff accuracy over time</h1>"
        f"<p>{len(entries)} document versions audited. Accuracy is verified / (verified + "
        "refuted); unverifiable claims are not counted.</p>"
        f"{chart(entries)}<h2>Accuracy per claim kind</h2>{kinds_table(entries)}"
        f"<h2>Documents</h2>{versions_table(entries)}"
        f"<h2>Refuted claims per document</h2>{details}"
        f'<script type="application/json" id="data">{data}</script></body></html>\n'
    )
