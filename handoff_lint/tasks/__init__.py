"""What the subcommands other than check do (the click commands in handoff_lint.commands import these on use)."""
