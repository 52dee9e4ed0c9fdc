"""The command line: the ``handoff-lint`` click group, its own options (``--version``,
``-h/--help``) and the process around it (secret scrubbing of every output, exit codes, the
console script's fast exit). Each subcommand is a module of ``handoff_lint.commands``; heavy
modules are imported lazily, inside the commands."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from handoff_lint import __version__

# Each subcommand: its module in handoff_lint.commands and the click command there. A module is
# imported when its command runs or --help lists it: `rules` and --version import no other.
COMMANDS = {
    "agent-hook": ("agent_hook", "agent_hook_command"),
    "audit": ("audit", "audit_command"),
    "check": ("check", "check"),
    "demo": ("demo", "demo"),
    "facts": ("facts", "facts_command"),
    "init": ("init", "init_command"),
    "install-hook": ("install_hook", "install_hook"),
    "rule": ("rules", "explain_rule"),
    "rules": ("rules", "list_rules"),
    "schema": ("schema", "schema"),
}


class _Commands(click.Group):
    """The group of COMMANDS, each loaded from its module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:  # a typo: load them all, for click's "Did you mean"
            for name in COMMANDS:
                self._load(name)
            return None
        return self._load(cmd_name)

    def _load(self, name: str) -> click.Command:
        if name not in self.commands:
            module, attribute = COMMANDS[name]
            loaded = __import__(f"handoff_lint.commands.{module}", fromlist=[attribute])
            self.add_command(getattr(loaded, attribute), name)
        return self.commands[name]


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="handoff-lint")
def cli() -> None:
    """Check that session handoff documents tell the truth about the git history."""


class _Scrubbed:
    """A text stream whose writes go out with every secret redacted (hygiene.scrub): the one
    boundary that standard output and standard error cross, whatever the format."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from handoff_lint.checks.hygiene import scrub

        self._stream.write(scrub(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code: 0 clean, 1 errors found, 2 usage or setup problem."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Scrubbed(out), _Scrubbed(err)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def _main(argv: list[str] | None) -> int:
    try:
        code = cli.main(args=argv, prog_name="handoff-lint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.Abort:
        click.echo("aborted", err=True)
        return 2
    return code if isinstance(code, int) else 0


def run() -> None:
    """The console script: ``main()``, then exit without the interpreter's teardown.

    handoff-lint only reads. When ``main`` returns, every file it wrote is closed and every git
    process it started has been waited for, so nothing is left to finalize; tearing down
    GitPython's, mistune's and click's modules cost 25-60 ms of every commit's hook.
    """
    if sys.stdout is None:  # started with standard output closed (``>&-``)
        print("handoff-lint: error: standard output is closed", file=sys.stderr)
        os._exit(2)
    code = main()
    patterns = sys.modules.get("handoff_lint.lazyre")
    if patterns is not None:  # the compiled patterns' code, for the next run (lazyre)
        patterns.save()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # the reader went away (``| head``) or closed it
        code = code or 1
    os._exit(code)


if __name__ == "__main__":
    run()
