"""The one base of every error caro explains to the person: what happened, and how to fix it.

Core raises these; each front end turns them into what it shows in one place (the CLI: a line
on stderr, the fix, an exit code, or a JSON object; the workbench: a notification).
"""

from __future__ import annotations


class CaroError(Exception):
    """A failure the person can act on: `message` says what happened, `fix` what to do."""

    def __init__(self, message: str, fix: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix
