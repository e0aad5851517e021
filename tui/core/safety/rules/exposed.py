"""Modes and ACLs that let other users read a system secret (Kerberos or Wi-Fi keys, root's
SSH keys) or put code in a file that runs later by itself (a shell start-up file, a folder of
PATH, git's settings). Called by the chmod and setfacl rules."""

from __future__ import annotations

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules import persistence
from tui.core.safety.rules.common import HIGH

# Files only root should read: the machine's keys and saved network passwords.
_SYSTEM_SECRETS = (
    "/etc/krb5.keytab",
    "/etc/wpa_supplicant/",
    "/etc/NetworkManager/system-connections/",
    "/etc/ssl/private/",
    "/etc/ssh/ssh_host_",
    "/root/.ssh/",
    "/root/.gnupg/",
)
# Settings in a home that name a program to run (`core.pager`, `ProxyCommand`).
_RUNS_PROGRAMS = frozenset((".gitconfig", ".config/git/config", ".hgrc", ".ssh/config"))


def system_secret(path: str) -> bool:
    normal = paths.normalise(path)
    public = normal.endswith((".pub", "/authorized_keys", "/known_hosts"))
    return not public and normal.startswith(_SYSTEM_SECRETS)


def runs_later(path: str) -> bool:
    """A file or folder whose contents run later by themselves, as its owner."""
    normal = paths.normalise(path)
    rel = paths.home_relative(normal)
    return (
        persistence.startup_kind(normal) is not None
        or normal in persistence.PATH_DIRS
        or (rel is not None and rel in _RUNS_PROGRAMS)
    )


def opened(
    targets: list[str], *, readable: bool, writable: bool, who: str, command: Command, ctx: Context
) -> None:
    """Adds the verdicts for `targets` opened to `who` (`every user`, `user eve`)."""
    for target in targets:
        if readable and system_secret(target):
            ctx.add(HIGH, f"lets {who} read {target}, a secret only root should read", command)
        if writable and runs_later(target):
            reason = f"lets {who} put code in {target}, which runs later by itself"
            ctx.add(HIGH, reason, command)
