"""Windows: the network addresses, routes and disks a cmdlet takes away. Removing the
machine's address or its default route cuts the connection (a remote session with it); a disk
set offline vanishes from under what was using it."""

from __future__ import annotations

from collections.abc import Callable

from tui.core.safety.context import Context
from tui.core.safety.model import RiskLevel
from tui.core.safety.rules.windows_system import has_param
from tui.core.safety.windows import Statement

HIGH = RiskLevel.HIGH
MODERATE = RiskLevel.MODERATE
Handler = Callable[[Statement, Context, Statement | None], None]


def _value(st: Statement, name: str) -> str:
    """The value after `-Name` (any unambiguous prefix), or after `-Name:`."""
    args = list(st.args)
    for index, arg in enumerate(args):
        given = arg[1:].split(":", 1) if arg.startswith("-") else [""]
        if len(given[0]) >= 3 and name.startswith(given[0].lower()):
            if len(given) > 1:
                return given[1].lower()
            return args[index + 1].lower() if index + 1 < len(args) else ""
    return ""


def remove_address(st: Statement, ctx: Context, previous: Statement | None) -> None:
    reason = "removes the machine's network address: connections over it drop"
    ctx.add(HIGH, f"{reason} ({st.words[0]})", st.text)


def remove_route(st: Statement, ctx: Context, previous: Statement | None) -> None:
    prefix = _value(st, "destinationprefix")
    if prefix in ("", "0.0.0.0/0", "::/0"):
        ctx.add(
            HIGH, "removes the default route: the machine goes offline (Remove-NetRoute)", st.text
        )
    else:
        ctx.add(MODERATE, "removes a network route (Remove-NetRoute)", st.text)


def set_disk(st: Statement, ctx: Context, previous: Statement | None) -> None:
    if has_param(st, "isoffline", 3) and _value(st, "isoffline") in ("$true", "1", "true"):
        ctx.add(HIGH, "takes a disk offline: what runs from it stops (Set-Disk)", st.text)
    else:
        ctx.add(MODERATE, "changes a disk's settings (Set-Disk)", st.text)


def remove_vm(st: Statement, ctx: Context, previous: Statement | None) -> None:
    ctx.add(HIGH, "deletes a virtual machine (Remove-VM): it is gone from Hyper-V", st.text)


HANDLERS: dict[str, Handler] = {
    "remove-vm": remove_vm,
    "remove-netipaddress": remove_address,
    "remove-netroute": remove_route,
    "set-disk": set_disk,
}
