"""Accounts and root: users, groups, passwords, sudo, su, file capabilities."""

from __future__ import annotations

import re

from tui.core.safety import flow
from tui.core.safety.argv import skip_options
from tui.core.safety.context import Context
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, SAFE, Rule
from tui.core.safety.rules.configs import config_content
from tui.core.safety.unwrap import expand
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
    fed = _stdin(command)
    if command.name == "visudo" and fed:  # `echo LINE | EDITOR='tee -a' visudo`
        content = config_content("/etc/sudoers", fed)
        if content is not None:
            ctx.add(content.level, content.reason, command)
            return
    if command.name in ("usermod", "gpasswd") and _joins_ordinary_group(argv):
        level = MODERATE
    if command.name == "usermod" and any("sudo" in a or "wheel" in a or "admin" in a for a in argv):
        what = "gives a user administrator rights (sudo group)"
    if command.name in ("useradd", "usermod") and _uid_zero(argv):
        level, what = CRITICAL, "makes an account with root's user id 0: a second root"
    elif command.name == "passwd":
        level, what = _passwd(argv)
        if "root" in argv and _fed(command):
            level, what = (
                CRITICAL,
                "sets root's password from a script: the password is in the open",
            )
    elif command.name in ("useradd", "adduser"):
        level, what = _new_account(argv, what)
    elif command.name in ("userdel", "deluser"):
        level, what = _deleted_account(argv, what)
    elif command.name == "usermod":
        level, what = _changed_account(argv, level, what)
    elif command.name == "gpasswd" and _left_group(argv) is not None:
        level, what = _left_group(argv) or (level, what)
    elif command.name == "groupdel" and set(argv) & ADMIN_GROUPS:
        level, what = CRITICAL, "deletes an administrators' group: nobody may use sudo"
    elif command.name == "chpasswd" and "root:" in _stdin(command):
        level, what = CRITICAL, "sets root's password from a script"
    if level > SAFE:
        ctx.add(level, what, command)


# Groups whose members can read every secret or write every disk: root in all but name.
ROOT_GROUPS = frozenset(split_words("root shadow disk kmem"))


def _groups_joined(argv: list[str]) -> set[str]:
    joined: set[str] = set()
    for index, value in enumerate(argv[:-1]):
        if value in ("-G", "-aG", "-Ga", "--groups", "-g", "--gid"):
            joined |= set(argv[index + 1].split(","))
        elif value.startswith("--groups="):
            joined |= set(value.split("=", 1)[1].split(","))
    return joined


def _new_account(argv: list[str], what: str) -> tuple[RiskLevel, str]:
    """A plain new account is routine; one made an administrator, or with a password typed
    into the command line, is not."""
    groups = _groups_joined(argv)
    operands = [a for a in argv if not a.startswith("-")]
    if len(operands) == 2 and operands[1] in ADMIN_GROUPS and not groups:  # adduser USER GROUP
        return HIGH, f"gives a user administrator rights ({operands[1]} group)"
    password = any(a in ("-p", "--password") for a in argv)
    if groups & ADMIN_GROUPS:
        level = CRITICAL if password or groups & ROOT_GROUPS else HIGH
        return level, "creates an account with administrator rights"
    if password:
        return HIGH, "creates an account with a password written in the command line"
    return MODERATE, what


def _deleted_account(argv: list[str], what: str) -> tuple[RiskLevel, str]:
    operands = [a for a in argv if not a.startswith("-")]
    if "root" in operands:
        return CRITICAL, "deletes the root account"
    if any(a in ("-r", "--remove", "--remove-home", "--remove-all-files", "-f") for a in argv):
        return CRITICAL, "deletes a user account and all of its files"
    return MODERATE, f"{what} (its files stay)"


def _changed_account(argv: list[str], level: RiskLevel, what: str) -> tuple[RiskLevel, str]:
    groups = _groups_joined(argv)
    if groups & ROOT_GROUPS:
        return CRITICAL, f"adds a user to {sorted(groups & ROOT_GROUPS)[0]}: root in all but name"
    if any(a in ("-p", "--password") for a in argv):
        who = "root" if "root" in argv else "an account"
        given = argv[argv.index("-p" if "-p" in argv else "--password") + 1 :][:1]
        if given == [""]:
            user = next((a for a in reversed(argv) if a and not a.startswith("-")), "an account")
            return CRITICAL, f"leaves {user} without a password: anyone can log in as it"
        return (CRITICAL if who == "root" else HIGH), f"sets the password of {who} directly"
    return level, what


def _left_group(argv: list[str]) -> tuple[RiskLevel, str] | None:
    """`gpasswd -d USER GROUP`: taking a user out of a group is routine, unless it is the
    administrators' group (who may then still use sudo?)."""
    if "-d" not in argv and "--delete" not in argv:
        return None
    operands = [a for a in argv if not a.startswith("-")]
    if operands[-1:] and operands[-1] in ("sudo", "wheel", "admin"):
        return HIGH, f"takes a user out of the {operands[-1]} group: they lose sudo"
    return MODERATE, "removes a user from a group"


def _fed(command: Command) -> bool:
    """The password comes from a pipe or a here-string, not from a person typing it."""
    return command.stdin is not None or any(r.op in ("<<", "<<<", "<") for r in command.redirects)


def _stdin(command: Command) -> str:
    stdin = command.stdin
    if stdin is not None and stdin.literal is not None:
        return " ".join(word.value for word in stdin.literal)
    bodies = [r.body.value for r in command.redirects if r.body is not None]
    return " ".join(bodies)


ADMIN_GROUPS = frozenset(
    split_words("sudo wheel admin root adm shadow disk lxd kmem sys docker libvirt")
)


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
        return CRITICAL, f"removes the password of {who}: anyone can log in as it"
    if not operands and not flags:
        return MODERATE, "changes your own password"
    if operands and operands[0] != "root" and not flags:
        return MODERATE, f"sets the password of {operands[0]}"
    if any(f in ("-l", "--lock", "-u", "--unlock", "-e", "--expire") for f in flags):
        return HIGH, "locks, unlocks or expires an account's password"
    return HIGH, f"changes the password of {operands[0] if operands else 'an account'}"


def groups(command: Command, ctx: Context) -> None:
    argv = command.argv
    if command.name == "chage" and any(a in ("-l", "--list") for a in argv):
        return
    if command.name == "chage" and any(a in ("-E", "--expiredate") for a in argv):
        value = argv[argv.index("-E" if "-E" in argv else "--expiredate") + 1 :][:1]
        if value in (["0"], ["1970-01-01"], ["1"]):
            ctx.add(HIGH, "expires an account now: its user can no longer log in", command)
            return
    if command.name == "chsh" and any(a in ("-l", "--list-shells") for a in argv):
        return
    ctx.add(MODERATE, f"changes groups or account details ({command.name})", command)


def mac_groups(command: Command, ctx: Context) -> None:
    """`dscl . -append /Groups/admin GroupMembership x`, `dseditgroup -o edit -a x admin`."""
    text = " ".join(command.argv)
    reads = ("-read", "-list", "-search", "read", "list", "-o read", "checkmember")
    if any(word in command.argv for word in reads) and "-append" not in text:
        return
    if "admin" in text and any(w in text for w in ("-append", "-create", "-a ", "-merge")):
        ctx.add(HIGH, f"makes a user an administrator ({command.name})", command)
    elif "-delete" in text and "/Users/" in text:
        ctx.add(HIGH, f"deletes a user account ({command.name})", command)
    else:
        ctx.add(MODERATE, f"changes accounts or groups ({command.name})", command)


def bsd_pw(command: Command, ctx: Context) -> None:
    """FreeBSD's `pw useradd|usermod|userdel ...`."""
    argv = command.argv
    sub = argv[0] if argv else ""
    if sub in ("useradd", "usermod") and _uid_zero(argv):
        ctx.add(CRITICAL, "makes an account with root's user id 0: a second root", command)
    elif sub in ("useradd", "usermod", "userdel", "groupmod", "groupdel", "lock"):
        ctx.add(HIGH if sub != "useradd" else MODERATE, f"changes accounts (pw {sub})", command)


def sudo(command: Command, ctx: Context) -> None:
    start = skip_options(command.args, _SUDO_VALUES)
    own = [w.value for w in command.args[:start]]  # sudo's own options, not the command's
    if any(a in ("-l", "-v", "-k", "-K", "--list", "--validate") for a in own):
        return
    if start >= len(command.args) and any(a in ("-i", "-s", "--login", "--shell") for a in own):
        ctx.add(MODERATE, "opens a shell as root (or another user)", command)
        return
    if start < len(command.args) and _inner_is_harmless(command, ctx):
        return  # `sudo fdisk -l`: reading as root changes nothing
    ctx.add(MODERATE, f"runs as another user (usually root) with {command.name}", command)


def _inner_is_harmless(command: Command, ctx: Context) -> bool:
    """True when every rule the wrapped command meets finds nothing to say about it."""
    from tui.core.safety.rules import check_layer  # the dispatcher imports this module

    layers, code = expand(command)
    if code or len(layers) < 2:
        return False
    scratch = Context(variables=dict(ctx.variables), cwd=ctx.cwd, functions=set(ctx.functions))
    for layer in layers[1:]:
        if flow.secret_command(layer) or any(flow.secret_path(a) for a in layer.argv):
            return False  # `sudo cat /etc/shadow`: root reads what nobody else may
        check_layer(layer, scratch)
    return not scratch.findings


def switch_user(command: Command, ctx: Context) -> None:
    ctx.add(MODERATE, f"runs as another user ({command.name})", command)


def setcap(command: Command, ctx: Context) -> None:
    argv = command.argv
    if any("+" in a or "=" in a for a in argv if not a.startswith("-")):
        caps = " ".join(argv).lower()
        target = argv[-1].rsplit("/", 1)[-1] if argv else ""
        if set(re.findall(r"cap_\w+", caps)) & _ROOT_CAPABILITIES and (
            target in ROOT_SHELL_PROGRAMS or target.startswith(("python", "perl", "ruby", "node"))
        ):
            ctx.add(CRITICAL, f"lets {target} become root: anyone can take over", command)
        elif not set(re.findall(r"cap_\w+", caps)) - _MINOR_CAPABILITIES:
            ctx.add(MODERATE, f"gives {target} a narrow privilege ({caps.split()[0]})", command)
        else:
            ctx.add(HIGH, "gives a program special privileges (file capabilities)", command)


# Capabilities that open one narrow door (low ports, raw packets for ping, locking memory):
# routine for servers and tools, no way to root.
_MINOR_CAPABILITIES = frozenset(
    split_words("cap_net_bind_service cap_net_raw cap_ipc_lock cap_sys_nice cap_wake_alarm")
)


# Capabilities that are root in all but name: given to a shell or an interpreter, anyone
# who runs it can read /etc/shadow, become root or load kernel code.
_ROOT_CAPABILITIES = frozenset(
    split_words(
        "cap_setuid cap_setgid cap_sys_admin cap_dac_override cap_dac_read_search cap_chown "
        "cap_fowner cap_sys_ptrace cap_sys_module cap_sys_rawio"
    )
)


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
    **dict.fromkeys(split_words("dscl dseditgroup"), mac_groups),
    "pw": bsd_pw,
    **dict.fromkeys(split_words("su runuser sg"), switch_user),
}
