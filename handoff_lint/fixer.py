"""``check --fix`` and ``--show-fixes``: repair mojibake and the claims git settles exactly, in
place, atomically.

The safe claim fixes (ruff's sense: the meaning is git's, only the number changes): a file's
line count (HL305) or test count (HL406) where git gives one number, the percentage written
after a ratio (HL401), a date off by its year alone when every commit of the session has
the same date (HL501), the subject written after a real commit's id (HL205), and a named
commit's diff stat written as git writes it (HL206). Only the number (or the subject, or the
stat) in the claim's own text is replaced, and only where the
line still holds that text at the claim's column.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from handoff_lint import hygiene, source

if TYPE_CHECKING:
    from handoff_lint.model import Claim

NUMBER = re.compile(r"\d{1,3}(?:[,.]\d{3})+|\d+")
WRITE = re.compile(r"^write (?P<n>\d+(?:\.\d+)?)(?P<pct>%?)$")
PERCENT = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*%")
SAFE = {"HL305", "HL406", "HL401", "HL501", "HL205", "HL206"}
SHORTSTAT = re.compile(
    r"\d[\d,]*\s+files?\s+changed(?:,\s*\d[\d,]*\s+insertions?\(\+\))?"
    r"(?:,\s*\d[\d,]*\s+deletions?\(-\))?",
    re.I,
)
SUBJECT = re.compile(r"^write '(?P<s>.+)'$")
MEANT = re.compile(r"^did you mean (?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\?$")


def _year(line: str, claim: Claim) -> str | None:
    """A date off by its year alone, where every commit of the session has the same date
    ("Jan 25, 2025" for commits of 2026-01-25): the year in the claim's text is replaced."""
    meant = MEANT.match(claim.fix)
    claimed = str(claim.value.get("date", ""))
    if meant is None or " to " in claim.reason or claimed[5:] != f"{meant['m']}-{meant['d']}":
        return None
    start = claim.column - 1
    if line[start : start + len(claim.text)] != claim.text or claim.text.count(claimed[:4]) != 1:
        return None
    text = claim.text.replace(claimed[:4], meant["y"])
    return line[:start] + text + line[start + len(claim.text) :]


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


def _target(claim: Claim) -> int:
    """The line a claim's fix edits: a commit's diff stat is written on its own line."""
    stats = claim.value.get("stats")
    if claim.rule == "HL206" and isinstance(stats, dict):
        return int(stats.get("line", claim.line))
    return claim.line


def _edit(line: str, claim: Claim) -> str | None:
    """``line`` with ``claim``'s number replaced by git's, or None when no safe fix applies."""
    if claim.verdict != "refuted" or claim.rule not in SAFE:
        return None
    if claim.rule == "HL501":
        return _year(line, claim)
    if claim.rule == "HL205":
        return _subject(line, claim)
    if claim.rule == "HL206":
        return _shortstat(line, claim)
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
    return line[:at] + fix.group("n") + line[start + number.end() :]


def claim_edits(lines: list[str], claims: list[Claim]) -> tuple[list[str], list[Claim]]:
    """The lines with every safe claim fix applied (right to left on a line, so the columns of
    the others stay true), and the claims fixed."""
    out, fixed = list(lines), []
    for claim in sorted(claims, key=lambda c: (_target(c), -c.column)):
        target = _target(claim)
        if 0 < target <= len(out):
            edited = _edit(out[target - 1], claim)
            if edited is not None:
                out[target - 1] = edited
                fixed.append(claim)
    return out, fixed


def _repaired(
    path: Path, claims: list[Claim] | None = None
) -> tuple[source.SourceText, list[str], list[Claim]]:
    text = source.read(path)
    lines, fixed = claim_edits(text.lines, claims or [])
    return text, [hygiene.repaired(line) for line in lines], fixed


def preview(path: Path, name: str, claims: list[Claim] | None = None) -> str:
    """A unified diff of what --fix would change ('' when nothing), with ``name`` (the path from
    the repository root) in its headers, as ``git diff`` writes them."""
    text, lines, _ = _repaired(path, claims)
    diff = difflib.unified_diff(text.lines, lines, f"a/{name}", f"b/{name}", lineterm="")
    return "\n".join(diff) + "\n" if lines != text.lines else ""


def fix(path: Path, claims: list[Claim] | None = None) -> tuple[int, list[Claim]] | None:
    """Rewrite ``path`` with mojibake repaired (temp file + rename, same permissions, same line
    endings and BOM), and the safe fixes of ``claims``; return the number of lines changed and
    the claims fixed, or None for a symbolic link (replacing the link with a file would change
    what it is)."""
    if path.is_symlink():
        return None
    text, lines, fixed = _repaired(path, claims)
    changed = sum(1 for a, b in zip(text.lines, lines, strict=True) if a != b)
    if not changed:
        return 0, []
    newline = "\r\n" if text.crlf else "\n"
    body = newline.join(lines)
    data = body.encode(text.encoding if text.encoding != "utf-16" else "utf-16")
    if text.had_bom and text.encoding == "utf-8":
        data = b"\xef\xbb\xbf" + data
    mode = path.stat().st_mode
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, mode & 0o7777)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return changed, fixed
