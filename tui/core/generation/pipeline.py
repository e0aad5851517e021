"""From a request in plain language to one shell command.

`build_request` writes a lean prompt: who we are and where (OS, shell, directory), the examples
of our own bank closest to the request, then the request. `generate_command` runs it on a
backend, watches the stream (stopping at a finished answer or a repetition loop), extracts the
command, and, when the first answer is doubtful, samples a few more and keeps the best.
"""

from __future__ import annotations

import itertools
from collections.abc import Container, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from tui.core.backends.base import (
    Backend,
    BackendError,
    ErrorKind,
    GenerationRequest,
    Message,
    Timings,
    combined_timings,
)
from tui.core.generation.candidates import (
    Tries,
    rescue_utilities,
    utility_support,
    vote_utility,
    with_prefix,
)
from tui.core.generation.context import ShellContext, detect_context, detect_shell
from tui.core.generation.examples import ExampleBank, Scored, default_bank
from tui.core.generation.extraction import (
    REPLACEMENT,
    Extraction,
    extract_command,
    looks_like_command,
)
from tui.core.generation.prompt import build_request, grounding_for, retrieve, system_prompt
from tui.core.generation.settings import DEFAULT_SAMPLER, GenerationSettings
from tui.core.generation.shellwords import first_utility, split_words
from tui.core.generation.watching import AnswerWatcher, Attempt, EventSink, StreamMeter, run_once
from tui.core.limits import AnswerLimits

__all__ = [
    "DEFAULT_SAMPLER",
    "AnswerWatcher",
    "Attempt",
    "Candidate",
    "CommandResult",
    "EventSink",
    "GenerationSettings",
    "ShellContext",
    "StreamMeter",
    "build_request",
    "detect_context",
    "detect_shell",
    "generate_command",
    "grounding_for",
    "retrieve",
    "run_once",
    "score_candidate",
    "system_prompt",
    "vote_utility",
]

# -- the result -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    raw: str
    extraction: Extraction
    score: float
    timings: Timings | None
    stopped_because: str = ""
    warnings: tuple[str, ...] = ()


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
    # The answer stopped at max_tokens before its command looked complete.
    truncated: bool = False

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
            "truncated": self.truncated,
            "error": self.error or None,
            "prompt_tokens": self.prompt_tokens,
            "candidates": [
                {"raw": c.raw, "command": c.extraction.command, "score": round(c.score, 2)}
                for c in self.candidates
            ],
        }


def score_candidate(
    extraction: Extraction,
    voted: str | None,
    vote_share: float,
    stopped_because: str,
    *,
    known: Container[str] = frozenset(),
) -> float:
    if extraction.command is None:
        return -10.0
    score = 3.0
    words = split_words(extraction.command)
    if words is not None:
        score += 2.0
    utility = first_utility(extraction.command)
    if utility and looks_like_command(utility, known):
        score += 1.0
    if voted and utility == voted:
        score += 3.0 * vote_share
    if stopped_because == "loop":
        score -= 3.0
    if stopped_because == "length":
        score -= 4.0  # cut: what came after the cut is unknown
    score -= 1.0 * len(extraction.warnings)
    if len(extraction.command) > 200:
        score -= 1.0
    return score


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
    """Generates candidates until one is convincing: at most settings.candidates, and up to
    settings.rescue more while none held a command. A try that fails after one did is not
    fatal: the best answer so far stands, with a warning."""
    if not request_text.strip():
        raise BackendError(
            "the request is empty", fix="say what the command should do", kind=ErrorKind.CONFIG
        )
    context = context or detect_context()
    bank = bank or default_bank()
    examples = retrieve(bank, request_text, settings)
    grounding = (
        grounding_for(request_text, bank, examples, settings.ground_below)
        if settings.retrieval
        else ""
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
        bank=bank,
        examples=examples,
        prefix=prefix or "",
        model=model,
        grounding=grounding,
    )
    if prefix:
        # The answer starts as a bare command line, so the line's end is the answer's end.
        base = replace(base, sampler=replace(base.sampler, stop=(*base.sampler.stop, "\n")))
    known = bank.programs
    support = utility_support(examples) if settings.diverse_examples else {}
    tries = _tries(base, backend, settings, examples, voted, share)
    candidates: list[Candidate] = []
    model_name = ""
    parts: list[Timings] = []
    stopped_early: list[str] = []
    limits = AnswerLimits.for_answer(
        backend.name, base.sampler.max_tokens, settings.deadline_s, settings.reasoning_budget
    )
    deadline = limits.deadline_at()
    for index in itertools.count():
        usable = any(c.extraction.command is not None for c in candidates)
        if index >= max(1, settings.candidates) + (0 if usable else settings.rescue):
            break
        last_had_command = not candidates or candidates[-1].extraction.command is not None
        request = replace(tries.next(index, last_had_command), deadline=deadline)
        if index and settings.retry_token_share and request.sampler.max_tokens:
            share = max(1, round(request.sampler.max_tokens * settings.retry_token_share))
            request = _capped(request, share)
        try:
            attempt = await run_once(
                backend,
                request,
                index,
                on_event,
                limits,
                line_end=settings.stop_at_line_end,
                early_loops=settings.early_loops,
            )
        except BackendError as error:
            if not usable or error.kind is ErrorKind.CANCELLED:
                raise
            # A later try failed (deadline, lost server): the usable answer we have stands.
            stopped_early.append(f"stopped looking for a better answer: {error}")
            break
        model_name = model_name or attempt.model
        parts.append(attempt.timings)
        extraction = extract_command(attempt.raw, known=known)
        score = score_candidate(extraction, voted, share, attempt.stopped_because, known=known)
        utility = first_utility(extraction.command) if extraction.command else None
        if utility and utility != voted:
            score += 3.0 * support.get(utility, 0.0)  # backed by some examples, if not most
        candidate = Candidate(
            attempt.raw,
            extraction,
            score,
            attempt.timings,
            attempt.stopped_because,
            attempt.warnings,
        )
        candidates.append(candidate)
        tries.answered(utility)
        if _convincing(candidate, voted):
            break
    best = max(candidates, key=lambda c: c.score)  # max keeps the earliest on ties
    timings = combined_timings(parts)
    result = CommandResult(
        request=request_text,
        command=best.extraction.command,
        raw=best.raw,
        backend=backend.name,
        model=model_name,
        timings=timings,
        warnings=list(best.extraction.warnings),
        error="" if best.extraction.ok else best.extraction.reason,
        candidates=candidates,
        prompt_tokens=timings.prompt_tokens if timings else None,
        utility_hint=voted if prefix else None,
    )
    result.warnings.extend(stopped_early)
    return _flagged(result, best, base.sampler.max_tokens)


def _flagged(result: CommandResult, best: Candidate, max_tokens: int | None) -> CommandResult:
    """Warnings about the answer itself: cut at max_tokens, bytes that were not UTF-8."""
    result.warnings = [*best.warnings, *result.warnings]
    if best.stopped_because == "length" and result.command is not None:
        result.truncated = True
        limit = f" ({max_tokens})" if max_tokens else ""
        result.warnings.insert(
            0,
            f"the answer was cut at max_tokens{limit} before the command looked complete: "
            "it may be missing its end (raise max_tokens, e.g. --max-tokens)",
        )
    if result.command is not None and REPLACEMENT in result.command:
        result.error = (
            "the command holds U+FFFD, the mark of bytes that were not valid UTF-8: "
            "it is not what the model wrote"
        )
        result.command = None
    return result


def _capped(request: GenerationRequest, max_tokens: int) -> GenerationRequest:
    wanted = request.sampler.max_tokens
    limit = min(wanted, max_tokens) if wanted else max_tokens
    return replace(request, sampler=replace(request.sampler, max_tokens=limit))


def _convincing(candidate: Candidate, voted: str | None) -> bool:
    command = candidate.extraction.command
    if (
        command is None
        or candidate.extraction.warnings
        or candidate.warnings
        or candidate.stopped_because in ("loop", "length")
    ):
        return False
    return voted is None or first_utility(command) == voted


def _tries(
    base: GenerationRequest,
    backend: Backend,
    settings: GenerationSettings,
    examples: Sequence[Scored],
    voted: str | None,
    share: float,
) -> Tries:
    """The plan of tries for one answer (see tui.core.generation.candidates.Tries)."""
    prefixed = backend.supports_prefix and not base.response_prefix
    fallback = (
        with_prefix(base, voted)
        if prefixed
        and voted
        and settings.prefix_fallback_share
        and share >= settings.prefix_fallback_share
        else None
    )
    rescues = [
        with_prefix(base, utility)
        for utility in (rescue_utilities(examples, voted, settings.rescue) if prefixed else [])
    ]
    request = base.messages[-1].content

    def rebuild(reordered: Sequence[Scored]) -> tuple[Message, ...]:
        rebuilt = build_request(request, _NO_CONTEXT, settings=settings, examples=reordered)
        return rebuilt.messages[1:]

    return Tries(
        base,
        examples,
        rebuild,
        settings.diverse_examples,
        voted,
        fallback=fallback,
        rescues=rescues,
        others=(
            rescue_utilities(examples, voted, len(examples))
            if prefixed and settings.prefix_retries
            else []
        ),
        # Utilities already tried: answered, or shown closest to the request.
        tried={u for u in (examples[0].example.utility,) if u} if examples else set(),
    )


# build_request needs a context for its system message; a rebuilt try keeps base's own.
_NO_CONTEXT = ShellContext(os_name="", shell="", cwd="")
