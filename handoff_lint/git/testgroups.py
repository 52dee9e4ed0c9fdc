"""Named groups of tests inside a test file, each with how many tests it defines.

A document counts tests by the groups it wrote them in: "Edge Cases (4 tests)", "Domain
Patterns: 3 tests". The groups are the file's own: a ``describe``/``context``/``group`` call
(Jest, Vitest, Mocha, Dart), an RSpec ``describe "x" do`` block, a Python test class, a JUnit
``@Nested`` class, and a section comment (``// MARK: - Edge Cases``, ``// ===== EDGE CASE
TESTS =====``, ``# --- Edge cases ---``) that runs to the next one. The tests inside each are
counted with ``testdefs``; a group whose tests are generated is *dynamic*.
"""

from __future__ import annotations

import ast
import bisect
import itertools
import re
from dataclasses import dataclass

from handoff_lint import lazyre
from handoff_lint.git import testdefs


@dataclass(frozen=True)
class Group:
    """A named group of tests: its names (a class and its display name), line and count."""

    names: tuple[str, ...]
    line: int
    count: int
    dynamic: bool


CALL = lazyre.compile(
    r"(?<![\w.$])(?:describe|context|suite|group)(?:\.(?:only|skip))?\s*\(\s*"
    r"(['\"`])(?P<name>[^'\"`\n]{2,120})\1"
)
RSPEC = lazyre.compile(
    r"^(?P<indent>[ \t]*)(?:RSpec\.)?(?:describe|context)\s+['\"](?P<name>[^'\"\n]{2,120})['\"]"
    r".*\bdo\s*(?:\|[^|]*\|)?\s*$",
    re.M,
)
SECTION = lazyre.compile(
    r"^[ \t]*(?://+|#+|/\*+|--)[ \t]*(?:MARK:[ \t]*-?[ \t]*(?P<mark>[^\n]*?\S)|"
    r"[=\-*~#]{3,}[ \t]*(?P<ruled>[^=\-*~#\n]*?[^\W_][^=\-*~#\n]*?)[ \t]*[=\-*~#]{3,})"
    r"[ \t]*(?:\*+/)?[ \t]*$",
    re.M,
)
NESTED = lazyre.compile(
    r"@Nested\b(?:\s*@DisplayName\(\s*\"(?P<shown>[^\"\n]+)\"\s*\))?"
    r"(?:\s*@\w+(?:\([^)]*\))?)*\s*(?:(?:public|private|protected|internal|inner|open|static)\s+)*"
    r"class\s+(?P<name>\w+)[^{]*\{"
)
MAX_BYTES = 512 * 1024  # a file larger than this is not searched for groups
MAX_GROUPS = 200  # groups of each kind read from one file (each is counted over its text)


def groups_in(path: str, text: str) -> list[Group]:
    """The named groups of tests ``text`` (the file at ``path``) defines."""
    if len(text) > MAX_BYTES:
        return []
    if path.lower().endswith(".py"):
        return _python(text) + _sections(path, text)
    if testdefs.tests_in(path, "") is None:
        return []  # not a language testdefs knows
    pairs = _pairs(text)
    return (
        _calls(path, text, pairs)
        + _rspec(path, text)
        + _nested(path, text, pairs)
        + _sections(path, text)
    )


def _counted(path: str, text: str, start: int, end: int) -> tuple[int, bool] | None:
    found = testdefs.tests_in(path, text[start:end])
    return (len(found.names), found.dynamic) if found is not None else None


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _calls(path: str, text: str, pairs: dict[int, int]) -> list[Group]:
    out = []
    for match in itertools.islice(CALL.finditer(text), MAX_GROUPS):
        close = pairs.get(text.index("(", match.start()), -1)
        counted = _counted(path, text, match.end(), close) if close > 0 else None
        if counted is not None:
            out.append(Group((match.group("name"),), _line(text, match.start()), *counted))
    return out


# a bracket, or what to skip whole: a line comment, a quoted string
TOKEN = lazyre.compile(
    r"[(){}\[\]]|//[^\n]*|'(?:\\.|[^'\\\n])*'|\"(?:\\.|[^\"\\\n])*\"|`(?:\\.|[^`\\])*`"
)
CLOSES = {")": "(", "}": "{", "]": "["}


def _pairs(text: str) -> dict[int, int]:
    """Each opening bracket's index mapped to its closing one's, in one pass over ``text``
    (strings and line comments skipped; a bracket that never closes is left out)."""
    pairs: dict[int, int] = {}
    stack: list[tuple[str, int]] = []
    for match in TOKEN.finditer(text):
        char = match.group(0)
        if char in "({[":
            stack.append((char, match.start()))
        elif char in CLOSES:
            while stack and stack[-1][0] != CLOSES[char]:
                stack.pop()  # an unclosed bracket inside: dropped
            if stack:
                pairs[stack.pop()[1]] = match.start()
    return pairs


END = lazyre.compile(r"^([ \t]*)end\b", re.M)


def _rspec(path: str, text: str) -> list[Group]:
    ends: dict[str, list[int]] = {}
    for found in END.finditer(text):
        ends.setdefault(found.group(1), []).append(found.start())
    out = []
    for match in itertools.islice(RSPEC.finditer(text), MAX_GROUPS):
        same = ends.get(match.group("indent"), [])
        index = bisect.bisect_left(same, match.end())
        counted = _counted(path, text, match.end(), same[index]) if index < len(same) else None
        if counted is not None:
            out.append(Group((match.group("name"),), _line(text, match.start()), *counted))
    return out


def _nested(path: str, text: str, pairs: dict[int, int]) -> list[Group]:
    out = []
    for match in itertools.islice(NESTED.finditer(text), MAX_GROUPS):
        close = pairs.get(match.end() - 1, -1)
        counted = _counted(path, text, match.end(), close) if close > 0 else None
        if counted is not None:
            names = tuple(n for n in (match.group("shown"), match.group("name")) if n)
            out.append(Group(names, _line(text, match.start()), *counted))
    return out


def _sections(path: str, text: str) -> list[Group]:
    """A section comment's tests: from it to the next section comment (or the file's end)."""
    found = list(itertools.islice(SECTION.finditer(text), MAX_GROUPS))
    out = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        counted = _counted(path, text, match.end(), end)
        name = (match.group("mark") or match.group("ruled") or "").strip()
        if counted is not None and name:
            out.append(Group((name,), _line(text, match.start()), *counted))
    return out


def _python(text: str) -> list[Group]:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return []
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            tests = [
                item
                for item in node.body
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                and item.name.startswith("test")
            ]
            dynamic = any(
                testdefs.PY_DYNAMIC.search(ast.unparse(d)) for t in tests for d in t.decorator_list
            )
            if tests:
                out.append(Group((node.name,), node.lineno, len(tests), dynamic))
    return out


# where a CamelCase name breaks into words, and the words that say only "tests"
CAMEL = lazyre.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
CAMEL_NAME = lazyre.compile(r"(?:[A-Z][a-z0-9]+|[a-z0-9]+)(?:[A-Z][a-z0-9]+)+")  # not "rESULTS"
WORD = lazyre.compile(r"[^\W_]+")
FILLER = frozenset({"test", "tests", "testing", "spec", "specs", "suite", "the"})


def words(name: str) -> tuple[str, ...]:
    """A group's name as the words it is compared by: a CamelCase name split, letter case and a
    plural's "s" dropped, and the words that only say "tests" left out."""
    split = (CAMEL.sub(" ", name) if CAMEL_NAME.fullmatch(name) else name).casefold()
    found = [w for w in WORD.findall(split) if w not in FILLER]
    return tuple(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in found
    )
