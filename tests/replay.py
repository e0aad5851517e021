"""A backend that replays given answers, one per call, and records every request it was given.

A real implementation of the Backend protocol (events in the order the contract asks: Started,
text deltas, Finished), so the generation loop, the workbench and compare can be tested on what
they do with answers, without a model deciding which answers they get.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncGenerator, AsyncIterator, Iterable, Mapping
from dataclasses import dataclass

from tui.core.backends.base import (
    Finished,
    FinishReason,
    GenerationRequest,
    Health,
    HealthStatus,
    ModelInfo,
    Started,
    StreamEvent,
    TextDelta,
    Timings,
)


@dataclass(frozen=True)
class Reply:
    """One answer: its text (streamed word by word) and how the engine says it ended."""

    text: str
    finish_reason: FinishReason = "stop"


class ReplayBackend:
    """Answers call N with replies[N] (the last one again once they run out).

    `engine`, when given, is a lock shared with other ReplayBackends: they then take turns, as
    backends sharing the one llama.cpp thread do, and each holds it for `hold_s` per answer.
    The timings each reports are measured from the moment it holds the engine, as an embedded
    engine's are.
    """

    kind = "replay"

    def __init__(
        self,
        name: str,
        replies: Iterable[str | Reply],
        *,
        supports_prefix: bool = False,
        engine: asyncio.Lock | None = None,
        hold_s: float = 0.0,
    ) -> None:
        self.name = name
        self.replies = [r if isinstance(r, Reply) else Reply(r) for r in replies]
        if not self.replies:
            raise ValueError("a ReplayBackend needs at least one reply")
        self.supports_prefix = supports_prefix
        self.requests: list[GenerationRequest] = []
        self.engine = engine
        self.hold_s = hold_s
        # (start, end) of each answer's turn on the engine, in perf_counter seconds.
        self.turns: list[tuple[float, float]] = []

    async def probe(self) -> Health:
        return Health(HealthStatus.UP, latency_s=0.001, version="replay")

    async def list_models(self) -> list[ModelInfo]:
        return [ModelInfo(id="replay-model")]

    def describe(self) -> Mapping[str, object]:
        return {"engine": "replay", "model": "replay-model"}

    async def aclose(self) -> None:
        return None

    def stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        self.requests.append(request)
        reply = self.replies[min(len(self.requests), len(self.replies)) - 1]
        return self._events(reply)

    async def _events(self, reply: Reply) -> AsyncIterator[StreamEvent]:
        async with contextlib.AsyncExitStack() as stack:
            if self.engine is not None:
                await stack.enter_async_context(self.engine)
            # Closed with this stream, so that its turn ends before the engine is let go.
            answer = await stack.enter_async_context(contextlib.aclosing(self._answer(reply)))
            async for event in answer:
                yield event

    async def _answer(self, reply: Reply) -> AsyncGenerator[StreamEvent, None]:
        started = time.perf_counter()
        try:
            yield Started(model="replay-model", prompt_tokens=100)
            if self.hold_s:
                await asyncio.sleep(self.hold_s)
            words = reply.text.split(" ")
            for index, word in enumerate(words):
                await asyncio.sleep(0)
                yield TextDelta(word if index == len(words) - 1 else word + " ")
            total_s = time.perf_counter() - started
            timings = Timings(
                ttft_s=0.0, total_s=total_s, prompt_tokens=100, completion_tokens=len(words)
            )
            yield Finished(timings, finish_reason=reply.finish_reason, model="replay-model")
        finally:  # the consumer may close the stream at any event
            self.turns.append((started, time.perf_counter()))


def user_turns(request: GenerationRequest) -> list[str]:
    """The user messages of a request (the examples' requests, then the request itself)."""
    return [m.content for m in request.messages if m.role == "user"]


def example_commands(request: GenerationRequest) -> list[str]:
    """The example commands a request shows as earlier assistant turns, in prompt order."""
    return [m.content for m in request.messages if m.role == "assistant"]
