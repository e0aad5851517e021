"""The embedded llama.cpp engine (llama-cpp-python): GGUF models in-process, no server.

The model loads once and stays loaded, so llama.cpp reuses the KV cache of the longest common
token prefix between requests (the system prompt and examples) by itself. A Llama object is not
thread-safe: one lock per loaded model serialises generations.
"""

from __future__ import annotations

import ctypes
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core import paths
from tui.core.backends.base import (
    BackendError,
    ErrorKind,
    FinishReason,
    GenerationRequest,
    Message,
    ModelInfo,
    SamplerSettings,
    TextDelta,
)
from tui.core.backends.embedded.base import (
    CHATML_STOP,
    EmbeddedBackend,
    chatml,
    finished,
    resolve_gguf,
    started,
)
from tui.core.backends.embedded.cores import base_threads, contended, threads_now
from tui.core.backends.embedded.llamacpp_state import (
    LlamaStateOps,
    PrefixReuse,
    SavedState,
    StateStore,
    model_key,
)
from tui.core.backends.embedded.prefix import system_boundary
from tui.core.backends.embedded.prompt_cache import PromptCache
from tui.core.backends.embedded.threaded import Emit, engine_thread
from tui.core.config import BackendConfig
from tui.core.models import resolve as models
from tui.core.models import store as model_store

DEFAULT_N_CTX = 2048
DEFAULT_MAX_TOKENS = 256
# Tokens in a row that find another task wanting a core before a generation drops to 1 thread.
CONTENDED_TOKENS = 3
# Every llama.cpp call of the process runs here (see engine_thread for why).
ENGINE_THREAD_NAME = "caro-llamacpp"
ENGINE_THREAD = engine_thread(ENGINE_THREAD_NAME)


@dataclass
class LoadedModel:
    """A Llama object with what is needed to prompt it, and the lock that guards it."""

    llm: Any
    path: Path
    reason: str
    render: Callable[[list[dict[str, str]]], tuple[str, list[str]]]
    lock: threading.Lock
    load_s: float
    reuse: PrefixReuse

    @property
    def name(self) -> str:
        return self.path.name


class _NoRedirect:
    """Stands in for llama-cpp-python's `suppress_stdout_stderr`.

    With verbose=False that helper dup2()s the process's stdout and stderr to /dev/null while a
    model loads. Those descriptors belong to the whole process: whatever another thread writes
    meanwhile (the TUI's frames, the CLI's notices) is lost. caro silences llama.cpp through its
    log callback instead, so the redirection is not needed.
    """

    def __init__(self, disable: bool = True) -> None:
        self.disable = disable

    def __enter__(self) -> _NoRedirect:
        return self

    def __exit__(self, *_: object) -> None:
        return None


_quieted = False
_log_callback: Any = None
log = logging.getLogger("caro.llamacpp")


def import_quiet_llama_cpp() -> Any:
    """Imports llama_cpp with its logs routed to Python logging and no fd redirection."""
    global _quieted, _log_callback
    import llama_cpp

    if not _quieted:
        import llama_cpp._internals
        import llama_cpp.llama

        for module in (llama_cpp.llama, llama_cpp._internals):
            setattr(module, "suppress_stdout_stderr", _NoRedirect)  # noqa: B010 - see _NoRedirect

        @llama_cpp.llama_log_callback  # type: ignore[untyped-decorator]
        def to_logging(level: int, text: bytes, _user_data: Any) -> None:
            log.debug("%s", text.decode("utf-8", errors="replace").rstrip())

        _log_callback = to_logging  # keep a reference: C holds only a pointer
        llama_cpp.llama_log_set(_log_callback, ctypes.c_void_p(0))
        _quieted = True
    return llama_cpp


def _chatml(messages: list[dict[str, str]]) -> tuple[str, list[str]]:
    return chatml(messages), [CHATML_STOP]


def _template_renderer(llm: Any) -> Callable[[list[dict[str, str]]], tuple[str, list[str]]]:
    template = llm.metadata.get("tokenizer.chat_template")
    if not template:
        return _chatml
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    eos_id, bos_id = llm.token_eos(), llm.token_bos()
    formatter = Jinja2ChatFormatter(
        template=template,
        eos_token=llm._model.token_get_text(eos_id) if eos_id != -1 else "",
        bos_token=llm._model.token_get_text(bos_id) if bos_id != -1 else "",
        stop_token_ids=[eos_id],
    )

    def render(messages: list[dict[str, str]]) -> tuple[str, list[str]]:
        result = formatter(messages=messages)  # type: ignore[arg-type]
        stop = result.stop if isinstance(result.stop, list) else [result.stop or ""]
        return result.prompt, [s for s in stop if s]

    return render


def sampler_kwargs(sampler: SamplerSettings) -> dict[str, Any]:
    """caro's sampler settings in llama-cpp-python's words (unset ones keep its defaults)."""
    kwargs: dict[str, Any] = {"max_tokens": sampler.max_tokens or DEFAULT_MAX_TOKENS}
    for ours, theirs in (
        ("temperature", "temperature"),
        ("top_p", "top_p"),
        ("top_k", "top_k"),
        ("min_p", "min_p"),
        ("repeat_penalty", "repeat_penalty"),
        ("seed", "seed"),
    ):
        value = getattr(sampler, ours)
        if value is not None:
            kwargs[theirs] = value
    return kwargs


class LlamaCppBackend(EmbeddedBackend[models.ResolvedModel, LoadedModel]):
    kind = "llamacpp"
    executor = ENGINE_THREAD
    thread_name = ENGINE_THREAD_NAME

    def __init__(self, config: BackendConfig, resolved: models.ResolvedModel | None = None) -> None:
        # Prompt states of earlier requests (see llamacpp_state); None when prompt_cache = false.
        cache: PromptCache[SavedState] | None = (
            PromptCache(
                LlamaStateOps(),
                max_entries=config.max_cache_entries,
                max_bytes=config.max_kv_size,
            )
            if config.prompt_cache
            else None
        )
        super().__init__(config, cache)
        # A model file chosen by whoever made this backend (the engine host gets it from its
        # client, which resolved it in its own environment).
        self._resolved = resolved

    # -- model -----------------------------------------------------------------------------

    def _resolve(
        self, *, allow_download: bool, notify: Callable[[str], None]
    ) -> models.ResolvedModel:
        if self._resolved is not None:
            return self._resolved
        return resolve_gguf(self.config, allow_download=allow_download, notify=notify)

    def _load_resolved(self, resolved: models.ResolvedModel) -> LoadedModel:
        try:
            llama_cpp = import_quiet_llama_cpp()
        except ImportError as error:
            raise self._not_installed(error) from None
        decode_threads, batch_threads = base_threads(self.config.threads)
        began = time.perf_counter()
        try:
            llm = llama_cpp.Llama(
                model_path=str(resolved.path),
                n_ctx=self.config.n_ctx or DEFAULT_N_CTX,
                n_threads=decode_threads,
                n_threads_batch=batch_threads,
                n_gpu_layers=-1 if self.config.gpu else 0,
                verbose=False,
            )
        except (ValueError, RuntimeError) as error:
            raise BackendError(
                f"could not load {resolved.path}: {error}",
                fix="check that the file is a complete GGUF model (re-download it if in doubt)",
                kind=ErrorKind.MODEL_MISSING,
                backend=self.name,
            ) from None
        store = (
            StateStore(paths.prompt_state_dir(), model_key(resolved.path, llm.n_ctx()))
            if self.config.prompt_cache
            else None
        )
        return LoadedModel(
            llm=llm,
            path=resolved.path,
            reason=resolved.reason,
            render=_template_renderer(llm),
            lock=threading.Lock(),
            load_s=time.perf_counter() - began,
            reuse=PrefixReuse(self.cache, store, str(resolved.path)),
        )

    def _unload(self, loaded: LoadedModel) -> None:
        with loaded.lock:  # a generation that still holds it finishes first
            loaded.llm.close()

    def _not_installed(self, error: ImportError) -> BackendError:
        return BackendError(
            f"llama-cpp-python is not installed ({error})",
            fix="run `make setup` (it builds llama-cpp-python with portable CPU flags)",
            kind=ErrorKind.UNAVAILABLE,
            backend=self.name,
        )

    def _version(self) -> str:
        try:
            return f"llama-cpp-python {_llama_cpp_version()}"
        except ImportError as error:
            raise self._not_installed(error) from None

    def _local_models(self) -> list[ModelInfo]:
        loaded_path = self._loaded.path if self._loaded else None
        found: dict[Path, ModelInfo] = {}
        for path in model_store.gguf_files():
            found[path] = model_store.gguf_info(path, "models cache", loaded=path == loaded_path)
        bundled = model_store.bundled_model_path()
        if bundled:
            is_loaded = bundled == loaded_path
            found[bundled] = model_store.gguf_info(bundled, "bundled", loaded=is_loaded)
        if loaded_path and loaded_path not in found:
            found[loaded_path] = model_store.gguf_info(loaded_path, "configured", loaded=True)
        return list(found.values())

    def describe(self) -> Mapping[str, object]:
        loaded = self._loaded
        return {
            "engine": "llama.cpp (in-process)",
            "model": loaded.path.name if loaded else self.config.model or "(resolved on first use)",
            "why": loaded.reason if loaded else self.config.model_source,
        }

    # -- generation (runs on the engine thread) ---------------------------------------------

    def _generate(
        self,
        loaded: LoadedModel,
        request: GenerationRequest,
        emit: Emit,
        cancel: threading.Event,
        load_s: float | None,
    ) -> None:
        prompt_text, template_stops = loaded.render([_as_dict(m) for m in request.messages])
        prompt_text += request.response_prefix
        with loaded.lock:
            self._generate_locked(
                loaded, prompt_text, template_stops, request, emit, cancel, load_s
            )

    def _generate_locked(
        self,
        loaded: LoadedModel,
        prompt_text: str,
        template_stops: list[str],
        request: GenerationRequest,
        emit: Emit,
        cancel: threading.Event,
        load_s: float | None,
    ) -> None:
        llm = loaded.llm
        tokens = llm.tokenize(prompt_text.encode("utf-8"), add_bos=False, special=True)
        n_ctx = llm.n_ctx()
        if len(tokens) >= n_ctx:
            raise BackendError(
                f"the prompt has {len(tokens)} tokens; the context holds {n_ctx}",
                fix=f"shorten the request, or raise [backends.{self.name}] n_ctx",
                kind=ErrorKind.CONTEXT_OVERFLOW,
                backend=self.name,
            )
        boundary = 0
        if request.messages and request.messages[0].role == "system":
            alone, _ = loaded.render([_as_dict(request.messages[0])])
            boundary = system_boundary(alone, prompt_text, tokens, _encoder(llm))
        threads = threads_now(self.config.threads)
        llm._ctx.set_n_threads(*threads)
        cached = loaded.reuse.prepare(llm, tokens, boundary)
        generated = strikes = 0

        def keep_going(_ids: Any, _logits: Any) -> bool:
            nonlocal generated, threads, strikes
            generated += 1
            if threads[0] > 1 and not self.config.threads:
                # Another program started: spinning threads would stall. A few tokens in a
                # row, so that our own event loop, briefly awake to pass a token on, is not it.
                strikes = strikes + 1 if contended(threads[0]) else 0
                if strikes >= CONTENDED_TOKENS:
                    threads = (1, 1)
                    llm._ctx.set_n_threads(*threads)
            return cancel.is_set()

        from llama_cpp import StoppingCriteriaList  # imported (quietly) by _load_resolved

        emit(started(loaded.name, len(tokens), cached, load_s))
        began = time.perf_counter()
        first: float | None = None
        finish: FinishReason = "stop"
        chunks = llm.create_completion(
            tokens,
            stream=True,
            stop=[*template_stops, *request.sampler.stop],
            stopping_criteria=StoppingCriteriaList([keep_going]),
            **sampler_kwargs(request.sampler),
        )
        try:
            for chunk in chunks:
                if cancel.is_set():
                    finish = "cancelled"
                    break
                choice = chunk["choices"][0]
                if first is None:
                    first = time.perf_counter() - began
                if choice["text"]:
                    emit(TextDelta(choice["text"]))
                if choice.get("finish_reason") == "length":
                    finish = "length"
        finally:
            chunks.close()
        if cancel.is_set():
            finish = "cancelled"
        loaded.reuse.remember(llm)  # before Finished: the consumer may stop listening after it
        emit(
            finished(
                loaded.name,
                prompt_tokens=len(tokens),
                completion_tokens=generated,
                cached_prompt_tokens=cached,
                ttft_s=first,
                total_s=time.perf_counter() - began,
                finish=finish,
                load_s=load_s,
            )
        )


def _encoder(llm: Any) -> Callable[[str], list[int]]:
    def encode(text: str) -> list[int]:
        return list(llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    return encode


def _as_dict(message: Message) -> dict[str, str]:
    return {"role": message.role, "content": message.content}


def _llama_cpp_version() -> str:
    import llama_cpp

    return str(llama_cpp.__version__)
