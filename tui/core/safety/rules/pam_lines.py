"""Lines a stream editor deletes from a PAM file: the line that checks the password.

`sed -i '/pam_unix.so/d' /etc/pam.d/common-auth` takes the password check out of the log-in
stack: depending on what is left, nobody can log in or use sudo, or anyone can.
"""

from __future__ import annotations

import re

from tui.core.safety import paths
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.rules.common import CRITICAL
from tui.core.safety.targets import Verdict

# `/PATTERN/d`, `/PATTERN/,+1d`, `\#PATTERN#d`: the lines matching PATTERN are deleted.
_DELETED = lazy_pattern(
    r"(?:^|[;\n{])\s*(?:/(?P<a>[^/]+)/|\\(?P<sep>.)(?P<b>.+?)(?P=sep))"
    r"(?:\s*,\s*[^d;]*)?\s*!?\s*d\b"
)
# Modules that check who you are, and the shared stacks every service includes.
_CHECKS = lazy_pattern(
    r"pam_(unix|sss|ldap|krb5|winbind|systemd_home|tcb)|common-auth|system-auth|password-auth",
    re.IGNORECASE,
)


def removed_check(value: str, script: str) -> Verdict | None:
    """Deleting the password check's lines from a PAM file (`sed -i '/pam_unix/d'`)."""
    path = paths.normalise(value)
    if not (path.startswith("/etc/pam.d/") or path == "/etc/pam.conf"):
        return None
    for match in _DELETED.finditer(script):
        pattern = match.group("a") or match.group("b") or ""
        if _CHECKS.search(pattern):
            reason = f"deletes the password check from {path}: log-ins and sudo may all fail"
            return Verdict(CRITICAL, reason)
    return None
