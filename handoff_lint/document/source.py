"""Read a document as bytes and decode it into lines, or explain why it is not text."""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024


class NotText(Exception):
    """The file cannot be read as a text document; ``line``/``column`` locate the problem."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


@dataclass
class SourceText:
    text: str
    lines: list[str]
    encoding: str
    had_bom: bool
    crlf: bool


def _position_of(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1


def decode(data: bytes) -> SourceText:
    """Decode UTF-8 (BOM optional) or BOM-marked UTF-16; normalise line endings to LF."""
    encoding, had_bom = "utf-8", False
    if data.startswith(codecs.BOM_UTF8):
        data, had_bom = data[len(codecs.BOM_UTF8) :], True
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, had_bom = "utf-16", True
    if encoding == "utf-8" and b"\x00" in data[:8192]:
        line, column = _position_of(data, data.index(b"\x00"))
        raise NotText("binary file (NUL byte), not a text document", line, column)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line, column = _position_of(data, exc.start) if encoding == "utf-8" else (1, 1)
        raise NotText(
            f"invalid {encoding.upper()} at byte offset {exc.start}: {exc.reason}", line, column
        ) from None
    if encoding == "utf-16":
        text = text.lstrip("\ufeff")
    crlf = "\r\n" in text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(text, text.split("\n"), encoding, had_bom, crlf)


def read(path: Path, root: Path | None = None) -> SourceText:
    """Read and decode ``path``; raise NotText for anything that is not a text document.

    Only a regular file is read (a FIFO, a device such as /dev/zero, a socket are refused
    without blocking), at most MAX_BYTES of it, counted while reading; with ``root``, a
    symbolic link that leads outside it is refused (nothing outside the work tree is read).
    """
    if root is not None and _escapes(path, root):
        raise NotText("is a symbolic link to a file outside the repository; not read")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        raise NotText("is a directory, not a document") from None
    except OSError as exc:
        raise NotText(f"cannot read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        kind = os.fstat(handle.fileno()).st_mode
        if stat.S_ISDIR(kind):
            raise NotText("is a directory, not a document")
        if not stat.S_ISREG(kind):
            raise NotText("is not a regular file (a device, FIFO or socket); not read")
        try:
            data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise NotText(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise NotText(f"file is larger than the limit of {MAX_BYTES} bytes")
    return decode(data)


def _escapes(path: Path, root: Path) -> bool:
    """``path`` lies in ``root`` but leads out of it through a symbolic link (or a loop)."""
    try:
        top = root.resolve()
        if not path.absolute().is_relative_to(top):
            return False  # a file given from outside the repository: not a link out of it
        return not path.resolve().is_relative_to(top)
    except (OSError, RuntimeError):
        return True
