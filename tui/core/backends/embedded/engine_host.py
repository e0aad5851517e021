"""The warm engine host: one background process per user that keeps the embedded llama.cpp
model loaded (and its prompt cache warm) and answers every caro of that user over a Unix socket.

    python -m tui.core.backends.embedded.engine_host --socket PATH --keep-alive SECONDS

Clients start it (engine_client); it never listens on TCP. It holds an exclusive lock next to
its socket for as long as it serves, so a second host started by a race exits at once. Every
connection's peer credentials are checked: another user is refused. All llama.cpp work runs on
the engine's one thread, so two callers at once are queued, each told `alive` while it waits.
It exits after `keep_alive` seconds without a request, on `stop`, and on SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import fcntl
import json
import logging
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

from tui.core.backends.base import BackendError, ErrorKind, GenerationRequest
from tui.core.backends.embedded.engine_wire import (
    LOCK_NAME,
    PID_NAME,
    HostStatus,
    WireError,
    config_from_wire,
    config_to_wire,
    encode,
    error_to_wire,
    event_to_wire,
    host_version,
    read_frame,
    request_from_wire,
)
from tui.core.backends.embedded.llamacpp import (
    ENGINE_THREAD,
    LlamaCppBackend,
    import_quiet_llama_cpp,
)
from tui.core.measure.perf import rss_bytes
from tui.core.models import resolve as models
from tui.core.peer import peer_credentials, same_user

log = logging.getLogger("caro.engine_host")
ALIVE_EVERY_S = 1.0
HELLO_TIMEOUT_S = 5.0
LOG_LIMIT = 1024 * 1024  # the log is started afresh when it grows past this


class EngineHost:
    def __init__(self, socket_path: Path, keep_alive_s: float) -> None:
        self.socket_path = socket_path
        self.keep_alive_s = keep_alive_s
        self.version = host_version()
        self.started = time.monotonic()
        self.last_used = time.monotonic()
        self.active = 0
        self.served = 0
        self.backend: LlamaCppBackend | None = None
        self._backend_key: str = ""
        self._lock_fd: int | None = None
        self._server: asyncio.Server | None = None
        self._inode: int | None = None
        self._stopping = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()

    # -- life --------------------------------------------------------------------------------

    async def run(self) -> int:
        if not self._take_lock():
            log.info("another engine host holds %s; exiting", self._lock_path)
            return 0
        with contextlib.suppress(FileNotFoundError):
            self.socket_path.unlink()  # we hold the lock: whatever is there is stale
        previous = os.umask(0o177)
        try:
            self._server = await asyncio.start_unix_server(self._handle, path=str(self.socket_path))
        finally:
            os.umask(previous)
        os.chmod(self.socket_path, 0o600)
        self._inode = self.socket_path.stat().st_ino
        (self.socket_path.parent / PID_NAME).write_text(
            json.dumps({"pid": os.getpid(), "version": self.version}), encoding="utf-8"
        )
        log.info("serving on %s (pid %d, %s)", self.socket_path, os.getpid(), self.version)
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, self.stop)
        # Import llama.cpp while the first client still builds its prompt.
        loop.run_in_executor(ENGINE_THREAD, import_quiet_llama_cpp)
        watchdog = asyncio.create_task(self._watch_idle())
        await self._stopping.wait()
        watchdog.cancel()
        await self._idle.wait()  # answers already being given are finished
        if self.backend is not None:
            await loop.run_in_executor(ENGINE_THREAD, self.backend.close)
        log.info("exiting after %d answers", self.served)
        return 0

    @property
    def _lock_path(self) -> Path:
        return self.socket_path.parent / LOCK_NAME

    def _take_lock(self) -> bool:
        fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + 5.0  # a replaced host lets go as soon as it stops
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(fd)
                    return False
                time.sleep(0.05)
                continue
            self._lock_fd = fd
            return True

    def stop(self) -> None:
        """Stops listening at once (a new host may start); answers under way are finished."""
        if self._stopping.is_set():
            return
        if self._server is not None:
            self._server.close()
        try:
            if self.socket_path.stat().st_ino == self._inode:
                self.socket_path.unlink()
                (self.socket_path.parent / PID_NAME).unlink(missing_ok=True)
        except FileNotFoundError:
            pass
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # releases the lock
            self._lock_fd = None
        self._stopping.set()

    async def _watch_idle(self) -> None:
        while True:
            await asyncio.sleep(min(1.0, max(0.05, self.keep_alive_s / 4)))
            if self.active == 0 and time.monotonic() - self.last_used > self.keep_alive_s:
                log.info("idle for %.0f s; exiting", self.keep_alive_s)
                self.stop()
                return

    # -- connections -------------------------------------------------------------------------

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        credentials = peer_credentials(writer.get_extra_info("socket"))
        try:
            # Read before refusing: closing on an unread frame would reset the connection
            # before the refusal is read.
            hello = await asyncio.wait_for(read_frame(reader), HELLO_TIMEOUT_S)
            if not same_user(credentials):
                log.warning("refused a connection from uid %s", credentials and credentials[1])
                refusal = BackendError(
                    "the engine host serves only the user who started it",
                    fix="each user has their own host",
                    kind=ErrorKind.AUTH,
                )
                writer.write(encode(error_to_wire(refusal)))
                await writer.drain()
                return
            if hello is None or hello.get("op") != "hello":
                return
            writer.write(encode({"op": "hello", "version": self.version, "pid": os.getpid()}))
            await writer.drain()
            frame = await read_frame(reader)
            if frame is not None:
                await self._dispatch(frame, reader, writer)
        except (WireError, ConnectionError, TimeoutError) as error:
            log.info("a connection ended: %s", error)
        finally:
            writer.close()

    async def _dispatch(
        self, frame: dict[str, Any], reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        op = frame.get("op")
        if op == "status":
            writer.write(encode({"op": "status", **self.status_dict()}))
        elif op == "stop":
            log.info("asked to stop (%s)", frame.get("reason", "no reason given"))
            self.stop()
            writer.write(encode({"op": "stopping", "pid": os.getpid()}))
        elif op == "generate":
            await self._generate(frame, reader, writer)
        else:
            raise WireError(f"unknown op {op!r}")
        await writer.drain()

    def status_dict(self) -> dict[str, Any]:
        loaded = self.backend.loaded if self.backend is not None else None
        status = HostStatus(
            pid=os.getpid(),
            version=self.version,
            model=loaded.path.name if loaded else "",
            model_path=str(loaded.path) if loaded else "",
            rss_bytes=rss_bytes() or 0,
            idle_s=0.0 if self.active else time.monotonic() - self.last_used,
            keep_alive_s=self.keep_alive_s,
            active=self.active,
            served=self.served,
            uptime_s=time.monotonic() - self.started,
            engine_version=str(getattr(sys.modules.get("llama_cpp"), "__version__", "")),
        )
        return dict(status.__dict__)

    # -- generating --------------------------------------------------------------------------

    async def _generate(
        self, frame: dict[str, Any], reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        self.active += 1
        self._idle.clear()
        try:
            keep_alive = frame.get("keep_alive")
            if isinstance(keep_alive, int | float) and keep_alive > 0:
                self.keep_alive_s = float(keep_alive)
            request = request_from_wire(frame["request"])
            backend = await self._backend_for(frame["config"], frame["model_path"], frame["why"])
            await self._serve(backend, request, reader, writer)
        except (KeyError, TypeError, ValueError) as error:
            raise WireError(f"a malformed generate frame ({error})") from None
        finally:
            self.active -= 1
            self.served += 1
            self.last_used = time.monotonic()
            if self.active == 0:
                self._idle.set()

    async def _backend_for(
        self, config_frame: dict[str, Any], model_path: str, why: str
    ) -> LlamaCppBackend:
        """The loaded engine for this config; another model or setting replaces it."""
        config = config_from_wire(config_frame)
        try:  # the same path with new contents (a model updated in place) is another model
            info = os.stat(model_path)
            identity = [model_path, info.st_size, info.st_mtime_ns]
        except OSError:
            identity = [model_path]  # loading it reports the problem
        key = json.dumps([config_to_wire(config), identity], sort_keys=True)
        if self.backend is None or key != self._backend_key:
            old = self.backend
            resolved = models.ResolvedModel(Path(model_path), why)
            self.backend = LlamaCppBackend(config, resolved=resolved)
            self._backend_key = key
            if old is not None:
                log.info("the model or its settings changed: reloading %s", model_path)
                # Queued behind the generations that still use it, on the engine's thread.
                asyncio.get_running_loop().run_in_executor(ENGINE_THREAD, old.close)
        return self.backend

    async def _serve(
        self,
        backend: LlamaCppBackend,
        request: GenerationRequest,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
    ) -> None:
        pump = asyncio.create_task(self._pump(backend, request, writer))
        watch = asyncio.create_task(_wait_for_cancel(reader))
        alive = asyncio.create_task(_keep_saying_alive(writer))
        try:
            await asyncio.wait({pump, watch}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (pump, watch, alive):
                task.cancel()
            for task in (pump, watch, alive):
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task

    async def _pump(
        self, backend: LlamaCppBackend, request: GenerationRequest, writer: asyncio.StreamWriter
    ) -> None:
        try:
            async for event in backend.stream(request):
                writer.write(encode(event_to_wire(event)))
                await writer.drain()
        except BackendError as error:
            writer.write(encode(error_to_wire(error)))
            await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            raise
        except Exception as error:
            log.exception("a generation failed")
            failure = BackendError(
                f"the engine failed: {error}",
                fix="see the engine host's log (caro engine status)",
            )
            writer.write(encode(error_to_wire(failure)))
            await writer.drain()


async def _wait_for_cancel(reader: asyncio.StreamReader) -> None:
    """Returns when the client cancels or goes away."""
    while True:
        frame = await read_frame(reader)
        if frame is None or frame.get("op") == "cancel":
            return


async def _keep_saying_alive(writer: asyncio.StreamWriter) -> None:
    """Tells a waiting client the host is not hung (queued behind another, or loading)."""
    while True:
        await asyncio.sleep(ALIVE_EVERY_S)
        writer.write(encode({"event": "alive"}))


def _open_log() -> None:
    """Logs go to stderr, which the client pointed at the log file; it is kept short."""
    with contextlib.suppress(OSError, ValueError):
        if os.fstat(2).st_size > LOG_LIMIT:
            os.ftruncate(2, 0)
    logging.basicConfig(
        stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(name)s %(message)s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="caro-engine-host", description=__doc__)
    parser.add_argument("--socket", required=True, type=Path)
    parser.add_argument("--keep-alive", type=float, default=300.0)
    args = parser.parse_args(argv)
    _open_log()
    code = asyncio.run(EngineHost(args.socket, args.keep_alive).run())
    sys.stderr.flush()
    # Skips interpreter teardown: llama.cpp's objects are closed already, and the engine
    # thread's pool would otherwise be joined for nothing.
    os._exit(code)


if __name__ == "__main__":
    main()
