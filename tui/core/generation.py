"""From a request in plain language to one shell command.

`build_request` writes a lean prompt: who we are and where (OS, shell, directory), the examples
of our own bank closest to the request, then the request. `generate_command` runs it on a
backend, watches the stream (stopping at a finished answer or a repetition loop), extracts the
command, and, when the first answer is doubtful, samples a few more and keeps the best.
"""

from __future__ import annotations

import os
import platform
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from tui.core.backends.base import (
    Backend,
    BackendError,
    ErrorKind,
    Finished,
    GenerationRequest,
    Message,
    SamplerSettings,
    Started,
    StreamEvent,
    TextDelta,
    Timings,
)
from tui.core.candidates import reorder_for, utility_support, vote_utility
from tui.core.examples import ExampleBank, Scored, default_bank
from tui.core.extraction import Extraction, extract_command, looks_like_command
from tui.core.shellwords import first_utility, split_words

# Defaults measured on the dev set (bench/quality.py); the config's [generation] overrides them.
DEFAULT_SAMPLER = SamplerSettings(temperature=0.0, max_tokens=96)
RETRY_TEMPERATURE = 0.7


@dataclass(frozen=True)
class ShellContext:
    os_name: str
    shell: str
    cwd: str

    def describe(self) -> str:
        return f"{self.shell} on {self.os_name}, in {self.cwd}"


@cache
def _os_name() -> str:
    system = platform.system()
    if system == "Darwin":
        return f"macOS {platform.mac_ver()[0]}".strip()
    if system == "Linux":
        try:
            for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
                if line.startswith("PRETTY_NAME="):
                    return f"Linux ({line.split('=', 1)[1].strip(chr(34))})"
        except OSError:
            pass
    return system or "Unix"


def detect_shell() -> str:
    try:
        import shellingham

        name, _path = shellingham.detect_shell()
        return str(name)
    except Exception:  # noqa: BLE001 - shellingham raises its own failure types; fall back
        return Path(os.environ.get("SHELL", "bash")).name or "bash"


def detect_context(cwd: str | None = None) -> ShellContext:
    return ShellContext(os_name=_os_name(), shell=detect_shell(), cwd=cwd or os.getcwd())


@dataclass(frozen=True)
class GenerationSettings:
    examples: int = 4
    candidates: int = 3
    # Start the answer with the utility the closest examples agree on (measured: it did not
    # help the bundled 135M model, see bench/quality.py); engines that cannot continue a
    # prefix ignore it.
    utility_first: bool = False
    # False: the same few examples for every request (the plain few-shot baseline).
    retrieval: bool = True
    # "turns": examples as earlier chat turns; "inline": listed in the system prompt.
    example_style: str = "turns"
    # The voted utility starts the answer only when this share of the examples agree.
    min_vote_share: float = 0.0
    # Later candidates put the closest example of another utility last (greedy), instead of
    # sampling the same prompt hotter: small models follow the last example they saw.
    # Measured on the dev set with the bundled model (bench/quality.py): 43.0% -> 47.5%.
    diverse_examples: bool = True
    sampler: SamplerSettings = DEFAULT_SAMPLER


def system_prompt(context: ShellContext) -> str:
    return (
        f"You translate a request into one {context.shell} command for {context.os_name}. "
        f"The current directory is {context.cwd}. "
        "Reply with the command only, on one line, without explanation."
    )


def build_request(
    request: str,
    context: ShellContext,
    *,
    settings: GenerationSettings = GenerationSettings(),
    bank: ExampleBank | None = None,
    examples: Sequence[Scored] | None = None,
    prefix: str = "",
    model: str | None = None,
) -> GenerationRequest:
    if examples is None:
        examples = (bank or default_bank()).search(request, settings.examples)
    # Closest example last: small models copy what they saw most recently.
    ordered = list(reversed(examples))
    if settings.example_style == "inline":
        listing = "\n".join(
            f"Request: {s.example.request}\nCommand: {s.example.command}" for s in ordered
        )
        messages = [Message("system", f"{system_prompt(context)}\nExamples:\n{listing}")]
    else:
        messages = [Message("system", system_prompt(context))]
        for scored in ordered:
            messages.append(Message("user", scored.example.request))
            messages.append(Message("assistant", scored.example.command))
    messages.append(Message("user", request.strip()))
    return GenerationRequest(
        messages=tuple(messages), sampler=settings.sampler, model=model, response_prefix=prefix
    )


# -- watching a stream ------------------------------------------------------------------------


class AnswerWatcher:
    """Decides, as text streams in, that the answer is complete or that the model is looping."""

    def __init__(self, prefix: str = "") -> None:
        self.text = prefix
        self.stopped_because = ""

    def feed(self, delta: str) -> bool:
        """Adds text; True when generation can stop."""
        self.text += delta
        if _is_looping(self.text):
            self.stopped_because = "loop"
            return True
        if _answer_complete(self.text):
            self.stopped_because = "complete"
            return True
        return False


def _answer_complete(text: str) -> bool:
    stripped = text.lstrip()
    if stripped.startswith("```"):
        body_start = stripped.find("\n")
        return (
            body_start != -1
            and "```" in stripped[body_start:]
            and bool(stripped[body_start:].split("```", 1)[0].strip())
        )
    if "\n" not in stripped:
        return False
    first_line = stripped.split("\n", 1)[0].strip()
    return (
        bool(first_line)
        and looks_like_command(first_line)
        and not first_line.endswith("\\")
        and "<<" not in first_line
    )


def _is_looping(text: str, window: int = 240) -> bool:
    tail = text[-window:]
    words = tail.split()
    if len(words) >= 8:
        for size in range(1, 5):
            unit = words[-size:]
            repeats = 1
            while words[-(repeats + 1) * size : -repeats * size] == unit:
                repeats += 1
            if repeats >= (6 if size == 1 else 4):
                return True
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) >= 4 and len(set(lines[-4:])) == 1:
        return True
    return _run_on_loop(tail)


# A stretch of 6 to 60 non-space characters repeated at least 4 times in a row at the end
# ("cd /dir/dir/dir/dir/..."): a loop that has no spaces for the word check to see.
_REPEATED_RUN = re.compile(r"(\S{6,60}?)\1{3,}$")


def _run_on_loop(tail: str) -> bool:
    if len(tail) < 24 or any(c.isspace() for c in tail[-24:]):
        return False  # cheap test first: the regex runs only on long runs without spaces
    match = _REPEATED_RUN.search(tail)
    return match is not None and any(c.isalnum() for c in match.group(1))


# -- the result -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    raw: str
    extraction: Extraction
    score: float
    timings: Timings | None
    stopped_because: str = ""


@dataclass
class CommandResult:
    request: str
    command: str | None
    raw: str
    backend: str
    model: str
    timings: Timings | None
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    candidates: list[Candidate] = field(default_factory=list)
    prompt_tokens: int | None = None
    utility_hint: str | None = None
    risk: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "request": self.request,
            "command": self.command,
            "raw": self.raw,
            "backend": self.backend,
            "model": self.model,
            "timings": self.timings.as_dict() if self.timings else None,
            "risk": self.risk,
            "warnings": self.warnings,
            "error": self.error or None,
            "prompt_tokens": self.prompt_tokens,
            "candidates": [
                {"raw": c.raw, "command": c.extraction.command, "score": round(c.score, 2)}
                for c in self.candidates
            ],
        }


EventSink = Callable[[int, StreamEvent], None]


def score_candidate(
    extraction: Extraction, voted: str | None, vote_share: float, stopped_because: str
) -> float:
    if extraction.command is None:
        return -10.0
    score = 3.0
    words = split_words(extraction.command)
    if words is not None:
        score += 2.0
    utility = first_utility(extraction.command)
    if utility and looks_like_command(utility):
        score += 1.0
    if voted and utility == voted:
        score += 3.0 * vote_share
    if stopped_because == "loop":
        score -= 3.0
    score -= 1.0 * len(extraction.warnings)
    if len(extraction.command) > 200:
        score -= 1.0
    return score


class StreamMeter:
    """Timings seen by the consumer, for streams closed before the engine's own `Finished`."""

    def __init__(self) -> None:
        self.started_at = time.perf_counter()
        self.first_at: float | None = None
        self.deltas = 0
        self.start: Started | None = None
        self.finished: Finished | None = None

    def see(self, event: StreamEvent) -> None:
        if isinstance(event, Started):
            self.start = event
            self.started_at = time.perf_counter()  # after loading: ttft is about answering
        elif isinstance(event, TextDelta) and event.text:
            self.deltas += 1
            if self.first_at is None:
                self.first_at = time.perf_counter()
        elif isinstance(event, Finished):
            self.finished = event

    @property
    def model(self) -> str:
        if self.finished and self.finished.model:
            return self.finished.model
        return self.start.model if self.start else ""

    def timings(self) -> Timings:
        if self.finished is not None:
            return self.finished.timings
        start = self.start or Started()
        return Timings(
            ttft_s=None if self.first_at is None else self.first_at - self.started_at,
            total_s=time.perf_counter() - self.started_at,
            prompt_tokens=start.prompt_tokens,
            completion_tokens=self.deltas,
            cached_prompt_tokens=start.cached_prompt_tokens,
            load_s=start.load_s,
        )


@dataclass(frozen=True)
class Attempt:
    raw: str
    timings: Timings
    model: str
    stopped_because: str


async def run_once(
    backend: Backend, request: GenerationRequest, index: int = 0, on_event: EventSink | None = None
) -> Attempt:
    """One generation, stopped early once the answer is complete or the model loops."""
    watcher = AnswerWatcher(request.response_prefix)
    meter = StreamMeter()
    stream = backend.stream(request)
    try:
        async for event in stream:
            meter.see(event)
            if on_event:
                on_event(index, event)
            if isinstance(event, TextDelta) and watcher.feed(event.text):
                break
    finally:
        await stream.aclose()  # type: ignore[attr-defined]
    return Attempt(watcher.text, meter.timings(), meter.model, watcher.stopped_because)


async def generate_command(
    backend: Backend,
    request_text: str,
    *,
    context: ShellContext | None = None,
    settings: GenerationSettings = GenerationSettings(),
    bank: ExampleBank | None = None,
    model: str | None = None,
    on_event: EventSink | None = None,
) -> CommandResult:
    """Generates candidates until one is convincing (at most settings.candidates)."""
    if not request_text.strip():
        raise BackendError(
            "the request is empty", fix="say what the command should do", kind=ErrorKind.CONFIG
        )
    context = context or detect_context()
    bank = bank or default_bank()
    examples = (
        bank.search(request_text, settings.examples)
        if settings.retrieval
        else bank.spread(settings.examples)
    )
    voted, share = vote_utility(examples) if settings.retrieval else (None, 0.0)
    use_prefix = (
        settings.utility_first and backend.supports_prefix and share >= settings.min_vote_share
    )
    prefix = voted if use_prefix and voted else ""
    base = build_request(
        request_text,
        context,
        settings=settings,
        examples=examples,
        prefix=prefix or "",
        model=model,
    )
    if prefix:
        # The answer starts as a bare command line, so the line's end is the answer's end.
        base = replace(base, sampler=replace(base.sampler, stop=(*base.sampler.stop, "\n")))
    candidates: list[Candidate] = []
    model_name = ""
    first_timings: Timings | None = None
    total_s = 0.0
    support = utility_support(examples) if settings.diverse_examples else {}
    # Utilities already tried: answered, or shown closest to the request.
    tried = {u for u in (examples[0].example.utility,) if u} if examples else set()
    for index in range(max(1, settings.candidates)):
        request = base if index == 0 else _next_request(base, index, settings, examples, tried)
        attempt = await run_once(backend, request, index, on_event)
        model_name = model_name or attempt.model
        first_timings = first_timings or attempt.timings
        total_s += attempt.timings.total_s
        extraction = extract_command(attempt.raw)
        score = score_candidate(extraction, voted, share, attempt.stopped_because)
        utility = first_utility(extraction.command) if extraction.command else None
        if utility and utility != voted:
            score += 3.0 * support.get(utility, 0.0)  # backed by some examples, if not most
        candidate = Candidate(
            attempt.raw, extraction, score, attempt.timings, attempt.stopped_because
        )
        candidates.append(candidate)
        if utility:
            tried.add(utility)
        if _convincing(candidate, voted):
            break
    best = max(candidates, key=lambda c: c.score)  # max keeps the earliest on ties
    timings = replace(first_timings, total_s=total_s) if first_timings else None
    return CommandResult(
        request=request_text,
        command=best.extraction.command,
        raw=best.raw,
        backend=backend.name,
        model=model_name,
        timings=timings,
        warnings=list(best.extraction.warnings),
        error="" if best.extraction.ok else best.extraction.reason,
        candidates=candidates,
        prompt_tokens=first_timings.prompt_tokens if first_timings else None,
        utility_hint=voted if prefix else None,
    )


def _convincing(candidate: Candidate, voted: str | None) -> bool:
    command = candidate.extraction.command
    if command is None or candidate.extraction.warnings or candidate.stopped_because == "loop":
        return False
    return voted is None or first_utility(command) == voted


def _next_request(
    base: GenerationRequest,
    index: int,
    settings: GenerationSettings,
    examples: Sequence[Scored],
    tried: set[str],
) -> GenerationRequest:
    if settings.diverse_examples:
        reordered = reorder_for(examples, tried)
        if reordered is not None:
            tried.add(reordered[0].example.utility or "")
            messages = build_request(
                base.messages[-1].content, _NO_CONTEXT, settings=settings, examples=reordered
            ).messages
            return replace(base, messages=(base.messages[0], *messages[1:]))
    return _resampled(base, index)


# build_request needs a context for its system message; _next_request keeps base's own.
_NO_CONTEXT = ShellContext(os_name="", shell="", cwd="")


def _resampled(base: GenerationRequest, index: int) -> GenerationRequest:
    sampler = replace(base.sampler, temperature=RETRY_TEMPERATURE, seed=1000 + index)
    return replace(base, sampler=sampler)
