"""The embedded MLX engine (mlx-lm): MLX-format models, Hub repo ids, and llama GGUF files.

MLX is imported only when this engine first loads a model or is probed, so the llama.cpp path
never pays for it. One lock serialises every MLX computation in the process (MLX arrays must
not be mutated from two threads at once; on a CPU nothing is lost by it). Requests reuse the KV
state of earlier prompts through the prompt cache. The lifecycle (see embedded) joins the
engine thread and lets MLX finish its work before the backend closes and before the
interpreter exits: a generation still running on a daemon thread at exit can abort the process.
"""

from __future__ import annotations

import concurrent.futures
import queue
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from tui.core.backends.base import (
    GenerationRequest,
    Message,
    ModelInfo,
    TextDelta,
)
from tui.core.backends.embedded import mlx_models
from tui.core.backends.embedded.base import EmbeddedBackend, chatml, finished, started
from tui.core.backends.embedded.mlx_generate import Job, MlxKvOps, generate
from tui.core.backends.embedded.mlx_models import MlxModel, MlxSource
from tui.core.backends.embedded.prefix import system_boundary as text_boundary
from tui.core.backends.embedded.prompt_cache import PromptCache
from tui.core.backends.embedded.threaded import Emit
from tui.core.config import BackendConfig, is_apple_silicon
from tui.core.models import store as model_store


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
ENGINE_THREAD_NAME = "caro-mlx"
ENGINE_THREAD = DaemonEngine(ENGINE_THREAD_NAME)


def render(tokenizer: Any, messages: Sequence[Message], generation_prompt: bool = True) -> str:
    plain = [{"role": m.role, "content": m.content} for m in messages]
    if not getattr(tokenizer, "has_chat_template", False):
        return chatml(plain, generation_prompt)
    text = tokenizer.apply_chat_template(
        plain, add_generation_prompt=generation_prompt, tokenize=False
    )
    return str(text)


def encode(tokenizer: Any, text: str) -> list[int]:
    bos = getattr(tokenizer, "bos_token", None)
    special = bos is None or not text.startswith(bos)
    return [int(t) for t in tokenizer.encode(text, add_special_tokens=special)]


def system_boundary(
    tokenizer: Any, messages: Sequence[Message], prompt: list[int], whole: str | None = None
) -> int:
    """How many prompt tokens belong to the system message (0 when there is none)."""
    if not messages or messages[0].role != "system":
        return 0
    alone = render(tokenizer, messages[:1], generation_prompt=False)
    whole = render(tokenizer, messages) if whole is None else whole
    return text_boundary(alone, whole, prompt, lambda text: encode(tokenizer, text))


class MlxBackend(EmbeddedBackend[MlxSource, MlxModel]):
    kind = "mlx"
    executor = ENGINE_THREAD
    thread_name = ENGINE_THREAD_NAME

    def __init__(self, config: BackendConfig) -> None:
        cache: PromptCache[Any] | None = (
            PromptCache(
                MlxKvOps(), max_entries=config.max_cache_entries, max_bytes=config.max_kv_size
            )
            if config.prompt_cache
            else None
        )
        super().__init__(config, cache)

    # -- model -----------------------------------------------------------------------------

    def _resolve(self, *, allow_download: bool, notify: Callable[[str], None]) -> MlxSource:
        return mlx_models.resolve(
            self.config.model,
            self.config.model_source,
            allow_download=allow_download,
            notify=notify,
            backend=self.name,
        )

    def _load_resolved(self, resolved: MlxSource) -> MlxModel:
        mx = mlx_models.import_mlx(self.name)
        began = time.perf_counter()
        with MLX_LOCK:
            if not self.config.gpu:
                mx.set_default_device(mx.cpu)
            model, tokenizer = mlx_models.load(resolved, self.name)
        return MlxModel(model, tokenizer, resolved, time.perf_counter() - began)

    def _settle(self) -> Callable[[], object] | None:
        if self._loaded is None:
            return None  # MLX never ran here: nothing to synchronise (and no import)
        mx = mlx_models.import_mlx(self.name)
        return mx.synchronize  # type: ignore[no-any-return]

    def _version(self) -> str:
        return mlx_models.installed_version(self.name)

    def _device(self) -> str:
        return " on the Metal GPU" if is_apple_silicon() and self.config.gpu else " on the CPU"

    def _local_models(self) -> list[ModelInfo]:
        loaded = self._loaded.source if self._loaded else None
        found: list[ModelInfo] = []
        if loaded is not None:
            found.append(_info(loaded, "loaded", True))
        listed = {loaded.path} if loaded is not None else set()
        for folder in model_store.mlx_folders():
            if folder not in listed:
                listed.add(folder)
                source = MlxSource(folder, "", False, model_store.repo_of(folder))
                found.append(_info(source, "models folder", False))
        recommended = mlx_models.cached_snapshot(mlx_models.RECOMMENDED_REPO)
        if recommended is not None and recommended not in listed:
            source = MlxSource(recommended, "", False, mlx_models.RECOMMENDED_REPO)
            found.append(_info(source, "Hub cache", False))
        bundled = model_store.bundled_model_path()
        if bundled is not None and bundled not in listed:
            found.append(_info(MlxSource(bundled, "", True), "bundled", False))
        return found

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

    # -- generation (runs on the engine thread) ---------------------------------------------

    def _generate(
        self,
        loaded: MlxModel,
        request: GenerationRequest,
        emit: Emit,
        cancel: threading.Event,
        load_s: float | None,
    ) -> None:
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

        def on_start(cached: int) -> None:
            emit(started(loaded.name, len(prompt), cached, load_s))

        with MLX_LOCK:
            outcome = generate(job, lambda text: emit(TextDelta(text)), cancel, on_start)
        emit(
            finished(
                loaded.name,
                prompt_tokens=len(prompt),
                completion_tokens=len(outcome.tokens),
                cached_prompt_tokens=outcome.cached_tokens,
                ttft_s=outcome.ttft_s,
                total_s=outcome.total_s,
                finish=outcome.finish,
                load_s=load_s,
            )
        )


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
