from handoff_lint.cli import run

run()
