"""Accounts and root: users, groups, passwords, sudo, su, file capabilities."""

from __future__ import annotations

from tui.core.safety.argv import skip_options
from tui.core.safety.context import Context
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, SAFE, Rule
from tui.core.safety.words import split_words

_SUDO_VALUES = frozenset(split_words("-u -g -h -p -C -D -r -t -T -U --user --group --host"))


def accounts(command: Command, ctx: Context) -> None:
    what = {
        "useradd": "creates a user account",
        "adduser": "creates a user account (or adds a user to a group)",
        "userdel": "deletes a user account",
        "deluser": "deletes a user account (or removes it from a group)",
        "usermod": "changes a user account (groups, shell, lock)",
        "passwd": "changes a password or locks an account",
        "chpasswd": "changes passwords in bulk",
        "visudo": "edits who may run commands as root (sudoers)",
        "vipw": "edits the account database",
        "vigr": "edits the group database",
        "gpasswd": "changes group membership",
        "groupdel": "deletes a group",
    }[command.name]
    argv = command.argv
    level = HIGH
    if command.name == "visudo" and any(a in ("-c", "--check") for a in argv):
        return
    if command.name in ("usermod", "gpasswd") and _joins_ordinary_group(argv):
        level = MODERATE
    if command.name == "usermod" and any("sudo" in a or "wheel" in a or "admin" in a for a in argv):
        what = "gives a user administrator rights (sudo group)"
    if command.name in ("useradd", "usermod") and _uid_zero(argv):
        level, what = CRITICAL, "makes an account with root's user id 0: a second root"
    elif command.name == "passwd":
        level, what = _passwd(argv)
    if level > SAFE:
        ctx.add(level, what, command)


ADMIN_GROUPS = frozenset(split_words("sudo wheel admin root adm shadow disk lxd kmem sys"))


def _joins_ordinary_group(argv: list[str]) -> bool:
    """`usermod -aG video me`, `gpasswd -a me audio`: joining groups that grant no admin rights."""
    for index, value in enumerate(argv[:-1]):
        if value in ("-aG", "-Ga", "-G", "--groups", "-a") and "-" not in argv[index + 1][:1]:
            groups = set(argv[index + 1].split(",")) if value != "-a" else set(argv[index + 2 :])
            rest = [a for a in argv if a.startswith("-") and a not in ("-a", "-aG", "-Ga", "-G")]
            return bool(groups) and not groups & ADMIN_GROUPS and not rest
    return False


def _uid_zero(argv: list[str]) -> bool:
    for index, value in enumerate(argv[:-1]):
        if value in ("-u", "--uid") and argv[index + 1] == "0":
            return True
    return any(a == "--uid=0" for a in argv)


def _passwd(argv: list[str]) -> tuple[RiskLevel, str]:
    operands = [a for a in argv if not a.startswith("-")]
    flags = [a for a in argv if a.startswith("-")]
    if any(f in ("-S", "--status") for f in flags) or any(f in ("-a", "--all") for f in flags):
        return SAFE, "shows password status"
    if any(f in ("-d", "--delete") for f in flags):
        who = operands[0] if operands else "your account"
        level = CRITICAL if who == "root" else HIGH
        return level, f"removes the password of {who}: anyone can log in"
    if not operands and not flags:
        return MODERATE, "changes your own password"
    if any(f in ("-l", "--lock", "-u", "--unlock", "-e", "--expire") for f in flags):
        return HIGH, "locks, unlocks or expires an account's password"
    return HIGH, f"changes the password of {operands[0] if operands else 'an account'}"


def groups(command: Command, ctx: Context) -> None:
    argv = command.argv
    if command.name == "chage" and any(a in ("-l", "--list") for a in argv):
        return
    if command.name == "chsh" and any(a in ("-l", "--list-shells") for a in argv):
        return
    ctx.add(MODERATE, f"changes groups or account details ({command.name})", command)


def sudo(command: Command, ctx: Context) -> None:
    start = skip_options(command.args, _SUDO_VALUES)
    own = [w.value for w in command.args[:start]]  # sudo's own options, not the command's
    if any(a in ("-l", "-v", "-k", "-K", "--list", "--validate") for a in own):
        return
    if start >= len(command.args) and any(a in ("-i", "-s", "--login", "--shell") for a in own):
        ctx.add(MODERATE, "opens a shell as root (or another user)", command)
        return
    ctx.add(MODERATE, f"runs as another user (usually root) with {command.name}", command)


def switch_user(command: Command, ctx: Context) -> None:
    ctx.add(MODERATE, f"runs as another user ({command.name})", command)


def setcap(command: Command, ctx: Context) -> None:
    argv = command.argv
    if any("+" in a or "=" in a for a in argv if not a.startswith("-")):
        caps = " ".join(argv).lower()
        target = argv[-1].rsplit("/", 1)[-1] if argv else ""
        if ("setuid" in caps or "sys_admin" in caps or "dac_override" in caps) and (
            target in ROOT_SHELL_PROGRAMS or target.startswith(("python", "perl"))
        ):
            ctx.add(CRITICAL, f"lets {target} become root: anyone can take over", command)
        else:
            ctx.add(HIGH, "gives a program special privileges (file capabilities)", command)


# Programs that give a shell or run code: made setuid root, they hand root to every user.
ROOT_SHELL_PROGRAMS = frozenset(
    split_words(
        "sh bash dash zsh ksh fish csh tcsh python python3 python2 perl ruby node php lua vim vi "
        "nano less more find awk gawk env cp mv tee dd busybox nmap tar zip bash.real"
    )
)


RULES: dict[str, Rule] = {
    "setcap": setcap,
    **dict.fromkeys(
        split_words(
            "useradd adduser userdel deluser usermod passwd chpasswd visudo vipw vigr gpasswd "
            "groupdel"
        ),
        accounts,
    ),
    **dict.fromkeys(
        split_words("groupadd groupmod addgroup delgroup chsh chfn chage newusers"), groups
    ),
    **dict.fromkeys(split_words("sudo doas pkexec run0"), sudo),
    **dict.fromkeys(split_words("su runuser sg"), switch_user),
}
