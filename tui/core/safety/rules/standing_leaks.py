"""Code that runs again and again by itself (a cron line, a launchd job, a file-event job)
and sends data to another machine: a standing leak.

Decisions: a copy of your files or secrets to another machine, rated HIGH when it happens once
in front of you, is CRITICAL once it is made to repeat unattended: it keeps sending whatever
the folder holds from now on, nobody watches it, and it outlives the session that set it up.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, Rule
from tui.core.safety.words import literal

# What the rules say of a command that moves data off the machine.
_LEAKS = lazy_pattern(r"\bto (another machine|a server|an outside host)\b|\buploads\b")


def run_repeatedly(code: str, what: str, command: Command, ctx: Context) -> None:
    """Rates `code` as if it ran, then raises a leak in it to CRITICAL: `what` repeats it."""
    before = len(ctx.findings)
    ctx.run_code(literal(code), command)
    leak = next(
        (
            f.reason
            for f in ctx.findings[before:]
            if f.level >= RiskLevel.HIGH and _LEAKS.search(f.reason)
        ),
        None,
    )
    if leak is not None and not _only_local_hosts(code):
        ctx.add(CRITICAL, f"{what} does this again and again, unattended: {leak}", command)


def _only_local_hosts(code: str) -> bool:
    """`rsync -a ~/Documents/ nas.local:docs/`: a nightly copy to a machine of the local
    network is a backup, not a leak."""
    hosts = [m.group(1) or m.group(2) for m in _HOSTS.finditer(code)]
    return bool(hosts) and all(_LOCAL.search(host) for host in hosts)


# `user@host:`, `host:path` after a space, `scheme://host`.
_HOSTS = lazy_pattern(r"(?:@|\s)([\w.-]+):(?!//)|://(?:[^@/\s]*@)?([\w.-]+)")
_LOCAL = lazy_pattern(
    r"^(localhost|[\w-]+|[\w.-]+\.(local|lan|home|internal|home\.arpa|corp)|127\.[\d.]+|"
    r"10\.[\d.]+|192\.168\.[\d.]+|172\.(1[6-9]|2\d|3[01])\.[\d.]+)$"
)


RULES: dict[str, Rule] = {}
