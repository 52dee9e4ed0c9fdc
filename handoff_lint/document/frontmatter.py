"""YAML front matter: split it from the Markdown body and parse it with PyYAML."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from handoff_lint.checks import rules
from handoff_lint.model import Document

MAX_FRONT_MATTER_LINES = 2000
# a top-level key of YAML front matter: "date: 2025-11-13", "files_created:"
KEY = re.compile(r"^[\"']?[A-Za-z_][\w.-]{0,60}[\"']?[ \t]*:(?:\s|$)")


def _closing_line(lines: list[str]) -> int:
    for index in range(1, min(len(lines), MAX_FRONT_MATTER_LINES)):
        if lines[index].rstrip() in ("---", "..."):
            return index
    return -1


def split(doc: Document) -> str:
    """Parse front matter into ``doc`` and return the body with those lines blanked.

    Blanking (not removing) keeps the body's line numbers equal to the file's.
    """
    lines = doc.lines
    if not lines or lines[0].rstrip() != "---":
        return "\n".join(lines)
    end = _closing_line(lines)
    if end < 0:
        doc.problems.append(
            rules.finding("HL103", 1, 1, "front matter starts with '---' but is never closed")
        )
        return "\n".join(lines)
    if not any(KEY.match(line) for line in lines[1:end]):
        return "\n".join(lines)  # "---", a heading, prose, "---": thematic breaks, not YAML
    doc.front_matter_line = 1
    doc.front_matter = _load("\n".join(lines[1:end]), doc)
    return "\n" * (end + 1) + "\n".join(lines[end + 1 :])


MAX_DEPTH = 40


def _loader(text: str) -> Any:
    """A safe YAML loader that expands no aliases (a few hundred bytes of nested aliases grow
    to gigabytes: "billion laughs"; a recursive one never ends) and nests at most MAX_DEPTH
    collections deep. Handoff front matter needs neither."""
    import yaml

    class Bounded(yaml.SafeLoader):
        depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            self.depth += 1
            alias = self.check_event(yaml.AliasEvent)
            if alias or self.depth > MAX_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                problem = (
                    "aliases (*name) are not allowed in front matter"
                    if alias
                    else f"nested more than {MAX_DEPTH} levels deep"
                )
                raise yaml.composer.ComposerError(None, None, problem, mark)
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    return Bounded(text)


def _load(text: str, doc: Document) -> dict[str, Any]:
    import yaml

    loader = _loader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 1
        column = (mark.column + 1) if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        doc.problems.append(
            rules.finding("HL103", line, column, f"invalid YAML front matter: {problem}")
        )
        return {}
    finally:
        loader.dispose()
    if data is None:
        return {}
    if not isinstance(data, dict):
        doc.problems.append(
            rules.finding("HL103", 2, 1, "front matter is not a mapping of keys to values")
        )
        return {}
    return {str(k): _plain(v) for k, v in data.items()}


def _plain(value: Any) -> Any:
    """Dates and other YAML scalars as JSON-friendly values."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def numbered_lines(doc: Document) -> Iterator[tuple[int, str]]:
    """(source line number, text) of each line inside the front matter's fences."""
    for index, line in enumerate(doc.lines[1:MAX_FRONT_MATTER_LINES], start=2):
        if line.rstrip() in ("---", "..."):
            return
        yield index, line


def key_line(doc: Document, key: str, nested: bool = False) -> int:
    """The source line of top-level ``key`` in the front matter (1 if not found); with
    ``nested``, of the first ``key`` at any depth."""
    indent = r"\s*" if nested else ""
    pattern = re.compile(rf"^{indent}{re.escape(key)}\s*:")
    return next((index for index, line in numbered_lines(doc) if pattern.match(line)), 1)


def item_lines(doc: Document, key: str) -> list[int]:
    """Source lines of the items of a top-level list ``key`` (``- x`` lines), in order."""
    start = key_line(doc, key)
    out: list[int] = []
    for index in range(start, min(len(doc.lines), MAX_FRONT_MATTER_LINES)):
        line = doc.lines[index]
        if line.rstrip() in ("---", "..."):
            break
        if line and not line[0].isspace() and not line.startswith("-"):
            break
        if re.match(r"^\s*-\s", line):
            out.append(index + 1)
    return out


def nested_item_lines(doc: Document, parent: str, key: str) -> list[int]:
    """Source lines of the items of list ``key`` inside the mapping of top-level ``parent``
    ("key-files:" then "  created:" then "    - src/a.py"), in order."""
    start = key_line(doc, parent)
    out: list[int] = []
    inside = False
    own = re.compile(rf"^(\s+){re.escape(key)}\s*:\s*$")
    indent = -1
    for index in range(start, min(len(doc.lines), MAX_FRONT_MATTER_LINES)):
        line = doc.lines[index]
        if line.rstrip() in ("---", "...") or (line and not line[0].isspace()):
            break
        found = own.match(line)
        if found:
            inside, indent = True, len(found.group(1))
            continue
        depth = len(line) - len(line.lstrip())
        if inside and line.strip() and depth <= indent and not line.lstrip().startswith("-"):
            inside = False  # the next key of the parent's mapping
        if inside and re.match(r"^\s*-\s", line):
            out.append(index + 1)
    return out


# GSD's "key-files: {created: [...], modified: [...]}", under either spelling of its key
KEY_FILES = ("key-files", "key_files")


def key_files(doc: Document) -> list[tuple[str, dict[str, Any]]]:
    """(key, mapping) of each key-files mapping of the front matter, in KEY_FILES order."""
    found = doc.front_matter or {}
    return [(key, found[key]) for key in KEY_FILES if isinstance(found.get(key), dict)]
