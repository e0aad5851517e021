"""`python -m tui` is the same as `caro`."""

from tui.cli import main

raise SystemExit(main())
