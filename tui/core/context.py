"""Where a command will run: the OS, the shell and the working directory."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class ShellContext:
    os_name: str
    shell: str
    cwd: str

    def describe(self) -> str:
        return f"{self.shell} on {self.os_name}, in {self.cwd}"


@cache
def _os_name() -> str:
    system = platform.system()
    if system == "Darwin":
        return f"macOS {platform.mac_ver()[0]}".strip()
    if system == "Linux":
        try:
            for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
                if line.startswith("PRETTY_NAME="):
                    return f"Linux ({line.split('=', 1)[1].strip(chr(34))})"
        except OSError:
            pass
    return system or "Unix"


def detect_shell() -> str:
    try:
        import shellingham

        name, _path = shellingham.detect_shell()
        return str(name)
    except Exception:  # noqa: BLE001 - shellingham raises its own failure types; fall back
        return Path(os.environ.get("SHELL", "bash")).name or "bash"


def detect_context(cwd: str | None = None) -> ShellContext:
    return ShellContext(os_name=_os_name(), shell=detect_shell(), cwd=cwd or os.getcwd())
