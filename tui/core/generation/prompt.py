"""The prompt: who we are and where (OS, shell, directory), the installed programs that may fit
when the bank covers the request poorly, the bank's closest examples (closest last), then the
request."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.backends.base import GenerationRequest, Message
from tui.core.generation.context import ShellContext
from tui.core.generation.examples import ExampleBank, Scored, default_bank
from tui.core.generation.grounding import describe, installed_catalogue
from tui.core.generation.helptext import is_installed
from tui.core.generation.settings import GenerationSettings
from tui.core.generation.vocabulary import hinted_utilities

GROUNDING_HEAD = "Programs on this machine that may fit:"


def system_prompt(context: ShellContext, grounding: str = "") -> str:
    text = (
        f"You translate a request into one {context.shell} command for {context.os_name}. "
        f"The current directory is {context.cwd}. "
        "Reply with the command only, on one line, without explanation."
    )
    return f"{text}\n{GROUNDING_HEAD}\n{grounding}" if grounding else text


def build_request(
    request: str,
    context: ShellContext,
    *,
    settings: GenerationSettings = GenerationSettings(),
    bank: ExampleBank | None = None,
    examples: Sequence[Scored] | None = None,
    prefix: str = "",
    model: str | None = None,
    grounding: str = "",
) -> GenerationRequest:
    bank = bank or default_bank()
    if examples is None:
        examples = retrieve(bank, request, settings)
    # Closest example last: small models copy what they saw most recently. Fixed examples,
    # the same for every request, come first: an engine keeps their state with the system
    # prompt's, so they cost no prefill.
    fixed = bank.spread(settings.fixed_examples)
    if not settings.stable_prefix:
        shown = {s.example.request for s in examples}
        fixed = [s for s in fixed if s.example.request not in shown]
    ordered = [*fixed, *reversed(examples)]
    if settings.stable_prefix and grounding:
        # Beside the request, so that the system prompt and the fixed examples stay the same
        # for every request (their state is reused).
        request = f"({GROUNDING_HEAD}\n{grounding})\n{request.strip()}"
        grounding = ""
    if settings.example_style == "inline":
        listing = "\n".join(
            f"Request: {s.example.request}\nCommand: {s.example.command}" for s in ordered
        )
        system = system_prompt(context, grounding)
        messages = [Message("system", f"{system}\nExamples:\n{listing}")]
    else:
        messages = [Message("system", system_prompt(context, grounding))]
        for scored in ordered:
            messages.append(Message("user", scored.example.request))
            messages.append(Message("assistant", scored.example.command))
    messages.append(Message("user", request.strip()))
    return GenerationRequest(
        messages=tuple(messages), sampler=settings.sampler, model=model, response_prefix=prefix
    )


def retrieve(bank: ExampleBank, request: str, settings: GenerationSettings) -> list[Scored]:
    """The examples shown for a request under these settings."""
    if not settings.retrieval:
        return bank.spread(settings.examples)
    return bank.search(
        request,
        settings.examples,
        per_utility=settings.per_utility,
        installed=is_installed if settings.prefer_installed else None,
    )


def grounding_for(request: str, bank: ExampleBank, examples: Sequence[Scored], below: float) -> str:
    """Installed programs described for the prompt when the bank covers the request poorly."""
    if not below:
        return ""
    catalogue = installed_catalogue()
    named = hinted_utilities(request, catalogue.tools)
    uncovered = {u for u in named if not bank.covers(u)}
    best = max((s.score for s in examples), default=0.0)
    if best >= below and not uncovered:
        return ""
    tools = [t for t in catalogue.candidates(request) if not bank.covers(t.name) or t.name in named]
    return describe(tools)
