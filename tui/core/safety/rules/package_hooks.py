"""Commands a package manager runs by itself, as root, each time it works: APT's
`DPkg::Post-Invoke {"CMD";};` and its kin in /etc/apt/apt.conf.d, pacman's `Exec =` lines in
/etc/pacman.d/hooks, and dnf's post-transaction actions. Read out here, rated as code."""

from __future__ import annotations

import re

from tui.core.safety.lazy import lazy_pattern

# `DPkg::Pre-Invoke`, `DPkg::Post-Invoke`, `APT::Update::Post-Invoke-Success`,
# `DPkg::Pre-Install-Pkgs`: each quoted string in the braces is a shell command.
_APT_HOOK = lazy_pattern(
    r"(?:DPkg|APT)(?:::Update)?::(?:Pre|Post)-(?:Invoke|Install-Pkgs)(?:-Success)?\s*"
    r"(?:\{(?P<block>[^}]*)\}|\"(?P<one>[^\"]*)\")",
    re.IGNORECASE,
)
_PACMAN_EXEC = lazy_pattern(r"^\s*Exec\s*=\s*(?P<code>.+)$", re.MULTILINE)
_DNF_ACTION = lazy_pattern(r"^[^:\n#]*:[^:\n]*:[^:\n]*:(?P<code>.+)$", re.MULTILINE)

HOOK_FOLDERS = (
    "/etc/apt/apt.conf.d/",
    "/etc/pacman.d/hooks/",
    "/etc/dnf/plugins/post-transaction-actions.d/",
)


def hook_commands(where: str, text: str) -> list[str]:
    """The shell commands `text`, written to `where`, makes the package manager run."""
    if where.startswith("/etc/apt/"):
        found: list[str] = []
        for match in _APT_HOOK.finditer(text):
            found += re.findall(r"\"([^\"]+)\"", match["block"]) if match["block"] else []
            found += [match["one"]] if match["one"] else []
        return found
    if where.startswith("/etc/pacman.d/"):
        return [m["code"] for m in _PACMAN_EXEC.finditer(text)]
    return [m["code"] for m in _DNF_ACTION.finditer(text)]
