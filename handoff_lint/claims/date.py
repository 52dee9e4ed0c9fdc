"""Date claims: the session date from front matter, a '**Date:**' line, or the title."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.document import frontmatter
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

MONTH_NAMES = {  # full names and abbreviations: English, Spanish, Portuguese, French, German, Italian
    1: "january jan enero ene janeiro janvier janv januar jän gennaio gen",
    2: "february feb febrero fevereiro fev février févr fevrier februar febbraio",
    3: "march mar marzo março mars märz marz",
    4: "april apr abril abr avril avr aprile",
    5: "may mayo maio mai maggio mag",
    6: "june jun junio junho juin juni giugno giu",
    7: "july jul julio julho juillet juil juli luglio lug",
    8: "august aug agosto ago août aout",
    9: "september sep sept septiembre setiembre setembro septembre settembre set",
    10: "october oct octubre outubro out octobre oktober okt ottobre ott",
    11: "november nov noviembre novembro novembre",
    12: "december dec diciembre dic dezembro dez décembre déc decembre dezember dicembre",
}
MONTHS = {name: number for number, names in MONTH_NAMES.items() for name in names.split()}
# any word of 3-10 letters where a month name goes; ``month_number`` says whether it is one (an
# alternation of the ~100 names cost more to compile than the rest of the pattern)
MONTH = r"(?P<month>[^\W\d_]{3,10})"
DATE = lazyre.compile(
    r"(?<!\d)(?P<iso>(?P<y1>\d{4})[-/](?P<m1>\d{1,2})[-/](?P<d1>\d{1,2}))(?!\d)"
    r"|\b(?P<long>"
    + MONTH
    + r"\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4}))\b(?![-/]\d)"
    r"|\b(?P<euro>(?P<d3>\d{1,2})\.?\s+(?:de\s+)?"
    + MONTH.replace("month", "month3")
    + r"\.?,?\s+(?:de\s+)?(?P<y3>\d{4}))\b(?![-/]\d)"
    # "22/12/2024", "12/22/2024", "22.12.2024": day or month first (dots: the day)
    r"|(?<![\w/.])(?P<num>(?P<a4>\d{1,2})(?P<sep>[/.])(?P<b4>\d{1,2})(?P=sep)(?P<y4>\d{4}))(?![\d/]|\.\d)",
    re.I,
)
# "Last updated": the day a living document was last written, any day of its session's span
UPDATED = lazyre.compile(
    r"^last\s+updated(?:\s+on)?$|^(?:zuletzt\s+)?aktualisiert$|^letzte\s+aktualisierung$"
    r"|^última\s+(?:actualización|atualização)$|^ultimo\s+aggiornamento$"
    r"|^(?:последнее\s+)?обновлен(?:ие|о)$"
    r"|^dernière\s+mise\s+à\s+jour$|最后更新$|最後更新$|最終更新$|更新时间$|更新時間$",
    re.I,
)
# a metadata key that gives the session's date, in the languages agents write ("Date",
# "Session Date", "Completed", "Merged", "Fecha", "Datum", "Stand", "日期", "会话日期", "作成日",
# "날짜"): the day the work was done, finished or brought in
KEY = lazyre.compile(
    r"^(?:[\w\s]{0,20}\s)?(?:date|datum|fecha|data|stand|completed|finished|abgeschlossen|"
    r"merged|shipped|deployed|delivered|landed)"
    r"(?:\s+(?:of\s+session|completed|started))?$|^completed(?:\s+on)?$"
    r"|^(?:session\s+)?started(?:\s+on)?$"
    r"|" + UPDATED.pattern + r"|日期$|日付$|作成日$|更新日$|完成时间$|날짜$|дата$",
    re.I,
)
# dates that are not the session's: plans, deadlines, releases, births
NOT_SESSION = lazyre.compile(
    r"\b(?:due|target|deadline|planned|next|expected|eta|review|release|launch|birth|expir\w*|"
    r"valid|estimated|scheduled|last\s+verified|pr[oó]xim[ao]|siguiente|n[äa]chste[nr]?|"
    r"prochaine?|следующ\w*)\b|预计|计划|截止|予定|目标|下次|次回",
    re.I,
)
HEADING = lazyre.compile(r"^\s*#{1,6}\s+(?:session\s+)?date\s*[:：]", re.I)
# "## 2025-09-16", "## Session: 2026-02-08 | Phase 1": a log entry headed by its date
ENTRY = lazyre.compile(
    r"^\s*#{2,4}\s+(?:(?:session|sitzung|sesión|sessão|update|log|entry|会话|セッション)\s*[:：#-]?\s*)?"
    r"(?=\d{4}-\d{1,2}-\d{1,2})",
    re.I,
)


def month_number(name: str) -> int | None:
    """The month a name (English, Spanish, Portuguese, French, German, Italian) stands for."""
    return MONTHS.get(name.lower())


def parse_date(match: re.Match[str]) -> dt.date | None:
    try:
        if match.group("iso"):
            return dt.date(int(match.group("y1")), int(match.group("m1")), int(match.group("d1")))
        if match.group("num"):
            return _day_first(match)
        if match.group("long"):
            month = month_number(match.group("month"))
            return dt.date(int(match.group("y2")), month, int(match.group("d2"))) if month else None
        month = month_number(match.group("month3"))
        return dt.date(int(match.group("y3")), month, int(match.group("d3"))) if month else None
    except ValueError:
        return None


def _day_first(match: re.Match[str]) -> dt.date:
    """ "22/12/2024", "05.06.2024" day first; "12/22/2024" month first (no 22nd month)."""
    first, second = int(match.group("a4")), int(match.group("b4"))
    day, month = (second, first) if first <= 12 < second else (first, second)
    return dt.date(int(match.group("y4")), month, day)


def month_first(match: re.Match[str]) -> dt.date | None:
    """The other reading of "05/06/2024" (May 6 where ``parse_date`` read June 5), if any."""
    if not match.group("num") or match.group("sep") != "/":
        return None
    first, second = int(match.group("a4")), int(match.group("b4"))
    if first == second or first > 12 or second > 12:
        return None
    return dt.date(int(match.group("y4")), first, second)


# "January 2025", "enero de 2025", "2025-01": a month, when no day is given
MONTH_YEAR = lazyre.compile(
    r"\b" + MONTH + r"\.?,?\s+(?:de\s+)?(?P<year>\d{4})\b(?![-/]\d)"
    r"|(?<![\d-])(?P<iso_year>\d{4})-(?P<iso_month>\d{2})(?![-/]?\d)"
)


def _month_claim(text: str, line: int, column: int) -> Claim | None:
    for match in MONTH_YEAR.finditer(text):
        month = (
            int(match.group("iso_month"))
            if match.group("iso_year")
            else month_number(match.group("month"))
        )
        year = int(match.group("iso_year") or match.group("year"))
        if month and 1 <= month <= 12 and 1990 <= year <= 2100:
            value = {"date": dt.date(year, month, 1).isoformat(), "month": True}
            return Claim("date", match.group(0), line, column + match.start(), value)
    return None


def _claim(text: str, line: int, column: int) -> Claim | None:
    for match in DATE.finditer(text):
        day = parse_date(match)
        if day is not None:
            break
    else:
        return _month_claim(text, line, column)
    value = {"date": day.isoformat()}
    other = month_first(match)
    if other is not None:
        value["or"] = other.isoformat()  # "05/06/2024": either day first or month first
    return Claim("date", match.group(0), line, column + match.start(), value)


def _meta_claims(doc: Document) -> list[Claim]:
    """Dates under a date key ("**Date:** ...", or a plain "Date: ..." near the top)."""
    out: list[Claim] = []
    for meta in doc.metadata:
        key = meta.key.strip()
        if KEY.search(key) and not NOT_SESSION.search(key):
            claim = _claim(str(meta.value), meta.line, meta.column)
            if claim and UPDATED.search(key):
                claim.value["updated"] = True
            out.extend([claim] if claim else [])
    return out


def _heading_claims(doc: Document) -> list[Claim]:
    """A "Date:" heading (or a date key's heading over the date alone: "## 完成日期" then
    "2024-10-14"), else log entries headed by their date."""
    for section in doc.sections:
        if HEADING.match(doc.lines[section.line - 1]):
            claim = _claim(doc.lines[section.line - 1], section.line, 1)
            return [claim] if claim else []
        under = _date_under(doc, section.line, section.title)
        if under is not None:
            return [under]
    out: list[Claim] = []
    for section in doc.sections:
        text = doc.lines[section.line - 1]
        if (ENTRY.match(text) or _session_heading(text)) and not section.in_plan:
            claim = _claim(text, section.line, 1)
            out.extend([claim] if claim else [])
    return out


def _date_under(doc: Document, line: int, title: str) -> Claim | None:
    """The date alone on the first line under a heading that is a date key ("## Date",
    "## 完成日期", "### Fecha")."""
    key = title.strip(" #*_:：")
    if not KEY.search(key) or NOT_SESSION.search(key):
        return None
    below = next(
        (n for n in range(line, min(line + 3, len(doc.lines))) if doc.lines[n].strip()), None
    )
    if below is None:
        return None
    text = doc.lines[below].strip(" *_>`")
    match = DATE.fullmatch(text)
    return _claim(doc.lines[below], below + 1, 1) if match and parse_date(match) else None


def _session_heading(text: str) -> bool:
    """ "## Ultima Sesion (2025-01-21)", "### Session of 2025-03-02": a heading that names a
    session and dates it (not the next one)."""
    return (
        text.lstrip().startswith("#")
        and SESSION_WORD.search(text) is not None
        and NOT_SESSION.search(text) is None
        and DATE.search(text) is not None
    )


def extract(doc: Document) -> list[Claim]:
    value = (doc.front_matter or {}).get("date")
    if value is not None:
        line = frontmatter.key_line(doc, "date")
        text = doc.lines[line - 1]
        claim = _claim(text, line, 1)
        return [claim] if claim else []
    out = _meta_claims(doc) or _heading_claims(doc)
    if not out and doc.title_position is not None:
        line = doc.title_position.line
        claim = _claim(doc.lines[line - 1], line, 1)
        if claim:
            out.append(claim)
    return out or _lead_claims(doc)


# "> This file records the work of the 2025-07-15 session", "本文件记录了 2025-07-15 会话中完成的
# 全部工作": a date that names the session, in the lines that open the document
SESSION_WORD = lazyre.compile(
    r"\bsessions?\b|\bsitzung|\bsesi[oó]n|\bsess[aã]o|\bséance|会话|會話|セッション|세션", re.I
)
LEAD_LINES = 12
NEAR = 12  # characters between the date and the word "session"


def _lead_claims(doc: Document) -> list[Claim]:
    for number, text in enumerate(doc.lines[:LEAD_LINES], start=1):
        if text.lstrip().startswith("#"):
            continue
        for match in DATE.finditer(text):
            near = text[max(0, match.start() - NEAR) : match.end() + NEAR]
            if NOT_SESSION.search(near):
                continue  # "the next session, 2026-03-20"
            if SESSION_WORD.search(near) and parse_date(match) is not None:
                claim = _claim(match.group(0), number, match.start() + 1)
                return [claim] if claim else []
    return []


def verify(claims: list[Claim], evidence: Evidence) -> None:
    days = evidence.session_days()
    for claim in claims:
        claimed = _nearest(claim, days)
        if not evidence.available:
            claim.settle("unverifiable", evidence.unavailable_reason)
        elif not days:
            claim.settle("unverifiable", "the session window has no dated commits")
        elif claim.value.get("month"):
            _settle_month(claim, claimed, days, evidence.settings.date_days)
        elif any(abs((claimed - day).days) <= evidence.settings.date_days for day in days):
            claim.settle("verified", f"the session has commits dated within a day of {claimed}")
        elif claim.value.get("updated") and min(days) <= claimed <= max(days):
            claim.settle("verified", f"{claimed} is within the session, {min(days)} to {max(days)}")
        elif any(
            abs((claimed - day).days) <= evidence.settings.date_days for day in _cited(evidence)
        ):
            claim.settle(
                "verified",
                f"the commits the document cites, none of them in the window git gives, are "
                f"dated within a day of {claimed}",
            )
        else:
            _refute(claim, days, str(claimed), "%Y-%m-%d")


def _nearest(claim: Claim, days: list[dt.date]) -> dt.date:
    """The claimed day; of the two readings of "05/06/2024", the one nearer the session's."""
    readings = [
        dt.date.fromisoformat(str(claim.value[k])) for k in ("date", "or") if k in claim.value
    ]
    return min(readings, key=lambda r: min((abs((r - d).days) for d in days), default=0))


def _cited(evidence: Evidence) -> list[dt.date]:
    """The days of the commits the document cites when none of them is in the window (a report
    committed late, into a history restarted or on another line): they date its session."""
    shas = {o.sha for o in evidence.objects.values() if o.type == "commit" and o.sha}
    window = {c.sha for c in evidence.window_commits}
    if not shas or shas & window:
        return []
    return [info.day for sha in shas if (info := evidence.commits.get(sha)) and info.day]


def _refute(claim: Claim, days: list[dt.date], claimed: str, shown: str) -> None:
    """Refuted: the session's commits are dated otherwise; the fix is their most common day,
    written as ``shown`` (a day, or a month for a month's claim)."""
    common = Counter(days).most_common(1)[0][0]
    span = f"{min(days)} to {max(days)}" if min(days) != max(days) else str(common)
    claim.settle(
        "refuted",
        f"the session's commits are dated {span}, not {claimed}",
        "HL501",
        f"did you mean {common.strftime(shown)}?",
    )


def _settle_month(claim: Claim, first: dt.date, days: list[dt.date], date_days: int) -> None:
    """A month ("January 2025") holds when a commit of the session is dated in it (or within the
    tolerance of its first or last day)."""
    after = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    margin = dt.timedelta(days=date_days)
    name = first.strftime("%Y-%m")
    if any(first - margin <= day < after + margin for day in days):
        claim.settle("verified", f"the session has commits dated in {name}")
    else:
        _refute(claim, days, f"in {name}", "%B %Y")


register("date", extract, verify)
