"""The one protocol every inference backend speaks, and the values that cross it.

A backend is probed (`probe`), asked for its models (`list_models`) and asked to stream a
generation (`stream`). Streams yield at most one `Started`, then `TextDelta`/`ReasoningDelta`/
`Notice` events, and end with exactly one `Finished` (unless the consumer closes them early).
Failures are raised as `BackendError`, which always carries a fix the person can act on.
Closing the async iterator (or cancelling the task consuming it) cancels the generation.
"""

from __future__ import annotations

import enum
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, Protocol, runtime_checkable

from tui.core.errors import CaroError


class HealthStatus(enum.StrEnum):
    UP = "up"
    DOWN = "down"
    STARTING = "starting"
    DEGRADED = "degraded"


@dataclass(frozen=True)
class Health:
    status: HealthStatus
    latency_s: float | None = None
    version: str | None = None
    detail: str = ""
    fix: str = ""
    loaded_models: tuple[str, ...] = ()

    @property
    def usable(self) -> bool:
        return self.status in (HealthStatus.UP, HealthStatus.DEGRADED)


class Capability(enum.StrEnum):
    GENERATE = "generate"
    EMBED = "embed"
    VISION = "vision"
    TOOLS = "tools"
    REASONING = "reasoning"
    AUDIO = "audio"


@dataclass(frozen=True)
class ModelInfo:
    id: str
    name: str = ""
    provider: str = ""
    family: str = ""
    capabilities: frozenset[Capability] = frozenset({Capability.GENERATE})
    context_length: int | None = None
    size_bytes: int | None = None
    quantization: str = ""
    source: str = ""
    path: str | None = None
    loaded: bool = False

    @property
    def display_name(self) -> str:
        return self.name or self.id

    @property
    def can_generate(self) -> bool:
        return Capability.GENERATE in self.capabilities


Role = Literal["system", "user", "assistant"]


@dataclass(frozen=True)
class Message:
    role: Role
    content: str


@dataclass(frozen=True)
class SamplerSettings:
    """Sampler settings in caro's own vocabulary; each backend maps them to its dialect.

    `None` means "not set": the backend leaves the engine's own default in place.
    """

    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    min_p: float | None = None
    repeat_penalty: float | None = None
    max_tokens: int | None = None
    stop: tuple[str, ...] = ()
    seed: int | None = None

    def merged(self, override: SamplerSettings) -> SamplerSettings:
        """Settings of `override` win wherever they are set."""
        values = {
            name: getattr(override, name)
            if getattr(override, name) not in (None, ())
            else getattr(self, name)
            for name in SAMPLER_FIELDS
        }
        return SamplerSettings(**values)

    def as_dict(self) -> dict[str, object]:
        return {
            name: getattr(self, name)
            for name in SAMPLER_FIELDS
            if getattr(self, name) not in (None, ())
        }


SAMPLER_FIELDS: tuple[str, ...] = (
    "temperature",
    "top_p",
    "top_k",
    "min_p",
    "repeat_penalty",
    "max_tokens",
    "stop",
    "seed",
)


@dataclass(frozen=True)
class GenerationRequest:
    messages: tuple[Message, ...]
    sampler: SamplerSettings = field(default_factory=SamplerSettings)
    model: str | None = None
    # Text the answer must start with. Engines that render the chat template themselves
    # continue from it; `Backend.supports_prefix` says whether a backend honours it.
    response_prefix: str = ""
    # time.monotonic() by which the whole answer must be in (None: no deadline). The caller
    # enforces it; a backend reads it to decide whether a wait (Retry-After) still fits.
    deadline: float | None = None


@dataclass(frozen=True)
class Timings:
    ttft_s: float | None
    total_s: float
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    cached_prompt_tokens: int | None = None
    # Seconds spent loading the model for this request (None when it was already loaded).
    load_s: float | None = None
    # Set when these timings add up several generations (best of n): their decode tokens (each
    # one's after its first) and decode time, so the speed is not diluted by prefills and gaps.
    decode_tokens: int | None = None
    decode_s: float | None = None

    def decode(self) -> tuple[int, float]:
        """(tokens after the first, seconds after the first): the decoding part of the answer."""
        if self.decode_tokens is not None and self.decode_s is not None:
            return self.decode_tokens, self.decode_s
        if not self.completion_tokens or self.completion_tokens < 2 or self.ttft_s is None:
            return 0, 0.0
        return self.completion_tokens - 1, max(0.0, self.total_s - self.ttft_s)

    @property
    def tokens_per_s(self) -> float | None:
        """Decode speed: tokens after the first, over the time after the first."""
        tokens, seconds = self.decode()
        return tokens / seconds if tokens and seconds > 0 else None

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "ttft_s": _round(self.ttft_s),
            "total_s": _round(self.total_s),
            "tokens_per_s": _round(self.tokens_per_s),
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "cached_prompt_tokens": self.cached_prompt_tokens,
            "load_s": _round(self.load_s),
        }


def combined_timings(parts: Sequence[Timings]) -> Timings | None:
    """Several generations made for one answer: the first one's time to first token and prompt,
    the sum of their times and completions, and their pooled decode speed."""
    if not parts:
        return None
    first = parts[0]
    decoding = [part.decode() for part in parts]
    completions = [p.completion_tokens for p in parts if p.completion_tokens is not None]
    return replace(
        first,
        total_s=sum(part.total_s for part in parts),
        completion_tokens=sum(completions) if completions else None,
        decode_tokens=sum(tokens for tokens, _ in decoding),
        decode_s=sum(seconds for _, seconds in decoding),
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True)
class Started:
    """Sent once when the engine starts answering: what it knows before the first token."""

    model: str = ""
    prompt_tokens: int | None = None
    cached_prompt_tokens: int | None = None
    load_s: float | None = None


@dataclass(frozen=True)
class TextDelta:
    text: str


@dataclass(frozen=True)
class ReasoningDelta:
    text: str


@dataclass(frozen=True)
class Notice:
    """Something the person should know that does not stop the generation.

    A `warning` is about the answer itself (bytes that were not UTF-8): it is kept with the
    result, not only said while streaming.
    """

    message: str
    warning: bool = False


FinishReason = Literal["stop", "length", "cancelled", "error"]


@dataclass(frozen=True)
class Finished:
    timings: Timings
    finish_reason: FinishReason = "stop"
    model: str = ""


StreamEvent = Started | TextDelta | ReasoningDelta | Notice | Finished


class ErrorKind(enum.StrEnum):
    CONNECTION = "connection"
    TIMEOUT = "timeout"
    MODEL_MISSING = "model_missing"
    CONTEXT_OVERFLOW = "context_overflow"
    BAD_RESPONSE = "bad_response"
    SERVER = "server"
    AUTH = "auth"
    UNAVAILABLE = "unavailable"
    CONFIG = "config"
    CANCELLED = "cancelled"
    # The server is there but refuses work for now (HTTP 429).
    BUSY = "busy"
    # The server closed (or reset) the connection before its answer was complete.
    CLOSED = "closed"
    # caro's own limit on one answer ran out: the wall-clock deadline or the reasoning budget.
    DEADLINE = "deadline"


class BackendError(CaroError):
    """A failure the person can act on: what happened, and how to fix it."""

    def __init__(
        self,
        message: str,
        *,
        fix: str = "",
        kind: ErrorKind = ErrorKind.SERVER,
        backend: str = "",
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(message, fix)
        self.kind = kind
        self.backend = backend
        # What a busy server asked for (its Retry-After), in seconds.
        self.retry_after_s = retry_after_s

    def __str__(self) -> str:
        prefix = f"{self.backend}: " if self.backend else ""
        return f"{prefix}{self.message}" + (f" — {self.fix}" if self.fix else "")


@runtime_checkable
class Backend(Protocol):
    """What every engine offers caro. See the module docstring for the stream contract."""

    name: str
    kind: str
    supports_prefix: bool

    async def probe(self) -> Health: ...

    async def list_models(self) -> list[ModelInfo]: ...

    def stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]: ...

    def describe(self) -> Mapping[str, object]:
        """Facts for display: endpoint, model, and why that model."""
        ...

    async def aclose(self) -> None: ...
