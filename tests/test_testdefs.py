"""Test definitions counted statically, per framework (handoff_lint.git.testdefs)."""

from __future__ import annotations

import pytest

from handoff_lint.git import testdefs

RUST = (
    "#[test]\nfn plain() {}\n\n"
    '#[tokio::test(flavor = "multi_thread")]\nasync fn on_tokio() {}\n\n'
    "#[actix_web::test]\nasync fn on_actix() {}\n\n"
    "#[sqlx::test]\nasync fn with_pool(pool: PgPool) {}\n\n"
    "#[test]\n#[ignore]\nfn ignored_still_defined() {}\n\n"
    "#[derive(Debug)]\nstruct NotATest;\n"
)


@pytest.mark.parametrize(
    ("path", "source", "names", "dynamic"),
    [
        (
            "tests/api.rs",
            RUST,
            ["plain", "on_tokio", "on_actix", "with_pool", "ignored_still_defined"],
            False,
        ),
        ("tests/cases.rs", "#[rstest]\n#[case(1)]\nfn each(#[case] n: u8) {}\n", [], True),
        ("web/a.test.ts", "it('adds', () => {});\ntest.skip('later', () => {});\n", ["adds", "later"], False),
        ("pkg/x_test.go", "func TestA(t *testing.T) {}\nfunc helper() {}\n", ["TestA"], False),
        ("src/cpu.zig", 'test "adds two" {\n}\ntest decl_name {\n}\nfn add() void {}\n', ["adds two", "decl_name"], False),
        ("src/root.zig", "test {\n    _ = @import(\"cpu.zig\");\n}\n", [], True),  # pulls in others
        ("src/util.d", "unittest {\n    assert(add(1, 1) == 2);\n}\n", ["unittest"], False),
        # Dart: package:test, flutter_test and bloc_test, whose name may start the next line
        ("test/a_test.dart", "test('a', () {});\ntestWidgets('b', (t) async {});\nblocTest<C, S>(\n  'c',\n  build: () => C(),\n);\n", ["a", "b", "c"], False),
        ("test/b_test.dart", "for (final n in cases) {\n  test('case $n', () {});\n}\n", ["case $n"], True),
    ],
)  # fmt: skip
def test_tests_defined_in_a_file(path: str, source: str, names: list[str], dynamic: bool) -> None:
    found = testdefs.tests_in(path, source)
    assert found is not None
    assert (found.names, found.dynamic) == (names, dynamic)
