"""Configuration: ``[tool.handoff-lint]`` in pyproject.toml or ``.handoff-lint.toml``.

Found by searching upward from the working folder to the repository root (the first file that
holds a configuration wins; ``--config`` overrides) and validated with
``schemas/config.schema.json``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handoff_lint.document.discover import DEFAULT_GLOBS
from handoff_lint.model import HeadingWords

OWN_FILE = ".handoff-lint.toml"


class ConfigError(Exception):
    """The configuration cannot be used; the message says where and why."""


@dataclass
class Config:
    include: list[str] = field(default_factory=lambda: list(DEFAULT_GLOBS))
    exclude: list[str] | None = None  # None: the default (plans, indexes ... by their names)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    schema: str | None = None
    plan_headings: list[str] = field(default_factory=list)
    claim_headings: list[str] = field(default_factory=list)
    approx_percent: int = 10
    approx_lines: int = 5
    date_days: int = 1
    min_accuracy: float | None = None
    require_history: bool = False
    source: Path | None = None

    def heading_words(self) -> HeadingWords:
        """The heading words of ``[roles]`` as parse takes them."""
        return HeadingWords(tuple(self.plan_headings), tuple(self.claim_headings))


def _toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    return data


def _section(path: Path) -> dict[str, Any] | None:
    """The handoff-lint table of ``path``, or None when it holds none."""
    data = _toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("handoff-lint")
        return table if isinstance(table, dict) else None
    return data


def find(start: Path, stop: Path | None) -> Path | None:
    """The first configuration file from ``start`` upward, not above ``stop``."""
    folder = start.resolve()
    last = stop.resolve() if stop else None
    while True:
        for name in (OWN_FILE, "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and _section(candidate) is not None:
                return candidate
        if folder == last or folder.parent == folder:
            return None
        folder = folder.parent


def _validate(table: dict[str, Any], path: Path) -> None:
    from handoff_lint.checks.schema import accepts, shipped_schema

    schema = shipped_schema("config.schema.json")
    if accepts(table, schema):
        return
    from jsonschema.exceptions import best_match
    from jsonschema.validators import validator_for

    error = best_match(validator_for(schema)(schema).iter_errors(table))
    if error is not None:
        where = ".".join(str(p) for p in error.absolute_path) or "top level"
        raise ConfigError(f"{path}: {where}: {error.message}{_closest_key(error)}")


def _closest_key(error: Any) -> str:
    """For an unknown key, the known key it most likely means: "extend-exclude" (ruff's
    spelling) is "extend_exclude", "selct" is "select"."""
    import difflib

    known = error.schema.get("properties") if isinstance(error.schema, dict) else None
    if (
        error.validator != "additionalProperties"
        or not known
        or not isinstance(error.instance, dict)
    ):
        return ""
    for key in error.instance:
        if key in known:
            continue
        near = difflib.get_close_matches(str(key).replace("-", "_"), list(known), n=1)
        if near:
            return f" (did you mean {near[0]!r}?)"
    return ""


def load(path: Path | None) -> Config:
    """The configuration in ``path`` (defaults when None), validated."""
    if path is None:
        return Config()
    table = _section(path)
    if table is None:
        raise ConfigError(f"{path} has no [tool.handoff-lint] table")
    _validate(table, path)
    from handoff_lint.document.discover import glob_problem

    globs = ("include", "extend_include", "exclude", "extend_exclude")
    for glob in [g for key in globs for g in table.get(key, [])]:
        if glob_problem(str(glob)):
            raise ConfigError(f"{path}: {glob_problem(str(glob))}")
    tolerances = table.get("tolerances", {})
    roles = table.get("headings", {})
    base = path.parent
    schema = table.get("schema")
    if schema and not (base / schema).resolve().is_relative_to(base.resolve()):
        raise ConfigError(
            f"{path}: schema {schema!r} is outside the folder of the configuration; put it "
            "inside the repository or pass --schema on the command line"
        )
    return Config(
        include=[*table.get("include", DEFAULT_GLOBS), *table.get("extend_include", [])],
        exclude=_exclude(table),
        select=list(table.get("select", [])),
        ignore=list(table.get("ignore", [])),
        severity=dict(table.get("severity", {})),
        schema=str(base / schema) if schema else None,
        plan_headings=list(roles.get("plans", [])),
        claim_headings=list(roles.get("claims", [])),
        approx_percent=int(tolerances.get("approx_percent", 10)),
        approx_lines=int(tolerances.get("approx_lines", 5)),
        date_days=int(tolerances.get("date_days", 1)),
        min_accuracy=table.get("min_accuracy"),
        require_history=bool(table.get("require_history", False)),
        source=path,
    )


def _exclude(table: dict[str, Any]) -> list[str] | None:
    """The globs of documents that are no reports: ``exclude`` replaces the default (None),
    ``extend_exclude`` adds to it (or to ``exclude``), as ruff's keys of these names do."""
    from handoff_lint.document.discover import NOT_REPORTS

    more = list(table.get("extend_exclude", []))
    if "exclude" in table:
        return [*table["exclude"], *more]
    return [NOT_REPORTS, *more] if more else None
