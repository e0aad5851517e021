"""Packages moved back to older versions, kept from updates or taken from another release.

Allowing downgrades of the whole system (`apt full-upgrade --allow-downgrades`, `pacman -Syuu`)
or downgrading the C library, the TLS library, SSH, sudo or the kernel (`dnf downgrade glibc`,
`rpm -Uvh --oldpackage`, `zypper in --oldpackage`) brings back fixed holes (HIGH); downgrading
another named package stays as installs are rated. Taking such a package from another release
(`apt-get install -t unstable libc6`) mixes releases under everything else (HIGH). Undoing the
first transaction or rolling back the history (`dnf history undo 1`) removes what the system was
installed with (HIGH). `snap refresh --hold` with no end stops every snap's updates (HIGH).
`dpkg --clear-selections` marks every package but the essential ones for removal (CRITICAL).
Putting back such a package from a saved file (`pacman -U /var/cache/pacman/pkg/glibc-...`,
the Arch archive, `dpkg -i /var/cache/apt/archives/openssl_...`) is a downgrade too (HIGH).
"""

from __future__ import annotations

import itertools
import posixpath
import re

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH
from tui.core.safety.rules.removals import ESSENTIAL
from tui.core.safety.vital import security_fixed
from tui.core.safety.words import split_words

_APT = frozenset(split_words("apt apt-get aptitude"))
_PACMAN = frozenset(split_words("pacman yay paru"))
_DOWNGRADING = frozenset(split_words("--allow-downgrades --oldpackage --force-downgrade"))
_WHOLE = frozenset(
    split_words("upgrade full-upgrade dist-upgrade dup distro-sync update dselect-upgrade")
)
# Releases that are not the one a stable system runs on.
_OTHER_RELEASES = frozenset(split_words("unstable sid experimental testing rawhide"))


def rate(command: Command, sub: str, ctx: Context) -> bool:
    """Rates the forms above; True when one was found (nothing more to say)."""
    reason = (
        _cleared(command)
        or _downgrade(command, sub)
        or _other_release(command)
        or _history(command, sub)
        or _snap_hold(command, sub)
        or _from_cache(command)
    )
    if reason is None:
        return False
    level = CRITICAL if reason.startswith("marks every") else HIGH
    ctx.add(level, reason, command)
    return True


def _cleared(command: Command) -> str | None:
    if command.name == "dpkg" and "--clear-selections" in command.argv:
        return "marks every package but the essential ones for removal (dpkg --clear-selections)"
    return None


def _operands(command: Command, sub: str) -> list[str]:
    argv = command.argv
    start = argv.index(sub) + 1 if sub in argv else 0
    return [a for a in argv[start:] if not a.startswith("-")]


def _vital(names: list[str]) -> str | None:
    return next((n for n in names if security_fixed(n) or n.split("=")[0] in ESSENTIAL), None)


def _downgrade(command: Command, sub: str) -> str | None:
    """`--allow-downgrades`, `--oldpackage`, `dnf downgrade glibc`, `pacman -Syuu`."""
    argv = command.argv
    option = next((a for a in argv if a in _DOWNGRADING or "allow-downgrades=true" in a), None)
    short = "".join(a[1:] for a in argv if a.startswith("-") and not a.startswith("--"))
    if command.name in _PACMAN and short.count("u") >= 2 and "S" in short:
        return "upgrades with downgrades allowed (-uu): any package may go back to an older version"
    if option is None and sub != "downgrade":
        return None
    if option is not None and sub in _WHOLE:
        return f"upgrades with downgrades allowed ({option}): old versions bring back fixed holes"
    vital = _vital([a for a in argv if not a.startswith("-")])
    if vital is not None:
        return f"installs an older {vital} ({option or 'downgrade'}): fixed holes come back"
    return None


def _other_release(command: Command) -> str | None:
    """`apt-get install -t unstable libc6`: the C library of another release under this one."""
    argv = command.argv
    if command.name not in _APT:
        return None
    release = ""
    for option, value in itertools.pairwise([*argv, ""]):
        if option in ("-t", "--target-release", "--default-release"):
            release = value
        elif option.startswith("--target-release="):
            release = option.partition("=")[2]
    if release.split("-")[0] not in _OTHER_RELEASES:
        return None
    vital = _vital([a for a in argv if not a.startswith("-") and a != release])
    if vital is None:
        return None
    return f"installs {vital} from another release ({release}): the system's own parts mismatch"


def _history(command: Command, sub: str) -> str | None:
    """`dnf history undo 1`, `dnf history rollback 5`: whole past transactions reversed."""
    if command.name not in ("dnf", "yum") or sub != "history":
        return None
    rest = _operands(command, sub)
    if rest[:1] == ["rollback"]:
        return f"reverses every package change since transaction {' '.join(rest[1:2])}"
    if rest[:2] == ["undo", "1"]:
        return "undoes the first transaction (history undo 1): usually the system's own install"
    return None


def _snap_hold(command: Command, sub: str) -> str | None:
    """`snap refresh --hold`: no end given, every snap stops updating for good."""
    if command.name == "snap" and sub == "set" and "refresh.hold=forever" in command.argv:
        return "stops every snap's updates for good (snap set system refresh.hold=forever)"
    if command.name != "snap" or sub != "refresh":
        return None
    hold = next((a for a in command.argv if a.startswith("--hold")), None)
    if hold is None or hold not in ("--hold", "--hold=forever"):
        return None
    if _operands(command, sub):
        return None  # `snap refresh --hold firefox`: one snap
    return "stops every snap's updates for good (snap refresh --hold)"


# Where older builds of installed packages are kept: installing from there goes back in time.
_OLD_BUILDS = (
    "/var/cache/pacman/pkg/",
    "https://archive.archlinux.org/",
    "/var/cache/apt/archives/",
)
_PACKAGE_FILE = re.compile(
    r"^(?P<name>[\w.+@-]+?)(-[^-/]+-[^-/]+-[^-/]+\.pkg\.tar|_[^_/]+_[^_/]+\.deb)"
)


def _from_cache(command: Command) -> str | None:
    """`pacman -U /var/cache/pacman/pkg/glibc-2.30-1-x86_64.pkg.tar.zst`: an older glibc."""
    if command.name not in (*_PACMAN, "dpkg"):
        return None
    for value in command.argv:
        if not value.startswith(_OLD_BUILDS):
            continue
        match = _PACKAGE_FILE.match(posixpath.basename(value))
        vital = _vital([match.group("name")]) if match else None
        if vital is not None:
            return f"puts back an older {vital} from saved packages: fixed holes come back"
    return None
