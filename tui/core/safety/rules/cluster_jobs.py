"""Slurm: `squeue`, `sinfo`, `sacct` and `scontrol show` only read the queue; `scontrol update
... state=down`, `shutdown` or `delete` take nodes or the whole cluster away from every user."""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_READS = frozenset(split_words("show ping version help listpids --help -h"))
_NODES_AWAY = frozenset(split_words("down drain fail power_down future"))


def reads(command: Command, ctx: Context) -> None:
    """squeue, sinfo, sacct, sprio, sshare, sstat: reports only."""


def scontrol(command: Command, ctx: Context) -> None:
    words = [a.lower() for a in command.argv if not a.startswith("-")]
    verb = words[0] if words else ""
    if not verb or verb in _READS:
        return
    states = {w.split("=", 1)[1] for w in words if w.startswith("state=")}
    if verb in ("shutdown", "reboot", "reboot_nodes", "takeover"):
        ctx.add(
            HIGH, f"stops or restarts the cluster's nodes or controller (scontrol {verb})", command
        )
    elif verb == "update" and states & _NODES_AWAY:
        ctx.add(
            HIGH, "takes nodes out of service: every job on them stops (scontrol update)", command
        )
    elif verb == "delete":
        ctx.add(HIGH, "deletes cluster partitions or reservations (scontrol delete)", command)
    else:
        ctx.add(MODERATE, f"changes the cluster's settings (scontrol {verb})", command)


RULES: dict[str, Rule] = {
    **dict.fromkeys(split_words("squeue sinfo sacct sprio sshare sstat sdiag"), reads),
    "scontrol": scontrol,
}
