"""Compare: one request sent to several backends at once, the answers side by side.

Each backend streams in its own async worker, so the wall time is that of the slowest one, not
the sum; backends that share one engine thread take turns, so "one after another" adds up
their engines' work, not their waits (see tui.core.measure.wall_time). The person picks an answer
with its number (or Enter on the highlighted one).
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker

from tui.app import format, highlight, jobs
from tui.app.engines import Engines
from tui.app.keys import COMPARE_KEYS
from tui.app.messages import GenerationDone, GenerationFailed, StreamText
from tui.app.widgets.stream import StreamView
from tui.app.worker_failures import report_failed_worker
from tui.core.backends.base import ModelInfo, Timings
from tui.core.display import displayable, handed_over, safe_message
from tui.core.generation.pipeline import CommandResult
from tui.core.measure.wall_time import Span, one_after_another, wall_time


class CandidateColumn(Vertical):
    def __init__(self, number: int, backend: str) -> None:
        super().__init__(classes="candidate -busy", id=f"candidate-{number}")
        self.number = number
        self.backend = backend
        self.streamed: list[str] = []
        self.result: CommandResult | None = None

    def compose(self) -> ComposeResult:
        title = Text(f"{self.number} ", style="dim")
        title.append(self.backend, style="bold")
        yield Static(title, classes="candidate-title")
        with VerticalScroll(classes="candidate-stream-box"):
            yield StreamView(classes="candidate-stream")
        yield Static("", classes="candidate-command")
        yield Static(Text("generating…", style="dim"), classes="candidate-meta")

    def on_stream_text(self, message: StreamText) -> None:
        self.streamed.append(message.text)
        shown = displayable(message.text, multiline=True)
        self.query_one(".candidate-stream", StreamView).append(shown)

    def on_generation_done(self, message: GenerationDone) -> None:
        result = message.result
        self.result = result
        self.remove_class("-busy")
        self.query_one(".candidate-stream", StreamView).set_text(
            displayable(result.raw, multiline=True)
        )
        meta = Text(format.timings(result.timings))
        if result.command is None:
            self.add_class("-failed")
            error = displayable(result.error)
            meta = Text(f"no usable command: {error}\n", style="bold") + meta
        else:
            self.set_class(result.raw.strip() == result.command, "-plain-answer")
            dark = self.app.current_theme.dark
            self.query_one(".candidate-command", Static).update(
                highlight.shell(handed_over(result.command), dark)
            )
        self.query_one(".candidate-meta", Static).update(meta)

    def on_generation_failed(self, message: GenerationFailed) -> None:
        self.remove_class("-busy")
        self.add_class("-failed")
        said = "cancelled" if message.cancelled else safe_message(message.message, multiline=True)
        text = Text(said, style="bold")
        if message.fix:
            text.append(f"\nfix: {safe_message(message.fix, multiline=True)}")
        self.query_one(".candidate-meta", Static).update(text)


class CompareScreen(Screen[CommandResult | None]):
    BINDINGS: ClassVar[list[BindingType]] = list(COMPARE_KEYS)

    def __init__(
        self,
        engines: Engines,
        request: str,
        backends: Sequence[str],
        models: Mapping[str, ModelInfo | None],
    ) -> None:
        super().__init__(id="compare")
        self.engines = engines
        self.request = request
        self.backends = list(backends)
        self.models = dict(models)
        self.highlighted = 1
        # perf_counter at which each backend started and finished (the wall time is their span).
        self.spans: dict[str, tuple[float, float | None]] = {}
        # Each answer's timings (the engine's own working time), once it has one.
        self.timings: dict[str, Timings | None] = {}

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(event, self.notify)

    def compose(self) -> ComposeResult:
        header = Text("Compare  ", style="bold")
        header.append(f"«{self.request}»  ")
        header.append(f"on {len(self.backends)} backends at once", style="dim")
        yield Static(header, id="compare-header")
        with Horizontal(id="compare-columns"):
            for number, name in enumerate(self.backends, start=1):
                yield CandidateColumn(number, name)
        yield Static(Text("waiting for every answer…", style="dim"), id="compare-summary")
        yield Footer()

    def on_mount(self) -> None:
        self._highlight()
        for number, name in enumerate(self.backends, start=1):
            column = self.query_one(f"#candidate-{number}", CandidateColumn)
            self.run_worker(
                self._generate(name, column),
                group="compare",
                name=f"compare:{name}",
                exit_on_error=False,
            )

    async def _generate(self, name: str, column: CandidateColumn) -> None:
        started = time.perf_counter()
        self.spans[name] = (started, None)
        try:
            result = await jobs.stream_generation(
                self.engines, column, 0, name, self.models.get(name), self.request
            )
            self.timings[name] = result.timings if result is not None else None
        finally:
            self.spans[name] = (started, time.perf_counter())
            self._summarise()

    def _summarise(self) -> None:
        spans = self._finished_spans()
        if len(spans) < len(self.backends):
            return
        wall = format.seconds(wall_time(spans))
        serial = format.seconds(one_after_another(spans))
        summary = Text(f"all answered: wall time {wall}", style="bold")
        summary.append(f"  (one after another it would be {serial})", style="dim")
        summary.append("   pick one with its number, or Enter", style="dim")
        self.query_one("#compare-summary", Static).update(summary)

    def _finished_spans(self) -> list[Span]:
        return [
            Span(start, end, self.timings.get(name))
            for name, (start, end) in self.spans.items()
            if end is not None
        ]

    @property
    def wall_time_s(self) -> float | None:
        spans = self._finished_spans()
        return wall_time(spans) if self.spans and len(spans) == len(self.spans) else None

    @property
    def one_after_another_s(self) -> float | None:
        """What the same answers would take asked one after another (their engines' work)."""
        spans = self._finished_spans()
        return one_after_another(spans) if self.spans and len(spans) == len(self.spans) else None

    def _highlight(self) -> None:
        for column in self.query(CandidateColumn):
            column.set_class(column.number == self.highlighted, "-highlighted")

    def action_move(self, step: int) -> None:
        self.highlighted = (self.highlighted - 1 + step) % len(self.backends) + 1
        self._highlight()

    def action_pick(self, number: int) -> None:
        if not 1 <= number <= len(self.backends):
            return
        column = self.query_one(f"#candidate-{number}", CandidateColumn)
        if column.result is None:
            self.notify(f"{column.backend} has no answer yet", severity="warning")
            return
        self.workers.cancel_group(self, "compare")
        self.dismiss(column.result)

    def action_pick_highlighted(self) -> None:
        self.action_pick(self.highlighted)

    def action_close(self) -> None:
        self.workers.cancel_group(self, "compare")
        self.dismiss(None)
