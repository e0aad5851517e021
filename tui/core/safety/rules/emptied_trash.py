"""Emptying the trash by other means than `trash-empty` (files.py): AppleScript's
`tell application "Finder" to empty trash` (or `empty the trash`). What was in the trash is
gone for good (HIGH), as with `trash-empty`.
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, Rule

_EMPTIES = lazy_pattern(r"\bempty\s+(?:the\s+)?trash\b", re.IGNORECASE)


def applescript_empty(command: Command, ctx: Context) -> None:
    if _EMPTIES.search(" ".join(command.argv)):
        reason = "empties the Trash: nothing in it can be brought back (AppleScript, Finder)"
        ctx.add(HIGH, reason, command)


RULES: dict[str, Rule] = {}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {"osascript": (applescript_empty,)}
