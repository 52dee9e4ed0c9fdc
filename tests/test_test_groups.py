"""Test counts of a named group ("- Edge Cases (4 tests)") against the group of that name in
the test files the session changed: a describe/group call, a Python test class, a section
comment. Unit tests of the group reader, then real temporary repositories and the real CLI."""

from __future__ import annotations

import pytest

from handoff_lint.git import testgroups
from handoff_lint.scratch import ScratchRepo
from tests.conftest import Cli, claims_of

JS = """describe('Parser', () => {
  describe("Edge cases", () => {
    it('keeps ) in a string', () => { const s = "x)"; });
    it('b', () => {});
  });
  test('c', () => {});
});
"""
DART = "void main() {\n  group('Domain Patterns', () {\n    test('x', () {});\n  });\n}\n"
JAVA = """class FooTest {
    // ========== EDGE CASE TESTS ==========
    @Test void a() {}
    @Test void b() {}
    // ========== OTHER ==========
    @Test void c() {}
    @Nested
    @DisplayName("Role checks")
    class RoleChecks {
        @Test void d() {}
    }
}
"""
SWIFT = "final class T: XCTestCase {\n    // MARK: - Type Errors\n    func testA() {}\n}\n"
PYTHON = """import pytest
class TestEdgeCases:
    def test_a(self): pass
    @pytest.mark.parametrize('x', [1, 2])
    def test_b(self, x): pass
"""
RUBY = 'describe Foo do\n  context "edge cases" do\n    it "a" do\n    end\n  end\nend\n'


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        ("a.test.ts", JS, [("Parser", 3), ("Edge cases", 2)]),
        ("a_test.dart", DART, [("Domain Patterns", 1)]),
        ("FooTest.java", JAVA, [("Role checks", 1), ("EDGE CASE TESTS", 2), ("OTHER", 2)]),
        ("TTests.swift", SWIFT, [("Type Errors", 1)]),
        ("tests/test_x.py", PYTHON, [("TestEdgeCases", 2)]),
        ("spec/foo_spec.rb", RUBY, [("edge cases", 1)]),
        ("notes.txt", JS, []),  # no test framework known for the file
    ],
)
def test_the_groups_of_a_test_file(path: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert [(g.names[0], g.count) for g in testgroups.groups_in(path, text)] == expected


def test_a_group_is_named_by_its_words() -> None:
    same = ("EDGE CASE TESTS", "Edge Cases", "TestEdgeCases", "edge_cases")
    assert {testgroups.words(name) for name in same} == {("edge", "case")}
    assert testgroups.words("Type Mismatch Errors") != testgroups.words("Type Mismatch Paths")


def test_a_parametrized_class_is_a_dynamic_group() -> None:
    (group,) = testgroups.groups_in("tests/test_x.py", PYTHON)
    assert group.dynamic


SPEC = """describe('Billing', () => {
  describe('Invoice totals', () => {
    it('a', () => {}); it('b', () => {}); it('c', () => {});
  });
  describe('Edge cases', () => { it('d', () => {}); });
});
"""
OTHER = "describe('Edge cases', () => { it('e', () => {}); it('f', () => {}); });\n"


def _groups_doc(repo: ScratchRepo, cli: Cli, body: str) -> dict[int, str]:
    repo.commit("start", {"README.md": "x\n"}, when="2025-11-12T09:00:00+00:00")
    repo.commit("handoff 1", {"SESSION_1_HANDOFF.md": "# One\n"}, when="2025-11-12T10:00:00+00:00")
    work = {"src/billing.test.ts": SPEC, "src/other.test.ts": OTHER}
    repo.commit("tests", work, when="2025-11-13T09:00:00+00:00")
    doc = "# Session 2 Handoff\n\n**Date:** 2025-11-13\n\n" + body
    repo.commit("handoff 2", {"SESSION_2_HANDOFF.md": doc}, when="2025-11-13T10:00:00+00:00")
    run = cli("check", "--format", "json", "SESSION_2_HANDOFF.md", cwd=repo.path)
    return {c["line"]: c["verdict"] for c in claims_of(run) if c["kind"] == "test_group"}


def test_a_groups_count_is_checked_against_that_group(repo: ScratchRepo, cli: Cli) -> None:
    body = (
        "## Tests Added\n\n"
        "- Invoice totals (3 tests)\n"  # line 7: the group defines 3
        "- Invoice Totals: 4 tests\n"  # line 8: not 4
        "- Edge cases (1 test)\n"  # line 9: two files have such a group
        "- Late fees (2 tests)\n"  # line 10: no group is called so
        "- Billing (3 tests)\n"  # line 11: one word names a scope, not a group
        "\n## Next Steps\n\n- Refund rules (5 tests)\n"  # line 15: a plan
    )
    found = _groups_doc(repo, cli, body)
    assert found == {7: "verified", 8: "refuted", 9: "unverifiable", 10: "unverifiable"}


def test_a_count_before_the_groups_name_and_a_table_of_groups(repo: ScratchRepo, cli: Cli) -> None:
    """ "- 3 InvoiceTotals tests" (the count first) and a row of a table under "| Test Group |
    Tests |" are group claims too; a one-word name ("- 4 Unit tests") is no group's."""
    body = (
        "## Tests Added\n\n"
        "- 3 InvoiceTotals tests\n"  # line 7: the group defines 3
        "- 2 `Invoice Totals` tests\n"  # line 8: not 2
        "- 4 Unit tests\n"  # line 9: one word, a kind of tests
        "\n| Test Group | Tests | Covers |\n|---|---|---|\n"
        "| Invoice totals | 4 | sums |\n"  # line 13: not 4
        "| Late fees | 2 | none |\n"  # line 14: no group is called so
        "| Billing | 3 | all |\n"  # line 15: one word
    )
    found = _groups_doc(repo, cli, body)
    assert found == {7: "verified", 8: "refuted", 13: "refuted", 14: "unverifiable"}


def test_a_group_under_a_heading_that_names_its_file(repo: ScratchRepo, cli: Cli) -> None:
    """Under "### `src/billing.test.ts`" a group is that file's: "Edge cases" there is the
    billing file's one group of that name; under a heading naming a file that has no such
    group, another file's group of that name says nothing."""
    body = (
        "## Tests Added\n\n### `src/billing.test.ts`\n\n"
        "- Edge cases (2 tests)\n"  # line 9: billing's group defines 1
        "\n### `src/other.test.ts`\n\n"
        "- Invoice totals (5 tests)\n"  # line 13: other.test.ts has no such group
    )
    assert _groups_doc(repo, cli, body) == {9: "refuted", 13: "unverifiable"}


def test_a_file_of_endless_groups_is_read_up_to_a_bound() -> None:
    """A test file a stranger wrote with thousands of groups, none closed, or all nested:
    at most MAX_GROUPS of each kind are read (each is counted over its own text)."""
    unclosed = "describe('a b', () => {\n  it('x', () => {});\n" * 5000
    nested = "describe('a b', () => {\n" * 3000 + "it('x', () => {});\n" + "});\n" * 3000
    sections = "// MARK: - a b\nfunc testA() {}\n" * 5000
    assert testgroups.groups_in("a.test.ts", unclosed) == []
    assert len(testgroups.groups_in("a.test.ts", nested)) == testgroups.MAX_GROUPS
    assert len(testgroups.groups_in("ATests.swift", sections)) == testgroups.MAX_GROUPS
