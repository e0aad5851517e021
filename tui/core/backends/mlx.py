"""The embedded MLX engine (mlx-lm): MLX-format models, Hub repo ids, and llama GGUF files.

MLX is imported only when this engine first loads a model or is probed, so the llama.cpp path
never pays for it. One lock serialises every MLX computation in the process (MLX arrays must
not be mutated from two threads at once; on a CPU nothing is lost by it). Requests reuse the KV
state of earlier prompts through the prompt cache. Worker threads are joined and MLX is
synchronised before the backend closes and before the interpreter exits: a generation still
running on a daemon thread at exit can abort the process.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import contextlib
import queue
import threading
import time
import weakref
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

from tui.core import models
from tui.core.backends import mlx_models
from tui.core.backends.base import (
    BackendError,
    Finished,
    GenerationRequest,
    Health,
    HealthStatus,
    Message,
    ModelInfo,
    Notice,
    Started,
    StreamEvent,
    TextDelta,
    Timings,
)
from tui.core.backends.mlx_generate import Job, KvState, MlxKvOps, generate
from tui.core.backends.mlx_models import MlxModel, MlxSource
from tui.core.backends.threaded import Emit, stream_from_thread
from tui.core.config import BackendConfig, is_apple_silicon
from tui.core.prompt_cache import PromptCache


class DaemonEngine(concurrent.futures.Executor):
    """One daemon thread that runs submitted calls in order, and never exits.

    Why not a ThreadPoolExecutor: MLX keeps a compile cache per thread, holding Python objects.
    When a thread that used MLX exits, that cache is destroyed after Python has let go of the
    thread; if the interpreter is finalising by then, the destructor cannot take the GIL and
    the process aborts ("terminate called without an active exception"; measured: 3 exits in
    5). A thread that never exits never runs that destructor; at exit it is parked on its queue.
    """

    def __init__(self, name: str) -> None:
        self._calls: queue.SimpleQueue[tuple[concurrent.futures.Future[Any], Any]] = (
            queue.SimpleQueue()
        )
        self._thread = threading.Thread(target=self._serve, name=name, daemon=True)
        self._started = False
        self._start_lock = threading.Lock()

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> concurrent.futures.Future[Any]:
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        self._calls.put((future, lambda: fn(*args, **kwargs)))
        with self._start_lock:
            if not self._started:
                self._thread.start()
                self._started = True
        return future

    def _serve(self) -> None:
        while True:
            future, call = self._calls.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(call())
            except BaseException as error:  # noqa: BLE001 - handed to whoever waits on it
                future.set_exception(error)


MLX_LOCK = threading.Lock()
# Every MLX generation of the process runs on this one thread (see DaemonEngine for why).
ENGINE_THREAD = DaemonEngine("caro-mlx")
JOIN_TIMEOUT_S = 30.0
_live: weakref.WeakSet[MlxBackend] = weakref.WeakSet()


def _chatml(messages: Sequence[dict[str, str]], generation_prompt: bool) -> str:
    text = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)
    return text + ("<|im_start|>assistant\n" if generation_prompt else "")


def render(tokenizer: Any, messages: Sequence[Message], generation_prompt: bool = True) -> str:
    plain = [{"role": m.role, "content": m.content} for m in messages]
    if not getattr(tokenizer, "has_chat_template", False):
        return _chatml(plain, generation_prompt)
    text = tokenizer.apply_chat_template(
        plain, add_generation_prompt=generation_prompt, tokenize=False
    )
    return str(text)


def encode(tokenizer: Any, text: str) -> list[int]:
    bos = getattr(tokenizer, "bos_token", None)
    special = bos is None or not text.startswith(bos)
    return [int(t) for t in tokenizer.encode(text, add_special_tokens=special)]


def common_length(left: Sequence[Any], right: Sequence[Any]) -> int:
    length = 0
    for a, b in zip(left, right, strict=False):
        if a != b:
            break
        length += 1
    return length


def system_boundary(
    tokenizer: Any, messages: Sequence[Message], prompt: list[int], whole: str | None = None
) -> int:
    """How many prompt tokens belong to the system message (0 when there is none).

    Rendered alone, the system message is a text prefix of the whole prompt; tokenising that
    common text and keeping the tokens both agree on gives a boundary that is safe to cache.
    """
    if not messages or messages[0].role != "system":
        return 0
    alone = render(tokenizer, messages[:1], generation_prompt=False)
    whole = render(tokenizer, messages) if whole is None else whole
    text = whole[: common_length(alone, whole)]
    return common_length(encode(tokenizer, text), prompt)


class MlxBackend:
    kind = "mlx"
    supports_prefix = True

    def __init__(self, config: BackendConfig) -> None:
        self.name = config.name
        self.config = config
        self._loaded: MlxModel | None = None
        self._load_lock = threading.Lock()
        self.cache: PromptCache[KvState] | None = (
            PromptCache(
                MlxKvOps(), max_entries=config.max_cache_entries, max_bytes=config.max_kv_size
            )
            if config.prompt_cache
            else None
        )
        self._workers: set[threading.Event] = set()
        self._workers_lock = threading.Lock()
        _live.add(self)

    # -- model -----------------------------------------------------------------------------

    def resolve(self, *, allow_download: bool, notify: Any = lambda _: None) -> MlxSource:
        return mlx_models.resolve(
            self.config.model,
            self.config.model_source,
            allow_download=allow_download,
            notify=notify,
            backend=self.name,
        )

    def load(self, notify: Any = lambda _: None) -> MlxModel:
        """Loads the model once (thread-safe); later calls return the loaded one."""
        with self._load_lock:
            if self._loaded is not None:
                return self._loaded
            source = self.resolve(allow_download=True, notify=notify)
            notify(f"model {source.name}: {source.reason}")
            if source.hint:
                notify(source.hint)
            mx = mlx_models.import_mlx(self.name)
            started = time.perf_counter()
            with MLX_LOCK:
                if not self.config.gpu:
                    mx.set_default_device(mx.cpu)
                model, tokenizer = mlx_models.load(source, self.name)
            self._loaded = MlxModel(model, tokenizer, source, time.perf_counter() - started)
            return self._loaded

    @property
    def loaded(self) -> MlxModel | None:
        return self._loaded

    # -- protocol --------------------------------------------------------------------------

    async def probe(self) -> Health:
        started = time.perf_counter()
        try:
            version = mlx_models.installed_version(self.name)
        except BackendError as error:
            return Health(HealthStatus.DOWN, detail=error.message, fix=error.fix)
        device = "Metal GPU" if is_apple_silicon() and self.config.gpu else "CPU"
        loaded = self._loaded
        if loaded is not None:
            return Health(
                HealthStatus.UP,
                latency_s=time.perf_counter() - started,
                version=version,
                detail=f"{loaded.source.name} loaded on the {device} ({loaded.source.reason})",
                loaded_models=(loaded.source.name,),
            )
        try:
            source = await asyncio.to_thread(self.resolve, allow_download=False)
        except BackendError as error:
            return Health(HealthStatus.DOWN, detail=error.message, fix=error.fix, version=version)
        return Health(
            HealthStatus.UP,
            latency_s=time.perf_counter() - started,
            version=version,
            detail=f"{source.name} on the {device} ({source.reason}; loads on first use)",
        )

    async def list_models(self) -> list[ModelInfo]:
        return await asyncio.to_thread(self._local_models)

    def _local_models(self) -> list[ModelInfo]:
        loaded = self._loaded.source if self._loaded else None
        found: list[ModelInfo] = []
        if loaded is not None:
            found.append(_info(loaded, "loaded", True))
        recommended = mlx_models.cached_snapshot(mlx_models.RECOMMENDED_REPO)
        if recommended is not None and (loaded is None or loaded.path != recommended):
            source = MlxSource(recommended, "", False, mlx_models.RECOMMENDED_REPO)
            found.append(_info(source, "Hub cache", False))
        bundled = models.bundled_model_path()
        if bundled is not None and (loaded is None or loaded.path != bundled):
            found.append(_info(MlxSource(bundled, "", True), "bundled", False))
        return found

    def stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        return stream_from_thread(
            lambda emit, cancel: self._run_worker(request, emit, cancel), executor=ENGINE_THREAD
        )

    def describe(self) -> Mapping[str, object]:
        loaded = self._loaded
        return {
            "engine": "MLX (mlx-lm, in-process)",
            "model": loaded.source.name
            if loaded
            else self.config.model or "(resolved on first use)",
            "why": loaded.source.reason if loaded else self.config.model_source,
            "prompt cache": "on" if self.cache is not None else "off",
            "threads": "chosen by MLX (the threads setting is not used)",
        }

    async def aclose(self) -> None:
        await asyncio.to_thread(self.join_workers)
        with self._load_lock:
            self._loaded = None
        if self.cache is not None:
            self.cache.clear()

    # -- workers -----------------------------------------------------------------------------

    def join_workers(self, timeout_s: float = JOIN_TIMEOUT_S) -> None:
        """Cancels running generations, waits for the engine thread, lets MLX finish its work."""
        with self._workers_lock:
            running = list(self._workers)
        for cancel in running:
            cancel.set()
        if self._loaded is None or threading.current_thread().name.startswith("caro-mlx"):
            return
        mx = mlx_models.import_mlx(self.name)
        # Queued behind every earlier generation: when it has run, they have all ended.
        with contextlib.suppress(TimeoutError):
            ENGINE_THREAD.submit(mx.synchronize).result(timeout_s)

    def _run_worker(self, request: GenerationRequest, emit: Emit, cancel: threading.Event) -> None:
        with self._workers_lock:
            self._workers.add(cancel)
        try:
            self._generate(request, emit, cancel)
        finally:
            with self._workers_lock:
                self._workers.discard(cancel)

    def _generate(self, request: GenerationRequest, emit: Emit, cancel: threading.Event) -> None:
        loaded_before = self._loaded is not None
        loaded = self.load(notify=lambda text: emit(Notice(text)))
        load_s = None if loaded_before else loaded.load_s
        tokenizer = loaded.tokenizer
        text = render(tokenizer, request.messages)
        prompt = encode(tokenizer, text + request.response_prefix)
        job = Job(
            model=loaded.model,
            tokenizer=tokenizer,
            prompt=prompt,
            sampler=request.sampler,
            cache=self.cache,
            namespace=str(loaded.source.path),
            boundaries=[system_boundary(tokenizer, request.messages, prompt, text)],
        )

        def started(cached: int) -> None:
            emit(Started(loaded.source.name, len(prompt), cached, load_s))

        with MLX_LOCK:
            outcome = generate(job, lambda text: emit(TextDelta(text)), cancel, started)
        timings = Timings(
            ttft_s=outcome.ttft_s,
            total_s=outcome.total_s,
            prompt_tokens=len(prompt),
            completion_tokens=len(outcome.tokens),
            cached_prompt_tokens=outcome.cached_tokens,
            load_s=load_s,
        )
        emit(Finished(timings, outcome.finish, loaded.source.name))


def _info(source: MlxSource, where: str, loaded: bool) -> ModelInfo:
    size = source.path.stat().st_size if source.is_gguf and source.path.exists() else None
    return ModelInfo(
        id=source.repo or str(source.path),
        name=source.name,
        provider="MLX",
        size_bytes=size,
        quantization="GGUF" if source.is_gguf else "",
        source=where,
        path=str(source.path),
        loaded=loaded,
    )


@atexit.register
def _quiesce_at_exit() -> None:
    # Cancelled generations stop at their next token; wait for the engine thread to be idle.
    for backend in list(_live):
        backend.join_workers(timeout_s=5.0)
