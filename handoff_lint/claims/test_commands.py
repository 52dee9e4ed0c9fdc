"""A test run of one file and its result: "`node --test test/ui.test.js` → 14/14 verde",
"`pytest tests/test_api.py`: 12 passed", "`npx vitest run src/a.test.ts` - 9/9 passing".

Every test of the file ran (the command names that one file and no filter: no ``-k``, ``-t``,
``--grep``, ``::name``), so the run's total is the file's test count: the test_count kind
checks it against the tests the file defines. A runner whose arguments are test names rather
than files (``cargo test parser``, ``go test -run X``) names no file and is left alone.
"""

from __future__ import annotations

import re

from handoff_lint import lazyre
from handoff_lint.claims.walk import Line
from handoff_lint.git.suite import TEST_NAME
from handoff_lint.model import Claim

RUNNER = lazyre.compile(
    r"^(?:(?:npx|pnpm|yarn|bunx|uv\s+run|poetry\s+run)\s+)?(?:python3?\s+-m\s+)?"
    r"(?:pytest|py\.test|node\s+--test|vitest(?:\s+run)?|jest|mocha|playwright\s+test|"
    r"bun\s+test|deno\s+test|dotnet\s+test|(?:vendor/bin/)?phpunit|(?:bundle\s+exec\s+|bin/)?rspec|"
    r"flutter\s+test|dart\s+test|bats)\s+(?P<args>.+)$",
    re.I,
)
# what picks some tests of a file out: the run's total is not the file's then
FILTER = lazyre.compile(
    r"(?:^|\s)(?:-k|-t|-g|-m|--grep|--testNamePattern|--test-name-pattern|--filter|--name|"
    r"--plain-name|--only|-e|--example|--tag)\b|::|:\d+\b"
)
SPAN = lazyre.compile(r"`(?P<command>[^`]{4,300})`")
# a command pasted in a code block with its result in a comment:
# "$ bin/rspec spec/auth_spec.rb   # 8 examples, 0 failures"
PASTED = lazyre.compile(r"^\s*(?:\$\s+)?(?P<command>[^#`]{4,300}?)\s+(?=#)")
# the run's result right after the command: "→ 14/14 verde", ": 12 passed", "- 9/9 passing"
RESULT = lazyre.compile(
    r"\s*(?:→|->|=>|⇒|:|-|–|—|#)?\s*(?:[✅✔]\ufe0f?\s*)?(?:"
    r"(?P<done>\d{1,5})\s*/\s*(?P<n>\d{1,5})(?![\d/.%])"
    r"|(?P<passed>\d{1,5})\s+(?:tests?\s+)?(?:passed|passing|pass)\b"
    r"|(?P<examples>\d{1,5})\s+examples?(?=,))",
    re.I,
)

OTHERS = lazyre.compile(r"fail|skip|error|pending|todo|ignored|xfail", re.I)


def _one_file(args: str) -> str | None:
    """The one test file the arguments name, when nothing filters its tests."""
    if FILTER.search(args):
        return None
    files = [a for a in args.split() if not a.startswith("-") and TEST_NAME.search(a)]
    return files[0] if len(files) == 1 and "*" not in files[0] else None


def command_claims(line: Line) -> list[Claim]:
    spans = list(SPAN.finditer(line.text)) if "`" in line.text else []
    if not spans and line.shape and (pasted := PASTED.match(line.text)):
        spans = [pasted]
    for span in spans:
        runner = RUNNER.match(span.group("command").strip())
        path = _one_file(runner.group("args")) if runner else None
        result = RESULT.match(line.text, span.end()) if path else None
        if path is None or result is None:
            continue
        if result.group("passed") and OTHERS.search(line.text, result.end()):
            continue  # "12 passed, 2 failed": the file holds more than passed
        group = "n" if result.group("n") else "examples" if result.group("examples") else "passed"
        start = result.start("done") if group == "n" else result.start(group)
        count = int(result.group(group))
        text = line.text[start : result.end()].strip()
        value = {"path": path.strip("'\""), "count": count}
        return [Claim("test_count", text, line.number, start + 1, value)]
    return []
