"""The Ollama client against the fake Ollama (see tests/fake_ollama.py for what it models)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from tests.conftest import closed_port
from tests.fake_ollama import FakeModel, FakeOllama, RunningFake
from tui.core.backends.base import (
    BackendError,
    Capability,
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
from tui.core.backends.served.ollama import OllamaBackend
from tui.core.backends.served.ollama_pull import PullProgress
from tui.core.backends.served.ollama_shapes import options_for
from tui.core.config import BackendConfig

REQUEST = GenerationRequest(
    (Message("system", "one command"), Message("user", "list all files")),
    SamplerSettings(temperature=0.2, top_p=0.9, top_k=20, min_p=0.05, max_tokens=50, stop=("\n",)),
)


@pytest.fixture
def fake() -> Iterator[FakeOllama]:
    server = FakeOllama()
    server.add(FakeModel("qwen2.5-coder:1.5b", reply="ls -la --all", loaded_context=8192))
    server.add(FakeModel("nomic-embed-text:latest", capabilities=("embedding",), family="bert"))
    with RunningFake(server) as running:
        yield running


@pytest.fixture
async def backend(fake: FakeOllama) -> AsyncIterator[OllamaBackend]:
    ollama = OllamaBackend(
        BackendConfig(name="ollama", kind="ollama", url=fake.url, model="qwen2.5-coder:1.5b")
    )
    yield ollama
    await ollama.aclose()


async def collect(backend: OllamaBackend, request: GenerationRequest) -> list[StreamEvent]:
    return [event async for event in backend.stream(request)]


def text_of(events: list[StreamEvent]) -> str:
    return "".join(e.text for e in events if isinstance(e, TextDelta))


async def test_probe_reports_version_and_loaded_models(backend: OllamaBackend) -> None:
    health = await backend.probe()
    assert health.status is HealthStatus.UP
    assert health.version == "Ollama 0.12.3"
    assert health.loaded_models == ("qwen2.5-coder:1.5b",)
    assert health.detail == "loaded: qwen2.5-coder:1.5b (1.2 GB, CPU, context 8192)"


async def test_models_from_tags_with_real_context_from_ps(backend: OllamaBackend) -> None:
    models = {m.id: m for m in await backend.list_models()}
    coder = models["qwen2.5-coder:1.5b"]
    assert coder.loaded and coder.context_length == 8192  # from /api/ps, not the estimate
    assert coder.quantization == "Q4_K_M" and coder.size_bytes == 986_000_000
    assert coder.family == "qwen2" and Capability.TOOLS in coder.capabilities
    embed = models["nomic-embed-text:latest"]
    assert not embed.can_generate and embed.capabilities == {Capability.EMBED}
    assert not embed.loaded


async def test_stream_sends_options_and_keeps_the_text_of_the_done_line(
    backend: OllamaBackend, fake: FakeOllama
) -> None:
    events = await collect(backend, REQUEST)
    assert isinstance(events[0], Started)
    # The fake sends "all" in the done line: it must not be lost.
    assert text_of(events) == "ls -la --all"
    finished = events[-1]
    assert isinstance(finished, Finished) and finished.finish_reason == "stop"
    assert finished.timings.completion_tokens == 3
    assert finished.timings.prompt_tokens == 26
    sent = fake.requests[-1]
    assert sent["options"] == {
        "num_predict": 50,
        "temperature": 0.2,
        "top_p": 0.9,
        "top_k": 20,
        "min_p": 0.05,
        "stop": ["\n"],
    }
    assert "temperature" not in sent  # sampler settings live inside options only
    assert sent["messages"][1] == {"role": "user", "content": "list all files"}


async def test_num_predict_limit_reports_length(backend: OllamaBackend) -> None:
    request = GenerationRequest(REQUEST.messages, SamplerSettings(max_tokens=2))
    events = await collect(backend, request)
    assert text_of(events) == "ls -la "
    assert isinstance(events[-1], Finished) and events[-1].finish_reason == "length"


async def test_error_line_after_http_200_ends_the_request(
    backend: OllamaBackend, fake: FakeOllama
) -> None:
    fake.fail_after = 1
    events: list[StreamEvent] = []
    with pytest.raises(BackendError) as caught:
        async for event in backend.stream(REQUEST):
            events.append(event)
    assert text_of(events) == "ls "  # what came before the error was delivered
    assert "an error was encountered" in caught.value.message
    assert caught.value.kind is ErrorKind.SERVER
    fake.fail_after = None
    assert text_of(await collect(backend, REQUEST)) == "ls -la --all"  # still works


async def test_missing_model_says_how_to_pull_it(fake: FakeOllama) -> None:
    ollama = OllamaBackend(BackendConfig(name="ollama", kind="ollama", url=fake.url, model="x:1b"))
    with pytest.raises(BackendError) as caught:
        await collect(ollama, REQUEST)
    assert caught.value.kind is ErrorKind.MODEL_MISSING
    assert "ollama pull x:1b" in caught.value.fix
    await ollama.aclose()


async def test_without_a_model_the_first_generating_one_is_used_and_said(
    fake: FakeOllama,
) -> None:
    fake.models = {"nomic-embed-text:latest": fake.models["nomic-embed-text:latest"], **fake.models}
    ollama = OllamaBackend(BackendConfig(name="ollama", kind="ollama", url=fake.url))
    events = await collect(ollama, REQUEST)
    notices = [e.message for e in events if isinstance(e, Notice)]
    assert notices and "qwen2.5-coder:1.5b" in notices[0]
    assert fake.requests[-1]["model"] == "qwen2.5-coder:1.5b"  # not the embedding model
    await ollama.aclose()


async def test_pull_reports_progress_per_layer_then_lists_the_model(
    backend: OllamaBackend, fake: FakeOllama
) -> None:
    fake.pullable["llama3.2:1b"] = [1000, 3000]
    seen: list[tuple[str, int, int]] = []

    def progress(state: PullProgress) -> None:
        seen.append((state.status, state.completed, state.total))

    await backend.pull("llama3.2:1b", progress)
    assert seen[0][0] == "pulling manifest"
    assert seen[-1][0] == "success"
    assert max(done for _, done, _ in seen) == 4000
    assert seen[-1][2] == 4000
    assert "llama3.2:1b" in {m.id for m in await backend.list_models()}


async def test_pull_of_an_unknown_name_fails_clearly(backend: OllamaBackend) -> None:
    with pytest.raises(BackendError) as caught:
        await backend.pull("no-such-model", lambda _: None)
    assert "file does not exist" in caught.value.message
    assert caught.value.kind is ErrorKind.MODEL_MISSING


async def test_refused_connection_names_the_start_command() -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    ollama = OllamaBackend(BackendConfig(name="ollama", kind="ollama", url=url, model="m"))
    health = await ollama.probe()
    assert health.status is HealthStatus.DOWN
    assert "connection refused" in health.detail and "ollama serve" in health.fix
    with pytest.raises(BackendError) as caught:
        await collect(ollama, REQUEST)
    assert caught.value.kind is ErrorKind.CONNECTION
    await ollama.aclose()


def test_options_use_ollamas_names() -> None:
    options = options_for(SamplerSettings(repeat_penalty=1.1, seed=7, stop=("a", "b")), 4096)
    assert options == {
        "num_predict": 256,
        "repeat_penalty": 1.1,
        "seed": 7,
        "stop": ["a", "b"],
        "num_ctx": 4096,
    }
