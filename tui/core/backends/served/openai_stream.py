"""Reading an OpenAI-compatible chat stream: chunks to events, and the final timings.

A chunk may carry text (`delta.content`), reasoning (`delta.reasoning` in vLLM, Ollama and
mlx_lm; `delta.reasoning_content` in llama.cpp and LM Studio), a finish reason, usage (in a
final chunk whose `choices` is empty), llama-server's `timings`, or an `error` object, which can
arrive in any data line after the HTTP 200.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from tui.core.backends.base import (
    BackendError,
    ErrorKind,
    Finished,
    FinishReason,
    Notice,
    ReasoningDelta,
    StreamEvent,
    TextDelta,
    Timings,
)
from tui.core.backends.served.framing import SseDecoder, sse_json
from tui.core.backends.served.http import Endpoint, Utf8Check, check_stall, iter_lines, quote
from tui.core.backends.served.http_errors import context_limit, error_from_json, is_context_overflow

# A server that ignores max_tokens is stopped once it sends this many times more deltas.
RUNAWAY_FACTOR = 2
FINISH_REASONS: dict[str, FinishReason] = {
    "stop": "stop",
    "eos": "stop",
    "tool_calls": "stop",
    "function_call": "stop",
    "content_filter": "stop",
    "length": "length",
    "abort": "cancelled",
    "error": "error",
}


@dataclass
class StreamState:
    backend: str
    model: str
    started_at: float = field(default_factory=time.perf_counter)
    first_at: float | None = None
    chunks: int = 0
    # [DONE] was read, or caro ended the stream itself.
    done: bool = False
    deltas: int = 0
    chars: int = 0
    finish_reason: str | None = None
    usage: dict[str, Any] | None = None
    server_timings: dict[str, Any] | None = None
    # When text, reasoning or a finish last arrived: keep-alives and empty chunks are not
    # progress, and a server that sends only those for `timeout` seconds is stalled.
    progress_at: float = field(default_factory=time.monotonic)

    @property
    def received_text(self) -> bool:
        return self.chars > 0

    def finished(self, reason: FinishReason | None = None) -> Finished:
        usage = self.usage or {}
        timings = self.server_timings or {}
        details = usage.get("prompt_tokens_details")
        cached = details.get("cached_tokens") if isinstance(details, dict) else None
        completion = _int(usage.get("completion_tokens")) or _int(timings.get("predicted_n"))
        return Finished(
            Timings(
                ttft_s=None if self.first_at is None else self.first_at - self.started_at,
                total_s=time.perf_counter() - self.started_at,
                prompt_tokens=_int(usage.get("prompt_tokens")) or _int(timings.get("prompt_n")),
                completion_tokens=completion or self.deltas or None,
                cached_prompt_tokens=_int(cached) or _int(timings.get("cache_n")),
            ),
            finish_reason=reason or FINISH_REASONS.get(self.finish_reason or "stop", "stop"),
            model=self.model,
        )


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def chunk_events(chunk: dict[str, Any], state: StreamState) -> list[StreamEvent]:
    """The events of one chunk; an error object in it raises a BackendError."""
    if "error" in chunk or chunk.get("object") == "error":
        raise mid_stream_error(chunk, state.backend)
    state.chunks += 1
    if isinstance(chunk.get("usage"), dict):
        state.usage = chunk["usage"]
    if isinstance(chunk.get("timings"), dict):
        state.server_timings = chunk["timings"]
    choices = chunk.get("choices")
    if choices is None:
        return []
    if not isinstance(choices, list):
        raise BackendError(
            f"a chunk's choices is not a list: {quote(repr(choices))}",
            fix="check that the URL points at an OpenAI-compatible server",
            kind=ErrorKind.BAD_RESPONSE,
            backend=state.backend,
        )
    events: list[StreamEvent] = []
    for choice in choices:
        if isinstance(choice, dict) and choice.get("index", 0) in (0, None):
            events += _choice_events(choice, state)
    return events


def _choice_events(choice: dict[str, Any], state: StreamState) -> list[StreamEvent]:
    events: list[StreamEvent] = []
    delta: dict[str, Any] = {}
    for key in ("delta", "message"):
        if isinstance(choice.get(key), dict):
            delta = choice[key]
            break
    reasoning = delta.get("reasoning") or delta.get("reasoning_content")
    if isinstance(reasoning, str) and reasoning:
        state.progress_at = time.monotonic()
        events.append(ReasoningDelta(reasoning))
    content = delta.get("content")
    if not isinstance(content, str):
        content = choice.get("text") if isinstance(choice.get("text"), str) else ""
    if content:
        state.progress_at = time.monotonic()
        if state.first_at is None:
            state.first_at = time.perf_counter()
        state.deltas += 1
        state.chars += len(content)
        events.append(TextDelta(content))
    reason = choice.get("finish_reason")
    if isinstance(reason, str) and reason:
        state.progress_at = time.monotonic()
        state.finish_reason = reason
    return events


def mid_stream_error(chunk: dict[str, Any], backend: str) -> BackendError:
    parsed = error_from_json(chunk)
    message = parsed.message if parsed else quote(repr(chunk))
    if parsed and is_context_overflow(parsed):
        limit = context_limit(parsed.message)
        return BackendError(
            f"the server stopped: {message}",
            fix="shorten the request or lower max_tokens"
            + (f" (the context holds {limit} tokens)" if limit else ""),
            kind=ErrorKind.CONTEXT_OVERFLOW,
            backend=backend,
        )
    return BackendError(
        f"the server reported an error mid-answer: {message}",
        fix="see the server's log; the text received before it is kept",
        kind=ErrorKind.SERVER,
        backend=backend,
    )


async def read_stream(
    response: httpx.Response, endpoint: Endpoint, state: StreamState, max_tokens: int
) -> AsyncIterator[StreamEvent]:
    """The events of an SSE chat stream, ending with Finished.

    Returns without Finished only when nothing at all arrived (the caller asks why); a stream
    cut after some text raises, the text having been delivered already.
    """
    decoder = SseDecoder()
    utf8 = Utf8Check()
    async for line in iter_lines(response, endpoint, utf8=utf8):
        warning = utf8.notice()
        if warning is not None:
            yield warning
        event = decoder.feed(line)
        if event is None:
            check_stall(state.progress_at, endpoint)
            continue
        if event.is_done:
            state.done = True
            break
        for chunk in sse_json(event, state.backend):
            for item in chunk_events(chunk, state):
                yield item
        if state.deltas > max_tokens * RUNAWAY_FACTOR + 16:
            state.done = True
            yield Notice(f"the server went past max_tokens ({max_tokens}); caro stopped it")
            yield state.finished("length")
            return
        check_stall(state.progress_at, endpoint)
    pending = None if state.done else decoder.flush()
    if pending is not None and pending.is_done:
        state.done = True
    elif pending is not None:
        for chunk in sse_json(pending, state.backend):
            for item in chunk_events(chunk, state):
                yield item
    if state.chunks == 0 and not state.done:
        return
    if not state.done and not state.finish_reason:
        raise cut_error(state)
    if state.done and not state.finish_reason and state.received_text:
        yield Notice("the server ended the answer without a finish reason (interrupted?)")
    state.done = True
    yield state.finished()


def cut_error(state: StreamState, cause: Exception | None = None) -> BackendError:
    if cause is not None:
        return BackendError(
            f"the server closed the connection after {state.chars} characters, before its "
            "answer was complete (no finish reason, no [DONE])",
            fix="check that the server is still running and see its log (a crash or a restart "
            "closes connections); the text received so far is kept",
            kind=ErrorKind.CLOSED,
            backend=state.backend,
        )
    return BackendError(
        f"the stream was cut after {state.chars} characters: no finish reason, no [DONE]",
        fix="see the server's log: it may have crashed; the text received so far is kept",
        kind=ErrorKind.BAD_RESPONSE,
        backend=state.backend,
    )
