"""The performance table in the workbench: `perf.bench` backend by backend, each row shown as
it arrives, with bar charts of decode speed and first-answer time.

The bench builds its own backends (a registry of its own, closed at the end), as `caro bench`
does, so the load time and memory are measured from cold and the figures match the CLI's.
It runs in an async worker; embedded engines generate in their own thread. Esc stops it.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import Worker

from tui.app.widgets.bars import BarChart, Chart, Measure
from tui.app.worker_failures import report_failed_worker
from tui.core.backends.registry import Registry
from tui.core.config import Config
from tui.core.display import safe_message
from tui.core.measure import perf
from tui.core.measure.perf import BenchRow
from tui.present import BENCH_COLUMNS, bench_cells, seconds, size


class BenchStep(Message, bubble=False):
    def __init__(self, backend: str, what: str) -> None:
        super().__init__()
        self.backend = backend
        self.what = what


class BenchRowDone(Message, bubble=False):
    def __init__(self, row: BenchRow) -> None:
        super().__init__()
        self.row = row


class BenchFinished(Message, bubble=False):
    def __init__(self, cancelled: bool = False) -> None:
        super().__init__()
        self.cancelled = cancelled


def charts(rows: Sequence[BenchRow]) -> list[Chart]:
    """Decode speed (longer is faster) and the first answer after loading (shorter is faster)."""
    measured = [row for row in rows if row.ok]
    speed = tuple(
        Measure(
            row.backend,
            row.tokens_per_s,
            f"{row.tokens_per_s:.1f} tok/s" if row.tokens_per_s is not None else "n/a",
        )
        for row in measured
    )
    first = tuple(
        Measure(row.backend, row.first_s, seconds(row.first_s) if row.first_s else "n/a")
        for row in measured
    )
    return [
        Chart("tokens per second  (longer is faster)", speed, higher_is_better=True),
        Chart("first answer after loading  (shorter is faster)", first, higher_is_better=False),
    ]


def row_cells(row: BenchRow) -> list[Text]:
    """The CLI's cells; a backend that could not be timed says only how (the why is below)."""
    if row.ok:
        *timed, _memory = bench_cells(row)
        return [Text(cell) for cell in timed] + [Text(memory_cell(row))]
    blank = [Text("")] * (len(BENCH_COLUMNS) - 2)
    return [Text(row.backend, style="dim"), Text(row.status, style="bold"), *blank]


def memory_cell(row: BenchRow) -> str:
    """The figure alone (where it comes from is said under the charts)."""
    if row.memory_bytes is None:
        return "n/a"
    return size(row.memory_bytes) + (" (GPU)" if "GPU" in row.memory_source else "")


def problems(rows: Sequence[BenchRow]) -> Text:
    lines = [
        Text.assemble((f"{row.backend} {row.status}: ", "bold"), safe_message(row.detail))
        for row in rows
        if not row.ok
    ]
    return Text("\n").join(lines)


def footnote(runs: int) -> str:
    return (
        f"next, ttft and tok/s: median of {runs} requests after the first; first: the first "
        "request after loading; memory: the growth of caro's resident memory over the load "
        "(embedded engines), what Ollama's /api/ps reports (Ollama) · "
        f"{os.cpu_count()} CPU(s), {platform.system()} {platform.machine()} · "
        "the same figures as caro bench"
    )


class BenchScreen(Screen[None]):
    DEFAULT_CSS = """
    BenchScreen { padding: 1 2 0 2; }
    #bench-header { height: auto; }
    #bench-status { height: auto; color: $accent; margin: 0 0 1 0; }
    #bench-status.-finished { color: $text-muted; }
    #bench-table { height: auto; max-height: 12; }
    #bench-problems { height: auto; color: $text-muted; }
    #bench-chart { margin: 1 0 0 0; }
    #bench-note { height: auto; color: $text-muted; margin: 1 0 0 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back (stops the bench)", id="bench.back"),
        Binding("r", "rerun", "Run again", id="bench.rerun"),
    ]

    def __init__(self, config: Config, *, runs: int = 3, names: Sequence[str] = ()) -> None:
        super().__init__(id="bench")
        self.config = config
        self.runs = runs
        self.names = list(names)
        self.rows: list[BenchRow] = []
        self.running = False

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(event, self.notify)

    def compose(self) -> ComposeResult:
        header = Text("Performance  ", style="bold")
        header.append("caro's own kind of request, timed on this machine", style="dim")
        yield Static(header, id="bench-header")
        yield Static("", id="bench-status")
        yield DataTable(id="bench-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="bench-problems")
        yield BarChart(id="bench-chart")
        yield Static(footnote(self.runs), id="bench-note")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for column in BENCH_COLUMNS:
            table.add_column(column, key=column)
        self.start()

    def start(self) -> None:
        self.rows = []
        self.running = True
        self.query_one(DataTable).clear()
        self.query_one(BarChart).show(charts(self.rows))
        self.query_one("#bench-problems", Static).update("")
        self._status("checking the backends…", finished=False)
        self.run_worker(self._bench(), group="bench", exclusive=True, exit_on_error=False)

    async def _bench(self) -> None:
        registry = Registry(self.config)
        cancelled = True
        try:
            for name in self.names or registry.auto_order():
                self.post_message(BenchRowDone(await self._one(registry, name)))
            cancelled = False
        finally:
            self.post_message(BenchFinished(cancelled))
            await registry.aclose()

    async def _one(self, registry: Registry, name: str) -> BenchRow:
        def step(backend: str, what: str) -> None:
            self.post_message(BenchStep(backend, what))

        try:
            rows = await perf.bench(registry, [name], runs=self.runs, on_step=step)
        except Exception as error:  # noqa: BLE001 - one backend's crash is its row, not the end
            kind = self.config.backend(name).kind
            return BenchRow(name, kind, status="failed", detail=f"{type(error).__name__}: {error}")
        return rows[0]

    # -- what the worker tells ------------------------------------------------------------------

    def on_bench_step(self, message: BenchStep) -> None:
        table = self.query_one(DataTable)
        if message.backend not in table.rows:
            table.add_row(message.backend, Text("measuring…", style="italic"), key=message.backend)
        self._status(f"{message.backend}: {message.what}", finished=False)

    def on_bench_row_done(self, message: BenchRowDone) -> None:
        row = message.row
        self.rows.append(row)
        table = self.query_one(DataTable)
        if row.backend in table.rows:
            table.remove_row(row.backend)
        table.add_row(*row_cells(row), key=row.backend)
        self.query_one(BarChart).show(charts(self.rows))
        self.query_one("#bench-problems", Static).update(problems(self.rows))

    def on_bench_finished(self, message: BenchFinished) -> None:
        self.running = False
        measured = sum(1 for row in self.rows if row.ok)
        if message.cancelled:
            self._status("stopped", finished=True)
        elif measured == 0:
            self._status("no backend could be measured (see the rows)", finished=True)
        else:
            self._status(f"done: {measured} backend(s) measured · r runs it again", finished=True)

    def _status(self, text: str, *, finished: bool) -> None:
        status = self.query_one("#bench-status", Static)
        status.update(Text(safe_message(text)))
        status.set_class(finished, "-finished")

    # -- keys -----------------------------------------------------------------------------------

    def action_rerun(self) -> None:
        if self.running:
            self.notify("the bench is still running", severity="warning")
            return
        self.start()

    def action_back(self) -> None:
        self.workers.cancel_group(self, "bench")
        self.dismiss(None)
