"""``check --fix`` and ``--show-fixes``: repair mojibake and the claims git settles exactly, in
place, atomically.

The safe claim fixes (ruff's sense: the meaning is git's, only the number changes): a file's
line count (HL305) or test count (HL406) where git gives one number, the percentage written
after a ratio (HL401), a date off by its year or by one month alone when every commit of the
session has the same date (HL501), the subject written after a real commit's id (HL205), a
named commit's or the window's diff stat written as git writes it (HL206, HL307), a count whose
witness is the document's own list and a table's Total row that is the sum of its rows
(HL402). Only the number (or the subject, or the stat) in the claim's own text is replaced, and
only where the line still holds that text at the claim's column. The unsafe fixes (``unsafe``)
apply only when asked for.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from handoff_lint.checks import hygiene
from handoff_lint.claims.commit import STATS as SHORTSTAT
from handoff_lint.claims.date import MONTH_NAMES
from handoff_lint.document import source
from handoff_lint.report import unsafe

if TYPE_CHECKING:
    from handoff_lint.model import Claim

NUMBER = re.compile(r"\d{1,3}(?:[,.]\d{3})+|\d+")
WRITE = re.compile(r"^write (?P<n>\d+(?:\.\d+)?)(?P<pct>%?)$")
PERCENT = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*%")
SAFE = {"HL305", "HL406", "HL401", "HL501", "HL205", "HL206", "HL307"}
# the English month names, as the date claims know them ("january jan enero ...")
ENGLISH_MONTHS = [names.split()[0] for _, names in sorted(MONTH_NAMES.items())]
SUBJECT = re.compile(r"^write '(?P<s>.+)'$")
MEANT = re.compile(r"^did you mean (?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\?$")


def kind(claim: Claim) -> str:
    """ "safe", "unsafe" or "" (no fix) for a claim's fix."""
    if claim.verdict != "refuted" or not claim.fix:
        return ""
    if claim.rule == "HL402":
        if claim.kind == "counts" and claim.value.get("measure") in ("items", "total"):
            return "safe"  # the document's own list or rows are the witness
        return "unsafe" if WRITE.match(claim.fix) else ""
    if claim.rule in ("HL201", "HL302"):
        return "unsafe"
    return "safe" if claim.rule in SAFE else ""


def _date(line: str, claim: Claim) -> str | None:
    """A date off by its year alone, or by one month of the same year, where every commit of
    the session has the same date ("Jan 25, 2025" for commits of 2026-01-25, 2025-10-13 for
    commits of 2025-11-13): the year, or the month, in the claim's text is replaced."""
    meant = MEANT.match(claim.fix)
    claimed = str(claim.value.get("date", ""))
    start = claim.column - 1
    if meant is None or " to " in claim.reason or not line.startswith(claim.text, start):
        return None
    if claimed[5:] == f"{meant['m']}-{meant['d']}" and claim.text.count(claimed[:4]) == 1:
        text = claim.text.replace(claimed[:4], meant["y"])
    elif claimed[:4] == meant["y"] and claimed[8:] == meant["d"]:
        text = _month(claim.text, claimed, int(claimed[5:7]), int(meant["m"])) or ""
    else:
        return None
    return line[:start] + text + line[start + len(claim.text) :] if text else None


def _month(text: str, claimed: str, was: int, meant: int) -> str | None:
    """``text`` with month ``was`` written as ``meant`` (one month apart): in the ISO date, or
    in the one month name the text holds, written as it was (full or short, in its case)."""
    if abs(was - meant) != 1:
        return None
    if text.count(claimed) == 1:
        return text.replace(claimed, f"{claimed[:5]}{meant:02d}{claimed[7:]}")
    names = list(re.finditer(r"[A-Za-z]+", text))
    named = [m for m in names if m.group(0)[:3].lower() == ENGLISH_MONTHS[was - 1][:3]]
    if len(named) != 1 or len(named[0].group(0)) not in (3, len(ENGLISH_MONTHS[was - 1])):
        return None
    word = named[0].group(0)
    new = ENGLISH_MONTHS[meant - 1][: 3 if len(word) == 3 else None]
    new = new.upper() if word.isupper() else new.capitalize() if word[0].isupper() else new
    return text[: named[0].start()] + new + text[named[0].end() :]


def _subject(line: str, claim: Claim) -> str | None:
    """A real commit with a wrong subject after it ("abc1234 - Add the parsr"): the subject as
    written, once on the line after the id, becomes git's (not where git's subject would break
    the line's Markdown: a "|" in a table row, a backtick in a code span)."""
    fix, claimed = SUBJECT.match(claim.fix), str(claim.value.get("subject", ""))
    start = claim.column - 1
    if fix is None or not claimed or line[start : start + len(claim.text)] != claim.text:
        return None
    real, after = fix.group("s"), start + len(claim.text)
    if line[after:].count(claimed) != 1 or (line.lstrip().startswith("|") and "|" in real):
        return None
    at = line.index(claimed, after)
    if "`" in real and "`" in line[:at]:
        return None
    return line[:at] + real + line[at + len(claimed) :]


def _shortstat(line: str, claim: Claim) -> str | None:
    """A named commit's diff stat written as git writes it, on its own line below the commit
    ("5 files changed, 1103 insertions(+)"), becomes git's summary (the only one on the line)."""
    fix = claim.fix.removeprefix("write ")
    found = list(SHORTSTAT.finditer(line))
    if not claim.fix.startswith("write ") or len(found) != 1 or not SHORTSTAT.fullmatch(fix):
        return None
    return line[: found[0].start()] + fix + line[found[0].end() :]


def _target(claim: Claim, lines: list[str], claims: list[Claim]) -> int:
    """The line a claim's fix edits: a commit's diff stat is written on its own line, a file's
    action word may be its list's heading."""
    stats = claim.value.get("stats")
    if claim.rule == "HL206" and isinstance(stats, dict):
        return int(stats.get("line", claim.line))
    if claim.rule == "HL302":
        return unsafe.action_target(claim, lines, claims)
    return claim.line


def _edit(line: str, claim: Claim) -> str | None:
    """``line`` with ``claim``'s number replaced by git's, or None when no fix applies."""
    if claim.rule == "HL501":
        return _date(line, claim)
    if claim.rule == "HL205":
        return _subject(line, claim)
    if claim.rule in ("HL206", "HL307"):
        return _shortstat(line, claim)
    if claim.rule == "HL201":
        return unsafe.commit_id(line, claim)
    if claim.rule == "HL302":
        return unsafe.action(line)
    fix = WRITE.match(claim.fix)
    start = claim.column - 1
    if fix is None:
        return None
    if line[start : start + len(claim.text)] != claim.text:
        return None  # the line changed since it was read, or is not this claim's
    end = start + len(claim.text)
    if fix.group("pct"):  # the percentage after the ratio: "162/165 (97.2%)"
        found = PERCENT.search(line, end)
        if found is None or claim.rule != "HL401":
            return None
        return line[: found.start("n")] + fix.group("n") + line[found.end("n") :]
    number = NUMBER.search(claim.text)
    if number is None or claim.value.get("approx") or claim.value.get("at_least"):
        return None
    at = start + number.start()
    return line[:at] + fix.group("n") + _agree(line[start + number.end() :], fix.group("n"))


# the nouns a fixed count is written before: "1 commit", "3 commits"
NOUN_AFTER = re.compile(r"^(\s+)(commit|file|test|line|item|task|insertion|deletion)(s?)\b")


def _agree(rest: str, count: str) -> str:
    """The text after a rewritten count, its noun made to agree: "1 commits" -> "1 commit"."""
    noun = NOUN_AFTER.match(rest)
    if noun is None:
        return rest
    plural = "" if count == "1" else "s"
    return noun.group(1) + noun.group(2) + plural + rest[noun.end() :]


def claim_edits(
    lines: list[str], claims: list[Claim], unsafe_too: bool = False
) -> tuple[list[str], list[Claim]]:
    """The lines with every safe claim fix of ``claims`` applied, and the unsafe ones with
    ``unsafe_too`` (right to left on a line, so the columns of the others stay true), and the
    claims fixed. An action word one file's fix rewrote (a heading's) is fixed for the others."""
    wanted = ("safe", "unsafe") if unsafe_too else ("safe",)
    chosen = [c for c in claims if kind(c) in wanted]
    targets = {id(c): _target(c, lines, claims) for c in chosen}
    out, fixed, worded = list(lines), [], set()
    for claim in sorted(chosen, key=lambda c: (targets[id(c)], -c.column)):
        target = targets[id(claim)]
        if claim.rule == "HL302" and target in worded:
            fixed.append(claim)
            continue
        if 0 < target <= len(out):
            edited = _edit(out[target - 1], claim)
            if edited is not None:
                out[target - 1] = edited
                fixed.append(claim)
                if claim.rule == "HL302":
                    worded.add(target)
    return out, fixed


def _repaired(
    path: Path, claims: list[Claim] | None = None, unsafe_too: bool = False
) -> tuple[source.SourceText, list[str], list[Claim]]:
    text = source.read(path)
    lines, fixed = claim_edits(text.lines, claims or [], unsafe_too)
    return text, [hygiene.repaired(line) for line in lines], fixed


def unsafe_available(path: Path, claims: list[Claim]) -> int:
    """How many claims of ``path`` only ``--unsafe-fixes`` would fix."""
    _, fixed = claim_edits(source.read(path).lines, claims, True)
    return sum(1 for claim in fixed if kind(claim) == "unsafe")


def preview(
    path: Path, name: str, claims: list[Claim] | None = None, unsafe_too: bool = False
) -> str:
    """A unified diff of what --fix would change ('' when nothing), with ``name`` (the path from
    the repository root) in its headers, as ``git diff`` writes them."""
    text, lines, _ = _repaired(path, claims, unsafe_too)
    diff = difflib.unified_diff(text.lines, lines, f"a/{name}", f"b/{name}", lineterm="")
    return "\n".join(diff) + "\n" if lines != text.lines else ""


def fix(
    path: Path, claims: list[Claim] | None = None, unsafe_too: bool = False
) -> tuple[int, list[Claim]] | None:
    """Rewrite ``path`` with mojibake repaired (temp file + rename, same permissions, same line
    endings and BOM), and the safe fixes of ``claims``; return the number of lines changed and
    the claims fixed, or None for a symbolic link (replacing the link with a file would change
    what it is)."""
    if path.is_symlink():
        return None
    text, lines, fixed = _repaired(path, claims, unsafe_too)
    changed = sum(1 for a, b in zip(text.lines, lines, strict=True) if a != b)
    if not changed:
        return 0, []
    newline = "\r\n" if text.crlf else "\n"
    body = newline.join(lines)
    data = body.encode(text.encoding if text.encoding != "utf-16" else "utf-16")
    if text.had_bom and text.encoding == "utf-8":
        data = b"\xef\xbb\xbf" + data
    write_atomic(path, data)
    return changed, fixed


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file next to ``path``, then rename it over ``path``: a
    reader sees the old file or the new one, never half of one. The file keeps its
    permissions (a new one gets the umask's)."""
    if path.exists():
        mode = path.stat().st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
