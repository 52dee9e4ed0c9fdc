"""The fast schema gate (fastjsonschema) agrees with jsonschema on the shipped schemas.

A default run validates the document model and the configuration with fastjsonschema's compiled
validator and imports jsonschema only to explain a rejection. These tests hold the two to the
same answers, on real document models and on generated ones, and check that a clean default run
never imports jsonschema.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handoff_lint import claims, gates
from handoff_lint.checks import schema
from handoff_lint.document import parse, source
from handoff_lint.scratch import ScratchRepo

CORPUS = Path(__file__).parent / "corpus"
SEEDS = Path(__file__).parent.parent.parent / "shared" / "seeds"


def _real_models() -> list[dict[str, Any]]:
    paths = sorted(CORPUS.glob("*/DOC.md")) + sorted(SEEDS.glob("*.txt"))
    models = []
    for path in paths:
        doc = parse.parse(path.name, source.read(path))
        found = [c for kind in claims.load().values() for c in kind.extract(doc)]
        models.append(schema.model(doc, found))
    return models


def _agree(instance: Any, name: str) -> bool:
    shipped = schema.shipped_schema(name)
    expected = jsonschema.Draft202012Validator(shipped).is_valid(instance)
    assert schema.accepts(instance, shipped) is expected, instance
    return expected


def test_shipped_schemas_are_valid_json_schemas() -> None:
    for name in (schema.DEFAULT_SCHEMA, "config.schema.json", "document-model.schema.json"):
        jsonschema.Draft202012Validator.check_schema(schema.shipped_schema(name))


def test_gate_is_only_for_shipped_schemas() -> None:
    shipped = schema.shipped_schema(schema.DEFAULT_SCHEMA)
    assert schema.accepts({}, copy.deepcopy(shipped)) is None
    assert schema.accepts({}, shipped) is False


def test_gate_agrees_on_real_documents() -> None:
    models = _real_models()
    assert len(models) >= 36
    verdicts = [_agree(m, schema.DEFAULT_SCHEMA) for m in models]
    assert True in verdicts and False in verdicts
    for m in models:
        _agree(m, "document-model.schema.json")


# Variations of a real model: each part missing, emptied, retyped or swapped.
_SECTION = st.fixed_dictionaries(
    {"title": st.text(max_size=8), "roles": st.lists(st.sampled_from(["summary", "files", "x"]))}
)
_CLAIM = st.fixed_dictionaries({"kind": st.sampled_from(["commit", "file", "date", "tests", 3])})
_ANY = st.one_of(st.none(), st.integers(), st.text(max_size=4), st.lists(st.integers(), max_size=2))
_PARTS = {
    "title": st.one_of(_ANY, st.fixed_dictionaries({"text": st.one_of(st.text(max_size=5), _ANY)})),
    "date": st.one_of(_ANY, st.fixed_dictionaries({}, optional={"value": st.text(max_size=10)})),
    "sections": st.one_of(_ANY, st.lists(st.one_of(_SECTION, _ANY), max_size=3)),
    "claims": st.one_of(_ANY, st.lists(st.one_of(_CLAIM, _ANY), max_size=3)),
}


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({}, optional=_PARTS))
def test_gate_agrees_on_generated_models(model: dict[str, Any]) -> None:
    _agree(model, schema.DEFAULT_SCHEMA)


_CONFIG_VALUES = st.one_of(
    _ANY,
    st.booleans(),
    st.lists(st.sampled_from(["HL101", "HL2", "hl101", "*.md", ""]), max_size=3),
    st.dictionaries(st.sampled_from(["HL101", "HL201", "bad"]), st.sampled_from(["error", "x"])),
    st.dictionaries(st.sampled_from(["approx_lines", "approx_percent", "x"]), st.integers(-5, 400)),
)
_CONFIG_KEYS = st.sampled_from(
    ["include", "exclude", "select", "ignore", "severity", "schema", "tolerances", "headings", "x"]
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_CONFIG_KEYS, _CONFIG_VALUES, max_size=4))
def test_gate_agrees_on_generated_configurations(table: dict[str, Any]) -> None:
    _agree(table, "config.schema.json")


@pytest.mark.parametrize(
    ("table", "valid"),
    [
        ({"select": ["HL1"], "severity": {"HL201": "warning"}}, True),
        ({"tolerances": {"approx_lines": 5}}, True),
        ({"select": "HL1"}, False),
        ({"unknown": 1}, False),
    ],
)
def test_gate_agrees_on_example_configurations(table: dict[str, Any], valid: bool) -> None:
    assert _agree(table, "config.schema.json") is valid


CHECK_AND_LIST_MODULES = """
import sys
from handoff_lint.cli import main
code = main(["check", "SESSION_3_HANDOFF.md"])
print(code, sorted(m for m in ("jsonschema", "fastjsonschema") if m in sys.modules))
"""

GOOD = "# Session 3\n\n**Date:** 2025-11-13\n\n## Summary\n\n## Files Created\n\n- `app.py`\n"


def _imported(repo: ScratchRepo) -> str:
    done = subprocess.run(
        [sys.executable, "-c", CHECK_AND_LIST_MODULES],
        cwd=repo.path,
        env=repo.env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()[-1]


def test_clean_default_run_does_not_import_jsonschema(repo: ScratchRepo) -> None:
    repo.commit("add app", {"app.py": "print(1)\n"})
    repo.commit("handoff", {"SESSION_3_HANDOFF.md": GOOD})
    assert _imported(repo) == "0 []"  # the ahead-of-time validators need neither library


def test_rejected_document_is_explained_by_jsonschema(repo: ScratchRepo) -> None:
    repo.commit("add app", {"app.py": "print(1)\n"})
    repo.commit("handoff", {"SESSION_3_HANDOFF.md": "# Session 3\n\nNotes only.\n"})  # no claim
    assert _imported(repo) == "1 ['jsonschema']"


@pytest.mark.parametrize("name", sorted(gates.MODULES))
def test_generated_validators_are_current_and_used(name: str) -> None:
    text = (schema.schema_dir() / name).read_text(encoding="utf-8")
    ahead = gates.load(name, text)
    assert ahead is not None, f"schemas/{name} changed: run python -m handoff_lint.gates"
    assert gates.load(name, text + "\n") is None  # a changed schema is compiled at run time
    shipped = schema.shipped_schema(name)
    schema.accepts({}, shipped)
    assert schema._GATES[name] is ahead


def test_generated_source_validates() -> None:
    """The module text runs: fastjsonschema's code for the schema, its digest and its entry."""
    name = "config.schema.json"
    text = (schema.schema_dir() / name).read_text(encoding="utf-8")
    module = gates.source(name, text)
    assert f'SOURCE_DIGEST = "{gates.digest(text)}"' in module
    assert "import fastjsonschema" not in module and "from fastjsonschema" not in module
    namespace: dict[str, Any] = {}
    exec(compile(module, "generated", "exec"), namespace)
    namespace["validate"]({})
    with pytest.raises(gates.Rejected, match="must be object"):
        namespace["validate"]([])
