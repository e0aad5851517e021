"""What a line written into a file that grants access does: sudoers, accounts, sshd, PAM.

Used for text written with `>`/`>>`/tee and for `sed -i` scripts: the file alone says the
command changes who may do what; the line says how far.
"""

from __future__ import annotations

import re

from tui.core.safety import paths
from tui.core.safety.model import RiskLevel
from tui.core.safety.targets import Verdict

_ROOT_ALL = re.compile(
    r"\bNOPASSWD\b|\bALL\s*=\s*\(\s*ALL(\s*:\s*ALL)?\s*\)\s*ALL\b|!\s*authenticate\b"
)
_UID_ZERO = re.compile(r"^[^:\s]+:[^:]*:0:\d*:", re.MULTILINE)
_EMPTY_PASSWORD = re.compile(r"^[^:\s]+::", re.MULTILINE)
_SSH_WEAK = re.compile(
    r"\b(PermitRootLogin\s+yes|PasswordAuthentication\s+yes|PermitEmptyPasswords\s+yes|"
    r"AuthorizedKeysFile\s+/tmp)",
    re.IGNORECASE,
)
_PAM_OPEN = re.compile(r"\bpam_(permit|exec|succeed_if)\.so\b")


def config_content(path: str, text: str) -> Verdict | None:
    """The verdict for putting `text` into `path`, when the text widens access."""
    where = paths.normalise(path)
    name = where.rsplit("/", 1)[-1]
    sudoers = where == "/etc/sudoers" or where.startswith("/etc/sudoers.d/")
    if sudoers and _ROOT_ALL.search(text):
        return Verdict(RiskLevel.CRITICAL, f"lets a user run anything as root ({where})")
    if where in ("/etc/passwd", "/etc/shadow", "/etc/master.passwd"):
        if _UID_ZERO.search(text) and where != "/etc/shadow":
            return Verdict(RiskLevel.CRITICAL, f"adds an account with root's user id 0 ({where})")
        if _EMPTY_PASSWORD.search(text):
            return Verdict(RiskLevel.CRITICAL, f"leaves an account without a password ({where})")
    if name in ("sshd_config",) or where.startswith("/etc/ssh/sshd_config.d/"):
        match = _SSH_WEAK.search(text)
        if match:
            return Verdict(RiskLevel.HIGH, f"weakens SSH log-ins ({match.group(0)})")
    if where.startswith(("/etc/apt/sources.list", "/etc/yum.repos.d/", "/etc/zypp/repos.d/")):
        if re.search(r"trusted\s*=\s*yes|gpgcheck\s*=\s*0|allow-insecure", text):
            return Verdict(
                RiskLevel.CRITICAL,
                f"adds a package source whose packages are not checked ({where})",
            )
        if "http://" in text or "https://" in text or "baseurl" in text:
            return Verdict(RiskLevel.HIGH, f"adds a new source of system packages ({where})")
    if (where == "/etc/ld.so.conf" or where.startswith("/etc/ld.so.conf.d/")) and re.search(
        r"(^|\s)(/tmp|/var/tmp|/dev/shm|/home|~)", text
    ):
        return Verdict(
            RiskLevel.CRITICAL, f"makes every program load libraries from a user folder ({where})"
        )
    if where.startswith("/etc/pam.d/") and _PAM_OPEN.search(text):
        return Verdict(RiskLevel.CRITICAL, f"lets log-ins succeed without a password ({where})")
    return None
