"""Service managers beyond systemd and SysV: OpenBSD's rcctl, FreeBSD's sysrc, s6, daemontools,
dinit, OpenRC's `openrc` and Debian's invoke-rc.d.

Each is rated the way `systemctl` is: stopping or disabling SSH, the network, the firewall, the
logs or a security agent is HIGH (`system.stopping` decides), starting or restarting a service
is routine, and listing or checking only reads. Bringing a whole supervision tree down, or
switching the machine to single-user mode, takes every service with it.
"""

from __future__ import annotations

import posixpath
import shlex

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.rules.configs import config_content
from tui.core.safety.rules.system import stopping, unfamiliar_units, unit_name
from tui.core.safety.words import literal, split_words

_RCCTL_READS = frozenset(split_words("ls get check order"))
_RCCTL_STOPS = frozenset(split_words("stop disable"))


def rcctl(command: Command, ctx: Context) -> None:
    """OpenBSD: `rcctl stop sshd`, `rcctl disable pf`, `rcctl set sshd status off`."""
    words = [a for a in command.argv if not a.startswith("-")]
    verb = words[0] if words else ""
    services = [unit_name(w) for w in words[1:]]
    if not verb or verb in _RCCTL_READS:
        return
    if verb in _RCCTL_STOPS or (verb == "set" and words[2:4] == ["status", "off"]):
        stopping(command, ctx, "disable" if verb != "stop" else "stop", services[:1])
        return
    ctx.add(MODERATE, f"changes a service (rcctl {verb})", command)


_SSHD_OPTIONS = lazy_pattern(r"-o\s*['\"]?(\w+=[^\s'\"]+)")


def sysrc(command: Command, ctx: Context) -> None:
    """FreeBSD: `sysrc sshd_enable=NO` or `sysrc -x sshd_enable` edit /etc/rc.conf."""
    argv = command.argv
    removes = any(a.startswith("-") and "x" in a and not a.startswith("--") for a in argv)
    settings = [a for a in argv if not a.startswith("-")]
    if not any("=" in s for s in settings) and not removes:
        return  # `sysrc -a`, `sysrc sshd_enable`: prints the settings
    for setting in settings:
        name, _, value = setting.partition("=")
        service = name.removesuffix("_enable")
        if name.endswith("_enable") and (removes or value.strip("\"'").upper() in ("NO", "")):
            stopping(command, ctx, "disable", [service])
            return
        if name.endswith("_enable") and unfamiliar_units([service]):
            reason = f"starts {service} at every boot, a service caro does not recognise (sysrc)"
            ctx.add(HIGH, reason, command)
            return
        if name == "sshd_flags":  # `-o PermitRootLogin=yes`: sshd_config lines, given at start
            lines = "\n".join(o.replace("=", " ", 1) for o in _SSHD_OPTIONS.findall(value))
            weakened = config_content("/etc/ssh/sshd_config", lines) if lines else None
            if weakened is not None:
                ctx.add(weakened.level, f"{weakened.reason} at every boot (sysrc)", command)
    ctx.add(MODERATE, "changes the boot settings in /etc/rc.conf (sysrc)", command)


def s6_rc(command: Command, ctx: Context) -> None:
    """`s6-rc -d change sshd` brings a service down; `-da change` brings every one down."""
    argv = command.argv
    flags = "".join(a[1:] for a in argv if a.startswith("-") and not a.startswith("--"))
    words = [a for a in argv if not a.startswith("-")]
    if words[:1] != ["change"]:
        return  # `s6-rc -a list`, `s6-rc listall`, `s6-rc diff`: reports
    if "d" in flags and "a" in flags:
        ctx.add(HIGH, "brings every service down (s6-rc -da change)", command)
    elif "d" in flags:
        stopping(command, ctx, "stop", [unit_name(w) for w in words[1:]])
    else:
        ctx.add(MODERATE, "brings services up (s6-rc change)", command)


# s6-svc and daemontools' svc: the letters that take a supervised service down or end it.
_DOWN_LETTERS = frozenset("dkxDO")


def supervise(command: Command, ctx: Context) -> None:
    """`s6-svc -d /run/service/sshd`, `svc -d /service/sshd`: down, killed or told to exit."""
    argv = command.argv
    flags = {c for a in argv if a.startswith("-") and not a.startswith("--") for c in a[1:]}
    services = [unit_name(posixpath.basename(a.rstrip("/"))) for a in argv if a[:1] != "-"]
    if flags & _DOWN_LETTERS:
        stopping(command, ctx, "stop", services)
    elif flags:
        ctx.add(MODERATE, f"signals a supervised service ({command.name})", command)


def svscanctl(command: Command, ctx: Context) -> None:
    """`s6-svscanctl -t /run/service`: the supervision tree ends, and every service with it."""
    flags = {c for a in command.argv if a.startswith("-") for c in a[1:]}
    if flags & set("tq0678hs"):
        reason = "ends the supervision tree: every service it runs stops (s6-svscanctl)"
        ctx.add(HIGH, reason, command)
    elif flags:
        ctx.add(MODERATE, "signals the service supervisor (s6-svscanctl)", command)


_DINIT_READS = frozenset(split_words("list status is-started is-failed catlog"))


def dinitctl(command: Command, ctx: Context) -> None:
    """dinit: `dinitctl stop sshd`, `dinitctl shutdown`."""
    words = [a for a in command.argv if not a.startswith("-")]
    verb = words[0] if words else "list"
    if verb in _DINIT_READS:
        return
    if verb == "shutdown":
        ctx.add(HIGH, "shuts down or restarts the machine (dinitctl shutdown)", command)
    elif verb in ("stop", "release", "disable"):
        stopping(command, ctx, "stop", [unit_name(w) for w in words[1:]])
    else:
        ctx.add(MODERATE, f"changes a service (dinitctl {verb})", command)


_OPENRC_DOWN = frozenset(split_words("single shutdown reboot sysinit"))


def openrc(command: Command, ctx: Context) -> None:
    """`openrc single` stops every service but the console; `openrc default` starts a level."""
    words = [a for a in command.argv if not a.startswith("-")]
    if words[:1] and words[0] in _OPENRC_DOWN:
        reason = f"switches to the {words[0]} run level: services stop (openrc {words[0]})"
        ctx.add(HIGH, reason, command)
    elif words:
        ctx.add(MODERATE, f"switches the run level (openrc {words[0]})", command)


def invoke_rc(command: Command, ctx: Context) -> None:
    """Debian's `invoke-rc.d [--quiet] ssh stop` does what `service ssh stop` does."""
    words = [a for a in command.argv if not a.startswith("-")]
    ctx.run_code(literal(" ".join(("service", *map(shlex.quote, words)))), command)


RULES: dict[str, Rule] = {
    "rcctl": rcctl,
    "sysrc": sysrc,
    "s6-rc": s6_rc,
    **dict.fromkeys(split_words("s6-svc svc"), supervise),
    "s6-svscanctl": svscanctl,
    "dinitctl": dinitctl,
    "openrc": openrc,
    "invoke-rc.d": invoke_rc,
}
