"""Path normalisation and what a path means for a person: the machine, a home, the system.

Values come from words.py: the home is `~`, unknown variables are `${NAME}`. `normalise` folds
`/usr/../`, `//` and `/./`; `area` says which part of the machine a normalised path is in.
"""

from __future__ import annotations

import fnmatch
import functools
import posixpath
import re

from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.words import split_words

SYSTEM_ROOTS = frozenset(
    split_words(
        "/bin /boot /dev /etc /lib /lib32 /lib64 /libx32 /proc /root /sbin /sys /usr /var /run "
        "/System /Library /Applications /private /nix /snap"
    )
)
VITAL_SUBDIRS = frozenset(
    split_words(
        "/usr/bin /usr/sbin /usr/lib /usr/lib32 /usr/lib64 /usr/libexec /usr/include /usr/share "
        "/usr/local /var/lib /var/log /var/spool /var/db /var/mail /etc/ssh /etc/pam.d "
        "/etc/sudoers.d /etc/systemd /etc/ssl /etc/apt /etc/default /etc/init.d /etc/security "
        "/boot/efi /boot/grub /boot/grub2 /private/etc /private/var /System/Library "
        "/lib/modules /usr/lib/modules /lib/firmware /usr/lib/firmware /var/lib/dpkg /var/lib/rpm "
        "/etc/ssl/certs /etc/ssl/private /etc/pki /etc/ca-certificates /usr/share/ca-certificates "
        "/lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /lib/aarch64-linux-gnu "
        "/usr/lib/aarch64-linux-gnu"
    )
)
# Whole directories worth a typed "yes", but whose insides are routine to clean up.
IMPORTANT_DIRS = frozenset(
    split_words(
        "/opt /srv /mnt /media /Volumes /tmp /var/tmp /var/cache /var/www /usr/local/bin "
        "/usr/local/sbin /usr/local/lib /usr/local/share /usr/local/include /usr/local/etc "
        "/private/tmp /dev/shm"
    )
)
ROUTINE_DIRS = frozenset({"/var/lib/apt/lists", "/usr/src", "/var/cache/apt"})
ROUTINE_PREFIXES = tuple(f"{d}/" for d in sorted(IMPORTANT_DIRS | ROUTINE_DIRS | {"/usr/local"}))
KEY_FILES = frozenset(
    split_words(
        "/etc/passwd /etc/shadow /etc/group /etc/gshadow /etc/sudoers /etc/fstab /etc/crypttab "
        "/etc/pam.conf /etc/inittab /etc/ld.so.conf /etc/ld.so.cache"
    )
)
ACCOUNT_FILES = frozenset(split_words("/etc/passwd /etc/shadow /etc/group /etc/gshadow"))
HISTORY_NAMES = frozenset(
    split_words(
        ".bash_history .zsh_history .zhistory .sh_history .history .ksh_history fish_history "
        "${HISTFILE}"
    )
)
AUDIT_LOGS = frozenset(
    split_words(
        "/var/log/wtmp /var/log/btmp /var/log/lastlog /var/log/auth.log /var/log/secure "
        "/var/log/syslog /var/log/messages /var/log/kern.log /var/run/utmp /run/utmp "
        "/var/log/audit /var/log/journal"
    )
)
RC_NAMES = frozenset(
    split_words(
        ".bashrc .bash_profile .bash_login .bash_logout .profile .zshrc .zprofile .zshenv .zlogin "
        ".cshrc .tcshrc .kshrc .mkshrc .xinitrc .xprofile .xsession .xsessionrc .zlogout"
    )
)
SYSTEM_RC = frozenset(
    split_words(
        "/etc/profile /etc/bash.bashrc /etc/bashrc /etc/zshrc /etc/zsh/zshrc /etc/zprofile "
        "/etc/environment /etc/zshenv /etc/zsh/zshenv /etc/zsh/zprofile /etc/zlogin "
        "/etc/zsh/zlogin /etc/csh.cshrc /etc/csh.login /etc/fish/config.fish /etc/zlogout "
        "/etc/zsh/zlogout"
    )
)
CREDENTIAL_DIRS = frozenset(split_words(".ssh .gnupg .aws .kube .password-store .docker"))
DISPOSABLE_IN_HOME = (
    ".cache",
    ".gradle",
    ".m2",
    ".nvm",
    ".pyenv",
    ".rbenv",
    ".rustup",
    ".node-gyp",
    ".pub-cache",
    ".vscode-server",
    ".conda/pkgs",
    ".ssh/known_hosts",
    ".ssh/known_hosts.old",
    ".ssh/config.old",  # an old copy of the client settings: no key in it
    ".ssh/config.bak",
    ".npm",
    ".yarn",
    ".pnpm-store",
    ".gradle/caches",
    ".m2/repository",
    ".cargo/registry",
    "Library/Caches",
    ".local/share/Trash",
    ".Trash",
)
PROGRAM_DIRS = frozenset(
    split_words("/bin /sbin /usr/bin /usr/sbin /lib /lib64 /usr/lib /usr/lib64")
)
HARMLESS_SINKS = frozenset(
    split_words(
        "/dev/null /dev/zero /dev/stdout /dev/stderr /dev/stdin /dev/tty /dev/console /dev/full "
        "/dev/random /dev/urandom"
    )
)
_DEVICE = lazy_pattern(
    r"^/dev/("
    r"[shv]d[a-z]+\d*|xvd[a-z]+\d*|nvme\d+(n\d+(p\d+)?)?|mmcblk\d+(p\d+)?|md\d+|md/.+|dm-\d+|"
    r"mapper/.+|r?disk\d+(s\d+)?|loop\d+|sr\d+|fd\d+|zram\d+|disk/by-.+|root|mem|kmem|port|"
    r"[shv]d\*|nvme\*|mmcblk\*|r?disk\*|[shv]d[a-z]?\[.*|nbd\d+|ubi.*|mtdblock\d+|mtd\d+|"
    r"[shv]d[a-z]?[?{][^/]*|nvme[\d?]*[?{][^/]*|"  # `/dev/sd?`, `/dev/sd{a..z}`: disks by pattern
    r"vg[^/]*/.+|sg\d+|st\d+|nst\d+|"
    r"(ada|da|ad|vtbd|nvd|mfid|wd|sd|rsd|rwd)\d+([ps]\d+)?[a-p]?"  # the BSDs: ada0p2, sd0a
    r")$"
)
_EMPTY_VARIABLE = lazy_pattern(r"^\$\{(\w+)\}/(\*|\.\*|\.)?$")
_FIND_MATCH = "{}"


def normalise(value: str) -> str:
    """Folds a path: `/usr/../` is `/`, `//` is `/`, `~/` is `~`, `./target/` is `target`."""
    if not value:
        return value
    if value == "~" or value.startswith("~/"):
        rest = posixpath.normpath("/" + value[2:])
        return "~" if rest == "/" else "~" + rest
    if value.startswith("/"):
        return posixpath.normpath("/" + value.lstrip("/"))
    folded = posixpath.normpath(value)
    return "./" + folded if folded.startswith("~") else folded  # a file named `~`, not home


_BRACES = lazy_pattern(r"\{([^{}]*,[^{}]*)\}")


def expand_braces(value: str, limit: int = 64) -> list[str]:
    """`/{bin,etc}` -> [`/bin`, `/etc`] (brace expansion, bounded to `limit` results)."""
    results = [value]
    while True:
        expanded: list[str] = []
        changed = False
        for item in results:
            match = _BRACES.search(item)
            if match is None:
                expanded.append(item)
                continue
            changed = True
            head, tail = item[: match.start()], item[match.end() :]
            expanded.extend(head + part + tail for part in match.group(1).split(","))
        results = expanded[:limit]
        if not changed or len(expanded) >= limit:
            return results


# Globs that name every hidden file and folder (`.[!.]*`, `..?*`): a home's settings and keys.
_DOT_GLOBS = (".*", ".[!.]*", ".[^.]*", "..?*", ".??*", ".[a-zA-Z0-9]*", ".[a-z]*")


def split_contents(path: str) -> tuple[str, bool]:
    """`/x/*` -> (`/x`, True): a trailing glob means everything inside the directory."""
    if path in ("*", "./*") or path in _DOT_GLOBS:
        return ".", True
    for suffix in ("/*", "/*/", *(f"/{glob}" for glob in _DOT_GLOBS)):
        if path.endswith(suffix):
            return path[: -len(suffix)] or "/", True
    return path, False


def empty_variable(value: str) -> str | None:
    """The variable name when the path is `$VAR/` or `$VAR/*` (which is `/` if VAR is empty)."""
    match = _EMPTY_VARIABLE.match(value)
    return match.group(1) if match else None


# Where homes live: Linux, macOS, FreeBSD (/usr/home), Silverblue (/var/home), Solaris.
_HOME_BASES = ("/home/", "/Users/", "/var/home/", "/usr/home/", "/export/home/")
_WSL_USERS = lazy_pattern(r"^/mnt/[a-zA-Z]/Users/")


def home_relative(path: str) -> str | None:
    """The part of `path` inside a home directory ("" for the home itself), or None."""
    if path == "~" or path.startswith("~/"):
        return path[2:]
    if path == "/root" or path.startswith("/root/"):
        return path[6:]
    wsl = _WSL_USERS.match(path)  # `/mnt/c/Users/bob`: a Windows home seen from WSL
    for base in (*_HOME_BASES, wsl.group(0) if wsl else "/Users/"):
        if path.startswith(base) and len(path) > len(base):
            parts = path[len(base) :].split("/", 1)
            if parts[0] in ("", "*", "Shared"):
                return None
            return parts[1] if len(parts) > 1 else ""
    return None


_PATTERN = lazy_pattern(r"[*?\[]")


def glob_reaches(path: str) -> list[str]:
    """The protected folders and files an absolute pattern can name: `/e?c` is `/etc`,
    `/u*/l*` is `/usr/lib` and `/usr/local`, `/h*/a*` is a home (any name can be a user's).
    Empty when the pattern is in no part above or at a protected place."""
    if not path.startswith("/") or not _PATTERN.search(path):
        return []
    parts = path.strip("/").split("/")
    reached = [
        known
        for known in _protected_places()
        if known.count("/") == len(parts) and _parts_match(known, parts)
    ]
    if len(parts) == 2 and _PATTERN.search(parts[1]):  # `/h*/a*`: a user's home
        bases = [base for base in _HOME_BASES if _parts_match(base.rstrip("/"), parts[:1])]
        reached.extend(base + parts[1] for base in bases if parts[1] not in ("*", "Shared"))
    return reached


def _parts_match(known: str, parts: list[str]) -> bool:
    names = known.strip("/").split("/")
    return len(names) == len(parts) and all(
        fnmatch.fnmatchcase(name, part) for name, part in zip(names, parts, strict=True)
    )


@functools.cache
def _protected_places() -> frozenset[str]:
    homes = frozenset(base.rstrip("/") for base in _HOME_BASES if base.count("/") == 2)
    return SYSTEM_ROOTS | VITAL_SUBDIRS | KEY_FILES | homes


def is_block_device(path: str) -> bool:
    return bool(_DEVICE.match(normalise(path)))


def is_history_file(path: str) -> bool:
    return posixpath.basename(path) in HISTORY_NAMES or path == "${HISTFILE}"


def is_system_rc(path: str) -> bool:
    """A start-up file every user's shell reads: `/etc/profile`, `/etc/profile.d/x.sh`."""
    return path in SYSTEM_RC or (path.startswith("/etc/profile.d/") and path.count("/") == 3)


def is_rc_file(path: str) -> bool:
    if is_system_rc(path):
        return True
    rel = home_relative(path)
    if rel is None:
        return False
    return rel in RC_NAMES or rel == ".config/fish/config.fish"


def is_log(path: str) -> bool:
    return path in ("/var/log", "/private/var/log") or path.startswith(
        ("/var/log/", "/private/var/log/")
    )


def is_audit_log(path: str) -> bool:
    return path in AUDIT_LOGS or path.startswith(("/var/log/audit/", "/var/log/journal/"))


def system_root(path: str) -> str | None:
    """The system directory (`/etc`, `/usr`, ...) that holds `path`, if any."""
    top = "/" + path.split("/")[1] if path.startswith("/") and len(path) > 1 else ""
    return top if top in SYSTEM_ROOTS else None


def is_routine(path: str) -> bool:
    """Inside a scratch, cache or third-party area (`/tmp/x`, `/opt/app`, `/usr/local/go`)."""
    return path in ROUTINE_DIRS or (
        path.startswith(ROUTINE_PREFIXES) and path not in IMPORTANT_DIRS
    )


def is_vital(path: str) -> bool:
    return path in SYSTEM_ROOTS or path in VITAL_SUBDIRS


def is_find_match(path: str) -> bool:
    name = posixpath.basename(path)
    return name == _FIND_MATCH or (name[:1] == "{" and name[-1:] == "}" and "," not in name)


def find_named(path: str) -> str:
    """`~/{.bashrc}` (what `find ~ -name .bashrc` hands over) as `~/.bashrc`, when find looks
    for one exact name; any other path as it is."""
    selects = posixpath.basename(path)[1:-1] if is_find_match(path) else ""
    if not selects or any(c in selects for c in "*?[]~{}"):
        return path
    return posixpath.join(posixpath.dirname(path), selects)


def find_selects(path: str) -> str:
    """What the tests of the find that fed `path` select: `*.conf`, `~recent` or ""."""
    selects = posixpath.basename(path)[1:-1]
    return selects if selects == _AGED else selects.removesuffix(_AGED)


def find_aged(path: str) -> bool:
    """Whether that find takes only files not changed for a while (`-mtime +30`)."""
    return posixpath.basename(path)[1:-1].endswith(_AGED)


_AGED = "~old"


def area(path: str) -> str:
    """Which part of the machine a normalised path names.

    One of: root, all_homes, home, home_top, home_credentials, home_disposable, home_inside,
    vital, key_file, important, routine, system, cwd, top, other.
    """
    if path == "/":
        return "root"
    if path in ("/home", "/Users", "/var/home", "/usr/home", "/export/home") or re.fullmatch(
        r"/mnt/[a-zA-Z]/Users", path
    ):
        return "all_homes"
    rel = home_relative(path)
    if rel is not None:
        return _home_area(rel)
    if path in KEY_FILES or path.startswith("/boot/"):
        return "key_file"
    if is_vital(path):
        return "vital"
    if path in IMPORTANT_DIRS:
        return "important"
    if is_routine(path):
        return "routine"
    if system_root(path):
        return "system"
    if path == "." or re.fullmatch(r"\.\.(/\.\.)*", path):
        return "cwd"
    if path.startswith("/") and path.count("/") == 1:
        return "top"
    return "other"


def _home_area(rel: str) -> str:
    if rel == "":
        return "home"
    top = rel.split("/", 1)[0]
    if any(rel == d or rel.startswith(d + "/") for d in DISPOSABLE_IN_HOME):
        return "home_disposable"
    if top in CREDENTIAL_DIRS:
        return "home_credentials"
    return "home_top" if "/" not in rel else "home_inside"


WORLD_WRITABLE = ("/tmp/", "/var/tmp/", "/dev/shm/", "/private/tmp/")


def is_world_writable(path: str) -> bool:
    """A path in a folder every user can write to (anyone could have put what is there)."""
    return (normalise(path) + "/").startswith(WORLD_WRITABLE)
