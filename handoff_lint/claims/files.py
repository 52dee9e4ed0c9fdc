"""File claims: paths the document says were created, modified, deleted or renamed."""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.claims.file_items import item_claims
from handoff_lint.claims.file_labels import Labels
from handoff_lint.claims.file_output import output_claims
from handoff_lint.claims.file_words import (
    ACTION_WORDS,
    WORD,
    file_claim,
    path_at,
    placed,
)
from handoff_lint.claims.walk import (
    NOWHERE,
    Line,
    header_index,
    output_lines,
    prose_lines,
    table_cells,
)
from handoff_lint.document import frontmatter, roles, textscan
from handoff_lint.model import Claim, Document, Fit, Origin, Window

if TYPE_CHECKING:
    from handoff_lint.git.evidence import Evidence

STATUS_WORDS = frozenset({*ACTION_WORDS, "file", "files", "the"})


def _status(cell: str) -> bool:
    """A cell that names an action and nothing else ("New", "✅ Created", "new file")."""
    words = WORD.findall(cell)
    return bool(words) and all(w in STATUS_WORDS for w in words)


def _file_cell(cell: str) -> bool:
    """A cell that is one path with a folder, in a code span or as a relative link."""
    return bool(textscan.CODE_PATH.fullmatch(cell) or textscan.LINK_PATH.fullmatch(cell))


# a heading over the files as they are, not as the session changed them: "### Current Admits &
# Axioms", "## Existing modules", "Inventory", "Estado actual"
PRESENT = lazyre.compile(
    r"\b(?:current(?:ly)?|present|existing|inventory|as[- ]is|actual(?:es)?|atual|aktuell\w*)\b"
    r"|现有|当前|現在|現状|현재",
    re.I,
)


def _table_claims(line: Line) -> list[Claim]:
    header = line.block.table_header
    column = header_index(header, "file", "path")
    named = column >= 0
    cells = table_cells(line.text)
    if not named and cells and _file_cell(cells[0][1].strip()):
        column = 0  # "| `src/lib/x.ts` | what it is for |": a table of files by its shape
    if column < 0 or column >= len(cells):
        return []
    start, raw = cells[column]
    stripped = raw.strip()
    found = path_at(stripped)
    if not found:
        return []
    offset, path, end = found
    action = roles.file_action(line.block.section)
    if not action:
        section = line.block.section
        reference = roles.is_reference(section)
        present = section is not None and PRESENT.search(section.title) is not None
        action = "changed" if named and not reference and not present else "exists"
    action = placed(action, stripped, end)
    action_column = header_index(header, "action", "status", "change", "type", "operation")
    if named and 0 <= action_column < len(cells):
        word = cells[action_column][1].strip().strip("*`").lower()
        if _status(word):  # "New", "✅ Created": a status; "Added deps": what changed in it
            action = next((a for w, a in ACTION_WORDS.items() if w in word), action)
    return [file_claim(path, action, line.number, start + raw.find(stripped) + offset + 1)]


def _front_matter_claims(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for key, action in (
        ("files_created", "created"),
        ("files_modified", "modified"),
        ("files_deleted", "deleted"),
        ("files_renamed", "renamed"),
    ):
        items = (doc.front_matter or {}).get(key)
        if not isinstance(items, list):
            continue
        lines = frontmatter.item_lines(doc, key)
        for position, item in enumerate(items):
            old = ""
            if isinstance(item, dict):
                old, path = str(item.get("from", "")), str(item.get("to", ""))
            else:
                path = str(item)
            line = lines[position] if position < len(lines) else frontmatter.key_line(doc, key)
            text = doc.lines[line - 1]
            column = text.find(path) + 1 if path and path in text else 1
            extra = {"old_path": old} if old else {}
            out.append(file_claim(textscan.normalize_path(path), action, line, column, **extra))
    return out + _key_files_claims(doc)


KEY_FILE_ACTIONS = {"created": "created", "modified": "modified", "deleted": "deleted"}


def _key_files_claims(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for parent, table in frontmatter.key_files(doc):
        for key, action in KEY_FILE_ACTIONS.items():
            items = table.get(key)
            if not isinstance(items, list):
                continue
            lines = frontmatter.nested_item_lines(doc, parent, key)
            for position, item in enumerate(items):
                path = textscan.normalize_path(str(item).split(" ", 1)[0].strip("`\"'"))
                if position >= len(lines) or not textscan.looks_like_path(path):
                    continue
                text = doc.lines[lines[position] - 1]
                column = text.find(path) + 1 if path in text else 1
                out.append(file_claim(path, action, lines[position], column))
    return out


def extract(doc: Document) -> list[Claim]:
    """The document's file claims, worked out once (a count of files reads them too)."""
    return doc.once("file claims", lambda: _extract(doc))


def _extract(doc: Document) -> list[Claim]:
    claims = _front_matter_claims(doc)
    claims += [
        claim
        for line in output_lines(doc)
        if line.shape in ("path", "entry", "tree") and not line.planned
        for claim in output_claims(line)
    ]
    labels = Labels(doc.heading_words)
    for line in prose_lines(doc):
        labels.see(line)
        if line.planned:
            continue
        found = _table_claims(line) if line.block.kind == "table_row" else item_claims(line, labels)
        for claim in found:
            section = line.block.section
            claim.value["list"] = f"{section.line if section else 0}:{line.block.parent_item_id}"
        claims.extend(found)
    _marked(claims)
    return claims


def _marked(claims: list[Claim]) -> None:
    """In a list whose items mark the heading's action one by one ("### New code" over
    "- `a.go` (NEW)", "- `b.go` (NEW)", "- `main.go` — registers it"), an item without the
    mark is not given it: its file was changed, how the list does not say."""
    noted: set[tuple[object, str]] = set()
    given: list[Claim] = []
    for claim in claims:
        key = (claim.value.get("list"), claim.value["action"])
        if claim.value.pop("noted", False):
            noted.add(key)
        elif claim.value.pop("given", False) and key[1] in ("created", "deleted"):
            given.append(claim)
    for claim in given:
        if (claim.value.get("list"), claim.value["action"]) in noted:
            claim.value["action"] = "changed"


# --- verification -------------------------------------------------------------------------


def _first_fitted(window: Window) -> bool:
    """A first handoff's whole-history window, started first at the oldest commit it cites:
    the session's real start is not known, only that it is not later."""
    first = [fit for fit, _ in window.steps[:1]]
    return window.origin is Origin.FIRST_HANDOFF and first == [Fit.CITED]


def _gone_with_the_document(path: str, evidence: Evidence) -> bool:
    """The newest commit of the window adds or changes the document and deletes or moves
    ``path``: the document was written before that commit's other changes."""
    newest = evidence.commit_changes[0] if evidence.commit_changes else {}
    return evidence.doc_path in newest and "D" in newest.get(path, set())


def _settle_created(claim: Claim, path: str, evidence: Evidence) -> None:
    actions = evidence.actions(path)
    if "A" in actions or "R" in actions:
        if path in evidence.files_at_end:
            claim.settle("verified", f"{path} was created in the session window")
        elif _gone_with_the_document(path, evidence):
            claim.settle(
                "verified",
                f"{path} was created in the session window; the commit that added the "
                "document removed it afterwards",
            )
        else:
            claim.settle(
                "refuted",
                f"{path} was created but no longer exists at the end of the session",
                "HL303",
            )
    elif any("A" in changes.get(path, ()) for changes in evidence.commit_changes):
        claim.settle("verified", f"{path} was deleted and created again in the session window")
    elif actions and _first_fitted(evidence.window):
        claim.settle(
            "unverifiable",
            f"{path} existed before the oldest commit the document cites; a first handoff's "
            "session may have begun earlier, so it may have made the file",
        )
    elif actions:
        claim.settle(
            "refuted",
            f"{path} already existed; the session modified it, it did not create it",
            "HL302",
            "write modified",
        )
    else:
        _not_touched(claim, path, evidence)


def _not_touched(claim: Claim, path: str, evidence: Evidence) -> None:
    if evidence.of_the_machine(str(claim.value["path"])) and not evidence.actions(path):
        claim.settle(
            "unverifiable",
            f"{claim.value['path']} is a path of the machine (written from /, in no folder of "
            "the repository): git cannot say whether the session wrote it",
        )
        return
    where = "exists but " if path in evidence.files_at_end else ""
    if not where and posixpath.basename(path) in evidence.deleted_names:
        claim.settle(
            "unverifiable",
            f"no {path} at the end of the session window, but a commit deleted a file of that "
            "name: which one the document means git cannot tell",
        )
        return
    if not where and path not in evidence.changes:
        namesakes = evidence.same_name(path)
        if namesakes and not evidence.misplaced(path) and not evidence.in_invented(path):
            claim.settle(
                "unverifiable",
                f"no file {path}; the repository has {namesakes[0]}, "
                "so the path may just be written differently",
                "HL901",
                f"did you mean {namesakes[0]}?",
            )
            return
        holder = evidence.maybe_in_submodule(path)
        if holder is not None:
            claim.settle(
                "unverifiable",
                f"no file {path} in this repository; it may be inside the submodule {holder}, "
                "whose files and history are its own",
            )
            return
    claim.value["window"] = evidence.window.describe()  # a list of such files names it once
    claim.settle(
        "refuted",
        f"{path} {where}was not changed by any commit of the session window "
        f"{claim.value['window']}",
        "HL301",
        evidence.did_you_mean(path),
    )


def excuse_elsewhere(claims: list[Claim], evidence: Evidence) -> None:
    """A file still refuted as untouched (HL301) after the window's second look, that no
    commit here holds but a commit of another ref wrote: the session may have worked there (an
    unmerged branch, a pull request squashed or still open). Unverifiable."""
    for claim in claims:
        if claim.kind != "file" or claim.verdict != "refuted" or claim.rule != "HL301":
            continue
        path = evidence.resolve(str(claim.value["path"])) or str(claim.value["path"])
        if path not in evidence.files_at_end and evidence.on_other_ref(path):
            claim.settle(
                "unverifiable",
                f"no {path} here, but a commit of another ref (an unmerged branch or a pull "
                "request) wrote it: the session may have worked there",
            )


def _settle(claim: Claim, path: str, evidence: Evidence) -> None:
    action = str(claim.value.get("action", "changed"))
    actions = evidence.actions(path)
    if action == "created":
        _settle_created(claim, path, evidence)
    elif action == "deleted":
        if path in evidence.files_at_end:
            claim.settle("refuted", f"{path} still exists at the end of the session", "HL304")
        elif "D" in actions or "R" in actions:
            claim.settle("verified", f"{path} was deleted in the session window")
        else:
            _not_touched(claim, path, evidence)
    elif action == "renamed":
        written = str(claim.value.get("old_path", ""))
        old = (evidence.resolve(written) or written) if written else ""  # "`A.java` → `src/A.kt`"
        if "R" in actions or ("A" in actions and (not old or "D" in evidence.actions(old))):
            claim.settle("verified", f"{path} was renamed or moved in the session window")
        elif "A" in actions and old == path and not evidence.actions(written):
            claim.settle(
                "verified",
                f"{path} was created in the session window; {written}, where it came from, "
                "is in no commit of it (a file moved into the repository)",
            )
        elif actions:
            claim.settle(
                "refuted", f"{path} was changed, but not renamed, in the session window", "HL302"
            )
        else:
            _not_touched(claim, path, evidence)
    elif actions:
        claim.settle("verified", f"{path} was changed in the session window")
    elif action == "exists":
        _exists(claim, path, evidence)
    else:
        _not_touched(claim, path, evidence)


def _exists(claim: Claim, path: str, evidence: Evidence) -> None:
    """A file named with no action (a table of modules and what they are for): it must be
    there; that the session made it is not claimed."""
    if path in evidence.files_at_end:
        claim.settle("verified", f"{path} exists at the end of the session")
    elif evidence.absent(str(claim.value["path"]), bool(claim.value.get("link"))):
        claim.settle(
            "refuted",
            f"{NOWHERE}{path} in the repository at the end of the session, and the session "
            "did not change such a file",
            "HL301",
            evidence.did_you_mean(path),
        )
    else:
        claim.settle("unverifiable", f"{path} is not at the end of the session window")


def verify(claims: list[Claim], evidence: Evidence) -> None:
    for claim in claims:
        if not evidence.available or (evidence.window.head is None and not evidence.window.staged):
            claim.settle(
                "unverifiable", evidence.unavailable_reason or "the repository has no commits"
            )
            continue
        path = evidence.resolve(str(claim.value["path"]))
        if path is None:
            claim.settle(
                "unverifiable",
                "the path matches several files; write it from the repository root",
                "HL901",
                evidence.did_you_mean(str(claim.value["path"])),
            )
            continue
        if textscan.ELIDED_FOLDER.search(path) and not evidence.known(path):
            claim.settle(
                "unverifiable",
                f"{path} leaves folders out, and no one file of the repository fits it",
                "HL901",
            )
            continue
        inside = evidence.submodule_of(path)
        if inside is not None:
            claim.settle(
                "unverifiable",
                f"{path} is inside the submodule {inside}, whose history is "
                "its own; check it there",
                "HL901",
            )
            continue
        if evidence.window.head is None and not evidence.actions(path):
            claim.settle(
                "unverifiable", f"the repository has no commits yet and {path} is not staged"
            )
            continue
        _settle(claim, path, evidence)
        if evidence.truncated and claim.verdict == "refuted":
            claim.settle(
                "unverifiable",
                "the session window reaches past this shallow clone's "
                "history, where it may have happened",
                "HL901",
                "fetch the full history: fetch-depth: 0",
            )


register("file", extract, verify)
