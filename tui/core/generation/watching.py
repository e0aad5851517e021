"""Watching a generation as it streams: stop at a finished answer or a loop, and time it."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from tui.core.backends.base import (
    Backend,
    Finished,
    GenerationRequest,
    Notice,
    ReasoningDelta,
    Started,
    StreamEvent,
    TextDelta,
    Timings,
)
from tui.core.generation.extraction import looks_like_command, plausible_command_line
from tui.core.generation.shellwords import split_words
from tui.core.limits import AnswerLimits

EventSink = Callable[[int, StreamEvent], None]


class AnswerWatcher:
    """Decides, as text streams in, that the answer is complete or that the model is looping."""

    def __init__(
        self, prefix: str = "", *, line_end: bool = True, early_loops: bool = False
    ) -> None:
        self.text = prefix
        self.stopped_because = ""
        self.line_end = line_end
        self.early_loops = early_loops

    def feed(self, delta: str) -> bool:
        """Adds text; True when generation can stop."""
        self.text += delta
        if _is_looping(self.text) or (self.early_loops and _looping_soon(self.text)):
            self.stopped_because = "loop"
            return True
        if _answer_complete(self.text, self.line_end):
            self.stopped_because = "complete"
            return True
        return False


def _answer_complete(text: str, line_end: bool = True) -> bool:
    """The answer's first line is over and is a whole command line (or a fence closed).

    A first line that introduces something ("Here is the command:"), continues (a trailing
    backslash, a heredoc, an open quote) or reads like prose is not the end: the command may
    follow on the next lines.
    """
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
    if not line_end:  # the watcher before issue 14, kept for measuring
        return (
            bool(first_line)
            and looks_like_command(first_line)
            and not first_line.endswith("\\")
            and "<<" not in first_line
        )
    return (
        bool(first_line)
        and (looks_like_command(first_line) or plausible_command_line(first_line))
        and not first_line.endswith(("\\", ":"))
        and "<<" not in first_line
        and split_words(first_line) is not None
    )


def _is_looping(text: str, window: int = 240) -> bool:
    tail = text[-window:]
    words = tail.split()
    if len(words) >= 8:
        # A word 6 times, a phrase of 2-4 words 4 times, a longer one (up to 8: a run of
        # `-user -group -name "x" -delete` options) 3 times.
        for size in range(1, 9):
            unit = words[-size:]
            repeats = 1
            while words[-(repeats + 1) * size : -repeats * size] == unit:
                repeats += 1
            if repeats >= (6 if size == 1 else 4 if size <= 4 else 3):
                return True
        if _word_run_on(words):
            return True
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) >= 4 and len(set(lines[-4:])) == 1:
        return True
    return _run_on_loop(tail)


def _word_run_on(words: list[str]) -> bool:
    """A command line that keeps coming back to the same option or file name (`-n 10 -f
    "server.log" -w 10 -n 10 -i "server.log" ...`): a loop whose repeats vary, so that no
    phrase repeats exactly. Only option-like and path-like words count (prose, such as a
    reasoning model's, repeats "the" as it likes)."""
    if len(words) < 14:
        return False
    counts: dict[str, int] = {}
    for word in words[-40:]:
        if len(word) >= 2 and (word.startswith("-") or any(c in word for c in "/.=")):
            counts[word] = counts.get(word, 0) + 1
    return max(counts.values(), default=0) >= 5


# A stretch of 6 to 60 non-space characters repeated at least 4 times in a row at the end
# ("cd /dir/dir/dir/dir/..."): a loop that has no spaces for the word check to see.
_REPEATED_RUN = re.compile(r"(\S{6,60}?)\1{3,}$")


def _run_on_loop(tail: str) -> bool:
    if len(tail) < 24 or any(c.isspace() for c in tail[-24:]):
        return False  # cheap test first: the regex runs only on long runs without spaces
    match = _REPEATED_RUN.search(tail)
    return match is not None and any(c.isalnum() for c in match.group(1))


def _looping_soon(text: str, window: int = 240) -> bool:
    """Loops that the checks above let run on for a while: a phrase of 4 or more words, one of
    them an option or a pipe, said twice in a row (`-l -o pid -a -p -l -o pid -a -p`), and a
    simple command that redirects its output twice (`tar ... > /dev/null > /tmp/x`: only the
    last one would get the output)."""
    words = text[-window:].split()
    for size in range(4, min(12, len(words) // 2) + 1):
        unit = words[-size:]
        if words[-2 * size : -size] == unit and any(w == "|" or w.startswith("-") for w in unit):
            return True
    unquoted = _QUOTED.sub("", text[-window:]).split("'")[0].split('"')[0]
    stage = re.split(r"\|\||&&|[|;\n]", unquoted)[-1]
    return len(_OUTPUT_REDIRECTION.findall(stage)) >= 2


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
# `>` or `>>` writing standard output (not `2>`, `&>`, `>&2` or a `->` inside a word).
_OUTPUT_REDIRECTION = re.compile(r"(?:^|(?<=\s))1?>>?(?![&>])")


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
    # "complete" or "loop" (caro stopped it), "length" (the engine stopped at max_tokens
    # before the answer looked complete), or "" (the engine ended it).
    stopped_because: str
    # Notices that are about the answer itself (Notice.warning), in the order they came.
    warnings: tuple[str, ...] = ()


async def run_once(
    backend: Backend,
    request: GenerationRequest,
    index: int = 0,
    on_event: EventSink | None = None,
    limits: AnswerLimits | None = None,
    *,
    line_end: bool = True,
    early_loops: bool = False,
) -> Attempt:
    """One generation, stopped early once the answer is complete or the model loops.

    With `limits`, the stream is closed and a BackendError raised when `request.deadline`
    passes or when the reasoning text outgrows the budget (keep-alives and reasoning are not
    progress towards the deadline: only a finished answer is). With `line_end`, the answer
    stops at the end of its first command line.
    """
    watcher = AnswerWatcher(request.response_prefix, line_end=line_end, early_loops=early_loops)
    meter = StreamMeter()
    warnings: list[str] = []
    reasoning = 0
    stream = backend.stream(request)
    remaining = None if request.deadline is None else request.deadline - time.monotonic()
    scope = asyncio.timeout(remaining)
    try:
        async with scope:
            async for event in stream:
                meter.see(event)
                if on_event:
                    on_event(index, event)
                if isinstance(event, TextDelta) and watcher.feed(event.text):
                    break
                if isinstance(event, Notice) and event.warning:
                    warnings.append(event.message)
                if isinstance(event, ReasoningDelta) and limits is not None:
                    reasoning += 1
                    if reasoning > limits.reasoning_budget:
                        raise limits.reasoning_error()
                if request.deadline is not None and time.monotonic() > request.deadline:
                    raise TimeoutError  # events that never let the loop wait still end here
    except TimeoutError:
        if scope.expired() or (request.deadline and time.monotonic() > request.deadline):
            limits = limits or AnswerLimits.for_answer(backend.name, request.sampler.max_tokens)
            raise limits.deadline_error() from None
        raise
    finally:
        await stream.aclose()  # type: ignore[attr-defined]
    stopped = watcher.stopped_because
    if not stopped and meter.finished is not None and meter.finished.finish_reason == "length":
        # Ran on to max_tokens without finishing a command: scored below a loop, never
        # convincing, and flagged as cut when it is still the best candidate.
        stopped = "length"
    return Attempt(watcher.text, meter.timings(), meter.model, stopped, tuple(warnings))
