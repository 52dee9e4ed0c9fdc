"""The cache of compiled patterns (``lazyre``): a pattern built from cached code is the pattern
``re.compile`` builds, the cache is written only when bytecode is, and a bad cache is ignored."""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from handoff_lint import lazyre

PATTERNS = [
    (r"(?P<n>\d{1,5})\s+(?:files?|tests?)\b", re.I),
    (r"^#{1,6}\s+(?P<title>.+?)\s*#*$", re.M),
    (r"✅|✔|☑|\[x\]|(?<![\d/])(\d+)/\1(?![\d/])", 0),
    (r"(?<![\w.,/])(?P<approx>~|≈|约|約)?\s*(?P<n>\d+)(?P<more>\+)?", re.I | re.X),
    (r"\b(?:commit|sha)\s*[:=]?\s*`?([0-9a-f]{7,40})\b", re.I),
]
SAMPLES = ["12 files", "## Title ##", "✅ 3/3 done", "~ 40+ tests", "Commit: `abc1234` x", "", "é"]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """lazyre with an empty cache under a bytecode prefix of its own."""
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(lazyre, "_cache", None)
    monkeypatch.setattr(lazyre, "_added", False)
    yield tmp_path


def _same(built: re.Pattern[str], expected: re.Pattern[str]) -> None:
    assert built == expected  # pattern, flags and code
    assert (built.groups, built.groupindex) == (expected.groups, expected.groupindex)
    for sample in SAMPLES:
        got, want = built.search(sample), expected.search(sample)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))


def test_patterns_from_cached_code_are_the_patterns_re_compiles(fresh: Path) -> None:
    for pattern, flags in PATTERNS:
        _same(lazyre.compile(pattern, flags).compiled, re.compile(pattern, flags))
    lazyre.save()
    path = lazyre._cache_path()
    assert path is not None and path.is_file() and path.is_relative_to(fresh)
    lazyre._cache = None  # a new run: read the cache written by this one
    assert len(lazyre._load()) == len(PATTERNS)
    for pattern, flags in PATTERNS:
        _same(lazyre._compile(pattern, flags), re.compile(pattern, flags))
    assert not lazyre._added  # every pattern came from the cache


def test_no_cache_is_written_when_bytecode_is_not(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    lazyre.compile(r"x+y", 0).search("xxy")
    lazyre.save()
    assert not list(fresh.rglob("*.patterns"))


def test_a_damaged_cache_is_ignored(fresh: Path) -> None:
    path = lazyre._cache_path()
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00not marshal data")
    _same(lazyre.compile(PATTERNS[0][0], PATTERNS[0][1]).compiled, re.compile(*PATTERNS[0]))
    lazyre._cache = {(r"a+", 0): (0, [1, 2, 3], 0, {}, (None,))}  # code no engine accepts
    _same(lazyre._compile(r"a+", 0), re.compile(r"a+"))


def _module_patterns() -> list[lazyre.Pattern]:
    """Every lazy pattern handoff_lint's modules hold (as a name, or in a list, tuple or dict)."""
    import pkgutil

    import handoff_lint

    found: list[lazyre.Pattern] = []
    for info in pkgutil.walk_packages(handoff_lint.__path__, "handoff_lint."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            items = value.values() if isinstance(value, dict) else value
            items = items if isinstance(items, (list, tuple)) else [value]
            found += [item for item in items if isinstance(item, lazyre.Pattern)]
    return found


def test_every_pattern_of_the_package_builds_as_re_compiles_it(fresh: Path) -> None:
    """The claim kinds' patterns, compiled into the cache and built again from it, are equal
    to re.compile's."""
    patterns = _module_patterns()
    assert len(patterns) > 100
    for item in patterns:
        assert lazyre._compile(item.pattern, item.flags) == re.compile(item.pattern, item.flags)
    lazyre.save()
    lazyre._cache = None
    assert len(lazyre._load()) == len({(p.pattern, int(p.flags)) for p in patterns})
    for item in patterns:
        assert lazyre._compile(item.pattern, item.flags) == re.compile(item.pattern, item.flags)
