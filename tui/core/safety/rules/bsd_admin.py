"""FreeBSD, OpenBSD and NetBSD administration: GEOM classes (gmirror, graid, geli), CAM disks
(camcontrol), disk labels, softraid (bioctl), boot environments (bectl), memory disks, kernel
modules (kldload, kldunload) and accounts (rmuser, OpenBSD's `user`, chpass).

Listing and showing is safe. Formatting, sanitizing or killing a disk's keys loses everything on
it (CRITICAL); destroying a mirror or a RAID, writing a new label, deleting a boot environment,
unloading the packet filter or removing a user with their files is HIGH.
"""

from __future__ import annotations

import itertools
import shlex

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.words import literal, split_words

_CAM_READS = frozenset(split_words("devlist inquiry identify readcap periphlist tags help"))
_CAM_ERASES = frozenset(split_words("format sanitize"))


def camcontrol(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    verb = words[0] if words else "devlist"
    disk = words[1] if len(words) > 1 else "the disk"
    if verb in _CAM_ERASES or (verb == "security" and "-e" in command.argv):
        ctx.add(CRITICAL, f"erases the whole disk {disk} (camcontrol {verb})", command)
    elif verb in ("security", "hpa", "ama") and len(command.argv) > 2:
        ctx.add(HIGH, f"locks or hides part of the disk {disk} (camcontrol {verb})", command)
    elif verb not in _CAM_READS:
        ctx.add(MODERATE, f"sends commands to a disk (camcontrol {verb})", command)


_GEOM_READS = frozenset(split_words("list status dump help load"))
# Verbs of the GEOM classes that take a mirror, a RAID or an encrypted disk apart.
_GEOM_BREAKS = frozenset(
    split_words("destroy clear delete remove deactivate forget stop onetime setkey delkey")
)


def geom_class(command: Command, ctx: Context) -> None:
    """`gmirror destroy gm0`, `geli kill ada0p4`, `geom mirror destroy gm0`."""
    words = [a for a in command.argv if not a.startswith("-")]
    tool = command.name
    if tool == "geom" and words:
        tool, words = f"geom {words[0]}", words[1:]
    verb = words[0] if words else "list"
    if verb in _GEOM_READS:
        return
    if verb == "kill":
        disk = words[1] if len(words) > 1 else "a disk"
        reason = f"destroys the encryption keys of {disk}: its data is gone for good"
        ctx.add(CRITICAL, f"{reason} ({tool} kill)", command)
    elif verb in _GEOM_BREAKS or verb in ("init", "label", "create"):
        ctx.add(
            HIGH,
            f"takes apart or writes over a disk's mirror, RAID or keys ({tool} {verb})",
            command,
        )
    else:
        ctx.add(MODERATE, f"changes a disk arrangement ({tool} {verb})", command)


def bectl(command: Command, ctx: Context) -> None:
    """FreeBSD boot environments: `bectl destroy` deletes a bootable copy of the system."""
    words = [a for a in command.argv if not a.startswith("-")]
    verb = words[0] if words else "list"
    if verb == "destroy":
        ctx.add(HIGH, "deletes a boot environment, a bootable copy of the system (bectl)", command)
    elif verb not in ("list", "check", "mount"):
        ctx.add(MODERATE, f"changes boot environments (bectl {verb})", command)


def bioctl(command: Command, ctx: Context) -> None:
    """OpenBSD softraid: `-d` detaches a volume; `-c` builds one over the chunks given."""
    argv = command.argv
    if any(a.startswith("-d") for a in argv):
        ctx.add(HIGH, "detaches a softraid volume while in use (bioctl -d)", command)
    elif any(a.startswith("-c") for a in argv):
        ctx.add(
            HIGH, "builds a softraid volume over the given chunks: what they held is lost", command
        )
    elif any(a.startswith("-") for a in argv):
        ctx.add(MODERATE, "changes a RAID controller's settings (bioctl)", command)


def disk_label(command: Command, ctx: Context) -> None:
    """`bsdlabel -w ada0s1`, `disklabel -R sd0 proto`: a new label over the disk's old one."""
    argv = command.argv
    writes = any(a.startswith("-") and set(a[1:]) & set("wRreEB") for a in argv)
    if writes:
        ctx.add(
            HIGH, f"writes a new disk label ({command.name}): the partitions may be lost", command
        )


def mdconfig(command: Command, ctx: Context) -> None:
    if not any(a.startswith("-l") for a in command.argv):
        ctx.add(MODERATE, "attaches or detaches a memory disk (mdconfig)", command)


def fsck_ffs(command: Command, ctx: Context) -> None:
    argv = command.argv
    if any(a.startswith("-") and "n" in a for a in argv):
        return
    ctx.add(MODERATE, "checks and repairs a filesystem (fsck_ffs)", command)


# Kernel modules that are the packet filter: unloaded, the firewall is gone.
_FILTER_MODULES = frozenset(split_words("pf ipfw ipfilter ipl pflog npf"))


def kld(command: Command, ctx: Context) -> None:
    """`kldunload pf` drops the firewall; `kldload /tmp/x.ko` loads code into the kernel."""
    modules = [a for a in command.argv if not a.startswith("-")]
    if command.name == "kldunload" and set(modules) & _FILTER_MODULES:
        reason = "unloads the packet filter: the machine is left unprotected"
        ctx.add(HIGH, f"{reason} (kldunload {sorted(set(modules) & _FILTER_MODULES)[0]})", command)
    elif command.name == "kldunload":
        ctx.add(HIGH, "unloads a kernel driver: what it runs stops working (kldunload)", command)
    elif any("/" in m or m.endswith(".ko") for m in modules):
        where = next(m for m in modules if "/" in m or m.endswith(".ko"))
        level = CRITICAL if paths.is_world_writable(where) else HIGH
        ctx.add(level, f"loads code into the kernel from {where} (kldload)", command)
    elif modules:
        ctx.add(MODERATE, "loads a kernel module (kldload)", command)


def rmuser(command: Command, ctx: Context) -> None:
    """FreeBSD's `rmuser -y alice`: the account, its home folder and its mail are removed."""
    ctx.add(HIGH, "removes user accounts with their home folders (rmuser)", command)


# OpenBSD's `user add|mod|del|info` and `group ...` front ends, and what they stand for.
_USER_VERBS = {"add": "useradd", "mod": "usermod", "del": "userdel"}


def user_front(command: Command, ctx: Context) -> None:
    words = command.argv
    verb = words[0] if words else "info"
    if verb in _USER_VERBS:
        spelt = " ".join((_USER_VERBS[verb], *map(shlex.quote, words[1:])))
        ctx.run_code(literal(spelt), command)
    elif verb != "info":
        ctx.add(MODERATE, f"changes user accounts (user {verb})", command)


# Accounts of the system's daemons: given a login shell, they become a way in.
_SERVICE_ACCOUNTS = frozenset(
    split_words("daemon bin sys nobody operator www www-data sshd mail games news uucp toor")
)


def chpass(command: Command, ctx: Context) -> None:
    argv = command.argv
    shell = next((b for a, b in itertools.pairwise(argv) if a == "-s"), "")
    operands = [a for a in argv if not a.startswith("-") and a != shell]
    who = operands[-1] if operands else ""
    if shell and who in _SERVICE_ACCOUNTS and not shell.endswith(("nologin", "false")):
        ctx.add(HIGH, f"gives the service account {who} a login shell (chpass -s)", command)
    elif argv:
        ctx.add(MODERATE, "changes a user's account details (chpass)", command)


RULES: dict[str, Rule] = {
    "camcontrol": camcontrol,
    **dict.fromkeys(
        split_words("gmirror graid geli gstripe gconcat graid3 gshsec geom"), geom_class
    ),
    "bectl": bectl,
    "beadm": bectl,
    "bioctl": bioctl,
    **dict.fromkeys(split_words("bsdlabel disklabel"), disk_label),
    "mdconfig": mdconfig,
    "fsck_ffs": fsck_ffs,
    **dict.fromkeys(split_words("kldload kldunload"), kld),
    "rmuser": rmuser,
    "user": user_front,
    "chpass": chpass,
}
