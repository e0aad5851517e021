"""Fault scenarios shared by the Ollama and OpenAI-compatible client tests.

Each client is driven against a FaultServer whose first connections misbehave and whose last
behaviour is a good answer, so every test also checks that the same backend object works
again after the fault.
"""

from __future__ import annotations

import json

from tests.servers import Behaviour, reply, stream_then_close
from tui.core.backends.base import (
    Backend,
    GenerationRequest,
    Message,
    SamplerSettings,
    StreamEvent,
    TextDelta,
)

REQUEST = GenerationRequest((Message("user", "list files"),), SamplerSettings(max_tokens=10))
TEN_MB = 10 * 1024 * 1024

# Error bodies in every shape the reference lists, with the words a person must see.
ERROR_SHAPES: dict[str, tuple[bytes, str]] = {
    "vllm nested": (
        json.dumps(
            {"error": {"message": "engine died", "type": "InternalServerError", "code": 500}}
        ).encode(),
        "engine died",
    ),
    "vllm flat (old)": (
        json.dumps(
            {"object": "error", "message": "worker lost", "type": "InternalServerError"}
        ).encode(),
        "worker lost",
    ),
    "fastapi detail": (b'{"detail": "Internal failure in handler"}', "Internal failure in handler"),
    "fastapi validation": (
        b'{"detail": [{"loc": ["body", "messages"], "msg": "field required"}]}',
        "messages: field required",
    ),
    "plain string (ollama, mlx_lm)": (b'{"error": "out of memory"}', "out of memory"),
    "plain text": (b"Internal Server Error: upstream crashed", "upstream crashed"),
    "empty body": (b"", "Internal Server Error"),
}


def sse(*chunks: dict[str, object], done: bool = True) -> list[bytes]:
    lines = [f"data: {json.dumps(chunk)}\n\n".encode() for chunk in chunks]
    return lines + ([b"data: [DONE]\n\n"] if done else [])


def delta(text: str, finish: str | None = None) -> dict[str, object]:
    return {"choices": [{"index": 0, "delta": {"content": text}, "finish_reason": finish}]}


OPENAI_MODELS = reply(
    200, b'{"object": "list", "data": [{"id": "m", "object": "model", "owned_by": "vllm"}]}'
)
OPENAI_GOOD = stream_then_close(sse(delta("ls"), delta(" -la", "stop")))


def ndjson(*objects: dict[str, object]) -> list[bytes]:
    return [(json.dumps(o) + "\n").encode() for o in objects]


def piece(text: str) -> dict[str, object]:
    return {"model": "m", "message": {"role": "assistant", "content": text}, "done": False}


OLLAMA_DONE = {
    "model": "m",
    "message": {"role": "assistant", "content": ""},
    "done": True,
    "done_reason": "stop",
    "eval_count": 2,
}
OLLAMA_GOOD = stream_then_close(
    ndjson(piece("ls"), piece(" -la"), OLLAMA_DONE), "application/x-ndjson"
)


def with_models(kind: str, *behaviours: Behaviour) -> list[Behaviour]:
    """The OpenAI client reads /v1/models once before its first chat; Ollama does not."""
    return [OPENAI_MODELS, *behaviours] if kind == "openai" else list(behaviours)


async def collect(backend: Backend, request: GenerationRequest = REQUEST) -> list[StreamEvent]:
    return [event async for event in backend.stream(request)]


def text_of(events: list[StreamEvent]) -> str:
    return "".join(e.text for e in events if isinstance(e, TextDelta))
