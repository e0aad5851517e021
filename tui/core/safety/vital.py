"""Packages whose updates close security holes anyone can reach: held back, excluded from
updates or downgraded, the holes stay open."""

from __future__ import annotations

import fnmatch
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


# What a pattern like `linux-*` or `*ssl*` may take: one of these is enough.
_EXAMPLES = (
    "linux",
    "linux-image-generic",
    "kernel",
    "kernel-core",
    "openssl",
    "libssl3",
    "glibc",
    "libc6",
    "openssh-server",
    "sudo",
)


def security_fixed(name: str) -> bool:
    """`openssl`, `'kernel*'`, `'linux-*'`, `openssl=1.1.1f-1ubuntu2`, `glibc-2.28-1.x86_64.rpm`."""
    bare = name.strip("'\"").split(":", 1)[0].rsplit("/", 1)[-1]
    if any(char in bare for char in "*?[") and any(
        fnmatch.fnmatchcase(example, bare) for example in _EXAMPLES
    ):
        return True
    bare = _VERSION.sub("", bare).rstrip("*?")
    return bool(bare) and SECURITY_FIXED.match(bare) is not None
