"""Kinds of files a count names: "test files", "Kotlin files", "documentation files",
"workflow files", "Terraform files".

A kind is a word before "files" and a test of a path. Some kinds are read more than one way
(a test file by its name, or by any "test" or "spec" in its path): a count agrees when it
agrees with any reading, so a reading never makes a claim wrong that another makes right.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff_lint import lazyre

EXTENSIONS = {
    "dart": (".dart",),
    "kotlin": (".kt", ".kts"),
    "java": (".java",),
    "python": (".py",),
    "typescript": (".ts", ".tsx"),
    "javascript": (".js", ".jsx", ".mjs", ".cjs"),
    "go": (".go",),
    "rust": (".rs",),
    "swift": (".swift",),
    "c#": (".cs",),
    "ruby": (".rb",),
    "php": (".php",),
    "markdown": (".md",),
    "yaml": (".yml", ".yaml"),
    "shell": (".sh",),
    "sql": (".sql",),
    "vue": (".vue",),
    "gdscript": (".gd",),
    "terraform": (".tf", ".tfvars"),
    "test": (),
}
# the words of a count of the session's files: the languages, and kinds named by their role
WORDS = {
    **{name: name for name in EXTENSIONS},
    "tests": "test",
    "documentation": "docs",
    "doc": "docs",
    "workflow": "workflow",
}
KIND = "|".join(re.escape(name) for name in sorted(WORDS, key=len, reverse=True))
DOCS = lazyre.compile(r"\.(?:md|mdx|markdown|rst|txt|adoc)$", re.I)
# a test file by its name: test_x.py, x_test.go, x.test.ts, x.spec.js, XTests.swift, XSpec.kt,
# or any code file under a tests/ or __tests__/ folder
TEST_NAME = lazyre.compile(
    r"(?:^|/)(?:test_[^/]+|[^/]+_test\.\w+|[^/]+\.(?:test|spec)\.\w+|[^/]*Tests?\.\w+|"
    r"[^/]*Spec\.\w+)$|(?:^|/)(?:tests?|__tests__|spec)/[^/]+\.\w+$"
)
WORKFLOW = lazyre.compile(
    r"^\.github/workflows/[^/]+\.ya?ml$|^\.gitlab-ci\.ya?ml$|^\.circleci/[^/]+\.ya?ml$"
)

Reading = Callable[[str], bool]


def kind(word: str) -> str:
    """The kind a word names ("Documentation" -> "docs", "Tests" -> "test")."""
    return WORDS.get(word.lower(), word.lower())


def readings(of: str) -> list[Reading]:
    """The ways a path may be of kind ``of`` (none when ``of`` is no kind of this table)."""
    if of == "test":
        return [
            lambda p: TEST_NAME.search(p) is not None,
            lambda p: "test" in p.lower() or "spec" in p.lower(),
        ]
    if of == "docs":
        return [lambda p: DOCS.search(p) is not None]
    if of == "workflow":
        return [lambda p: WORKFLOW.search(p) is not None]
    suffixes = EXTENSIONS.get(of)
    if not suffixes:
        return []
    return [lambda p: p.lower().endswith(suffixes)]
