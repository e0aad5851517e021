"""Parsing what servers send: error bodies, SSE framing, chunks; and fuzzing both clients'
stream readers with arbitrary bytes (nothing but BackendError may come out)."""

from __future__ import annotations

import asyncio
import contextlib
import json

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.backends.base import (
    Backend,
    BackendError,
    Finished,
    GenerationRequest,
    Message,
    ReasoningDelta,
    SamplerSettings,
    TextDelta,
)
from tui.core.backends.served.framing import SseDecoder, ndjson_object, sse_json
from tui.core.backends.served.http_errors import (
    context_limit,
    is_context_overflow,
    parse_error_body,
)
from tui.core.backends.served.ollama import OllamaBackend
from tui.core.backends.served.openai import OpenAICompatibleBackend, recognise
from tui.core.backends.served.openai_stream import StreamState, chunk_events
from tui.core.backends.served.vllm import VllmBackend
from tui.core.config import BackendConfig

REQUEST = GenerationRequest((Message("user", "x"),), SamplerSettings(max_tokens=8))


@pytest.mark.parametrize(
    ("body", "message", "code"),
    [
        (
            b'{"error":{"message":"This model\'s maximum context length is 2048 tokens.",'
            b'"type":"BadRequestError","param":null,"code":400}}',
            "This model's maximum context length is 2048 tokens.",
            "BadRequestError",
        ),
        (
            b'{"object":"error","message":"The model `X` does not exist.","type":"NotFoundError",'
            b'"param":null,"code":404}',
            "The model `X` does not exist.",
            "NotFoundError",
        ),
        (
            b'{"error":{"message":"too long","type":"invalid_request_error",'
            b'"code":"context_length_exceeded"}}',
            "too long",
            "context_length_exceeded",
        ),
        (
            b'{"error":{"code":400,"message":"the request exceeds the available context size",'
            b'"type":"exceed_context_size_error","n_ctx":8192}}',
            "the request exceeds the available context size",
            "exceed_context_size_error",
        ),
        (b'{"detail":"Invalid API key"}', "Invalid API key", ""),
        (b'{"error":"model \'foo\' not found"}', "model 'foo' not found", ""),
        (b"Not Found", "Not Found", ""),
        (b'"just a string"', "just a string", ""),
    ],
)
def test_error_bodies_in_every_shape(body: bytes, message: str, code: str) -> None:
    parsed = parse_error_body(body)
    assert parsed is not None
    assert parsed.message == message and parsed.code == code


def test_empty_error_body_has_no_message() -> None:
    assert parse_error_body(b"  ") is None


def test_context_overflow_is_recognised_in_every_servers_words() -> None:
    for body in (
        b'{"error":{"message":"x","code":"context_length_exceeded"}}',
        b'{"error":{"message":"This model\'s maximum context length is 4096 tokens. However"}}',
        b'{"error":{"message":"Input length (5000) exceeds model\'s maximum context length"}}',
        b'{"error":{"message":"the request exceeds the available context size, try increasing"}}',
    ):
        parsed = parse_error_body(body)
        assert parsed is not None and is_context_overflow(parsed), body
    assert not is_context_overflow(parse_error_body(b'{"error":"out of memory"}'))  # type: ignore[arg-type]
    assert context_limit("This model's maximum context length is 4096 tokens.") == 4096


def test_sse_comments_multiline_data_and_the_old_error_field() -> None:
    decoder = SseDecoder()
    lines = [": ping", 'data: {"a":', "data: 1}", "", ": keepalive 3/20", 'error: {"e": 1}', ""]
    events = [e for e in map(decoder.feed, lines) if e is not None]
    assert [(e.event, e.data) for e in events] == [("", '{"a":\n1}'), ("error", '{"e": 1}')]
    assert json.loads(events[0].data) == {"a": 1}


def test_data_lines_without_blank_separators_are_read_one_by_one() -> None:
    decoder = SseDecoder()
    for line in ('data: {"n": 1}', 'data: {"n": 2}'):
        assert decoder.feed(line) is None
    pending = decoder.flush()
    assert pending is not None and sse_json(pending, "b") == [{"n": 1}, {"n": 2}]


def test_chunks_keep_reasoning_apart_and_read_usage_from_empty_choices() -> None:
    state = StreamState("b", "m")
    events = chunk_events({"choices": [{"index": 0, "delta": {"reasoning": "hmm"}}]}, state)
    events += chunk_events({"choices": [{"delta": {"reasoning_content": "so"}}]}, state)
    events += chunk_events(
        {"choices": [{"delta": {"content": "ls"}, "finish_reason": "stop"}]}, state
    )
    events += chunk_events(
        {"choices": [], "usage": {"prompt_tokens": 9, "completion_tokens": 1}}, state
    )
    assert events == [ReasoningDelta("hmm"), ReasoningDelta("so"), TextDelta("ls")]
    finished = state.finished()
    assert finished.finish_reason == "stop"
    assert finished.timings.prompt_tokens == 9 and finished.timings.completion_tokens == 1


def test_an_error_object_in_a_data_line_raises() -> None:
    with pytest.raises(BackendError) as caught:
        chunk_events(
            {"error": {"message": "boom", "type": "InternalServerError"}}, StreamState("b", "m")
        )
    assert "boom" in caught.value.message


def test_dialects_are_recognised_from_the_model_list() -> None:
    assert recognise([{"id": "x", "owned_by": "vllm"}], "uvicorn").name == "vLLM"
    assert recognise([{"id": "x", "owned_by": "me"}], "uvicorn").honours_model is False
    assert (
        recognise([{"id": "x", "created": 1}], "BaseHTTP/0.6 Python/3.11").name == "mlx_lm.server"
    )
    assert recognise([{"id": "x", "owned_by": "library"}], "").extras == {}
    assert recognise([{"id": "x", "owned_by": "organization_owner"}], "").name.startswith("an")


def test_vllm_sends_max_tokens_even_when_unset() -> None:
    backend = VllmBackend(BackendConfig(name="vllm", kind="vllm"))
    assert backend.endpoint.url == "http://localhost:8000"
    payload, skipped = backend._payload(
        GenerationRequest((Message("user", "x"),), SamplerSettings(repeat_penalty=1.1)),
        "m",
        recognise([{"owned_by": "vllm"}], ""),
    )
    assert payload["max_tokens"] == 256 and payload["repetition_penalty"] == 1.1
    assert not skipped


def test_ollama_v1_gets_no_top_k_and_says_so() -> None:
    backend = OpenAICompatibleBackend(BackendConfig(name="o", kind="openai", url="http://x"))
    payload, skipped = backend._payload(
        GenerationRequest((Message("user", "x"),), SamplerSettings(top_k=5, min_p=0.1)),
        "m",
        recognise([{"owned_by": "library"}], ""),
    )
    assert "top_k" not in payload and "min_p" not in payload
    assert skipped == ["top_k", "min_p"]


def test_the_api_key_goes_in_the_header_and_nowhere_else(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAB_KEY", "sk-secret-123")
    backend = OpenAICompatibleBackend(
        BackendConfig(name="lab", kind="openai", url="http://x", api_key_env="LAB_KEY")
    )
    assert backend.client().headers["authorization"] == "Bearer sk-secret-123"
    assert "sk-secret" not in repr(backend.describe()) and "LAB_KEY" in repr(backend.describe())


def test_a_named_but_unset_api_key_variable_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_SUCH_KEY", raising=False)
    backend = OpenAICompatibleBackend(
        BackendConfig(name="lab", kind="openai", url="http://x", api_key_env="NO_SUCH_KEY")
    )
    with pytest.raises(BackendError) as caught:
        backend.client()
    assert "export NO_SUCH_KEY" in caught.value.fix


# ---------------------------------------------------------------------------------------------
# Fuzzing: any body, any framing, any JSON: only BackendError may escape.

MODELS = b'{"data": [{"id": "m", "owned_by": "vllm"}]}'


def _drive(kind: str, body: bytes) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/models":
            return httpx.Response(200, content=MODELS)
        return httpx.Response(200, content=body)

    config = BackendConfig(name=kind, kind=kind, url="http://fuzz", model="m", timeout=5)
    backend: Backend = (
        OllamaBackend(config) if kind == "ollama" else OpenAICompatibleBackend(config)
    )
    client = httpx.AsyncClient(transport=httpx.MockTransport(answer), base_url="http://fuzz")
    backend._client = client  # type: ignore[attr-defined]

    async def run() -> None:
        try:
            async for event in backend.stream(REQUEST):
                assert not isinstance(event, BaseException)
                if isinstance(event, Finished):
                    assert event.finish_reason in ("stop", "length", "cancelled", "error")
        except BackendError as error:
            assert error.message and error.fix is not None
        finally:
            await client.aclose()

    asyncio.run(run())


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
keys = st.sampled_from(
    [
        "choices",
        "delta",
        "content",
        "message",
        "error",
        "done",
        "usage",
        "finish_reason",
        "reasoning",
        "index",
        "text",
        "eval_count",
        "done_reason",
        "thinking",
        "object",
    ]
)
shaped = st.recursive(
    json_values,
    lambda inner: st.dictionaries(keys, inner, max_size=4) | st.lists(inner, max_size=3),
    max_leaves=16,
)


def _sse_body(objects: list[object], raw: list[bytes]) -> bytes:
    lines = [b"data: " + json.dumps(o).encode() + b"\n\n" for o in objects]
    return b"".join(lines) + b"".join(raw)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(shaped, max_size=6), st.lists(st.binary(max_size=40), max_size=3))
def test_fuzz_openai_stream(objects: list[object], raw: list[bytes]) -> None:
    _drive("openai", _sse_body(objects, raw))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(shaped, max_size=6), st.binary(max_size=60))
def test_fuzz_ollama_stream(objects: list[object], raw: bytes) -> None:
    body = b"".join(json.dumps(o).encode() + b"\n" for o in objects) + raw
    _drive("ollama", body)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=12))
def test_fuzz_sse_decoder_and_ndjson_lines(lines: list[str]) -> None:
    decoder = SseDecoder()
    for line in [*lines, ""]:
        with contextlib.suppress(BackendError):
            ndjson_object(line, "b")
        event = decoder.feed(line)
        if event is not None:
            with contextlib.suppress(BackendError):
                sse_json(event, "b")
