"""Whether a claimed commit subject is the commit's: tolerant of case, punctuation, quoting,
conventional prefixes and paraphrase, and of a step label before it ("Task 2 - ...") and the
commit's size after it ("(+1,300 lines)")."""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING

from handoff_lint import lazyre

if TYPE_CHECKING:
    from handoff_lint.git.repo import CommitInfo

ELLIPSIS = lazyre.compile(r"(?:…|\.\.\.)\s*$")
WORD = lazyre.compile(r"[a-z0-9]+")


@functools.lru_cache(maxsize=16384)  # a suggestion compares claims with each window commit
def _words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text.lower()))


@functools.lru_cache(maxsize=16384)
def _stems(text: str) -> frozenset[str]:
    """Words without a plural "s", and each pair of neighbours written as one ("clean up" and
    "cleanup"): a paraphrase of a subject uses the same words in other forms."""
    words = [_stem(w) for w in _words(text)]
    return frozenset(words) | {a + b for a, b in itertools.pairwise(words)}


# the short forms commit subjects use for the long words a summary writes, and back
SHORT = {
    "documentation": "doc",
    "document": "doc",
    "documented": "doc",
    "documenting": "doc",
    "implementation": "impl",
    "implemented": "impl",
    "implement": "impl",
    "configuration": "config",
    "configure": "config",
    "configured": "config",
    "initial": "init",
    "initialize": "init",
    "initialization": "init",
    "dependency": "dep",
    "dependencie": "dep",
    "repository": "repo",
    "authentication": "auth",
    "authorization": "auth",
    "environment": "env",
    "specification": "spec",
}


def _stem(word: str) -> str:
    word = word[:-1] if len(word) > 3 and word.endswith("s") else word
    return SHORT.get(word, word)


COMMON = {"the", "a", "an", "and", "of", "to", "for", "in", "with", "on", "add", "fix", "update"}
COMMON |= {"feat", "chore", "docs", "refactor", "test", "tests", "style", "ci", "build", "perf"}


# "Task 2 - Production environment update": the plan's step the commit did, then a paraphrase
LEADING_STEP = lazyre.compile(
    r"^\s*(?:task|step|part|phase|stage|item|tarea|paso|tâche|étape|aufgabe|schritt|任务|步骤|"
    r"タスク|ステップ)\s*#?\d+[a-z]?\s*[:.)\-–—]\s*",
    re.I,
)


# "Monitoring stack (+1,300 lines)": the commit's size after the paraphrase
TRAILING_STATS = lazyre.compile(r"\s*[(（][^()（）]*\d[^()（）]*[)）]\s*$")


# words of the languages reports are written in besides English, that no English subject has
# (a description in the report's language after an id whose subject is in English)
OTHER_LANGUAGE = lazyre.compile(
    r"\b(?:de|del|con|el|los|las|para|en|una?|da|do|dos|das|com|em|und|der|die|mit|für|"
    r"le|les|des|du|et|pour|avec|nel|della|per)\b|[áéíóúñãõçàèêâôüöäß]|[\u0400-\u04ff]"
    r"|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]",
    re.I,
)


def described(claimed: str, info: CommitInfo) -> bool:
    """The text after the id is a description in the report's language, the subject git has
    in English ("`90cb9f1` — fixtures históricos de tracking"): no subject to compare."""
    return bool(OTHER_LANGUAGE.search(claimed)) and not OTHER_LANGUAGE.search(info.subject)


def subject_matches(claimed: str, info: CommitInfo) -> bool:
    """Tolerant of case, punctuation, quoting, prefixes and paraphrase of the message (a step
    label before it and the commit's size after it may be left out)."""
    claimed = ELLIPSIS.sub("", claimed)  # a subject cut short: "feat: add the pars…"
    if described(claimed, info) or _matches(claimed, info):
        return True
    bare = TRAILING_STATS.sub("", LEADING_STEP.sub("", claimed))
    return bare != claimed and bool(bare.strip()) and _matches(bare, info)


def _matches(claimed: str, info: CommitInfo) -> bool:
    said, real = " ".join(_words(claimed)), " ".join(_words(info.subject))
    if not said or said in real or (real and real in said):
        return True
    subject_words = set(_words(info.subject)) - COMMON
    overlap = len(subject_words & set(_words(claimed)))
    if overlap >= 2 and overlap / len(subject_words) >= 0.6:
        return True  # the subject, with commentary around it
    words = set(_words(claimed)) - {"the", "a", "an", "and", "of", "to", "for", "in", "with"}
    if not words:
        return True
    known = _stems(info.subject + " " + info.body)
    said_stems = _stems(" ".join(words)) & {_stem(w) for w in words}
    return len(said_stems & known) / len(said_stems or words) >= 0.5
