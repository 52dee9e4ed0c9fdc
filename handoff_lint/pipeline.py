"""The pipeline, top to bottom: discover -> parse -> extract -> schema -> evidence -> verify -> rules."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handoff_lint import claims, config, crash
from handoff_lint.checks import hygiene, rules, schema, suppress
from handoff_lint.document import discover, source, targets
from handoff_lint.document.parse import parse
from handoff_lint.document.targets import repo_path
from handoff_lint.git.evidence import Evidence
from handoff_lint.git.gathering import (
    commit_questions,
    gather,
    head_at_head,
    start,
    tree_questions,
    unavailable,
)
from handoff_lint.git.gitcmd import Git, GitError, GitTimeout, RepositoryDamaged
from handoff_lint.git.repo import RepoFacts
from handoff_lint.git.repo import gather as gather_facts
from handoff_lint.model import (
    Claim,
    Document,
    DocumentResult,
    Finding,
    HeadingWords,
    Origin,
    RunResult,
    Window,
)
from handoff_lint.session import added, followup, other_sessions, versions, window

if TYPE_CHECKING:
    from handoff_lint.git.junit import Counts


class UsageError(Exception):
    """A problem with how handoff-lint was called or configured: exit code 2."""


SHALLOW = (
    "this is a shallow clone: claims about commits before its boundary cannot be judged; "
    "fetch the full history (git fetch --unshallow, or actions/checkout with fetch-depth: 0)"
)


@dataclass
class Options:
    globs: list[str] = field(default_factory=lambda: list(discover.DEFAULT_GLOBS))
    schema_path: Path | None = None
    since: str | None = None
    no_git: bool = False
    staged: bool = False
    cwd: Path = field(default_factory=Path.cwd)
    config_path: Path | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    diff: str | None = None
    junit_xml: Path | None = None
    at: str | None = None
    junit: Counts | None = None
    settings: config.Config = field(default_factory=config.Config)
    require_history: bool = False
    force_exclude: bool = False
    stdin: bytes | None = None  # the one document's text, read from standard input


def _open_git(options: Options) -> tuple[Git | None, RepoFacts | None]:
    if options.no_git:
        return None, None
    try:
        git = Git(options.cwd)
        return git, gather_facts(git)
    except GitError as exc:
        raise UsageError(
            f"{exc} (run inside a git repository, or use --no-git for schema checks only)"
        ) from None


def _windows(
    doc: Document,
    found: list[Claim],
    facts: RepoFacts | None,
    options: Options,
    relative: str | None,
) -> versions.Windows | Evidence:
    """Each line's session window, the main one's first git questions started; or the evidence
    that says why git cannot answer. ``relative`` is the document's path in the repository."""
    if facts is None:
        return unavailable(
            Window(None, None, origin=Origin.NO_GIT), "git checks are off (--no-git)"
        )
    if relative is None:
        return unavailable(
            Window(None, None, origin=Origin.OUTSIDE), "the document is outside the repository"
        )
    own = frozenset(
        str(c.value.get("path", "")).rsplit("/", 1)[-1] for c in found if c.kind == "file"
    )
    fm = doc.front_matter or {}
    try:
        spans = None
        if not (options.since or fm.get("base") or fm.get("head")):
            context = versions.Context(options.globs, own, options.settings.exclude)
            spans = versions.windows(facts, relative, doc.lines, context, options.at)
        if spans is None:
            spans = versions.Windows(
                window.compute(
                    facts,
                    relative,
                    options.globs,
                    options.since,
                    fm,
                    own,
                    options.at,
                    exclude=options.settings.exclude,
                )
            )
    except window.WindowError as exc:
        if options.since:  # the user's own --since: a usage error, not a property of the document
            raise UsageError(str(exc)) from None
        return unavailable(Window(None, None, origin=Origin.INVALID), str(exc))
    start(facts, spans.main)
    return spans


def _groups(spans: versions.Windows, found: list[Claim]) -> list[tuple[Window, list[Claim]]]:
    """The claims of each window, the main window first (even without claims)."""
    groups: dict[tuple[str | None, str | None, bool], tuple[Window, list[Claim]]] = {}
    main = spans.main
    groups[(main.base, main.head, main.staged)] = (main, [])
    for claim in found:
        span = spans.of(claim.line)
        groups.setdefault((span.base, span.head, span.staged), (span, []))[1].append(claim)
    return list(groups.values())


def _evidence(
    doc: Document,
    found: list[Claim],
    facts: RepoFacts | None,
    span: Window,
    relative: str | None,
    settings: config.Config,
) -> Evidence:
    """Git's evidence for ``found`` in the window ``span`` (found by ``_windows``)."""
    from handoff_lint.claims.commit import listed_in_code

    assert facts is not None and relative is not None  # _windows gave windows, not a reason
    return gather(facts, span, found, relative, listed_in_code(doc), settings)


def _read(path: str, facts: RepoFacts | None, options: Options) -> source.SourceText:
    """The document's text: staged with --staged (what will be committed), or as of ``at``."""
    if options.stdin is not None:
        return source.decode(options.stdin)
    if (options.staged or options.at) and facts is not None:
        relative = repo_path(facts, options.cwd, path)
        data = facts.git.blob(f"{options.at or ''}:{relative}") if relative else None
        if data is not None:
            if len(data) > source.MAX_BYTES:
                raise source.NotText(
                    f"file is {len(data)} bytes; the limit is {source.MAX_BYTES} bytes"
                )
            return source.decode(data)
    return source.read(options.cwd / path, facts.root if facts is not None else None)


def read_claims(
    path: str,
    text: source.SourceText,
    parsed: Callable[[Document], None] | None = None,
    words: HeadingWords | None = None,
) -> tuple[Document, list[Claim]]:
    """Parse the document and extract its claims, with the cycle collector paused; ``parsed``
    runs in between (git questions that had to wait for an answer git gave meanwhile); ``words``
    are the configuration's heading words.

    Both stages allocate hundreds of thousands of small objects and free few of them, so the
    collector's passes over them took 15-20% of the time of a 1 MB document, more as documents
    grow. What they build lives as long as the document; collection resumes afterwards.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        doc = parse(path, text, words)
        if parsed is not None:
            parsed(doc)
        return doc, claims.extract(doc)
    finally:
        if collecting:
            gc.enable()


def _while_extracting(facts: RepoFacts, relative: str, globs: list[str], doc: Document) -> None:
    """What git can do while the claims are extracted, once the document's history is known:
    the first step of the search for the previous handoff, and, unless the front matter gives
    the window, the listing of the files at HEAD when the window most likely ends there."""
    window.prefetch(facts, relative, globs)
    fm = doc.front_matter or {}
    if not (fm.get("base") or fm.get("head")):
        facts.git.prefetch(*tree_questions(facts, relative))


def lint_document(
    path: str, facts: RepoFacts | None, options: Options, model_schema: dict[str, Any]
) -> DocumentResult:
    try:
        return _lint_document(path, facts, options, model_schema)
    finally:
        if facts is not None:
            facts.git.drain()


def _lint_document(
    path: str, facts: RepoFacts | None, options: Options, model_schema: dict[str, Any]
) -> DocumentResult:
    result = DocumentResult(path)
    try:
        text = _read(path, facts, options)
    except source.NotText as exc:
        result.findings.append(rules.finding("HL102", exc.line, exc.column, str(exc)))
        return result
    relative = repo_path(facts, options.cwd, path) if facts is not None else None
    parsed = None
    if facts is not None and relative is not None and not options.since:
        versions.prefetch(facts, relative, options.at)  # git works while the document is parsed
        if not options.at:  # then searches for the previous one while its claims are extracted
            parsed = partial(_while_extracting, facts, relative, options.globs)
    doc, result.claims = read_claims(path, text, parsed, options.settings.heading_words())
    kinds = claims.load()
    from handoff_lint.claims.files import excuse_elsewhere as elsewhere  # loaded with the kinds

    if facts is not None:  # these run while the window is found (reachability: when needed)
        asked = commit_questions(facts, result.claims)[2]
        at_head = relative is not None and not options.at and head_at_head(facts, relative)
        facts.git.prefetch(*asked[1 if at_head else 0 :])
    spans = _windows(doc, result.claims, facts, options, relative)
    # the window's diff, tree and log run while the document's own checks are done
    result.findings.extend(doc.problems)
    result.findings.extend(hygiene.check(doc))
    if any(line.strip() for line in doc.lines):
        result.findings.extend(schema.validate(schema.model(doc, result.claims), model_schema))
    else:  # one finding says it, not one per requirement of the schema
        result.findings.append(rules.finding("HL101", 1, 1, "document: the document is empty"))
    if isinstance(spans, Evidence):
        _verify(kinds, result.claims, spans, options)
        elsewhere(result.claims, spans)
        other_sessions.excuse(doc, result.claims)
        result.window = spans.window
    else:
        for found, members in _groups(spans, result.claims):
            newest = found is spans.main  # lines the newest version wrote
            evidence = _evidence(doc, members, facts, found, relative, options.settings)
            span = evidence.window  # as fitted to what the claims cite
            _verify(kinds, members, evidence, options)
            result.window = result.window or evidence.window
            if facts is not None:
                judge = partial(_judge_again, doc, members, facts, relative, options)
                certain = span.base is not None and evidence.window_exact()
                if not certain or (span.origin is Origin.PREVIOUS_VERSION and not span.steps):
                    followup.second_opinion(members, facts, span, judge)
                followup.settle(members, facts, span, judge)
            elsewhere(members, evidence)
            if newest:
                other_sessions.excuse(doc, members)
    quiet = suppress.Suppressions(doc)  # each finding suppressed at the line it is reported on
    result.findings = quiet.keep(result.findings)
    result.findings.extend(rules.findings_for(result.claims, quiet.covers))
    result.findings = _selected(result.findings + quiet.unused(), options)
    result.findings.sort(key=Finding.sort_key)
    return result


def _judge_again(
    doc: Document,
    members: list[Claim],
    facts: RepoFacts,
    relative: str | None,
    options: Options,
    span: Window,
) -> list[Claim]:
    """Copies of ``members`` verified against another window ``span``."""
    import copy

    copies = copy.deepcopy(members)
    evidence = _evidence(doc, copies, facts, span, relative, options.settings)
    _verify(claims.load(), copies, evidence, options)
    return copies


def _verify(
    kinds: dict[str, claims.ClaimKind], found: list[Claim], evidence: Evidence, options: Options
) -> None:
    evidence.junit = options.junit
    evidence.settings = options.settings
    for kind in kinds.values():
        kind.verify([c for c in found if c.kind == kind.name], evidence)


def _selected(findings: list[Finding], options: Options) -> list[Finding]:
    settings = options.settings
    chosen = options.select or settings.select
    return rules.select(findings, chosen, settings.ignore + options.ignore, settings.severity)


def configure(options: Options, facts: RepoFacts | None) -> Options:
    """Options with the configuration file found (or given) applied."""
    try:
        found = options.config_path or config.find(options.cwd, facts.root if facts else None)
        settings = config.load(found)
    except config.ConfigError as exc:
        raise UsageError(str(exc)) from None
    named = [*options.select, *options.ignore, *settings.select, *settings.ignore]
    wrong = rules.unknown([*named, *settings.severity])
    if wrong:
        raise UsageError("; ".join(wrong))
    schema_path = options.schema_path or (Path(settings.schema) if settings.schema else None)
    return replace(options, settings=settings, globs=settings.include, schema_path=schema_path)


def run(files: list[str], options: Options) -> RunResult:
    git, facts = _open_git(options)
    given = list(files)
    try:
        options = configure(options, facts)
        try:
            model_schema = schema.load(options.schema_path)
            if options.junit_xml is not None:
                from handoff_lint.git import junit

                options = replace(options, junit=junit.read(options.junit_xml))
        except (schema.SchemaError, ValueError) as exc:
            raise UsageError(str(exc)) from None
        require = options.require_history or options.settings.require_history
        if require and facts is not None and facts.shallow:
            raise UsageError(SHALLOW + " (--require-history)")
        try:
            files = (
                targets.named(files, git, facts, options)
                if files
                else targets.discovered(git, facts, options)
            )
        except discover.DiscoveryError as exc:
            raise UsageError(str(exc)) from None
        files = [targets.relative(f, facts, options.cwd) for f in files]
        if facts is not None and len(files) > 1 and not (options.since or options.at):
            paths = [repo_path(facts, options.cwd, f) for f in files]
            added.histories(facts, [p for p in paths if p is not None])
        results = []
        for path in files:
            try:
                results.append(lint_document(path, facts, options, model_schema))
            except (UsageError, GitTimeout, RepositoryDamaged):
                raise
            except Exception as exc:  # one document's crash must not hide the others
                results.append(DocumentResult(path, findings=[crash.report(path, exc)]))
    finally:
        if git is not None:
            git.close()
    shallow = facts is not None and facts.shallow
    prefix = ""
    if facts is not None:
        inside = repo_path(facts, options.cwd, ".")
        prefix = "" if inside in (None, ".") else f"{inside}/"
    found = RunResult(results, len(git.calls) if git else 0, options.settings, shallow, prefix)
    found.warnings = [] if files else targets.nothing_found(given, options)
    return found
