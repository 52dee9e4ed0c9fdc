"""``--format agent``: the findings as an agent acts on them, for loops that run a command when
the agent ends its session (Codex, Cursor, Aider-style): each finding with the claim as
written, what git says, and the fix where git gives one, then what to do next.

Errors and warnings only (an unverifiable claim is no task for the agent); nothing at all when
every claim holds, so a loop can treat empty output as done.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from handoff_lint.reporters import ReportOptions, register, shown, visible

if TYPE_CHECKING:
    from handoff_lint.model import Finding, RunResult


def _task(path: str, finding: Finding) -> list[str]:
    claim = finding.claim
    head = f"- {path}:{finding.line}:{finding.column} {finding.rule} {finding.name}"
    if claim is None:
        return [head, f"  problem: {visible(finding.message)}"]
    said = finding.message.removeprefix(f"{claim.kind} claim '{claim.text}': ")
    said = said.removesuffix(f" ({claim.fix})") if claim.fix else said
    out = [
        head,
        f"  claim ({claim.kind}): {visible(claim.text)}",
        f"  git says: {visible(said)}",  # the finding's words: a repeated or grouped lie says so
    ]
    if claim.fix:
        out.append(f"  fix: {visible(claim.fix)}")
    return out


def render(run: RunResult, options: ReportOptions) -> str:
    tasks: list[str] = []
    paths: list[str] = []
    for document in run.documents:
        tasked = shown(document.findings, options.verbose)
        if tasked:
            paths.append(document.path)
        for finding in tasked:
            tasks += _task(document.path, finding)
    if not tasks:
        return ""
    count = sum(line.startswith("- ") for line in tasks)
    head = [f"handoff-lint: {count} claim(s) in your handoff document(s) do not match git:", ""]
    tail = [
        "",
        "What git knows of the session, as a handoff to start from: "
        "`handoff-lint facts --template`.",
        "Correct each claim in the document to what git says (or remove it), then run "
        f"`handoff-lint check --format agent {' '.join(paths)}` again; stop when it prints "
        "nothing.",
    ]
    return "\n".join(head + tasks + tail) + "\n"


register("agent", render)
