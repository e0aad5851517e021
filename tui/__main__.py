"""`python -m tui` is the same as `caro`."""

from tui.cli.launch import entry

entry()
