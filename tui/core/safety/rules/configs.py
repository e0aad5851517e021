"""What a line written into a file that grants access does: sudoers, accounts, sshd, PAM.

Used for text written with `>`/`>>`/tee and for `sed -i` scripts: the file alone says the
command changes who may do what; the line says how far.
"""

from __future__ import annotations

import re

from tui.core.safety import paths
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.rules import update_sources
from tui.core.safety.rules.resolvers import outside_address
from tui.core.safety.rules.weakening import sed_text
from tui.core.safety.targets import Verdict
from tui.core.safety.vital import security_fixed

_ROOT_ALL = lazy_pattern(
    r"\bNOPASSWD\b|\bALL\s*=\s*\(\s*ALL(\s*:\s*ALL)?\s*\)\s*ALL\b|!\s*authenticate\b"
)
_UID_ZERO = lazy_pattern(r"^[^:\s]+:[^:]*:0:\d*:", re.MULTILINE)
_EMPTY_PASSWORD = lazy_pattern(r"^[^:\s]+::", re.MULTILINE)
_SSH_WEAK = lazy_pattern(
    r"\b(PermitRootLogin\s+yes|PasswordAuthentication\s+yes|PermitEmptyPasswords\s+yes|"
    r"AuthorizedKeysFile\s+/tmp)",
    re.IGNORECASE,
)
_PAM_OPEN = lazy_pattern(r"\bpam_(permit|exec|succeed_if)\.so\b")


# Kernel command lines: `init=/bin/bash`, `rd.break` or a rescue target give a root shell
# at the console with no password.
_BOOT_CONFIGS = frozenset(("/etc/default/grub", "/etc/kernel/cmdline", "/boot/cmdline.txt"))
_ROOT_SHELL_BOOT = lazy_pattern(
    r"\binit=/\S*(sh|bash)\b|\brd\.break\b|systemd\.unit=(rescue|emergency)|\bsingle\b"
)
ROOT_SHELL_BOOT = _ROOT_SHELL_BOOT  # also read by boot.py (grubby, kernelstub)


_DOAS = frozenset(("/etc/doas.conf", "/usr/local/etc/doas.conf"))
_DOAS_PERMIT = lazy_pattern(r"^[^\S\n]*permit\b", re.M)
# Where system package managers read their sources (apt, dnf/yum, zypper, pacman, apk).
PACKAGE_SOURCES = (
    "/etc/apt/sources.list",
    "/etc/yum.repos.d/",
    "/etc/zypp/repos.d/",
    "/etc/pacman.conf",
    "/etc/pacman.d/",
    "/etc/apk/repositories",
    "/etc/opkg/",
    "/etc/xbps.d/",
    "/etc/portage/repos.conf",
    "/etc/urpmi/",
    "/etc/slackpkg/mirrors",
    "/etc/installurl",
    "/usr/local/etc/pkg/repos/",
    "/opt/pkg/etc/pkgin/repositories.conf",
    "/usr/pkg/etc/pkgin/repositories.conf",
)
# Debian and Ubuntu release names: one swapped for another in the sources moves the system.
_RELEASES = (
    "jessie|stretch|buster|bullseye|bookworm|trixie|forky|duke|sid|xenial|bionic|focal|jammy|"
    "kinetic|lunar|mantic|noble|oracular|plucky|questing|"
    r"v\d+\\?\.\d+|edge|latest-stable"  # Alpine's /etc/apk/repositories
)
_RELEASE_SWAP = lazy_pattern(rf"s(.)({_RELEASES})\1({_RELEASES})\1")


# Programs that hand out a shell when run as root with arguments of one's choosing.
_ESCAPES = frozenset(
    (
        "sh bash dash zsh ksh fish csh tcsh python python2 python3 perl ruby node php lua vim vi "
        "nvim nano emacs less more man find awk gawk env cp mv tee dd busybox nmap tar zip su sudo "
        "apt apt-get yum dnf pip pip3 npm git docker make rsync scp ssh sed journalctl systemctl "
        "crontab chmod chown mount wget curl install ln"
    ).split()
)
_NOPASSWD = lazy_pattern(r"NOPASSWD\s*:\s*(?P<commands>[^\n]*)")


def _sudo_grant(text: str) -> RiskLevel:
    """CRITICAL when a sudoers line gives root to anything (ALL, a wildcard, a shell, a program
    that runs others) or drops the password check; HIGH when it names fixed commands only."""
    if re.search(r"!\s*authenticate\b|ALL\s*=\s*\(\s*ALL(\s*:\s*ALL)?\s*\)\s*ALL\b", text):
        return RiskLevel.CRITICAL
    for match in _NOPASSWD.finditer(text):
        for command in match.group("commands").split(","):
            token = re.match(r"\s*([\w./*-]*)(?P<rest>.*)", command)
            name = token.group(1).rstrip("/") if token else ""
            rest = re.split(r"\\n|['\"]", token.group("rest") if token else "")[0]
            if name in ("", "ALL") or "*" in command:
                return RiskLevel.CRITICAL
            program = name.rsplit("/", 1)[-1].rstrip("0123456789.")
            if program in _ESCAPES and (not rest.strip() or program in _ROOT_SHELLS):
                return RiskLevel.CRITICAL
    return RiskLevel.HIGH


_ROOT_SHELLS = frozenset(
    "sh bash dash zsh ksh fish csh tcsh python python3 perl ruby node php".split()
)


def config_content(path: str, text: str) -> Verdict | None:
    """The verdict for putting `text` into `path`, when the text widens access."""
    where = paths.normalise(path)
    name = where.rsplit("/", 1)[-1]
    text = text.replace("\\/", "/")  # a sed script's `init=\/bin\/bash`
    sudoers = where == "/etc/sudoers" or where.startswith("/etc/sudoers.d/")
    if sudoers and _ROOT_ALL.search(text):
        level = _sudo_grant(text)
        if level is RiskLevel.CRITICAL:
            return Verdict(level, f"lets a user run anything as root ({where})")
        return Verdict(level, f"lets a user run one fixed command as root ({where})")
    if where in ("/etc/passwd", "/etc/shadow", "/etc/master.passwd"):
        if _UID_ZERO.search(text) and where != "/etc/shadow":
            return Verdict(RiskLevel.CRITICAL, f"adds an account with root's user id 0 ({where})")
        if _EMPTY_PASSWORD.search(text):
            return Verdict(RiskLevel.CRITICAL, f"leaves an account without a password ({where})")
    if name in ("sshd_config",) or where.startswith("/etc/ssh/sshd_config.d/"):
        match = _SSH_WEAK.search(sed_text(text))  # `s/yes/no/` turns the setting off
        if match:
            return Verdict(RiskLevel.HIGH, f"weakens SSH log-ins ({match.group(0)})")
    if where in _DOAS and _DOAS_PERMIT.search(text):
        level = RiskLevel.CRITICAL if "nopass" in text else RiskLevel.HIGH
        return Verdict(level, f"lets a user run commands as root ({where})")
    security_off = update_sources.sources_edit(where, text)
    if security_off is not None:
        return Verdict(RiskLevel.HIGH, security_off)
    if where.startswith(PACKAGE_SOURCES):
        if re.search(
            r"trusted\s*=\s*yes|gpgcheck\s*=\s*0|allow-insecure|SigLevel\s*=\s*Never", text
        ):
            return Verdict(
                RiskLevel.CRITICAL,
                f"adds a package source whose packages are not checked ({where})",
            )
        if "http://" in text or "https://" in text or "baseurl" in text:
            return Verdict(RiskLevel.HIGH, f"adds a new source of system packages ({where})")
        swap = _RELEASE_SWAP.search(text)
        if swap is not None and swap.group(2) != swap.group(3):
            reason = f"points the package sources at another release ({swap.group(3)})"
            return Verdict(RiskLevel.HIGH, reason)
    if (where == "/etc/ld.so.conf" or where.startswith("/etc/ld.so.conf.d/")) and re.search(
        r"(^|\s)(/tmp|/var/tmp|/dev/shm|/home|~)", text
    ):
        return Verdict(
            RiskLevel.CRITICAL, f"makes every program load libraries from a user folder ({where})"
        )
    if where in _BOOT_CONFIGS and _ROOT_SHELL_BOOT.search(text):
        return Verdict(RiskLevel.HIGH, f"makes the machine boot into a root shell ({where})")
    if where.startswith("/etc/pam.d/") and _PAM_OPEN.search(text):
        return Verdict(RiskLevel.CRITICAL, f"lets log-ins succeed without a password ({where})")
    if where.startswith(("/etc/polkit-1/", "/usr/share/polkit-1/")) and _polkit_yes_to_all(text):
        reason = f"lets anyone do any administrator action without a password ({where})"
        return Verdict(RiskLevel.CRITICAL, reason)
    return mounts_and_logs(where, text) or updates_blocked(where, text)


# An fstab line that mounts something on `/`, and a syslog rule that forwards (`@` UDP, `@@` TCP).
_ROOT_MOUNT = lazy_pattern(r"^[^\S\n]*[^#\s]\S*[^\S\n]+/[^\S\n]+\S+", re.M)
_FORWARD = lazy_pattern(r"@@?(\([^)]*\))?\[?(?P<host>[0-9a-fA-F.:]+?)\]?(:\d+)?(?=\s|$|;|['\"])")
_SYSLOG_CONFIGS = ("/etc/rsyslog.conf", "/etc/rsyslog.d/", "/etc/syslog.conf", "/etc/syslog-ng/")


def mounts_and_logs(where: str, text: str) -> Verdict | None:
    """A second root filesystem in fstab, or every log forwarded to an outside address."""
    if where == "/etc/fstab" and _ROOT_MOUNT.search(text):
        return Verdict(RiskLevel.HIGH, "mounts another device as the root filesystem at boot")
    if where.startswith(_SYSLOG_CONFIGS):
        hosts = [m.group("host") for m in _FORWARD.finditer(text)]
        outside = next((h for h in hosts if outside_address(h)), None)
        if outside is not None:
            reason = f"sends every system log to {outside}, a machine outside the network"
            return Verdict(RiskLevel.HIGH, reason)
    return None


# A polkit rule that answers yes (`return polkit.Result.YES`, `ResultAny=yes`), and the checks
# that would narrow it to one action.
_POLKIT_YES = lazy_pattern(r"Result\.YES\b|Result(Any|Active|Inactive)\s*=\s*yes", re.I)
_POLKIT_ONE_ACTION = lazy_pattern(r"action\.id|^\s*Action\s*=\s*[\w.-]+\s*$", re.M)


def _polkit_yes_to_all(text: str) -> bool:
    return bool(_POLKIT_YES.search(text)) and not _POLKIT_ONE_ACTION.search(
        text.replace("\\n", "\n")
    )


# Settings that keep every package from being installed or updated, or updates from running.
_EVERY_PACKAGE_PINNED_OUT = lazy_pattern(
    r"Package:\s*\*\s.*Pin-Priority:\s*-\d", re.DOTALL | re.IGNORECASE
)
_EXCLUDE_ALL = lazy_pattern(r"^\s*(exclude|excludepkgs|IgnorePkg)\s*=\s*\*\s*$", re.MULTILINE)
_AUTO_UPDATES_OFF = lazy_pattern(
    r"APT::Periodic::(Unattended-Upgrade|Update-Package-Lists)\s+\"?0|"
    r"Unattended-Upgrade::(Allowed-Origins|Origins-Pattern)\s*\{\s*\}",
    re.IGNORECASE,
)
_PIN_STANZA = lazy_pattern(
    r"Package:\s*(?P<names>[^\n]+)\n(?P<rest>(?:(?!Package:)[^\n]*\n?)*)", re.IGNORECASE
)
_HOLDING_PIN = lazy_pattern(r"Pin-Priority:\s*(-\d+|1\d{3,})|Pin:\s*version\s", re.IGNORECASE)


def _vital_pin(text: str) -> str | None:
    """`Package: openssl / Pin: version 1.1.1* / Pin-Priority: 1001`: a security-fixed package
    held at a version, or pinned out of updates (a negative priority)."""
    for stanza in _PIN_STANZA.finditer(text.replace("\\n", "\n")):
        if not _HOLDING_PIN.search(stanza.group("rest")):
            continue
        vital = next((n for n in stanza.group("names").split() if security_fixed(n)), None)
        if vital is not None:
            return vital
    return None


def updates_blocked(where: str, text: str) -> Verdict | None:
    """`Package: * / Pin-Priority: -1`, `exclude=*`, `Unattended-Upgrade "0"`: no package,
    security fixes included, is updated from now on."""
    if where.startswith("/etc/apt/preferences") and _EVERY_PACKAGE_PINNED_OUT.search(text):
        reason = (
            f"blocks every package from being installed or updated ({where}): no security fixes"
        )
        return Verdict(RiskLevel.HIGH, reason)
    if where in _PACKAGE_SETTINGS and _EXCLUDE_ALL.search(text):
        reason = f"excludes every package from updates ({where}): no security fixes"
        return Verdict(RiskLevel.HIGH, reason)
    excluded = _excluded_vital(text) if where in _PACKAGE_SETTINGS else None
    if excluded is not None:
        reason = f"keeps {excluded} from updates ({where}): its security fixes never come"
        return Verdict(RiskLevel.HIGH, reason)
    pinned = _vital_pin(text) if where.startswith("/etc/apt/preferences") else None
    if pinned is not None:
        reason = f"pins {pinned} to one version or out of updates ({where}): no security fixes"
        return Verdict(RiskLevel.HIGH, reason)
    if where.startswith("/etc/apt/apt.conf") and _AUTO_UPDATES_OFF.search(text):
        reason = f"switches off automatic security updates ({where})"
        return Verdict(RiskLevel.HIGH, reason)
    if where.endswith("/versionlock.list"):  # dnf and yum's version locks, one name a line
        locked = next((n for n in text.split() if security_fixed(n)), None)
        if locked is not None:
            reason = f"locks {locked} to its version ({where}): its security fixes never come"
            return Verdict(RiskLevel.HIGH, reason)
    return None


_EXCLUDES = lazy_pattern(
    r"^\s*(?:exclude|excludepkgs|IgnorePkg|IgnoreGroup)\s*=\s*(.+)$", re.MULTILINE
)


def _excluded_vital(text: str) -> str | None:
    """`exclude=kernel* openssl*`, `IgnorePkg = linux`: a package whose updates close holes."""
    for match in _EXCLUDES.finditer(text):
        for name in match.group(1).replace(",", " ").split():
            if security_fixed(name):
                return name
    return None


_PACKAGE_SETTINGS = frozenset(("/etc/dnf/dnf.conf", "/etc/yum.conf", "/etc/pacman.conf"))
