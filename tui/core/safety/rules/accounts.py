"""Accounts and root: users, groups, passwords, sudo, su, file capabilities."""

from __future__ import annotations

import posixpath
import re
import shlex
from dataclasses import replace

from tui.core.safety import flow, paths
from tui.core.safety.argv import skip_options
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.rules import code, exposed
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, SAFE, Options, Rule, options
from tui.core.safety.rules.configs import config_content
from tui.core.safety.unwrap import expand
from tui.core.safety.words import Word, literal, split_words

_ROOT = frozenset(split_words("sudo doas pkexec run0 su"))
_SUDO_GROUPS = frozenset(split_words("sudo wheel admin root shadow"))
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
    opts = options(command, _VALUES.get(command.name, ""))
    level = HIGH
    if command.name == "visudo" and opts.has("-c", "--check"):
        return
    fed = _stdin(command)
    if command.name == "visudo" and fed:  # `echo LINE | EDITOR='tee -a' visudo`
        content = config_content(opts.value("-f", "--file") or "/etc/sudoers", fed)
        if content is not None:
            ctx.add(content.level, content.reason, command)
            return
    if command.name in ("useradd", "usermod", "adduser") and _uid_zero(opts):
        level, what = CRITICAL, "makes an account with root's user id 0: a second root"
    elif command.name == "passwd":
        level, what = _passwd(argv)
        as_root = not [a for a in argv if not a.startswith("-")] and bool(set(command.via) & _ROOT)
        if as_root and not argv and not _fed(command):
            level, what = HIGH, "changes root's password"
        if ("root" in argv or as_root) and _fed(command):
            level, what = (
                CRITICAL,
                "sets root's password from a script: the password is in the open",
            )
    elif command.name in ("useradd", "adduser"):
        level, what = _new_account(opts, what)
    elif command.name in ("userdel", "deluser"):
        level, what = _deleted_account(options(command, "-R --root -P --prefix --conf"), what)
    elif command.name == "usermod":
        level, what = _changed_account(opts)
    elif command.name == "gpasswd":
        level, what = _gpasswd(opts) or (level, what)
    elif command.name == "groupdel" and set(argv) & _SUDO_GROUPS:
        level, what = CRITICAL, "deletes an administrators' group: nobody may use sudo"
    elif command.name == "groupdel" and set(argv) & ADMIN_GROUPS:
        level, what = HIGH, "deletes a group that grants administrator rights"
    elif command.name == "groupdel":
        level, what = MODERATE, "deletes a group (its members and files stay)"
    elif command.name == "chpasswd" and _sets_root(command):
        level, what = CRITICAL, "sets root's password from a script"
    if level > SAFE:
        ctx.add(level, what, command)


# Options that take a value, per program (`-l` is a new name for usermod, a flag for useradd;
# `-a` appends for usermod, names a user for gpasswd).
_COMMON_VALUES = (
    "-b -c -d -e -f -g -G -k -K -p -s -u -R -P -Z --base-dir --comment --home --home-dir "
    "--expiredate --inactive --gid --groups --skel --key --password --shell --uid --root "
    "--prefix --selinux-user --ingroup --gecos --firstuid --lastuid --conf"
)
_VALUES = {
    "useradd": _COMMON_VALUES,
    "adduser": _COMMON_VALUES,
    "usermod": _COMMON_VALUES + " -l --login",
    "gpasswd": "-a -d -M -A -Q --add --delete --members --administrators --root",
    "visudo": "-f --file",
}
# Groups whose members can read every secret or write every disk: root in all but name.
ROOT_GROUPS = frozenset(split_words("root shadow disk kmem 0"))


def _groups_joined(opts: Options) -> set[str]:
    joined: set[str] = set()
    for name in ("-G", "--groups"):
        value = opts.value(name)
        if value:
            joined |= set(value.split(","))
    for name in ("-g", "--gid", "--ingroup"):
        value = opts.value(name)
        if value:
            joined.add(value)
    return {"root" if group == "0" else group for group in joined if group}


def admin_member(group: str) -> tuple[RiskLevel, str] | None:
    """The verdict for making a user a member of `group`, when it grants administrator rights."""
    if group in ROOT_GROUPS:
        return CRITICAL, f"adds a user to {group}: root in all but name"
    if group == "input":
        return HIGH, "lets a user read every key typed on the machine, passwords too (input group)"
    if group in ADMIN_GROUPS:
        return HIGH, f"gives a user administrator rights ({group} group)"
    return None


def _new_account(opts: Options, what: str) -> tuple[RiskLevel, str]:
    """A plain new account is routine; one made an administrator, or with a password typed
    into the command line, is not."""
    groups = _groups_joined(opts)
    operands = [w.value for w in opts.operands]
    if len(operands) == 2 and not groups:  # adduser USER GROUP
        return admin_member(operands[1]) or (MODERATE, "adds a user to a group")
    password = _given(opts, "-p", "--password")
    if password == "":
        return CRITICAL, "creates an account with an empty password: anyone can log in as it"
    if groups & ADMIN_GROUPS:
        level = CRITICAL if password is not None or groups & ROOT_GROUPS else HIGH
        return level, "creates an account with administrator rights"
    if password is not None:
        return HIGH, "creates an account with a password written in the command line"
    return MODERATE, what


def _deleted_account(opts: Options, what: str) -> tuple[RiskLevel, str]:
    operands = [w.value for w in opts.operands]
    if "root" in operands:
        return CRITICAL, "deletes the root account"
    if len(operands) == 2:  # `deluser USER GROUP`: leaves a group
        if operands[1] in ADMIN_GROUPS:
            return HIGH, f"takes a user out of the {operands[1]} group: they lose its rights"
        return MODERATE, "removes a user from a group"
    if opts.has("-r", "-f", "--remove", "--remove-home", "--remove-all-files", "--force"):
        return CRITICAL, "deletes a user account and all of its files"
    return MODERATE, f"{what} (its files stay)"


# usermod options that only rename, describe or move an account, or join ordinary groups.
_ROUTINE_CHANGES = frozenset(split_words("a c d m l e f s G g"))
_LONG_LETTERS = {
    "--append": "a",
    "--comment": "c",
    "--home": "d",
    "--move-home": "m",
    "--login": "l",
    "--expiredate": "e",
    "--inactive": "f",
    "--shell": "s",
    "--groups": "G",
    "--gid": "g",
    "--lock": "L",
    "--unlock": "U",
    "--uid": "u",
    "--non-unique": "o",
    "--password": "p",
}
_NO_LOGIN = ("nologin", "false", "/nonexistent", "/bin/true", "/dev/null")
# Accounts that run services and never log in: a shell given to one is a quiet way in.
SERVICE_ACCOUNTS = frozenset(
    split_words(
        "nobody daemon bin sys sync games man lp mail news uucp proxy www-data backup list irc "
        "gnats systemd-network systemd-resolve messagebus sshd nginx apache httpd postgres mysql "
        "redis ftp _apt"
    )
)


# The account running the command, however it is written (`$USER`, `$(whoami)`, `$(logname)`).
_SELF = lazy_pattern(
    r"^[\"']?(\$\{?(USER|LOGNAME|SUDO_USER)\}?|\$\(\s*(whoami|logname|id\s+-u?n?u?)\s*\)"
    r"|`\s*(whoami|logname)\s*`)[\"']?$"
)


def is_self(raw: str) -> bool:
    """True when a user name is written as the person's own account."""
    return bool(_SELF.match(raw))


def _changed_account(opts: Options) -> tuple[RiskLevel, str]:
    operands = [w.value for w in opts.operands]
    user = operands[-1] if operands else "an account"
    raw = opts.operands[-1].raw if opts.operands else ""
    joined = [v for v in (admin_member(g) for g in _groups_joined(opts)) if v is not None]
    if joined:
        return max(joined, key=lambda verdict: verdict[0])
    replaced = opts.value("-G", "--groups") is not None and not opts.has("-a", "--append")
    if replaced and is_self(raw):
        return HIGH, "replaces your groups with the ones listed: you leave sudo and the rest"
    password = _given(opts, "-p", "--password")
    if password is not None:
        if password == "":
            return CRITICAL, f"leaves {user} without a password: anyone can log in as it"
        return (CRITICAL if user == "root" else HIGH), f"sets the password of {user} directly"
    shell = opts.value("-s", "--shell") or ""
    expiry = opts.value("-e", "--expiredate") or ""
    if shell.endswith(_NO_LOGIN) or expiry in ("0", "1") or expiry.startswith("1970"):
        return HIGH, f"stops {user} from logging in (shell or expiry)"
    if shell and user in SERVICE_ACCOUNTS:
        return HIGH, f"lets the service account {user} log in with a shell: a way in nobody watches"
    if user == "root" and opts.has("-L", "--lock", "-e"):
        return HIGH, "locks root out: nobody may log in as root"
    letters = set(opts.short) | {_LONG_LETTERS.get(name, "?") for name in opts.long}
    if letters and letters <= _ROUTINE_CHANGES:
        return MODERATE, "changes a user account (name, home, shell, groups or expiry)"
    return HIGH, "changes a user account (groups, shell, lock)"


def _gpasswd(opts: Options) -> tuple[RiskLevel, str] | None:
    """`gpasswd -a USER GROUP`, `-M USERS GROUP`: joining; `-d USER GROUP`: leaving."""
    operands = [w.value for w in opts.operands]
    group = operands[-1] if operands else ""
    if opts.value("-a", "--add", "-M", "--members") is not None:
        return admin_member(group) or (MODERATE, "adds a user to a group")
    if opts.value("-d", "--delete") is not None:
        if group in ("sudo", "wheel", "admin"):
            return HIGH, f"takes a user out of the {group} group: they lose sudo"
        return MODERATE, "removes a user from a group"
    return None


def _fed(command: Command) -> bool:
    """The password comes from a pipe or a here-string, not from a person typing it."""
    return command.stdin is not None or any(r.op in ("<<", "<<<", "<") for r in command.redirects)


def _stdin(command: Command) -> str:
    stdin = command.stdin
    if stdin is not None and stdin.literal is not None:
        return " ".join(word.value for word in stdin.literal)
    bodies = [r.body.value for r in command.redirects if r.body is not None]
    return " ".join(bodies)


def _sets_root(command: Command) -> bool:
    """`echo root:pw | chpasswd`, `printf 'root:%s' "$PW" | chpasswd`: a line for root."""
    text = _stdin(command) + " " + " ".join(command.stdin.reads if command.stdin else ())
    return bool(re.search(r"(^|[\s'\"])root:", text))


ADMIN_GROUPS = frozenset(
    split_words("sudo wheel admin root adm shadow disk lxd kmem sys docker libvirt 0")
)


def _given(opts: Options, *names: str) -> str | None:
    """The value of the first option of `names` given, "" when given empty (`--password ""`)."""
    for name in names:
        if name in opts.values:
            return opts.values[name]
        if name in opts.long:
            return opts.long[name]
    return None


def _uid_zero(opts: Options) -> bool:
    return opts.value("-u", "--uid") in ("0", "00")


def _passwd(argv: list[str]) -> tuple[RiskLevel, str]:
    operands = [a for a in argv if not a.startswith("-")]
    flags = [a for a in argv if a.startswith("--")]
    flags += [f"-{c}" for a in argv if a[:1] == "-" and a[1:2] != "-" for c in a[1:]]
    if any(f in ("-S", "--status") for f in flags) or any(f in ("-a", "--all") for f in flags):
        return SAFE, "shows password status"
    if any(f in ("-d", "--delete") for f in flags):
        who = operands[0] if operands else "your account"
        return CRITICAL, f"removes the password of {who}: anyone can log in as it"
    if not operands and not flags:
        return MODERATE, "changes your own password"
    if operands and operands[0] != "root" and not flags:
        return MODERATE, f"sets the password of {operands[0]}"
    if any(f in ("-e", "--expire") for f in flags) and operands and operands[0] != "root":
        return MODERATE, f"makes {operands[0]} choose a new password at the next log-in"
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
    opts = options(command, "-g --gid -n --new-name -p --password -K --key -R --root -P -s --shell")
    operands = [w.value for w in opts.operands]
    if command.name == "addgroup" and len(operands) == 2:  # `addgroup USER GROUP` (busybox)
        verdict = admin_member(operands[1])
        if verdict is not None:
            ctx.add(verdict[0], verdict[1], command)
            return
    if command.name == "newusers":  # its input is in the /etc/passwd format
        content = config_content("/etc/passwd", _stdin(command))
        if content is not None:
            ctx.add(content.level, f"{content.reason} (newusers)", command)
            return
    if command.name == "delgroup" and len(operands) == 1 and operands[0] in ADMIN_GROUPS:
        ctx.add(HIGH, f"deletes the {operands[0]} group: its members lose their rights", command)
        return
    if command.name == "delgroup" and len(operands) == 2 and operands[1] in ADMIN_GROUPS:
        ctx.add(HIGH, f"takes a user out of the {operands[1]} group: they lose its rights", command)
        return
    if command.name in ("groupmod", "groupadd") and opts.value("-g", "--gid") == "0":
        ctx.add(HIGH, "gives a group root's group id 0: its members share root's group", command)
        return
    if (
        command.name == "groupmod"
        and opts.value("-n", "--new-name")
        and set(operands) & _SUDO_GROUPS
    ):
        ctx.add(HIGH, "renames an administrators' group: sudo no longer finds it", command)
        return
    shell = opts.value("-s", "--shell") or ""
    if command.name == "chsh" and shell.endswith(_NO_LOGIN):
        who = operands[-1] if operands else "you"
        ctx.add(HIGH, f"stops {who} from logging in (shell {shell})", command)
        return
    ctx.add(MODERATE, f"changes groups or account details ({command.name})", command)


# dscl's commands, written with or without the leading dash.
_DSCL_READS = frozenset(split_words("read readall readpl readpli list search diff cd help"))
_DSCL_ADDS = frozenset(split_words("create append merge change changei createpl appendpl mergepl"))
_MAC_ADMIN_GROUPS = frozenset(split_words("admin wheel"))


def dscl(command: Command, ctx: Context) -> None:
    """`dscl . -append /Groups/admin GroupMembership x`, `dscl . -create /Users/x UniqueID 0`,
    `dscl . -passwd /Users/x PASSWORD`, `dscl . -delete /Users/x`."""
    argv = command.argv
    index = next((i for i, a in enumerate(argv) if a.lstrip("-").lower() in _DSCL_ALL), None)
    if index is None:
        ctx.add(MODERATE, "changes accounts or groups (dscl)", command)
        return
    verb = argv[index].lstrip("-").lower()
    rest = argv[index + 1 :]
    record = rest[0] if rest else ""
    name = record.rstrip("/").rsplit("/", 1)[-1]
    if verb in _DSCL_READS:
        return
    if verb in _DSCL_ADDS:
        key = rest[1].lower() if len(rest) > 1 else ""
        values = rest[2:]
        if key in ("uniqueid", "primarygroupid") and "0" in values:
            ctx.add(CRITICAL, f"gives {name} root's id 0: a second root (dscl)", command)
        elif key == "primarygroupid" and "80" in values:
            ctx.add(HIGH, f"makes {name} an administrator (group 80, admin; dscl)", command)
        elif key == "ishidden" and values[:1] in (["1"], ["yes"], ["true"]):
            ctx.add(HIGH, f"hides the account {name} from the login window (dscl)", command)
        elif record.startswith("/Groups/") and name in _MAC_ADMIN_GROUPS and "guest" in values:
            reason = "makes the guest account, which needs no password, an administrator (dscl)"
            ctx.add(CRITICAL, reason, command)
        elif record.startswith("/Groups/") and name in _MAC_ADMIN_GROUPS and values:
            ctx.add(HIGH, f"makes a user an administrator ({name} group, dscl)", command)
        else:
            ctx.add(MODERATE, f"changes accounts or groups (dscl {verb})", command)
    elif verb == "passwd":
        if len(rest) < 2:
            ctx.add(MODERATE, f"changes the password of {name} (dscl)", command)
        else:
            level = CRITICAL if name == "root" else HIGH
            ctx.add(level, f"sets the password of {name} in the command line (dscl)", command)
    elif verb in ("delete", "deletepl") and len(rest) > 1:  # one attribute, not the record
        what = f"{rest[1]} of {record}"
        ctx.add(
            HIGH if name in ("root", *_MAC_ADMIN_GROUPS) else MODERATE,
            f"removes {what} (dscl)",
            command,
        )
    elif verb in ("delete", "deletepl"):
        level = CRITICAL if name in ("root", *_MAC_ADMIN_GROUPS) else HIGH
        ctx.add(level, f"deletes {record or 'a record'} (dscl)", command)
    else:
        ctx.add(MODERATE, f"changes accounts or groups (dscl {verb})", command)


_DSCL_ALL = _DSCL_READS | _DSCL_ADDS | frozenset(split_words("passwd delete deletepl auth"))


def dseditgroup(command: Command, ctx: Context) -> None:
    """`dseditgroup -o edit -a USER -t user admin`: membership of macOS groups."""
    opts = options(command, "-o -a -d -t -n -u -P -r -c -i -g -k -m -q -T -L")
    operation = opts.value("-o") or ""
    group = next((w.value for w in reversed(opts.operands)), "")
    if operation in ("read", "checkmember", ""):
        return
    if operation == "edit" and opts.value("-a") and group in _MAC_ADMIN_GROUPS:
        ctx.add(HIGH, f"makes a user an administrator ({group} group, dseditgroup)", command)
    elif operation == "delete" and group in _MAC_ADMIN_GROUPS:
        ctx.add(CRITICAL, f"deletes the {group} group: nobody may administer the Mac", command)
    else:
        ctx.add(MODERATE, f"changes accounts or groups (dseditgroup -o {operation})", command)


def sysadminctl(command: Command, ctx: Context) -> None:
    """macOS's `sysadminctl -addUser NAME [-password PW] [-admin]`, `-deleteUser`, ..."""
    argv = command.argv
    lower = [a.lower() for a in argv]

    def value(flag: str) -> str | None:
        return argv[lower.index(flag) + 1] if flag in lower[:-1] else None

    if "-adduser" in lower:
        password = value("-password")
        typed = password is not None and password != "-"
        if "-admin" in lower:
            level = CRITICAL if typed else HIGH
            ctx.add(level, "creates an administrator account (sysadminctl)", command)
        elif typed:
            ctx.add(HIGH, "creates an account with a password written in the line", command)
        else:
            ctx.add(MODERATE, "creates a user account (sysadminctl)", command)
    elif "-deleteuser" in lower:
        level = MODERATE if "-keephome" in lower else HIGH
        ctx.add(level, "deletes a user account (sysadminctl)", command)
    elif "-resetpasswordfor" in lower:
        user = value("-resetpasswordfor") or "a user"
        level = CRITICAL if user == "root" else HIGH
        ctx.add(level, f"sets the password of {user} in the command line (sysadminctl)", command)
    elif "-guestaccount" in lower and value("-guestaccount") == "on":
        ctx.add(HIGH, "turns on the guest account (sysadminctl)", command)
    elif any(a in lower for a in ("-list", "-securetokenstatus", "status")) or not argv:
        return
    else:
        ctx.add(MODERATE, "changes accounts or system settings (sysadminctl)", command)


def dsenableroot(command: Command, ctx: Context) -> None:
    if "-d" in command.argv:
        ctx.add(MODERATE, "turns off the root account (dsenableroot -d)", command)
    else:
        ctx.add(HIGH, "turns on the root account of the Mac (dsenableroot)", command)


def bsd_pw(command: Command, ctx: Context) -> None:
    """FreeBSD's `pw useradd|usermod|userdel|groupmod ...`."""
    argv = command.argv
    sub = argv[0] if argv else ""
    rest = command.wrapped(command.args[1:], "pw")
    opts = options(rest, "-u -g -G -m -M -n -c -d -s -p -h -H -e -C -L -k -w -y -l -R -V")
    if sub in ("useradd", "usermod") and _uid_zero(opts):
        ctx.add(CRITICAL, "makes an account with root's user id 0: a second root", command)
        return
    if sub in ("groupmod", "groupadd") and opts.value("-m", "-M"):
        group = opts.value("-n") or next((w.value for w in opts.operands), "")
        verdict = admin_member(group)
        if verdict is not None:
            ctx.add(verdict[0], verdict[1], command)
            return
    if sub in ("useradd", "usermod") and opts.value("-G", "-g"):
        joined = [admin_member(g) for g in (opts.value("-G") or opts.value("-g") or "").split(",")]
        verdicts = [v for v in joined if v is not None]
        if verdicts:
            ctx.add(*max(verdicts, key=lambda verdict: verdict[0]), command)
            return
    if sub in ("useradd", "usermod", "userdel", "groupmod", "groupdel", "lock"):
        ctx.add(HIGH if sub != "useradd" else MODERATE, f"changes accounts (pw {sub})", command)


def sudo(command: Command, ctx: Context) -> None:
    start = skip_options(command.args, _SUDO_VALUES)
    own = [w.value for w in command.args[:start]]  # sudo's own options, not the command's
    if any(a in ("-v", "-k", "-K", "--list", "--validate") or re.fullmatch("-l+", a) for a in own):
        return  # `sudo -l`, `sudo -ll`: lists what you may run
    if command.name == "doas" and "-C" in own:
        return  # `doas -C /etc/doas.conf [cmd]`: checks the rules, runs nothing
    if any(re.search(r"#(-1|4294967295)$", a) for a in own):
        reason = "asks sudo for user id -1: an old flaw (CVE-2019-14287) turns it into root"
        ctx.add(HIGH, reason, command)
    rest = command.args[start:]
    if command.name == "sudo" and any(a in ("-e", "--edit") for a in own):
        edit(command, ctx, [w.value for w in rest])
        return
    if rest and re.fullmatch(r"[A-Za-z_]\w*=.*", rest[0].value):  # `sudo LD_PRELOAD=x ls`
        ctx.run_code(literal("env " + " ".join(shlex.quote(w.value) for w in rest)), command)
    if any(a == "--stdin" or re.fullmatch(r"-[a-zA-Z]*S[a-zA-Z]*", a) for a in own):
        typed = _stdin(command)
        if typed.strip() and "$" not in typed:
            reason = "types the sudo password into the command line: it stays in the history"
            ctx.add(HIGH, reason, command)
    if start >= len(command.args) and any(a in ("-i", "-s", "--login", "--shell") for a in own):
        fed = command.stdin is not None or any(
            r.op in ("<<", "<<<", "<") for r in command.redirects
        )
        if fed:  # `sudo -s <<< 'CODE'`, `echo CODE | sudo -i`: the root shell runs what it reads
            code.stdin_code(command, ctx, "shell")
        ctx.add(MODERATE, "opens a shell as root (or another user)", command)
        return
    saved = _saved_secret(command)
    if saved is not None:
        ctx.add(HIGH, saved, command)
    if start < len(command.args) and _inner_is_harmless(command, ctx):
        return  # `sudo fdisk -l`: reading as root changes nothing
    ctx.add(MODERATE, f"runs as another user (usually root) with {command.name}", command)


def _saved_secret(command: Command) -> str | None:
    """`sudo cat /etc/shadow > /tmp/x`: the shell, not root, writes the file, so it belongs to
    the person and others may read it."""
    written = [
        r.target.value
        for r in command.redirects
        if r.writes and r.target is not None and r.target.value not in paths.HARMLESS_SINKS
    ]
    if not written:
        return None
    layers, _code = expand(command)
    for layer in layers[1:]:
        if layer.name in _LISTERS:
            continue
        if layer.name == "getent" and set(layer.argv) & {"shadow", "gshadow"}:
            return f"saves the system's password hashes to {written[0]}, a file others may read"
        for word in layer.args:
            normal = paths.normalise(word.value)
            if normal in ("/etc/shadow", "/etc/gshadow") or exposed.system_secret(normal):
                what = flow.secret_path(word.value) or word.value
                return f"saves {what} to {written[0]}, a file others may read"
    return None


def sudoedit(command: Command, ctx: Context) -> None:
    edit(command, ctx, [w.value for w in command.args if not w.value.startswith("-")])


def edit(command: Command, ctx: Context, files: list[str]) -> None:
    """`sudoedit F`, `sudo -e F`: F edited by hand as root, rated as `vi F` run by root."""
    how = "sudoedit" if command.name == "sudoedit" else f"{command.name} -e"
    ctx.add(MODERATE, f"edits files as root ({how})", command)
    if files:
        ctx.run_code(literal("vi " + " ".join(shlex.quote(f) for f in files)), command)


_MAX_HARMLESS_LAYERS = 16


def _inner_is_harmless(command: Command, ctx: Context) -> bool:
    """True when every rule the wrapped command meets finds nothing to say about it."""
    from tui.core.safety.rules import check_layer  # the dispatcher imports this module

    layers, code = expand(command)
    if code or len(layers) < 2 or len(layers) > _MAX_HARMLESS_LAYERS:
        return False  # `sudo sudo ... sudo x`: each sudo checked the rest again (cubic)
    scratch = Context(variables=dict(ctx.variables), cwd=ctx.cwd, functions=set(ctx.functions))
    for layer in layers[1:]:
        if _reads_secret(layer):
            return False  # `sudo cat /etc/shadow`: root reads what nobody else may
        check_layer(layer, scratch)
    return not scratch.findings


# Programs that show names, sizes and modes, never what a file holds.
_LISTERS = frozenset(split_words("ls ll dir tree du stat find namei getfacl lsattr file"))
# Files only root may read that hold rules, not credentials.
_POLICY_FILES = ("/etc/sudoers",)


def _reads_secret(layer: Command) -> bool:
    """`sudo cat /etc/shadow`, `sudo tar c ~/.ssh`; not `sudo ls /root`, `sudo cat /etc/sudoers`."""
    if layer.name in _LISTERS:
        return False
    policies = [w for w in layer.args if paths.normalise(w.value).startswith(_POLICY_FILES)]
    rest = tuple(w for w in layer.words if w not in policies)
    return flow.secret_command(replace(layer, words=rest) if policies else layer) is not None


def switch_user(command: Command, ctx: Context) -> None:
    ctx.add(MODERATE, f"runs as another user ({command.name})", command)


# Capabilities that are root in all but name; and ones that only open a narrow door.
_ROOT_CAPS = frozenset(
    split_words(
        "cap_setuid cap_setgid cap_sys_admin cap_dac_override cap_dac_read_search cap_sys_ptrace "
        "cap_sys_module cap_chown cap_fowner cap_sys_rawio all"
    )
)
_NETWORK_CAPS = frozenset(split_words("cap_net_raw cap_net_admin"))  # mild for one tool only
_MILD_CAPS = frozenset(
    split_words(
        "cap_net_bind_service cap_net_raw cap_net_admin cap_sys_nice cap_ipc_lock cap_wake_alarm"
    )
)


def setcap(command: Command, ctx: Context) -> None:
    argv = command.argv
    operands = [a for a in argv if not a.startswith("-")]
    if "-r" in argv or not any(re.search(r"[+=]", a) for a in operands):
        if "-r" in argv:
            ctx.add(MODERATE, "removes a program's file capabilities", command)
        return
    caps = set(re.findall(r"cap_[a-z_]+|\ball\b", " ".join(operands[:-1]).lower()))
    if any(a.startswith("=") for a in operands[:-1]):  # `=ep`: every capability there is
        caps.add("all")
    named = [w for w in command.args if not w.value.startswith("-")]
    target = program_name(named[-1]) if named else ""
    interpreter = is_shell_program(target) or target.startswith(("python", "perl", "ruby"))
    if caps & _ROOT_CAPS and interpreter:
        ctx.add(CRITICAL, f"lets {target} become root: anyone can take over", command)
    elif caps and caps <= _MILD_CAPS and not (interpreter and caps & _NETWORK_CAPS):
        ctx.add(MODERATE, f"lets {target} do one privileged thing ({sorted(caps)[0]})", command)
    else:
        ctx.add(HIGH, "gives a program special privileges (file capabilities)", command)


_LOOKED_UP = lazy_pattern(r"(?:\bwhich|\bcommand\s+-v|\btype\s+-p)\s+([\w.+-]+)")
_RESOLVED = lazy_pattern(r"\b(?:readlink|realpath)(?:\s+-\w+)*\s+['\"]?([\w./+][\w./+-]*)")


def program_name(word: Word) -> str:
    """The program a word names: `/bin/bash`, `$(which bash)`, `$(readlink -f $(which node))`,
    find's `/{bash}` match."""
    if word.raw.lstrip("\"'").startswith(("$(", "`")):
        looked_up = _LOOKED_UP.search(word.raw) or _RESOLVED.search(word.raw)
        if looked_up:
            return posixpath.basename(looked_up.group(1))
    return posixpath.basename(word.value).strip("{}")


def is_shell_program(name: str) -> bool:
    """A shell or interpreter, under any version or build suffix (`python3.11`, `vim.basic`)."""
    name = name.rstrip("*?")  # `/usr/bin/python3*`
    return any(
        form in ROOT_SHELL_PROGRAMS
        for form in (name, name.split(".", 1)[0], name.rstrip("0123456789.-"))
    )


# Programs that give a shell or run code: made setuid root, they hand root to every user.
ROOT_SHELL_PROGRAMS = frozenset(
    split_words(
        "sh bash dash zsh ksh fish csh tcsh python python3 python2 perl ruby node php lua vim vi "
        "nano less more find awk gawk env cp mv tee dd busybox nmap tar zip bash.real gdb strace "
        "ltrace ed emacs tclsh wish expect xargs nice timeout stdbuf taskset flock ionice setarch "
        "socat rsync git make docker sed mawk nawk mksh ash rbash nodejs rvim screen tmux ssh "
        "unshare nsenter chroot capsh run-parts start-stop-daemon jjs jrunscript nvim"
    )
)


_PDBEDIT_READS = frozenset(split_words("-L --list -v --verbose -w --smbpasswd-style"))


def samba_accounts(command: Command, ctx: Context) -> None:
    """`smbpasswd -a -n guest`: a Samba account that needs no password to log in."""
    argv = command.argv
    if command.name == "pdbedit" and argv and set(argv) <= _PDBEDIT_READS | _operands(argv):
        return
    letters = {c for a in argv if re.fullmatch(r"-[a-zA-Z]+", a) for c in a[1:]}
    user = next((a for a in reversed(argv) if not a.startswith("-")), "an account")
    if command.name == "smbpasswd" and "n" in letters:
        reason = f"gives the Samba account {user} no password: anyone on the network can use it"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"changes Samba accounts or passwords ({command.name})", command)


def _operands(argv: list[str]) -> set[str]:
    return {a for a in argv if not a.startswith("-")}


RULES: dict[str, Rule] = {
    "setcap": setcap,
    **dict.fromkeys(split_words("smbpasswd pdbedit"), samba_accounts),
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
    "sudoedit": sudoedit,
    "dscl": dscl,
    "dseditgroup": dseditgroup,
    "sysadminctl": sysadminctl,
    "dsenableroot": dsenableroot,
    "pw": bsd_pw,
    **dict.fromkeys(split_words("su runuser sg"), switch_user),
}
