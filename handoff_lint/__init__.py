"""handoff-lint: check that AI agents' session handoff documents tell the truth about git."""

__version__ = "0.1.0"
