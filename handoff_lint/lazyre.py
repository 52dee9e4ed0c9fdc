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
    """A ``re.Pattern[str]`` compiled when first used."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

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


def compile(pattern: str, flags: int = 0) -> Pattern:
    return Pattern(pattern, flags)
