from handoff_lint.cli import main

raise SystemExit(main())
