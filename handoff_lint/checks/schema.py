"""Validate the document model against a JSON Schema (2020-12) and map errors to lines."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from handoff_lint import shipped
from handoff_lint.checks import rules
from handoff_lint.document import roles
from handoff_lint.model import Claim, Document, Finding

DEFAULT_SCHEMA = "handoff.schema.json"
STRICT_SCHEMA = "handoff-strict.schema.json"


class SchemaError(Exception):
    """The schema file cannot be used (unreadable, not JSON, not a schema, remote $ref)."""


def schema_dir() -> Path:
    """The shipped schemas: inside the installed package, or ``schemas/`` of a source checkout."""
    return shipped.path("schemas")


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [str(node["$ref"])] if "$ref" in node else []
        return found + [r for value in node.values() for r in _refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in _refs(value)]
    return []


def load(path: Path | None) -> dict[str, Any]:
    """Load and check a schema; raise SchemaError with a message for the user.

    The shipped default schema is not checked here: the test suite checks it, and skipping
    ``check_schema`` keeps jsonschema's import off the path of a default run.
    """
    if path is None:
        return shipped_schema(DEFAULT_SCHEMA)
    return _load_user(path)


def shipped_schema(name: str) -> dict[str, Any]:
    """A schema that ships with handoff-lint, read once per process (callers must not change it)."""
    if name not in _SHIPPED:
        _TEXTS[name] = (schema_dir() / name).read_text(encoding="utf-8")
        _SHIPPED[name] = json.loads(_TEXTS[name])
    return _SHIPPED[name]


_SHIPPED: dict[str, dict[str, Any]] = {}
_TEXTS: dict[str, str] = {}
_GATES: dict[str, Callable[[Any], Any]] = {}


def accepts(instance: Any, schema: dict[str, Any]) -> bool | None:
    """Whether a shipped schema accepts ``instance``, by fastjsonschema's compiled validator.

    None for other schemas. The validators are generated ahead of time (``handoff_lint.gates``)
    and compiled here only when a schema changed since; importing jsonschema costs ~60 ms, so a
    default run that passes never imports it. Every rejection is explained by jsonschema, so
    messages do not depend on the gate; the tests check that the gate and jsonschema agree on the
    shipped schemas.
    """
    name = next((n for n, s in _SHIPPED.items() if s is schema), None)
    if name is None:
        return None
    if name not in _GATES:
        from handoff_lint import gates

        ahead = gates.load(name, _TEXTS[name])
        _GATES[name] = ahead or _compiled(schema)
    try:
        _GATES[name](instance)
    except ValueError:  # fastjsonschema's JsonSchemaException or gates.Rejected
        return False
    return True


def _compiled(schema: dict[str, Any]) -> Callable[[Any], Any]:
    import fastjsonschema

    found: Callable[[Any], Any] = fastjsonschema.compile(schema, use_formats=False)
    return found


def _load_user(path: Path) -> dict[str, Any]:
    from jsonschema.exceptions import SchemaError as BadSchema
    from jsonschema.validators import validator_for

    try:
        text = path.read_text(encoding="utf-8")
        schema = json.loads(text)
    except OSError as exc:
        raise SchemaError(f"cannot read schema {path}: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SchemaError(f"schema {path} is not valid JSON: {exc}") from None
    if not isinstance(schema, dict):
        raise SchemaError(f"schema {path} is not a JSON object")
    remote = [r for r in _refs(schema) if not r.startswith("#")]
    if remote:
        raise SchemaError(
            f"schema {path} has a non-local $ref {remote[0]!r}; handoff-lint never "
            "fetches schemas from the network"
        )
    try:
        validator_for(schema).check_schema(schema)
    except BadSchema as exc:
        raise SchemaError(f"schema {path} is not a valid JSON Schema: {exc.message}") from None
    return schema


def _place(item: Any) -> dict[str, int]:
    return {"line": int(getattr(item, "line", 1)), "column": int(getattr(item, "column", 1))}


def model(doc: Document, claims: list[Claim]) -> dict[str, Any]:
    """The document model as plain JSON data (described by document-model.schema.json)."""
    dates = [c for c in claims if c.kind == "date"]
    title = None
    if doc.title_position is not None:
        title = {"text": doc.title, **_place(doc.title_position)}
    return {
        "path": doc.path,
        "title": title,
        "date": {"text": dates[0].text, "value": dates[0].value["date"], **_place(dates[0])}
        if dates
        else None,
        "front_matter": doc.front_matter,
        "metadata": [{"key": m.key, "value": m.value, **_place(m)} for m in doc.metadata],
        "sections": [
            {
                "title": s.title,
                "level": s.level,
                "role": s.role,
                "roles": roles.roles_of(s.title, doc.heading_words),
                **_place(s),
            }
            for s in doc.sections
        ],
        "lists": sum(1 for b in doc.blocks if b.list_depth >= 0 and b.kind == "paragraph"),
        "tables": sum(1 for b in doc.blocks if b.kind == "table_row"),
        "code_blocks": [
            {"info": b.info, "line": b.line, "column": 1} for b in doc.blocks if b.kind == "code"
        ],
        "claims": [{"kind": c.kind, "text": c.text, **_place(c)} for c in claims],
    }


def _line_of(instance: dict[str, Any], path: list[Any]) -> tuple[int, int]:
    """The line of the deepest element on ``path`` that has one (1:1 when none does)."""
    node: Any = instance
    line, column = 1, 1
    for key in path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("line"), int):
            line, column = node["line"], int(node.get("column", 1))
    return line, column


PATTERN_SECONDS = 0.25


def _bounded(cls: Any) -> Any:
    """``cls`` with its ``pattern`` keyword run by the ``regex`` engine under a time limit: a
    schema decides the pattern and the document the text, and ``re`` has no limit (``^(a+)+$``
    against thirty a's and a b backtracks for minutes)."""
    import regex
    from jsonschema.exceptions import ValidationError
    from jsonschema.validators import extend

    def pattern(validator: Any, wanted: str, instance: Any, schema: Any) -> Any:
        if not validator.is_type(instance, "string"):
            return
        try:
            found = regex.search(wanted, instance, timeout=PATTERN_SECONDS)
        except TimeoutError:
            yield ValidationError(
                f"the schema's pattern {wanted!r} took more than {PATTERN_SECONDS} s on "
                f"{instance[:40]!r}: simplify the pattern"
            )
            return
        except regex.error as exc:
            yield ValidationError(f"the schema's pattern {wanted!r} is not valid: {exc}")
            return
        if found is None:
            yield ValidationError(f"{instance!r} does not match {wanted!r}")

    return extend(cls, {"pattern": pattern})  # type: ignore[no-untyped-call]


def validate(instance: dict[str, Any], schema: dict[str, Any]) -> list[Finding]:
    """One finding per best-matching schema error, at the line of the element concerned."""
    if accepts(instance, schema):
        return []
    from jsonschema.exceptions import best_match
    from jsonschema.validators import validator_for

    validator = _bounded(validator_for(schema))(schema)
    findings: list[Finding] = []
    for error in validator.iter_errors(instance):
        best = best_match([error]) or error
        where = list(best.absolute_path)
        line, column = _line_of(instance, where)
        pointer = "/" + "/".join(str(p) for p in where) if where else "document"
        described = best.schema.get("description") if isinstance(best.schema, dict) else None
        message = best.message if best.validator == "required" or not described else str(described)
        text = f"{pointer}: {message}"
        findings.append(rules.finding("HL101", line, column, text))
    return findings
