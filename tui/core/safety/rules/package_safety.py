"""What keeps a system patched and reachable: packages held back from updates, the packages
that connect the machine to the network or install its security updates, and the Python the
system's own tools run on.

Holding back the TLS library, SSH, sudo, the C library or the kernel (`apt-mark hold openssl`,
`dnf versionlock add`, `zypper addlock`) leaves known holes open for good (HIGH); holding any
other package is routine (MODERATE). Removing the network manager or the DHCP client takes a
remote machine offline; removing unattended-upgrades stops security updates (HIGH). `sudo pip
install --break-system-packages` replaces Python packages the distribution's tools need (HIGH).
Listing holds or locks only reads. A partial upgrade (`pacman -Sy pkg`), `--overwrite '*'` and a
move to another release (`do-release-upgrade`, `dnf system-upgrade`) may leave a
system that no longer starts (HIGH). Holding every installed package, or marking them all as
automatically installed (`apt-mark auto $(apt-mark showmanual)`), is HIGH; releasing holds is
MODERATE.
"""

from __future__ import annotations

import fnmatch
import itertools
import re

from tui.core.safety.context import Context
from tui.core.safety.installed import every_installed
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule, subcommand
from tui.core.safety.vital import security_fixed
from tui.core.safety.words import split_words

# Packages that connect the machine to the network: removed, a remote machine goes offline.
NETWORK_PACKAGES = frozenset(
    split_words(
        "network-manager networkmanager NetworkManager netplan.io netplan ifupdown ifupdown2 "
        "isc-dhcp-client dhcpcd dhcpcd5 dhclient wpasupplicant wpa_supplicant systemd-networkd "
        "connman iwd"
    )
)
# Packages that install security updates by themselves.
UPDATER_PACKAGES = frozenset(split_words("unattended-upgrades dnf-automatic yum-cron packagekit"))
# Units that install security updates by themselves (systemctl stop, disable or mask).
UPDATER_UNITS = frozenset(
    split_words(
        "unattended-upgrades apt-daily-upgrade apt-daily-upgrade.timer apt-daily.timer "
        "dnf-automatic dnf-automatic.timer dnf-automatic-install.timer yum-cron"
    )
)
_HOLD_READS = frozenset(
    split_words("showhold showmanual showauto showinstall showremove showpurge")
)
_LOCK_VERBS = {
    "brew": frozenset(("pin",)),
    "pkg": frozenset(("lock",)),
    "flatpak": frozenset(("mask",)),
    "apt-mark": frozenset(("hold",)),
    "dnf": frozenset(("versionlock",)),
    "yum": frozenset(("versionlock",)),
    "zypper": frozenset(("addlock", "al")),
}
_LOCK_READS = frozenset(split_words("list ls locks ll"))


def held_back(command: Command, ctx: Context) -> bool:
    """`apt-mark hold`, `dnf versionlock add`, `zypper addlock`: rated here; True if it was."""
    verbs = _LOCK_VERBS.get(command.name)
    sub, rest = subcommand(command, "-c --config -o --option")
    if verbs is None or sub not in verbs | _HOLD_READS | _LOCK_READS:
        return False
    names = [a for a in rest.argv if not a.startswith("-") and a not in ("add", "exclude")]
    if sub in _HOLD_READS or sub in _LOCK_READS or names[:1] in (["list"], ["ls"]):
        return True  # `apt-mark showhold`, `dnf versionlock list`, `zypper locks`: reads
    if names[:1] and names[0] in _UNLOCKS:
        ctx.add(MODERATE, f"lets held packages update again ({command.name} {sub})", command)
        return True
    if every_installed(command, ctx):
        reason = f"holds every installed package back from updates ({command.name}): no fixes"
        ctx.add(HIGH, reason, command)
        return True
    _rate_hold(command, names, ctx)
    return True


_UNLOCKS = frozenset(split_words("delete del remove rm clear"))


def _rate_hold(command: Command, names: list[str], ctx: Context) -> None:
    vital = next((n for n in names if security_fixed(n.split("@", 1)[0])), None)
    if any(n.strip("'\"") in ("*", "*/*") for n in names):
        reason = f"holds every package back from updates ({command.name}): no fixes come"
        ctx.add(HIGH, reason, command)
    elif vital is not None:
        reason = f"holds {vital} back from updates ({command.name}): its security fixes never come"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"holds packages back from updates ({command.name})", command)


def apt_mark(command: Command, ctx: Context) -> None:
    if held_back(command, ctx):
        return
    if marked_automatic(command, ctx):
        return
    ctx.add(MODERATE, "changes how packages are marked (apt-mark)", command)


_AUTO_MARKS = frozenset(split_words("auto markauto --asdeps"))


def marked_automatic(command: Command, ctx: Context) -> bool:
    """`apt-mark auto $(apt-mark showmanual)`, `pacman -D --asdeps $(pacman -Qqe)`: every
    package marked as a mere dependency, which the next autoremove takes away."""
    if not _AUTO_MARKS & set(command.argv) or not every_installed(command, ctx):
        return False
    reason = f"marks every installed package as removable ({command.name}): autoremove takes them"
    ctx.add(HIGH, reason, command)
    return True


def selections(command: Command, ctx: Context) -> None:
    """`echo 'openssl hold' | sudo dpkg --set-selections`: a hold fed on standard input."""
    stdin = command.stdin
    if "--set-selections" not in command.argv or stdin is None or stdin.literal is None:
        return
    lines = " ".join(word.value for word in stdin.literal).replace("\\n", "\n").splitlines()
    held = [line.split()[0] for line in lines if line.split()[1:2] == ["hold"]]
    if held:
        _rate_hold(command, held, ctx)


def vital_by_pattern(names: set[str], essential: frozenset[str]) -> str | None:
    """`'python3*'`, `libc6*`, `systemd.*`: a pattern that takes a package the system needs."""
    for name in sorted(names):
        if not any(char in name for char in "*?["):
            continue
        pattern = name.strip("'\"").removeprefix("^").removesuffix("$")
        if pattern.endswith(
            ".*"
        ):  # apt reads `python3.*` (or `^python3.*`) as a regular expression
            pattern = pattern[:-2] + "*"
        hit = next((p for p in sorted(essential) if fnmatch.fnmatchcase(p, pattern)), None)
        if hit is not None:
            return hit
    return None


def breaks_system_python(command: Command, as_root: bool, around: str = "") -> str | None:
    """`sudo pip install --break-system-packages ...`, `sudo pip install --ignore-installed x`,
    `sudo pip install -U setuptools`: pip replaces, as root, the Python packages the
    distribution's own tools (apt, dnf, cloud-init) import."""
    if not as_root or command.name not in _PIPS or _elsewhere(command):
        return None
    argv = command.argv
    option = next((a for a in argv if a in _OVERRIDING), None)
    if option is None and _BREAK_VARIABLE.search(around):
        option = "PIP_BREAK_SYSTEM_PACKAGES"
    if option is not None:
        return f"replaces the system's own Python packages as root ({option})"
    folder = into_system(command)
    if folder is not None:
        return f"writes Python packages into the system's own folder as root ({folder})"
    upgraded = sorted(_PIP_OWN & set(argv)) if _UPGRADE & set(argv) else []
    if upgraded:
        return f"replaces the system's {upgraded[0]} as root: the distribution's copy breaks"
    return None


def removes_system_python(command: Command, as_root: bool) -> str | None:
    """`sudo pip uninstall six`: removed as root, from where the system's tools import it."""
    if as_root and command.name in _PIPS and not _elsewhere(command):
        return "removes Python packages as root: the system's own tools may import them"
    return None


_PIPS = frozenset(split_words("pip pip3"))
_BREAK_VARIABLE = lazy_pattern(r"\bPIP_BREAK_SYSTEM_PACKAGES=['\"]?(1|true|yes|on)\b", re.I)
_OVERRIDING = frozenset(split_words("--break-system-packages --ignore-installed -I"))
_UPGRADE = frozenset(split_words("-U --upgrade"))
_PIP_OWN = frozenset(split_words("pip setuptools wheel distutils"))


def _elsewhere(command: Command) -> bool:
    """`--user`, `--target DIR`, `--prefix DIR`, a virtual environment's own pip
    (`/opt/app/venv/bin/pip`): not the system's own folders."""
    program = command.words[0].value if command.words else ""
    if "/" in program and not program.startswith(_SYSTEM_BINS):
        return True
    elsewhere = ("--user", "--target", "-t", "--prefix", "--root")
    if into_system(command) is not None:
        return False  # `--target /usr/lib/python3/dist-packages`: the system's own folder
    return any(a.split("=")[0] in elsewhere for a in command.argv)


def into_system(command: Command) -> str | None:
    """The system's own package folder a `pip --target` names, else None."""
    named = ("--target", "-t", "--prefix", "--root")
    folders = [b for a, b in itertools.pairwise(command.argv) if a in named]
    folders += [a.partition("=")[2] for a in command.argv if a.partition("=")[0] in named]
    return next((f for f in folders if f.startswith(_SYSTEM_PACKAGES)), None)


_SYSTEM_PACKAGES = ("/usr/lib/python3", "/usr/lib64/python3", "/usr/local/lib/python3")


_SYSTEM_BINS = ("/usr/bin/", "/bin/", "/usr/local/bin/", "/usr/sbin/")


def partial_upgrade(command: Command) -> str | None:
    """`pacman -Sy firefox`: fresh package lists, but only some packages built against them."""
    if command.name not in ("pacman", "yay", "paru"):
        return None
    flags = "".join(a[1:] for a in command.argv if a.startswith("-") and not a.startswith("--"))
    names = [a for a in command.argv if not a.startswith("-")]
    if "S" not in flags or "y" not in flags or "u" in flags or not names:
        return None
    if set(names) <= _KEYRINGS:
        return None  # the keyring first is what Arch advises before a full upgrade
    return "refreshes package lists but upgrades only some packages (-Sy without -u): may break"


_KEYRINGS = frozenset(split_words("archlinux-keyring manjaro-keyring endeavouros-keyring"))


def broad_overwrite(argv: list[str]) -> str | None:
    """`pacman -U --overwrite '*'`: every file any other package owns may be replaced; the
    option as written, or None."""
    for option, value in itertools.pairwise([*argv, ""]):
        glob = value if option == "--overwrite" else option.removeprefix("--overwrite=")
        if option.startswith("--overwrite") and _EVERY_FILE.match(glob.strip("'\"")):
            return f"--overwrite {glob}"
    return None


# `*`, `/usr/*`, `/etc/**`: every file, or every file of a folder the system runs from.
_EVERY_FILE = lazy_pattern(r"^/?((usr|etc|bin|sbin|lib|lib64|opt|var|boot)/?)?\*\*?$")


_NOT_CODE = ("-headers", "-docs", "-doc")  # what programs are built against or read


def skipped_upgrades(command: Command) -> str | None:
    """`pacman -Syu --ignore linux,openssl`: the upgrade leaves security fixes out."""
    if command.name not in ("pacman", "yay", "paru"):
        return None
    ignored = [b for a, b in itertools.pairwise(command.argv) if a in ("--ignore", "--ignoregroup")]
    ignored += [a.split("=", 1)[1] for a in command.argv if a.startswith("--ignore=")]
    names = [n for value in ignored for n in value.split(",") if not n.endswith(_NOT_CODE)]
    vital = next((n for n in names if security_fixed(n) or n == "*"), None)
    if vital is None:
        return None
    return f"upgrades everything but {vital} (--ignore): its security fixes stay out"


def unchecked_dependencies(command: Command) -> str | None:
    """`pacman -Sdd x`: installs without checking what the package needs or breaks."""
    if command.name not in ("pacman", "yay", "paru"):
        return None
    for value in command.argv:
        if value.startswith(("-S", "-U")) and value[1:].count("d") >= 2:
            return f"installs without checking dependencies ({value}): what needs them may break"
    return None


def other_release(command: Command, sub: str) -> str | None:
    """`dnf system-upgrade download --releasever=41`, `zypper --releasever=16.0 dup`: the
    whole system moves to another release of the distribution."""
    argv = command.argv
    if command.name in ("dnf", "yum") and sub == "system-upgrade":
        if any(a in ("download", "reboot") for a in argv):
            return f"moves the whole system to another release ({command.name} system-upgrade)"
        return None
    release = any(a.startswith("--releasever") for a in argv)
    if release and sub in _WHOLE_UPGRADES:
        return f"moves the whole system to another release ({command.name} {sub} --releasever)"
    return None


_WHOLE_UPGRADES = frozenset(split_words("dup dist-upgrade distro-sync upgrade update"))
_RELEASE_CHECKS = frozenset(split_words("-c --check-dist-upgrade-only -h --help -V --version"))


def release_upgrade(command: Command, ctx: Context) -> None:
    """`do-release-upgrade`: Ubuntu's move to its next release; unattended, nobody sees a
    step fail half-way."""
    argv = command.argv
    if _RELEASE_CHECKS & set(argv):
        return
    if any("NonInteractive" in a for a in argv):
        reason = "upgrades to the next release without asking: a failed step may not boot"
        ctx.add(HIGH, reason, command)
        return
    reason = "moves the system to its next release: no way back, a failed step may not boot"
    ctx.add(HIGH, reason, command)


_BARE_IP = lazy_pattern(r"^(https?://)?\d{1,3}(\.\d{1,3}){3}([:/]|$)")


def xbps(command: Command, ctx: Context) -> None:
    """Void Linux: `xbps-install` installs or updates, `xbps-query` only reads, `xbps-remove`
    removes (rated with the other removals)."""
    if command.name == "xbps-query":
        return
    if command.name == "xbps-remove" and any(not a.startswith("-") for a in command.argv):
        from tui.core.safety.rules import removals  # removals reads this module's lists

        removals.removes_packages(command, ctx)
        return
    argv = command.argv
    given = [b for a, b in itertools.pairwise(argv) if a in ("-R", "--repository")]
    given += [a.split("=", 1)[1] for a in argv if a.startswith("--repository=")]
    plain = next(
        (
            g
            for g in given
            if g.startswith("http://") or _BARE_IP.match(g) or ("://" in g and "voidlinux" not in g)
        ),
        None,
    )
    if plain is not None:  # `xbps-install -R http://203.0.113.9/current x`
        ctx.add(HIGH, f"installs packages from a repository given on the line ({plain})", command)
        return
    ctx.add(MODERATE, f"installs or changes packages ({command.name})", command)


RULES: dict[str, Rule] = {
    "apt-mark": apt_mark,
    "do-release-upgrade": release_upgrade,
    **dict.fromkeys(split_words("xbps-install xbps-query xbps-pkgdb xbps-remove"), xbps),
}
