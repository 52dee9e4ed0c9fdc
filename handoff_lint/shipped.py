"""Files that ship inside the wheel (schemas/, hooks/, docs/rules.md): found in the installed
package, or at the same place in a source checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def path(relative: str) -> Path:
    """The shipped file or folder ``relative`` (as laid out in the repository)."""
    packaged = resources.files("handoff_lint").joinpath(*relative.split("/"))
    if packaged.is_file() or packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / relative


def text(relative: str) -> str:
    return path(relative).read_text(encoding="utf-8")
