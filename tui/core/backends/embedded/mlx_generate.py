"""One MLX generation: caro's sampler settings in mlx-lm's words, the prompt cache, stop strings.

Runs in a worker thread while the caller holds the MLX lock (see mlx.py): MLX arrays must not
be mutated from two threads at once. Nothing here imports MLX at module level.
"""

from __future__ import annotations

import copy
import importlib
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tui.core.backends.base import FinishReason, SamplerSettings
from tui.core.backends.embedded.prompt_cache import CacheHit, PromptCache

DEFAULT_MAX_TOKENS = 256
# Tokens of history the repeat penalty looks at: llama-cpp-python's default (last_n 64), so the
# two engines penalise the same thing.
REPEAT_WINDOW = 64
PREFILL_STEP = 512

KvState = list[Any]  # one mlx-lm cache object per layer


def _mx() -> Any:
    return importlib.import_module("mlx.core")


class MlxKvOps:
    """Prompt-cache operations for mlx-lm per-layer caches."""

    def copy(self, state: KvState) -> KvState:
        mx = _mx()
        copied = [_copy_layer(layer) for layer in state]
        mx.eval([layer.state for layer in copied if not layer.empty()])
        return copied

    def trim(self, state: KvState, keep: int) -> KvState | None:
        if not self.trimmable(state):
            return None
        for layer in state:
            layer.trim(layer.offset - keep)
        return state

    def trimmable(self, state: KvState) -> bool:
        return all(layer.is_trimmable() for layer in state)

    def nbytes(self, state: KvState) -> int:
        return sum(int(layer.nbytes) for layer in state if not layer.empty())


def _copy_layer(layer: Any) -> Any:
    KVCache = importlib.import_module("mlx_lm.models.cache").KVCache

    if type(layer) is KVCache and layer.keys is not None:
        # Only the used part of the buffer, as new arrays: the copy shares nothing writable.
        fresh = KVCache()
        fresh.keys = layer.keys[..., : layer.offset, :]
        fresh.values = layer.values[..., : layer.offset, :]
        fresh.offset = layer.offset
        return fresh
    return copy.deepcopy(layer)


def kv_offset(state: KvState) -> int:
    return int(state[0].offset) if state else 0


# -- sampler settings -----------------------------------------------------------------------------


def make_sampler(settings: SamplerSettings) -> Any:
    from mlx_lm.sample_utils import make_sampler as mlx_make_sampler

    return mlx_make_sampler(
        temp=settings.temperature or 0.0,
        top_p=settings.top_p if settings.top_p is not None else 0.0,
        min_p=settings.min_p or 0.0,
        top_k=max(settings.top_k or 0, 0),
    )


def repeat_penalty_processor(penalty: float, history: Sequence[int]) -> Callable[[Any, Any], Any]:
    """llama.cpp's repeat penalty over the last REPEAT_WINDOW tokens, cached prefix included.

    mlx-lm's processors see only the tokens passed to this generation, so a reused prompt state
    would change what is penalised; `history` (the cached prefix) restores the full view.
    """
    mx = _mx()
    prefix = list(history)

    def process(tokens: Any, logits: Any) -> Any:
        recent = (prefix + tokens.tolist())[-REPEAT_WINDOW:]
        if not recent:
            return logits
        index = mx.array(sorted(set(recent)))
        chosen = logits[:, index]
        penalised = mx.where(chosen < 0, chosen * penalty, chosen / penalty)
        logits[:, index] = penalised
        return logits

    return process


# -- stop strings ---------------------------------------------------------------------------------


class StopScanner:
    """Finds stop strings in streamed text, holding back text that may begin one."""

    def __init__(self, stops: Sequence[str]) -> None:
        self.stops = [s for s in stops if s]
        self.pending = ""

    def feed(self, text: str) -> tuple[str, bool]:
        """(text safe to show, whether a stop string was reached)."""
        self.pending += text
        cut = min((i for i in (self.pending.find(s) for s in self.stops) if i >= 0), default=-1)
        if cut >= 0:
            out, self.pending = self.pending[:cut], ""
            return out, True
        hold = self._partial_suffix()
        out = self.pending[: len(self.pending) - hold]
        self.pending = self.pending[len(self.pending) - hold :]
        return out, False

    def flush(self) -> str:
        out, self.pending = self.pending, ""
        return out

    def _partial_suffix(self) -> int:
        longest = 0
        for stop in self.stops:
            for size in range(min(len(stop) - 1, len(self.pending)), longest, -1):
                if self.pending.endswith(stop[:size]):
                    longest = size
                    break
        return longest


# -- the generation -------------------------------------------------------------------------------


@dataclass
class Outcome:
    tokens: list[int]  # generated tokens
    finish: FinishReason
    ttft_s: float | None
    total_s: float
    cached_tokens: int


@dataclass
class Job:
    model: Any
    tokenizer: Any
    prompt: list[int]
    sampler: SamplerSettings
    cache: PromptCache[KvState] | None
    namespace: str
    # Token counts after which the prompt's state is worth keeping (the system prompt's end).
    boundaries: Sequence[int] = ()


def fetch_state(job: Job) -> CacheHit[KvState]:
    from mlx_lm.models.cache import make_prompt_cache

    if job.cache is not None:
        hit = job.cache.fetch(job.namespace, job.prompt)
        if hit.state is not None:
            return hit
    return CacheHit(make_prompt_cache(job.model), 0, tuple(job.prompt), "miss")


def prefill(model: Any, state: KvState, tokens: Sequence[int]) -> None:
    """Runs tokens through the model into `state` (no logits are evaluated)."""
    mx = _mx()
    for start in range(0, len(tokens), PREFILL_STEP):
        chunk = mx.array(list(tokens[start : start + PREFILL_STEP]))
        model(chunk[None], cache=state)
        mx.eval([layer.state for layer in state])


def _store_boundaries(job: Job, state: KvState, done: int) -> int:
    """Prefills up to each uncached boundary and stores the state there; returns tokens done."""
    if job.cache is None:
        return done
    for boundary in sorted(job.boundaries):
        if done < boundary < len(job.prompt):
            prefill(job.model, state, job.prompt[done:boundary])
            job.cache.insert(job.namespace, job.prompt[:boundary], state)
            done = boundary
    return done


def generate(
    job: Job,
    on_text: Callable[[str], None],
    cancel: threading.Event,
    on_start: Callable[[int], None] = lambda _: None,
) -> Outcome:
    """Streams one answer; the state it leaves behind goes back into the cache."""
    from mlx_lm import stream_generate

    mx = _mx()
    hit = fetch_state(job)
    state = hit.state
    assert state is not None
    on_start(hit.cached_tokens)
    started = time.perf_counter()
    done = _store_boundaries(job, state, hit.cached_tokens)
    processors = []
    if job.sampler.repeat_penalty not in (None, 1.0):
        processors.append(repeat_penalty_processor(job.sampler.repeat_penalty, job.prompt[:done]))
    if job.sampler.seed is not None:
        mx.random.seed(job.sampler.seed)
    stops = StopScanner(job.sampler.stop)
    generated: list[int] = []
    first: float | None = None
    finish: FinishReason = "length"
    at_stop_string = False
    responses = stream_generate(
        job.model,
        job.tokenizer,
        mx.array(job.prompt[done:]),
        max_tokens=job.sampler.max_tokens or DEFAULT_MAX_TOKENS,
        sampler=make_sampler(job.sampler),
        logits_processors=processors or None,
        prompt_cache=state,
    )
    try:
        for response in responses:
            if first is None:
                first = time.perf_counter() - started
            if response.finish_reason != "stop":
                generated.append(int(response.token))
            text, stopped = stops.feed(response.text)
            if text:
                on_text(text)
            if stopped:
                finish, at_stop_string = "stop", True
                break
            if response.finish_reason is not None:
                finish = "stop" if response.finish_reason == "stop" else "length"
            if cancel.is_set():
                finish = "cancelled"
                break
    finally:
        responses.close()
    tail = "" if at_stop_string else stops.flush()  # text held back for a stop that never came
    if tail:
        on_text(tail)
    _keep_state(job, state, generated)
    return Outcome(generated, finish, first, time.perf_counter() - started, hit.cached_tokens)


def _keep_state(job: Job, state: KvState, generated: list[int]) -> None:
    """Stores the state under exactly the tokens it holds (prompt, then what was fed back)."""
    if job.cache is None:
        return
    mx = _mx()
    mx.eval([layer.state for layer in state if not layer.empty()])
    held = kv_offset(state)
    processed = [*job.prompt, *generated][:held]
    if len(processed) < held and not MlxKvOps().trim(state, len(processed)):
        return
    job.cache.insert(job.namespace, processed, state, owned=True)
