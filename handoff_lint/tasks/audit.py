"""``handoff-lint audit``: every handoff document in the history, judged at the commit that added it
and at each commit that rewrote it (a living document's later reports).

Reads each document from its commit (never checks anything out), lints it with the window it
had then, and reports a table and the accuracy trend; ``--format json`` for dashboards and
``--html FILE`` for a self-contained page a team lead reads (``audit_html``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from handoff_lint import pipeline
from handoff_lint.checks import schema
from handoff_lint.document.discover import excluded
from handoff_lint.git.gitcmd import Git, GitError
from handoff_lint.git.repo import gather as gather_facts
from handoff_lint.model import DocumentResult
from handoff_lint.session import versions
from handoff_lint.session.versions import Version, rewrote
from handoff_lint.session.window import pathspecs

BARS = "▁▂▃▄▅▆▇█"


@dataclass
class Entry:
    commit: str
    date: str
    result: DocumentResult


def _versions(
    git: Git, globs: list[str], exclude: list[str] | None, added: set[tuple[str, str]] | None = None
) -> list[tuple[str, str, str]]:
    """(commit, ISO date, path) of every version of a handoff document in HEAD's history that
    wrote a report, oldest first: the commit that added it, and each later commit that rewrote
    it (a living document; a small fix is not a new report), the configured exclude (plans,
    indexes) left out. One ``log``; a move is followed by neither (the moved document's lines
    keep their sessions, ``versions``). The versions that a commit of one parent (or none)
    wrote by adding the document go in ``added`` too (``_histories``)."""
    output = git.run(
        "log",
        "--diff-filter=AM",
        "--reverse",
        "--numstat",
        "--raw",
        "--format=%x00%H%x1f%aI%x1f%P",
        "HEAD",
        "--",
        *pathspecs(globs),
        check=False,
    )
    found: list[tuple[str, str, str]] = []
    size: dict[str, int] = {}
    for chunk in output.split("\0")[1:]:
        lines = [line for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        commit, _, rest = lines[0].strip().partition("\x1f")
        date, _, parents = rest.partition("\x1f")
        new: set[str] = set()  # ":000000 100644 0000000 1234567 A\tpath": added here
        for row in lines[1:] if len(parents.split()) <= 1 else ():
            meta, _, name = row.partition("\t")
            if row.startswith(":") and meta.split()[-1:] == ["A"]:
                new.add(name)
        for row in lines[1:]:
            parts = row.split("\t")
            if len(parts) != 3 or not (parts[0].isdigit() and parts[1].isdigit()):
                continue
            inserted, deleted, path = int(parts[0]), int(parts[1]), parts[2]
            before = size.get(path)
            version = Version(commit, inserted, deleted)
            report = not excluded(path, exclude)  # a plan or an index is not a report
            if report and (before is None or rewrote(git, version, path, before)):
                found.append((commit, date[:10], path))
                if added is not None and path in new:
                    added.add((commit, path))
            size[path] = max(0, (before or 0) + inserted - deleted)
    return found


def _histories(git: Git, added: set[tuple[str, str]]) -> None:
    """Answer the history question of each version that a commit of one parent (or none)
    wrote by adding the document (``versions.log_question`` at that commit: its walk stops
    where the document does not exist, so it lists that commit alone, with its whole
    ``--numstat``) for all of them from one ``log --no-walk``, instead of one ``log`` per
    document, as ``added.histories`` does for ``check``. A path git would quote keeps its
    own question."""
    from handoff_lint.session.added import PLAIN_PATH

    plain = sorted((c, p) for c, p in added if PLAIN_PATH.fullmatch(p))
    shas = list(dict.fromkeys(c for c, _ in plain))
    if not shas:
        return
    question = ("log", "--no-walk=unsorted", "--format=%x00%H", "--numstat", *shas)
    try:
        stats = git.run(*question)
    except GitError:
        return  # each document asks its own question
    git.forget(*question)
    by_sha = {c.partition("\n")[0].strip(): "\0" + c for c in stats.split("\0")[1:]}
    for commit, path in plain:
        if commit in by_sha:
            git.remember(versions.log_question(commit, path), by_sha[commit])


def run(cwd: Path) -> list[Entry]:
    git = Git(cwd)
    try:
        facts = gather_facts(git)
        options = pipeline.configure(pipeline.Options(cwd=facts.root), facts)
        model = schema.load(options.schema_path)
        entries = []
        added: set[tuple[str, str]] = set()
        found = _versions(git, options.globs, options.settings.exclude, added)
        _histories(git, added)
        for commit, date, path in found:
            result = pipeline.lint_document(path, facts, replace(options, at=commit), model)
            entries.append(Entry(commit, date, result))
        return entries
    finally:
        git.close()


def _score(entry: Entry) -> float | None:
    value = entry.result.accuracy()["score"]
    return float(value) if value is not None else None


def trend(entries: list[Entry]) -> str:
    scores = [s for s in (_score(e) for e in entries) if s is not None]
    return "".join(BARS[min(int(s * (len(BARS) - 1) + 0.5), len(BARS) - 1)] for s in scores)


def text(entries: list[Entry]) -> str:
    out = [
        f"{'date':<10}  {'commit':<7}  {'claims':>6}  {'verified':>8}  {'refuted':>7}  "
        f"{'unverif.':>8}  {'accuracy':>8}  document"
    ]
    for entry in entries:
        acc = entry.result.accuracy()
        score = f"{acc['score']:.0%}" if acc["score"] is not None else "n/a"
        out.append(
            f"{entry.date:<10}  {entry.commit[:7]}  {len(entry.result.claims):>6}  "
            f"{acc['verified']:>8}  {acc['refuted']:>7}  {acc['unverifiable']:>8}  {score:>8}  "
            f"{entry.result.path}"
        )
    out.append(f"\ntrend (oldest to newest): {trend(entries) or 'n/a'}")
    return "\n".join(out) + "\n"


def data(entries: list[Entry]) -> dict[str, Any]:
    return {
        "version": 1,
        "documents": [
            {
                "path": e.result.path,
                "commit": e.commit,
                "date": e.date,
                "accuracy": e.result.accuracy(),
                "errors": sum(1 for f in e.result.findings if f.severity == "error"),
                "warnings": sum(1 for f in e.result.findings if f.severity == "warning"),
            }
            for e in entries
        ],
    }


def page(entries: list[Entry]) -> str:
    """The self-contained HTML report (``audit_html``)."""
    from handoff_lint.tasks import audit_html

    return audit_html.page(entries, data(entries))
