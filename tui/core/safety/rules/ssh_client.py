"""The SSH client's settings (`~/.ssh/config`, `/etc/ssh/ssh_config`): some of their lines run a
command on this machine, at each connection, without asking (ProxyCommand, LocalCommand,
KnownHostsCommand, `Match exec`). What such a line runs is rated as if it ran."""

from __future__ import annotations

import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE
from tui.core.safety.words import literal

_RUNS = lazy_pattern(
    r"^\s*(?P<key>ProxyCommand|LocalCommand|KnownHostsCommand)\s*(?:=\s*|\s)(?P<code>.+)$",
    re.IGNORECASE,
)
_MATCH_EXEC = lazy_pattern(r"^\s*Match\b.*?\bexec\s+(?P<quote>[\"']?)(?P<code>.+?)(?P=quote)\s*$")
# What ssh puts in for %h, %p, %r, ...: a host, a port, a user.
_TOKENS = {"h": "host.example", "p": "22", "r": "user", "n": "host.example", "%": "%"}


def is_client_config(path: str) -> bool:
    normal = paths.normalise(path)
    return (
        paths.home_relative(normal) == ".ssh/config"
        or normal == "/etc/ssh/ssh_config"
        or normal.startswith("/etc/ssh/ssh_config.d/")
    )


def client_config(where: str, text: str | None, writer: Command, ctx: Context) -> None:
    """Rates the commands the lines written to an SSH client's settings run at each connection;
    a ProxyCommand that only connects stays as it was."""
    from tui.core.safety.rules.persistence import hidden  # persistence imports this module

    for line in (text or "").splitlines():
        found = _RUNS.match(line) or _MATCH_EXEC.match(line)
        if found is None or line.lstrip().startswith("#"):
            continue
        code = re.sub(r"%(.)", lambda m: _TOKENS.get(m.group(1), m.group(1)), found["code"])
        key = found.groupdict().get("key") or "Match exec"
        ctx.run_code(literal(code), writer)
        hidden(code, f"each SSH connection ({key})", writer, ctx)
        if key.lower() == "proxycommand":
            reason = f"makes SSH connect through `{code.strip()[:50]}` ({where})"
            ctx.add(MODERATE, reason, writer)
        else:
            reason = f"runs `{code.strip()[:50]}` here at each SSH connection ({key}, {where})"
            ctx.add(HIGH, reason, writer)
