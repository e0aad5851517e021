"""Access to files beyond chmod: ACLs (setfacl), the immutable flag (chattr), and modes that
lock out or open up the files the system relies on."""

from __future__ import annotations

import posixpath
import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules import exposed
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.targets import classify_permissions, root_runs
from tui.core.safety.words import split_words

# Programs that, left without any permission, take the way to repair the machine with them.
_REPAIR_TOOLS = frozenset(split_words("chmod chown sudo su bash sh ls cp mv login passwd setfacl"))
ROOT_SOCKETS = ("/var/run/docker.sock", "/run/docker.sock", "/run/containerd/containerd.sock")


_BIN = frozenset(split_words("/bin /sbin /usr/bin /usr/sbin /usr/local/bin"))
_RAW = frozenset(split_words("/dev/mem /dev/kmem /dev/port"))
_KEYBOARDS = ("/dev/input/", "/dev/uinput", "/dev/hidraw")


def _raw_memory_or_disk(path: str) -> bool:
    return path in _RAW or paths.is_block_device(path)


def _no_execute(mode: str) -> bool:
    """True when no one may run the file after the mode: `000`, `644`, `-x`, `a-x`, `a=rw`."""
    if mode.isdigit():
        return len(mode) >= 1 and all(int(digit) % 2 == 0 for digit in mode[-3:])
    for clause in mode.split(","):
        match = re.fullmatch(r"([ugoa]*)([-=])([rwxXst]*)", clause)
        if not match or not (match.group(1) in ("", "a") or set("ugo") <= set(match.group(1))):
            continue
        if (match.group(2) == "-" and "x" in match.group(3)) or (
            match.group(2) == "=" and "x" not in match.group(3)
        ):
            return True
    return False


# Folders every user and service must pass through: without the search right they reach
# nothing below.
_SHARED_TREES = (paths.SYSTEM_ROOTS - {"/root", "/proc", "/sys", "/private"}) | frozenset(
    split_words("/home /Users /usr/bin /usr/sbin /usr/lib /usr/share /var/lib /etc/ssl")
)


def _closes_to_others(mode: str) -> bool:
    """True when the others lose the search right: `000`, `700`, `o-x`, `a=r`, `go-rwx`."""
    if mode.isdigit():
        return int(mode[-1]) % 2 == 0
    for clause in mode.split(","):
        match = re.fullmatch(r"([ugoa]*)([-=])([rwxXst]*)", clause)
        if not match or not (match.group(1) in ("", "a") or "o" in match.group(1)):
            continue
        if (match.group(2) == "-") == ("x" in match.group(3)) and "X" not in match.group(3):
            return True
    return False


# Folders every user writes to, kept apart only by the sticky bit.
_STICKY_DIRS = frozenset(split_words("/tmp /var/tmp /dev/shm /private/tmp"))


def _clears_sticky(mode: str) -> bool:
    """`777` (a numeric mode without the 1000 bit clears it on a folder), `-t`, `a=rwx`."""
    if mode.isdigit():  # (with write taken from the others too, nobody can share the folder)
        return (len(mode) < 4 or int(mode[-4]) & 1 == 0) and mode[-1] in "2367"
    for clause in mode.split(","):
        match = re.fullmatch(r"([ugoa]*)([-=])([rwxXst]*)", clause)
        if match is None:
            continue
        who, op, perms = match.groups()
        others = who in ("", "a") or "o" in who  # the sticky bit goes with the others' class
        shared = op == "=" and "t" not in perms and "w" in perms and others
        if (op == "-" and "t" in perms) or shared:
            return True
    return False


def _opens_to_others(mode: str) -> bool:
    """Read or write for others: `666`, `o+rw`, `a+r`, `+w`."""
    if mode.isdigit():
        return len(mode) >= 3 and mode[-1] in "234567"
    return any(
        re.fullmatch(r"[ugoa]*[+=][rwxXst]*", c) is not None
        and (c[0] in "+=ao" or "o" in c.split("+")[0].split("=")[0])
        and bool(set(c) & set("rw"))
        for c in mode.split(",")
    )


# Files in a home that hold passwords or tokens (besides the key folders).
_SECRET_FILES = frozenset(
    split_words(".netrc .git-credentials .pgpass .my.cnf .npmrc .pypirc .docker/config.json")
)
_PUBLIC_IN_KEY_DIRS = ("known_hosts", "known_hosts.old", "authorized_keys", "config")


def _secret_in_home(rel: str) -> bool:
    """`.ssh/id_rsa`, `.gnupg/...`, `.aws/credentials`, `.kube/config`, `.netrc`, ..."""
    if rel in _SECRET_FILES or rel.startswith((".ssh/id_", ".gnupg/")):
        return True
    top, _, rest = rel.partition("/")
    if top == ".ssh":
        return bool(rest) and not rest.endswith(_PUBLIC_IN_KEY_DIRS) and "id_" in rest
    return top in paths.CREDENTIAL_DIRS and bool(rest)


def mode_effects(mode: str, targets: list[str], command: Command, ctx: Context) -> None:
    """Extra verdicts for chmod: a lock-out of repair tools, an opened root socket or a
    private host key readable by everyone."""
    for target in targets:
        path = paths.normalise(target)
        name = posixpath.basename(path)
        if name in _REPAIR_TOOLS and posixpath.dirname(path) in _BIN and _no_execute(mode):
            ctx.add(
                HIGH, f"takes the right to run {path} from everyone: nobody can run it", command
            )
        if path.startswith(_KEYBOARDS) and _opens_to_others(mode):
            reason = f"lets every user read {path}: every key typed, passwords too"
            ctx.add(HIGH, reason, command)
        if _raw_memory_or_disk(path) and _opens_to_others(mode):
            reason = f"lets every user read and write {path} directly: every file on it, root's too"
            ctx.add(CRITICAL, reason, command)
        if path in ROOT_SOCKETS and mode[-1:] in ("6", "7", "2", "3"):
            reason = f"lets every user use {path}: that is root for everyone"
            ctx.add(CRITICAL, reason, command)
        if (path == "/" or path in _SHARED_TREES) and _closes_to_others(mode):
            level = CRITICAL if path == "/" else HIGH
            reason = f"takes from other users the right to enter {path}: the programs and"
            ctx.add(level, f"{reason} services that run as them stop working", command)
        if path in _STICKY_DIRS and _clears_sticky(mode):
            reason = f"takes the sticky bit off {path}: any user can delete or replace the files"
            ctx.add(HIGH, f"{reason} of the others there", command)
        rel = paths.home_relative(path) or ""
        private = path.startswith("/etc/ssh/ssh_host_") or _secret_in_home(rel)
        readable = mode[-1:] in ("4", "5", "6", "7") or re.search(r"[ao]\+\w*r", mode)
        if private and not path.endswith(".pub") and readable:
            ctx.add(HIGH, f"lets every user read {path}, a private key or secret", command)


def setfacl(command: Command, ctx: Context) -> None:
    argv = command.argv
    if any(a in ("-x", "-b", "-k", "--remove", "--remove-all") for a in argv):
        ctx.add(MODERATE, "removes access rules (setfacl)", command)
        return
    recursive = any(a in ("-R", "--recursive") for a in argv)
    given = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in _SPEC_OPTIONS]
    given += [a.partition("=")[2] for a in argv if a.partition("=")[0] in _SPEC_OPTIONS]
    targets = [a for a in argv if not a.startswith("-") and a not in given]
    specs = [entry for spec in given for entry in spec.split(",") if entry]
    system = any(
        paths.area(paths.normalise(t)) in ("root", "vital", "key_file", "system")
        or root_runs(paths.normalise(t))
        for t in targets
    )
    # write for the others, or for anyone at all on the system's files (`u:www-data:rwX` on an
    # app's folder is one user, not every user)
    loose = any(
        _acl_kind(spec) == "o" or ("w" in spec.rsplit(":", 1)[-1] and system) for spec in specs
    )
    opened = [s for s in specs if set(s.rsplit(":", 1)[-1]) & set("rw") and ":root:" not in s]
    for spec in opened:
        perms = spec.rsplit(":", 1)[-1]
        owner_entry = re.match(r"^(d:|default:)?(u|user|g|group)::", spec) is not None
        exposed.opened(
            targets,
            readable="r" in perms and not owner_entry,
            writable="w" in perms and not owner_entry,
            who=_acl_who(spec),
            command=command,
            ctx=ctx,
        )
    for target in targets:
        path = paths.normalise(target)
        if opened and _raw_memory_or_disk(path):
            reason = f"lets {_acl_who(opened[0])} read and write {path} directly: root's files too"
            ctx.add(CRITICAL, reason, command)
        elif opened and path in ROOT_SOCKETS:  # as a member of the docker group; every user: worse
            everyone = any(_acl_kind(spec) == "o" for spec in opened)
            reason = f"lets {_acl_who(opened[0])} use {path}: that is root"
            ctx.add(CRITICAL if everyone else HIGH, reason, command)
    readers = [
        spec
        for spec in specs
        if "r" in spec.rsplit(":", 1)[-1]
        and ":root:" not in f":{spec}"
        and not re.match(r"^(u|user|g|group)::", spec)  # the owner's own entry
    ]
    if readers and {paths.normalise(t) for t in targets} & {"/etc/shadow", "/etc/gshadow"}:
        reason = f"lets {_acl_who(readers[0])} read the password hashes (setfacl)"
        ctx.add(CRITICAL, reason, command)
    for target in targets:
        verdict = classify_permissions(
            target, recursive=recursive, verb="changes the access rules of", loose=loose
        )
        level = verdict.level
        if loose and paths.area(paths.normalise(target)) in ("vital", "key_file"):
            level = CRITICAL
        ctx.add(level, verdict.reason, command)
    if not targets:
        ctx.add(MODERATE, "changes access rules (setfacl)", command)


_SPEC_OPTIONS = frozenset(split_words("-m --modify -M --modify-file --set"))


def _acl_kind(spec: str) -> str:
    """`o::rw`, `other:rw`, `d:o:rwx`, `default:other::rx` -> `o`; `u:bob:r` -> `u`."""
    parts = spec.split(":")
    if parts[0] in ("d", "default") and len(parts) > 1:
        parts = parts[1:]
    return {"other": "o", "user": "u", "group": "g", "mask": "m"}.get(parts[0], parts[0])


def _acl_who(spec: str) -> str:
    """`u:bob:r` -> `user bob`, `g:staff:r` -> `group staff`, `o::r` -> `every user`."""
    kind, _, rest = spec.partition(":")
    name = rest.rsplit(":", 1)[0] if ":" in rest else ""
    if _acl_kind(spec) == "o" or not name:
        return "every user"
    return f"{'group' if kind in ('g', 'group') else 'user'} {name}"


def _whole_home_or_service(target: str) -> bool:
    """`/home/pi`, `~`, `/var/www`: a home folder itself or a service's folder, not a subfolder."""
    home = re.fullmatch(r"(?:/home/[^/]+|/root|~[^/]*|/Users/[^/]+)/?", target) is not None
    return home or paths.area(target) == "important"


def chattr(command: Command, ctx: Context) -> None:
    argv = command.argv
    flags = [a for a in argv if a[:1] in "+-=" and len(a) > 1 and not a.startswith("--")]
    targets = [paths.normalise(a) for a in argv if a[:1] not in "+-="]
    immutable = any(f.startswith(("+", "=")) and ("i" in f or "a" in f) for f in flags)
    important = [t for t in targets if paths.area(t) in ("vital", "key_file", "root", "system")]
    important += [t for t in targets if paths.is_log(t)]
    # the usual way to stop a network manager rewriting the resolver list: nothing else fails
    important = [t for t in important if t != "/etc/resolv.conf"]
    unlocked = any(f.startswith("-") and ("i" in f or "a" in f) for f in flags)
    logs = [t for t in targets if paths.is_log(t)]
    whole = "-R" in argv and any(paths.area(t) == "root" or t in ("/usr", "/etc") for t in targets)
    if immutable and whole:  # `chattr -R +i /`: nothing on the system can change any more
        reason = f"makes everything under {targets[0]} unchangeable: the system stops working"
        ctx.add(CRITICAL, reason, command)
    elif immutable and "-R" in argv and any(_whole_home_or_service(t) for t in targets):
        reason = f"makes everything under {targets[0]} unchangeable: programs and logins fail"
        ctx.add(HIGH, reason, command)
    elif immutable and important:
        reason = f"makes {important[0]} unchangeable: updates, logins or logging start to fail"
        ctx.add(HIGH, reason, command)
    elif unlocked and logs:
        reason = f"lets {logs[0]} be rewritten, not only added to: its record can be falsified"
        ctx.add(HIGH, reason, command)
    elif flags:
        ctx.add(MODERATE, f"changes file attributes ({' '.join(flags)})", command)


RULES: dict[str, Rule] = {"setfacl": setfacl, "chattr": chattr}
