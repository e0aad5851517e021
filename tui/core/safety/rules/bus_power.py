"""Taking the machine down through D-Bus: `busctl call org.freedesktop.login1 ... Reboot`,
`dbus-send --system --dest=org.freedesktop.login1 ... Manager.PowerOff`. logind does what
`systemctl reboot` does (HIGH); suspending is MODERATE, as `systemctl suspend` is. Other calls
change whatever the service offers (MODERATE); `busctl list`, `status` and friends only read.
The desktop's and OpenRC's own front ends (`gnome-session-quit --power-off`, `openrc-shutdown
-p`) are rated the same way; ending only the session is MODERATE.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

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


# Desktop and init front ends to the same actions, and the options that pick each one.
_SESSION_DOWN: dict[str, tuple[str, ...]] = {
    "gnome-session-quit": ("--power-off", "--reboot"),
    "cinnamon-session-quit": ("--power-off", "--reboot"),
    "mate-session-save": ("--shutdown-dialog",),
    "xfce4-session-logout": ("--halt", "--reboot", "-h", "-r"),
    "lxqt-leave": ("--shutdown", "--reboot"),
    "openrc-shutdown": split_words("-p --poweroff -r --reboot -H --halt -k --kexec -s --single"),
}
_SESSION_SLEEP = frozenset(("--suspend", "--hibernate", "--hybrid-sleep", "-s"))


def session_power(command: Command, ctx: Context) -> None:
    """`gnome-session-quit --power-off`, `xfce4-session-logout --halt`, `openrc-shutdown -p`."""
    argv = command.argv
    if command.name == "openrc-shutdown" and {"-D", "--dry-run"} & set(argv):
        return  # writes nothing, stops nothing
    if set(argv) & set(_SESSION_DOWN[command.name]):
        ctx.add(HIGH, f"shuts down or restarts the machine ({command.name})", command)
    elif set(argv) & _SESSION_SLEEP:
        ctx.add(MODERATE, f"puts the machine to sleep ({command.name})", command)
    else:
        reason = f"ends the desktop session: unsaved work may be lost ({command.name})"
        ctx.add(MODERATE, reason, command)


RULES: dict[str, Rule] = {
    **dict.fromkeys(("dbus-send", "busctl", "gdbus", "qdbus"), bus_call),
    **dict.fromkeys(_SESSION_DOWN, session_power),
}
