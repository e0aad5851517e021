"""The results pane: the streamed answer, the command it holds, its risk and timings, and the
output of running it. It only displays what the app's workers tell it; state lives in one
`Shown` record so the actions (copy, edit, run) read one place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, RichLog, Static

from tui.app import format, highlight
from tui.app.messages import (
    GenerationDone,
    GenerationFailed,
    RunFinished,
    RunOutput,
    StreamNote,
    StreamText,
)
from tui.app.widgets.stream import StreamView

if TYPE_CHECKING:
    from tui.core.generation import CommandResult
    from tui.core.runner import OutputLine, RunResult

RUN_LOG_LINES = 2000


@dataclass
class Shown:
    """What the pane currently shows."""

    job: int = 0
    backend: str = ""
    request: str = ""
    streamed: list[str] = field(default_factory=list)
    result: CommandResult | None = None
    command: str | None = None
    edited: bool = False
    busy: bool = False


class CommandEdited(Message):
    def __init__(self, command: str) -> None:
        super().__init__()
        self.command = command


class ResultsPane(Vertical):
    def __init__(self) -> None:
        super().__init__(id="results")
        self.shown = Shown()
        self.candidate = 0

    def compose(self) -> ComposeResult:
        yield Static(Text("Type a request and press Enter.", style="dim"), id="result-header")
        with VerticalScroll(id="stream-box"):
            yield StreamView(id="stream")
        yield Static("", id="command")
        yield Input(id="command-edit", placeholder="edit the command; Enter keeps it, Esc drops")
        with Horizontal(id="meta"):
            yield Static("not rated", id="risk", classes="risk -unrated")
            yield Static("", id="timings")
        yield Static("", id="notes")
        yield Static("", id="run-header")
        yield RichLog(id="run-log", max_lines=RUN_LOG_LINES, wrap=False, markup=False)

    # -- what the workers say -----------------------------------------------------------------

    def on_stream_text(self, message: StreamText) -> None:
        self.add_text(message.job, message.candidate, message.text, message.reasoning)

    def on_stream_note(self, message: StreamNote) -> None:
        self.note(message.job, message.text)

    def on_generation_done(self, message: GenerationDone) -> None:
        self.finish(message.job, message.result)

    def on_generation_failed(self, message: GenerationFailed) -> None:
        self.fail(message.job, message.message, message.fix, message.cancelled)

    def on_run_output(self, message: RunOutput) -> None:
        self.add_output(message.lines)

    def on_run_finished(self, message: RunFinished) -> None:
        self.end_run(message.result)

    # -- generation ---------------------------------------------------------------------------

    def begin(self, job: int, backend: str, request: str) -> None:
        self.shown = Shown(job=job, backend=backend, request=request, busy=True)
        self.candidate = 0
        self._header("generating…", "-busy")
        self.query_one("#stream", StreamView).set_text("")
        self.query_one("#command", Static).update("")
        self.set_class(False, "-has-command")
        self.set_class(False, "-plain-answer")
        self.set_class(False, "-finished")
        self._set_risk(None)
        self.query_one("#timings", Static).update("")
        self.query_one("#notes", Static).update("")
        self.stop_editing()

    def add_text(self, job: int, candidate: int, text: str, reasoning: str = "") -> None:
        if job != self.shown.job:
            return  # a batch from a generation that was replaced
        pieces = []
        if candidate != self.candidate:
            self.candidate = candidate
            pieces.append(f"\n— another answer ({candidate + 1}) —\n")
        pieces += [reasoning, text]
        self.shown.streamed += [piece for piece in pieces if piece]
        if self.query_one("#stream", StreamView).append("".join(pieces)):
            self.query_one("#stream-box", VerticalScroll).scroll_end(animate=False)

    def note(self, job: int, text: str) -> None:
        if job == self.shown.job:
            notes = self.query_one("#notes", Static)
            notes.update(Text(text, style="dim"))

    def finish(self, job: int, result: CommandResult) -> None:
        if job != self.shown.job:
            return
        self.shown.busy = False
        self.shown.result = result
        self.add_class("-finished")
        self.shown.command = result.command
        self.query_one("#stream", StreamView).set_text(result.raw or "(the model said nothing)")
        if result.command is None:
            self._header("no usable command", "-failed")
            self.query_one("#notes", Static).update(
                Text(f"{result.error}. The model's text is kept above.", style="bold")
            )
        else:
            self._header("done", "-done")
            self._show_command(result.command)
            # The raw text adds nothing when it is the command itself.
            self.set_class(result.raw.strip() == result.command, "-plain-answer")
            if result.warnings:
                self.query_one("#notes", Static).update(
                    Text("warning: " + "; ".join(result.warnings), style="italic")
                )
        self._set_risk(result.risk)
        timings = format.timings(result.timings)
        self.query_one("#timings", Static).update(
            f"{result.model} · {timings}" if result.model else timings
        )

    def fail(self, job: int, message: str, fix: str = "", cancelled: bool = False) -> None:
        if job != self.shown.job:
            return
        self.shown.busy = False
        self._header("cancelled" if cancelled else "failed", "-failed")
        text = Text(message, style="bold")
        if fix:
            text.append(f"\nfix: {fix}")
        self.query_one("#notes", Static).update(text)

    def _header(self, state: str, css: str) -> None:
        header = Text()
        if self.shown.backend:
            header.append(self.shown.backend, style="bold")
            header.append(f"  {state}")
            if self.shown.request:
                header.append(f"  «{self.shown.request}»", style="dim")
        header_widget = self.query_one("#result-header", Static)
        header_widget.update(header)
        for name in ("-busy", "-done", "-failed"):
            header_widget.set_class(name == css, name)

    def _show_command(self, command: str) -> None:
        dark = self.app.current_theme.dark
        syntax = highlight.shell(command, dark)
        self.query_one("#command", Static).update(syntax)
        self.set_class(True, "-has-command")

    def _set_risk(self, risk: dict[str, object] | None) -> None:
        badge = self.query_one("#risk", Static)
        level = str(risk.get("level", "")) if risk else ""
        for css in list(badge.classes):
            if css.startswith("-"):
                badge.remove_class(css)
        if not level:
            badge.update("not rated")
            badge.add_class("-unrated")
            return
        badge.update(f"risk: {level}")
        badge.add_class(f"-{level}")
        reasons = risk.get("reasons") if risk else None
        if isinstance(reasons, list) and reasons:
            badge.tooltip = "\n".join(str(reason) for reason in reasons)

    # -- editing in place ---------------------------------------------------------------------

    @property
    def editing(self) -> bool:
        return self.has_class("-editing")

    def start_editing(self) -> bool:
        if self.shown.command is None and self.shown.result is None:
            return False
        editor = self.query_one("#command-edit", Input)
        editor.value = self.shown.command or ""
        self.add_class("-editing")
        editor.focus()
        editor.cursor_position = len(editor.value)
        return True

    def stop_editing(self) -> None:
        self.remove_class("-editing")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        command = event.value.strip()
        self.stop_editing()
        if command and command != self.shown.command:
            self.shown.command = command
            self.shown.edited = True
            self._show_command(command)
            self._header("edited", "-done")
            self.post_message(CommandEdited(command))

    # -- running ------------------------------------------------------------------------------

    def begin_run(self, command: str, cwd: str) -> None:
        log = self.query_one("#run-log", RichLog)
        log.clear()
        self.add_class("-running", "-has-run")
        header = Text("running  ", style="bold")
        header.append(f"$ {command}")
        header.append(f"  in {cwd}", style="dim")
        self.query_one("#run-header", Static).update(header)

    def add_output(self, lines: Sequence[OutputLine]) -> None:
        text = Text()
        for index, line in enumerate(lines):
            if index:
                text.append("\n")
            text.append(line.text, style="red" if line.stream == "stderr" else "")
        self.query_one("#run-log", RichLog).write(text)

    def end_run(self, result: RunResult) -> None:
        self.remove_class("-running")
        style = "bold green" if result.ok else "bold red"
        header = Text(result.describe(), style=style)
        header.append(f"  $ {result.command}", style="dim")
        if result.truncated:
            header.append(f"  ({result.dropped_lines} earlier lines not kept)", style="dim")
        self.query_one("#run-header", Static).update(header)
