"""``check --fix`` and ``--show-fixes``: repair mojibake in place, atomically."""

from __future__ import annotations

import difflib
import os
import tempfile
from pathlib import Path

from handoff_lint import hygiene, source


def _repaired(path: Path) -> tuple[source.SourceText, list[str]]:
    text = source.read(path)
    return text, [hygiene.repaired(line) for line in text.lines]


def preview(path: Path, name: str) -> str:
    """A unified diff of what --fix would change ('' when nothing), with ``name`` (the path from
    the repository root) in its headers, as ``git diff`` writes them."""
    text, lines = _repaired(path)
    diff = difflib.unified_diff(text.lines, lines, f"a/{name}", f"b/{name}", lineterm="")
    return "\n".join(diff) + "\n" if lines != text.lines else ""


def fix(path: Path) -> int | None:
    """Rewrite ``path`` with mojibake repaired (temp file + rename, same permissions, same line
    endings and BOM); return the number of lines changed, or None for a symbolic link (replacing
    the link with a file would change what it is)."""
    if path.is_symlink():
        return None
    text, lines = _repaired(path)
    changed = sum(1 for a, b in zip(text.lines, lines, strict=True) if a != b)
    if not changed:
        return 0
    newline = "\r\n" if text.crlf else "\n"
    body = newline.join(lines)
    data = body.encode(text.encoding if text.encoding != "utf-16" else "utf-16")
    if text.had_bom and text.encoding == "utf-8":
        data = b"\xef\xbb\xbf" + data
    mode = path.stat().st_mode
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, mode & 0o7777)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return changed
