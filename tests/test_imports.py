"""The package's shape: every module imports on its own (no import cycle bites, whichever module
comes first), none is overlong and no function is, the subcommands are all registered, and the cheap commands stay
cheap (``--help``, ``--version`` and ``rules`` import neither GitPython nor the claim kinds)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "handoff_lint"
ROOT = PACKAGE.parent
MAX_LINES = 600  # a guard; the aim (issue 17) is ~400
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 400

# Each module imported first, in an interpreter where no handoff_lint module is loaded yet (the
# package's modules are forgotten between imports; third-party ones stay, to keep it fast). A
# cycle where module A runs "from B import x" while B is half-initialised by "import A" fails
# here for the module that starts it, as it would for a user whose first import that is.
FIRST_IMPORT = """
import importlib, json, sys, traceback
failed = {}
for name in json.loads(sys.argv[1]):
    for loaded in [m for m in sys.modules if m == "handoff_lint" or m.startswith("handoff_lint.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception:
        failed[name] = traceback.format_exc(limit=-3)
print(json.dumps(failed))
"""

# The modules a cheap command leaves loaded, printed after it ran.
LOADED_BY = """
import json, sys
from handoff_lint.cli import main
code = main(sys.argv[1:])
print(json.dumps([code, sorted(sys.modules)]))
"""


def _modules() -> list[str]:
    """Every module of the package but the ``__main__`` ones (importing those runs them)."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def _python(code: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()[-1]


def test_the_walk_finds_the_package_modules() -> None:
    names = _modules()
    for name in (
        "handoff_lint",
        "handoff_lint.cli",
        "handoff_lint.claims",
        "handoff_lint.commands",
    ):
        assert name in names
    assert "handoff_lint.claims.commit" in names and "handoff_lint.reporters.json_format" in names
    assert not [n for n in names if n.endswith("__main__")]


def test_every_module_imports_first_in_a_fresh_interpreter() -> None:
    failed: dict[str, str] = json.loads(_python(FIRST_IMPORT, json.dumps(_modules())))
    assert failed == {}, "\n".join(f"{name}:\n{trace}" for name, trace in failed.items())


def test_the_first_import_check_sees_a_cycle(tmp_path: Path) -> None:
    """The check above can fail: two modules that each take a name from the other."""
    package = tmp_path / "handoff_lint"  # the name the check forgets between imports
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "a.py").write_text("from handoff_lint.b import B\nA = 1\n", encoding="utf-8")
    (package / "b.py").write_text("from handoff_lint.a import A\nB = 2\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", FIRST_IMPORT, json.dumps(["handoff_lint.a", "handoff_lint.b"])],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(tmp_path), "PATH": ""},
    )
    failed = json.loads(done.stdout.splitlines()[-1])
    assert set(failed) == {"handoff_lint.a", "handoff_lint.b"}
    assert "partially initialized module" in failed["handoff_lint.a"]


def test_no_module_is_overlong() -> None:
    """Issue 17's bound: no hand-written module over ~400 lines (gitcmd, parse, quantity,
    window, files, stats, pipeline and counts were longer at the start of session o); the
    validators ``gates`` generates from the schemas are held to a looser guard."""
    sizes = {
        path.relative_to(PACKAGE): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert len(sizes) > 100
    long = {
        str(path): n
        for path, n in sizes.items()
        if n > (MAX_LINES if "gates" in path.parts else MAX_MODULE_LINES)
    }
    assert long == {}


def _function_lengths(path: Path) -> dict[str, int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        f"{path.relative_to(ROOT)}:{node.name}": (node.end_lineno or node.lineno) - node.lineno + 1
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }


def test_no_function_is_overlong() -> None:
    """Issue 17's bound: no function over ~60 lines (the validators ``gates`` generates from the
    schemas are not written by hand)."""
    lengths: dict[str, int] = {}
    for path in PACKAGE.rglob("*.py"):
        if "gates" not in path.relative_to(PACKAGE).parts:
            lengths.update(_function_lengths(path))
    assert len(lengths) > 500
    assert {name: n for name, n in lengths.items() if n > MAX_FUNCTION_LINES} == {}


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("rules",)])
def test_the_cheap_commands_import_no_git_layer_and_no_claim_kinds(args: tuple[str, ...]) -> None:
    code, loaded = json.loads(_python(LOADED_BY, *args))
    assert code == 0
    heavy = [
        m
        for m in loaded
        if m in ("git", "mistune", "jsonschema", "yaml")
        or m.startswith(("git.", "handoff_lint.claims", "handoff_lint.pipeline"))
        or m in ("handoff_lint.git.gitcmd", "handoff_lint.git.evidence", "handoff_lint.git.repo")
    ]
    assert heavy == []
    commands = [m for m in loaded if m.startswith("handoff_lint.commands.")]
    if args != ("--help",):  # --help lists every command; the others load their own alone
        assert commands == (["handoff_lint.commands.rules"] if args == ("rules",) else [])


def test_every_command_module_is_registered_under_its_name() -> None:
    import click

    from handoff_lint.cli import COMMANDS, cli

    modules = {p.stem for p in (PACKAGE / "commands").glob("*.py")} - {"__init__"}
    assert {module for module, _ in COMMANDS.values()} == modules
    with click.Context(cli) as ctx:
        for name in COMMANDS:
            command = cli.get_command(ctx, name)
            assert command is not None and command.name == name


def test_a_mistyped_command_is_a_usage_error_with_suggestions() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "handoff_lint", "chek"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "No such command 'chek'" in done.stderr
    if hasattr(__import__("click").exceptions, "NoSuchCommand"):  # click 8.4+ suggests
        assert "Did you mean one of: 'check', 'schema'?" in done.stderr
