"""The package sources security updates come from, switched off.

`dnf config-manager --set-disabled updates`, `yum-config-manager --disable '*security*'`,
`zypper mr -d repo-update` and a sed that comments out or deletes the security lines of
`/etc/apt/sources.list` leave every later update without its fixes (HIGH); so does commenting
out every line of the distribution's own list (`sed -i 's/^deb/#deb/'`). Enabling a source,
or disabling one that is not where updates come from, is an ordinary change (MODERATE).
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE
from tui.core.safety.words import split_words

# Repository names (ids) security fixes come from on Fedora, RHEL, CentOS, openSUSE.
_UPDATE_REPOS = lazy_pattern(r"(^|[-_.])(updates?|security)([-_.]|$)|^\*$|^repo-update", re.I)
_DISABLING = frozenset(split_words("--set-disabled --disable -d --disable-repo"))
_ENABLING = frozenset(split_words("--set-enabled --enable -e"))
# A sed script that comments out (`#`) or deletes (`d`) the lines naming security or updates.
_SOURCES_OFF = lazy_pattern(r"(security|-updates)[^\n]*?(/\s*#|/\s*d\b|#&|/d\s*$)", re.I)


def disabled_updates(command: Command) -> str | None:
    """The repository of security updates a repository manager switches off, or None."""
    argv = command.argv
    if not _DISABLING & {a.split("=")[0] for a in argv}:
        return None
    names = [a.partition("=")[2] or a for a in argv if not a.startswith("-") or "=" in a]
    if command.name == "zypper" and ("--all" in argv or "-a" in argv):
        names.append("*")  # `zypper mr --disable --all`: every repository
    repo = next((n.strip("'\"") for n in names if _UPDATE_REPOS.search(n.strip("'\""))), None)
    if repo is None:
        return None
    if repo == "*":
        return f"switches off every package source: no security updates come ({command.name})"
    return f"switches off {repo}, where security updates come from ({command.name})"


def repositories(command: Command, sub: str, ctx: Context) -> bool:
    """`dnf config-manager`, `zypper mr`: True when rated here (not adding a repository)."""
    argv = command.argv
    if "--add-repo" in argv or any(a.startswith("--add-repo=") for a in argv):
        return False
    off = disabled_updates(command)
    if off is not None:
        ctx.add(HIGH, off, command)
        return True
    if sub != "config-manager" or any(a.startswith("--setopt") for a in argv):
        return False
    if _ENABLING & set(argv):
        ctx.add(MODERATE, f"enables a package source ({command.name} {sub})", command)
        return True
    if _DISABLING & {a.split("=")[0] for a in argv}:
        ctx.add(MODERATE, f"disables a package source ({command.name} {sub})", command)
        return True
    return False


def sources_edit(path: str, script: str) -> str | None:
    """`sed -i 's/^deb.*security/#&/' /etc/apt/sources.list`: the security lines gone."""
    if path.startswith("/etc/apt/sources.list") and _SOURCES_OFF.search(script):
        return f"switches off the security updates source ({path}): fixes stop coming"
    if path in _DISTRIBUTION_SOURCES and _EVERY_LINE_OFF.search(script):
        return f"switches off every package source ({path}): no updates or security fixes come"
    return None


# The distribution's own source lists (a third party's file in sources.list.d is routine).
_DISTRIBUTION_SOURCES = frozenset(
    split_words(
        "/etc/apt/sources.list /etc/apt/sources.list.d/ubuntu.sources "
        "/etc/apt/sources.list.d/debian.sources"
    )
)
# `s/^deb/#deb/`, `s/^/#/`, `/^deb/d`: every source line commented out or deleted (not only
# the `deb-src` or `deb cdrom` lines).
_EVERY_LINE_OFF = lazy_pattern(
    r"(^|;|\s)s([/|,@])\^(deb( |\\s)?|Types:( |\\s)?)?\2\s*#|"
    r"(^|;|\s)/\^(deb( |\\s)?|Types:?( |\\s)?)/\s*d(?=$|;|\s)|"
    r"(^|;|\s)/\^(deb( |\\s)?|Types:?( |\\s)?)/\s*s(?P<d>[/|,@])\^[^/|,@]{0,6}(?P=d)\s*#",
    re.M,
)
