"""Packages whose updates close security holes anyone can reach: held back, excluded from
updates or downgraded, the holes stay open."""

from __future__ import annotations

import re

from tui.core.safety.lazy import lazy_pattern

SECURITY_FIXED = lazy_pattern(
    r"^(openssl|openssl-libs|libssl[\w.-]*|openssh[\w-]*|ssh|sudo|libc6|libc-bin|glibc[\w-]*|"
    r"linux-(image|headers|generic|modules)[\w.-]*|linux|kernel[\w-]*|ca-certificates|"
    r"gnutls[\w-]*|libgnutls[\w.-]*|polkit[\w-]*|policykit-1|libpolkit[\w.-]*|nss|libnss3|"
    r"curl|libcurl[\w.-]*|bash|systemd|openssh-server|openssh-client)$"
)
# A version after the name: `openssl=1.1.1f`, `openssl-1.1.1`, `glibc-2.28-1.x86_64.rpm`.
_VERSION = re.compile(r"(=|-\d).*$")


def security_fixed(name: str) -> bool:
    """`openssl`, `'kernel*'`, `openssl=1.1.1f-1ubuntu2`, `glibc-2.28-1.x86_64.rpm`."""
    bare = name.strip("'\"").split(":", 1)[0].rsplit("/", 1)[-1]
    bare = _VERSION.sub("", bare).rstrip("*?")
    return bool(bare) and SECURITY_FIXED.match(bare) is not None
