"""Runs one command in the preview and returns its report; the real files are never touched.

The outer side: checks availability, chooses the shell and the environment (no agent or bus
sockets), lists the host sockets to cover, starts `unshare` with the inner stage as PID 1 of
the new namespaces, and bounds the whole run. All of the preview's state lives in a tmpfs
mounted inside its own mount namespace, so it disappears with the namespace; the one thing on
the host is the empty folder that tmpfs is mounted on, removed here.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tui
from tui.core.errors import CaroError
from tui.core.preview import availability
from tui.core.preview.availability import Availability
from tui.core.preview.limits import Limits
from tui.core.preview.report import Report, build_report

# Variables that point a command at an agent, a bus or a daemon of the host.
HIDDEN_VARIABLES = (
    "SSH_AUTH_SOCK",
    "SSH_AGENT_PID",
    "GPG_AGENT_INFO",
    "DBUS_SESSION_BUS_ADDRESS",
    "DBUS_SYSTEM_BUS_ADDRESS",
    "DOCKER_HOST",
    "CONTAINER_HOST",
    "XDG_RUNTIME_DIR",
    "WAYLAND_DISPLAY",
    "DISPLAY",
    "XAUTHORITY",
    "TMUX",
    "TMUX_PANE",
    "KRB5CCNAME",
)
SOCKET_SCAN_DEPTH = 3
MAX_SOCKETS = 500
_BOOT = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from tui.core.preview.inner import main; sys.exit(main(sys.argv[1:]))"
)


class PreviewError(CaroError):
    """The preview could not run: `message` says why, `fix` what to do."""


_checked: dict[str, Availability] = {}


def check_available(unshare: str = "unshare") -> Availability:
    """`availability.check`, once per `unshare` path in this process."""
    if unshare not in _checked:
        _checked[unshare] = availability.check(unshare)
    return _checked[unshare]


def preview_command(
    command: str,
    *,
    cwd: str | None = None,
    shell: str | None = None,
    env: Mapping[str, str] | None = None,
    limits: Limits | None = None,
    unshare: str = "unshare",
    strace: str | bool | None = True,
) -> Report:
    """Runs `command` with the person's shell in `cwd` inside the preview; its report.

    `strace=True` uses strace when installed (programs started, network attempts), a path uses
    that program, False or None runs without it. Raises PreviewError when it cannot run.
    """
    found = check_available(unshare)
    if not found.available:
        raise PreviewError(f"the preview is not available: {found.reason}", found.fix)
    limits = limits or Limits()
    environment = dict(os.environ if env is None else env)
    folder = os.path.abspath(cwd or os.getcwd())
    if not os.path.isdir(folder):
        raise PreviewError(f"the folder {folder} does not exist", "give an existing folder")
    program = _shell(shell or environment.get("SHELL"))
    tracer = _tracer(strace)
    home = environment.get("HOME", str(Path.home()))
    spec = {
        "command": command,
        "cwd": folder,
        "shell": program,
        "limits": limits.as_dict(),
        "strace": tracer,
        "sockets": host_sockets(environment, home),
    }
    for name in HIDDEN_VARIABLES:
        environment.pop(name, None)
    started = time.monotonic()
    raw = _run(spec, environment, unshare, limits)
    wall = time.monotonic() - started
    return build_report(
        raw,
        command=command,
        cwd=folder,
        home=home,
        limits=limits,
        traced=tracer is not None,
        wall_s=wall,
    )


def _shell(candidate: str | None) -> str:
    for path in (candidate, "/bin/sh"):
        if path and os.path.isabs(path) and os.access(path, os.X_OK):
            return path
    raise PreviewError("no usable shell: $SHELL is not an executable path", "set SHELL")


def _tracer(strace: str | bool | None) -> str | None:
    if strace is True:
        return shutil.which("strace")
    if isinstance(strace, str):
        return shutil.which(strace)
    return None


def host_sockets(environment: Mapping[str, str], home: str) -> list[str]:
    """Socket files a command could connect to through the overlays (those under /run are
    hidden with /run): in the temporary folders, the usual places in the home folder, and
    those named by the environment."""
    found: list[str] = []
    named = [environment.get("SSH_AUTH_SOCK", "")]
    for variable, prefix in (("DOCKER_HOST", "unix://"), ("CONTAINER_HOST", "unix://")):
        value = environment.get(variable, "")
        named.append(value[len(prefix) :] if value.startswith(prefix) else "")
    bus = environment.get("DBUS_SESSION_BUS_ADDRESS", "")
    if bus.startswith("unix:path="):
        named.append(bus[len("unix:path=") :].split(",")[0])
    named.append(environment.get("TMUX", "").split(",")[0])
    for path in named:
        if path and _is_socket(path):
            found.append(os.path.realpath(path))
    roots = [tempfile.gettempdir(), "/tmp", "/var/tmp", f"{home}/.ssh", f"{home}/.gnupg"]
    for root in dict.fromkeys(roots):
        _scan(root, SOCKET_SCAN_DEPTH, found)
    return list(dict.fromkeys(found))[:MAX_SOCKETS]


def _is_socket(path: str) -> bool:
    try:
        return stat.S_ISSOCK(os.lstat(path).st_mode)
    except OSError:
        return False


def _scan(folder: str, depth: int, found: list[str]) -> None:
    if depth < 0 or len(found) >= MAX_SOCKETS:
        return
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            mode = entry.stat(follow_symlinks=False).st_mode
            if stat.S_ISSOCK(mode):
                found.append(os.path.realpath(entry.path))
            elif stat.S_ISDIR(mode):
                _scan(entry.path, depth - 1, found)
        except OSError:
            continue


def _run(
    spec: dict[str, Any], environment: dict[str, str], unshare: str, limits: Limits
) -> dict[str, Any]:
    stage = tempfile.mkdtemp(prefix="caro-preview-")
    spec["stage"] = stage
    # Used only where tmpfs cannot hold the overlays' changes (see inner._changes_folder).
    spec["spill"] = spill = tempfile.mkdtemp(prefix="caro-preview-", dir=_spill_parent())
    root = str(Path(tui.__file__).resolve().parent.parent)
    argv = [unshare, *availability.NAMESPACES, "--", sys.executable, "-E", "-s", "-S", "-c", _BOOT]
    argv += [root, json.dumps(spec)]
    try:
        process = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
            start_new_session=True,
        )
        try:
            out, err = process.communicate(timeout=limits.timeout_s + limits.setup_margin_s)
        except subprocess.TimeoutExpired:
            # unshare --kill-child takes the inner stage, PID 1 of the namespace, and with it
            # every process of the preview.
            process.kill()
            process.communicate()
            raise PreviewError(
                "the preview did not finish in time and was stopped",
                "raise [safety] preview_timeout_s",
            ) from None
    except OSError as error:
        raise PreviewError(f"the preview could not start: {error}") from None
    finally:
        _remove_stage(stage)
        _remove_spill(spill)
    try:
        raw: dict[str, Any] = json.loads(out.decode("utf-8", "replace"))
    except json.JSONDecodeError:
        said = err.decode("utf-8", "replace").strip().splitlines()
        detail = said[-1] if said else f"exit status {process.returncode}"
        raise PreviewError(f"the preview failed: {detail}") from None
    if not raw.get("ok"):
        raise PreviewError(f"the preview could not build its view of the files: {raw.get('error')}")
    return raw


def _spill_parent() -> str:
    """/var/tmp (a disk, usually) unless it is missing or not writable; else the temp folder."""
    parent = "/var/tmp"
    return parent if os.access(parent, os.W_OK | os.X_OK) else tempfile.gettempdir()


def _remove_spill(spill: str) -> None:
    """The upper and work folders written on disk: made by the preview for itself alone."""

    def unlock(_function: object, path: str, _error: object) -> None:
        # overlay leaves its work folder without permissions
        with contextlib.suppress(OSError):
            os.chmod(os.path.dirname(path), 0o700)
        with contextlib.suppress(OSError):
            if os.path.isdir(path) and not os.path.islink(path):
                os.chmod(path, 0o700)
                shutil.rmtree(path, ignore_errors=True)
            else:
                os.unlink(path)

    shutil.rmtree(spill, onerror=unlock)


def _remove_stage(stage: str) -> None:
    try:
        os.rmdir(stage)
    except FileNotFoundError:
        pass
    except OSError:
        # Not empty means something was written there from outside the namespace; keep the
        # person's data rather than deleting what caro did not make.
        pass
