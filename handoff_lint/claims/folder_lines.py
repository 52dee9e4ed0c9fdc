"""Line counts of folders: "├── core/   (2,380 lines)" in a drawn tree, "- `src/api/` (1,200
lines)" in a list of done work.

A folder's count is at most the lines of every file under it at the end of the window: a count
of its code alone may be smaller, so a smaller count is left unverifiable, and a larger one is
refuted. A folder a tree draws with a count is refuted too when no file lies under it while
other folders of the same tree are there (the tree is of this repository, so the folder is
not). A count of lines added or changed ("src/ (+500 lines)") is not a size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from handoff_lint import lazyre
from handoff_lint.claims import register
from handoff_lint.claims.line_sizes import agrees
from handoff_lint.claims.lines import LINE_WORDS
from handoff_lint.claims.walk import Line, done_lines
from handoff_lint.document import quantity
from handoff_lint.model import Claim, Document

if TYPE_CHECKING:
    from handoff_lint.config import Config
    from handoff_lint.git.evidence import Evidence
    from handoff_lint.git.repo import RepoFacts

NAME = r"(?P<mark>[`*_]*)(?P<path>(?:\.?[\w@+-][\w.@+-]*/)+)(?P=mark)"
# a folder that starts a list item ("- `src/api/`", "1. **docs/**") or an entry of a pasted
# tree or listing ("├── core/", "  core/")
ITEM = lazyre.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?" + NAME)
ENTRY = lazyre.compile(r"^[\s│|]*(?:(?:├──|└──|├─|└─|\|--|`--|\+--)\s*)?" + NAME)
MAX_FOLDERS = 50  # folder counts judged per document (each reads the files under it)


def _written_path(line: Line, path: str) -> str:
    """The folder as the document places it: a tree's entry inside the folders above it."""
    inside = line.folder if line.shape in ("tree", "counted", "entry") else ""
    return (inside + path).strip("/")


def _claims(line: Line) -> list[Claim]:
    match = (ENTRY if line.shape else ITEM).match(line.text)
    if match is None:
        return []
    counts = [
        q
        for q in quantity.after(line.text, match.end())
        if q.unit == "lines" and not q.plus and not q.change and q.minus is None
    ]
    if len(counts) != 1:
        return []
    found = counts[0]
    value: dict[str, Any] = {"path": _written_path(line, match.group("path")), "count": found.count}
    if found.approx:
        value["approx"] = True
    if found.at_least:
        value["at_least"] = True
    if line.shape == "tree":
        value["tree"] = line.block.line  # the tree it is drawn in
    text = line.text[found.start : found.end]
    return [Claim("folder_lines", text, line.number, found.start + 1, value)]


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for line in done_lines(doc):
        if (line.shape in ("tree", "counted", "entry") or line.starts_item) and LINE_WORDS.search(
            line.folded
        ):
            out.extend(_claims(line))
    return out[:MAX_FOLDERS]


def _judge(claim: Claim, size: FolderSize, settings: Config) -> None:
    claimed = int(claim.value["count"])
    lines = f"{size.low}" if size.low == size.high else f"{size.low}-{size.high}"
    held = (
        f"the file under {size.folder}/ holds {lines} lines"
        if size.files == 1
        else f"the {size.files} files under {size.folder}/ hold {lines} lines"
    )
    if not size.complete:
        claim.settle("unverifiable", f"a file under {size.folder}/ cannot be read as text")
    elif size.low <= claimed <= size.high or agrees(claimed, size.high, claim.value, settings):
        claim.settle("verified", held)
    elif claimed > size.high:
        claim.settle(
            "refuted",
            f"{held} at the end of the session, fewer than the {claimed} claimed",
            "HL305",
            f"write {size.high}" if size.low == size.high else "",
        )
    else:
        claim.settle("unverifiable", f"{held}: a count of some of them?")


MAX_FOLDER_FILES = 2000  # files read to size the folders of one document's claims
LFS = b"version https://git-lfs"


class FolderSize(NamedTuple):
    """The lines of every file under a folder at the end of the window: ``low`` counts
    newlines, ``high`` also a last line without one; ``complete`` is False when a file under
    it is not text git can count (a submodule, a large or Git LFS file)."""

    folder: str
    files: int
    low: int
    high: int
    complete: bool


def _folder_of(written: str, folders: set[str]) -> str | None:
    """The repository folder a written one names: as written, then inside a drawn tree's root
    (leading folders dropped), then the only folder that ends so."""
    parts = written.split("/")
    for index in range(len(parts)):
        candidate = "/".join(parts[index:])
        if candidate in folders:
            return candidate
    ending = [f for f in folders if f.endswith("/" + written)]
    return ending[0] if len(ending) == 1 else None


MEMO = ("folder_lines",)


def gather(facts: RepoFacts, evidence: Evidence, claims: list[Claim]) -> None:
    """``FolderSize`` of each folder a folder_lines claim names (one ``cat-file --batch``),
    kept in the evidence's memo."""
    from handoff_lint.git.contents import line_counts, read_blobs

    written = sorted({str(c.value["path"]) for c in claims if c.kind == "folder_lines"})
    if not written or not evidence.files_at_end or MEMO in evidence.memo:
        return
    sizes: dict[str, FolderSize] = {}
    evidence.memo[MEMO] = sizes
    folders = {
        "/".join(parts[:index])
        for path in evidence.files_at_end
        for parts in [path.split("/")]
        for index in range(1, len(parts))
    }
    under: dict[str, tuple[str, list[str]]] = {}  # written -> (folder, the files under it)
    for name in written:
        folder = _folder_of(name, folders) if name else None
        if folder is not None:
            files = [p for p in evidence.files_at_end if p.startswith(folder + "/")]
            under[name] = (folder, files)
    wanted = sorted({p for _, paths in under.values() for p in paths})
    if len(wanted) > MAX_FOLDER_FILES:
        return
    window = evidence.window
    revision = "" if window.staged else str(window.head)
    blobs = read_blobs(facts.git, [f"{revision}:{p}" for p in wanted])
    for name, (folder, paths) in under.items():
        datas = [blobs.get(f"{revision}:{p}") for p in paths]
        texts = [d for d in datas if d is not None and not d.startswith(LFS)]
        low = sum(d.count(b"\n") for d in texts)
        high = sum(max(line_counts(d)) for d in texts)
        sizes[name] = FolderSize(folder, len(paths), low, high, len(texts) == len(paths))


def verify(claims: list[Claim], evidence: Evidence) -> None:
    found = evidence.memo.get(MEMO)
    sizes: dict[str, FolderSize] = found if isinstance(found, dict) else {}
    drawn = {c.value.get("tree") for c in claims if str(c.value["path"]) in sizes}
    for claim in claims:
        size = sizes.get(str(claim.value["path"])) if evidence.available else None
        if size is not None:
            _judge(claim, size, evidence.settings)
        elif claim.value.get("tree") in drawn - {None} and int(claim.value["count"]) > 0:
            claim.settle(
                "refuted",
                f"no file lies under {claim.value['path']}/ at the end of the session, while "
                "the other folders of its tree are there",
                "HL305",
            )
        else:
            claim.settle("unverifiable", f"no folder {claim.value['path']}/ is in the repository")


register("folder_lines", extract, verify, gather)
