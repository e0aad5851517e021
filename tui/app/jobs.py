"""What the workers do: a generation streamed into a widget, a command's run streamed into one.

Both post messages to their `target` (the results pane, or a compare column) and never touch a
widget themselves; text and output lines are coalesced into batches on the way.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Protocol

from textual.message import Message
from textual.message_pump import MessagePump

from tui.app.messages import (
    GenerationDone,
    GenerationFailed,
    RunFinished,
    RunOutput,
    StreamNote,
    StreamText,
)
from tui.app.streaming import Coalescer, TailCoalescer
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
    from tui.core.generation.pipeline import CommandResult
    from tui.core.run.runner import OutputLine, RunResult
    from tui.core.safety import Assessment, SafetyPolicy

Piece = tuple[int, str, str]  # (candidate, text, reasoning)
Recorder = Callable[["CommandResult"], Awaitable["int | None"]]
# The most output lines the workbench shows for a run (the runner keeps as many).
RUN_LOG_LINES = 2000


class MessageTarget(Protocol):
    """Whatever a worker tells: a widget, a screen."""

    def post_message(self, message: Message) -> bool: ...


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
    policy: SafetyPolicy | None = None,
    record: Recorder | None = None,
) -> CommandResult | None:
    """Generates on `backend`, telling `target` as it goes; the result, or None on failure.

    The command is rated under `policy` (the default one when None), and `record` (when given)
    puts the result in the history before the pane shows it, so an edit or a run made at once
    already has its entry.
    """

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
    if policy is None:
        policy = engines.request.policy
    assessment = await asyncio.to_thread(rate, result, policy)  # parsing takes a moment
    entry_id = await record(result) if record is not None else None
    target.post_message(GenerationDone(job, result, assessment, entry_id))
    return result


async def stream_run(
    target: MessageTarget,
    command: str,
    *,
    cwd: str,
    shell: str,
    cancel: asyncio.Event,
    timeout_s: float | None = None,
) -> RunResult:
    """Runs a confirmed command, its output going to `target` in bounded batches."""
    from tui.core.run.runner import run_command

    def deliver(lines: list[OutputLine], skipped: int) -> None:
        target.post_message(RunOutput(lines, skipped))

    batcher: TailCoalescer[OutputLine] = TailCoalescer(deliver, RUN_LOG_LINES)
    try:
        result = await run_command(
            command,
            cwd=cwd,
            shell=shell,
            timeout_s=timeout_s,
            on_output=batcher.extend,
            cancel=cancel,
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


def assess_command(command: str, request: str | None, policy: SafetyPolicy) -> Assessment:
    """The one place the workbench rates a command (tree-sitter, shellcheck: call it in a
    thread). The person's allow and deny patterns apply, so the badge says when one matched."""
    from tui.core.request import rate as rate_command

    return rate_command(command, request, policy)


def rate(result: CommandResult, policy: SafetyPolicy) -> Assessment | None:
    """Rates the result's command (and its request) and keeps the rating on the result."""
    if result.command is None:
        return None
    assessment = assess_command(result.command, result.request, policy)
    if result.truncated:
        from tui.core.truncation import rate_cut

        assessment = rate_cut(assessment)
    result.risk = assessment.as_dict()
    return assessment
