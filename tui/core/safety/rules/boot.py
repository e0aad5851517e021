"""Firmware settings a Mac starts with: NVRAM.

`nvram -c` clears every firmware variable at once: the startup disk, boot arguments, and the
settings the system keeps there are gone (HIGH). Setting or deleting one variable is routine
(MODERATE); printing them (`-p`, `-x`, a bare name) only reads.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule, options


def nvram(command: Command, ctx: Context) -> None:
    opts = options(command, "-d -f")
    if opts.has("-c"):
        reason = "clears every firmware (NVRAM) variable: the startup disk and boot settings"
        ctx.add(HIGH, reason, command)
    elif opts.has("-d", "-f") or any("=" in w.value for w in opts.operands):
        ctx.add(MODERATE, "changes a firmware (NVRAM) variable", command)
    # `-p`, `-x`, a bare variable name: prints only


RULES: dict[str, Rule] = {"nvram": nvram}
