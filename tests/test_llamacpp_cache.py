"""The llama.cpp engine's prompt states: in memory, on disk, and across processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tui.core import paths
from tui.core.backends.base import (
    Finished,
    GenerationRequest,
    Message,
    SamplerSettings,
    Started,
    StreamEvent,
    TextDelta,
)
from tui.core.backends.embedded.llamacpp import LlamaCppBackend
from tui.core.backends.embedded.llamacpp_state import LlamaStateOps, SavedState, StateStore
from tui.core.config import BackendConfig

SYSTEM = Message(
    "system",
    "You translate a request into one bash command for Linux, in the directory /srv/app. "
    "Reply with the command only, on one line, without explanation.",
)
GREEDY = SamplerSettings(temperature=0.0, max_tokens=8)


def ask(text: str, system: Message = SYSTEM) -> GenerationRequest:
    return GenerationRequest(messages=(system, Message("user", text)), sampler=GREEDY)


async def collect(backend: LlamaCppBackend, request: GenerationRequest) -> list[StreamEvent]:
    return [event async for event in backend.stream(request)]


def started(events: list[StreamEvent]) -> Started:
    return next(e for e in events if isinstance(e, Started))


def state(tokens: tuple[int, ...], data: bytes = b"kv-bytes") -> SavedState:
    return SavedState(tokens, data, len(tokens))


# -- the pieces -------------------------------------------------------------------------------


def test_states_are_shared_not_copied_and_trim_shortens_the_tokens() -> None:
    ops = LlamaStateOps()
    saved = state((1, 2, 3, 4))
    assert ops.copy(saved) is saved
    trimmed = ops.trim(saved, 2)
    assert trimmed.tokens == (1, 2) and trimmed.data_tokens == 4 and saved.tokens == (1, 2, 3, 4)
    assert ops.nbytes(saved) == len(b"kv-bytes") + 16


def test_the_store_round_trips_and_checks_what_it_reads(tmp_path: Path) -> None:
    tmp_path = tmp_path / "states"
    store = StateStore(tmp_path, "model-a")
    written = store.save(state((5, 6, 7)))
    assert store.load((5, 6, 7)) == state((5, 6, 7))
    assert store.load((5, 6)) is None
    assert StateStore(tmp_path, "model-b").load((5, 6, 7)) is None  # another model
    assert [p.name for p in tmp_path.iterdir()] == [written.name]  # no temporary files left
    written.write_bytes(written.read_bytes()[:-3] + b"xyz")  # damaged on disk
    assert store.load((5, 6, 7)) is None
    written.write_bytes(b"not a state at all")
    assert store.load((5, 6, 7)) is None


def test_the_store_keeps_the_newest_files(tmp_path: Path) -> None:
    tmp_path = tmp_path / "states"
    store = StateStore(tmp_path, "m", max_files=3)
    for first in range(5):
        path = store.save(state((first, 1)))
        os.utime(path, ns=(first * 10**9, first * 10**9))
    assert sorted(p.name for p in tmp_path.glob("*.state")) == sorted(
        store.path_for((first, 1)).name for first in (2, 3, 4)
    )


# -- in one process ---------------------------------------------------------------------------


@pytest.fixture
def backend(bundled_model: Path) -> LlamaCppBackend:
    return LlamaCppBackend(
        BackendConfig(name="embedded-cpu", kind="llamacpp", model=str(bundled_model))
    )


async def test_an_earlier_prompt_comes_back_from_the_cache(backend: LlamaCppBackend) -> None:
    other = Message("system", "You are a poet. Answer in rhymes about the sea and the sky.")
    first = await collect(backend, ask("list files"))
    await collect(backend, ask("hello", system=other))  # the live context now holds this one
    again = await collect(backend, ask("list files"))
    prompt_tokens = started(again).prompt_tokens
    assert prompt_tokens is not None
    # Stored with its answer, trimmed back to the prompt less one token (to be evaluated).
    assert started(again).cached_prompt_tokens == prompt_tokens - 1
    assert backend.cache is not None and backend.cache.stats.longer >= 1
    text = "".join(e.text for e in first if isinstance(e, TextDelta))
    assert text == "".join(e.text for e in again if isinstance(e, TextDelta))
    await backend.aclose()


async def test_the_system_prompt_state_is_written_to_disk(backend: LlamaCppBackend) -> None:
    events = await collect(backend, ask("show the date"))
    assert isinstance(events[-1], Finished)
    files = list(paths.prompt_state_dir().glob("*.state"))
    assert len(files) == 1
    await backend.aclose()


async def test_without_the_prompt_cache_nothing_is_kept(bundled_model: Path) -> None:
    backend = LlamaCppBackend(
        BackendConfig(
            name="embedded-cpu", kind="llamacpp", model=str(bundled_model), prompt_cache=False
        )
    )
    await collect(backend, ask("show the date"))
    assert backend.cache is None
    assert not paths.prompt_state_dir().exists()
    await backend.aclose()


# -- across processes -------------------------------------------------------------------------

FIRST_REQUEST = textwrap.dedent(
    """
    import asyncio, json, sys
    from tui.core.backends.base import GenerationRequest, Message, SamplerSettings, Started
    from tui.core.backends.base import TextDelta
    from tui.core.backends.embedded.llamacpp import LlamaCppBackend
    from tui.core.config import BackendConfig

    async def main() -> None:
        backend = LlamaCppBackend(BackendConfig(name="e", kind="llamacpp", model=sys.argv[1]))
        request = GenerationRequest(
            (Message("system", sys.argv[2]), Message("user", sys.argv[3])),
            SamplerSettings(temperature=0.0, max_tokens=8),
        )
        events = [e async for e in backend.stream(request)]
        start = next(e for e in events if isinstance(e, Started))
        print(json.dumps({
            "prompt": start.prompt_tokens,
            "cached": start.cached_prompt_tokens,
            "disk_hits": backend.loaded.reuse.disk_hits,
            "text": "".join(e.text for e in events if isinstance(e, TextDelta)),
        }))
        await backend.aclose()

    asyncio.run(main())
    """
)


def first_request_in_a_new_process(model: Path, request: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", FIRST_REQUEST, str(model), SYSTEM.content, request],
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_a_new_process_starts_from_the_saved_system_prompt(bundled_model: Path) -> None:
    cold = first_request_in_a_new_process(bundled_model, "show disk usage")
    assert cold["cached"] == 0 and cold["disk_hits"] == 0
    warm = first_request_in_a_new_process(bundled_model, "show disk usage")
    assert warm["disk_hits"] == 1
    assert isinstance(warm["cached"], int) and isinstance(warm["prompt"], int)
    assert 20 < warm["cached"] < warm["prompt"]  # the system prompt, not the request
    # The restored state is the one the first process computed: the same answer follows.
    assert warm["text"] == cold["text"]
    other = first_request_in_a_new_process(bundled_model, "list the files")
    assert other["disk_hits"] == 1 and other["cached"] == warm["cached"]
