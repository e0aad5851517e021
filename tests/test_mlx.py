"""The embedded MLX engine on this machine's CPU, with the bundled SmolLM2 GGUF (no mocks).

The same GGUF file runs on llama.cpp, so the two engines are compared token for token. They
do not compute alike (llama.cpp quantizes activations to 8 bits inside its matrix products;
MLX multiplies in floating point), so where two candidate tokens are nearly tied they may pick
differently: the tests check the logits agree closely, and how many greedy tokens agree.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from threading import Event
from typing import Any

import numpy as np
import pytest

mx = pytest.importorskip("mlx.core")

from tui.core.backends.base import (  # noqa: E402
    BackendError,
    ErrorKind,
    Finished,
    GenerationRequest,
    HealthStatus,
    Message,
    SamplerSettings,
    Started,
    StreamEvent,
    TextDelta,
)
from tui.core.backends.embedded import mlx_gguf  # noqa: E402
from tui.core.backends.embedded.llamacpp import import_quiet_llama_cpp  # noqa: E402
from tui.core.backends.embedded.mlx import (  # noqa: E402
    MLX_LOCK,
    MlxBackend,
    encode,
    render,
    system_boundary,
)
from tui.core.backends.embedded.mlx_generate import Job, StopScanner, generate  # noqa: E402
from tui.core.config import BackendConfig  # noqa: E402

pytestmark = pytest.mark.slow

SYSTEM = Message("system", "You translate a request into one bash command. Reply with the command.")
REQUESTS = (
    "show disk usage of the current directory sorted by size",
    "count lines in all .txt files",
    "list all files including hidden ones",
    "find python files changed in the last 7 days",
    "print the current date in ISO format",
    "compress the logs folder into a tar.gz archive",
)
GREEDY_10 = SamplerSettings(temperature=0.0, max_tokens=10)


def ask(text: str, **sampler: Any) -> GenerationRequest:
    settings = SamplerSettings(**{"temperature": 0.0, "max_tokens": 12, **sampler})
    return GenerationRequest(messages=(SYSTEM, Message("user", text)), sampler=settings)


async def collect(backend: MlxBackend, request: GenerationRequest) -> list[StreamEvent]:
    return [event async for event in backend.stream(request)]


def text_of(events: list[StreamEvent]) -> str:
    return "".join(e.text for e in events if isinstance(e, TextDelta))


@pytest.fixture(scope="module")
def mlx_backend(bundled_model: Path) -> Iterator[MlxBackend]:
    backend = MlxBackend(
        BackendConfig(name="mlx", kind="mlx", model=str(bundled_model), model_source="tests")
    )
    backend.load()
    yield backend
    backend.join_workers()


@pytest.fixture(scope="module")
def llama(bundled_model: Path) -> Iterator[Any]:
    llama_cpp = import_quiet_llama_cpp()
    llm = llama_cpp.Llama(
        model_path=str(bundled_model), n_ctx=512, logits_all=True, n_threads=2, verbose=False
    )
    yield llm
    llm.close()


# -- the GGUF reader --------------------------------------------------------------------------


def llama_cpp_permute(rows: np.ndarray, n_heads: int) -> np.ndarray:
    """What llama.cpp's converter does to q/k rows (HF layout -> GGUF layout)."""
    shaped = rows.reshape(n_heads, 2, rows.shape[0] // n_heads // 2, *rows.shape[1:])
    return shaped.swapaxes(1, 2).reshape(rows.shape)


@pytest.mark.parametrize(("n_heads", "head_dim"), [(1, 4), (3, 8), (9, 64)])
def test_unpermute_undoes_llama_cpp_rotary_permutation(n_heads: int, head_dim: int) -> None:
    original = np.arange(n_heads * head_dim * 2).reshape(n_heads * head_dim, 2)
    stored = llama_cpp_permute(original, n_heads)
    order = mlx_gguf.unpermute_rows(n_heads, n_heads * head_dim)
    assert (stored[order] == original).all()
    assert not (stored == original).all()


def test_model_args_come_from_the_metadata(bundled_model: Path) -> None:
    weights, metadata = mlx_gguf.read_gguf(bundled_model)
    args = mlx_gguf.model_args(metadata, weights)
    assert args["num_hidden_layers"] == 30 and args["hidden_size"] == 576
    assert (args["num_attention_heads"], args["num_key_value_heads"]) == (9, 3)
    assert args["rope_theta"] == 100000.0 and args["tie_word_embeddings"]
    assert mlx_gguf.quantization_of(weights, "blk.0.attn_q") == {"group_size": 32, "bits": 4}
    assert mlx_gguf.quantization_of(weights, "output_norm") is None


def test_other_architectures_are_refused_with_a_fix(bundled_model: Path) -> None:
    weights, metadata = mlx_gguf.read_gguf(bundled_model)
    with pytest.raises(mlx_gguf.GgufError) as raised:
        mlx_gguf.model_args({**metadata, "general.architecture": "qwen2"}, weights)
    assert "llama" in raised.value.message and "llama.cpp" in raised.value.fix
    with pytest.raises(mlx_gguf.GgufError):
        mlx_gguf.build_tokenizer({**metadata, "tokenizer.ggml.model": "llama"})


def test_an_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF\x03\x00\x00\x00truncated")
    with pytest.raises(mlx_gguf.GgufError) as raised:
        mlx_gguf.read_gguf(broken)
    assert "broken.gguf" in raised.value.message


def test_the_tokenizer_matches_llama_cpp(mlx_backend: MlxBackend, llama: Any) -> None:
    assert mlx_backend.loaded is not None
    tokenizer = mlx_backend.loaded.tokenizer
    texts = [
        render(tokenizer, (SYSTEM, Message("user", "find *.py files changed in 7 days"))),
        "  leading spaces, 12345 digits, ünïcödé, tabs\tand\nnewlines<|im_end|>",
        "don't won't it's 3.14159 $HOME/.config ~/x && echo 'quoted' | grep -E \"a+\"",
    ]
    for text in texts:
        ours = encode(tokenizer, text)
        theirs = llama.tokenize(text.encode("utf-8"), add_bos=False, special=True)
        assert ours == theirs, text
        assert tokenizer.decode(ours) == text


# -- the engines side by side -----------------------------------------------------------------


def test_logits_agree_with_llama_cpp(mlx_backend: MlxBackend, llama: Any) -> None:
    assert mlx_backend.loaded is not None
    tokenizer = mlx_backend.loaded.tokenizer
    tokens = encode(tokenizer, render(tokenizer, (SYSTEM, Message("user", REQUESTS[0]))))
    llama.reset()
    llama.eval(tokens)
    theirs = np.array(llama.scores[: len(tokens)])
    ours = np.array(mlx_backend.loaded.model(mx.array(tokens)[None])[0].astype(mx.float32))
    correlation = np.corrcoef(ours.ravel(), theirs.ravel())[0, 1]
    assert correlation > 0.995
    # The next token they would pick is the same at most positions.
    assert (ours.argmax(axis=1) == theirs.argmax(axis=1)).mean() > 0.9


def test_greedy_tokens_agree_with_llama_cpp(mlx_backend: MlxBackend, llama: Any) -> None:
    assert mlx_backend.loaded is not None
    model, tokenizer = mlx_backend.loaded.model, mlx_backend.loaded.tokenizer
    agreeing = []
    for request in REQUESTS:
        prompt = encode(tokenizer, render(tokenizer, (SYSTEM, Message("user", request))))
        with MLX_LOCK:
            ours = generate(
                Job(model, tokenizer, prompt, GREEDY_10, None, ""), lambda _: None, Event()
            ).tokens
        theirs: list[int] = []
        for token in llama.generate(prompt, temp=0.0, top_k=1, reset=True):
            theirs.append(int(token))
            if len(theirs) == len(ours):
                break
        pairs = enumerate(zip(ours, theirs, strict=False))
        agreeing.append(next((i for i, (a, b) in pairs if a != b), 10))
    print(f"first greedy tokens that agree (of 10), MLX vs llama.cpp: {agreeing}")
    assert sum(n >= 4 for n in agreeing) >= len(REQUESTS) // 2
    assert sum(agreeing) >= 3 * len(REQUESTS)


# -- the engine through the Backend protocol --------------------------------------------------


async def test_streams_and_ends_with_timings(mlx_backend: MlxBackend) -> None:
    events = await collect(mlx_backend, ask("list the files here"))
    assert isinstance(events[0], Started) and events[0].prompt_tokens
    assert isinstance(events[-1], Finished)
    assert len([e for e in events if isinstance(e, TextDelta)]) > 3
    timings = events[-1].timings
    assert timings.completion_tokens and timings.completion_tokens <= 12
    assert events[-1].finish_reason in ("stop", "length")
    assert events[-1].model == "SmolLM2-135M-Instruct.Q4_1.gguf"


async def test_the_second_request_reuses_the_system_prompt(mlx_backend: MlxBackend) -> None:
    shared = Message("system", "You write one shell command for each request. " * 6)
    first = GenerationRequest((shared, Message("user", "list files")), ask("").sampler)
    second = GenerationRequest((shared, Message("user", "print the date")), ask("").sampler)
    await collect(mlx_backend, first)
    events = await collect(mlx_backend, second)
    started = next(e for e in events if isinstance(e, Started))
    assert mlx_backend.loaded is not None
    tokenizer = mlx_backend.loaded.tokenizer
    prompt = encode(tokenizer, render(tokenizer, second.messages))
    boundary = system_boundary(tokenizer, second.messages, prompt)
    assert boundary >= 50  # the system message's tokens
    assert started.cached_prompt_tokens is not None
    assert started.cached_prompt_tokens >= boundary


async def test_cached_and_uncached_answers_are_the_same(
    mlx_backend: MlxBackend, bundled_model: Path
) -> None:
    uncached = MlxBackend(
        BackendConfig(name="mlx-nocache", kind="mlx", model=str(bundled_model), prompt_cache=False)
    )
    assert uncached.cache is None
    requests = [ask("list files"), ask("show the date"), ask("list files")]
    # Concurrent streams on one engine: they queue on the engine thread, each with its own state.
    cached = await asyncio.gather(*(collect(mlx_backend, r) for r in requests))
    plain = [await collect(uncached, r) for r in requests]
    assert [text_of(e) for e in cached] == [text_of(e) for e in plain]
    started = [next(e for e in events if isinstance(e, Started)) for events in cached]
    assert started[2].cached_prompt_tokens and started[2].cached_prompt_tokens > 20
    await uncached.aclose()


async def test_sampler_settings_are_honoured(mlx_backend: MlxBackend) -> None:
    seeded = ask("name a colour", temperature=1.5, top_k=40, top_p=0.9, min_p=0.02, seed=7)
    one, two = [text_of(await collect(mlx_backend, seeded)) for _ in range(2)]
    assert one == two  # the seed makes sampling repeatable
    short = await collect(mlx_backend, ask("explain the ls command in detail", max_tokens=3))
    finished = short[-1]
    assert isinstance(finished, Finished)
    assert finished.timings.completion_tokens == 3 and finished.finish_reason == "length"
    penalised = text_of(await collect(mlx_backend, ask("say yes yes yes", repeat_penalty=1.5)))
    plain = text_of(await collect(mlx_backend, ask("say yes yes yes")))
    assert penalised != plain


async def test_stop_strings_end_the_answer(mlx_backend: MlxBackend) -> None:
    plain = text_of(await collect(mlx_backend, ask("list the files here")))
    assert len(plain) > 4
    stop = plain[2:4]
    events = await collect(mlx_backend, ask("list the files here", stop=(stop,)))
    assert text_of(events) == plain[: plain.index(stop)]
    assert isinstance(events[-1], Finished) and events[-1].finish_reason == "stop"


async def test_the_answer_continues_a_response_prefix(mlx_backend: MlxBackend) -> None:
    request = GenerationRequest(
        messages=ask("list all files").messages, sampler=ask("").sampler, response_prefix="ls -"
    )
    events = await collect(mlx_backend, request)
    text = text_of(events)
    assert text and not text.startswith("ls -")  # only the continuation is streamed


async def test_closing_the_stream_cancels_the_generation(mlx_backend: MlxBackend) -> None:
    stream: AsyncIterator[StreamEvent] = mlx_backend.stream(
        ask("write a long story", max_tokens=200)
    )
    seen = 0
    async for event in stream:
        if isinstance(event, TextDelta):
            seen += 1
            if seen == 2:
                break
    await stream.aclose()  # type: ignore[attr-defined]
    mlx_backend.join_workers()  # returns once the engine thread is idle again
    follow = await collect(mlx_backend, ask("list files", max_tokens=2))
    assert isinstance(follow[-1], Finished)


async def test_probe_and_models(mlx_backend: MlxBackend) -> None:
    health = await mlx_backend.probe()
    assert health.status is HealthStatus.UP and "mlx" in (health.version or "")
    assert "CPU" in health.detail
    listed = await mlx_backend.list_models()
    assert any(m.loaded and m.path and m.path.endswith(".gguf") for m in listed)


async def test_a_missing_model_is_reported_with_a_fix() -> None:
    backend = MlxBackend(BackendConfig(name="mlx", kind="mlx", model="no/such-model"))
    health = await backend.probe()
    assert health.status is HealthStatus.DOWN and "no/such-model" in health.detail
    with pytest.raises(BackendError) as raised:
        await collect(backend, ask("list files"))
    assert raised.value.kind is ErrorKind.MODEL_MISSING and raised.value.fix


def test_stop_scanner_holds_back_a_possible_stop() -> None:
    scanner = StopScanner(["<END>"])
    assert scanner.feed("ls -la <E") == ("ls -la ", False)
    assert scanner.feed("N") == ("", False)
    assert scanner.feed("X") == ("<ENX", False)
    assert scanner.feed(" done<END> more") == (" done", True)
    assert StopScanner([]).feed("anything") == ("anything", False)
