"""A duration beside the document's own start and end times: "**Duration:** ~5 min" with
"**Started:** 2026-07-27T19:09:47-04:00" and "**Completed:** 2026-07-27T19:13:46-04:00" (GSD's
summaries give both, and `duration: 5min` in the front matter). The document's own arithmetic,
so no git is needed: the duration must be the time between the two, to the unit it is written
in (a minute for "5 min", an hour for "2h") and within 10% of the span (HL402).

Judged only when the document gives one start and one end, each a date with a time of day
(a date alone, "completed: 2026-07-27", says nothing of minutes); durations in other places
(a table of tasks, "took 3 hours") are not read.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.document import frontmatter
from handoff_lint.model import Claim, Document, MetaField

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

DURATION_KEY = lazyre.compile(
    r"^(?:duration|elapsed(?:\s+time)?|time\s+(?:spent|taken)|total\s+time|duración|duração|"
    r"dauer|durée|耗时|用时|所要時間|作業時間)$",
    re.I,
)
START_KEY = lazyre.compile(
    r"^(?:started(?:\s+at)?|start(?:\s+time)?|inicio|início|beginn|début|开始时间|開始時刻|開始)$",
    re.I,
)
END_KEY = lazyre.compile(
    r"^(?:completed(?:\s+at)?|finished(?:\s+at)?|ended(?:\s+at)?|end(?:\s+time)?|fin|fim|ende|"
    r"完成时间|终了时间|終了時刻|終了)$",
    re.I,
)
STAMP = lazyre.compile(
    r"\b\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?![\w:])"
)
SPAN = lazyre.compile(
    r"^[\s*_`]*(?P<approx>~|≈|about\s+|approx\.?\s+|ca\.\s*)?"
    r"(?:(?P<h>\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hours?|小时|時間)\s*)?"
    r"(?:(?P<m>\d+)\s*(?:m|min|mins|minutes?|分钟|分)\s*)?"
    r"(?:(?P<s>\d+)\s*(?:s|sec|secs|seconds?|秒))?[\s*_`.]*$",
    re.I,
)
LONGEST = 30 * 24 * 3600  # a span of more than a month is no one session's


def _key(meta: MetaField) -> str:
    return meta.key.strip(" *_`:：").strip()


def _moment(meta: MetaField) -> dt.datetime | None:
    found = STAMP.search(str(meta.value))
    if found is None:
        return None
    try:
        return dt.datetime.fromisoformat(found.group(0).replace(" ", "T"))
    except ValueError:
        return None


def _span(begun: dt.datetime, done: dt.datetime) -> float | None:
    """Seconds from the start to the end, when both are times of day the same way (both with
    a time zone or both without) and the end comes after the start, within a month."""
    if (begun.tzinfo is None) != (done.tzinfo is None):
        return None
    seconds = (done - begun).total_seconds()
    return seconds if 0 < seconds <= LONGEST else None


NOTE = lazyre.compile(r"\s*[(（][^()（）]*[)）]\s*$")  # "2h 37m (commits + verification)"


def _bare(meta: MetaField) -> str:
    return NOTE.sub("", str(meta.value)).strip()


def _claimed(meta: MetaField) -> tuple[float, float] | None:
    """(seconds, the unit it is written to) of a duration as written ("~" changes nothing:
    the unit and the 10% already allow for rounding)."""
    found = SPAN.match(_bare(meta))
    if found is None or not (found.group("h") or found.group("m") or found.group("s")):
        return None
    hours, minutes, seconds = (float(found.group(g) or 0) for g in ("h", "m", "s"))
    grain = 1.0 if found.group("s") else 60.0 if found.group("m") else 3600.0
    if found.group("h") and "." in found.group("h"):
        grain = 360.0  # "1.5 hours": to a tenth of an hour
    return hours * 3600 + minutes * 60 + seconds, grain


def _front_matter(doc: Document) -> list[MetaField]:
    """The front matter's duration ("duration: 5min", GSD's metrics), as a field of its own."""
    value = (doc.front_matter or {}).get("duration")
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return []
    line = frontmatter.key_line(doc, "duration")
    column = doc.lines[line - 1].find(str(value)) + 1
    return [MetaField("duration", value, line, max(column, 1), "front_matter")]


def extract(doc: Document) -> list[Claim]:
    starts = [(m, t) for m in doc.metadata if START_KEY.match(_key(m)) and (t := _moment(m))]
    ends = [(m, t) for m in doc.metadata if END_KEY.match(_key(m)) and (t := _moment(m))]
    if len(starts) != 1 or len(ends) != 1:
        return []  # none, or one per task: which span a duration is of is not known
    (start, begun), (end, done) = starts[0], ends[0]
    span = _span(begun, done)
    if span is None:
        return []
    out: list[Claim] = []
    for meta in [*_front_matter(doc), *doc.metadata]:
        claimed = _claimed(meta) if DURATION_KEY.match(_key(meta)) else None
        if claimed is None:
            continue
        seconds, grain = claimed
        value = {"seconds": seconds, "grain": grain, "span": span}
        value |= {"start_line": start.line, "end_line": end.line}
        out.append(Claim("duration", _bare(meta), meta.line, meta.column, value))
    return out


def _shown(seconds: float) -> str:
    minutes = round(seconds / 60)
    return f"{minutes // 60}h {minutes % 60:02d}m" if minutes >= 60 else f"{minutes} min"


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        span, seconds = float(claim.value["span"]), float(claim.value["seconds"])
        slack = float(claim.value["grain"]) / 2 + 0.1 * span
        between = f"lines {claim.value['start_line']} and {claim.value['end_line']}"
        if abs(seconds - span) <= slack:
            claim.settle("verified", f"the start and end times on {between} agree")
        else:
            claim.settle(
                "refuted",
                f"the document's own start and end times ({between}) are {_shown(span)} "
                f"apart, not {claim.text}",
                "HL402",
                f"write {_shown(span)}",
            )


register("duration", extract, verify)
