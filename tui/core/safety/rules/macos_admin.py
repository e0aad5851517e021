"""macOS settings from the command line: `systemsetup` (remote log-in, sleep, the clock).

`systemsetup -setremotelogin off` switches off ssh to the Mac: over a remote session, the way
back in is gone (HIGH); so is a clock set by hand (as `date -s`). Other `-set...` settings are
routine (MODERATE); `-get...` only reads.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule


def systemsetup(command: Command, ctx: Context) -> None:
    argv = [a.lower() for a in command.argv]
    settings = [a for a in argv if a.startswith("-set")]
    if "-setremotelogin" in argv and "off" in argv:
        reason = "turns off remote log-in (ssh) to this Mac: over ssh, you are locked out"
        ctx.add(HIGH, reason, command)
    elif set(settings) & {"-setdate", "-settime"}:
        ctx.add(HIGH, "sets the system clock by hand (systemsetup)", command)
    elif settings:
        ctx.add(MODERATE, f"changes a macOS setting (systemsetup {settings[0]})", command)


RULES: dict[str, Rule] = {"systemsetup": systemsetup}
