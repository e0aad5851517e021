"""DHCP clients: releasing the lease or stopping the client gives the address back, and the
connection over it, perhaps the one this session came in by, drops."""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule

# dhclient -r / -x, dhcpcd -k / -x, udhcpc -R on exit: the address is given up.
_RELEASES = {
    "dhclient": ("-r", "-x"),
    "dhcpcd": ("-k", "--release", "-x", "--exit"),
    "udhcpc": ("-R", "--release"),
}


def dhcp_client(command: Command, ctx: Context) -> None:
    if any(a in _RELEASES[command.name] for a in command.argv):
        reason = f"gives up the network address ({command.name}): connections over it drop"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"asks for a network address ({command.name})", command)


RULES: dict[str, Rule] = dict.fromkeys(_RELEASES, dhcp_client)
