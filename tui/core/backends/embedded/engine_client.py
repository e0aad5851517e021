"""The embedded llama.cpp engine as caro's processes see it: answered by the warm engine host.

`embedded_llamacpp` is the registry's factory for kind "llamacpp": with `keep_alive` > 0 (the
default) requests go to the user's engine host (engine_host), which keeps the model loaded
between caro processes; with 0 the model loads in this process as before. `CARO_ENGINE_KEEP_ALIVE`
overrides the config (the tests set it to 0 and start hosts only where they test them).

The host is started on the first request. If it cannot start (a read-only runtime folder, a
broken install) the answer comes from an in-process engine, with a notice saying why. A host
killed before it sent any text costs one retry on a new host; a host that sends nothing, not
even `alive`, for HUNG_AFTER_S is killed and replaced the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import importlib.util
import os
import time
from collections.abc import AsyncIterator, Callable, Mapping
from typing import TYPE_CHECKING

from tui.core.backends.base import (
    Backend,
    BackendError,
    ErrorKind,
    GenerationRequest,
    Health,
    HealthStatus,
    ModelInfo,
    Notice,
    StreamEvent,
    TextDelta,
)
from tui.core.backends.embedded.base import resolve_gguf
from tui.core.backends.embedded.engine_link import (
    HostUnavailable,
    Link,
    host_status,
    kill_host,
    open_host,
)
from tui.core.backends.embedded.engine_wire import (
    HostStatus,
    WireError,
    config_to_wire,
    event_from_wire,
    host_version,
    read_frame,
    request_to_wire,
    socket_path,
)
from tui.core.config import BackendConfig
from tui.core.models import resolve as models

if TYPE_CHECKING:
    from tui.core.backends.embedded.llamacpp import LlamaCppBackend

HUNG_AFTER_S = 20.0  # the host says `alive` every second while it works


def keep_alive_s(config: BackendConfig) -> float:
    override = os.environ.get("CARO_ENGINE_KEEP_ALIVE", "").strip()
    if override:
        try:
            return max(0.0, float(override))
        except ValueError:
            pass  # a mistyped override falls back to the config
    return config.keep_alive


def embedded_llamacpp(config: BackendConfig) -> Backend:
    if keep_alive_s(config) <= 0:
        from tui.core.backends.embedded.llamacpp import LlamaCppBackend

        return LlamaCppBackend(config)
    return HostedLlamaCppBackend(config)


class _HostLost(Exception):
    """The host went away or stopped talking; `quiet` is true when it was silent (hung)."""

    def __init__(self, message: str, *, hung: bool = False) -> None:
        super().__init__(message)
        self.hung = hung


class HostedLlamaCppBackend:
    kind = "llamacpp"
    supports_prefix = True

    def __init__(self, config: BackendConfig) -> None:
        self.name = config.name
        self.config = config
        self._local: LlamaCppBackend | None = None
        self.fallback_reason = ""
        self.host_answered = False  # an answer came from the engine host
        self._last_status: HostStatus | None = None
        self._resolved: models.ResolvedModel | None = None

    @property
    def local(self) -> LlamaCppBackend:
        """An in-process engine: it lists model files, and answers when no host can.

        Made on first use: the one-shot path with a warm host never imports it (nor ctypes).
        """
        if self._local is None:
            from tui.core.backends.embedded.llamacpp import LlamaCppBackend

            self._local = LlamaCppBackend(self.config)
        return self._local

    def resolve(
        self, *, allow_download: bool, notify: Callable[[str], None]
    ) -> models.ResolvedModel:
        return resolve_gguf(self.config, allow_download=allow_download, notify=notify)

    @property
    def keep_alive_s(self) -> float:
        return keep_alive_s(self.config)

    # -- protocol ----------------------------------------------------------------------------

    async def probe(self) -> Health:
        started = time.perf_counter()
        status = await host_status()
        self._last_status = status
        if status is not None and status.model and status.version == host_version():
            return Health(
                HealthStatus.UP,
                latency_s=time.perf_counter() - started,
                version=f"llama-cpp-python {status.engine_version}",
                detail=describe_warm(status),
                loaded_models=(status.model,),
            )
        if importlib.util.find_spec("llama_cpp") is None:
            return Health(
                HealthStatus.DOWN,
                detail="llama-cpp-python is not installed",
                fix="run `make setup`",
            )
        version = f"llama-cpp-python {_llama_cpp_version()}"
        try:
            resolved = await asyncio.to_thread(
                self.resolve, allow_download=False, notify=lambda _: None
            )
        except BackendError as error:
            return Health(HealthStatus.DOWN, detail=error.message, fix=error.fix, version=version)
        return Health(
            HealthStatus.UP,
            latency_s=time.perf_counter() - started,
            version=version,
            detail=f"{resolved.name} ({resolved.reason}; loads on first use, "
            f"then stays warm {self.keep_alive_s:g} s)",
        )

    async def list_models(self) -> list[ModelInfo]:
        found = await self.local.list_models()
        status = self._last_status
        if status is None or not status.model_path:
            return found
        return [dataclasses.replace(info, loaded=info.path == status.model_path) for info in found]

    async def host_memory(self) -> int | None:
        """The resident memory of the engine host (model, caches and all); None without one."""
        status = await host_status()
        return status.rss_bytes if status is not None else None

    def describe(self) -> Mapping[str, object]:
        status = self._last_status
        engine = "llama.cpp (in-process)" if self.fallback_reason else "llama.cpp (engine host)"
        return {
            "engine": engine,
            "model": status.model
            if status and status.model
            else self.config.model or "(resolved on first use)",
            "why": self.config.model_source,
        }

    async def aclose(self) -> None:
        if self._local is not None:
            await self._local.aclose()

    def stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        return self._stream(request)

    # -- answering ---------------------------------------------------------------------------

    async def _stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        if self._resolved is None:  # once per backend, as an in-process engine loads once
            notes: list[str] = []
            self._resolved = await asyncio.to_thread(
                self.resolve, allow_download=True, notify=notes.append
            )
            for note in notes:
                yield Notice(note)
        resolved = self._resolved
        for attempt in range(2):
            try:
                link = await open_host(start=True, keep_alive_s=self.keep_alive_s)
            except HostUnavailable as error:
                async for event in self._in_process(request, str(error)):
                    yield event
                return
            assert link is not None  # start=True
            said_text = False
            try:
                await link.send(
                    {
                        "op": "generate",
                        "config": config_to_wire(self.config),
                        "model_path": str(resolved.path),
                        "why": resolved.reason,
                        "keep_alive": self.keep_alive_s,
                        "request": request_to_wire(request),
                    }
                )
                async for event in _events(link):
                    said_text = said_text or isinstance(event, TextDelta)
                    self.host_answered = True
                    yield event
                return
            except _HostLost as lost:
                if lost.hung:
                    kill_host(link.pid, socket_path())
                if said_text or attempt:
                    raise BackendError(
                        f"the engine host stopped mid-answer ({lost})",
                        fix="ask again: caro starts a new engine host",
                        kind=ErrorKind.CONNECTION,
                        backend=self.name,
                    ) from None
                yield Notice(f"the engine host stopped ({lost}); starting a new one")
            finally:
                await _hang_up(link)

    async def _in_process(
        self, request: GenerationRequest, reason: str
    ) -> AsyncIterator[StreamEvent]:
        if self.fallback_reason != reason:
            self.fallback_reason = reason
            yield Notice(f"no engine host ({reason}); loading the model in this process")
        async for event in self.local.stream(request):
            yield event


async def _events(link: Link) -> AsyncIterator[StreamEvent]:
    """The host's events until Finished (BackendErrors re-raised with their fix)."""
    from tui.core.backends.base import Finished

    while True:
        try:
            frame = await asyncio.wait_for(read_frame(link.reader), HUNG_AFTER_S)
        except TimeoutError:
            raise _HostLost(f"no word from it in {HUNG_AFTER_S:g} s", hung=True) from None
        except (WireError, ConnectionError) as error:
            raise _HostLost(str(error)) from None
        if frame is None:
            raise _HostLost("it closed the connection")
        try:
            event = event_from_wire(frame)
        except WireError as error:
            raise _HostLost(str(error)) from None
        if event is None:
            continue
        yield event
        if isinstance(event, Finished):
            return


async def _hang_up(link: Link) -> None:
    """Tells the host to stop generating (a no-op once it finished) and closes."""
    with contextlib.suppress(ConnectionError, TimeoutError, RuntimeError):
        await asyncio.wait_for(link.send({"op": "cancel"}), 1.0)
    link.close()


def describe_warm(status: HostStatus) -> str:
    """'qwen.gguf warm in the engine host (pid 12, 812 MB, idle 4:32 left)'."""
    memory = f"{status.rss_bytes / 2**20:.0f} MB"
    left = status.idle_left_s
    idle = "answering" if left is None else f"exits in {clock(left)} if idle"
    return f"{status.model} warm in the engine host (pid {status.pid}, {memory}, {idle})"


def clock(seconds: float) -> str:
    """`272.4` -> `4:32`."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


_version_cache: list[str] = []


def _llama_cpp_version() -> str:
    """The installed version, read from its metadata (importing it would load the library)."""
    import importlib.metadata

    if not _version_cache:
        try:
            _version_cache.append(importlib.metadata.version("llama-cpp-python"))
        except importlib.metadata.PackageNotFoundError:
            _version_cache.append("unknown")
    return _version_cache[0]
