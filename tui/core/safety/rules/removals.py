"""Removing system packages: the ones a machine cannot run without, and removals forced past
the package manager's own checks.

Removing the C library, the init system, the shell, the package manager, sudo or the SSH server
leaves a machine that no longer boots, updates or lets anyone in (CRITICAL). Forcing any
removal past its dependencies (`rpm -e --nodeps`, `pacman -Rdd`, `dpkg --force-all`) breaks
whatever needed the package (HIGH); forcing out a shared library (`rpm -e --nodeps
openssl-libs`) stops every program linked to it (CRITICAL). One kernel by its version, and the
system's interpreters by another name (`python3.10`, `perl`), are HIGH; so are the desktop's
core (the display server, the login screen, the desktop meta-packages) and what makes kernels
bootable (initramfs-tools, dracut). A simulated removal (`apt remove -s`, `--assume-no`,
`pacman -Rp`) changes nothing. Names fed from a listing of everything
installed (`rpm -qa | xargs rpm -e`) remove it all; a listing narrowed to a pattern (`dpkg -l
'linux-image-*' | ...`) removes everything the pattern matches.
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.installed import every_installed, fed_names
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import package_safety
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE
from tui.core.safety.vital import security_fixed
from tui.core.safety.words import split_words

# Packages without which a Linux system stops booting, logging in, updating or being reached.
ESSENTIAL = frozenset(
    split_words(
        "libc6 libc-bin glibc glibc-common musl systemd systemd-sysv libsystemd0 init "
        "coreutils bash dash busybox util-linux login passwd shadow shadow-utils base-files "
        "base-passwd filesystem dpkg apt apt-get rpm dnf yum pacman apk-tools zypper sudo "
        "openssh-server openssh openssh-sshd linux linux-image kernel kernel-core grub2 grub-pc "
        "grub-efi-amd64 python python3 python3-minimal perl-base tar gzip grep sed findutils "
        "libpam-modules libpam0g pam libselinux1 udev base base-system pkg xbps portage os-core "
        "libc glibc-solibs aaa_base aaa_glibc-solibs opkg"
    )
)
# The display server, the login screen and the desktop's core (and the meta-packages that keep
# it installed): removed, the machine starts to a text console.
DESKTOP = frozenset(
    split_words(
        "xserver-xorg xserver-xorg-core xorg xorg-server xorg-x11-server-Xorg xwayland "
        "gnome-shell gnome-session mutter gdm gdm3 sddm lightdm plasma-desktop plasma-workspace "
        "kwin-x11 kwin-wayland ubuntu-desktop ubuntu-desktop-minimal kubuntu-desktop "
        "xubuntu-desktop lubuntu-desktop ubuntu-session task-gnome-desktop task-kde-desktop "
        "task-xfce-desktop xfce4-session cinnamon-session mate-session-manager"
    )
)
# What makes a kernel bootable: removed, the next kernel update leaves no image to boot.
BOOT_MAKERS = frozenset(
    split_words(
        "initramfs-tools dracut mkinitcpio grub-common grub2-common grub2-tools shim-signed "
        "shim-x64 systemd-boot"
    )
)
# Snaps every other snap is built on: without them no snap starts.
_BASE_SNAPS = frozenset(split_words("core core18 core20 core22 core24 snapd"))
SYSTEM_MANAGERS = frozenset(
    split_words(
        "apt apt-get aptitude dpkg dnf yum rpm pacman yay paru zypper apk emerge pkg snap flatpak "
        "xbps-remove"
    )
)
_SIMULATED = frozenset(
    split_words(
        "--simulate --dry-run --just-print --no-act --recon --assumeno --assume-no --test "
        "--noaction"
    )
)
_APT_FAMILY = frozenset(split_words("apt apt-get aptitude"))
_FORCED = frozenset(
    split_words(
        "--nodeps --force-all --force-depends --force-remove-essential --allow-remove-essential "
        "-Rdd -Rdds -Rddns -dd --force-remove-reinstreq"
    )
)
_RUNNING_KERNEL = lazy_pattern(r"\$\(\s*uname\s+-r\s*\)|`\s*uname\s+-r\s*`")
# Names that stand for every installed kernel: a pattern over the kernel packages, or the
# meta-package that pulls in the current one (`linux-image-*`, `kernel*`, `linux-generic`).
_EVERY_KERNEL = lazy_pattern(
    r"^(linux-image|linux-modules|kernel|kernel-core|linux)[-*?\[]*\*.*$|"
    r"^linux-(image-)?(generic|virtual|lowlatency|aws|azure|gcp|oem|lts|zen|hardened)"
    r"(-hwe-[\d.]+)?$|^kernel-(default|preempt|rt|64k|lts|ml)(-base)?$"
)
# apt and aptitude search patterns that match every installed package.
_EVERY_INSTALLED_PATTERN = frozenset(("~i", "?installed", "~i~M", "?true"))
# One kernel by its version: if it is the one running, or the only one, nothing boots.
_ONE_KERNEL = lazy_pattern(r"^(linux-image|linux-modules|kernel|kernel-core|vmlinuz)-\d")
# The system's own interpreters by another name: `python3.10` on Ubuntu 22.04, `perl`.
_SYSTEM_INTERPRETERS = lazy_pattern(
    r"^(python3\.\d+(-minimal)?|libpython3\.\d+(-stdlib|-minimal)?|perl)$"
)


def removes_packages(command: Command, ctx: Context) -> None:
    """Rates the removal of the packages a system package manager is given."""
    argv = command.argv
    if (command.name in _APT_FAMILY and "-s" in argv) or _SIMULATED & set(argv):
        return  # the package manager only shows what it would remove
    if command.name in ("pacman", "yay", "paru") and _prints_only(argv):
        return  # `pacman -Rp glibc`: prints the targets, removes nothing
    if command.name in ("xbps-remove", "pkg") and any(_short_has(a, "n") for a in argv):
        return  # `xbps-remove -n`, `pkg delete -n`: a dry run
    if every_installed(command, ctx):
        reason = f"removes every installed package ({command.name}): the system's own among them"
        ctx.add(CRITICAL, reason, command)
        return
    names = _package_names(command) | set(fed_names(command))
    names |= {w.raw.strip("'\"") for w in command.args} & _EVERY_INSTALLED_PATTERN  # `~i` unquoted
    if command.name == "pkg" and any(_short_has(a, "a") or a == "--all" for a in argv):
        reason = "removes every installed package (pkg delete -a): the system's own among them"
        ctx.add(CRITICAL, reason, command)
        return
    if names & _EVERY_INSTALLED_PATTERN:
        pattern = sorted(names & _EVERY_INSTALLED_PATTERN)[0]
        reason = f"removes every installed package ({command.name} {pattern})"
        ctx.add(CRITICAL, reason + ": the system's own among them", command)
        return
    _takes_more(command, names, ctx)
    vital = names & ESSENTIAL
    by_pattern = package_safety.vital_by_pattern(names, ESSENTIAL)
    if by_pattern is not None and not vital:
        pattern = next(n for n in sorted(names) if any(c in n for c in "*?["))
        reason = f"removes every package matching {pattern}, {by_pattern} among them: "
        ctx.add(CRITICAL, reason + "the system cannot run without it", command)
        return
    running = any(_RUNNING_KERNEL.search(w.raw) for w in command.args)
    forced = next((a for a in argv if a in _FORCED or a.startswith("--force-")), None)
    if forced is None and command.name == "pkg":  # FreeBSD: `pkg delete -f` ignores dependents
        forced = next((a for a in argv if re.fullmatch(r"-[a-zA-Z]*f[a-zA-Z]*", a)), None)
    if forced is None and command.name == "xbps-remove":  # `-F`: removes what depends on it too
        forced = next((a for a in argv if _short_has(a, "F") or a == "--force-revdeps"), None)
    if forced is None and command.name == "emerge":  # `--unmerge` never asks what needs it
        forced = next((a for a in argv if a in ("--unmerge", "-C", "--rage-clean")), None)
    if vital:
        reason = f"removes {sorted(vital)[0]}, a package the system cannot run without"
        ctx.add(CRITICAL, reason, command)
    elif running:
        ctx.add(CRITICAL, "removes the kernel the machine is running: it will not boot", command)
    elif any(_EVERY_KERNEL.match(name) for name in names):
        kernel = next(name for name in sorted(names) if _EVERY_KERNEL.match(name))
        ctx.add(CRITICAL, f"removes every kernel ({kernel}): the machine will not boot", command)
    elif command.name == "snap" and names & _BASE_SNAPS:
        reason = f"removes {sorted(names & _BASE_SNAPS)[0]}, which every snap needs to start"
        ctx.add(HIGH, reason, command)
    elif forced is not None and any(_shared_library(name) for name in names):
        library = next(name for name in sorted(names) if _shared_library(name))
        reason = f"removes {library} past its dependencies ({forced}): what links to it stops"
        ctx.add(CRITICAL, reason, command)
    elif forced is not None:
        reason = f"removes packages past their dependencies ({forced}): what needs them breaks"
        ctx.add(HIGH, reason, command)
    elif any(_ONE_KERNEL.match(name) for name in names):
        kernel = next(name for name in sorted(names) if _ONE_KERNEL.match(name))
        reason = f"removes the kernel {kernel}: if it is the one running, the machine may not boot"
        ctx.add(HIGH, reason, command)
    elif any(_SYSTEM_INTERPRETERS.match(name) for name in names):
        gone = next(name for name in sorted(names) if _SYSTEM_INTERPRETERS.match(name))
        ctx.add(HIGH, f"removes {gone}, which the system's own scripts may run on", command)
    elif names & package_safety.NETWORK_PACKAGES:
        gone = sorted(names & package_safety.NETWORK_PACKAGES)[0]
        ctx.add(HIGH, f"removes {gone}: the machine may lose its network connection", command)
    elif names & DESKTOP or package_safety.vital_by_pattern(names, DESKTOP):
        pattern = next((n for n in sorted(names) if any(c in n for c in "*?[")), "")
        gone = sorted(names & DESKTOP)[0] if names & DESKTOP else f"every {pattern} package"
        ctx.add(HIGH, f"removes {gone}: the machine starts without its desktop", command)
    elif names & BOOT_MAKERS:
        gone = sorted(names & BOOT_MAKERS)[0]
        ctx.add(HIGH, f"removes {gone}: kernels can no longer be made bootable", command)
    elif names & package_safety.UPDATER_PACKAGES:
        gone = sorted(names & package_safety.UPDATER_PACKAGES)[0]
        ctx.add(HIGH, f"removes {gone}: security updates stop installing themselves", command)
    else:
        ctx.add(MODERATE, f"removes packages ({command.name})", command)


# Snaps whose data is whole machines, clusters or databases (`/var/snap/NAME`).
_DATA_SNAPS = frozenset(
    split_words(
        "lxd microk8s k8s docker multipass nextcloud postgresql mysql mariadb mongodb redis "
        "rocketchat-server wekan minio grafana prometheus influxdb2 etcd juju"
    )
)


def _takes_more(command: Command, names: set[str], ctx: Context) -> None:
    """`snap remove --purge lxd` deletes the snap's data with no snapshot kept; `apk del
    --rdepends x`, `pacman -Rc x` also remove every package that depends on x."""
    argv = command.argv
    if command.name == "snap" and "--purge" in argv and names:
        stores = sorted(names & _DATA_SNAPS)
        if stores:
            reason = f"deletes {stores[0]} with all it holds, no snapshot kept (snap --purge)"
            ctx.add(CRITICAL, reason, command)
            return
        reason = f"deletes {sorted(names)[0]}'s data with it, no snapshot kept (snap --purge)"
        ctx.add(HIGH, reason, command)
        return
    cascade = command.name == "apk" and any(a in ("-r", "--rdepends") for a in argv)
    pacman = command.name in ("pacman", "yay", "paru")
    cascade = cascade or (pacman and any(_short_has(a, "c") or a == "--cascade" for a in argv))
    if cascade and names:
        gone = sorted(names)[0]
        ctx.add(HIGH, f"removes {gone} and every package that depends on it", command)


def _short_has(value: str, letter: str) -> bool:
    """`-Rn` has `n`: one of a cluster of short options."""
    return value.startswith("-") and not value.startswith("--") and letter in value[1:]


def _prints_only(argv: list[str]) -> bool:
    return "--print" in argv or any(
        a.startswith("-") and not a.startswith("--") and "p" in a for a in argv
    )


def _shared_library(name: str) -> bool:
    """`libssl3`, `openssl-libs`, `glibc`: a library every program links to, holes fixed there."""
    return security_fixed(name) and (name.startswith("lib") or name in _CORE_LIBRARIES)


_CORE_LIBRARIES = frozenset(split_words("openssl-libs glibc nss gnutls"))


def _package_names(command: Command) -> set[str]:
    """`libc6:amd64`, `glibc=2.35`, `sys-libs/glibc` -> `libc6`, `glibc`, `glibc`."""
    names: set[str] = set()
    for value in command.argv:
        if value.startswith("-"):
            continue
        name = value.split("=", 1)[0].split(":", 1)[0].rsplit("/", 1)[-1]
        names.add(re.sub(r"-\d[\w.+~-]*$", "", name) if command.name == "emerge" else name)
    return names
