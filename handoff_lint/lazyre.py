"""Regular expressions compiled on first use.

A check runs in a fresh process (a hook, a CI step), so every pattern a module compiles when it
is imported is paid for on every commit, whether a document ever needs it or not: the claim
kinds hold ~170 patterns, ~45 ms to compile. ``compile`` gives an object with the methods the
extractors use that compiles its pattern the first time one of them is called.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any


class Pattern:
    """A ``re.Pattern[str]`` compiled when first used. The first call puts the compiled
    pattern's own methods on the instance, so later calls cost what ``re`` costs."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    @property
    def compiled(self) -> re.Pattern[str]:
        compiled = re.compile(self.pattern, self.flags)
        for name in METHODS:
            setattr(self, name, getattr(compiled, name))
        return compiled

    def search(self, text: str, *span: int) -> re.Match[str] | None:
        return self.compiled.search(text, *span)

    def match(self, text: str, *span: int) -> re.Match[str] | None:
        return self.compiled.match(text, *span)

    def fullmatch(self, text: str, *span: int) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, *span)

    def finditer(self, text: str, *span: int) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, *span)

    def findall(self, text: str, *span: int) -> list[Any]:
        return self.compiled.findall(text, *span)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self.compiled.sub(repl, text, count=count)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return self.compiled.split(text, maxsplit=maxsplit)


METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")


def compile(pattern: str, flags: int = 0) -> Pattern:
    return Pattern(pattern, flags)


def words(*words: str) -> Pattern:
    """One pattern that finds any of ``words`` (as written): the keyword test a line passes
    before an extractor's patterns are tried (one C call, not a loop over the words)."""
    return Pattern("|".join(re.escape(word) for word in words))
