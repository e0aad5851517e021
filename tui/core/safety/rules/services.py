"""Settings that quietly outlast the command: boot services, lingering users, the file-creation
mask, and a network slowed or cut on purpose.

Each is routine in its ordinary form (a service from /etc/init.d, `umask 022`, netem on `lo`);
the forms rated higher leave the machine open, degraded or running something unexpected.
"""

from __future__ import annotations

import itertools
import re

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.rules.known import CTL_READS
from tui.core.safety.rules.system import (
    FIREWALL_UNITS,
    LOGGING_UNITS,
    MACHINE_GUARD_UNITS,
    SECURITY_UNITS,
    SSH_UNITS,
    unfamiliar_units,
)
from tui.core.safety.words import split_words

_ENABLING = frozenset(("defaults", "enable", "on", "--add", "start", "--level", "add"))
_REMOVING = frozenset(("remove", "disable", "off", "--del", "del", "delete"))
# Words of the boot-service tools that are not a service's name.
_NOT_NAMES = _ENABLING | _REMOVING | frozenset(split_words("stop boot default sysinit shutdown"))
_LOOPBACK = ("lo", "lo0")
_NETEM_HARM = frozenset(("loss", "delay", "corrupt", "duplicate", "reorder", "rate", "slot"))
_CHANGES = frozenset(("add", "change", "replace"))
_PROTECTIONS = FIREWALL_UNITS | SECURITY_UNITS | LOGGING_UNITS


def boot_service(command: Command, ctx: Context) -> None:
    """`update-rc.d NAME defaults`, `chkconfig NAME on`, `chkconfig --add NAME`."""
    argv = command.argv
    if not argv or argv[0] in ("--list", "-l", "show", "-s", "--show"):
        return
    if (len(argv) == 1 and command.name == "chkconfig") or "-n" in argv:
        return  # `update-rc.d -n NAME defaults` only shows what it would do
    odd = next((a for a in argv if "/" in a), None)
    if odd is not None and _ENABLING & set(argv):
        reason = f"starts {odd} at every boot, from outside /etc/init.d ({command.name})"
        ctx.add(HIGH, reason, command)
        return
    unknown = unfamiliar_units(_service_names(argv))
    if _ENABLING & set(argv) and unknown:
        reason = f"starts {unknown[0]} at every boot, a service caro does not recognise"
        ctx.add(HIGH, f"{reason} (persistence, {command.name})", command)
    elif _ENABLING & set(argv):
        ctx.add(MODERATE, f"starts a service at every boot ({command.name})", command)
    elif _REMOVING & set(argv) and set(argv) & MACHINE_GUARD_UNITS:
        unit = sorted(set(argv) & MACHINE_GUARD_UNITS)[0]
        reason = f"stops {unit} starting at boot ({command.name}): the whole machine goes unguarded"
        ctx.add(CRITICAL, reason, command)
    elif _REMOVING & set(argv) and set(argv) & SSH_UNITS:
        reason = f"stops SSH from starting at boot ({command.name}): remote log-ins end"
        ctx.add(HIGH, reason, command)
    elif _REMOVING & set(argv) and set(argv) & _PROTECTIONS:
        unit = sorted(set(argv) & _PROTECTIONS)[0]
        reason = f"stops {unit} starting at boot ({command.name}): a protection stays off"
        ctx.add(HIGH, reason, command)
    elif _REMOVING & set(argv) and any(n.startswith("net.") for n in _service_names(argv)):
        # OpenRC's `net.eth0`: the interface itself is the service
        reason = f"stops a network interface coming up at boot ({command.name}): the machine"
        ctx.add(HIGH, f"{reason} may be offline after the next restart", command)
    else:
        ctx.add(MODERATE, f"changes which services start at boot ({command.name})", command)


def _service_names(argv: list[str]) -> list[str]:
    """`chkconfig --level 345 agent on` -> `agent`: the operands that name a service."""
    return [
        a.lower() for a in argv if not a.startswith("-") and a not in _NOT_NAMES and not a.isdigit()
    ]


def loginctl(command: Command, ctx: Context) -> None:
    argv = command.argv
    if argv[:1] == ["enable-linger"]:
        whose = f"{argv[1]}'s" if len(argv) > 1 else "your"
        reason = (
            f"keeps {whose} services running after logout and starts them at boot "
            "(loginctl enable-linger)"
        )
        ctx.add(HIGH, reason, command)
        return
    if argv[:1] and argv[0] in CTL_READS:  # `loginctl show-user alice`
        return
    if argv[:1] and argv[0] in _ENDS_SESSIONS:
        reason = (
            f"ends a log-in session and its programs: unsaved work is lost (loginctl {argv[0]})"
        )
        ctx.add(HIGH, reason, command)
        return
    ctx.add(MODERATE, f"changes the system ({command.name})", command)


_ENDS_SESSIONS = frozenset(("terminate-user", "kill-user", "terminate-session", "kill-session"))


def umask(command: Command, ctx: Context) -> None:
    """`umask 000`: every file and folder made afterwards is writable by every user."""
    values = [a for a in command.argv if not a.startswith("-")]
    if not values:
        return
    mask = values[0]
    if (mask.isdigit() and int(mask[-1]) < 2) or mask in ("a+rwx", "a=rwx", "o+w", "o=rwx"):
        reason = f"makes every file created from now on writable by every user (umask {mask})"
        ctx.add(HIGH, reason, command)


_RATE_UNITS = {"bit": 1, "kbit": 10**3, "mbit": 10**6, "gbit": 10**9, "bps": 8, "kbps": 8000}


def _starved(argv: list[str]) -> bool:
    """`tbf rate 1kbit`: a rate limit too low for a remote session to get through."""
    for option, value in itertools.pairwise(argv):
        match = re.fullmatch(r"(\d+(?:\.\d+)?)([a-z]*)", value.lower())
        if option in ("rate", "ceil") and match and match.group(2) in _RATE_UNITS:
            return float(match.group(1)) * _RATE_UNITS[match.group(2)] < 64_000
    return False


def _mild(argv: list[str]) -> bool:
    """`netem delay 50ms`, `loss 1%`: a test of a slow or lossy link, not one cut off."""
    given = dict(itertools.pairwise(argv))
    if set(argv) & (_NETEM_HARM - {"delay", "loss"}):
        return False
    delay = re.fullmatch(r"(\d+(?:\.\d+)?)(us|ms|s)?", given.get("delay", "0ms"))
    loss = re.fullmatch(r"(\d+(?:\.\d+)?)%?", given.get("loss", "0%"))
    if delay is None or loss is None:
        return False
    seconds = float(delay.group(1)) * {"us": 1e-6, "ms": 1e-3, "s": 1.0}[delay.group(2) or "us"]
    return seconds < 1 and float(loss.group(1)) < 50


def tc(command: Command, ctx: Context) -> None:
    """`tc qdisc add dev eth0 root netem loss 100%`: the machine's network slowed or cut."""
    argv = command.argv
    if len(argv) < 2 or argv[1] in ("show", "list", "ls", "-s") or argv[0] in ("-s", "-d"):
        return
    device = argv[argv.index("dev") + 1] if "dev" in argv[:-1] else ""
    harmful = argv[1] in _CHANGES and "netem" in argv and bool(_NETEM_HARM & set(argv))
    harmful = (harmful and not _mild(argv)) or (argv[1] in _CHANGES and _starved(argv))
    if harmful and device and device not in _LOOPBACK:
        reason = (
            f"slows or drops the network traffic of {device} on purpose (tc): "
            "remote sessions may be cut off"
        )
        ctx.add(HIGH, reason, command)
        return
    if argv[0] == "filter" and argv[1] in _CHANGES and _drops_all(argv) and device not in _LOOPBACK:
        reason = f"drops every packet on {device} (tc filter): remote sessions are cut off"
        ctx.add(HIGH, reason, command)
        return
    ctx.add(MODERATE, f"changes network traffic control ({command.name} {argv[0]})", command)


def _drops_all(argv: list[str]) -> bool:
    """`match u32 0 0 action drop`, `matchall action drop`: a filter every packet meets."""
    text = " ".join(argv)
    return "drop" in argv and ("matchall" in argv or "match u32 0 0" in text)


RULES: dict[str, Rule] = {
    "update-rc.d": boot_service,
    "chkconfig": boot_service,
    "rc-update": boot_service,
    "loginctl": loginctl,
    "umask": umask,
    "tc": tc,
}
