"""What deleting, writing or re-permissioning a path means, as a level and a reason."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from tui.core.safety import paths
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.windows import posix_path

SAFE = RiskLevel.SAFE
MODERATE = RiskLevel.MODERATE
HIGH = RiskLevel.HIGH
CRITICAL = RiskLevel.CRITICAL


@dataclass(frozen=True)
class Verdict:
    level: RiskLevel
    reason: str


_DELETE_WHAT = {
    "root": "everything on the machine",
    "all_homes": "every user's home directory",
    "home": "a whole home directory",
    "home_top": "a whole folder in a home directory",
    "home_credentials": "keys and credentials (SSH, GPG, cloud)",
    "vital": "a system directory the machine needs to run",
    "key_file": "a file the system needs to boot or let anyone log in",
    "important": "a whole shared directory",
    "cwd": "everything in the current directory (or above it)",
    "top": "a whole top-level directory",
}
_GIT_REFS = lazy_pattern(r"(^|/)\.git/refs/(heads|tags)(/|$)")


def _macos_private(value: str) -> str | None:
    """`/private/var/db` is macOS's `/var/db` (/etc, /var and /tmp are links into /private)."""
    match = re.match(r"^/private(/(etc|var|tmp)/.+)$", value)
    return match.group(1) if match else None


# Libraries kept as one bundle or catalog: Photos, iPhoto, Aperture, Lightroom, Music.
_LIBRARY = lazy_pattern(
    r"\.(photoslibrary|photolibrary|aplibrary|lrcat|lrlibrary|musiclibrary|tvlibrary)$", re.I
)


# Folders a cloud drive keeps in step on every device: what goes here goes everywhere.
_SYNCED_DRIVES = frozenset(
    (
        "Library/Mobile Documents/com~apple~CloudDocs",
        "Library/Mobile Documents",
        "iCloud Drive",
        "Dropbox",
        "OneDrive",
        "Google Drive",
        "Library/CloudStorage",
    )
)


def classify_delete(value: str, *, recursive: bool, patterns: bool = True) -> Verdict:
    """Deleting `value` (a word value, possibly `~/x`, `/x/*`, `${VAR}/`); with `patterns`,
    a glob is also rated by the protected places it can name."""
    verdict = _classify_delete(value, recursive=recursive, patterns=patterns)
    base, contents = paths.split_contents(paths.normalise(value))
    synced = (paths.home_relative(base) or "").rstrip("/")
    if synced in _SYNCED_DRIVES and (recursive or contents) and verdict.level < HIGH:
        return Verdict(HIGH, f"deletes {value}: a synced drive, so on every device too")
    return verdict


def _classify_delete(value: str, *, recursive: bool, patterns: bool) -> Verdict:
    windows = _wsl_windows_path(value) or _macos_private(value)
    if windows is not None:
        verdict = classify_delete(windows, recursive=recursive, patterns=patterns)
        return Verdict(verdict.level, verdict.reason.replace(windows, value, 1))
    if re.match(r"^(/home|/Users)/\*(/|$)", paths.normalise(value)):
        return Verdict(CRITICAL, f"deletes {value}: files of every user on the machine")
    if value == "${input}" and recursive:  # `xargs rm -rf < list`: whatever the list names
        return Verdict(HIGH, "deletes recursively whatever paths its input lists, unseen")
    variable = paths.empty_variable(value)
    if variable and recursive:
        return Verdict(
            CRITICAL, f"deletes {value} recursively: if ${variable} is empty or unset, that is /"
        )
    path = paths.normalise(value)
    base, contents = paths.split_contents(path)
    reach = _pattern_reach(path, base, contents=contents, recursive=recursive) if patterns else None
    if reach is not None:
        return reach
    how = " recursively" if recursive else ""
    if value.startswith("./") and not path.startswith((".", "/", "~", "*")):
        path = "./" + path  # keep the person's spelling of a relative path
    if _LIBRARY.search(base.rstrip("/")):  # `~/Pictures/Photos Library.photoslibrary`
        return Verdict(HIGH, f"deletes {path}: a whole photo or music library")
    if paths.is_history_file(base):
        return Verdict(CRITICAL, f"deletes {path}: erases your shell history")
    if posixpath.basename(base) == ".git" and recursive:
        if paths.is_world_writable(base):  # `rm -rf /tmp/scratch/.git`: a scratch repository
            return Verdict(HIGH, f"deletes {path}: a scratch repository's whole history")
        return Verdict(CRITICAL, f"deletes {path}: the repository's whole history")
    if posixpath.basename(posixpath.dirname(base)) == ".git" and posixpath.basename(base) in (
        "objects",
        "refs",
    ):
        return Verdict(CRITICAL, f"deletes {path}: the repository's commits, for good")
    if _GIT_REFS.search(base):  # `rm -rf .git/refs/heads/*`: the commits stay, unnamed
        return Verdict(HIGH, f"deletes {path}: the repository's branches or tags")
    if is_core_program(base) or _core_pattern(base):
        return Verdict(CRITICAL, f"deletes {path}: a program or library everything relies on")
    if base.startswith("/sys/firmware/efi/efivars"):
        return Verdict(CRITICAL, f"deletes {path}: firmware settings; some machines never start")
    needed = _needed_glob(base)
    if needed is not None:
        return needed
    package_records = _package_records(path, base)
    if package_records is not None:
        return package_records
    if base.startswith(_DATABASE_DIRS) and (recursive or contents):
        return Verdict(CRITICAL, f"deletes {path}: a database's data files")
    if base.startswith(_VM_DISK_DIRS):
        every = recursive or contents or any(c in base for c in "*?[")
        return Verdict(CRITICAL if every else HIGH, f"deletes {path}: virtual machines' disks")
    if base.endswith(".git") and recursive and _in_data_area(base) and "/" in base:
        # `rm -rf /srv/git/*.git`: the bare repositories a server keeps, with all their history
        return Verdict(CRITICAL, f"deletes {path}: repositories and their whole history")
    special = _delete_data(path, base, recursive or contents)
    if special is not None:
        return special
    if paths.is_find_match(base) and paths.find_selects(base) == ".git" and recursive:
        parent = posixpath.dirname(base) or "."
        return Verdict(
            CRITICAL, f"deletes every .git folder under {parent}: the repositories' history"
        )
    if paths.is_find_match(base):
        return _delete_matches(base)
    key = _private_key_file(base)
    if key is not None:
        return key
    if _DATABASE_FILE.search(base) and posixpath.basename(base).lower() != "thumbs.db":
        return Verdict(HIGH, f"deletes {path}: a database file and all its data")
    if recursive and _DATABASE_FOLDER.search(base.rstrip("/")):  # `rm -rf data/postgres`
        return Verdict(HIGH, f"deletes {path}: a database server's data folder")
    if not recursive and posixpath.basename(base) in _AUTO_UPDATE_SETTINGS:
        return Verdict(HIGH, f"deletes {path}: security updates stop installing themselves")
    if not recursive and _drop_in(base):
        return Verdict(MODERATE, f"deletes {path}, one drop-in settings file")
    if not recursive and base.endswith(_RUNTIME_FILES) and "*" not in base:
        return Verdict(MODERATE, f"deletes {path}, a file a program keeps while it runs")
    if paths.is_log(base):
        return _delete_log(path, base, recursive or contents)
    kind = paths.area(base)
    level = _delete_level(kind, recursive=recursive, contents=contents)
    what = _DELETE_WHAT.get(kind, "")
    if paths.is_rc_file(base):
        level, what = HIGH, "your shell start-up file"
    if kind == "home" and base == "~":
        what = "your whole home directory"
    if contents and kind in ("root", "home", "vital", "cwd", "important", "home_top"):
        what = f"everything in {base}" + (f" ({what})" if kind != "cwd" else "")
        if posixpath.basename(path).startswith(".") and path != ".":
            what = f"every hidden file and folder in {base} (settings, keys, repositories)"
    if not what:
        return Verdict(level, f"deletes {path}{how}")
    return Verdict(level, f"deletes {path}{how}: {what}")


_WSL_DRIVE = lazy_pattern(r"^/mnt/(?P<drive>[a-zA-Z])(?:/(?P<rest>.*))?$")


def _wsl_windows_path(value: str) -> str | None:
    """`/mnt/c/Windows` is C:\\Windows seen from WSL: the POSIX path with its meaning (`/usr`)."""
    drive = _WSL_DRIVE.match(paths.normalise(value))
    if drive is None:
        return None
    rest = (drive.group("rest") or "").replace("/", "\\")
    return posix_path(f"{drive.group('drive')}:\\{rest}")


def _pattern_reach(path: str, base: str, *, contents: bool, recursive: bool) -> Verdict | None:
    """`rm -rf /e?c`, `rm -rf /h*/a*`: a pattern is as bad as the worst protected place it can
    name, when that is CRITICAL (the pattern is expanded by the shell, not by `rm`)."""
    worst: Verdict | None = None
    for place in paths.glob_reaches(base):
        whole = place + ("/*" if contents else "")
        verdict = classify_delete(whole, recursive=recursive, patterns=False)
        if verdict.level == CRITICAL:
            worst = Verdict(CRITICAL, f"{verdict.reason} (the pattern {path} matches it)")
            break
    return worst


_DATABASE_DIRS = (
    "/var/lib/postgresql",
    "/var/lib/mysql",
    "/var/lib/mongodb",
    "/var/lib/redis",
    "/var/lib/pgsql",
    "/var/lib/cassandra",
    "/var/lib/elasticsearch",
    "/var/lib/docker",
    "/var/lib/etcd",
)


def database_data(value: str) -> str | None:
    """What database data `value` names: a database server's data folder (/var/lib/mysql),
    a database file (app.db, dump.rdb), or None."""
    path = paths.normalise(value).rstrip("/")
    if path.startswith(_DATABASE_DIRS) and not path.startswith("/var/lib/docker"):
        return f"{path}, a database server's data"
    name = posixpath.basename(path).lower()
    if (_DATABASE_FILE.search(path) or name.endswith(".rdb")) and name != "thumbs.db":
        return f"{path}, a database file"
    return None


# Where hypervisors keep virtual machines' disks.
_VM_DISK_DIRS = ("/var/lib/libvirt/images", "/var/lib/vz/images")


# Top folders that hold data, sites and mounted disks (not caches or scratch space).
_DATA_TOPS = ("/srv", "/mnt", "/media", "/Volumes", "/var/www", "/data", "/backup", "/backups")
# Where disks are mounted: `/mnt/nas`, `/media/usb`, `/Volumes/Backup` are each a whole disk.
_MOUNT_BASES = ("/Volumes", "/media", "/mnt")
_PRECIOUS = lazy_pattern(r"backup|data|db|database|archive|photos|home|share", re.IGNORECASE)
# A folder named for the backups it keeps, or a backup tool's repository, or all it holds.
_BACKUP_STORE = lazy_pattern(
    r"(^|/)(backups?|Backups?|borg(-repo)?|restic(-repo)?|Backups\.backupdb|timeshift|"
    r"rsnapshot)(/\*?)?$"
)
# Inside a home: keys that exist nowhere else, and folders where applications keep their data.
_PRIVATE_KEYS = (
    ".ssh",
    ".gnupg",
    ".password-store",
    "Library/Keychains",
    ".local/share/keyrings",
    ".electrum/wallets",
    ".bitcoin/wallets",
)
_APP_DATA = (
    ".local/share",
    ".config",
    ".mozilla",
    ".thunderbird",
    "Library/Application Support",
    "Library/Mail",
    "Library/Messages",
    "Library/Containers",
    "Library/Group Containers",
    "Library/Mobile Documents",
)


# Where browsers keep profiles (Linux, macOS, and Windows as windows.posix_path spells it).
_BROWSER_PROFILES = frozenset(
    (
        ".mozilla/firefox",
        ".config/google-chrome",
        ".config/chromium",
        ".config/BraveSoftware/Brave-Browser",
        ".config/microsoft-edge",
        "snap/firefox/common/.mozilla/firefox",
        "Library/Application Support/Google/Chrome",
        "Library/Application Support/Firefox",
        "Library/Application Support/Firefox/Profiles",
        "Library/Application Support/Microsoft Edge",
        "Library/Safari",
        "AppData/Google/Chrome/User Data",
        "AppData/Mozilla/Firefox",
        "AppData/Mozilla/Firefox/Profiles",
        "AppData/Microsoft/Edge/User Data",
        "AppData/BraveSoftware/Brave-Browser/User Data",
    )
)


# Folders in a home whose content is a person's own work: nothing can download it again.
PERSONAL_FOLDERS = frozenset(
    "Documents Pictures Photos Desktop Music Videos Movies Projects projects Dropbox OneDrive "
    "src code work repos git dev Notes Obsidian".split()
)


# Folders of drop-in settings, one file per feature: adding or removing one is routine (not
# those that grant root or decide log-ins).
_DROP_IN = lazy_pattern(
    r"^/etc/(?!sudoers\.d/|pam\.d/|security/)[\w./-]*?([\w-]+\.d|sites-(enabled|available)|(conf|mods)-enabled|systemd/system)/[^/*?]+$"
)


# One file that holds a private key or a password vault: like overwriting it, deleting it
# loses what exists nowhere else.
_KEY_FILE = lazy_pattern(
    r"^(\.ssh/(id_[^/]*|[^/]*\.(pem|key))|\.gnupg/(secring\.gpg|private-keys-v1\.d/[^/]+)|"
    r"[^/]*\.kdbx|([^/]*/)?wallet\.dat)$"
)


def _private_key_file(path: str) -> Verdict | None:
    rel = paths.home_relative(path)
    if rel is not None and rel.startswith(".ssh/") and rel.endswith(".pub"):
        return Verdict(MODERATE, f"deletes {path}, a public key (the private one makes it again)")
    if rel is None:
        return None
    if rel.startswith(".ssh/id_") and rel.endswith("*"):  # `~/.ssh/id_*`: the private ones too
        return Verdict(CRITICAL, f"deletes {path}: private keys that exist nowhere else")
    if _KEY_FILE.match(rel):
        return Verdict(CRITICAL, f"deletes {path}: a private key or vault is lost for good")
    return None


# The settings that turn on unattended security updates (Debian, Ubuntu; dnf-automatic).
_AUTO_UPDATE_SETTINGS = frozenset(("20auto-upgrades", "50unattended-upgrades", "automatic.conf"))


def _drop_in(path: str) -> bool:
    return bool(_DROP_IN.match(path))


# A running program's pid, lock or socket file: removing a stale one is routine.
_RUNTIME_FILES = (".pid", ".lock", ".sock")
# Where package managers record what is installed: gone, they no longer know any package.
PACKAGE_DATABASES = (
    "/var/lib/dpkg",
    "/var/lib/rpm",
    "/usr/lib/sysimage/rpm",
    "/var/lib/pacman/local",
    "/lib/apk/db",
)
# The locks that stop two package managers writing their database at once.
_PACKAGE_LOCKS = lazy_pattern(
    r"^(/var/lib/dpkg/lock[\w*?-]*|/var/lib/apt/lists/lock|/var/cache/apt/archives/lock|"
    r"/var/lib/rpm/\.rpm\.lock|/var/lib/pacman/db\.lck|/lib/apk/db/lock)$"
)


def _package_records(path: str, base: str) -> Verdict | None:
    """`rm -rf /var/lib/dpkg/info`, `rm /var/lib/rpm/*`: the record of what is installed; a
    lock deleted while an install runs lets a second one corrupt that record."""
    if _PACKAGE_LOCKS.match(base):
        return Verdict(HIGH, f"deletes {path}: a running install may corrupt the package records")
    if package_database(base):
        return Verdict(CRITICAL, f"deletes {path}: the record of every installed package")
    if _SYSTEM_PYTHON.match(base):
        return Verdict(CRITICAL, f"deletes {path}: the Python packages the system's tools import")
    if base.rstrip("/") in _PACKAGE_TREES:
        return Verdict(HIGH, f"deletes {path}: every package installed there")
    if base.rstrip("/") in _MANAGERS_OWN:
        return Verdict(HIGH, f"deletes {path}: the package manager itself")
    return None


# The distribution's own Python packages (apt, dnf, cloud-init and others import them).
_SYSTEM_PYTHON = lazy_pattern(r"^/usr/lib(64)?/python3(\.\d+)?/(dist|site)-packages/?$")
# Where a package manager keeps its own code.
_MANAGERS_OWN = frozenset(("/usr/lib/node_modules/npm", "/usr/local/lib/node_modules/npm"))
# Where Homebrew and global npm keep everything they installed.
_PACKAGE_TREES = frozenset(
    (
        "/usr/local/Cellar",
        "/usr/local/Homebrew",
        "/opt/homebrew",
        "/opt/homebrew/Cellar",
        "/home/linuxbrew/.linuxbrew",
        "/usr/lib/node_modules",
        "/usr/local/lib/node_modules",
    )
)


def package_database(path: str) -> bool:
    """A whole package database, or a file in it whose loss forgets every package (not one
    package's scripts, nor rpm's `__db.*` caches, which `rpm --rebuilddb` makes again)."""
    if path in PACKAGE_DATABASES or path in ("/var/lib/dpkg/status", "/var/lib/dpkg/info"):
        return True
    top = next((t for t in PACKAGE_DATABASES if path.startswith(f"{t}/")), None)
    return top is not None and "dpkg" not in top and not posixpath.basename(path).startswith("__db")


_SCRATCH_NAMES = lazy_pattern(r"^\.?(cache|caches|tmp|temp|sessions|build|dist|node_modules)$")


def _delete_data(path: str, base: str, whole: bool) -> Verdict | None:
    """Whole data folders: a site, a mounted disk, a backup, private keys, applications' data."""
    if not whole:
        return None
    if base in ("/opt", "/srv", "/var/www", "/Volumes", "/media", "/mnt"):
        return Verdict(CRITICAL, f"deletes {path}: everything installed or kept in {base}")
    if base in ("/Library/Keychains", "/private/var/db/dslocal", "/var/db/dslocal"):
        return Verdict(CRITICAL, f"deletes {path}: the system's keys and its user accounts")
    if base in ("/var/backups", "/backup", "/backups", "/data"):
        return Verdict(CRITICAL, f"deletes {path}: the data or backups kept in {base}")
    parent = posixpath.dirname(base)
    if re.fullmatch(r"/(usr/)?lib/modules/\$\(\.\.\.\)", base):  # `$(uname -r)`
        return Verdict(CRITICAL, f"deletes {path}: the modules of the running kernel")
    if parent == "/media" and (base.endswith("}") or base.endswith("*")):
        return Verdict(CRITICAL, f"deletes {path}: every disk mounted for a user")
    on_disk_top = posixpath.dirname(parent) in ("/Volumes", "/media")  # `D:\\build`
    if _SCRATCH_NAMES.match(posixpath.basename(base)) and not on_disk_top:
        return None  # `/var/www/cache/*`, `/srv/app/tmp`: made again by the program
    if paths.area(base) == "all_homes":
        return None  # `/mnt/c/Users`: Windows' homes seen from WSL, rated as every home
    if parent in _DATA_TOPS or (parent and posixpath.dirname(parent) in _MOUNT_BASES):
        name = posixpath.basename(base)
        level = CRITICAL if _PRECIOUS.search(name) or parent == "/Volumes" else HIGH
        return Verdict(level, f"deletes {path}: a whole data folder or disk")
    if _BACKUP_STORE.search(base) and not paths.is_world_writable(base):
        return Verdict(HIGH, f"deletes {path}: backups, the copies kept to undo mistakes")
    rel = paths.home_relative(base)
    if rel in PERSONAL_FOLDERS:
        return Verdict(CRITICAL, f"deletes {path}: your whole {rel} folder")
    if rel in _PRIVATE_KEYS or rel in (".gnupg/private-keys-v1.d", ".ssh/keys"):
        return Verdict(CRITICAL, f"deletes {path}: private keys that exist nowhere else")
    holds = next((k for k in _PRIVATE_KEYS if rel and k.startswith(rel + "/")), None)
    if holds is not None:  # `~/Library` holds the keychains, `~/.local` the keyrings
        return Verdict(CRITICAL, f"deletes {path}: with it ~/{holds}, keys that exist nowhere else")
    if rel in _APP_DATA:
        return Verdict(HIGH, f"deletes {path}: the data of every application")
    if rel and (rel in _BROWSER_PROFILES or posixpath.dirname(rel) in _BROWSER_PROFILES):
        return Verdict(HIGH, f"deletes {path}: a browser profile (passwords, history, bookmarks)")
    return None


def _delete_level(kind: str, *, recursive: bool, contents: bool) -> RiskLevel:
    whole = recursive or contents
    if kind in ("root", "all_homes", "home"):
        return CRITICAL if recursive else HIGH
    if kind in ("vital", "key_file"):
        return CRITICAL if whole or kind == "key_file" else HIGH
    if kind in ("home_credentials", "system"):
        return HIGH
    if kind in ("home_top", "important", "cwd", "top"):
        return HIGH if whole else MODERATE
    return MODERATE


# Kinds of file the system or its programs need to work: settings, libraries, data, keys.
_NEEDED_KINDS = frozenset(
    "conf cfg cnf ini db sqlite sqlite3 so ko service socket target pem key crt json yaml yml "
    "xml py sh pl rb h".split()
)
# Kinds of file that hold a person's own work, pictures, keys and data.
_PERSONAL_KINDS = frozenset(
    "doc docx xls xlsx ppt pptx odt ods odp pdf txt md tex jpg jpeg png heic gif raw cr2 nef "
    "mov mp4 mp3 flac wav pem key p12 pfx kdbx gpg asc db sqlite sqlite3".split()
)
# Kinds of file people write code in: deleting every one of a kind deletes the program itself.
_SOURCE_KINDS = frozenset(
    "py js ts jsx tsx go c cc cpp cxx h hpp rs java kt scala swift rb php cs m mm sql vue".split()
)
# Folders a build writes into: their .js or .c files are made again by the next build.
_BUILT = lazy_pattern(r"(^|/)(build|dist|out|target|node_modules|vendor|_build|\.next)(/|$)")
# Kinds of file that are backup copies: every one of them across the machine is the safety net.
_BACKUP_KINDS = frozenset("bak backup bkp".split())
_EXTENSION = lazy_pattern(r"^[\w+-]*\*[\w+-]*\.(\w+)(\.\*|\*)?$")


def _delete_matches(base: str) -> Verdict:
    parent = posixpath.dirname(base) or "."
    kind = paths.area(parent)
    selects = paths.find_selects(base)
    extension = _EXTENSION.match(selects)
    if paths.is_log(parent) and not paths.is_audit_log(parent) and _ROTATED.match(selects):
        return Verdict(MODERATE, f"deletes old rotated logs ({selects}) under {parent}")
    if _wipes_system_logs(parent, selects, aged=paths.find_aged(base)):
        what = "recently changed file" if selects == "~recent" else f"{selects or '*'} file"
        return Verdict(CRITICAL, f"deletes every {what} under {parent}: erases the system logs")
    if paths.is_history_file(selects):  # `find /home -name .bash_history -delete`
        return Verdict(CRITICAL, f"deletes every {selects} under {parent}: erases shell history")
    kind_selected = extension.group(1).lower() if extension else ""
    if (
        selects == "~old"
        and kind in ("root", "all_homes", "home", "vital")
        and not paths.is_log(parent)
    ):
        return Verdict(
            CRITICAL, f"deletes every file not changed lately under {parent}: most of it"
        )
    if _EVERY_HIDDEN.match(selects) and kind in ("all_homes", "home"):
        # `find /home -name '.*' -exec rm -rf {} \;`: settings, SSH keys, shell history of each
        who = "every user" if kind == "all_homes" else "the user"
        return Verdict(CRITICAL, f"deletes the hidden files (keys, settings) of {who} in {parent}")
    if kind_selected in _PERSONAL_KINDS and kind == "all_homes":
        return Verdict(CRITICAL, f"deletes every {selects} file of every user under {parent}")
    if selects == "~old" and (paths.home_relative(parent) or "").split("/")[0] in PERSONAL_FOLDERS:
        return Verdict(HIGH, f"deletes the older files of {parent}: your own work, likely unbacked")
    if selects == "~owner" and kind in ("root", "all_homes"):
        return Verdict(CRITICAL, f"deletes every file of an account anywhere under {parent}")
    if selects == "~old" and kind == "cwd":
        reason = f"deletes every file not changed lately under {parent}: most of the tree"
        return Verdict(HIGH, reason)
    if selects in ("~recent", "~some") and kind in ("root", "vital"):
        what = "changed lately" if selects == "~recent" else "of a size or mode"
        reason = f"deletes every file {what} anywhere under {parent}: system files among them"
        return Verdict(CRITICAL, reason)
    if kind_selected in _BACKUP_KINDS and kind in ("root", "all_homes"):
        reason = f"deletes every {selects} file under {parent}: the backups kept to undo mistakes"
        return Verdict(CRITICAL, reason)
    if kind in ("root", "all_homes", "vital", "system", "key_file") or paths.is_log(parent):
        if extension and extension.group(1).lower() in _NEEDED_KINDS and not paths.is_log(parent):
            reason = f"deletes every {selects} file under {parent}: files the system needs"
            return Verdict(CRITICAL, reason)
        return Verdict(HIGH, f"deletes matching files anywhere under {parent}")
    if kind_selected in _PERSONAL_KINDS and (kind == "home" or _in_data_area(parent)):
        reason = f"deletes every {selects} file under {parent}: your documents, photos or keys"
        return Verdict(HIGH, reason)
    if kind_selected in _SOURCE_KINDS and not _BUILT.search(parent):
        reason = f"deletes every {selects} file under {parent}: the source code itself"
        return Verdict(HIGH, reason)
    if selects == "~recent" and (kind == "home" or _in_data_area(parent)):
        return Verdict(HIGH, f"deletes the latest files in {parent}: recent data, likely unbacked")
    if selects in ("~some", "~owner") and _in_data_area(parent):
        return Verdict(HIGH, f"deletes files across the data folder {parent} (by size or owner)")
    return Verdict(MODERATE, f"deletes matching files under {parent}")


# What a find in the log folder selects when it takes every current log, not the rotated ones.
_EVERY_LOG = frozenset(("", "*", "*.log", "*.log*", "*log*", "*.log.*"))


def _wipes_system_logs(parent: str, selects: str, *, aged: bool) -> bool:
    """A find over the system's log folder that takes the current logs or the latest ones
    (not only files untouched for a while)."""
    if aged or parent not in ("/", "/var", "/private/var", "/var/log", "/private/var/log"):
        return False
    if not parent.endswith("/log"):  # `find / -name '*.log'`: the logs among everything else
        return selects in _EVERY_LOG and selects not in ("", "*")
    return selects in _EVERY_LOG or selects == "~recent"


# `.*`, `.??*`, `.[!.]*`: every hidden file, whatever its name.
_EVERY_HIDDEN = lazy_pattern(r"^\.[*?\[\]!.^]*\*[*?\[\]!.^]*$")
# Names logrotate gives old logs: `syslog.2.gz`, `auth.log.1`, `*.old`.
_ROTATED = lazy_pattern(
    r"^[\w.-]*\*[\w.-]*\.(gz|bz2|xz|zst|\d|old)$|^[\w.*-]*\.\[0-9\]\*?$|^[\w.-]*\*[\w.-]*-\d{6,8}$"
)


def _needed_glob(path: str) -> Verdict | None:
    """`rm /etc/*.conf`, `rm /usr/lib/*.so*`: every file of a kind the system needs, in a
    system folder (not one program's folder inside it)."""
    folder, name = posixpath.split(path)
    extension = _EXTENSION.match(name)
    if extension is None or extension.group(1).lower() not in _NEEDED_KINDS:
        return None
    if folder in ("/", "/etc") or paths.is_vital(folder) or folder in _LIB_FOLDERS:
        return Verdict(CRITICAL, f"deletes every {name} file in {folder}: files the system needs")
    return None


_LIB_FOLDERS = frozenset(
    (
        "/lib/x86_64-linux-gnu",
        "/usr/lib/x86_64-linux-gnu",
        "/lib/aarch64-linux-gnu",
        "/usr/lib/aarch64-linux-gnu",
    )
)


def _in_data_area(path: str) -> bool:
    rel = paths.home_relative(path)
    if rel is not None:
        return rel.split("/", 1)[0] in PERSONAL_FOLDERS
    return any(path == top or path.startswith(top + "/") for top in _DATA_TOPS)


def _delete_log(path: str, base: str, whole: bool) -> Verdict:
    if base in ("/var/log", "/private/var/log") and whole:
        return Verdict(CRITICAL, f"deletes {path}: erases the system logs")
    if paths.is_audit_log(base):
        return Verdict(CRITICAL, f"deletes {path}: erases login and audit records")
    return Verdict(HIGH, f"deletes {path}: system logs")


# Files in /sys that act when written: a disk detached or taken offline, the machine suspended.
_KERNEL_CONTROLS = (
    (lazy_pattern(r"^/sys/block/[^/]+/device/delete$"), CRITICAL, "detaches the disk: it vanishes"),
    (lazy_pattern(r"^/sys/bus/(pci|scsi|usb)/devices/[^/]+/remove$"), HIGH, "removes a device"),
    (lazy_pattern(r"^/sys/block/[^/]+/device/state$"), HIGH, "can take the disk offline"),
    (lazy_pattern(r"^/sys/power/state$"), MODERATE, "puts the machine to sleep or hibernates it"),
    (lazy_pattern(r"^/sys/power/disk$"), MODERATE, "changes how the machine hibernates"),
    (lazy_pattern(r"^/sys/class/(block|net)/[^/]+/device/remove$"), HIGH, "removes a device"),
)


# Files through which the kernel runs a program as root, kills a whole group of processes, or
# limits every service at once.
_KERNEL_HOOKS = (
    (
        lazy_pattern(r"^/proc/sys/kernel/modprobe$|^/sys/kernel/uevent_helper$"),
        "the kernel runs the program written there as root",
    ),
    (lazy_pattern(r"^/sys/fs/cgroup/.*cgroup\.kill$"), "kills every process in the group"),
    (
        lazy_pattern(r"^/sys/fs/cgroup/(system\.slice/|init\.scope/)?(memory|pids)\.max$"),
        "limits every system service at once: they can be starved or killed",
    ),
    (lazy_pattern(r"^/sys/module/apparmor/parameters/enabled$"), "can switch AppArmor off"),
)


def _kernel_control(path: str) -> Verdict | None:
    for pattern, level, what in _KERNEL_CONTROLS:
        if pattern.match(path):
            return Verdict(level, f"writes {path}: {what} from the running system")
    for hook, effect in _KERNEL_HOOKS:
        if hook.match(path):
            return Verdict(HIGH, f"writes {path}: {effect}")
    return None


def classify_write(value: str, *, append: bool) -> Verdict | None:
    """Writing to `value` with `>` (or `>>` when `append`), tee, cp, dd of=, ln -sf, ..."""
    path = paths.normalise(value)
    if path in paths.HARMLESS_SINKS or path.startswith(("/dev/fd/", "/dev/pts/", "/proc/self/")):
        return None
    verb = "appends to" if append else "overwrites"
    control = _kernel_control(path)
    if control is not None:
        return control
    special = _special_write(path, append)
    if special is not None:
        return special
    lost = None if append else _lost_by_overwrite(path)
    if lost is not None:
        return lost
    if package_database(path) and not append:
        return Verdict(CRITICAL, f"overwrites {path}: the record of every installed package")
    if paths.is_rc_file(path):
        if append:
            return Verdict(MODERATE, f"appends to {path}: your shell start-up file")
        if path.startswith("/etc/profile.d/"):  # one drop-in of many: what it says is rated
            return Verdict(MODERATE, f"writes {path}: code every log-in shell runs")
        return Verdict(HIGH, f"overwrites {path}: replaces your shell start-up file")
    if path.startswith("/etc/"):
        if append or path.count("/") > 2:
            return Verdict(MODERATE, f"{verb} {path}: system configuration")
        stem = _SPARE_COPY.sub("", path)  # `/etc/hosts.new`: nothing reads it until it is moved
        vital = stem in paths.ACCOUNT_FILES or stem in paths.KEY_FILES or stem == "/etc/sudoers"
        if stem != path and not vital:  # a backup of the accounts is how they are got back
            return Verdict(MODERATE, f"{verb} {path}, a spare copy beside a system setting")
        return Verdict(HIGH, f"overwrites {path}: system configuration")
    if paths.area(path) == "home_credentials" and not append and path.endswith(".pub"):
        return Verdict(
            MODERATE, f"overwrites {path}, a public key (the private one makes it again)"
        )
    if paths.area(path) == "home_credentials" and not append:
        return Verdict(HIGH, f"overwrites {path}: your keys or credentials are lost")
    if posixpath.dirname(path) in paths.PROGRAM_DIRS and not append:
        return Verdict(HIGH, f"overwrites {path}: a system program or library")
    folder, name = posixpath.split(path)
    if folder in _LOCAL_BINS and name in _CORE_PROGRAMS and not append:
        reason = (
            f"writes {path}: it runs instead of the system's own {name}, which PATH finds later"
        )
        return Verdict(HIGH, reason)
    if path.startswith(_KERNEL_PROTECTIONS):
        return Verdict(HIGH, f"writes {path}: changes a kernel protection against attacks")
    if path.startswith("/proc/sys/"):
        return Verdict(MODERATE, f"writes {path}: changes a kernel setting")
    return Verdict(MODERATE, f"{verb} {path}")


# Names of a copy kept beside a setting: a backup or the next version, read by nothing.
_SPARE_COPY = lazy_pattern(r"\.(new|bak|backup|orig|old|save|tmp|dist|sample|example)$|~$")
_KERNEL_PROTECTIONS = (
    "/proc/sys/kernel/randomize_va_space",
    "/proc/sys/kernel/yama/",
    "/proc/sys/kernel/kptr_restrict",
    "/proc/sys/kernel/dmesg_restrict",
    "/proc/sys/kernel/unprivileged_bpf_disabled",
    "/proc/sys/fs/protected_",
    "/proc/sys/fs/suid_dumpable",
)


_LOCAL_BINS = frozenset(("/usr/local/bin", "/usr/local/sbin"))
# Programs a person or the system starts all the time: replaced, they break or spy on everything.
_CORE_PROGRAMS = frozenset(
    "sh bash dash zsh sudo su login passwd ssh sshd init systemd ls ps cp mv rm cat chmod "
    "chown mount python3 perl env ld.so ld-linux-x86-64.so.2 libc.so.6 dpkg apt apt-get rpm dnf "
    "yum pacman zypper apk".split()
)
# Libraries nearly every program loads (the C library, the loader, PAM, threads).
_CORE_LIBRARIES = (
    "libc.so",
    "libc-",
    "ld-linux",
    "ld-musl",
    "libpthread",
    "libdl.so",
    "libm.so",
    "libcrypt.so",
    "libpam.so",
    "libselinux.so",
    "libtinfo.so",
    "libsystemd.so",
)


def is_core_program(path: str) -> bool:
    """A shell, sudo, the loader, the C library, ... in a system program folder (or its
    multiarch folder, /lib/x86_64-linux-gnu)."""
    folder, name = posixpath.split(path)
    multiarch = posixpath.dirname(folder) in paths.PROGRAM_DIRS and "-linux-" in folder
    if folder not in paths.PROGRAM_DIRS and not multiarch:
        return False
    return name in _CORE_PROGRAMS or name.startswith(_CORE_LIBRARIES)


# The system's own interpreters keep their libraries here: the package manager and many
# system tools stop working without them.
_SYSTEM_RUNTIMES = ("python3", "python2", "perl5", "perl")


def _core_pattern(path: str) -> bool:
    """`/usr/bin/py*`, `/usr/lib/python3*`, `/lib/x86_64-linux-gnu/libc*`: a pattern (or a
    runtime's library folder) in a system program folder that takes a core program with it."""
    folder, name = posixpath.split(path)
    multiarch = posixpath.dirname(folder) in paths.PROGRAM_DIRS and "-linux-" in folder
    if folder not in paths.PROGRAM_DIRS and not multiarch:
        return False
    if folder in ("/usr/lib", "/lib", "/usr/share") and name.startswith(_SYSTEM_RUNTIMES):
        return True
    stem = re.split(r"[*?\[]", name, maxsplit=1)[0]
    if stem == name or len(stem) < 2:
        return False
    return any(core.startswith(stem) for core in (*_CORE_PROGRAMS, *_CORE_LIBRARIES))


# Folders database servers keep their data in (`./data/postgres`, `pgdata`, `mysql-data`).
_DB_SERVERS = r"(postgres(ql)?|mysql|mariadb|mongo(db)?|redis|elasticsearch|clickhouse|influxdb)"
_DATABASE_FOLDER = lazy_pattern(
    rf"(^|/)(pg_?data|{_DB_SERVERS}[-_]data|(data|volumes|docker|db|databases?)/{_DB_SERVERS})$",
    re.IGNORECASE,
)
_DATABASE_FILE = lazy_pattern(r"\.(sqlite3?|db|ibd|frm|mdb|accdb|kdbx)$|/ibdata\d*$|/pg_\w+/")


def _lost_by_overwrite(path: str) -> Verdict | None:
    """Overwrites whose old content cannot come back: boot and log-in files, core programs,
    private keys, key stores, databases, and every file a `find` matched."""
    if paths.is_find_match(path):
        whole = classify_delete(posixpath.dirname(path) or ".", recursive=True)
        if whole.level >= HIGH:
            where = posixpath.dirname(path) or "."
            return Verdict(whole.level, f"overwrites every file under {where}: {whole.reason}")
        return None
    if path in paths.KEY_FILES:
        return Verdict(CRITICAL, f"overwrites {path}: the machine may not boot or let anyone in")
    if is_core_program(path):
        return Verdict(CRITICAL, f"replaces {path}, a program everything relies on")
    rel = paths.home_relative(path) or ""
    name = posixpath.basename(path)
    if (
        rel.startswith((".ssh/", ".gnupg/"))
        and not name.endswith((".pub", "known_hosts", "config"))
        and rel not in (".ssh/rc", ".ssh/environment")
    ):
        return Verdict(CRITICAL, f"overwrites {path}: a private key is lost for good")
    if path.startswith("/etc/ssh/ssh_host_") and not name.endswith(".pub"):
        return Verdict(HIGH, f"overwrites {path}: the server's private key is lost")
    if rel.startswith((".local/share/keyrings", "Library/Keychains", ".password-store")):
        return Verdict(HIGH, f"overwrites {path}: your stored passwords are lost")
    if _DATABASE_FILE.search(path) or path.startswith(_DATABASE_DIRS):
        return Verdict(CRITICAL, f"overwrites {path}: a database's data is lost")
    return None


_SYSTEM_AREAS = frozenset(("root", "vital", "system", "key_file"))
_DOCUMENT = lazy_pattern(
    r"\.(tex|docx?|odt|pdf|xlsx?|ods|pptx?|odp|pages|numbers|key|epub|jpe?g|png|heic|dng|"
    r"cr2|nef|arw|tiff?|mov|mp4)$",
    re.I,
)


def classify_empty(value: str) -> Verdict | None:
    """Emptying `value` (`: > f`, `truncate -s 0`, `cp /dev/null f`): HIGH for settings."""
    path = paths.normalise(value)
    if path in paths.HARMLESS_SINKS:
        return None
    if path.startswith("/etc/pam.d/") or path == "/etc/pam.conf":
        return Verdict(CRITICAL, f"empties {path}: log-ins and sudo stop working")
    folder = posixpath.dirname(path)
    if paths.is_log(path) and _one_programs_log(path):
        return None  # emptying one program's log file is routine upkeep
    if paths.is_log(path) and any(c in path for c in "*?[") and not paths.is_audit_log(folder):
        if folder in ("/var/log", "/private/var/log"):
            return Verdict(CRITICAL, f"empties every log matching {path}: erases the system logs")
        return Verdict(HIGH, f"empties every log matching {path}")
    # `/etc/**/*.conf`: the files below /etc, at any depth
    fixed = (folder.split("/**", 1)[0] or "/") if "/**" in folder else folder
    if any(c in posixpath.basename(path) for c in "*?[") and paths.area(fixed) in _SYSTEM_AREAS:
        level = HIGH if paths.area(fixed) == "system" else CRITICAL
        return Verdict(level, f"empties every file matching {path}: files the system needs")
    verdict = classify_write(path, append=False)
    if verdict is not None and verdict.level >= HIGH:
        return Verdict(verdict.level, verdict.reason.replace("overwrites", "empties", 1))
    rel = paths.home_relative(path)
    settings = rel is not None and rel.startswith(".") and "/" not in rel
    if path.startswith("/var/spool/cron"):
        return Verdict(HIGH, f"empties {path}: the scheduled jobs in it are lost")
    if paths.area(path) in ("vital", "key_file", "system") or path.startswith("/var/lib/"):
        return Verdict(HIGH, f"empties {path}: a file the system relies on")
    if rel is not None and _DOCUMENT.search(path):
        return Verdict(HIGH, f"empties {path}: the document or photo is lost")
    if path.startswith("/etc/") or settings:
        return Verdict(HIGH, f"empties {path}: the settings in it are lost")
    if path.startswith(WEB_ROOTS) and not any(c in path for c in "*?["):
        return Verdict(HIGH, f"empties {path}: a page or setting of the web site is lost")
    return None


# Where web servers serve sites from (C:\inetpub reads as /var/www).
WEB_ROOTS = ("/var/www/", "/srv/www/", "/srv/http/", "/usr/share/nginx/html/")


def _special_write(path: str, append: bool) -> Verdict | None:
    if paths.is_block_device(path):
        return Verdict(CRITICAL, f"writes raw data to {path}, destroying what is on that disk")
    if path.startswith(("/dev/tcp/", "/dev/udp/")):
        return Verdict(MODERATE, f"sends data over the network ({path})")
    if path == "/proc/sysrq-trigger":
        return Verdict(CRITICAL, "writes /proc/sysrq-trigger: crashes or reboots the machine now")
    if paths.is_history_file(path):
        if append:
            return Verdict(MODERATE, f"appends to {path}: your shell history")
        return Verdict(CRITICAL, f"overwrites {path}: erases your shell history")
    if paths.is_log(path):
        if append:
            return Verdict(MODERATE, f"appends to {path}: a system log")
        if _one_programs_log(path):
            return Verdict(MODERATE, f"overwrites {path}: one program's log")
        return Verdict(CRITICAL, f"overwrites {path}: erases a system log")
    if path in paths.ACCOUNT_FILES:
        if append:
            return Verdict(HIGH, f"appends to {path}: adds to the system's accounts")
        return Verdict(CRITICAL, f"overwrites {path}: replaces the system's accounts")
    if path == "/etc/sudoers" and not append:
        return Verdict(CRITICAL, f"replaces {path}: a mistake there locks everyone out of root")
    if path == "/etc/sudoers" or path.startswith("/etc/sudoers.d/"):
        return Verdict(HIGH, f"writes {path}: changes who may run commands as root")
    if path.startswith("/boot/"):
        return Verdict(CRITICAL if not append else HIGH, f"writes {path}: the boot files")
    if path.startswith(("/etc/security/limits.conf", "/etc/security/limits.d/")):
        return Verdict(MODERATE, f"writes {path}: resource limits of log-ins")
    if path.startswith("/etc/pam.d/") or path.startswith("/etc/security/"):
        return Verdict(HIGH, f"writes {path}: changes how log-ins and sudo check who you are")
    if path.startswith("/etc/polkit-1/") or path.startswith("/usr/share/polkit-1/rules.d"):
        return Verdict(HIGH, f"writes {path}: changes who may act as administrator (polkit)")
    if path.startswith(_PACKAGE_KEYRINGS) and not path.endswith("/"):
        return Verdict(HIGH, f"writes {path}: a key the package manager trusts for every install")
    if path == "/etc/ld.so.preload":
        return Verdict(CRITICAL, f"writes {path}: loads code into every program on the machine")
    rel = paths.home_relative(path)
    if rel == ".ssh/authorized_keys" or (rel or "").startswith(".ssh/authorized_keys"):
        if path.startswith("/root/"):
            return Verdict(CRITICAL, f"writes {path}: lets another SSH key log in as root")
        return Verdict(HIGH, f"writes {path}: lets another SSH key log in as you")
    return None


# Where apt (and rpm) keep the keys that vouch for packages: a key put there signs anything.
_PACKAGE_KEYRINGS = (
    "/etc/apt/trusted.gpg",
    "/etc/apt/keyrings/",
    "/usr/share/keyrings/",
    "/etc/pki/rpm-gpg/",
    "/etc/apk/keys/",
    "/usr/share/pacman/keyrings/",
)


# Folders whose files root runs or reads as settings by itself: writable by all, a way to root.
_ROOT_RUNS = frozenset(
    "/etc/profile.d /etc/init.d /etc/udev/rules.d /etc/ld.so.conf.d /etc/modprobe.d "
    "/usr/local/bin /usr/local/sbin /etc/rc.local /etc/update-motd.d /Library/LaunchDaemons "
    "/etc/systemd/system /lib/systemd/system /usr/lib/systemd/system /etc/apt/apt.conf.d".split()
)


# Files and folders that decide who is root or how log-ins are checked: whoever may write them
# (or owns them) decides.
_AUTHORITY = (
    "/etc/sudoers",
    "/etc/sudoers.d",
    "/etc/pam.d",
    "/etc/security/",
    "/etc/polkit-1",
    "/usr/share/polkit-1/rules.d",
    "/etc/doas.conf",
    "/usr/local/etc/doas.conf",
    "/etc/ld.so.preload",
    "/var/spool/cron",
    "/etc/crontab",
)
_SYSTEM_BIN = frozenset(("/bin", "/sbin", "/usr/bin", "/usr/sbin"))
_LIBRARY_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")


def is_authority_file(path: str) -> bool:
    """`/etc/sudoers.d/x`, `/etc/pam.d/sshd`, `/etc/polkit-1/rules.d/x.rules`, crontabs."""
    return any(path == each or path.startswith(each.rstrip("/") + "/") for each in _AUTHORITY)


def root_runs(path: str) -> bool:
    """A file or folder whose contents root runs, loads or obeys by itself."""
    shared_library = path.startswith(_LIBRARY_DIRS) and ".so" in posixpath.basename(path)
    system_program = posixpath.dirname(path) in _SYSTEM_BIN
    return (
        system_program
        or path in _ROOT_RUNS
        or path.startswith("/etc/cron")
        or is_authority_file(path)
        or shared_library
    )


def is_system_log_folder(path: str) -> bool:
    return path in ("/var/log", "/private/var/log")


def _one_programs_log(path: str) -> bool:
    """`/var/log/myapp/debug.log`: a file in a program's own log folder (not the system's
    logs, logins or audit records, nor a glob over many)."""
    rel = path.removeprefix("/private").removeprefix("/var/log/")
    return (
        "/" in rel
        and not is_system_log_folder(path)
        and not paths.is_audit_log(path)
        and not any(c in rel for c in "*?[")
        and not paths.is_find_match(path)
    )


def classify_permissions(value: str, *, recursive: bool, verb: str, loose: bool) -> Verdict:
    """chmod/chown/chgrp of `value`; `loose` when the mode opens files to everyone or setuid."""
    path = paths.normalise(value)
    base, contents = paths.split_contents(path)
    kind = "system" if base == "/usr/local" else paths.area(base)
    if base.startswith("/dev/") and not paths.is_block_device(base):
        kind = "other"  # serial ports, sound, video: opening them up is a routine fix
    how = " recursively" if recursive else ""
    whole = recursive or contents
    if whole and kind in ("root", "all_homes", "vital"):
        what = _DELETE_WHAT[kind]
        return Verdict(CRITICAL, f"{verb} {path}{how}: {what}")
    if base in ("/etc/shadow", "/etc/gshadow", "/etc/sudoers", "/etc/passwd") and loose:
        return Verdict(CRITICAL, f"{verb} {path}: every user can read or change it")
    if paths.is_find_match(base):
        parent = posixpath.dirname(base) or "."
        if paths.area(parent) in ("root", "all_homes", "vital", "system", "key_file"):
            level = CRITICAL if loose else HIGH
            return Verdict(level, f"{verb} every matching file under {parent}: system files")
    runs = root_runs(base)
    if loose and (base in paths.SYSTEM_ROOTS | paths.VITAL_SUBDIRS or runs) and base != "/dev":
        what = "others can change what root runs or obeys there: a way to root"
        return Verdict(CRITICAL, f"{verb} {path}: {what}")
    if kind == "key_file" or paths.is_history_file(base):
        return Verdict(HIGH, f"{verb} {path}: a file the system relies on")
    if whole and kind in ("home", "system", "home_credentials"):
        return Verdict(HIGH, f"{verb} {path}{how}: all of {base}")
    if loose and recursive:
        return Verdict(HIGH, f"{verb} {path}{how}: opens every file in it to every user")
    if loose and kind in ("root", "all_homes"):
        return Verdict(CRITICAL, f"{verb} {path}: every user can change what is in it")
    if loose and kind in ("system", "vital", "home_credentials", "home"):
        return Verdict(HIGH, f"{verb} {path}: opens a protected file to every user")
    return Verdict(MODERATE, f"{verb} {path}{how}")
