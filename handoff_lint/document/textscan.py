"""Lexical helpers shared by the claim extractors: code spans, URLs, paths and hex ids."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from handoff_lint import lazyre

CODE_SPAN = lazyre.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
URL = lazyre.compile(
    r"\b(?:https?|ftp|file|ssh|git)://[^\s)>\]`'\"]+|\bwww\.[^\s)>\]`'\"]+|\]\([^)\s]*\)"
)
UUID = lazyre.compile(
    r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"
)
# an id: not inside a word, a path, a URL or a version; the end of a range counts ("a1b2c3d..e4f5a6b")
HEX = lazyre.compile(
    r"(?:(?<![\w#@/\\.:+-])|(?<=[0-9a-f]\.\.)|(?<=[0-9a-f]\.\.\.))"
    r"([0-9a-f]{7,40})(?![\w@/\\+-])(?!\.\w)"
)
HEX_EXCLUDE_BEFORE = lazyre.compile(
    r"\b(agent|process(?:\s+ids?)?|pid|shell|uuid|token|key|secret|student|user|session[\s_-]?id|"
    r"request[\s_-]?id|trace[\s_-]?id|job[\s_-]?id|color|colour|nonce|salt|"
    # a digest named by its algorithm or its use: "SHA-256 `4ed80b39...`", "fingerprint a1b2..."
    r"checksum|md5|sha-?(?:1|224|256|384|512)|sha3(?:-\d+)?|blake[23]\w*|crc32|fingerprint|digest|"
    r"api|build[\s_-]?id|deployment|container|image|bash[\s_-]?id|task[\s_-]?id|"
    # a git object that is not a commit, named so: "Target commit tree was `f60cc37...`"
    r"(?:tree|blob)(?:[\s_-]?(?:id|hash|sha|object))?(?:\s+(?:was|is|=))?|"
    r"device(?:[\s_-]?id)?|serial|udid|android|iphone|ipad|emulator|simulator|adb|coredevice|"
    # an example of an id's shape: "8 chars, e.g. `a1b2c3d4`"
    r"e\.g|for\s+example|for\s+instance|z\.\s?B|por\s+ejemplo|por\s+exemplo|p\.\s?ex|"
    r"par\s+exemple)\b\W*$|(?:例如|比如|例[:：])\W*$",
    re.I,
)

KNOWN_EXTENSIONS = frozenset(
    """
    py pyi pyx ipynb js jsx ts tsx mjs cjs mts cts json jsonc json5 md mdx markdown txt rst adoc
    yml yaml toml ini cfg conf env properties html htm css scss sass less vue svelte astro
    sh bash zsh fish ps1 bat cmd go rs java kt kts swift c h cc cpp cxx hpp hh cs fs rb php pl
    sql db sqlite sqlite3 xml xsd csv tsv lock log dart lua r scala ex exs erl hrl hs ml mli
    gradle tf tfvars hcl proto graphql gql prisma mk cmake dockerfile j2 jinja jinja2 tmpl tpl
    template example sample pdf png jpg jpeg gif svg ico webp mp4 wav ttf woff woff2 zip gz
    tex bib nix el vim clj cljs groovy jl m mm pbxproj plist xib storyboard sol move zig v nim
    gd tscn tres godot gdshader csproj sln fsproj vbproj props targets resx xaml razor cshtml
    vb fsx psm1 pm raku cr d ino asm sv vhd vhdl thrift avsc mod sum rmd qmd org cls sty
    jsonl ndjson bats tsbuildinfo mdc gs sbt cu cuh metal awk ron star mojo ada adb ads pas http
    qml heex leex erb haml slim ejs hbs handlebars pug njk twig liquid mustache txtar patch diff
    jar war apk aab ipa parquet pth onnx h5 npy npz pkl pickle wasm mp3 m4a ogg flac mov mkv avi
    xlsx xls docx pptx odt dll dylib exe glsl hlsl wgsl frag vert shader prefab uasset umap rego
    bicep cue dhall jsonnet libsonnet kdl edn purs elm vala f90 f95 rkt scm lisp fnl janet odin
    gleam hx gml bzl bazel ninja gni qrc idl fbs capnp pbtxt prototxt hurl feature snap
    """.split()
)
# file types whose extension is also a word of prose or code ("auth.service", "GPT-4.pro"):
# a path only with a folder in front ("deploy/app.service", "android/app/proguard-rules.pro")
FOLDER_EXTENSIONS = frozenset(
    "pro pri ui service timer socket mount asset meta mat unity http rest bin img iso".split()
)
EXTENSIONLESS = frozenset(
    "Makefile Dockerfile Procfile Gemfile Rakefile Jenkinsfile Vagrantfile LICENSE README "
    "CHANGELOG CODEOWNERS Caddyfile Brewfile Pipfile".split()
)
NUMERIC = lazyre.compile(r"[\d.]+")
# a name to fill in, not a file: "task-entry-YYYY-MM-DD.json", "session-XXX.md", "NNN-title.md"
TEMPLATE_NAME = lazyre.compile(
    r"(?<![A-Za-z])(?:YYYY(?:[-_]?MM(?:[-_]?DD)?)?|X{3,}|N{3,})(?![A-Za-z])"
)
LOWER_HEX = lazyre.compile(r"[0-9a-f]+")
# a test class named for its file: ParserTests for Tests/ParserTests.swift
TEST_CLASS_NAME = r"[A-Z][A-Za-z0-9]*(?:Tests?|Spec|TestCase)"
TEST_CLASS = lazyre.compile(TEST_CLASS_NAME)
# a test file's stem as test runners name its suite: "chat_api_test", "test_parser"
TEST_STEM_NAME = r"[a-z][a-z0-9_]*_tests?|test_[a-z0-9_]+"
TEST_STEM = lazyre.compile(TEST_STEM_NAME)
# programs a shell command in a code span starts with
COMMANDS = frozenset(
    "git npm npx pnpm yarn node deno bun python python3 pip pip3 uv poetry cargo go make bash "
    "sh zsh cd ls cat grep rg rm mv cp mkdir touch docker kubectl dotnet mvn gradle ruby bundle "
    "php composer swift flutter dart mix elixir java javac gcc clang cmake curl wget".split()
)
PATH_CHARS = lazyre.compile(r"^[\w@~+\-.\[\]()/]+$")


def code_spans(line: str) -> list[tuple[int, int, str]]:
    """(start, end, content) of each inline code span in ``line``; offsets include backticks."""
    return [(m.start(), m.end(), m.group(2)) for m in CODE_SPAN.finditer(line)]


LOOK_BACK = 80


def masked_ranges(line: str) -> list[tuple[int, int]]:
    """Ranges of ``line`` that never hold claims: URLs and UUIDs."""
    out = [(m.start(), m.end()) for m in URL.finditer(line)]
    out += [(m.start(), m.end()) for m in UUID.finditer(line)]
    return sorted(out)


def inside(position: int, ranges: list[tuple[int, int]]) -> bool:
    """True when ``position`` is in one of ``ranges`` (sorted, as ``masked_ranges`` gives them)."""
    index = bisect.bisect_right(ranges, (position, float("inf"))) - 1
    return any(start <= position < end for start, end in ranges[max(0, index - 2) : index + 1])


def looks_like_path(token: str, spaces: bool = False) -> bool:
    """True when ``token`` reads as a repository file path (not a URL, symbol or expression).

    ``spaces`` admits single spaces inside (a path written in a code span: `docs/release notes.md`).
    """
    token = token.strip()
    if not token or len(token) > 300 or "://" in token or token.startswith(("www.", "#", "$")):
        return False
    if spaces and " " in token and token.split(" ", 1)[0] in COMMANDS:
        return False  # "`git diff package.json`": a shell command, not a path with a space
    bare = token.replace(" ", "") if spaces and "  " not in token else token
    if not PATH_CHARS.match(bare) or "//" in token or token.endswith("/"):
        return False
    name = token.rsplit("/", 1)[-1]
    if name.endswith("()"):
        return False  # a call: ".nullable()", "render()"
    if name.startswith(".") and "/" not in token:
        return dotfile(name)
    if name in EXTENSIONLESS or (name.startswith(".") and len(name) > 2):
        return True
    if "." not in name.strip("."):
        return False
    stem, ext = name.rsplit(".", 1)
    if TEMPLATE_NAME.search(stem):
        return False
    if not stem or ext.lower() not in KNOWN_EXTENSIONS:
        return bool(stem) and "/" in token and ext.lower() in FOLDER_EXTENSIONS
    return "/" in token or not NUMERIC.fullmatch(stem)  # "3.5" is a number; "docs/22.md" a file


# the names dotfiles are given: tools' settings (".nvmrc", ".gitignore", ".python-version"),
# environments (".env.local") and the folders of tools (".github", ".claude")
DOTFILE = lazyre.compile(
    r"\.(?:[\w-]*(?:rc|ignore|config|version|versions|attributes|modules|rules|keep|format|lint)"
    r"|env(?:\.[\w-]+)?|mailmap|htaccess|flake8|DS_Store|github|gitlab|vscode|idea|claude|cursor"
    r"|husky|devcontainer|circleci|planning|cargo|venv)",
    re.I,
)


def dotfile(name: str) -> bool:
    """A name that starts with a dot, alone (no folder), is a file when it has a known extension
    (".mcp.json", ".env.example") or a dotfile's name; else it is code that starts with a dot:
    a CSS class (".app-bg"), a method (".limit(1)", ".in"), a property (".length"), or only
    extensions (".html.erb", ".d.ts")."""
    if len(name) < 3 or "(" in name or ")" in name:
        return False
    rest = name[1:]
    if DOTFILE.fullmatch(name) is not None:
        return True
    if all(part.lower() in KNOWN_EXTENSIONS for part in rest.split(".")):
        return False  # ".html.erb", ".d.ts", ".md": extensions, not a file
    return "." in rest and rest.rsplit(".", 1)[1].lower() in KNOWN_EXTENSIONS


# where in a file: "a.py:42", "a.py:41-42,57-60", "a.py#L10-L20"
LOCATION = lazyre.compile(r"(?::\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*|#L\d+(?:-L?\d+)?)$")


def _unemphasized(token: str) -> str:
    """``token`` without the underscores of emphasis around it ("__docs/a.md__"); the
    underscores of a name ("__init__.py", "_config.yml") stay."""
    while len(token) > 2 and token[0] == "_" and token[-1] == "_":
        token = token[1:-1]
    return token.strip("*`").strip()


def normalize_path(token: str) -> str:
    """Strip decoration people put around a path: ./ prefixes, an agent's @-mention, a line
    location after it, trailing punctuation."""
    token = _unemphasized(token.strip().strip("*`").strip())
    if token.startswith("@") and token[1:2].isalnum():
        token = token[1:]
    while token.startswith("./"):
        token = token[2:]
    token = token.rstrip(".,;:")
    sibling = SIBLING.match(token)
    if sibling:  # "GameMode.h/.cpp": the header (and its source beside it)
        token = sibling.group(1)
    return LOCATION.sub("", token) or token


# a file and its sibling of another extension written as one: "GameMode.h/.cpp", "a.ts/.test.ts"
SIBLING = lazyre.compile(r"^(.+?\.[A-Za-z]\w{0,7})/\.[A-Za-z][\w.]{0,15}$")


KEYWORD_RIGHT_BEFORE = lazyre.compile(r"\b(commit|sha|hash)\W{0,6}$", re.I)


def is_commit_hex(token: str, keyword_before: bool = False) -> bool:
    """7-40 lowercase hex characters with at least one digit and one letter.

    Digits-only or letters-only ids (``2083660``) count only right after the word "commit".
    """
    if not 7 <= len(token) <= 40 or LOWER_HEX.fullmatch(token) is None:
        return False
    mixed = any(c.isdigit() for c in token) and any(c in "abcdef" for c in token)
    return mixed or (keyword_before and len(token) <= 12)


# "`BOOTSTRAP_VERSION` currently `919124293f66`", "CACHE_KEY=3fa91c2e": the value of a named
# constant, not a commit (unless the constant names one: GIT_SHA, HEAD_REV, BASE_COMMIT)
CONSTANT_BEFORE = lazyre.compile(
    r"\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)[`*\s]*(?:(?:[:=]|\b(?:is|was|now|currently|from|at)\b)"
    r"[`*\s]*)?$"
)
COMMIT_CONSTANT = lazyre.compile(r"GIT|COMMIT|SHA|REV|HEAD|REF|BASE")
# "`919124293f66` → `e931a96373f0`": the new value of what the old one was the value of
ARROW_BETWEEN = lazyre.compile(r"^[`*\s]*(?:→|->|=>|⇒|to)[`*\s]*$")


# "`e5544b20...dd53b`": a digest shown by its two ends (a range of commits, "a1b2c3d...e4f5a6b",
# has a whole id on both sides)
ELIDED = lazyre.compile(r"(?:\.{2,3}|…)[0-9a-f]{1,6}(?![0-9a-zA-Z])")


# "android/app/src/main/kotlin/.../CardView.kt": folders left out of a path, written "..."
ELIDED_FOLDER = lazyre.compile(r"(?:^|/)(?:\.{3}|…)(?:/|$)")


def constant_values(line: str) -> set[str]:
    """Hex tokens of ``line`` that are values of a named constant, and those an arrow leads to
    from one ("`BUILD_TAG` `1a2b3c4d5e6f` → `6f5e4d3c2b1a`"): not commit ids."""
    out: set[str] = set()
    value_end = -1
    for match in HEX.finditer(line):
        before = line[max(0, match.start() - LOOK_BACK) : match.start()]
        constant = CONSTANT_BEFORE.search(before)
        named = constant is not None and COMMIT_CONSTANT.search(constant.group(1)) is None
        arrow = value_end >= 0 and ARROW_BETWEEN.match(line[value_end : match.start()])
        if named or arrow or match.group(1) in out:
            out.add(match.group(1))
            value_end = match.end()
    return out


# "(ec74326/d1cfe10)": two ids of one commit, before and after a rebase; each is an id
HEX_PAIR = lazyre.compile(
    r"(?<![\w#@/\\.:+-])([0-9a-f]{7,40})/([0-9a-f]{7,40})(?![\w@/\\+-])(?!\.\w)"
)


def hex_tokens(line: str, digits_ok: bool = False) -> Iterator[re.Match[str]]:
    """Hex tokens of ``line`` that could be commit ids: not in URLs, UUIDs, colours or names.

    ``digits_ok`` admits digits-only ids (in a list of commits, say).
    """
    # URLs and UUIDs are found at the first hex token that could be an id: most lines have none
    masked: list[tuple[int, int]] | None = None
    scan = HEX_PAIR.sub(r"\1 \2", line) if "/" in line else line  # same offsets
    for match in HEX.finditer(scan):
        before = line[max(0, match.start() - LOOK_BACK) : match.start()]  # bounded: linear per line
        keyword = digits_ok or KEYWORD_RIGHT_BEFORE.search(before) is not None
        if not is_commit_hex(match.group(1), keyword):
            continue
        masked = masked_ranges(line) if masked is None else masked
        if inside(match.start(), masked):
            continue
        if HEX_EXCLUDE_BEFORE.search(before.rstrip("`*( ")):
            continue
        if ELIDED.match(line, match.end()):
            continue
        yield match


PATH_AT = lazyre.compile(
    r"`([^`]+)`|\*\*([^*\s]+)\*\*|(?<![\w/.-])([\w.-]+(?:/[\w.-]+)*\.\w{1,10})(?![\w/-])"
)


def path_tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, path) of each path-like token of ``text``."""
    out = []
    for match in PATH_AT.finditer(text):
        group = next(g for g in (1, 2, 3) if match.group(g))
        raw = match.group(group)
        token = normalize_path(raw)
        if looks_like_path(token, spaces=group == 1) and "::" not in token and token in raw:
            out.append((match.start(group) + raw.find(token), match.end(), token))
        elif group == 2 and "](" in raw:  # **[a.py](../src/a.py)**: a link in bold, read inside
            inner = {t: start for start, _, t in path_tokens(raw) if "[" not in t}
            out += [(match.start(group) + a, match.end(), t) for t, a in inner.items()]
    return out


# a table cell that is one path in a code span, with a folder: `src/lib/x.ts` (a table of files
# recognised by its shape when no column is headed File or Path)
CODE_PATH = lazyre.compile(r"`[\w.@-]+(?:/[\w.@-]+)+\.[A-Za-z]\w{0,7}`")
# or a relative Markdown link to such a path: [src/lib/x.ts](../src/lib/x.ts)
LINK_PATH = lazyre.compile(
    r"\[[^\]]+\]\((?![a-z][\w+.-]*:|#|/)[\w.@/-]*[\w@-]/[\w.@/-]*\.[A-Za-z]\w{0,7}(?:#[^)]*)?\)"
)
