"""Lines of code in a file: neither blank nor only a comment (what "115 LOC" counts).

Comments by the file's language family: ``//`` and ``/* */`` (C, C++, Java, JavaScript, Go,
Rust, Swift, C#, ...), ``#`` (Python, shell, Ruby, YAML, GDScript, ...), ``--`` (SQL, Lua,
Haskell). A file of another kind counts its non-blank lines.
"""

from __future__ import annotations

import re

from handoff_lint import lazyre

C_LIKE = lazyre.compile(
    r"\.(?:c|h|cc|cpp|cxx|hpp|hh|js|jsx|ts|tsx|mjs|cjs|java|go|rs|swift|cs|kt|kts|scala|php|"
    r"dart|groovy|m|mm|zig|css|scss|less)$",
    re.I,
)
HASH = lazyre.compile(
    r"\.(?:py|sh|bash|zsh|rb|pl|r|ex|exs|yaml|yml|toml|cfg|conf|ini|gd|nim|jl|ps1|tf|mk)$|"
    r"(?:^|/)(?:Makefile|Dockerfile)$",
    re.I,
)
DASH = lazyre.compile(r"\.(?:sql|lua|hs|elm|ada|adb)$", re.I)


def _after_block(line: str) -> int:
    """1 when code follows the end of a block comment on ``line``."""
    rest = line.split("*/", 1)[1].strip()
    return 1 if rest and not rest.startswith("//") else 0


def _c_like(text: str) -> int:
    count, block = 0, False
    for raw in text.splitlines():
        line = raw.strip()
        if block:
            if "*/" in line:
                block = False
                count += _after_block(line)
        elif not line or line.startswith("//"):
            continue
        elif line.startswith("/*"):
            if "*/" in line[2:]:
                count += _after_block(line[2:])
            else:
                block = True
        else:
            count += 1
    return count


def code_lines(path: str, text: str) -> int:
    """How many lines of ``text`` (the file at ``path``) are code."""
    if C_LIKE.search(path):
        return _c_like(text)
    marker = "#" if HASH.search(path) else "--" if DASH.search(path) else ""
    lines = (raw.strip() for raw in text.splitlines())
    return sum(1 for line in lines if line and not (marker and line.startswith(marker)))
