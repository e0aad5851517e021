"""Finding, starting, replacing and stopping the warm engine host (the client's side).

`open_host` connects to the user's host, starting one if there is none, replacing one of another
caro version, and killing one that does not answer its hello in time. The socket lives in a 0700
folder of the user's runtime folder (else the cache folder); the host's peer credentials must be
this user's. Starting is serialised by a lock file, so two callers never start two hosts.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import signal
import stat
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core import paths
from tui.core.backends.embedded.engine_wire import (
    MAX_SOCKET_PATH,
    PID_NAME,
    SPAWN_LOCK_NAME,
    HostStatus,
    WireError,
    encode,
    error_from_wire,
    host_version,
    read_frame,
    socket_path,
)
from tui.core.peer import peer_credentials, same_user

HELLO_TIMEOUT_S = 3.0
START_TIMEOUT_S = 20.0
HOST_MODULE = "tui.core.backends.embedded.engine_host"
_children: list[subprocess.Popen[bytes]] = []  # hosts this process started, reaped when done


class HostUnavailable(Exception):
    """No host can serve: the reason says why (the caller answers in-process instead)."""


@dataclass
class Link:
    """An open, greeted connection to a host."""

    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    pid: int
    version: str

    async def send(self, frame: dict[str, Any]) -> None:
        self.writer.write(encode(frame))
        await self.writer.drain()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.writer.close()


@dataclass(frozen=True)
class _Hung:
    pid: int | None


async def _attempt(path: Path) -> Link | _Hung | None:
    """A greeted link, a host that does not answer, or None when nothing serves there."""
    try:
        reader, writer = await asyncio.wait_for(
            asyncio.open_unix_connection(str(path), limit=2**20), HELLO_TIMEOUT_S
        )
    except (FileNotFoundError, ConnectionRefusedError, NotADirectoryError):
        return None
    except TimeoutError:
        return _Hung(_pid_from_file(path.parent))
    except OSError as error:
        raise HostUnavailable(f"cannot reach the engine host at {path}: {error}") from None
    credentials = peer_credentials(writer.get_extra_info("socket"))
    if not same_user(credentials):
        writer.close()
        raise HostUnavailable(f"{path} belongs to another user's process")
    pid = credentials[0] if credentials else _pid_from_file(path.parent)
    try:
        writer.write(encode({"op": "hello", "version": host_version(), "pid": os.getpid()}))
        reply = await asyncio.wait_for(read_frame(reader), HELLO_TIMEOUT_S)
    except TimeoutError:
        writer.close()
        return _Hung(pid)
    except (WireError, ConnectionError):
        writer.close()
        return None
    if reply is None:  # it is shutting down
        writer.close()
        return None
    if reply.get("event") == "error":
        writer.close()
        raise HostUnavailable(error_from_wire(reply).message)
    return Link(reader, writer, int(reply.get("pid", pid or 0)), str(reply.get("version", "")))


async def open_host(*, start: bool, keep_alive_s: float, replace: bool = True) -> Link | None:
    """A link to a current host; None if there is none and `start` is false.

    With `replace` false, a host of another version is returned as it is (to ask its status or
    stop it) instead of being replaced.
    """
    path = socket_path()
    if len(str(path)) > MAX_SOCKET_PATH:
        raise HostUnavailable(f"the socket path {path} is too long for a Unix socket")
    for _ in range(4):
        found = await _attempt(path)
        if isinstance(found, Link):
            if found.version == host_version() or not replace:
                return found
            await retire(found, "another caro version")
            continue
        if isinstance(found, _Hung):
            kill_host(found.pid, path)
            continue
        if not start:
            return None
        await _start(path, keep_alive_s)
    raise HostUnavailable("the engine host kept going away while caro connected to it")


async def retire(link: Link, reason: str) -> None:
    """Asks a host to stop (it finishes answers under way); kills it if it does not reply."""
    try:
        await link.send({"op": "stop", "reason": reason})
        await asyncio.wait_for(read_frame(link.reader), HELLO_TIMEOUT_S)
    except (TimeoutError, WireError, ConnectionError):
        kill_host(link.pid, socket_path())
    finally:
        link.close()


def kill_host(pid: int | None, path: Path) -> None:
    """Kills a hung host (only if that pid is one of this user's engine hosts) and its socket."""
    if pid and _is_host_process(pid):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _is_host_process(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        owner = Path(f"/proc/{pid}").stat().st_uid
    except OSError:
        return False
    return HOST_MODULE.encode() in cmdline and owner == os.getuid()


def _pid_from_file(directory: Path) -> int | None:
    import json

    try:
        pid = json.loads((directory / PID_NAME).read_text(encoding="utf-8")).get("pid")
    except (OSError, ValueError, AttributeError):
        return None
    return pid if isinstance(pid, int) else None


# -- starting ---------------------------------------------------------------------------------


def secure_dir(directory: Path) -> None:
    """Creates the socket's folder (0700) or checks that an existing one is private and ours."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = directory.stat()
        if info.st_uid != os.getuid():
            raise HostUnavailable(f"{directory} belongs to another user")
        if stat.S_IMODE(info.st_mode) & 0o077:
            os.chmod(directory, 0o700)
    except OSError as error:
        raise HostUnavailable(f"cannot prepare {directory}: {error.strerror or error}") from None


async def _start(path: Path, keep_alive_s: float) -> None:
    """Starts a host unless another caller does it first; returns once it accepts."""
    secure_dir(path.parent)
    try:
        lock = os.open(path.parent / SPAWN_LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        raise HostUnavailable(f"cannot lock {path.parent}: {error.strerror}") from None
    try:
        await _acquire(lock)
        found = await _attempt(path)
        if isinstance(found, Link):  # another caller started it meanwhile
            found.close()
            return
        kill_host(found.pid if isinstance(found, _Hung) else None, path)  # and a stale socket
        child = _launch(path, keep_alive_s)
        await _wait_until_listening(path, child)
    finally:
        os.close(lock)


async def _acquire(lock: int) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise HostUnavailable(
                    "another caro has been starting the host for too long"
                ) from None
            await asyncio.sleep(0.02)


def _launch(path: Path, keep_alive_s: float) -> subprocess.Popen[bytes]:
    """The host, detached: its own session, no terminal, stdio to the log in the cache folder."""
    _reap()
    package_root = str(Path(__file__).resolve().parents[4])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    command = [sys.executable, "-m", HOST_MODULE, "--socket", str(path)]
    command += ["--keep-alive", repr(keep_alive_s)]
    log_path = paths.engine_log()
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        log_file: Any = log_path.open("ab")
    except OSError:
        log_file = subprocess.DEVNULL
    try:
        child = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            close_fds=True,
            cwd="/",
            env=env,
        )
    except OSError as error:
        raise HostUnavailable(f"cannot start the engine host: {error}") from None
    finally:
        if log_file is not subprocess.DEVNULL:
            log_file.close()
    _children.append(child)
    return child


async def _wait_until_listening(path: Path, child: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if path.exists():
            found = await _attempt(path)
            if isinstance(found, Link):
                found.close()
                return
        if child.poll() is not None:
            raise HostUnavailable(
                f"the engine host exited at once (code {child.returncode}); "
                f"see {paths.engine_log()}"
            )
        await asyncio.sleep(0.01)
    with contextlib.suppress(ProcessLookupError):
        child.kill()
    raise HostUnavailable(f"the engine host did not start within {START_TIMEOUT_S:g} s")


def _reap() -> None:
    """Collects hosts this process started that have exited (no zombies in a long session)."""
    _children[:] = [child for child in _children if child.poll() is None]


# -- asking a running host --------------------------------------------------------------------


async def host_status(timeout_s: float = 2.0) -> HostStatus | None:
    """The running host's status; None when none runs (never starts one)."""
    _reap()
    try:
        link = await asyncio.wait_for(
            open_host(start=False, keep_alive_s=0, replace=False), timeout_s
        )
    except (HostUnavailable, TimeoutError):
        return None
    if link is None:
        return None
    try:
        await link.send({"op": "status"})
        reply = await asyncio.wait_for(read_frame(link.reader), timeout_s)
    except (TimeoutError, WireError, ConnectionError):
        return None
    finally:
        link.close()
    return HostStatus.from_wire(reply) if reply else None


async def stop_host() -> int | None:
    """Stops the running host; its pid, or None when none ran."""
    try:
        link = await open_host(start=False, keep_alive_s=0, replace=False)
    except HostUnavailable:
        return None
    if link is None:
        return None
    await retire(link, "caro engine stop")
    return link.pid


# -- the doctor's check -----------------------------------------------------------------------


@dataclass(frozen=True)
class Checkup:
    severity: str  # "ok", "info" or "warning" (a problem found and already fixed)
    message: str
    fix: str = ""


async def checkup() -> Checkup:
    """Finds a stale socket, a hung host or a host of another version, and fixes it."""
    path = socket_path()
    if len(str(path)) > MAX_SOCKET_PATH:
        return Checkup(
            "warning",
            f"the engine host's socket path {path} is too long; caro loads models in-process",
            "set XDG_RUNTIME_DIR (or CARO_CACHE_DIR) to a shorter folder",
        )
    try:
        found = await _attempt(path)
    except HostUnavailable as error:
        return Checkup("warning", str(error), f"remove {path.parent} if it is not yours to keep")
    if isinstance(found, _Hung):
        kill_host(found.pid, path)
        return Checkup("warning", f"the engine host (pid {found.pid}) did not answer: killed it")
    if found is None:
        if path.exists() or path.is_symlink():
            path.unlink(missing_ok=True)
            return Checkup("warning", f"removed a stale engine socket {path} (its host had died)")
        return Checkup("info", "no engine host is running (the next request starts one)")
    if found.version != host_version():
        await retire(found, "caro doctor: another caro version")
        return Checkup(
            "warning",
            f"stopped an engine host of another caro version ({found.version}, pid {found.pid}); "
            "the next request starts a current one",
        )
    found.close()
    status = await host_status()
    model = f": {status.model or 'no model loaded yet'}" if status else ""
    return Checkup("ok", f"engine host running (pid {found.pid}){model}")
