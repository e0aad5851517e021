"""The lifecycle every in-process engine shares; llama.cpp and MLX supply only what differs.

The base resolves the model, loads it once under a lock, probes, streams generations from the
engine's one thread, tracks the generations that run, and on close cancels them, waits for the
engine thread to finish them, and unloads. An engine supplies: how a model is resolved and
loaded, its version, the models it lists, how one prompt is generated, and what to run on the
engine thread before unloading (MLX synchronises its device there).
"""

from __future__ import annotations

import abc
import asyncio
import atexit
import concurrent.futures
import contextlib
import threading
import time
import weakref
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from typing import Any, Generic, Protocol, TypeVar

from tui.core.backends.base import (
    BackendError,
    ErrorKind,
    Finished,
    FinishReason,
    GenerationRequest,
    Health,
    HealthStatus,
    ModelInfo,
    Notice,
    Started,
    StreamEvent,
    Timings,
)
from tui.core.backends.embedded.prompt_cache import PromptCache
from tui.core.backends.embedded.threaded import Emit, stream_from_thread
from tui.core.config import BackendConfig
from tui.core.models import resolve as models

JOIN_TIMEOUT_S = 30.0
AT_EXIT_JOIN_S = 5.0
Notify = Callable[[str], None]


class Resolved(Protocol):
    """A model chosen to load, and why."""

    @property
    def name(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def hint(self) -> str: ...


class Loaded(Protocol):
    """A loaded model, as the lifecycle sees it."""

    @property
    def name(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def load_s(self) -> float: ...


R = TypeVar("R", bound=Resolved)
L = TypeVar("L", bound=Loaded)

_live: weakref.WeakSet[EmbeddedBackend[Any, Any]] = weakref.WeakSet()


def resolve_gguf(
    config: BackendConfig, *, allow_download: bool, notify: Notify
) -> models.ResolvedModel:
    """The GGUF file a llama.cpp backend runs (a BackendError with a fix when there is none).

    Shared by the in-process engine and the engine host's client; it never imports llama_cpp.
    """
    try:
        return models.resolve_gguf(
            config.model, config.model_source, allow_download=allow_download, notify=notify
        )
    except models.ModelNotFoundError as error:
        raise BackendError(
            error.message, fix=error.fix, kind=ErrorKind.MODEL_MISSING, backend=config.name
        ) from None


def finished(
    model: str,
    *,
    prompt_tokens: int,
    completion_tokens: int,
    cached_prompt_tokens: int,
    ttft_s: float | None,
    total_s: float,
    finish: FinishReason,
    load_s: float | None,
) -> Finished:
    timings = Timings(
        ttft_s=ttft_s,
        total_s=total_s,
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
        cached_prompt_tokens=cached_prompt_tokens,
        load_s=load_s,
    )
    return Finished(timings, finish_reason=finish, model=model)


def chatml(messages: Sequence[Mapping[str, str]], generation_prompt: bool = True) -> str:
    """The fallback chat template, for models that carry none."""
    text = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)
    return text + ("<|im_start|>assistant\n" if generation_prompt else "")


CHATML_STOP = "<|im_end|>"


def started(model: str, prompt_tokens: int, cached: int, load_s: float | None) -> Started:
    return Started(
        model=model, prompt_tokens=prompt_tokens, cached_prompt_tokens=cached, load_s=load_s
    )


class EmbeddedBackend(abc.ABC, Generic[R, L]):
    """An engine that runs in this process, one generation at a time on its own thread."""

    kind: str
    supports_prefix = True
    # What the engine runs on: its thread's name starts with `thread_name`.
    executor: concurrent.futures.Executor
    thread_name: str

    def __init__(self, config: BackendConfig, cache: PromptCache[Any] | None) -> None:
        self.name = config.name
        self.config = config
        self.cache = cache
        self._loaded: L | None = None
        self._load_lock = threading.Lock()
        self._workers: set[threading.Event] = set()
        self._workers_lock = threading.Lock()
        _live.add(self)

    # -- what an engine supplies -------------------------------------------------------------

    @abc.abstractmethod
    def _resolve(self, *, allow_download: bool, notify: Notify) -> R: ...

    @abc.abstractmethod
    def _load_resolved(self, resolved: R) -> L: ...

    @abc.abstractmethod
    def _version(self) -> str:
        """The engine's version, from package metadata; a BackendError when it is missing."""

    @abc.abstractmethod
    def _local_models(self) -> list[ModelInfo]: ...

    @abc.abstractmethod
    def _generate(
        self,
        loaded: L,
        request: GenerationRequest,
        emit: Emit,
        cancel: threading.Event,
        load_s: float | None,
    ) -> None: ...

    @abc.abstractmethod
    def describe(self) -> Mapping[str, object]: ...

    def _device(self) -> str:
        """Where the model runs, said after its name ("" when there is nothing to say)."""
        return ""

    def _settle(self) -> Callable[[], object] | None:
        """What the engine thread runs before the model is let go (None: nothing to wait for)."""
        return lambda: None

    def _unload(self, loaded: L) -> None:
        """Frees what the loaded model holds (it is no longer used by then)."""

    # -- model -------------------------------------------------------------------------------

    def resolve(self, *, allow_download: bool, notify: Notify = lambda _: None) -> R:
        return self._resolve(allow_download=allow_download, notify=notify)

    def load(self, notify: Notify = lambda _: None) -> L:
        """Loads the model once (thread-safe); later calls return the loaded one."""
        with self._load_lock:
            if self._loaded is not None:
                return self._loaded
            resolved = self.resolve(allow_download=True, notify=notify)
            notify(f"model {resolved.name}: {resolved.reason}")
            if resolved.hint:
                notify(resolved.hint)
            self._loaded = self._load_resolved(resolved)
            return self._loaded

    @property
    def loaded(self) -> L | None:
        return self._loaded

    # -- protocol ------------------------------------------------------------------------------

    async def probe(self) -> Health:
        began = time.perf_counter()
        try:
            version = await asyncio.to_thread(self._version)
        except BackendError as error:
            return Health(HealthStatus.DOWN, detail=error.message, fix=error.fix)
        device = self._device()
        loaded = self._loaded
        if loaded is not None:
            return Health(
                HealthStatus.UP,
                latency_s=time.perf_counter() - began,
                version=version,
                detail=f"{loaded.name} loaded{device} ({loaded.reason})",
                loaded_models=(loaded.name,),
            )
        try:
            resolved = await asyncio.to_thread(self.resolve, allow_download=False)
        except BackendError as error:
            return Health(HealthStatus.DOWN, detail=error.message, fix=error.fix, version=version)
        return Health(
            HealthStatus.UP,
            latency_s=time.perf_counter() - began,
            version=version,
            detail=f"{resolved.name}{device} ({resolved.reason}; loads on first use)",
        )

    async def list_models(self) -> list[ModelInfo]:
        return await asyncio.to_thread(self._local_models)

    def stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        return stream_from_thread(
            lambda emit, cancel: self._run_worker(request, emit, cancel), executor=self.executor
        )

    async def aclose(self) -> None:
        await asyncio.to_thread(self.close)

    def close(self) -> None:
        """Cancels running generations, waits for them to end, and unloads the model."""
        self.join_workers()
        with self._load_lock:
            loaded, self._loaded = self._loaded, None
        if loaded is not None:
            self._unload(loaded)
        if self.cache is not None:
            self.cache.clear()

    # -- workers -------------------------------------------------------------------------------

    def join_workers(self, timeout_s: float = JOIN_TIMEOUT_S) -> None:
        """Cancels running generations and waits until the engine thread has finished them."""
        with self._workers_lock:
            running = list(self._workers)
        for cancel in running:
            cancel.set()
        if not running and self._loaded is None:
            return  # nothing ran here: nothing to wait for
        if threading.current_thread().name.startswith(self.thread_name):
            return  # called from a generation (or the host's close): all before it has run
        settle = self._settle()
        if settle is None:
            return
        # Queued behind every earlier generation: when it has run, they have all ended.
        # (RuntimeError: the interpreter is shutting down and its executors take no more work.)
        with contextlib.suppress(TimeoutError, RuntimeError):
            self.executor.submit(settle).result(timeout_s)

    def _run_worker(self, request: GenerationRequest, emit: Emit, cancel: threading.Event) -> None:
        if cancel.is_set():  # cancelled while it waited for the engine thread
            return
        with self._workers_lock:
            self._workers.add(cancel)
        try:
            loaded_before = self._loaded is not None
            loaded = self.load(notify=lambda text: emit(Notice(text)))
            load_s = None if loaded_before else loaded.load_s
            self._generate(loaded, request, emit, cancel, load_s)
        finally:
            with self._workers_lock:
                self._workers.discard(cancel)


@atexit.register
def _quiesce_at_exit() -> None:
    # A generation still running on an engine thread at exit can abort the interpreter (MLX)
    # or hold it up (llama.cpp): cancelled, it stops at its next token.
    for backend in list(_live):
        backend.join_workers(timeout_s=AT_EXIT_JOIN_S)
