"""Test definitions in a source file, counted statically, for the common test frameworks.

pytest/unittest (``ast``), Jest/Vitest/Mocha/Playwright (``it(``/``test(``), Go (``func TestX(t
*testing.T)``), Rust (``#[test]``), JUnit (``@Test``), xUnit/NUnit/MSTest (``[Fact]``,
``[Test]``, ``[TestMethod]``), XCTest (``func testX``), PHPUnit (``function testX``, ``@test``),
RSpec/Minitest, GUT/GdUnit (GDScript ``func test_``), shell (``test_x()``, bats ``@test``),
Dart, ExUnit, Zig (``test "name" {``), D (``unittest {``) and Ginkgo (``It("name"``). A file whose tests are generated at run time (parametrized tests, data
providers, table-driven subtests, tests in loops) is *dynamic*: how many run is a run-time fact.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from handoff_lint import lazyre

# languages whose unit tests live in the source files they test (Rust's #[cfg(test)] modules)
INLINE = lazyre.compile(r"\.(?:rs|zig|d)$")


@dataclass(frozen=True)
class Tests:
    """The names of the tests a file defines, and whether more run than are written."""

    names: list[str]
    dynamic: bool


@dataclass(frozen=True)
class _Pattern:
    suffixes: tuple[str, ...]
    test: lazyre.Pattern
    dynamic: lazyre.Pattern | None


M = re.M
PATTERNS = [
    _Pattern(
        (".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".mts", ".cts", ".vue", ".svelte"),
        lazyre.compile(
            r"(?<![\w.$])(?:it|test)(?:\.(?:only|skip|concurrent|todo|failing|fails))?\s*\(\s*"
            r"(['\"`])(?P<name>.*?)\1",
            re.S,
        ),
        lazyre.compile(r"\.each\b|(?<![\w.$])(?:it|test)\s*\(\s*`[^`]*\$\{"),
    ),
    _Pattern(
        (".go",),
        lazyre.compile(r"^func\s+(?P<name>Test\w*)\s*\(\s*\w+\s+\*testing\.T\s*\)", M),
        lazyre.compile(r"\bt\.Run\s*\("),
    ),
    _Pattern(
        (".rs",),
        lazyre.compile(
            r"#\[(?:\w+::)*test\b[^\]]*\]\s*(?:#\[[^\]]*\]\s*)*"
            r"(?:pub\s+)?(?:async\s+)?fn\s+(?P<name>\w+)"
        ),
        lazyre.compile(r"#\[(?:rstest|test_case|case)\b|\bproptest!"),
    ),
    _Pattern(
        (".java", ".kt", ".kts", ".groovy", ".scala"),
        lazyre.compile(
            r"@Test\b(?:\([^)]*\))?\s*(?:@\w+(?:\([^)]*\))?\s*)*"
            r"(?:(?:public|protected|private|internal|open|override|suspend)\s+)*"
            r"(?:void\s+|fun\s+|def\s+)?(?:`(?P<name>[^`\n]+)`|(?P<n2>\w+))\s*\("
        ),
        lazyre.compile(r"@(?:ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\b"),
    ),
    _Pattern(
        (".cs", ".fs", ".vb"),
        lazyre.compile(
            r"\[(?:Fact|Test|TestMethod)(?:\([^\]]*\))?\]\s*(?:\[[^\]]*\]\s*)*"
            r"(?:(?:public|private|internal|protected|async|static|override)\s+)*"
            r"[\w<>\[\],. ]+?\s+(?P<name>\w+)\s*\("
        ),
        lazyre.compile(r"\[(?:Theory|TestCase|TestCaseSource|DataRow|DynamicData|InlineData)\b"),
    ),
    _Pattern(
        (".swift",),
        lazyre.compile(r"func\s+(?P<name>test\w*)\s*\(|@Test\b[^\n]*\n\s*func\s+(?P<n2>\w+)"),
        lazyre.compile(r"@Test\s*\([^)]*arguments\s*:"),
    ),
    _Pattern(
        (".php",),
        lazyre.compile(r"function\s+(?P<name>test\w*)\s*\(|@test\b[\s\S]*?function\s+(?P<n2>\w+)"),
        lazyre.compile(r"@dataProvider\b|#\[DataProvider\b"),
    ),
    _Pattern(
        (".rb",),
        lazyre.compile(
            r"^[ \t]*(?:it|specify|test)\s+['\"](?P<name>.*?)['\"]|^[ \t]*def\s+(?P<n2>test_\w+)", M
        ),
        None,
    ),
    _Pattern((".gd",), lazyre.compile(r"^func\s+(?P<name>test\w*)\s*\(", M), None),
    _Pattern(
        (".sh", ".bash", ".bats", ".zsh"),
        lazyre.compile(
            r"^[ \t]*(?:function\s+)?(?P<name>test_\w+)\s*\(\s*\)|^@test\s+['\"](?P<n2>.*?)['\"]", M
        ),
        None,
    ),
    # package:test, flutter_test, bloc_test ("blocTest<Cubit, State>('name'", across lines)
    _Pattern(
        (".dart",),
        lazyre.compile(
            r"^[ \t]*(?:test(?:Widgets)?|blocTest(?:\s*<[^>(]*>)?)\(\s*['\"](?P<name>.*?)['\"]", M
        ),
        # a test made once per case of a loop: "for (final c in cases) {" then "test("
        lazyre.compile(
            r"(?:\bfor\s*\([^)]*\)\s*\{|\.forEach\(\s*\(?\w*\)?\s*(?:=>|\{))\s*"
            r"(?:test(?:Widgets)?|blocTest)\b"
        ),
    ),
    _Pattern((".ex", ".exs"), lazyre.compile(r"^[ \t]*test\s+\"(?P<name>.*?)\"", M), None),
    # Zig: test "name" { ... } or test name { ... }; an unnamed test { ... } block mostly pulls
    # in other files' tests, so a file with one counts as dynamic
    _Pattern(
        (".zig",),
        lazyre.compile(
            r"^[ \t]*test\s+(?:\"(?P<name>(?:[^\"\\\n]|\\.)*)\"|(?P<n2>[A-Za-z_]\w*))\s*\{", M
        ),
        lazyre.compile(r"^[ \t]*test\s*\{", M),
    ),
    _Pattern((".d",), lazyre.compile(r"^[ \t]*(?P<name>unittest)\s*\{", M), None),  # D
]
# Ginkgo (Go's BDD framework): its specs are the It blocks of a file that imports it
GINKGO = lazyre.compile(r'^[ \t]*[FPX]?(?:It|Specify)\(\s*"(?P<name>[^"\n]*)"', M)
# specs made per case: a table, or an It within a few lines under a for loop
GINKGO_DYNAMIC = lazyre.compile(
    r"\bDescribeTable\(|\bEntry\(|^[ \t]*for\b[^\n]*\{[ \t]*\n(?:[^\n]*\n){0,4}?[ \t]*[FPX]?It\(",
    M,
)
PY_DYNAMIC = lazyre.compile(r"\bparametrize\b|\bsubTest\b|\bparameterized\b|\bhypothesis\b")


def _python(text: str) -> Tests | None:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return None
    names = [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.name.startswith("test")
        and not any("fixture" in ast.unparse(d) for d in node.decorator_list)
    ]
    return Tests(names, PY_DYNAMIC.search(text) is not None)


def _name(match: re.Match[str]) -> str:
    found = match.groupdict()
    return str(found.get("name") or found.get("n2") or match.group(0))


def tests_in(path: str, text: str) -> Tests | None:
    """The tests ``text`` (the file at ``path``) defines; None for a language not known here."""
    lowered = path.lower()
    if lowered.endswith(".py"):
        return _python(text)
    if lowered.endswith(".go") and "onsi/ginkgo" in text:
        names = [match.group("name") for match in GINKGO.finditer(text)]
        return Tests(names, GINKGO_DYNAMIC.search(text) is not None)
    for pattern in PATTERNS:
        if lowered.endswith(pattern.suffixes):
            names = [_name(match) for match in pattern.test.finditer(text)]
            dynamic = pattern.dynamic is not None and pattern.dynamic.search(text) is not None
            return Tests(names, dynamic)
    return None
