"""The rule registry: stable ids, names and default severities, and findings from verdicts.

Ids are grouped by hundreds: 1xx document and schema, 2xx commits, 3xx files and paths,
4xx counts and tests, 5xx dates and branches, 9xx meta. An id never changes meaning; a removed
id stays reserved.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from handoff_lint.model import Claim, Finding, Severity


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    summary: str


RULES: dict[str, Rule] = {}


def _rule(rule_id: str, name: str, severity: Severity, summary: str) -> None:
    RULES[rule_id] = Rule(rule_id, name, severity, summary)


_rule("HL101", "schema-violation", "error", "The document does not match the handoff schema.")
_rule(
    "HL102", "not-a-text-document", "error", "The file is binary, not UTF-8/UTF-16, or too large."
)
_rule("HL103", "invalid-front-matter", "error", "The YAML front matter cannot be parsed.")
_rule("HL104", "mojibake", "warning", "Text was saved as UTF-8 read in another encoding.")
_rule("HL105", "secret-in-document", "error", "An API key, token, private key or URL password.")
_rule("HL106", "credential-in-document", "warning", "A password presented as a credential.")
_rule("HL107", "home-directory-path", "warning", "An absolute path leaks a user's home directory.")
_rule(
    "HL108",
    "invisible-character",
    "warning",
    "A zero-width or bidi control character inside a word or path.",
)
_rule("HL201", "unknown-commit", "error", "A claimed commit does not exist in the repository.")
_rule(
    "HL202", "not-a-commit", "error", "A claimed commit id names a tree, blob or tag, not a commit."
)
_rule("HL203", "ambiguous-commit", "warning", "A claimed short id matches more than one object.")
_rule(
    "HL204",
    "unreachable-commit",
    "info",
    "A claimed commit exists but no ref reaches it.",
)
_rule(
    "HL205",
    "commit-subject-mismatch",
    "error",
    "A commit's claimed subject is not its real subject.",
)
_rule("HL206", "commit-stats-mismatch", "error", "A commit's claimed diff stats differ from git's.")
_rule(
    "HL207",
    "commit-role-mismatch",
    "warning",
    "A commit is called the latest while later ones exist.",
)
_rule(
    "HL301",
    "file-not-changed",
    "error",
    "A file claimed as changed was not changed in the session.",
)
_rule("HL302", "file-action-mismatch", "error", "A file was changed, but not in the way claimed.")
_rule(
    "HL303", "created-file-missing", "error", "A file claimed as created does not exist at the end."
)
_rule("HL304", "deleted-file-exists", "error", "A file claimed as deleted still exists at the end.")
_rule(
    "HL305", "line-count-mismatch", "error", "A file's line count or insertions differ from git's."
)
_rule(
    "HL306",
    "symbol-not-defined",
    "error",
    "A function or class is not defined in the claimed file.",
)
_rule("HL307", "diffstat-mismatch", "error", "The session's claimed diff stats differ from git's.")
_rule(
    "HL401", "ratio-arithmetic", "error", "A percentage does not equal the ratio it is given for."
)
_rule("HL403", "feature-list-mismatch", "error", "A pass count differs from feature_list.json.")
_rule("HL402", "count-mismatch", "error", "A count or total does not match what it counts.")
_rule(
    "HL404",
    "tests-added-mismatch",
    "error",
    "The session added another number of tests to the file.",
)
_rule(
    "HL406",
    "test-count-mismatch",
    "error",
    "A file's claimed number of tests differs from the tests it defines.",
)
_rule(
    "HL407",
    "test-total-mismatch",
    "error",
    "More tests claimed than the repository defines or the session added.",
)
_rule("HL405", "junit-mismatch", "error", "A pass count differs from the JUnit report given.")
_rule(
    "HL501", "date-mismatch", "error", "The session date is not the date of the session's commits."
)
_rule("HL502", "unknown-branch", "error", "The claimed branch does not exist.")
_rule("HL503", "branch-mismatch", "error", "The named branch does not hold the session's commits.")
_rule("HL901", "unverifiable-claim", "info", "Git cannot confirm or refute this claim here.")
_rule(
    "HL903", "unused-suppression", "warning", "A handoff-lint-disable comment suppresses nothing."
)
_rule("HL904", "bad-suppression", "warning", "A handoff-lint-disable comment names no rule.")
_rule(
    "HL905", "nesting-too-deep", "warning", "Claims nested deeper than 19 levels are not checked."
)
_rule(
    "HL906", "too-many-claims", "warning", "Only the first 10,000 claims of a document are checked."
)
_rule(
    "HL902",
    "internal-error",
    "error",
    "handoff-lint failed on this document; see the crash report.",
)


PREFIX = re.compile(r"HL\d{1,3}")  # "HL3", "HL30", "HL301" (after "xx" is dropped)


def matches(rule_id: str, selector: str) -> bool:
    """True when ``selector`` (an id, an id prefix like HL3 or HL3xx, or a name) names ``rule_id``."""
    selector = selector.strip()
    rule = RULES.get(rule_id)
    if rule is not None and selector == rule.name:
        return True
    prefix = selector.upper().rstrip("X")
    return PREFIX.fullmatch(prefix) is not None and rule_id.startswith(prefix)


def unknown(selectors: list[str]) -> list[str]:
    """A message for each selector that names no rule ("HL999", "HLX", "not-a-rule"), with the
    closest ids and names: a typo must not turn a gate green."""
    import difflib

    names = [*RULES, *(r.name for r in RULES.values())]
    out = []
    for selector in selectors:
        if not selector.strip() or any(matches(rule_id, selector) for rule_id in RULES):
            continue
        close = difflib.get_close_matches(selector.strip(), names, n=3, cutoff=0.6)
        hint = f" (did you mean {', '.join(close)}?)" if close else " (see handoff-lint rules)"
        out.append(f"unknown rule '{selector.strip()}'{hint}")
    return out


def select(
    findings: list[Finding], chosen: list[str], ignored: list[str], severities: dict[str, str]
) -> list[Finding]:
    """Keep the selected, not ignored findings, with per-rule severities applied."""
    out: list[Finding] = []
    for item in findings:
        if chosen and not any(matches(item.rule, s) for s in chosen):
            continue
        if any(matches(item.rule, s) for s in ignored):
            continue
        wanted = next((v for k, v in severities.items() if matches(item.rule, k)), None)
        if wanted in ("error", "warning", "info"):
            item.severity = wanted  # type: ignore[assignment]
        out.append(item)
    return out


def finding(
    rule_id: str, line: int, column: int, message: str, claim: Claim | None = None
) -> Finding:
    rule = RULES[rule_id]
    return Finding(rule.id, rule.name, rule.severity, max(line, 1), max(column, 1), message, claim)


def _message(claim: Claim) -> str:
    text = f"{claim.kind} claim '{claim.text}': {claim.reason}"
    if claim.fix:
        text += f" ({claim.fix})"
    return text


def _same_lie(claim: Claim) -> tuple[str, str, str, str, str]:
    value = claim.value
    return (
        claim.kind,
        claim.text,
        str(value.get("count", "")),
        str(value.get("path", "")),
        claim.rule,
    )


def _repeat_finding(group: list[Claim]) -> Finding:
    last = max(group, key=lambda c: (c.line, c.column))
    message = _message(last)
    others = sorted({c.line for c in group if c is not last})
    if others:
        message += " (also stated on line" + ("s " if len(others) > 1 else " ")
        message += ", ".join(str(n) for n in others) + ")"
    return finding(last.rule or "HL901", last.line, last.column, message, last)


def _runs(members: list[Claim]) -> list[list[Claim]]:
    """Split claims (sorted by line) where more than two lines separate neighbours."""
    runs: list[list[Claim]] = []
    for claim in sorted(members, key=lambda c: (c.line, c.column)):
        if runs and claim.line - runs[-1][-1].line <= 2:
            runs[-1].append(claim)
        else:
            runs.append([claim])
    return runs


def _list_finding(run: list[Claim]) -> Finding:
    first = run[0]
    if len(run) == 1:
        return finding(first.rule, first.line, first.column, _message(first), first)
    named = ", ".join(f"{c.text} (line {c.line})" for c in run[:8]) + (
        ", ..." if len(run) > 8 else ""
    )
    if all(c.value.get("action") == "exists" for c in run):
        message = (
            f"{len(run)} files listed here are not in the repository at the end of the session, "
            f"and the session did not change such files: {named}"
        )
    else:
        window = next((str(c.value["window"]) for c in run if "window" in c.value), "")
        message = (
            f"{len(run)} files listed here were not changed by any commit of the session "
            f"window {window}: {named}"
        )
    return finding(first.rule, first.line, first.column, message, first)


def findings_for(
    claims: list[Claim], hidden: Callable[[str, int], bool] | None = None
) -> list[Finding]:
    """Findings for refuted and unverifiable claims, from the rule each verifier named, less
    the ones ``hidden`` (a suppression) covers at the line they are reported on.

    The same refuted statement made several times (same kind, value, number and rule) is one
    lie: it gets one finding, at its last statement, naming the other lines; suppressed there,
    it is gone (it does not move to an earlier statement). A run of files in one list that the
    session did not change is one finding, at the first of them, naming all: each file is its
    own claim, so a suppressed file leaves the run. Every occurrence stays in the claims list
    with its verdict.
    """
    covered = hidden or (lambda rule, line: False)
    groups: dict[tuple[str, str, str, str, str], list[Claim]] = {}
    out: list[Finding] = []
    for claim in claims:
        if claim.verdict == "refuted":
            groups.setdefault(_same_lie(claim), []).append(claim)
        elif claim.verdict == "unverifiable":
            out.append(
                finding(claim.rule or "HL901", claim.line, claim.column, _message(claim), claim)
            )
    lists: dict[str, list[Claim]] = {}
    for group in groups.values():
        only = group[0]
        if len(group) == 1 and only.rule == "HL301" and "list" in only.value:
            if not covered(only.rule, only.line):
                lists.setdefault(str(only.value["list"]), []).append(only)
        else:
            out.append(_repeat_finding(group))
    out = [f for f in out if not covered(f.rule, f.line)]
    for members in lists.values():
        out.extend(_list_finding(run) for run in _runs(members))
    return out


def explain(selector: str, docs: str | None = None) -> str | None:
    """The rule's line and its paragraph of docs/rules.md (what it reports, an example);
    ``docs`` is that file's text when the caller has read it already."""
    import re

    from handoff_lint import shipped

    rule = RULES.get(selector.upper()) or next(
        (r for r in RULES.values() if r.name == selector), None
    )
    if rule is None:
        return None
    match = re.search(
        rf"^\*\*{rule.id} {re.escape(rule.name)}\*\*.*?(?=\n\n|\Z)",
        docs if docs is not None else shipped.text("docs/rules.md"),
        re.S | re.M,
    )
    body = match.group(0) if match else rule.summary
    return f"{rule.id} {rule.name} ({rule.severity})\n\n{body}"
