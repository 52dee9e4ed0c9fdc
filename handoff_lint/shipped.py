"""Files that ship inside the wheel (schemas/, hooks/, docs/rules.md): found in the installed
package, or at the same place in a source checkout."""

from __future__ import annotations

from pathlib import Path


def path(relative: str) -> Path:
    """The shipped file or folder ``relative`` (as laid out in the repository).

    The wheel puts them inside the package folder (a plain folder on disk, as pip installs it).
    """
    here = Path(__file__).resolve().parent
    packaged = here.joinpath(*relative.split("/"))
    if packaged.exists():
        return packaged
    return here.parent / relative


def text(relative: str) -> str:
    return path(relative).read_text(encoding="utf-8")
