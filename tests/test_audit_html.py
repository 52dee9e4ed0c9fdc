"""`audit --html FILE`: the page a team lead opens. Real temp repositories, the real CLI."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli

HEAD = "# H\n\n**Date:** {day}\n\n## Summary\n\n## Files Created\n\n"
EVIL = "<script>alert(1)</script>"


class Tables(HTMLParser):
    """The text of every table cell, by table; and every <details> element's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.details: list[str] = []
        self._table = ""
        self._in_details = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._table = dict(attrs).get("id") or f"table{len(self.tables)}"
            self.tables[self._table] = []
        elif tag == "tr":
            self.tables[self._table].append([])
        elif tag in ("td", "th"):
            self.tables[self._table][-1].append("")
        elif tag == "details":
            self.details.append("")
            self._in_details = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._table = ""
        elif tag == "details":
            self._in_details = False

    def handle_data(self, data: str) -> None:
        if self._in_details:
            self.details[-1] += data
        rows = self.tables.get(self._table)
        if rows and rows[-1]:
            rows[-1][-1] += data


def _three_versions(repo: ScratchRepo) -> str:
    """Handoffs on 2025-11-01, -05 and -20; the last cites a commit by a wrong subject."""
    repo.commit("work 1", {"a.py": "1\n"}, when="2025-11-01T09:00:00+00:00")
    doc = HEAD.format(day="2025-11-01") + "- `a.py`\n"
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": doc}, when="2025-11-01T10:00:00+00:00")
    repo.commit("work 2", {"b.py": "1\n"}, when="2025-11-05T09:00:00+00:00")
    doc = HEAD.format(day="2025-11-05") + "- `b.py`\n"
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-05T10:00:00+00:00")
    work = repo.commit("work 3", {"c.py": "1\n"}, when="2025-11-20T09:00:00+00:00")
    doc = (
        HEAD.format(day="2025-11-20")
        + f"- `c.py`\n\n## Commits\n\n- {work[:7]} Add {EVIL} parser\n"
    )
    repo.commit("handoff 3", {"SESSION_3_HANDOFF.md": doc}, when="2025-11-20T10:00:00+00:00")
    return work[:7]


def _page(repo: ScratchRepo, cli: Cli, tmp_path: Path) -> str:
    page = tmp_path / "audit.html"
    assert cli("audit", "--html", str(page), cwd=repo.path).code == 0
    return page.read_text(encoding="utf-8")


def _parse(text: str) -> Tables:
    parser = Tables()
    parser.feed(text)
    return parser


def test_the_chart_places_versions_by_date_and_labels_dates(
    repo: ScratchRepo, cli: Cli, tmp_path: Path
) -> None:
    _three_versions(repo)
    svg = _page(repo, cli, tmp_path).split("<svg")[1].split("</svg>")[0]
    xs = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', svg)]
    assert len(xs) == 3
    # 4 days of 19 from the first to the second point: spaced by date, not by index
    assert (xs[1] - xs[0]) / (xs[2] - xs[0]) == pytest.approx(4 / 19, abs=0.01)
    labels = re.findall(r">(\d{4}-\d\d-\d\d)</text>", svg)
    assert labels[0] == "2025-11-01" and labels[-1] == "2025-11-20"
    assert len(labels) >= 4 and labels == sorted(set(labels))  # dates between, in order
    assert all(f">{p}</text>" in svg for p in ("0%", "50%", "100%"))


def test_the_page_counts_claims_per_kind_over_all_documents(
    repo: ScratchRepo, cli: Cli, tmp_path: Path
) -> None:
    _three_versions(repo)
    kinds = _parse(_page(repo, cli, tmp_path)).tables["kinds"]
    assert kinds[0] == ["claim kind", "verified", "refuted", "unverifiable", "accuracy"]
    rows = {row[0]: row[1:] for row in kinds[1:]}
    assert rows["file"] == ["3", "0", "0", "100%"]
    assert rows["commit"] == ["0", "1", "0", "0%"]
    assert rows["date"] == ["3", "0", "0", "100%"]


def test_each_document_expands_to_its_refuted_claims(
    repo: ScratchRepo, cli: Cli, tmp_path: Path
) -> None:
    short = _three_versions(repo)
    parsed = _parse(_page(repo, cli, tmp_path))
    assert len(parsed.details) == 3
    assert parsed.details[0].startswith("2025-11-01 SESSION_1_HANDOFF.md")
    assert "accuracy 100%" in parsed.details[0] and "No refuted claims." in parsed.details[0]
    last = parsed.details[2]
    assert last.startswith("2025-11-20 SESSION_3_HANDOFF.md") and "accuracy 67%" in last
    refuted = next(rows for rows in parsed.tables.values() if rows[0][0] == "line")
    assert refuted[0] == ["line", "claim", "what git says", "fix"]
    line, claim, says, fix = refuted[1]
    assert (line, claim) == ("13", short)
    assert "'work 3'" in says and EVIL in says and fix == "write 'work 3'"


def test_document_text_is_escaped(repo: ScratchRepo, cli: Cli, tmp_path: Path) -> None:
    _three_versions(repo)
    text = _page(repo, cli, tmp_path)
    assert EVIL not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    scripts = re.findall(r"<script[^>]*>", text)
    assert scripts == ['<script type="application/json" id="data">']  # inert data only


def test_the_page_is_one_self_contained_file(repo: ScratchRepo, cli: Cli, tmp_path: Path) -> None:
    _three_versions(repo)
    text = _page(repo, cli, tmp_path)
    assert "<style>" in text and "<link" not in text and "@import" not in text
    assert re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", text, re.I) is None
    assert "url(" not in text


def _browser() -> str | None:
    return next(
        (p for n in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(n))),
        None,
    )


@pytest.mark.skipif(_browser() is None, reason="no chromium or google-chrome on PATH")
def test_a_browser_renders_the_kind_table(repo: ScratchRepo, cli: Cli, tmp_path: Path) -> None:
    _three_versions(repo)
    _page(repo, cli, tmp_path)
    browser = _browser()
    assert browser is not None
    args = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"]
    page = (tmp_path / "audit.html").as_uri()
    dom = subprocess.run([*args, page], capture_output=True, text=True, timeout=120).stdout
    assert '<table id="kinds">' in dom and "<details>" in dom and EVIL not in dom
