"""The data every stage passes on: the document model, claims, findings and windows."""

from __future__ import annotations

import bisect
import enum
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal, TypeVar

if TYPE_CHECKING:
    from handoff_lint.config import Config

Verdict = Literal["verified", "refuted", "unverifiable", "unchecked"]
Severity = Literal["error", "warning", "info"]
T = TypeVar("T")


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in the document's source text."""

    line: int
    column: int


@dataclass
class Block:
    """One leaf block of the document with the source lines it covers.

    ``kind`` is one of heading, paragraph, table_row, code, html, break.
    ``lines`` holds the raw source lines (no line endings) from ``line`` on.
    """

    kind: str
    line: int
    lines: list[str]
    section: Section | None = None
    list_depth: int = -1
    item_id: int = -1
    parent_item_id: int = -1
    table_header: list[str] = field(default_factory=list)
    info: str = ""

    @property
    def end_line(self) -> int:
        return self.line + len(self.lines) - 1

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class Section:
    """A heading and the blocks under it, in a tree of headings."""

    title: str
    level: int
    line: int
    column: int
    parent: Section | None = None
    role: str = ""
    done: bool = False  # the heading marks its work done ("✅", "Complete", "5/5")
    heads_document: bool = False  # the document's own title (its first heading, at level 1)
    _chain: list[Section] | None = field(default=None, repr=False, compare=False)
    _plan: bool | None = field(default=None, repr=False, compare=False)

    @property
    def in_plan(self) -> bool:
        """This section or an enclosing one holds plans (roles are set when a section is made),
        unless a heading nearer to it marks its work done ("## Blockers" > "### ✅ #1 fixed"),
        also in a plan document ("# Next Session Brief" > "## Master Plan" > "### ✅
        COMPLETED": what it lists as done is a claim like any other). A title further down
        ("# PREVIOUS SESSION: ... COMPLETE ✅", another session's) holds whatever is under it."""
        if self._plan is None:
            self._plan = False
            done = False
            for section in self.chain():
                title = section.parent is None and section.level == 1
                done = done or (section.done and not title)
                if section.role == "plan" and (not done or (title and not section.heads_document)):
                    self._plan = True  # a later title ("# PREVIOUS SESSION: ...") holds it all
                    break
        return self._plan

    def within(self, role: str) -> bool:
        """This section or an enclosing one has ``role``."""
        return any(s.role == role for s in self.chain())

    def chain(self) -> list[Section]:
        """This section and its ancestors, innermost first (sections never change parent)."""
        if self._chain is None:
            self._chain = [self, *(self.parent.chain() if self.parent else [])]
        return self._chain


@dataclass
class MetaField:
    """A ``**Key:** value`` line or a front-matter key."""

    key: str
    value: Any
    line: int
    column: int
    source: Literal["line", "front_matter"] = "line"


@dataclass(frozen=True)
class HeadingWords:
    """Heading words a configuration adds: words that mark plans, and words that mark done
    work (``plan_headings``, ``claim_headings``). Passed to ``parse`` and kept on the document."""

    plans: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()


@dataclass
class Document:
    """The parsed document: the source, its blocks and sections, front matter and metadata."""

    path: str
    lines: list[str]
    blocks: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    front_matter: dict[str, Any] | None = None
    front_matter_line: int = 0
    metadata: list[MetaField] = field(default_factory=list)
    title: str = ""
    title_position: Position | None = None
    problems: list[Finding] = field(default_factory=list)
    derived: dict[str, Any] = field(default_factory=dict)  # see ``once``
    heading_words: HeadingWords = field(default_factory=HeadingWords)  # the configuration's

    def once(self, key: str, make: Callable[[], T]) -> T:
        """``make()``, worked out once per document and kept under ``key`` (the model does not
        change after parsing: one extractor's result or index serves the others)."""
        if key not in self.derived:
            self.derived[key] = make()
        found: T = self.derived[key]
        return found

    def section_at(self, line: int) -> Section | None:
        """The innermost section holding ``line`` (None above the first heading)."""
        starts = self.once("section_starts", lambda: [s.line for s in self.sections])
        index = bisect.bisect_right(starts, line) - 1
        return self.sections[index] if index >= 0 else None

    def meta(self, *keys: str) -> MetaField | None:
        """The first metadata field whose key (case-insensitive) is one of ``keys``."""
        wanted = {k.lower() for k in keys}
        for item in self.metadata:
            if item.key.lower() in wanted:
                return item
        return None


@dataclass
class Claim:
    """A statement the document makes that git can confirm or refute."""

    kind: str
    text: str
    line: int
    column: int
    value: dict[str, Any] = field(default_factory=dict)
    verdict: Verdict = "unchecked"
    reason: str = ""
    rule: str = ""
    fix: str = ""

    def settle(self, verdict: Verdict, reason: str, rule: str = "", fix: str = "") -> None:
        """Record the outcome of verification."""
        self.verdict = verdict
        self.reason = reason
        self.rule = rule
        self.fix = fix


@dataclass
class Finding:
    """A problem reported at a position of a document."""

    rule: str
    name: str
    severity: Severity
    line: int
    column: int
    message: str
    claim: Claim | None = None
    fixed: bool = False  # --fix rewrote its claim: the finding stays as an info note

    def sort_key(self) -> tuple[int, int, str]:
        return (self.line, self.column, self.rule)


class Origin(enum.Enum):
    """Where a window's start comes from (its value is how a finding explains it)."""

    SINCE = "--since"  # the user's own start
    FRONT_MATTER = "front matter base"  # the document's own
    NO_COMMITS = "no commits yet"
    DOCUMENT_CHANGED = "since this document last changed"
    FIRST_COMMIT = "whole history (the document came with the first commit)"
    FIRST_HANDOFF = "whole history (first handoff document)"
    PREVIOUS_HANDOFF = "since the previous handoff document"
    FOLDER = "since the previous document added to its folder (an estimate)"
    SEARCH_LIMIT = "the last {} first-parent commits (no earlier handoff within them)"
    WITH_WORK = "from the commit that added the previous handoff document along with other work"
    PREVIOUS_VERSION = "since the previous version of this document"
    PAUSE = "the commits since the last pause of more than 6 hours"
    AGENT_PLAN = 'since the coding agent\'s "Initial plan" commit that opened this task'
    NO_GIT = "--no-git"
    OUTSIDE = "outside"
    INVALID = "invalid"
    UNKNOWN = ""


# windows whose start is given, or is exactly where the history says a session starts
EXACT = frozenset({Origin.SINCE, Origin.FRONT_MATTER, Origin.PREVIOUS_HANDOFF, Origin.AGENT_PLAN})
EXPLICIT = frozenset({Origin.SINCE, Origin.FRONT_MATTER})  # windows the user set: nothing fits them


SAME = "\0same"  # an end of a window left where it is (no commit id is written so)


class Fit(enum.Enum):
    """A step that moved a window's ends after its origin set them (``window_fit``, ``versions``,
    ``followup``)."""

    CITED = "fitted to the oldest cited commit"
    SHALLOW = "cut by the shallow clone's boundary"
    WRITTEN = "ended at the last commit of the document's date"
    BRANCH = "the work of the branch it reports on"
    LATER_FIX = "widened to a later fix of the document"
    EDIT = "widened to the edit"
    AFTER = "widened to the commits after it"


@dataclass(frozen=True)
class Window:
    """The commits a document reports on: ``base`` (exclusive) to ``head`` (inclusive).

    ``base`` is None for a whole-history window; ``staged`` means the window also holds the
    index (a document about to be committed). ``origin`` says where its start comes from and
    ``steps`` how it was fitted since, each with the words a finding explains it by.
    """

    base: str | None
    head: str | None
    staged: bool = False
    origin: Origin = Origin.UNKNOWN
    previous: str = ""  # the previous handoff document whose commit starts the window
    notes: tuple[str, ...] = ()  # more of how the window was found (no effect on verdicts)
    steps: tuple[tuple[Fit, str], ...] = ()
    searched: int = 0  # how many commits the search for a previous handoff read (SEARCH_LIMIT)

    @property
    def how(self) -> str:
        origin = self.origin.value.format(self.searched)
        return "; ".join([origin, *(text for _, text in self.steps)])

    @property
    def explicit(self) -> bool:
        """The user set the window's start (``--since``, front matter ``base:``)."""
        return self.origin in EXPLICIT and not self.steps

    @property
    def exact(self) -> bool:
        """The window starts where it was given or found, moved by no step since."""
        return self.origin in EXACT and not self.steps

    def moved(
        self, fit: Fit, text: str = "", *, base: str | None = SAME, head: str | None = SAME
    ) -> Window:
        """This window with its ends moved by the step ``fit`` (an end not given stays),
        explained by ``text`` (the step's own words when empty)."""
        return replace(
            self,
            base=self.base if base == SAME else base,
            head=self.head if head == SAME else head,
            steps=(*self.steps, (fit, text or fit.value)),
        )

    @property
    def span(self) -> str:
        """The revision range of the window's commits for ``git log``/``rev-list``."""
        return f"{self.base}..{self.head}" if self.base else str(self.head)

    def describe(self) -> str:
        base = self.base[:12] if self.base else "(root)"
        head = self.head[:12] if self.head else "(no commits)"
        text = f"{base}..{head}"
        if self.staged:
            text += " + staged changes"
        return text

    def explain(self) -> str:
        """How the window was found, naming the previous handoff document where one starts it."""
        how = self.how
        for phrase in (
            "the previous handoff document",
            "the previous document added to its folder",
        ):
            if self.previous and phrase in how:
                how = how.replace(phrase, f"{phrase} {self.previous}", 1)
                break
        return "; ".join((how, *self.notes))


def accuracy(verified: int, refuted: int, unverifiable: int) -> dict[str, Any]:
    """The counts of verdicts and the accuracy score: verified / (verified + refuted), None
    when nothing was checked (one formula for a document and for a whole run)."""
    checked = verified + refuted
    score = round(verified / checked, 4) if checked else None
    return {"verified": verified, "refuted": refuted, "unverifiable": unverifiable, "score": score}


def default_settings() -> Config:
    from handoff_lint.config import Config

    return Config()


@dataclass
class DocumentResult:
    path: str
    window: Window | None = None
    claims: list[Claim] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def accuracy(self) -> dict[str, Any]:
        verdicts = [c.verdict for c in self.claims]
        return accuracy(*(verdicts.count(v) for v in ("verified", "refuted", "unverifiable")))

    @property
    def failed(self) -> bool:
        return any(f.severity == "error" for f in self.findings)


@dataclass
class RunResult:
    documents: list[DocumentResult]
    git_calls: int = 0
    settings: Config = field(default_factory=default_settings)
    shallow: bool = False  # a shallow clone: claims about older history cannot be judged
    prefix: str = ""  # the working folder from the repository root ("docs/"), for root paths
    warnings: list[str] = field(default_factory=list)  # for standard error ("no documents found")

    @property
    def failed(self) -> bool:
        return any(d.failed for d in self.documents)
