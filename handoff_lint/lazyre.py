"""Regular expressions compiled on first use.

A check runs in a fresh process (a hook, a CI step), so every pattern a module compiles when it
is imported is paid for on every commit, whether a document ever needs it or not: the claim
kinds hold ~170 patterns, ~45 ms to compile. ``compile`` gives an object with the methods the
extractors use that compiles its pattern the first time one of them is called.

A pattern a document needs is still compiled in every run: ~200 of them, 40-60 ms, for a document
that makes every kind of claim. ``re`` compiles in Python (parse, then code generation); the
code it hands to the C engine (``_sre.compile``) depends only on the pattern, its flags and the
Python version. So, as the interpreter keeps bytecode, the code of each pattern compiled is kept
in a cache beside the package's bytecode (``__pycache__``, or under ``PYTHONPYCACHEPREFIX``),
keyed by the interpreter's version and the engine's magic number, and written when a run ends
(``save``; not when bytecode is not written, ``PYTHONDONTWRITEBYTECODE``). The engine builds
a pattern from its code in microseconds. Any problem with the cache (missing, unreadable, from
another version, another engine) falls back to ``re.compile``.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

Code = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_cache: dict[tuple[str, int], Code] | None = None  # read on the first compile of a run
_added = False  # new patterns were compiled: ``save`` writes the cache
MAX_CACHED = 2000


def _engine() -> tuple[Any, Any]:
    """``re``'s compiler and parser modules (``re._compiler`` since Python 3.11)."""
    import importlib

    try:
        return importlib.import_module("re._compiler"), importlib.import_module("re._parser")
    except ImportError:  # Python 3.10
        return importlib.import_module("sre_compile"), importlib.import_module("sre_parse")


def _cache_path() -> Path | None:
    folder = Path(__file__).resolve().parent
    if sys.pycache_prefix:
        target = Path(sys.pycache_prefix) / folder.relative_to(folder.anchor)
    else:
        target = folder / "__pycache__"
    tag = sys.implementation.cache_tag
    return target / f"lazyre.{tag}-{_engine()[0].MAGIC}.patterns" if tag else None


def _load() -> dict[tuple[str, int], Code]:
    import marshal

    global _cache
    _cache = {}
    try:
        path = _cache_path()
        if path is not None:
            found = marshal.loads(path.read_bytes())
            if isinstance(found, dict):
                _cache = found
    except (OSError, ValueError, EOFError, TypeError):
        pass
    return _cache


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its code taken from the cache when it is there."""
    global _added
    cache = _cache if _cache is not None else _load()
    flags = int(flags)  # a RegexFlag is no value marshal writes
    key = (pattern, flags)
    code = cache.get(key)
    if code is not None:
        try:
            compiled: re.Pattern[str] = _engine()[0]._sre.compile(pattern, *code)
            return compiled
        except Exception:  # a cache from another build of the engine: compile it again
            del cache[key]
    try:
        code = _code(pattern, flags)
        compiled = _engine()[0]._sre.compile(pattern, *code)
    except Exception:  # anything the code generation does not cover: re as usual
        return re.compile(pattern, flags)
    if len(cache) < MAX_CACHED:  # the package's patterns are fixed; a bound all the same
        cache[key] = code
        _added = True
    return compiled


def _code(pattern: str, flags: int) -> Code:
    """What ``re``'s compiler hands to ``_sre.compile`` for ``pattern`` (its ``compile``)."""
    _compiler, _parser = _engine()
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        [int(op) for op in code],  # opcodes are named int constants
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def save() -> None:
    """Write the cache when this run compiled patterns it did not hold (atomically: a run
    that reads it meanwhile sees the old file or the new one)."""
    global _added
    if not _added or _cache is None or sys.dont_write_bytecode:
        return
    import marshal

    _added = False
    try:
        path = _cache_path()
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        scratch = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        scratch.write_bytes(marshal.dumps(_cache))
        os.replace(scratch, path)
    except (OSError, ValueError):
        pass


class Pattern:
    """A ``re.Pattern[str]`` compiled when first used. The first call puts the compiled
    pattern's own methods on the instance, so later calls cost what ``re`` costs."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    @property
    def compiled(self) -> re.Pattern[str]:
        compiled = _compile(self.pattern, self.flags)
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
