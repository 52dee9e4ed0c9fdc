"""Decoding documents: encodings, line endings, and files that are not text."""

from __future__ import annotations

import codecs

import pytest

from handoff_lint.document.source import NotText, decode


@pytest.mark.parametrize(
    ("data", "lines", "bom", "crlf"),
    [
        (b"# T\nx\n", ["# T", "x", ""], False, False),
        (codecs.BOM_UTF8 + b"# T\r\nx\r\n", ["# T", "x", ""], True, True),
        (codecs.BOM_UTF16_LE + "# T\nü\n".encode("utf-16-le"), ["# T", "ü", ""], True, False),
        ("# Tést ✅\n".encode(), ["# Tést ✅", ""], False, False),
    ],
)
def test_decodes_text(data: bytes, lines: list[str], bom: bool, crlf: bool) -> None:
    text = decode(data)
    assert text.lines == lines
    assert (text.had_bom, text.crlf) == (bom, crlf)


def test_binary_is_not_text() -> None:
    with pytest.raises(NotText, match="binary"):
        decode(b"PNG\x00\x01\x02")


def test_invalid_utf8_reports_byte_offset_line_and_column() -> None:
    with pytest.raises(NotText) as info:
        decode(b"# ok\nab\xffcd\n")
    assert "byte offset 7" in str(info.value)
    assert (info.value.line, info.value.column) == (2, 3)
