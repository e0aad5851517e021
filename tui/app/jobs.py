"""What the workers do: a generation streamed into a widget, a command's run streamed into one.

Both post messages to their `target` (the results pane, or a compare column) and never touch a
widget themselves; text and output lines are coalesced into batches on the way.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual.message_pump import MessagePump

from tui.app.messages import (
    GenerationDone,
    GenerationFailed,
    RunFinished,
    RunOutput,
    StreamNote,
    StreamText,
)
from tui.app.streaming import Coalescer
from tui.core.backends.base import (
    BackendError,
    ModelInfo,
    Notice,
    ReasoningDelta,
    StreamEvent,
    TextDelta,
)

if TYPE_CHECKING:
    from tui.app.engines import Engines
    from tui.core.generation import CommandResult
    from tui.core.runner import OutputLine, RunResult

Piece = tuple[int, str, str]  # (candidate, text, reasoning)


async def stream_generation(
    engines: Engines,
    target: MessagePump,
    job: int,
    backend: str,
    model: ModelInfo | None,
    request: str,
    *,
    vary: int = 0,
    fix_hint: str = "",
) -> CommandResult | None:
    """Generates on `backend`, telling `target` as it goes; the result, or None on failure."""

    def deliver(batch: list[Piece]) -> None:
        for candidate, text, reasoning in merge(batch):
            target.post_message(StreamText(job, candidate, text, reasoning))

    batcher: Coalescer[Piece] = Coalescer(deliver)

    def on_event(index: int, event: StreamEvent) -> None:
        if isinstance(event, TextDelta):
            batcher.add((index, event.text, ""))
        elif isinstance(event, ReasoningDelta):
            batcher.add((index, "", event.text))
        elif isinstance(event, Notice):
            target.post_message(StreamNote(job, event.message))
        # The model's name is shown with the result: a note now would re-lay out the pane
        # just as the first tokens come.

    try:
        result = await engines.generate(backend, model, request, on_event, vary=vary)
    except BackendError as error:
        batcher.close()
        target.post_message(GenerationFailed(job, error.message, error.fix or fix_hint))
        return None
    except asyncio.CancelledError:
        batcher.close()
        target.post_message(GenerationFailed(job, "cancelled (Esc)", cancelled=True))
        raise
    except Exception as error:  # noqa: BLE001 - a broken answer ends this request only
        batcher.close()
        target.post_message(GenerationFailed(job, f"{type(error).__name__}: {error}"))
        return None
    batcher.close()
    await asyncio.to_thread(rate, result)  # parsing the command takes a moment
    target.post_message(GenerationDone(job, result))
    return result


async def stream_run(
    target: MessagePump, command: str, *, cwd: str, shell: str, cancel: asyncio.Event
) -> RunResult:
    from tui.core.runner import run_command

    batcher: Coalescer[OutputLine] = Coalescer(lambda lines: target.post_message(RunOutput(lines)))
    try:
        result = await run_command(
            command, cwd=cwd, shell=shell, on_output=batcher.extend, cancel=cancel
        )
    finally:
        batcher.close()
    target.post_message(RunFinished(result))
    return result


def merge(batch: list[Piece]) -> list[Piece]:
    """Joins consecutive pieces of the same candidate into one."""
    merged: list[Piece] = []
    for candidate, text, reasoning in batch:
        if merged and merged[-1][0] == candidate:
            _, previous_text, previous_reasoning = merged[-1]
            merged[-1] = (candidate, previous_text + text, previous_reasoning + reasoning)
        else:
            merged.append((candidate, text, reasoning))
    return merged


def rate(result: CommandResult) -> None:
    """Rates the command once the safety module exists (until then the badge says not rated)."""
    if result.command is None or result.risk is not None:
        return
    try:
        from tui.core.safety import assess  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return
    result.risk = assess(result.command, result.request).as_dict()


def risk_line(risk: dict[str, object] | None) -> str:
    if not risk or not risk.get("level"):
        return "risk: not rated"
    reasons = risk.get("reasons")
    why = "; ".join(str(r) for r in reasons) if isinstance(reasons, list) else ""
    return f"risk: {risk['level']}" + (f" — {why}" if why else "")
