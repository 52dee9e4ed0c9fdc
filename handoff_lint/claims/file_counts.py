"""Counts of files the session created, modified, deleted or renamed (HL402).

"3 new files created", "**Files Modified:** 9", "**Total Files Changed**: 21", "12 modified
files, 1 new file", "删除文件: 40个", "**22 个文件** 被修改", "変更ファイル: 1個", "新規0件、修正1件、
削除0件". A count agrees with git when it is the window's count for that action (net, or in one of
its commits; documents count Markdown files only, code files the rest); "N+" is at least N and "~N"
within the configured tolerance. Fewer than the window holds, where the window's start is an
estimate, is unverifiable: the session may have started later.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from handoff_lint import lazyre
from handoff_lint.claims import file_count_readings as readings
from handoff_lint.claims import files as file_claims
from handoff_lint.claims import filetypes, register, witness
from handoff_lint.claims.file_count_shapes import (
    ACTION,
    ACTIONS,
    ALL,
    CHANGED,
    COMPACT,
    COMPACT_LINE,
    DIFF_STAT,
    IN_FOLDER,
    NUMBER,
    SHAPES,
    WORDS,
    each_commits_total,
    enumerated,
)
from handoff_lint.claims.line_sizes import agrees
from handoff_lint.claims.stats import FILES_LINES
from handoff_lint.claims.walk import Line, done_lines, section_commit, table_cells
from handoff_lint.document import frontmatter, textscan
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence


def _said(match: re.Match[str]) -> str:
    found = match.groupdict()
    return str(found.get("a1") or found.get("a2") or "")


def _action(match: re.Match[str]) -> str:
    return _action_word(_said(match))


# a noun of one kind of file: "test files", "code files", "source files"
KIND = lazyre.compile(r"\b(?:code|source|" + filetypes.KIND + r")\s+files?\b", re.I)


def _action_word(said: str) -> str:
    said = said.lower()
    for name, words in ACTIONS.items():
        if said and re.fullmatch(words, said):
            return name
    return "changed"


# "created/modified", "created and modified", "créés ou modifiés": a second action word
ALSO = lazyre.compile(
    r"\s*(?:/|&|,|\band\b|\bor\b|\bou\b|\by\b|\be\b|\bund\b|或|和|与)\s*(?P<a3>" + ACTION + r")",
    re.I,
)
MADE = {"created", "modified"}


# "Kotlin files", "workflow files": a kind of file before the noun
TYPED = lazyre.compile(r"(" + filetypes.KIND + r")\s+files?$", re.I)


def _value(match: re.Match[str], measure: str) -> dict[str, Any]:
    noun = (match.groupdict().get("noun") or match.groupdict().get("noun2") or "").lower()
    named = TYPED.match(noun)
    kind = (
        filetypes.kind(named.group(1))
        if named
        else "docs"
        if re.search(r"doc|文档|ドキュメント", noun)
        else "code"
        if "code" in noun or "source" in noun
        else ""
    )
    value: dict[str, Any] = {"count": int(match.group("n")), "measure": measure, "of": kind}
    if named and kind == "docs":
        value["part"] = True  # "documentation files" may be the guides, not every Markdown file
    if match.group("more"):
        value["at_least"] = True
    if match.group("approx"):
        value["approx"] = True
    return value


def _claims_on(line: Line) -> list[Claim]:
    out: list[Claim] = []
    taken: set[int] = set()
    patterns = [*SHAPES, COMPACT] if COMPACT_LINE.search(line.text) else SHAPES
    for pattern in patterns:
        for match in pattern.finditer(line.text):
            start = match.start("n")
            if start in taken:
                continue
            measure = _action(match)
            also = match if match.groupdict().get("a3") else ALSO.match(line.text, match.end())
            if also and measure != "changed":  # "11 files created/modified"
                other = _action_word(also.group("a3"))
                if other != measure:
                    both = {measure, other}
                    measure = "created or modified" if both == MADE else "changed"
            if pattern is SHAPES[1] and ACROSS.search(line.text, 0, match.start()):
                continue  # "81 tests across 8 files": the files the tests are in
            alone = pattern is SHAPES[1] and measure == "changed" and not match.group("approx")
            if alone and not CHANGED.search(line.text):
                continue  # "5 files" alone counts files of some kind, not the session's changes
            in_folder = IN_FOLDER.match(line.text, match.end())
            if measure == "changed" and in_folder and not CHANGED.search(line.text):
                continue  # "(~90 arquivos em src/)": the files a folder holds
            if (
                measure == "changed"
                and _said(match).lower() in ("", "total")
                and KIND.search(match.group(0))
            ):
                continue  # "8 test files total": an inventory of a kind, the typed kind's
            value = _value(match, measure)
            typed = TYPED_AFTER.match(line.text, match.end("n"))
            if typed and measure == "changed" and _said(match).lower() in ("", "total"):
                continue  # "Total Files: 29 Java files": the tree's, the typed_files kind's
            if typed:
                value["of"] = filetypes.kind(typed.group(1))  # "Files Modified: 5 Kotlin files"
            taken.add(start)
            out.append(Claim("file_count", match.group("n"), line.number, start + 1, value))
    return out


# "| 新規 | 18 | +2,208 |" under "| 種類 | ファイル数 | 追加行数 |", "| Modified | 4 |" under
# "| Change | Files |": a row per action, its count in a column of files
FILES_COLUMN = lazyre.compile(
    r"^\W*(?:files?|file\s+count|#\s*files|(?:文件|ファイル|파일|檔案)\s*(?:数|數|수)?|"
    r"archivos|arquivos|fichiers|dateien)\W*$",
    re.I,
)
ACTION_CELL = lazyre.compile(r"^[\s*_`]*(?P<a1>" + ACTION + r")(?:\s+files?)?[\s*_`:：]*$", re.I)
COUNT_CELL = lazyre.compile(r"^[\s*]*" + NUMBER + r"[\s*]*$", re.I)


def _table_row(line: Line) -> list[Claim]:
    cells = table_cells(line.text)
    action = ACTION_CELL.match(cells[0][1]) if cells else None
    if action is None:
        return []
    header = line.block.table_header
    for index in range(1, min(len(cells), len(header))):
        if FILES_COLUMN.match(header[index]):
            count = COUNT_CELL.match(cells[index][1])
            if count is None:
                return []
            value = _value(count, _action(action))
            start = cells[index][0] + count.start("n")
            return [Claim("file_count", count.group("n"), line.number, start + 1, value)]
    return []


# a count of the files other things are spread over, not of the session's files
ACROSS = lazyre.compile(
    r"\b(?:across|spread\s+(?:across|over)|distributed\s+(?:across|over)|über)\s*[*_`]*$", re.I
)


# the kind of the files counted, written after the count: "29 Java files", "3 test files"
TYPED_AFTER = lazyre.compile(r"\s*(?:个|個)?\s+(" + filetypes.KIND + r")\s+files?\b", re.I)


# a count of the whole session or project, even under a commit's heading
WHOLE = lazyre.compile(
    r"\b(?:total|overall|session|all|in\s+all|project|altogether|gesamt|insgesamt)\b|总|合計|全部",
    re.I,
)


# "Totals: 6 sessions, ~37 files touched": a count over several sessions, not this one's window
SESSIONS = lazyre.compile(
    r"\b(?:\d+|two|three|four|five|six|several|all)\s+(?:sessions|sprints|phases)\b"
    r"|\bacross\s+(?:all\s+|the\s+)?(?:sessions|sprints|phases)\b",
    re.I,
)


def _diff_stat(text: str) -> bool:
    """ "3 files changed, 40 insertions(+)", "22 files modified, 7,288 lines added": the
    stats kind's, not a count of files alone."""
    return bool(DIFF_STAT.search(text) or FILES_LINES.search(text))


def _front_matter_counts(doc: Document) -> set[int]:
    """How many files the document's front matter lists (GSD's "key-files: {created: [..],
    modified: [..]}"): each list's, and both together."""
    tables = frontmatter.key_files(doc)
    if not tables:
        return set()
    sizes = [len(v) for k, v in tables[0][1].items() if k in MADE and isinstance(v, list)]
    return {*sizes, sum(sizes)} if sizes else set()


LISTS = {
    "created": ("created",),
    "modified": ("modified",),
    "created or modified": ("created", "modified"),
    "changed": ("created", "modified", "deleted"),
}


def _front_matter_files(doc: Document, measure: str) -> list[str]:
    """The files the front matter's key-files lists for ``measure`` (each list named by it)."""
    tables = frontmatter.key_files(doc)
    if not tables:
        return []
    mapping = tables[0][1]
    names = [mapping.get(name) for name in LISTS.get(measure, ())]
    return sorted({str(p) for v in names if isinstance(v, list) for p in v if isinstance(p, str)})


def _without_paths(text: str) -> str:
    """``text`` with its paths blanked: "(session_status.go, session.go)" names no session."""
    for start, end, _ in reversed(textscan.path_tokens(text)):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _listed(doc: Document, line: Line) -> witness.Witness | None:
    """The files the document itself lists for a count: a pasted list above its own line in
    a code block ("Total Files: 11" ending it), or the list of files right after a heading or
    a label ("### New Files (12)" over twelve items naming files)."""
    if line.shape:
        return witness.listed_above(line.block, line.number)
    if line.block.kind == "heading" or (line.first and line.block.list_depth < 0):
        return witness.after(doc, line.block, "files") or witness.total_above(doc, line.block)
    return None


# a heading over work git has not recorded: "## UNCOMMITTED CHANGES", "### Local changes"
UNCOMMITTED = lazyre.compile(
    r"\b(?:uncommit|untracked|unstaged|not\s+(?:yet\s+)?committed|local\s+changes|"
    r"working\s+(?:tree|copy)|git\s+status)|nicht\s+committ|未提交|未跟踪|未コミット",
    re.I,
)


def _named(doc: Document, line: Line, claim: Claim) -> bool:
    """ "All 3 new test files ...": the count is the number of files the document itself
    names for its action."""
    if not ALL.search(line.text, 0, claim.column - 1):
        return False
    measure, of = str(claim.value["measure"]), str(claim.value.get("of", ""))
    found = readings.named(file_claims.extract(doc), doc.path, measure, of)
    return int(claim.value["count"]) in found


def _uncommitted(line: Line) -> bool:
    """The line stands under a heading that tells of changes not committed: git cannot count
    them."""
    section = line.block.section
    return section is not None and any(UNCOMMITTED.search(s.title) for s in section.chain())


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    front = _front_matter_counts(doc)
    for line in done_lines(doc):
        if SESSIONS.search(line.text) or _uncommitted(line):
            continue
        row = line.block.kind == "table_row"
        words = WORDS.search(line.folded) is not None
        if (words or row) and not _diff_stat(line.text):
            found = _claims_on(line) if words else []
            found = found or (_table_row(line) if row else [])
            listed = _listed(doc, line) if found else None
            commit = section_commit(line, doc) if found else None
            total = bool(found) and WHOLE.search(_without_paths(line.text)) is not None
            if total and commit is not None and not each_commits_total(doc, line):
                commit = None  # after the last commit's section: the total of them all
            whole = total and commit is None
            for claim in found:
                if whole:
                    claim.value["whole"] = True  # "Total Files Created: 9": not one commit's
                    listed_files = _front_matter_files(doc, str(claim.value["measure"]))
                    if listed_files:
                        claim.value["front_files"] = listed_files
                named = enumerated(line.text, claim.column - 1)
                if listed is not None:
                    claim.value["listed"] = listed.count
                elif named:
                    claim.value["listed"] = named  # "**Docs Created:** 3 (A, B, C)"
                elif int(claim.value["count"]) in front:
                    claim.value["listed"] = int(claim.value["count"])  # the front matter's list
                elif _named(doc, line, claim):
                    claim.value["listed"] = int(claim.value["count"])
                    claim.value["named"] = True  # the files the document names elsewhere
                if commit is not None:
                    claim.value["commit"] = commit
            out.extend(found)
    return out


def _beyond_commit(claim: Claim, evidence: Evidence) -> bool:
    """A count under a commit's heading that is more than the files the commit changes is
    refuted (it may count fewer: its new files, its code files)."""
    named = str(claim.value.get("commit", ""))
    found = evidence.objects.get(named) if named else None
    info = evidence.commits.get(found.sha) if found is not None and found.sha else None
    count = int(claim.value["count"])
    if info is None or count <= info.files or claim.value.get("at_least"):
        return False
    claim.settle(
        "refuted",
        f"{named} changes {info.files} files in all, fewer than the {count} claimed for it",
        "HL402",
    )
    return True


def verify(claims: list[Claim], evidence: Evidence) -> None:
    # counts the document's own file lists witness: a summary that repeats one restates it
    listed = {
        int(c.value["count"]): c.line
        for c in claims
        if c.value.get("listed") == int(c.value["count"])
    }
    for claim in claims:
        if not evidence.available or evidence.window.head is None:
            claim.settle("unverifiable", evidence.unavailable_reason or "no commits to count")
            continue
        count, measure = int(claim.value["count"]), str(claim.value["measure"])
        if _beyond_commit(claim, evidence):
            continue
        found = readings.accepted(claim, evidence)
        net = found[0] if found else 0
        of = str(claim.value.get("of", ""))
        noun = {"docs": "documents", "code": "code files", "": "files"}.get(of, f"{of} files")
        if any(agrees(count, actual, claim.value, evidence.settings) for actual in found):
            claim.settle("verified", f"{count} {noun} {measure} agrees with git")
        elif claim.value.get("listed") == count:
            where = "the document names" if claim.value.get("named") else "listed above it"
            claim.settle("verified", f"counts the {count} files {where}")
        elif count in listed:
            claim.settle(
                "verified", f"restates line {listed[count]}, which counts the files listed there"
            )
        elif claim.value.get("part") and count < max(found, default=0):
            claim.settle(
                "unverifiable",
                f"git gives {net} {noun} {measure}; {count} may count a part of them",
            )
        elif count < (confirmed := readings.confirmed(claim, evidence)):
            claim.settle(
                "refuted",
                f"{count} {noun} {measure} claimed; the document's own key-files lists "
                f"{confirmed} that the session changed (git gives {net} in the window)",
                "HL402",
                f"write {confirmed}",
            )
        elif (
            count < net and not evidence.window_exact() and count >= readings.least(claim, evidence)
        ):
            claim.settle(
                "unverifiable",
                f"the session window {measure} {net} {noun}, but where it starts is an estimate",
            )
        else:
            shown = ", ".join(str(n) for n in sorted(set(found))[:4])
            claim.settle(
                "refuted",
                f"{count} {noun} {measure} claimed; git gives {shown} (the window, or one commit)",
                "HL402",
                f"write {net}" if len(set(found)) == 1 else "",
            )


register("file_count", extract, verify)
