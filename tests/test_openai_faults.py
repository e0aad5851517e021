"""Faults, for both served clients (Ollama's native API and OpenAI-compatible servers).

Connection refused, a server that accepts and never answers, HTTP 500 in every error shape,
invalid JSON, a stream cut in the middle, a stream that never ends, and 10 MB answers: each
ends that one request with a BackendError saying what happened, and the same backend object
answers the next request.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.conftest import closed_port
from tests.faults import (
    ERROR_SHAPES,
    OLLAMA_GOOD,
    OPENAI_GOOD,
    OPENAI_MODELS,
    REQUEST,
    TEN_MB,
    collect,
    delta,
    ndjson,
    piece,
    sse,
    text_of,
    with_models,
)
from tests.servers import Behaviour, FaultServer, drop, endless, hang, reply, stream_then_close
from tui.core.backends.base import (
    Backend,
    BackendError,
    ErrorKind,
    Finished,
    HealthStatus,
    Notice,
    SamplerSettings,
    TextDelta,
)
from tui.core.backends.served.ollama import OllamaBackend
from tui.core.backends.served.openai import OpenAICompatibleBackend
from tui.core.backends.served.vllm import VllmBackend
from tui.core.config import BackendConfig

KINDS = ("ollama", "openai")
NDJSON = "application/x-ndjson"


def make(kind: str, url: str, timeout: float = 5.0) -> Backend:
    config = BackendConfig(name=kind, kind=kind, url=url, model="m", timeout=timeout)
    if kind == "ollama":
        return OllamaBackend(config)
    return OpenAICompatibleBackend(config)


def good(kind: str) -> Behaviour:
    return OLLAMA_GOOD if kind == "ollama" else OPENAI_GOOD


def cut_stream(kind: str) -> Behaviour:
    if kind == "ollama":
        return stream_then_close(ndjson(piece("ls"), piece(" -la")), NDJSON)
    return stream_then_close(sse(delta("ls"), delta(" -la"), done=False))


def bad_json_stream(kind: str) -> Behaviour:
    if kind == "ollama":
        return stream_then_close([b"{not json at all\n"], NDJSON)
    return stream_then_close([b"data: {not json at all\n\n"])


def endless_stream(kind: str) -> Behaviour:
    if kind == "ollama":
        return endless(ndjson(piece("x "))[0], NDJSON)
    return endless(sse(delta("x "), done=False)[0])


def huge_line(kind: str) -> Behaviour:
    head = b'{"message": {"content": "' if kind == "ollama" else b'data: {"choices": "'
    return stream_then_close([head + b"x" * TEN_MB])


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def closing() -> AsyncIterator[list[Backend]]:
    backends: list[Backend] = []
    yield backends
    for backend in backends:
        await backend.aclose()


async def fails_then_recovers(
    kind: str, fault: Behaviour, closing: list[Backend], timeout: float = 5.0
) -> BackendError:
    """Runs one request into the fault, then checks that the next request is answered."""
    with FaultServer(with_models(kind, fault, good(kind))) as server:
        backend = make(kind, server.url, timeout)
        closing.append(backend)
        with pytest.raises(BackendError) as caught:
            await collect(backend)
        events = await collect(backend)
        assert text_of(events) == "ls -la", "the backend must answer after a fault"
        assert isinstance(events[-1], Finished)
    error = caught.value
    assert error.backend == kind and error.fix, "every error says how to fix it"
    return error


async def test_connection_refused(kind: str, closing: list[Backend]) -> None:
    backend = make(kind, f"http://127.0.0.1:{closed_port()}")
    closing.append(backend)
    health = await backend.probe()
    assert health.status is HealthStatus.DOWN and "connection refused" in health.detail
    with pytest.raises(BackendError) as caught:
        await collect(backend)
    assert caught.value.kind is ErrorKind.CONNECTION
    assert ("ollama serve" if kind == "ollama" else "start the server") in caught.value.fix


async def test_a_server_that_never_answers_times_out(kind: str, closing: list[Backend]) -> None:
    with FaultServer([hang]) as server:
        backend = make(kind, server.url, timeout=0.5)
        closing.append(backend)
        health = await backend.probe()
    assert health.status is HealthStatus.DOWN
    assert "timed out after 0.5 s" in health.detail
    assert f"backends.{kind}.timeout" in health.fix
    error = await fails_then_recovers(kind, hang, closing, timeout=0.5)
    assert error.kind is ErrorKind.TIMEOUT


@pytest.mark.parametrize("shape", list(ERROR_SHAPES))
async def test_http_500_in_every_error_shape(kind: str, shape: str, closing: list[Backend]) -> None:
    body, words = ERROR_SHAPES[shape]
    error = await fails_then_recovers(kind, reply(500, body), closing)
    assert words in error.message and "HTTP 500" in error.message
    assert error.kind is ErrorKind.SERVER


async def test_invalid_json_in_the_stream(kind: str, closing: list[Backend]) -> None:
    error = await fails_then_recovers(kind, bad_json_stream(kind), closing)
    assert error.kind is ErrorKind.BAD_RESPONSE
    assert "not JSON" in error.message and "not json at all" in error.message


async def test_invalid_json_model_list(kind: str, closing: list[Backend]) -> None:
    with FaultServer([reply(200, b"<html>hello</html>", "text/html")]) as server:
        backend = make(kind, server.url)
        closing.append(backend)
        with pytest.raises(BackendError) as caught:
            await backend.list_models()
    assert caught.value.kind is ErrorKind.BAD_RESPONSE and "<html>" in caught.value.message


async def test_a_stream_cut_in_the_middle_keeps_the_text(kind: str, closing: list[Backend]) -> None:
    with FaultServer(with_models(kind, cut_stream(kind), good(kind))) as server:
        backend = make(kind, server.url)
        closing.append(backend)
        received: list[str] = []
        with pytest.raises(BackendError) as caught:
            async for event in backend.stream(REQUEST):
                if isinstance(event, TextDelta):
                    received.append(event.text)
        assert "".join(received) == "ls -la"
        assert "cut after 6 characters" in caught.value.message
        assert caught.value.kind is ErrorKind.BAD_RESPONSE
        assert text_of(await collect(backend)) == "ls -la"


async def test_a_stream_that_never_ends_is_stopped_past_max_tokens(
    kind: str, closing: list[Backend]
) -> None:
    with FaultServer(with_models(kind, endless_stream(kind), good(kind))) as server:
        backend = make(kind, server.url)
        closing.append(backend)
        events = await collect(backend)  # REQUEST asks for 10 tokens
        assert any(isinstance(e, Notice) and "went past" in e.message for e in events)
        finished = events[-1]
        assert isinstance(finished, Finished) and finished.finish_reason == "length"
        assert text_of(await collect(backend)) == "ls -la"


async def test_a_stream_that_never_ends_can_be_cancelled(kind: str, closing: list[Backend]) -> None:
    with FaultServer(with_models(kind, endless_stream(kind), good(kind))) as server:
        backend = make(kind, server.url)
        closing.append(backend)
        stream = backend.stream(REQUEST)
        seen = 0
        async for event in stream:
            seen += isinstance(event, TextDelta)
            if seen == 3:
                break
        await stream.aclose()  # type: ignore[attr-defined]
        assert text_of(await collect(backend)) == "ls -la"


async def test_a_10_mb_line_ends_the_request(kind: str, closing: list[Backend]) -> None:
    error = await fails_then_recovers(kind, huge_line(kind), closing)
    assert error.kind is ErrorKind.BAD_RESPONSE and "longer than 1024 KiB" in error.message


async def test_a_10_mb_model_list_of_tiny_entries_is_refused(
    kind: str, closing: list[Backend]
) -> None:
    # Under the byte limit of a list, but 870,000 entries: refused before it is parsed.
    body = b'{"data": [' + b'{"id": "m"},' * (TEN_MB // 12) + b'{"id": "m"}]}'
    with FaultServer([reply(200, body)]) as server:
        backend = make(kind, server.url)
        closing.append(backend)
        with pytest.raises(BackendError) as caught:
            await backend.list_models()
    assert "holds more than 100,000 JSON objects" in caught.value.message


async def test_a_30_mb_model_list_is_refused(kind: str, closing: list[Backend]) -> None:
    body = b'{"data": [{"id": "' + b"m" * (3 * TEN_MB) + b'"}]}'
    with FaultServer([reply(200, body)]) as server:
        backend = make(kind, server.url)
        closing.append(backend)
        with pytest.raises(BackendError) as caught:
            await backend.list_models()
    assert "answered more than 24 MiB" in caught.value.message


async def test_openai_models_answered_then_chat_refused_connection(closing: list[Backend]) -> None:
    # The server goes away between the model list and the chat.
    server = FaultServer([OPENAI_MODELS])
    backend = make("openai", server.url)
    closing.append(backend)
    assert await backend.list_models()
    server.close()
    with pytest.raises(BackendError) as caught:
        await collect(backend)
    assert caught.value.kind is ErrorKind.CONNECTION


VLLM_TOO_LONG = (
    b'{"error": {"message": "This model\'s maximum context length is 2048 tokens. However, your '
    b"request has 2100 input tokens plus 10 'max_tokens'. Please reduce one or the other.\", "
    b'"type": "BadRequestError", "param": "input_tokens, max_tokens", "code": 400}}'
)


async def test_vllm_context_overflow_is_a_clear_error(closing: list[Backend]) -> None:
    with FaultServer([OPENAI_MODELS, reply(400, VLLM_TOO_LONG)]) as server:
        backend = VllmBackend(BackendConfig(name="vllm", kind="vllm", url=server.url, model="m"))
        closing.append(backend)
        with pytest.raises(BackendError) as caught:
            await collect(backend)
    assert caught.value.kind is ErrorKind.CONTEXT_OVERFLOW
    assert "maximum context length is 2048" in caught.value.message
    assert "--max-model-len" in caught.value.fix


async def test_vllm_unknown_model_old_flat_shape_lists_the_served_ones(
    closing: list[Backend],
) -> None:
    body = (
        b'{"object": "error", "message": "The model `x` does not exist.", '
        b'"type": "NotFoundError", "param": null, "code": 404}'
    )
    with FaultServer([OPENAI_MODELS, reply(404, body)]) as server:
        backend = VllmBackend(BackendConfig(name="vllm", kind="vllm", url=server.url, model="x"))
        closing.append(backend)
        with pytest.raises(BackendError) as caught:
            await collect(backend)
    assert caught.value.kind is ErrorKind.MODEL_MISSING
    assert "The model `x` does not exist." in caught.value.message
    assert "the server serves: m" in caught.value.fix


async def test_an_unknown_server_refusing_top_k_is_retried_without_it(
    closing: list[Backend],
) -> None:
    models = reply(200, b'{"data": [{"id": "m", "owned_by": "organization_owner"}]}')
    refusal = reply(400, b'{"error": {"message": "Unrecognized request argument supplied: top_k"}}')
    request = REQUEST.__class__(REQUEST.messages, SamplerSettings(max_tokens=10, top_k=20))
    with FaultServer([models, refusal, OPENAI_GOOD]) as server:
        backend = make("openai", server.url)
        closing.append(backend)
        events = await collect(backend, request)
    said = [e.message for e in events if isinstance(e, Notice)]
    assert any("refused top_k" in message for message in said)
    assert text_of(events) == "ls -la"


async def test_a_server_still_loading_is_starting(closing: list[Backend]) -> None:
    loading = b'{"error": {"code": 503, "message": "Loading model", "type": "unavailable_error"}}'
    with FaultServer([reply(503, loading)]) as server:
        backend = make("openai", server.url)
        closing.append(backend)
        health = await backend.probe()
    assert health.status is HealthStatus.STARTING and "Loading model" in health.detail


async def test_health_up_but_model_list_dropped_is_degraded_and_chat_still_works(
    closing: list[Backend],
) -> None:
    # mlx_lm.server without a Hugging Face cache directory: /v1/models closes the connection.
    health_ok = reply(200, b'{"status": "ok"}')
    with FaultServer([health_ok, drop, drop, OPENAI_GOOD]) as server:
        backend = make("openai", server.url)
        closing.append(backend)
        health = await backend.probe()
        assert health.status is HealthStatus.DEGRADED and "/v1/models fails" in health.detail
        events = await collect(backend)
    assert text_of(events) == "ls -la"
    assert any(isinstance(e, Notice) and "trying the chat anyway" in e.message for e in events)


async def test_an_openai_backend_without_a_url_says_which_key_to_set() -> None:
    backend = OpenAICompatibleBackend(BackendConfig(name="lab", kind="openai"))
    health = await backend.probe()
    assert health.status is HealthStatus.DOWN and "no URL" in health.detail
    assert "[backends.lab] url" in health.fix
    with pytest.raises(BackendError) as caught:
        await collect(backend)
    assert caught.value.kind is ErrorKind.CONFIG


async def test_a_url_that_is_not_an_openai_server_says_to_check_url_and_kind(
    closing: list[Backend],
) -> None:
    with FaultServer([reply(404, b'{"detail": "Not Found"}')]) as server:
        backend = make("openai", server.url + "/v1/")  # the /v1 people copy is dropped
        closing.append(backend)
        assert backend.endpoint.url == server.url  # type: ignore[attr-defined]
        health = await backend.probe()
        # No model configured: nothing to chat with, since the list fails.
        bare = OpenAICompatibleBackend(BackendConfig(name="bare", kind="openai", url=server.url))
        closing.append(bare)
        bare_health = await bare.probe()
    # A model is configured: the chat does not need the list, the backend is degraded.
    assert health.status is HealthStatus.DEGRADED and "HTTP 404 from /v1/models" in health.detail
    assert "check [backends.openai] url and kind" in health.fix
    assert bare_health.status is HealthStatus.DOWN and "HTTP 404" in bare_health.detail
    assert "check [backends.bare] url and kind" in bare_health.fix
    assert "set [backends.bare] model" in bare_health.fix
