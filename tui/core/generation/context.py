"""Where a command will run: the OS, the shell and the working directory.

The shell is resolved once (`resolve_shell`): the program that runs a command (`--run`, the
workbench) is the one whose name the model is told and the one the history records.
"""

from __future__ import annotations

import os
import platform
import shutil
from collections.abc import Mapping
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
def os_name() -> str:
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


FALLBACK_SHELL = "/bin/sh"


@dataclass(frozen=True)
class Shell:
    """The shell a command runs with: `path` is run, `name` is what the model is told."""

    name: str
    path: str

    @classmethod
    def at(cls, path: str) -> Shell:
        return cls(name=Path(path).name or "sh", path=path)


def resolve_shell(env: Mapping[str, str] | None = None) -> Shell:
    """The shell the shell widget serves (CARO_SHELL, set by `caro init`'s widget: the command
    lands on that shell's prompt line); else $SHELL (the person's chosen shell) when it names a
    program; else the shell caro was started from (shellingham); else /bin/sh."""
    env = os.environ if env is None else env
    served = env.get("CARO_SHELL", "").strip()
    found = shutil.which(served, path=env.get("PATH")) if served else None
    if found:
        return Shell.at(found)
    chosen = env.get("SHELL", "").strip()
    if chosen and os.path.isabs(chosen) and os.access(chosen, os.X_OK):
        return Shell.at(chosen)
    if chosen and not os.path.isabs(chosen):
        found = shutil.which(chosen, path=env.get("PATH"))
        if found:
            return Shell.at(found)
    parent = _parent_shell()
    return Shell.at(parent) if parent else Shell.at(FALLBACK_SHELL)


def _parent_shell() -> str | None:
    try:
        import shellingham

        _name, path = shellingham.detect_shell()
    except Exception:  # noqa: BLE001 - shellingham raises its own failure types; fall back
        return None
    found = shutil.which(str(path))  # shellingham may give a bare name ("bash")
    return os.path.abspath(found) if found else None


def detect_shell() -> str:
    """The name of the shell commands run with (see `resolve_shell`)."""
    return resolve_shell().name


def detect_context(cwd: str | None = None) -> ShellContext:
    return ShellContext(os_name=os_name(), shell=detect_shell(), cwd=cwd or os.getcwd())
