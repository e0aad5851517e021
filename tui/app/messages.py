"""Messages the workers post to the widgets. Small, immutable payloads; no widget references."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.message import Message

from tui.core.backends.base import Health, ModelInfo

if TYPE_CHECKING:  # the generation and runner modules load on first use, not at start-up
    from tui.core.generation.pipeline import CommandResult
    from tui.core.run.runner import OutputLine, RunResult
    from tui.core.safety import Assessment


class HealthReport(Message, bubble=False):
    def __init__(self, name: str, health: Health) -> None:
        super().__init__()
        self.name = name
        self.health = health


class ModelsReport(Message, bubble=False):
    def __init__(self, name: str, models: Sequence[ModelInfo], error: str = "") -> None:
        super().__init__()
        self.name = name
        self.models = list(models)
        self.error = error


class StreamText(Message, bubble=False):
    """A batch of generated text (many deltas coalesced into one message)."""

    def __init__(self, job: int, candidate: int, text: str, reasoning: str = "") -> None:
        super().__init__()
        self.job = job
        self.candidate = candidate
        self.text = text
        self.reasoning = reasoning


class StreamNote(Message, bubble=False):
    """Something to show beside the stream: the model that answers, a notice from the engine."""

    def __init__(self, job: int, text: str) -> None:
        super().__init__()
        self.job = job
        self.text = text


class GenerationDone(Message, bubble=False):
    """The answer, its command's rating, and its history entry (None: not recorded)."""

    def __init__(
        self,
        job: int,
        result: CommandResult,
        assessment: Assessment | None = None,
        entry_id: int | None = None,
    ) -> None:
        super().__init__()
        self.job = job
        self.result = result
        self.assessment = assessment
        self.entry_id = entry_id


class CommandRated(Message, bubble=False):
    """The rating of `command` as shown for `job` (after an edit, or a command loaded again)."""

    def __init__(self, job: int, command: str, assessment: Assessment) -> None:
        super().__init__()
        self.job = job
        self.command = command
        self.assessment = assessment


class GenerationFailed(Message, bubble=False):
    def __init__(self, job: int, message: str, fix: str = "", cancelled: bool = False) -> None:
        super().__init__()
        self.job = job
        self.message = message
        self.fix = fix
        self.cancelled = cancelled


class RunOutput(Message, bubble=False):
    """A batch of output lines; `dropped` older lines of the flood were skipped before it."""

    def __init__(self, lines: Sequence[OutputLine], dropped: int = 0) -> None:
        super().__init__()
        self.lines = list(lines)
        self.dropped = dropped


class RunFinished(Message, bubble=False):
    def __init__(self, result: RunResult) -> None:
        super().__init__()
        self.result = result
