"""Count claims: table totals, "N commits", "(N tests)" before a list (files: file_counts).

- A table row named Total is checked against the rows above it (same unit only).
- A commit count agrees with the window (with or without the document's own commit), the
  commits the document lists, or the whole history.
- "(N tests)", "（17 个）" on a heading or label agrees with the list, table or file tree right
  after it (``witness``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from handoff_lint import lazyre
from handoff_lint.claims import commit_lists, commit_range, register, witness
from handoff_lint.claims.bracketed import Counted, bracketed
from handoff_lint.claims.same_totals import same_totals
from handoff_lint.claims.walk import Line, prose_lines, table_cells
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence
    from handoff_lint.git.repo import RepoFacts

NUMBER = lazyre.compile(r"(?<![\w.,/])(\d{1,3}(?:,\d{3})+|\d+)(?![\d/%]|\.\d)(?:\s*([A-Za-z]+))?")
TOTAL = lazyre.compile(r"^\W*(total|totals|sum|overall)\W*$", re.I)
# A count of the session's commits, in the shapes that say so: "(4 commits)" on a heading or
# after what was committed, "in 4 commits", "4 commits total/made/pushed", "**Commits:** 4",
# "| Total commits | 4 |", "Commits (4 total)". A bare "21 commits with X" or "605 commits
# rewritten" counts something else.
COMMITS = lazyre.compile(
    r"\((?P<a>\d+)\s+(?:git\s+)?commits?(?:\s+total)?\)"
    r"|\b(?:in|across|over|into|via|made|created|pushed|landed|wrote)\s+(?P<b>\d+)\s+"
    r"(?:git\s+|new\s+|separate\s+|atomic\s+)?commits\b"
    r"|\b(?P<e>\d+)\s+(?:git\s+|new\s+|novos\s+|nuevos\s+|neue\s+)?commits\s+(?:git\s+)?"
    r"(?:total|made|created|pushed|landed|today|(?:in\s+)?this\s+session|so\s+far|in\s+total|"
    r"overall|realizad[oa]s|feitos|criados|novos|nuevos|hechos|creados|erstellt|gemacht|"
    r"réalisés|effectués)\b"
    r"|\b(?:total\s+|git\s+)?commits?\s*(?:made)?\s*\*{0,2}\s*[:：|]\s*\*{0,2}\s*(?P<c>\d+)"
    r"(?:\s+(?:new\s+)?commits?(?:\s+(?:novos|nuevos|neue|new|made|total))?)?\s*\**\s*(?:\||$)"
    r"|commits?\s*\((?P<d>\d+)\s+total\)"
    # "### Commits dieser Session: **19 Commits**": a label, then the count with its noun
    # (not "**Commits merged:** 7 commits": a pull request's, squashed into one)
    r"|commits?\b(?![^:：|\n]{0,30}(?:merg|squash|pull|\bPR\b|rebas|cherry))[^:：|\n]{1,30}[:：]"
    r"\s*\*{0,2}\s*(?P<f>\d+)\s+commits?\s*\**\s*$",
    re.I,
)
# "(4 commits)" counts the session's commits on a heading, or after a verb of committing; after
# a pull request ("PR #95: ... (7 commits)") it counts that pull request's.
SESSION_PAREN = lazyre.compile(r"\b(?:total|committed|made|created|pushed|landed)\b", re.I)
ORDINAL = lazyre.compile(
    r"\b(?:session|phase|sprint|week|day|step|part|issue|task|stage|milestone|#)\s*$", re.I
)
OTHER_SET = lazyre.compile(r"\b(?:PR|pull request|MR|merge request)\s*#?\d+|#\d+\s*:", re.I)
TESTS_NOUN = lazyre.compile(r"\btest|测试|テスト|테스트", re.I)
# units of planned work, which a list under them may sum up by what they built
# ("- Config", "- Limits" under "3 tasks:" are the tasks; under "(22 user stories)" a summary)
WORK_UNITS = lazyre.compile(r"\b(?:stor(?:y|ies)|requirements?|epics?)\b|需求|ストーリー", re.I)
RELATIVE = lazyre.compile(r"\s*(?:behind|ahead|ago|back|before|since|earlier|later|old)\b", re.I)
MARKER = lazyre.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def _numbers(cell: str) -> list[tuple[int, str]]:
    return [
        (int(m.group(1).replace(",", "")), (m.group(2) or "").lower())
        for m in NUMBER.finditer(cell)
    ]


def _table_claims(rows: list[Line]) -> list[Claim]:
    out: list[Claim] = []
    if rows and [c.strip() for _, c in table_cells(rows[0].text)] == rows[0].block.table_header:
        rows = rows[1:]  # the header row
    cells = [table_cells(r.text) for r in rows]
    for index, row in enumerate(rows):
        if not cells[index] or not TOTAL.match(cells[index][0][1].replace("*", "")):
            continue
        others = [c for i, c in enumerate(cells) if i != index]
        for column in range(1, len(cells[index])):
            start, raw = cells[index][column]
            total = _numbers(raw)
            parts = [_numbers(c[column][1]) if column < len(c) else [] for c in others]
            if not total or not parts or any(not p for p in parts) or "%" in raw:
                continue
            units = {u for p in parts for _, u in p[:1]} | {total[0][1]}
            if len(units - {"", "lines", "line", "new"}) > 0 and len(units) > 1:
                continue
            sums = {sum(p[0][0] for p in parts), sum(n for p in parts for n, _ in p)}
            written = NUMBER.search(raw)
            assert written is not None
            value = {"count": total[0][0], "sums": sorted(sums), "measure": "total"}
            if raw[written.end(1) : written.end(1) + 1] == "+":
                value["at_least"] = True  # "113+": at least the rows' 113
            out.append(
                Claim("counts", written.group(1), row.number, start + written.start(1) + 1, value)
            )
    return out


def _line_claims(line: Line, doc: Document) -> list[Claim]:
    out: list[Claim] = []
    commits = COMMITS.finditer(line.text) if "commit" in line.folded else ()
    for match in commits:
        group = next(g for g in "abcdef" if match.group(g))
        if RELATIVE.match(line.text, match.end()):
            continue  # "32 commits behind upstream": where a branch stands, not the session
        if group == "a" and not _session_paren(line, match.start()):
            continue
        if ORDINAL.search(line.text, 0, match.start(group)):
            continue  # "Session 04 Commits Created": a name, not a count
        if commit_range.covers(line.text, match.start(group)):
            continue  # "7 commits (a1b2c3d..e4f5a6b)": the range's count, not the window's
        value: dict[str, Any] = {"count": int(match.group(group)), "measure": "commits"}
        listed = witness.after(doc, line.block, "commits") if line.block.list_depth < 0 else None
        if listed is not None and (listed.what == "commits listed" or listed.cited):
            value["items"] = listed.count  # "### Code Changes (2 commits)" over its two commits
        cited = commit_lists.cited_under(doc, line.block) if line.block.kind == "heading" else 0
        if cited:
            value["cited"] = cited  # "## Done (11 commits)" over subsections citing 11 ids
        numbered = commit_lists.numbered_after(doc, line.block)
        if numbered:
            value["numbered"] = numbered  # "**8 Commits:**" over "**Commit 1**" .. "**Commit 8**"
        out.append(Claim("counts", match.group(group), line.number, match.start(group) + 1, value))
    bracket = "(" in line.text or "（" in line.text
    items = bracketed(line.text) if bracket and line.first else None
    items = items or _lead_in(line)
    noun = items.what if items else ""
    found = witness.after(doc, line.block, noun) if items and line.block.list_depth < 0 else None
    if items and found:
        value = {"count": items.n, "measure": "items", "items": found.count}
        value["witness"] = found.what
        if found.named:
            value["named"] = found.named
        if found.plural and TESTS_NOUN.search(noun):  # tests listed by behaviour, some several
            value["plural"] = True
        if WORK_UNITS.search(noun):  # "(22 user stories)" over what they built
            value["work"] = True
        out.append(Claim("counts", str(items.n), line.number, items.column + 1, value))
    return out


# "8 commits, 9 tasks:" ending a paragraph over a list: the list is what it counts
LEAD_IN = lazyre.compile(
    r"(?:^|[\s,;(])(?P<n>\d{1,4})\s+(?P<what>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?)"
    r"\s*[:：]\s*[*_]*\s*$"
)

# the count is the object of a preposition: the sentence (and its list) is about something else
OBJECT = lazyre.compile(
    r"\b(?:of|for|across|in|on|from|over|about|to|with|by|among|between|after|before)\s+"
    r"(?:(?:all|the|these|those|each|every)\s+)?$",
    re.I,
)


def _lead_in(line: Line) -> Counted | None:
    block = line.block
    if block.kind != "paragraph" or line.number != block.line + len(block.lines) - 1:
        return None
    found = LEAD_IN.search(line.text) if ":" in line.text or "：" in line.text else None
    if found is None:
        return None
    before = found.start("n")
    if OBJECT.search(line.text, 0, before) or ORDINAL.search(line.text, 0, before):
        return None  # "verification of all 7 tasks:", "Phase 4 tasks:": not a count of the list
    return Counted(int(found.group("n")), found.group("what"), before)


def _session_paren(line: Line, start: int) -> bool:
    before = line.text[:start]
    if OTHER_SET.search(before):
        return False
    return line.block.kind == "heading" or SESSION_PAREN.search(before) is not None


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    table: list[Line] = []
    for line in prose_lines(doc):
        planned = line.planned
        if line.block.kind == "table_row":
            commits = [c for c in _line_claims(line, doc) if c.value["measure"] == "commits"]
            out.extend(c for c in commits if not planned)
            if table and table[-1].block.table_header is not line.block.table_header:
                out.extend(_table_claims(table))
                table = []
            table.append(line)
            continue
        found = _line_claims(line, doc)
        # Arithmetic inside the document holds in plans too; git counts only for done work.
        out.extend(c for c in found if not planned or c.value["measure"] == "items")
    out.extend(_table_claims(table))
    return out + same_totals(doc)


def _accepted(claim: Claim, evidence: Evidence, listed: int) -> list[int]:
    measure = claim.value["measure"]
    if measure == "total":
        return list(claim.value["sums"])
    if measure == "items":
        named = [int(claim.value["named"])] if "named" in claim.value else []
        return [int(claim.value["items"]), *named]
    size = len(evidence.window_commits)  # measure == "commits"
    own = [int(claim.value[key]) for key in ("items", "cited", "numbered") if key in claim.value]
    return [size - 1, size, size + 1, listed, _history_size(evidence), *own]


def _settle_total(claim: Claim, here: set[int]) -> None:
    """Compare with the other mentions on ``here``, the lines judged in the same window (a log's
    older entries report other sessions, whose totals were other numbers)."""
    count = int(claim.value["count"])
    different = [(n, line) for n, line in claim.value["others"] if n != count and line in here]
    noun = str(claim.value["measure"]).removeprefix("total ")
    if not different:
        claim.settle("verified", f"every total of {noun} in the document says {count}")
    else:
        where = ", ".join(f"{n} on line {line}" for n, line in different)
        claim.settle("refuted", f"the document gives {count} {noun} here but {where}", "HL402")


def _fewer_in_a_fitted_window(count: int, evidence: Evidence) -> bool:
    """Fewer commits than a window whose start was estimated (widened to a cited commit, to the
    previous handoff's own commit, to a family or a pause) may be the session's: not refuted.
    More commits than the window holds is."""
    return 0 < count < len(evidence.window_commits) and not evidence.window_exact()


def _refutation(claim: Claim, count: int, shown: str) -> str:
    if claim.value["measure"] == "items":
        return f"{count} claimed, but the {claim.value.get('witness', 'list items')} right after it number {shown}"
    return f"{count} {claim.value['measure']} claimed; the document or git gives {shown}"


def _fix(claim: Claim, evidence: Evidence) -> str:
    """The count to write: the items the list holds, the one sum of the rows, or git's count
    of the window's commits (less the document's own commit when the window holds it)."""
    measure = claim.value["measure"]
    if measure == "items":  # the items that name something may be what is counted
        return "" if "named" in claim.value else f"write {claim.value['items']}"
    if measure == "total":
        sums = list(claim.value["sums"])
        return f"write {sums[0]}" if len(sums) == 1 else ""
    own = 1 if evidence.writes_document() else 0
    return f"write {len(evidence.window_commits) - own}"


def verify(claims: list[Claim], evidence: Evidence) -> None:
    listed = len(set(evidence.objects))
    here = {c.line for c in claims if "others" in c.value}
    witnessed = commit_lists.witnessed(claims)
    for claim in claims:
        if "others" in claim.value:
            _settle_total(claim, here)
            continue
        measure = claim.value["measure"]
        needs_git = measure not in ("total", "items")
        if needs_git and (not evidence.available or evidence.window.head is None):
            claim.settle("unverifiable", evidence.unavailable_reason or "no commits to count")
            continue
        accepted = [n for n in _accepted(claim, evidence, listed) if n >= 0]
        count = int(claim.value["count"])
        if count in accepted or (
            claim.value.get("at_least") and max(accepted, default=-1) >= count
        ):
            claim.settle("verified", f"{count} {measure} agrees")
        elif measure == "commits" and count in witnessed:
            claim.settle(
                "verified",
                f"restates line {witnessed[count]}, which counts the commits the document lists",
            )
        elif measure == "items" and claim.value.get("plural") and count > int(claim.value["items"]):
            claim.settle(
                "unverifiable",
                f"{count} claimed over {claim.value['items']} list items, some of which stand "
                "for several",
            )
        elif measure == "items" and claim.value.get("work") and count > int(claim.value["items"]):
            claim.settle(
                "unverifiable",
                f"{count} claimed over {claim.value['items']} list items: a list under units of "
                "planned work may sum up what they built, not name each",
            )
        elif measure == "commits" and _fewer_in_a_fitted_window(count, evidence):
            claim.settle(
                "unverifiable",
                f"{count} commits: the session window holds {len(evidence.window_commits)}, "
                "and where it starts is an estimate",
            )
        else:
            shown = ", ".join(str(n) for n in sorted(set(accepted))[:4])
            claim.settle(
                "refuted", _refutation(claim, count, shown), "HL402", _fix(claim, evidence)
            )


HISTORY = ("counts", "history")  # the number of commits up to the window's end


def gather(facts: RepoFacts, evidence: Evidence, claims: list[Claim]) -> None:
    """The length of the history at the window's end, for a count of commits that may count
    the whole history ("Total: 154 commits"): one ``rev-list --count``."""
    head = evidence.window.head
    wanted = any(c.kind == "counts" and c.value.get("measure") == "commits" for c in claims)
    if head and wanted and HISTORY not in evidence.memo:
        counted = facts.git.run("rev-list", "--count", head, check=False).strip()
        evidence.memo[HISTORY] = int(counted) if counted.isdigit() else -1


def _history_size(evidence: Evidence) -> int:
    found = evidence.memo.get(HISTORY, -1)
    return found if isinstance(found, int) else -1


register("counts", extract, verify, gather)
