"""Line-count claims about files: "`x.ts` (74 lines)", "(NEW - 2,469 lines)", "| `x.py` | +21, -12 |".

A bare N is exact; "~N" is within 10% (at least 5 lines); "N+" means at least N. "+N" is the
file's insertions in one commit of the window or in the whole window. A plain N for a file the
window created is its line count at the end of the window; for a file that existed before, the
line count or the insertions agree with it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import named, register
from handoff_lint.claims.file_words import LABEL, label_action
from handoff_lint.claims.line_echoes import echoes
from handoff_lint.claims.line_labels import key_files_sizes, labelled_sizes
from handoff_lint.claims.line_sizes import (
    CHANGES,
    agrees,
    candidates,
    created_size,
    inserted,
    moments,
    part_added,
)
from handoff_lint.claims.line_tables import ADDED_PART, MADE_WORDS, line_claim, table_claims
from handoff_lint.claims.walk import (
    Line,
    done_lines,
    prose_lines,
    settle_absent,
    told_before,
)
from handoff_lint.document import counted_paths, quantity, roles, textscan
from handoff_lint.git import contents
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

DIFFSTAT = lazyre.compile(r"^\s*(?P<path>\S.*?)\s+\|\s+(?P<n>\d+)\s*[+\-]*\s*(?:\(new file\))?\s*$")
# the words a line must hold to carry a line count (cheap to test before any pattern)
CHANGE_WORDS = lazyre.words("insertion", "deletion")
# "(150L)", "(+120/-25)" after a path: counts of lines written short
SHORT_FORMS = lazyre.compile(r"\d\s?L(?![\w.])|\(\s*\+\d")
LINE_WORDS = lazyre.words(
    "line",
    "loc",
    "行",
    "줄",
    "zeile",
    "línea",
    "linea",
    "linha",
    "ligne",
    "righe",
    "строк",
    "regel",
)
# a line that tells of a change of size ("refactored index.ts (2013 lines) into 53", "from 800
# to 120 lines") may give the size before the session
RESIZED = lazyre.compile(
    r"\b(?:into|from|reduced|shrunk|slimmed|split|refactored|extracted|down\s+to|cut)\b|→|->", re.I
)


def _prose_claims(line: Line) -> list[Claim]:
    found = []
    for start, path, q in counted_paths.annotated(
        line.text, line.starts_item or line.first, ("lines", "insertions"), bool(line.shape)
    ):
        claim = line_claim(line, path, q)
        if claim.value["measure"] == "lines" and ADDED_PART.search(line.text, start, q.start):
            claim.value["added_part"] = True
        found.append(claim)
    if found and RESIZED.search(line.text):
        for claim in found:
            claim.value["before"] = True
    return found


def _diffstat_claims(line: Line) -> list[Claim]:
    """ " src/x.py | 12 +++---" of pasted ``git diff --stat``: 12 lines changed in the file."""
    match = DIFFSTAT.match(line.text)
    if not match:
        return []
    path = textscan.normalize_path(match.group("path").strip().lstrip(".").lstrip("/"))
    if not textscan.looks_like_path(path):
        return []
    count = int(match.group("n"))
    value = {"path": path, "count": count, "measure": "changed"}
    return [Claim("lines", match.group("n"), line.number, match.start("n") + 1, value)]


# a plan's words for a file still to be made or reshaped: its size there is a goal
TO_COME = lazyre.compile(
    r"\b(?:create|add|write|new|extract|build|implement|split|reduce|shrink|cut|grow|target|"
    r"goal|estimat|aim|expect|should|will|would|max|limit|under|below|at\s+most)|\bto\s+~?\d|→|->",
    re.I,
)


def _present_sizes(doc: Document) -> list[Claim]:
    """ "1. KeyValueTest.java (200 lines)" in a list of remaining work: the size of a file
    that is there now is a fact about the present, even in a plan (a goal is not: "~300",
    "300+", "split into 3 files of 200 lines")."""
    out: list[Claim] = []
    for line in prose_lines(doc):
        if not line.planned or line.block.kind == "table_row" or not LINE_WORDS.search(line.folded):
            continue
        if TO_COME.search(line.text) or told_before(doc, line):
            continue  # a goal, or the state before ("**Structure avant** :")
        for claim in _prose_claims(line):
            value = claim.value
            if value.get("approx") or value.get("at_least") or value.get("before"):
                continue
            if value["measure"] == "lines" and not value.get("code"):
                value["present"] = True
                out.append(claim)
    return out


def _made_here(line: Line, label: str) -> bool:
    """The line lists a file the session made: under a heading or a label of created files
    ("## Documentation Created", "**Created:**")."""
    if line.block.kind == "table_row":
        return False
    if MADE_WORDS.search(line.text):  # "The team built `client.py` (385 LOC)"
        return True
    return label == "created" or roles.file_action(line.block.section) == "created"


# "  - 800+ lines of scenario tests" under "- **Load tests** (`tests/load.rs`)": a nested item
# that starts with a size
SIZE_FIRST = lazyre.compile(
    r"^\s*(?:[-*+]|\d+[.)])\s+[*_]*(?:(?:result|size|total|now|final(?:\s+size)?|length)"
    r"[*_]*\s*[:：]\s*[*_]*)?(?=[~≈]?\d)",
    re.I,
)
# "(was 66 lines)", "(previously 380 lines)": the file's size before the session, after its size
WAS = lazyre.compile(r"\b(?:was|previously|from)\s*$", re.I)


def _under_file(line: Line, item_files: dict[int, str]) -> list[Claim]:
    """A nested item that starts with a line count ("- 272 lines", "- Result: 78 lines total")
    and names no file: the size of the one file its parent item names; a size after "was" on
    it is the file's size before the session."""
    parent = item_files.get(line.block.parent_item_id)
    start = SIZE_FIRST.match(line.text) if parent and line.starts_item else None
    if start is None or textscan.path_tokens(line.text):
        return []
    found = [q for q in quantity.every(line.text) if q.unit == "lines"]
    if not found or found[0].start != start.end() or found[0].change or found[0].plus:
        return []
    out = [line_claim(line, str(parent), found[0])]
    for earlier in found[1:]:  # "- Result: 78 lines total (was 66 lines)"
        if WAS.search(line.text, max(0, earlier.start - 12), earlier.start) and not earlier.change:
            claim = line_claim(line, str(parent), earlier)
            claim.value["before"] = claim.value["was"] = True
            out.append(claim)
    return out


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    done = done_lines(doc)
    label = ""
    item_files: dict[int, str] = {}  # list item -> the one file its first line names
    unit = ""  # the unit of lines the root of a drawn tree gives its branches
    bare: list[Line] = []  # lines with a unit of lines and no claim: a size without its file
    for line in done:
        found: list[Claim] = []
        if line.shape != "tree":
            unit = _root_unit(line)
        elif unit and not LINE_WORDS.search(line.folded):
            out.extend(_branch_claims(line, unit))
            continue
        if line.starts_item:
            paths = textscan.path_tokens(line.text)
            if len(paths) == 1:
                item_files[line.block.item_id] = paths[0][2]
        if line.block.kind == "heading":
            label = ""
        elif line.block.kind == "paragraph" and line.block.list_depth < 0:
            labelled = LABEL.match(line.text)
            label = label_action(labelled.group("label"), doc.heading_words) if labelled else ""
        if line.block.kind == "table_row":
            found = table_claims(line)
        elif line.shape == "diffstat":
            found = _diffstat_claims(line)
        elif (
            LINE_WORDS.search(line.folded)
            or CHANGE_WORDS.search(line.folded)
            or SHORT_FORMS.search(line.text)
        ):
            found = _prose_claims(line) or _under_file(line, item_files) or named.prose_claims(line)
        if found and told_before(doc, line):
            for claim in found:
                claim.value["before"] = True
        if found and _made_here(line, label):
            for claim in found:
                claim.value["made"] = True
        elif not found and LINE_WORDS.search(line.folded):
            bare.append(line)
        out.extend(found)
    if doc.metadata:
        taken = {c.line for c in out}
        extra = labelled_sizes(doc, {line.number for line in done})
        out.extend(c for c in extra if c.line not in taken)
    out += _present_sizes(doc) + key_files_sizes(doc)
    taken = {c.line for c in out}
    rows = {line.number for line in done if line.block.kind == "table_row"}
    return out + echoes([line for line in bare if line.number not in taken], out, rows)


# "Calendar System: 2,965 líneas" over "├─ views.py: 460": a count of lines at the root of a
# drawn tree, whose branches give their counts bare
ROOT_UNIT = lazyre.compile(
    r"[:：]\s*~?\d[\d,.]*\+?\s*(?P<unit>lines?|LOC|行|líneas|linhas|lignes|Zeilen|righe)\b", re.I
)
BARE_BRANCH = lazyre.compile(r"[:：]\s*~?\d[\d,.]*\+?\s*$")


def _root_unit(line: Line) -> str:
    if not line.shape:  # a line of prose, not of a code block
        return ""
    found = ROOT_UNIT.search(line.text)
    return found.group("unit") if found else ""


def _branch_claims(line: Line, unit: str) -> list[Claim]:
    """A branch "├─ views.py: 460" under a root that counts lines: 460 lines of views.py (the
    count as written is the claim's text)."""
    if not BARE_BRANCH.search(line.text):
        return []
    whole = line.text + " " + unit
    found = _prose_claims(dataclasses.replace(line, text=whole, folded=whole.casefold()))
    for claim in found:
        claim.text = claim.text[: max(1, len(line.text) - claim.column + 1)].rstrip()
    return found


def _file_of(claim: Claim, evidence: Evidence) -> str | None:
    """The file the claim's count is about, or None once the claim is settled without one (no
    file of that name, several, a plan's goal, the document itself, a file made anew)."""
    if claim.value.get("echo_path") and not claim.value.get("path"):
        claim.value.update(path=claim.value["echo_path"], echo=True)  # the name fits no file
    if claim.value.get("name") and not claim.value.get("path"):
        claim.settle(
            "unverifiable", f"no one file the session created is called {claim.value['name']}"
        )
        return None
    path = evidence.resolve(str(claim.value["path"])) if evidence.available else None
    namesakes = evidence.namesakes(str(claim.value["path"])) if path is None else []
    if namesakes and claim.value["measure"] not in CHANGES and not claim.value.get("present"):
        _settle_namesakes(claim, namesakes, evidence)
    elif claim.value.get("present") and (path is None or path not in evidence.files_at_end):
        claim.settle("unverifiable", "a file a plan names that is not there: a goal")
    elif path is None or (
        path not in evidence.files_at_end and not contents.sizes(evidence).numstat.get(path)
    ):
        settle_absent(claim, evidence, "HL305")
    elif path == evidence.doc_path:
        claim.settle("unverifiable", "a count of the document's own lines changes as it is written")
    else:
        claim.value["resolved"] = path
        if not (claim.value.get("was") and "A" in evidence.actions(path)):
            return path
        claim.settle(
            "unverifiable",
            "the session created the file: a size before it is of another file (the one "
            "it replaced?)",
        )
    return None


def _judge(claim: Claim, path: str, evidence: Evidence) -> None:
    found, measure = candidates(path, claim.value, evidence)
    claimed = int(claim.value["count"])
    if claim.value["measure"] in CHANGES and not any(n == claimed for n in found):
        claim.settle(
            "unverifiable",
            f"no commit of the session window changed the file by {claimed} lines: "
            "pasted from another range of commits?",
        )
    elif not found:
        claim.settle("unverifiable", f"git has no {measure} for the file in the window")
    elif any(agrees(claimed, actual, claim.value, evidence.settings) for actual in found):
        claim.settle("verified", f"{claimed} {measure} agrees with git")
    elif claim.value.get("made") and claimed in created_size(path, evidence):
        claim.settle(
            "unverifiable",
            f"the session's first commit of the file gave it {claimed} lines and later ones "
            f"changed it ({', '.join(map(str, found[:3]))} now): which moment the document "
            "describes git cannot tell",
        )
    elif part_added(claim, path, evidence):
        claim.settle(
            "unverifiable",
            f"a count of what the session added to the file, which it changed by "
            f"{inserted(path, evidence)} insertions: git cannot tell which of them",
        )
    elif measure not in ("insertions", "net lines") and any(
        agrees(claimed, size, claim.value, evidence.settings) for size in moments(path, evidence)
    ):
        claim.settle(
            "unverifiable",
            f"the file had {claimed} lines after an earlier commit of the session "
            f"({', '.join(map(str, found[:3]))} now): which moment the document describes "
            "git cannot tell",
        )
    else:
        shown = ", ".join(str(n) for n in sorted(set(found))[:4])
        fix = f"write {found[0]}" if len(set(found)) == 1 else ""
        named = f"{path}, the file given this size elsewhere," if claim.value.get("echo") else ""
        claim.settle(
            "refuted",
            f"{named or 'the file'} has {shown} {measure} in git, not {claimed}",
            "HL305",
            fix,
        )


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        path = _file_of(claim, evidence)
        if path is not None:
            _judge(claim, path, evidence)
    _restated(claims)


def _settle_namesakes(claim: Claim, paths: list[str], evidence: Evidence) -> None:
    """A size of a name several files have ("`playwright.config.ts` (60 lines)"): refuted
    when none of them has it in any way git can tell, at any moment of the session."""
    claimed, sizes = int(claim.value["count"]), []
    for path in paths:
        found, _ = candidates(path, claim.value, evidence)
        earlier = moments(path, evidence) | set(created_size(path, evidence))
        if (
            any(agrees(claimed, n, claim.value, evidence.settings) for n in [*found, *earlier])
            or not found
        ):
            claim.settle(
                "unverifiable",
                f"{len(paths)} files are called {claim.value['path']} ({', '.join(paths)}): "
                "which one the document means git cannot tell",
            )
            return
        sizes.append(f"{path} has {', '.join(map(str, sorted(set(found))[:3]))}")
    claim.settle(
        "refuted",
        f"none of the {len(paths)} files called {claim.value['path']} has {claimed} lines "
        f"({'; '.join(sizes)})",
        "HL305",
        f"write the file's path from the repository root ({paths[0]}?)",
    )


def _restated(claims: list[Claim]) -> None:
    """One file's size stated twice in a document is one statement: where one statement of it
    is not refuted (its line says the session created the file, and git cannot tell which
    moment it describes), neither are the others written as exactly ("272 lines" is not
    excused by "~272 lines" elsewhere)."""

    def key(claim: Claim) -> tuple[str, int, str, bool, bool, bool]:
        value = claim.value  # "~272 lines" holds where "272 lines" need not: not the same
        path, count = str(value.get("resolved", "")), int(value["count"])
        exactness = bool(value.get("approx")), bool(value.get("at_least"))
        measure = f"{value.get('measure')}{value.get('sign', '')}"  # "-9 net" is not "+9 net"
        return path, count, measure, bool(value.get("code")), *exactness

    agreed: dict[tuple[str, int, str, bool, bool, bool], Claim] = {}
    for claim in claims:
        if claim.verdict in ("verified", "unverifiable") and claim.value.get("resolved"):
            agreed.setdefault(key(claim), claim)
    for claim in claims:
        other = agreed.get(key(claim)) if claim.verdict == "refuted" else None
        if other is not None:
            claim.settle(other.verdict, f"as stated on line {other.line}: {other.reason}")


register("lines", extract, verify, contents.gather_sizes)
