"""Servers started by hand with their access control off: anyone who reaches them is let in.

`mysqld --skip-grant-tables` takes no password from anyone; `sshd -o PermitEmptyPasswords=yes`
lets accounts without one log in; `exportfs -o rw,no_root_squash '*:/'` shares the disk with
root rights to every machine; memcached on every address has no login at all. Started on the
loopback address or with their checks kept, they are moderate, like any other server.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.rules.listening import is_open, option_value
from tui.core.safety.words import split_words


def mysqld(command: Command, ctx: Context) -> None:
    argv = command.argv
    if "--skip-grant-tables" not in argv:
        ctx.add(MODERATE, f"starts a MySQL server ({command.name})", command)
        return
    bind = option_value(argv, "--bind-address") or ""
    networked = is_open(bind) or any(a.startswith("--skip-networking=0") for a in argv)
    level = CRITICAL if networked else HIGH
    where = "anyone on the network" if networked else "any local user"
    reason = f"starts MySQL with no password checks: {where} is root in it (--skip-grant-tables)"
    ctx.add(level, reason, command)


_SSHD_OPEN = {
    "permitemptypasswords": "yes",
    "permitrootlogin": "yes",
    "strictmodes": "no",
}


def sshd(command: Command, ctx: Context) -> None:
    """`sshd -o PermitEmptyPasswords=yes`, `-o PermitRootLogin=yes`: a second door, unguarded."""
    argv = command.argv
    settings = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "-o"]
    settings += [a[2:] for a in argv if a.startswith("-o") and len(a) > 2]
    weakened = [
        s
        for s in settings
        if _SSHD_OPEN.get(s.replace(" ", "=").split("=", 1)[0].lower())
        == s.replace(" ", "=").split("=", 1)[-1].lower()
    ]
    if weakened:
        reason = f"starts an SSH server with its log-in checks loosened ({weakened[0]})"
        ctx.add(HIGH, reason, command)
    elif "-t" not in argv and "-T" not in argv:
        ctx.add(MODERATE, "starts an SSH server", command)


def memcached(command: Command, ctx: Context) -> None:
    argv = command.argv
    listen = option_value(argv, "-l", "--listen") or ""  # the default differs by version
    if any(is_open(address) for address in listen.split(",")) and "-S" not in argv:
        reason = "starts memcached on every address: no login, anyone reads and writes it"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, "starts memcached", command)


def exportfs(command: Command, ctx: Context) -> None:
    """`exportfs -o rw,no_root_squash '*:/'`: a folder shared over NFS with every machine."""
    argv = command.argv
    options = option_value(argv, "-o") or ""
    shares = [a.strip("'\"") for a in argv if ":" in a and not a.startswith("-")]
    everyone = [s for s in shares if s.split(":", 1)[0] in ("*", "0.0.0.0/0")]
    if everyone and "rw" in options.split(",") and "no_root_squash" in options:
        reason = f"shares {everyone[0].split(':', 1)[1]} over NFS with every machine, root included"
        ctx.add(CRITICAL, reason, command)
    elif everyone and "rw" in options.split(","):
        reason = f"shares {everyone[0].split(':', 1)[1]} over NFS, writable by every machine"
        ctx.add(HIGH, reason, command)
    elif any(a in ("-ua", "-au") for a in argv) or ("-u" in argv and "-a" in argv):
        reason = "stops sharing every NFS folder (exportfs -ua): the machines using them fail"
        ctx.add(HIGH, reason, command)
    elif not any(a in ("-v", "-s") for a in argv) or len(argv) > 1:
        ctx.add(MODERATE, "changes the folders shared over NFS (exportfs)", command)


RULES: dict[str, Rule] = {
    **dict.fromkeys(split_words("mysqld mysqld_safe mariadbd"), mysqld),
    "sshd": sshd,
    "memcached": memcached,
    "exportfs": exportfs,
}
