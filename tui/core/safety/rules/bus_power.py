"""Taking the machine down through D-Bus: `busctl call org.freedesktop.login1 ... Reboot`,
`dbus-send --system --dest=org.freedesktop.login1 ... Manager.PowerOff`. logind does what
`systemctl reboot` does (HIGH); suspending is MODERATE, as `systemctl suspend` is. Other calls
change whatever the service offers (MODERATE); `busctl list`, `status` and friends only read.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule

_DOWN = lazy_pattern(r"\b(PowerOff|Reboot|Halt|KExec|SoftReboot)(?:WithFlags)?\b")
_SLEEP = lazy_pattern(r"\b(Suspend|Hibernate|HybridSleep|SuspendThenHibernate)(?:WithFlags)?\b")
_VERBS = {"PowerOff": "power off", "Halt": "halt"}
_BUS_READS = frozenset(("list", "status", "monitor", "capture", "tree", "introspect", "help"))


def bus_call(command: Command, ctx: Context) -> None:
    argv = command.argv
    text = " ".join(argv)
    verbs = [a for a in argv if not a.startswith("-")]
    if command.name == "busctl" and (not verbs or verbs[0] in _BUS_READS):
        return
    down = _DOWN.search(text) if "login1" in text else None
    sleep = _SLEEP.search(text) if "login1" in text else None
    if down is not None:
        verb = _VERBS.get(down.group(1), "restart")
        reason = f"asks logind to {verb} the machine now ({command.name})"
        ctx.add(HIGH, reason, command)
    elif sleep is not None:
        ctx.add(MODERATE, f"puts the machine to sleep through logind ({command.name})", command)
    else:
        ctx.add(MODERATE, f"calls a system service over D-Bus ({command.name})", command)


RULES: dict[str, Rule] = dict.fromkeys(("dbus-send", "busctl", "gdbus", "qdbus"), bus_call)
