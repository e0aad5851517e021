"""The OpenAI-compatible client against two real, independent servers started here:
llama-cpp-python's server (bundled SmolLM2 GGUF) and mlx_lm.server (a tiny random llama).

Each server is started once per module on a free loopback port and killed at the end.
Requests are short (a few tokens) because the machine is shared.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from tests.servers import ServerProcess, llama_cpp_server, make_tiny_mlx_model, mlx_lm_server
from tui.core.backends.base import (
    BackendError,
    ErrorKind,
    Finished,
    GenerationRequest,
    HealthStatus,
    Message,
    Notice,
    SamplerSettings,
    Started,
    StreamEvent,
    TextDelta,
)
from tui.core.backends.served.openai import OpenAICompatibleBackend
from tui.core.config import BackendConfig

pytestmark = pytest.mark.slow

GREEDY = SamplerSettings(temperature=0.0, top_k=40, min_p=0.05, max_tokens=6)


def ask(
    text: str, sampler: SamplerSettings = GREEDY, model: str | None = None
) -> GenerationRequest:
    return GenerationRequest((Message("user", text),), sampler, model=model)


async def collect(
    backend: OpenAICompatibleBackend, request: GenerationRequest
) -> list[StreamEvent]:
    return [event async for event in backend.stream(request)]


def text_of(events: list[StreamEvent]) -> str:
    return "".join(e.text for e in events if isinstance(e, TextDelta))


def notices(events: list[StreamEvent]) -> list[str]:
    return [e.message for e in events if isinstance(e, Notice)]


def client_for(url: str, model: str | None = None) -> OpenAICompatibleBackend:
    return OpenAICompatibleBackend(
        BackendConfig(name="served", kind="openai", url=url, model=model, timeout=60)
    )


# ---------------------------------------------------------------------------------------------
# llama-cpp-python's server


@pytest.fixture(scope="module")
def llama_server(bundled_model: Path) -> Iterator[ServerProcess]:
    server = llama_cpp_server(bundled_model, n_ctx=2048).start()
    yield server
    server.stop()


@pytest.fixture
async def llama(llama_server: ServerProcess) -> AsyncIterator[OpenAICompatibleBackend]:
    backend = client_for(llama_server.url)
    yield backend
    await backend.aclose()


async def test_llama_server_probe_falls_back_to_models(llama: OpenAICompatibleBackend) -> None:
    health = await llama.probe()
    assert health.status is HealthStatus.UP
    assert "no /health here" in health.detail
    assert health.version == "llama-cpp-python server"
    assert health.loaded_models[0].endswith("SmolLM2-135M-Instruct.Q4_1.gguf")


async def test_llama_server_models_are_discovered(llama: OpenAICompatibleBackend) -> None:
    [model] = await llama.list_models()
    assert model.name == "SmolLM2-135M-Instruct.Q4_1"
    assert model.family == "smollm2" and model.quantization == "Q4_1"
    assert model.can_generate and model.loaded


async def test_llama_server_streams_a_greedy_answer(llama: OpenAICompatibleBackend) -> None:
    events = await collect(llama, ask("list all files"))
    assert isinstance(events[1], Started)  # after the notice naming the server's only model
    assert "the only model it serves" in notices(events)[0]
    assert text_of(events).strip()
    finished = events[-1]
    assert isinstance(finished, Finished)
    assert finished.finish_reason in ("length", "stop")
    assert finished.timings.completion_tokens and finished.timings.completion_tokens <= 6
    # top_k and min_p are llama.cpp parameters: sent, so nothing to say about them.
    assert not any("top_k" in n for n in notices(events))
    # Greedy is repeatable: the same request gives the same text.
    assert text_of(await collect(llama, ask("list all files"))) == text_of(events)


async def test_llama_server_cancel_then_the_next_request_works(
    llama: OpenAICompatibleBackend,
) -> None:
    long = SamplerSettings(temperature=0.0, max_tokens=200)
    stream = llama.stream(ask("write a long story about a cat", long))
    deltas = 0
    async for event in stream:
        if isinstance(event, TextDelta):
            deltas += 1
            if deltas == 2:
                break
    await stream.aclose()  # type: ignore[attr-defined]
    assert deltas == 2
    events = await collect(llama, ask("list all files"))
    assert isinstance(events[-1], Finished) and text_of(events)


async def test_llama_server_ignores_an_unknown_model_and_caro_says_so(
    llama: OpenAICompatibleBackend,
) -> None:
    # What the server really does: it answers with its only model whatever `model` says.
    events = await collect(llama, ask("list all files", model="no-such-model"))
    said = notices(events)
    assert any("'no-such-model' is not served here" in n for n in said)
    started = next(e for e in events if isinstance(e, Started))
    assert started.model.endswith(".gguf")
    assert text_of(events)


async def test_llama_server_prompt_too_long_is_a_context_error(
    llama: OpenAICompatibleBackend,
) -> None:
    # The stream of such a request ends without a word (no error event, no [DONE]); caro asks
    # the same request without streaming to learn why.
    with pytest.raises(BackendError) as caught:
        await collect(llama, ask("word " * 2100))
    assert caught.value.kind is ErrorKind.CONTEXT_OVERFLOW
    assert "maximum context length is 2048" in caught.value.message
    assert "2048 tokens" in caught.value.fix
    events = await collect(llama, ask("list all files"))  # the backend still works
    assert isinstance(events[-1], Finished)


# ---------------------------------------------------------------------------------------------
# mlx_lm.server


@pytest.fixture(scope="module")
def mlx_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    pytest.importorskip("mlx_lm")
    root = tmp_path_factory.mktemp("mlx")
    model = make_tiny_mlx_model(root / "tiny-llama")
    server = mlx_lm_server(model, root / "hf").start()
    yield server
    server.stop()


@pytest.fixture
async def mlx(mlx_server: ServerProcess) -> AsyncIterator[OpenAICompatibleBackend]:
    backend = client_for(mlx_server.url)
    yield backend
    await backend.aclose()


async def test_mlx_server_probe_uses_health(mlx: OpenAICompatibleBackend) -> None:
    health = await mlx.probe()
    assert health.status is HealthStatus.UP
    assert "GET /health" in health.detail and health.version == "mlx_lm.server"
    assert health.loaded_models[0].endswith("tiny-llama")


async def test_mlx_server_streams_with_usage(mlx: OpenAICompatibleBackend) -> None:
    events = await collect(mlx, ask("list all files"))
    finished = events[-1]
    assert isinstance(finished, Finished) and finished.finish_reason == "length"
    # mlx_lm.server sends usage in a final chunk with empty choices.
    assert finished.timings.completion_tokens == 6
    assert finished.timings.prompt_tokens and finished.timings.prompt_tokens > 5
    assert not any("top_k" in n for n in notices(events))


async def test_mlx_server_unknown_model_is_a_missing_model(mlx_server: ServerProcess) -> None:
    backend = client_for(mlx_server.url, model="no-such/model")
    with pytest.raises(BackendError) as caught:
        await collect(backend, ask("list all files"))
    # mlx_lm.server tries to fetch it offline and answers 404 {"error": "<text>"}.
    assert caught.value.kind is ErrorKind.MODEL_MISSING
    assert "no-such/model" in caught.value.message
    assert "tiny-llama" in caught.value.fix  # what the server does serve
    await backend.aclose()
