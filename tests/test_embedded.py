"""The embedded-engine lifecycle: one base for llama.cpp and MLX.

The lifecycle is tested with a counting engine written here (it generates numbers on its own
thread until cancelled), and close's join with the real llama.cpp engine and the bundled model.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui.core.backends.base import (
    BackendError,
    ErrorKind,
    Finished,
    GenerationRequest,
    HealthStatus,
    Message,
    ModelInfo,
    SamplerSettings,
    Started,
    StreamEvent,
    TextDelta,
)
from tui.core.backends.embedded.base import EmbeddedBackend, finished, started
from tui.core.backends.embedded.llamacpp import LlamaCppBackend
from tui.core.backends.embedded.prefix import common_prefix, system_boundary
from tui.core.backends.embedded.threaded import Emit
from tui.core.config import BackendConfig

COUNTER_THREAD = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="test-counter")


@dataclass(frozen=True)
class Choice:
    name: str
    reason: str
    hint: str = ""


@dataclass
class Counter:
    name: str
    reason: str
    load_s: float
    unloaded: bool = False


class CountingEngine(EmbeddedBackend[Choice, Counter]):
    """Counts upwards, one number per step, until cancelled or `limit` is reached."""

    kind = "counting"
    executor = COUNTER_THREAD
    thread_name = "test-counter"

    def __init__(self, model: str | None = "counter-1", limit: int = 10_000) -> None:
        super().__init__(BackendConfig(name="count", kind="counting", model=model), None)
        self.limit = limit
        self.loads = 0
        self.step = threading.Event()  # set by each step, so a test can wait for the first

    def _resolve(self, *, allow_download: bool, notify: Callable[[str], None]) -> Choice:
        if not self.config.model:
            raise BackendError("no model", fix="set one", kind=ErrorKind.MODEL_MISSING)
        return Choice(self.config.model, "configured", hint="a hint")

    def _load_resolved(self, resolved: Choice) -> Counter:
        self.loads += 1
        return Counter(resolved.name, resolved.reason, 0.5)

    def _unload(self, loaded: Counter) -> None:
        loaded.unloaded = True

    def _version(self) -> str:
        return "counter 1.0"

    def _local_models(self) -> list[ModelInfo]:
        return [ModelInfo(id="counter-1")]

    def describe(self) -> Mapping[str, object]:
        return {"engine": "counter"}

    def _generate(
        self,
        loaded: Counter,
        request: GenerationRequest,
        emit: Emit,
        cancel: threading.Event,
        load_s: float | None,
    ) -> None:
        emit(started(loaded.name, 1, 0, load_s))
        count = 0
        while count < self.limit and not cancel.is_set():
            count += 1
            emit(TextDelta(f"{count} "))
            self.step.set()
            cancel.wait(0.001)
        emit(
            finished(
                loaded.name,
                prompt_tokens=1,
                completion_tokens=count,
                cached_prompt_tokens=0,
                ttft_s=None,
                total_s=0.0,
                finish="cancelled" if cancel.is_set() else "length",
                load_s=load_s,
            )
        )


def ask(text: str = "count", **sampler: object) -> GenerationRequest:
    settings = SamplerSettings(**{"temperature": 0.0, "max_tokens": 24, **sampler})  # type: ignore[arg-type]
    return GenerationRequest((Message("user", text),), settings)


async def collect(backend: EmbeddedBackend[Choice, Counter]) -> list[StreamEvent]:
    return [event async for event in backend.stream(ask())]


def load_times(events: list[StreamEvent]) -> list[float | None]:
    start = next(e for e in events if isinstance(e, Started))
    end = events[-1]
    assert isinstance(end, Finished)
    return [start.load_s, end.timings.load_s]


async def test_the_model_loads_once_and_its_load_time_is_reported_once() -> None:
    engine = CountingEngine(limit=3)
    first, second = await collect(engine), await collect(engine)
    assert engine.loads == 1
    assert load_times(first) == [0.5, 0.5]
    assert load_times(second) == [None, None]
    await engine.aclose()


async def test_loading_tells_the_model_and_why() -> None:
    engine = CountingEngine(limit=1)
    notes: list[str] = []
    engine.load(notes.append)
    assert notes == ["model counter-1: configured", "a hint"]
    await engine.aclose()


async def test_probe_says_what_loads_and_what_is_loaded() -> None:
    engine = CountingEngine(limit=1)
    before = await engine.probe()
    assert before.status == HealthStatus.UP and "loads on first use" in before.detail
    await collect(engine)
    after = await engine.probe()
    assert after.loaded_models == ("counter-1",) and "loaded" in after.detail
    missing = await CountingEngine(model=None).probe()
    assert missing.status == HealthStatus.DOWN and missing.fix == "set one"
    await engine.aclose()


async def test_close_cancels_a_running_generation_and_waits_for_it() -> None:
    engine = CountingEngine()
    stream = engine.stream(ask())
    async for event in stream:
        if isinstance(event, TextDelta):
            break
    loaded = engine.loaded
    await engine.aclose()  # nobody reads the stream meanwhile
    assert loaded is not None and loaded.unloaded and engine.loaded is None
    rest = [event async for event in stream]
    assert isinstance(rest[-1], Finished) and rest[-1].finish_reason == "cancelled"


async def test_close_on_the_engine_thread_does_not_wait_for_itself() -> None:
    engine = CountingEngine(limit=2)
    await collect(engine)
    loop = asyncio.get_running_loop()
    await asyncio.wait_for(loop.run_in_executor(COUNTER_THREAD, engine.close), 10)
    assert engine.loaded is None


def test_closing_an_engine_that_never_ran_submits_nothing() -> None:
    engine = CountingEngine()
    engine.close()
    assert engine.loads == 0


def test_the_shared_prefix_arithmetic() -> None:
    assert common_prefix([1, 2, 3], [1, 2, 4]) == 2
    assert common_prefix("abc", "abd") == 2
    assert common_prefix([], [1]) == 0
    # The system message alone renders "S:x|" (then a generation prompt); the whole prompt
    # goes on with the user's turn. One character per token here.
    alone, whole = "S:x|A:", "S:x|U:hi|A:"
    tokens = [ord(c) for c in whole]
    assert system_boundary(alone, whole, tokens, lambda t: [ord(c) for c in t]) == 4


async def test_closing_llama_cpp_cancels_the_running_generation(bundled_model: Path) -> None:
    backend = LlamaCppBackend(
        BackendConfig(name="embedded-cpu", kind="llamacpp", model=str(bundled_model))
    )
    request = GenerationRequest(
        (Message("user", "Write a very long story about the sea."),),
        SamplerSettings(temperature=0.8, max_tokens=400, seed=3),
    )
    stream = backend.stream(request)
    async for event in stream:
        if isinstance(event, TextDelta):
            break
    await backend.aclose()  # before: it waited for all 400 tokens, then unloaded
    rest = [event async for event in stream]
    assert isinstance(rest[-1], Finished)
    assert rest[-1].finish_reason == "cancelled"
    assert backend.loaded is None


@pytest.fixture(autouse=True)
def _no_leftover_counting() -> None:
    COUNTER_THREAD.submit(lambda: None).result(10)  # the previous test's engine thread is idle
