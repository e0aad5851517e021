"""The limits on one answer (a wall-clock deadline and a reasoning budget), an answer cut at
max_tokens, and bytes that are not UTF-8: generation-level checks with scripted streams, for
any backend (served ones are checked end to end in test_served_faults.py)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping

import pytest

from tui.core.backends.base import (
    BackendError,
    ErrorKind,
    Finished,
    GenerationRequest,
    Health,
    HealthStatus,
    ModelInfo,
    Notice,
    ReasoningDelta,
    Started,
    StreamEvent,
    TextDelta,
    Timings,
)
from tui.core.generation.pipeline import GenerationSettings, ShellContext, generate_command
from tui.core.limits import AnswerLimits, default_deadline_s
from tui.core.safety import assess
from tui.core.truncation import CUT_REASON, rate_cut

CONTEXT = ShellContext(os_name="Linux", shell="bash", cwd="/tmp")
Script = Callable[[], AsyncIterator[StreamEvent]]


class Streaming:
    """A backend whose every stream is `script()`; it records whether streams were closed."""

    kind = "scripted"
    supports_prefix = False

    def __init__(self, script: Script) -> None:
        self.name = "lab"
        self.script = script
        self.closed = 0
        self.requests: list[GenerationRequest] = []

    async def probe(self) -> Health:
        return Health(HealthStatus.UP)

    async def list_models(self) -> list[ModelInfo]:
        return []

    async def stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        self.requests.append(request)
        try:
            async for event in self.script():
                yield event
        finally:
            self.closed += 1

    def describe(self) -> Mapping[str, object]:
        return {}

    async def aclose(self) -> None:
        return None


def finished(reason: str = "stop") -> Finished:
    return Finished(Timings(ttft_s=0.01, total_s=0.1), finish_reason=reason)  # type: ignore[arg-type]


async def endless_reasoning() -> AsyncIterator[StreamEvent]:
    yield Started(model="m")
    while True:
        yield ReasoningDelta("thinking ")
        await asyncio.sleep(0)


async def silent_forever() -> AsyncIterator[StreamEvent]:
    yield Started(model="m")
    await asyncio.sleep(3600)
    yield TextDelta("never")


async def endless_content() -> AsyncIterator[StreamEvent]:
    yield Started(model="m")
    count = 0
    while True:  # new words (no loop to spot), no line break (never complete), no waiting
        count += 1
        yield TextDelta(f"w{count} ")


def settings(**limits: object) -> GenerationSettings:
    return GenerationSettings(candidates=3, **limits)  # type: ignore[arg-type]


async def test_endless_reasoning_ends_at_the_budget_and_closes_the_stream() -> None:
    backend = Streaming(endless_reasoning)
    with pytest.raises(BackendError) as caught:
        await generate_command(
            backend, "list files", context=CONTEXT, settings=settings(reasoning_budget=40)
        )
    error = caught.value
    assert error.kind is ErrorKind.DEADLINE
    assert "more than 40 pieces of reasoning (the reasoning budget)" in error.message
    assert "backends.lab.reasoning_budget 80" in error.fix
    assert backend.closed == 1, "the stream is closed, and no other candidate is started"


async def test_a_silent_stream_ends_at_the_deadline() -> None:
    backend = Streaming(silent_forever)
    with pytest.raises(BackendError) as caught:
        await generate_command(
            backend, "list files", context=CONTEXT, settings=settings(deadline_s=0.3)
        )
    assert caught.value.kind is ErrorKind.DEADLINE
    assert "no complete answer within 0.3 s (the deadline for one answer)" in caught.value.message
    assert "backends.lab.deadline_s 1" in caught.value.fix
    assert backend.closed == 1


async def test_a_stream_that_never_waits_still_ends_at_the_deadline() -> None:
    # Events that are always ready never let a timeout fire by itself: the deadline is also
    # checked between events.
    backend = Streaming(endless_content)
    with pytest.raises(BackendError) as caught:
        await generate_command(
            backend, "list files", context=CONTEXT, settings=settings(deadline_s=0.2)
        )
    assert caught.value.kind is ErrorKind.DEADLINE
    assert backend.closed == 1


async def test_the_deadline_covers_every_candidate() -> None:
    async def slow_prose() -> AsyncIterator[StreamEvent]:
        yield Started(model="m")
        await asyncio.sleep(0.4)
        yield TextDelta("I cannot tell.")
        yield finished()

    backend = Streaming(slow_prose)
    with pytest.raises(BackendError) as caught:
        await generate_command(
            backend, "list files", context=CONTEXT, settings=settings(deadline_s=1.0)
        )
    # Three candidates of 0.4 s each do not fit in 1 s, though each one alone would.
    assert caught.value.kind is ErrorKind.DEADLINE
    deadlines = {request.deadline for request in backend.requests}
    assert len(backend.requests) >= 2 and len(deadlines) == 1, "one deadline for the answer"


def test_the_default_deadline_scales_with_max_tokens() -> None:
    assert default_deadline_s(96) < default_deadline_s(512)
    limits = AnswerLimits.for_answer("lab", 96)
    assert limits.deadline_s == default_deadline_s(96) and not limits.deadline_configured
    assert "the default for its max_tokens" in limits.deadline_error().message
    configured = AnswerLimits.for_answer("lab", 96, deadline_s=12, reasoning_budget=30)
    assert configured.deadline_s == 12 and configured.reasoning_budget == 30
    assert "default" not in configured.deadline_error().message


async def test_an_answer_cut_at_max_tokens_is_flagged_and_never_rated_safe() -> None:
    async def cut() -> AsyncIterator[StreamEvent]:
        yield Started(model="m")
        yield TextDelta("ls -la /var/lo")
        yield finished("length")

    result = await generate_command(
        Streaming(cut), "list the logs", context=CONTEXT, settings=settings()
    )
    assert result.command == "ls -la /var/lo"
    assert result.truncated and result.as_dict()["truncated"] is True
    assert "cut at max_tokens (96)" in result.warnings[0]
    rated = rate_cut(assess(result.command, result.request))
    assert assess(result.command).level.label == "safe"  # on the cut text alone
    assert rated.level.label == "moderate" and rated.reasons[0] == CUT_REASON


async def test_a_complete_answer_that_ends_at_max_tokens_is_not_flagged() -> None:
    async def complete() -> AsyncIterator[StreamEvent]:
        yield Started(model="m")
        yield TextDelta("ls -la\n")
        yield finished("length")

    result = await generate_command(
        Streaming(complete), "list files", context=CONTEXT, settings=settings()
    )
    assert result.command == "ls -la" and not result.truncated


async def test_invalid_utf8_outside_the_command_is_a_warning() -> None:
    async def answer() -> AsyncIterator[StreamEvent]:
        yield Started(model="m")
        yield Notice("the server sent bytes that are not valid UTF-8", warning=True)
        yield TextDelta("ls -la\n")
        yield finished()

    result = await generate_command(
        Streaming(answer), "list files", context=CONTEXT, settings=GenerationSettings(candidates=1)
    )
    assert result.command == "ls -la"
    assert "not valid UTF-8" in result.warnings[0]


async def test_a_command_holding_a_replacement_character_is_not_used() -> None:
    async def answer() -> AsyncIterator[StreamEvent]:
        yield Started(model="m")
        yield TextDelta("rm -rf /tmp/\ufffd\n")
        yield finished()

    result = await generate_command(
        Streaming(answer), "clean up", context=CONTEXT, settings=GenerationSettings(candidates=1)
    )
    assert result.command is None and "U+FFFD" in result.error
