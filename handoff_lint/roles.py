"""What a heading or a bold label says its content is: done work, plans, files, commits."""

from __future__ import annotations

import re

from handoff_lint import lazyre
from handoff_lint.model import Section

# Order matters: the first role whose pattern matches wins.
ROLE_PATTERNS: list[tuple[str, lazyre.Pattern]] = [
    (
        "plan",
        lazyre.compile(
            r"\b(next|remaining|todo|to[- ]do|recommend\w*|future|follow[- ]?up|pending|upcoming|"
            r"roadmap|planned|plans?|suggest\w*|priorit\w*|before running|if tests fail|"
            r"backlog|open questions?|known issues|blockers?|outstanding|deferred|how to|"
            r"instructions|quick commands|commands reference|previous sessions?|"
            r"key technical docs|expected|projected|projections?|estimated|targets?|goals?|"
            r"to (?:update|modify|create|add|fix|change|delete|remove|review|do)|resume)\b",
            re.I,
        ),
    ),
    (
        "files",
        lazyre.compile(
            r"\b(created|new|added)\b.*\b(modified|updated|changed)\b|\b(modified|updated|changed)\b.*\b(created|new|added)\b",
            re.I,
        ),
    ),
    ("files_deleted", lazyre.compile(r"^\W*(deleted|removed)\b", re.I)),
    (
        "files_created",
        lazyre.compile(
            r"^\W*(created|new|added)\b(?!\s+(?:features?|tests?|functionality)\b)", re.I
        ),
    ),
    ("files_modified", lazyre.compile(r"^\W*(modified|updated|changed|edited|fixed)\b", re.I)),
    (
        "files_modified",
        lazyre.compile(
            r"\b(models?|scripts?|modules?|components?|services?|schemas?|routes?|endpoints?|migrations?)\s+"
            r"(fixed|updated|modified|changed|edited|refactored)\b",
            re.I,
        ),
    ),
    (
        "files_deleted",
        lazyre.compile(
            r"\b(files?|documents?|docs)\b.*\b(deleted|removed)\b|\b(deleted|removed) files?\b",
            re.I,
        ),
    ),
    (
        "files_created",
        lazyre.compile(
            r"\b(files?|documents?|docs|documentation)\b.*\b(created|added|new)\b|\b(created|new|added) (files?|documents?)\b|\bcreated this session\b",
            re.I,
        ),
    ),
    (
        "files_modified",
        lazyre.compile(
            r"\b(files?|documents?|documentation|docs|scripts?|modules?)\b.*\b(modified|updated|edited)\b|\b(modified|updated|edited) files?\b",
            re.I,
        ),
    ),
    (
        "files",
        lazyre.compile(
            r"^\W*files?\W*$|\bfiles?\b.*\b(changed|touched|involved|affected)\b|\b(changed|touched) files?\b",
            re.I,
        ),
    ),
    ("commits", lazyre.compile(r"\b(commits?|git log|git history|commit history)\b", re.I)),
    (
        "summary",
        lazyre.compile(
            r"\b(overview|summary|achievements?|accomplish\w*|completed|what was done|highlights|results|tl;?dr|work done|deliverables|outcome|résumé|resumen|zusammenfassung)\b|摘要|總結|总结|概要|完成",
            re.I,
        ),
    ),
]

FILE_ROLES = {"files", "files_created", "files_modified", "files_deleted"}
ACTION_OF_ROLE = {
    "files_created": "created",
    "files_modified": "modified",
    "files_deleted": "deleted",
    "files": "changed",
}


_extra_plans: re.Pattern[str] | None = None
_claim_words: re.Pattern[str] | None = None


def _words(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


_known: dict[str, tuple[str, ...]] = {}  # title -> roles, for the configuration in force


def configure(plans: list[str], claims: list[str]) -> None:
    """Add heading words that mark plans, and words that mark done work (configuration)."""
    global _extra_plans, _claim_words
    _extra_plans, _claim_words = _words(plans), _words(claims)
    _known.clear()


def roles_of(title: str) -> list[str]:
    """Every role a heading names, the primary one first (worked out once per title: the same
    headings come back in every document, and each takes ~20 pattern searches)."""
    if title not in _known:
        found = [role for role, pattern in ROLE_PATTERNS if pattern.search(title)]
        if _extra_plans is not None and _extra_plans.search(title):
            found.insert(0, "plan")
        if _claim_words is not None and _claim_words.search(title):
            found = [r for r in found if r != "plan"]
        _known[title] = tuple(dict.fromkeys(found))
    return list(_known[title])


def role_of(title: str) -> str:
    """The role a heading or label names, or '' when it names none."""
    found = roles_of(title)
    return found[0] if found else ""


def in_plan(section: Section | None) -> bool:
    """True when the section or any enclosing section holds plans, not done work."""
    return section is not None and section.in_plan


def file_action(section: Section | None) -> str:
    """The file action the innermost file-listing section implies, or ''."""
    if section is None:
        return ""
    for node in section.chain():
        if node.role in FILE_ROLES:
            return ACTION_OF_ROLE[node.role]
        if node.role and node.role != "summary":
            return ""
    return ""
