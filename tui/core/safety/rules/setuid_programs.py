"""Owners and modes of what decides who becomes root: programs setuid root by design (sudo, su,
passwd) and the files root obeys (sudoers, PAM, the account files). Their usual mode set back
is a repair; their setuid bit taken off breaks the way to root; handed to another user, that
user decides who is root."""

from __future__ import annotations

import posixpath
import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules import exposed
from tui.core.safety.rules.access import ROOT_SOCKETS
from tui.core.safety.rules.common import CRITICAL, HIGH
from tui.core.safety.targets import is_authority_file, root_runs
from tui.core.safety.words import split_words

# The ways to become root; and the other programs installed setuid root.
WAYS_TO_ROOT = frozenset(split_words("sudo su doas pkexec"))
_SETUID_BY_DESIGN = WAYS_TO_ROOT | frozenset(
    split_words("passwd mount umount chsh chfn newgrp gpasswd fusermount fusermount3")
)
_BIN = frozenset(split_words("/bin /sbin /usr/bin /usr/sbin /usr/local/bin"))
_USUAL_SETUID = frozenset(split_words("4755 04755 4711 04711 u+s"))
_ROOT_OWNERS = frozenset(split_words("root 0 ''"))
_ROOT_GROUPS = frozenset(("", "root", "0", "shadow", "wheel", "42"))
_PATH_DIRS = frozenset(split_words("/usr/local/bin /usr/local/sbin"))
# Services that own their settings folder on some systems.
_SERVICE_OWNED = {"polkitd": ("/etc/polkit-1", "/usr/share/polkit-1")}


def _by_design(path: str, names: frozenset[str]) -> str | None:
    normal = paths.normalise(path)
    name = posixpath.basename(normal)
    return name if name in names and posixpath.dirname(normal) in _BIN else None


def usual_setuid(mode: str, targets: list[str]) -> bool:
    """`chmod 4755 /usr/bin/sudo`: a setuid program set back to the mode it ships with."""
    return (
        mode in _USUAL_SETUID
        and bool(targets)
        and all(_by_design(t, _SETUID_BY_DESIGN) for t in targets)
    )


def _drops_setuid(mode: str) -> bool:
    """`755`, `0`, `-s`, `u-s`, `a=rx`: the setuid bit is gone after the mode."""
    if mode.isdigit():
        return set(mode) <= set("01234567") and int(mode, 8) & 0o4000 == 0
    for clause in mode.split(","):
        match = re.fullmatch(r"([ugoa]*)([-=+])([rwxXst]*)", clause)
        if match is None:
            continue
        who, op, perms = match.groups()
        owner = who in ("", "a") or "u" in who
        if owner and ((op == "-" and "s" in perms) or (op == "=" and "s" not in perms)):
            return True
    return False


def mode_checks(mode: str, targets: list[str], command: Command, ctx: Context) -> None:
    """chmod on sudo, su, doas or pkexec that takes their setuid bit off."""
    for target in targets:
        name = _by_design(target, WAYS_TO_ROOT)
        if name is not None and mode and _drops_setuid(mode):
            reason = f"takes the setuid bit off {name}: nobody can become root with it any more"
            ctx.add(HIGH, reason, command)


def owner_checks(owner: str, targets: list[str], command: Command, ctx: Context) -> None:
    """chown of sudo (its setuid bit is cleared) or of a file that decides who is root."""
    user = owner.partition(":")[0] if ":" in owner or owner.startswith("$") else owner
    user = user.partition(".")[0] if not user.startswith("$") else user
    if user in _ROOT_OWNERS or not user:
        return
    yourself = user.startswith("$")  # `$USER`, `$(whoami)`: who runs sudo, root already
    user = "a user" if user.startswith("$(") and user.endswith(")") else user
    for target in targets:
        normal = paths.normalise(target)
        name = _by_design(normal, WAYS_TO_ROOT)
        if name is not None:
            reason = f"gives {name} to {user}: its setuid bit is cleared and it stops working"
            ctx.add(HIGH, reason, command)
        folder = posixpath.dirname(normal)
        runs = root_runs(normal) or (root_runs(folder) and folder not in _PATH_DIRS)
        roots = normal.startswith("/root/.ssh/") or (
            normal.startswith("/root/") and exposed.runs_later(normal)
        )
        if folder.startswith("/var/spool/cron") and posixpath.basename(normal) == user:
            continue  # `chown bob /var/spool/cron/crontabs/bob`: a crontab is its user's
        if normal.startswith(_SERVICE_OWNED.get(user, ("//",))):
            continue  # `chown polkitd /etc/polkit-1/rules.d`: its service's own (Fedora)
        if normal in ROOT_SOCKETS and not yourself:  # as a member of the docker group
            reason = f"gives {normal} to {user}: they can run anything as root through it"
            ctx.add(HIGH, reason, command)
        if is_authority_file(normal) or normal in paths.ACCOUNT_FILES:
            ctx.add(CRITICAL, f"gives {normal} to {user}: they decide who becomes root", command)
        elif roots or (runs and normal not in _PATH_DIRS):
            reason = f"gives {normal} to {user}: root runs or trusts it, so they can act as root"
            ctx.add(HIGH, reason, command)


def usual_owner(owner: str, target: str) -> bool:
    """`chown root:root /etc/sudoers.d/x`, `chown root:shadow /etc/shadow`: a file that decides
    who is root given back to root, its usual owner."""
    user, _, group = owner.replace(".", ":").partition(":")
    normal = paths.normalise(target).rstrip("*").rstrip("/")
    authority = is_authority_file(normal) or normal in paths.ACCOUNT_FILES
    return authority and user in ("root", "0") and group in _ROOT_GROUPS


def _group_writable(mode: str) -> bool:
    if mode.isdigit():
        return len(mode) >= 3 and mode[-2] in "2367"
    return any(re.fullmatch(r"[ugo]*g[ugo]*[+=][rwxXst]*w[rwxXst]*", c) for c in mode.split(","))


def regrouped_then_writable(mode: str, targets: list[str], ctx: Context) -> bool:
    """`chgrp eve /etc/sudoers && chmod g+w /etc/sudoers`: a file that decides who is root,
    given to a group other than root's by an earlier command of the line, then made writable
    by that group."""
    return _group_writable(mode) and any(_regrouped(t, ctx) for t in targets)


def _regrouped(target: str, ctx: Context) -> bool:
    normal = paths.normalise(target)
    if not (is_authority_file(normal) or normal in paths.ACCOUNT_FILES):
        return False
    for forms in ctx.simple_commands:
        words = [w for w in (forms[-1].split() if forms else []) if not w.startswith("-")]
        if words[:1] not in (["chgrp"], ["chown"]) or len(words) < 3:
            continue
        group = words[1] if words[0] == "chgrp" else words[1].replace(".", ":").partition(":")[2]
        named = {paths.normalise(w) for w in words[2:]}
        if group and group not in exposed.HASH_GROUPS and normal in named:
            return True
    return False
