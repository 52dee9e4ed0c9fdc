"""Code blocks that hold pasted tool output, told from program code by the shape of their lines.

Agents paste ``git log --oneline``, ``git show --stat``, ``git status``, file trees with line or
test counts and test-runner summaries into code blocks: those lines are claims like prose. Program
code, configuration and shell commands are not. A block is tool output when it is not marked as a
programming language and most of its lines (commands, comments and blank lines aside) have an
output shape; each such line is then read as a claim, with its shape.
"""

from __future__ import annotations

import re

from handoff_lint import lazyre

GRAPH = r"[*|\\/ ]*"
SHAPES: list[tuple[str, lazyre.Pattern]] = [
    # "abc1234 subject", "* abc1234 (HEAD -> main) subject", "commit abc1234...", "abc1234 - x"
    # "1.  68c1c0aa ✅ subject": the same, numbered
    (
        "gitlog",
        lazyre.compile(
            r"^\s*(?:\d{1,3}[.)]\s+)?" + GRAPH + r"(?:commit\s+)?[0-9a-f]{7,40}\b(?:\s|$)"
        ),
    ),
    # "Original:   2ecb110... (note)", "HEAD now: 47f87e9": a commit under a short label
    # "M0.3 -> e4d2b5a2... : subject": a commit a label maps to
    (
        "gitlog",
        lazyre.compile(
            r"^\s*[A-Za-z][\w .#-]{0,30}(?:[:：]|->|→|=>)\s+`?[0-9a-f]{7,40}`?(?:\s|$)"
        ),
    ),
    (
        "diffstat",
        lazyre.compile(r"^\s*\S.*?\s\|\s+(?:\d+\s*[+\-]*\s*(?:\(new file\))?|Bin\b.*)\s*$"),
    ),
    ("diffstat", lazyre.compile(r"\b\d+\s+files?\s+changed\b")),
    (
        "status",
        lazyre.compile(
            r"^\s*(?:[MADRCU?!]{1,2}\s+\S+|(?:modified|new file|deleted|renamed):\s+\S)"
        ),
    ),
    ("tree", lazyre.compile(r"^[\s│|]*(?:├──|└──|├─|└─|\|--|`--|\+--)\s*\S")),
    ("header", lazyre.compile(r"^\s*(?:Author|Date|Merge|AuthorDate|CommitDate):\s")),
    # "    go.mod        (NEW) - Go dependencies": an entry of a file tree with its status
    (
        "entry",
        lazyre.compile(
            r"^[\s│|]*(?:(?:├──|└──|├─|└─|\|--|`--|\+--|[-*+•])\s*)?`?[\w@.-]+(?:/[\w@.-]+)*"
            r"\.[A-Za-z]\w{0,7}`?\s+\((?:new|added|created|updated|modified|changed|deleted|"
            r"removed)\)",
            re.I,
        ),
    ),
    # "test/", "  unit/": a folder of a file tree drawn by indentation (it places the entries)
    (
        "folder",
        lazyre.compile(
            r"^[\s│|]*(?:(?:├──|└──|├─|└─|\|--|`--|\+--)\s*)?[\w@.-]+(?:/[\w@.-]+)*/\s*$"
        ),
    ),
    (
        "counted",
        lazyre.compile(
            r"\S+\.\w{1,10}`?\)?\s+(?:\((?:new|added|created|modified|updated)\)\s*)?"
            r"(?:\(|[-—–:]\s+|#\s+|//\s+)?[~≈]?\+?\d[\d,]*\+?\s*(?:[a-z-]+\s+)?"
            r"(?:lines?|LOC|行|tests?|个|個|件|줄|l[ií]neas?|linhas?|lignes?|Zeilen?|righe|"
            r"testes|pruebas|테스트)",
            re.I,
        ),
    ),
    # "- src/app/x.ts", "  ✅ docs/guide.md — the guide": a file list (what a commit created)
    (
        "path",
        lazyre.compile(
            r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?:[✅✓✔]\s*)?`?[\w@.-]+(?:/[\w@.-]+)*"
            r"\.[A-Za-z]\w{0,7}`?(?:\s*$|\s+[-—–:(#]|:)"
        ),
    ),
    # "src/app/export.ts" alone on its line: a bare list of paths (what `git diff --name-only`
    # prints), one with a folder
    (
        "path",
        lazyre.compile(
            r"^\s*(?!\./)/?[\w@.\[\]-]+(?:/[\w@.\[\]-]+)+\.[A-Za-z]\w{0,7}\s*(?:$|\s#\s|\s\()"
        ),  # not "./scripts/run.sh": a command that runs it; "/src/a.ts": from the root
    ),
    (
        "summary",
        lazyre.compile(
            r"^\s*[^\s:：|][^:：|]{0,40}[:：]\s*[~≈]?[+\-]?\d[\d,]*\+?\s*\S{0,12}"
            r"|\b\d+\s+(?:passed|failed|passing|failing|skipped)\b"
            r"|\btest result:|^\s*(?:PASS|FAIL|ok|FAILED)\b"
            # the totals test runners print: cargo, rspec, unittest, XCTest, PHPUnit, Gradle,
            # bats, dart ("00:02 +12: All tests passed!")
            r"|^\s*(?:running\s+\d+\s+tests?\b|Finished\s+in\s+\d)|\b\d+\s+examples?,\s+\d+\s+failures?\b"
            r"|\bRan\s+\d+\s+tests?\s+in\b|\bExecuted\s+\d+\s+tests?\b|\bOK\s+\(\d+\s+tests?\b"
            r"|\b\d+\s+tests?\s+completed\b|\b\d+\s+tests?,\s+\d+\s+(?:failures?|assertions?)\b"
            r"|^\s*(?:\d+:\d+\s+)?\+\d+(?:\s+~\d+)?(?:\s+-\d+)?:\s",
            re.I,
        ),
    ),
]
NEUTRAL = lazyre.compile(
    r"^\s*(?:$|#|//|\$\s|>\s|\.\.\.|[-=~*_━─═]{3,}\s*$|```)"
    # a group label ("✅ Phase 2 UI (4 files):"), not a statement of a language
    r"|^\s*(?:[^\w\s]{1,3}\s*)?(?!(?:def|class|if|elif|else|for|while|try|except|finally|with"
    r"|async|case|match|default|public|private|protected)\b)[^\W\d_][^=;{}<>`]*[:：]\s*$"
    r"|^\s*(?:git|npm|pnpm|yarn|npx|cd|python3?|pytest|cargo|go|make|docker|ls|cat|tree|wc"
    r"|(?:bin/)?rspec|bundle|mvn|\./mvnw|gradle|\./gradlew|dotnet|composer|vendor/bin/\w+"
    r"|flutter|dart|swift|xcodebuild|bun|deno|node|mix|bats|uv|poetry|tox|rake|bin/rails)\s"
)
OUTPUT_INFO = {
    "",
    "text",
    "txt",
    "plain",
    "plaintext",
    "bash",
    "sh",
    "shell",
    "zsh",
    "console",
    "terminal",
    "output",
    "log",
    "diff",
    "git",
    "gitlog",
    "tree",
    "stats",
}
SHARE = 0.6
# info strings of programs, configuration and markup: a block marked so is code. A block
# marked with a word of no language ("pm-status", "result", "summary") is read by the shapes
# of its lines, like an unmarked one.
LANGUAGES = frozenset(
    """
    python py python3 pycon ipython javascript js jsx mjs cjs typescript ts tsx json jsonc json5
    jsonl yaml yml toml ini cfg conf properties env dotenv xml html htm css scss sass less vue
    svelte astro go golang rust rs java kotlin kt kts swift c h cpp c++ cc cxx hpp objc
    objective-c cs csharp c# fsharp fs vb php ruby rb perl pl lua r julia jl elixir ex exs erlang
    erl haskell hs ocaml ml scala dart zig nim gdscript gd sql mysql postgresql postgres psql
    plsql graphql gql proto protobuf dockerfile docker makefile make cmake nix hcl terraform tf
    groovy gradle powershell ps1 pwsh bat batch cmd fish nu elm clojure clj lisp scheme racket
    solidity sol move cairo vyper v verilog vhdl asm nasm wasm glsl hlsl wgsl mermaid dot
    graphviz plantuml puml latex tex markdown md mdx rst asciidoc csv tsv http rest regex
    jinja jinja2 j2 handlebars hbs mustache liquid twig erb ejs pug haml slim razor cshtml
    prisma sparql cypher kql promql logql jq awk sed vim viml applescript coffee coffeescript
    crystal cr d pascal delphi fortran f90 cobol ada prolog apex abap matlab octave sas stata
    """.split()
)


MAX_OUTPUT_LINE = 1000  # longer lines are no tool output: the shapes are not tried on them


def shape_of(line: str) -> str:
    """The output shape of one line: a name from SHAPES, "neutral" or "" (anything else). A
    line longer than MAX_OUTPUT_LINE has none (some shapes cost time quadratic in the length
    of a line of dots or blanks, which a hostile document could make a megabyte long)."""
    if len(line) > MAX_OUTPUT_LINE:
        return ""
    for name, pattern in SHAPES:
        if pattern.search(line):
            return name
    return "neutral" if NEUTRAL.match(line) else ""


def _listing(counted: list[str]) -> bool:
    """A block marked as a language whose every line is a file with its count or a tree entry
    ("tests/test_a.py   # 460 lines, 29 tests" under ```python, and a "Total: ..." line): a
    listing, not a program."""
    files = sum(s in ("counted", "tree", "entry") for s in counted)
    return files >= 2 and all(s in ("counted", "tree", "entry", "summary") for s in counted)


def _notes(lines: list[str], shapes: list[str]) -> list[str]:
    """A block written as an outline ("✅ src/a.ts (150 lines)" with "   - what it does" under
    it): the indented lines of no shape are notes on the item above, not output to judge."""
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    least = min(indents, default=0)
    return [
        "neutral"
        if not shape and line.strip() and len(line) - len(line.lstrip()) > least
        else shape
        for line, shape in zip(lines, shapes, strict=True)
    ]


def output_lines(info: str, lines: list[str]) -> list[tuple[int, str]]:
    """(offset, shape) of the lines of a code block that are pasted tool output; nothing when
    the block is program code (its info string names a language, or too few lines have an output
    shape)."""
    language = info.split()[0].lower() if info.strip() else ""
    if language and language not in LANGUAGES and language not in OUTPUT_INFO:
        language = ""  # a word of no language: read by the shapes of its lines
    shapes = [shape_of(line) for line in lines]
    if language in OUTPUT_INFO:
        shapes = _notes(lines, shapes)
    if sum(s in ("path", "counted", "tree", "entry") for s in shapes) < 2:  # one is no list
        shapes = ["" if s in ("path", "entry") else s for s in shapes]
    if not any(s in ("counted", "tree", "entry") for s in shapes):
        shapes = ["" if s == "folder" else s for s in shapes]  # folders alone draw no tree
    counted = [s for s in shapes if s not in ("neutral", "folder")]
    found = [s for s in counted if s]
    if language not in OUTPUT_INFO and not _listing(counted):
        return []
    if not found or len(found) < SHARE * len(counted):
        return []
    skipped = ("", "neutral", "folder")
    return [(offset, shape) for offset, shape in enumerate(shapes) if shape not in skipped]


TREE_NAME = lazyre.compile(
    r"^(?P<lead>[\s│|]*(?:(?:├──|└──|├─|└─|\|--|`--|\+--)\s*)?)(?P<name>[^\s│|]\S*)"
)


def tree_folders(lines: list[str]) -> dict[int, str]:
    """For each entry of a file tree drawn in a code block, the folder the tree puts it in
    ("tests/x/" then "├── Core/" then "│   ├── ATests.cs": tests/x/Core/): a name is inside the
    nearest folder above it that starts further left."""
    folders: list[tuple[int, str]] = []  # (column of the name, folder name), outermost first
    out: dict[int, str] = {}
    for offset, line in enumerate(lines):
        match = TREE_NAME.match(line)
        if match is None or NEUTRAL.match(line):
            continue
        column = len(match.group("lead"))
        while folders and folders[-1][0] >= column:
            folders.pop()
        name = match.group("name")
        out[offset] = "".join(folder for _, folder in folders)
        if name.endswith("/"):
            folders.append((column, name))
    return out
