"""``handoff-lint init``: a starter configuration and a handoff template."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handoff_lint.tasks.facts import Facts

CONFIG = """\
# handoff-lint configuration (see README.md, "Configuration").
# include = ["*HANDOFF*.md", "docs/handoffs/**/*.md"]   # which files are handoff documents
# not reports: by default, plans, indexes, READMEs and templates by the last word of their
# name (SESSION_ROADMAP.md, docs/handoffs/INDEX.md, .handoff-lint/handoff-template.md); a
# configured exclude replaces that default, extend_exclude adds to it
# extend_exclude = ["docs/handoffs/archive/**"]
# select = ["HL2", "HL3"]          # only these rules (ids, prefixes or names)
# ignore = ["HL401"]               # never these
# min_accuracy = 0.95              # fail when a document's accuracy is lower

[severity]
# HL204 = "error"                  # per-rule severity

[headings]
# plans = ["Ideas"]                # extra heading words that mark plans (never claims)

[tolerances]
approx_percent = 10                # "~N" agrees within 10% ...
approx_lines = 5                   # ... or 5 lines, whichever is larger
date_days = 1                      # a date agrees within a day of a commit
"""

TEMPLATE_BODY = """
# {title}

## Summary

What the session set out to do, and what it did.

{facts}
## Next Steps

- What the next session should do first.
"""


def template(found: Facts) -> str:
    """A whole handoff document built from the session's facts: front matter, a title, a
    summary to write, the facts (commits, files by action, diff stat), next steps. It passes
    ``check`` unchanged; the agent completes the prose."""
    from handoff_lint.tasks import facts

    title = "Session Handoff"
    body = TEMPLATE_BODY.format(title=title, facts=facts.markdown(found))
    return facts.front_matter(found, title) + body


STRICT = """\
# the stricter schema: a session date, a summary section, a commit or file claim
schema = ".handoff-lint/handoff.schema.json"
"""


def init(cwd: Path, force: bool, strict: bool = False) -> list[Path]:
    """Write ``.handoff-lint.toml`` and ``.handoff-lint/handoff-template.md`` under ``cwd``;
    with ``strict``, also the stricter schema as ``.handoff-lint/handoff.schema.json``, which
    the configuration then uses."""
    from handoff_lint.checks import schema as schemas
    from handoff_lint.document import discover
    from handoff_lint.git.gitcmd import Git
    from handoff_lint.tasks import facts

    top = Path(Git(cwd).run("rev-parse", "--show-toplevel").strip())
    config_path = top / ".handoff-lint.toml"
    template_path = top / ".handoff-lint" / "handoff-template.md"
    schema_path = top / ".handoff-lint" / "handoff.schema.json"
    paths = [config_path, template_path, *([schema_path] if strict else [])]
    for path in paths:
        if path.exists() and not force:
            raise FileExistsError(f"{path} exists; use --force to overwrite it")
    found = facts.collect(top, None, list(discover.DEFAULT_GLOBS))
    config_path.write_text(STRICT + CONFIG if strict else CONFIG, encoding="utf-8")
    template_path.parent.mkdir(exist_ok=True)
    template_path.write_text(template(found), encoding="utf-8")
    if strict:
        text = (schemas.schema_dir() / schemas.STRICT_SCHEMA).read_text(encoding="utf-8")
        schema_path.write_text(text, encoding="utf-8")
    return paths


HOOK_COMMAND = "handoff-lint agent-hook"
CLAUDE_EVENTS = (("Stop", None), ("PostToolUse", "Write|Edit|MultiEdit"))


def claude_settings(cwd: Path) -> tuple[Path, bool]:
    """Add handoff-lint's hook to ``.claude/settings.json`` of the repository: (path, whether
    anything was added). What is there stays, in its order, with its indentation (tabs or
    spaces) and line endings, rewritten atomically; invalid JSON, or hooks that are not a mapping of lists, is a ValueError and nothing is written."""
    import json

    from handoff_lint.git.gitcmd import Git

    top = Path(Git(cwd).run("rev-parse", "--show-toplevel").strip())
    path = top / ".claude" / "settings.json"
    text = path.read_bytes().decode("utf-8") if path.exists() else "{}"  # CRLF kept
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ValueError(f"{path} is not valid JSON ({exc}); nothing was changed") from None
    hooks = data.setdefault("hooks", {}) if isinstance(data, dict) else None
    if not isinstance(hooks, dict):
        raise ValueError(f"{path}: 'hooks' is not a JSON object; nothing was changed")
    added = False
    for event, matcher in CLAUDE_EVENTS:
        entries = hooks.setdefault(event, [])
        if not isinstance(entries, list):
            raise ValueError(f"{path}: hooks.{event} is not a list; nothing was changed")
        inner = [e.get("hooks") for e in entries if isinstance(e, dict)]
        commands = [
            h.get("command") for i in inner if isinstance(i, list) for h in i if isinstance(h, dict)
        ]
        if HOOK_COMMAND in commands:
            continue
        entry: dict[str, object] = {"hooks": [{"type": "command", "command": HOOK_COMMAND}]}
        entries.append({"matcher": matcher, **entry} if matcher else entry)
        added = True
    if added:
        from handoff_lint.report.fixer import write_atomic

        indent, newline = _layout(text)
        out = json.dumps(data, indent=indent, ensure_ascii=False).replace("\n", newline)
        path.parent.mkdir(exist_ok=True)
        write_atomic(path, (out + newline).encode("utf-8"))
    return path, added


def _layout(text: str) -> tuple[str | int, str]:
    """The indentation (a tab, or a number of spaces; 2 for a new file) and the line ending
    (CRLF or LF) a JSON file is written in."""
    newline = "\r\n" if "\r\n" in text else "\n"
    for row in text.splitlines()[1:]:
        if row.strip():
            lead = row[: len(row) - len(row.lstrip())]
            return ("\t" if lead.startswith("\t") else len(lead) or 2), newline
    return 2, newline
