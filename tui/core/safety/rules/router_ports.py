"""Asking the home router (UPnP, NAT-PMP) to forward a port: that port of this machine becomes
reachable from the whole internet. Listing the mappings changes nothing."""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule


def upnpc(command: Command, ctx: Context) -> None:
    argv = command.argv
    if any(a in ("-a", "-r", "-A") for a in argv):
        reason = f"forwards a router port here: reachable from the internet ({command.name})"
        ctx.add(HIGH, reason, command)
    elif any(a in ("-d", "-D", "-N") for a in argv):
        ctx.add(MODERATE, f"removes port forwards from the router ({command.name})", command)


def natpmpc(command: Command, ctx: Context) -> None:
    if "-a" in command.argv:
        reason = (
            "forwards a port of the router to this network: reachable from the internet (natpmpc)"
        )
        ctx.add(HIGH, reason, command)


RULES: dict[str, Rule] = {"upnpc": upnpc, "natpmpc": natpmpc}
