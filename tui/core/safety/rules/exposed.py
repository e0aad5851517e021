"""Modes and ACLs that let other users read a system secret (Kerberos or Wi-Fi keys, root's
SSH keys) or put code in a file that runs later by itself (a shell start-up file, a folder of
PATH, git's settings). Called by the chmod and setfacl rules."""

from __future__ import annotations

import posixpath

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
# The password hashes, and the groups that may read them (Debian's `shadow`, root's own).
HASHES = frozenset(("/etc/shadow", "/etc/gshadow", "/etc/master.passwd"))
HASH_GROUPS = frozenset(("root", "shadow", "0", "wheel", "42"))
# Settings in a home that name a program to run (`core.pager`, `ProxyCommand`).
_RUNS_PROGRAMS = frozenset((".gitconfig", ".config/git/config", ".hgrc", ".ssh/config"))


def system_secret(path: str) -> bool:
    normal = paths.normalise(path)
    public = normal.endswith((".pub", "/authorized_keys", "/known_hosts"))
    return not public and normal.startswith(_SYSTEM_SECRETS)


def root_only(path: str) -> bool:
    """The password hashes or another secret only root should read."""
    return paths.normalise(path) in HASHES or system_secret(path)


def root_secrets_read(command: Command) -> list[str]:
    """`sudo cat /etc/shadow | tee F`: the root-only files the start of the pipe reads."""
    reads = command.stdin.reads if command.stdin is not None else ()
    return [r for r in reads if root_only(r)]


def copied_secret(target: str, ctx: Context) -> str | None:
    """`cp /etc/shadow X && chmod 644 X`: the root-only file an earlier command of the line
    copied to X (or into the folder X is in), or None."""
    wanted = paths.normalise(target)
    for forms in ctx.simple_commands:
        words = forms[-1].split() if forms else []
        if words[:1] not in (["cp"], ["install"], ["rsync"]) or len(words) < 3:
            continue
        dest = paths.normalise(words[-1])
        for source in (paths.normalise(w) for w in words[1:-1] if not w.startswith("-")):
            into = posixpath.join(dest, posixpath.basename(source))
            if root_only(source) and wanted in (dest, into):
                return source
    return None


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
            reason = f"lets {who} change {target}: what it holds is run or obeyed later"
            ctx.add(HIGH, reason, command)
