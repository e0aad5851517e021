"""Release packages of the well-known extra repositories, installed by their URL.

`sudo dnf install https://dl.fedoraproject.org/pub/epel/epel-release-latest-9.noarch.rpm` is the
step EPEL's and RPM Fusion's own guides give: it adds a signed source of packages for good, so it
stays HIGH, but it is not a stranger's package run as root (CRITICAL).
"""

from __future__ import annotations

import posixpath

# Where each project publishes its release package, the name it starts with, and the project.
_RELEASES = (
    ("https://dl.fedoraproject.org/pub/epel/", "epel-release", "EPEL"),
    ("https://download1.rpmfusion.org/", "rpmfusion-", "RPM Fusion"),
    ("https://mirrors.rpmfusion.org/", "rpmfusion-", "RPM Fusion"),
    ("https://www.elrepo.org/", "elrepo-release", "ELRepo"),
)


def known_release(url: str) -> str | None:
    """The project whose release package `url` is (`EPEL`), or None."""
    name = posixpath.basename(url.split("?", 1)[0])
    for host, prefix, project in _RELEASES:
        if url.startswith(host) and name.startswith(prefix) and "-release" in name:
            return project
    return None
