"""The results pane: the streamed answer, the command it holds, its risk and timings, and the
output of running it. It only displays what the workers tell it, keeping what it shows in one
`Shown` record that the main screen owns and hands in: the actions (copy, edit, run) read the
screen's record, not the widget."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, RichLog, Static

from tui.app import format, highlight
from tui.app.jobs import RUN_LOG_LINES
from tui.app.messages import (
    CommandRated,
    GenerationDone,
    GenerationFailed,
    RunFinished,
    RunOutput,
    StreamNote,
    StreamText,
)
from tui.app.widgets.stream import StreamView
from tui.core.display import displayable, displayable_output, handed_over, safe_message

if TYPE_CHECKING:
    from tui.core.generation.pipeline import CommandResult
    from tui.core.history import Entry
    from tui.core.run.runner import OutputLine, RunResult
    from tui.core.safety import Assessment

MAX_REASONS_SHOWN = 4
MAX_NOTES_SHOWN = 4


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
    # The rating of `command` as it stands (None while an edit is being rated).
    assessment: Assessment | None = None
    # The history entry the command belongs to (None: not recorded).
    entry_id: int | None = None
    # The folder the request was made in: where the command runs.
    cwd: str = ""

    def reset(self, job: int, backend: str, request: str, cwd: str) -> None:
        """Starts over for a new answer, in place (the screen keeps this very record)."""
        fresh = Shown(job=job, backend=backend, request=request, busy=True, cwd=cwd)
        for item in fields(self):
            setattr(self, item.name, getattr(fresh, item.name))

    def rating_for(self, command: str) -> Assessment | None:
        """The shown rating, if it is the rating of `command`."""
        if self.assessment is not None and self.assessment.command == command:
            return self.assessment
        return None


class CommandEdited(Message):
    def __init__(self, command: str) -> None:
        super().__init__()
        self.command = command


class ResultsPane(Vertical):
    def __init__(self, shown: Shown | None = None) -> None:
        super().__init__(id="results")
        self.shown = Shown() if shown is None else shown
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
        yield Static("", id="risk-detail")
        yield Static("", id="notes")
        yield Static("", id="run-header")
        yield RichLog(id="run-log", max_lines=RUN_LOG_LINES, wrap=False, markup=False)

    # -- what the workers say -----------------------------------------------------------------

    def on_stream_text(self, message: StreamText) -> None:
        self.add_text(message.job, message.candidate, message.text, message.reasoning)

    def on_stream_note(self, message: StreamNote) -> None:
        self.note(message.job, message.text)

    def on_generation_done(self, message: GenerationDone) -> None:
        self.finish(message.job, message.result, message.assessment, message.entry_id)

    def on_command_rated(self, message: CommandRated) -> None:
        self.show_rating(message.job, message.command, message.assessment)

    def on_generation_failed(self, message: GenerationFailed) -> None:
        self.fail(message.job, message.message, message.fix, message.cancelled)

    def on_run_output(self, message: RunOutput) -> None:
        self.add_output(message.lines, message.dropped)

    def on_run_finished(self, message: RunFinished) -> None:
        self.end_run(message.result)

    # -- generation ---------------------------------------------------------------------------

    def begin(self, job: int, backend: str, request: str, cwd: str = "") -> None:
        self.shown.reset(job, backend, request, cwd)
        self.candidate = 0
        self._header("generating…", "-busy")
        self.query_one("#stream", StreamView).set_text("")
        self.query_one("#command", Static).update("")
        self.set_class(False, "-has-command")
        self.set_class(False, "-plain-answer")
        self.set_class(False, "-finished")
        self._show_rating(None)
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
        pieces += [displayable(reasoning, multiline=True), displayable(text, multiline=True)]
        self.shown.streamed += [piece for piece in pieces if piece]
        if self.query_one("#stream", StreamView).append("".join(pieces)):
            self.query_one("#stream-box", VerticalScroll).scroll_end(animate=False)

    def note(self, job: int, text: str) -> None:
        if job == self.shown.job:
            notes = self.query_one("#notes", Static)
            notes.update(Text(safe_message(text, multiline=True), style="dim"))

    def finish(
        self,
        job: int,
        result: CommandResult,
        assessment: Assessment | None = None,
        entry_id: int | None = None,
    ) -> None:
        if job != self.shown.job:
            return
        self.shown.busy = False
        self.shown.result = result
        self.shown.assessment = assessment
        self.shown.entry_id = entry_id
        self.add_class("-finished")
        self.shown.command = result.command
        raw = displayable(result.raw, multiline=True)
        self.query_one("#stream", StreamView).set_text(raw or "(the model said nothing)")
        if result.command is None:
            self._header("no usable command", "-failed")
            self.query_one("#notes", Static).update(
                Text(f"{displayable(result.error)}. The model's text is kept above.", style="bold")
            )
        else:
            self._header("done, cut at max_tokens ✂" if result.truncated else "done", "-done")
            self._show_command(result.command)
            # The raw text adds nothing when it is the command itself.
            self.set_class(result.raw.strip() == result.command, "-plain-answer")
            if result.warnings:
                self.query_one("#notes", Static).update(
                    Text("warning: " + displayable("; ".join(result.warnings)), style="italic")
                )
        self._show_rating(assessment, rating=result.command is not None and assessment is None)
        timings = format.timings(result.timings)
        self.query_one("#timings", Static).update(
            Text(f"{displayable(result.model)} · {timings}" if result.model else timings)
        )

    def fail(self, job: int, message: str, fix: str = "", cancelled: bool = False) -> None:
        if job != self.shown.job:
            return
        self.shown.busy = False
        self._header("cancelled" if cancelled else "failed", "-failed")
        text = Text(safe_message(message, multiline=True), style="bold")
        if fix:
            text.append(f"\nfix: {safe_message(fix, multiline=True)}")
        self.query_one("#notes", Static).update(text)

    def _header(self, state: str, css: str) -> None:
        header = Text()
        if self.shown.backend:
            header.append(self.shown.backend, style="bold")
            header.append(f"  {state}")
            if self.shown.request:
                header.append(f"  «{displayable(self.shown.request)}»", style="dim")
        header_widget = self.query_one("#result-header", Static)
        header_widget.update(header)
        for name in ("-busy", "-done", "-failed"):
            header_widget.set_class(name == css, name)

    def _show_command(self, command: str) -> None:
        dark = self.app.current_theme.dark
        syntax = highlight.shell(handed_over(command), dark)
        self.query_one("#command", Static).update(syntax)
        self.set_class(True, "-has-command")

    def show_rating(self, job: int, command: str, assessment: Assessment) -> None:
        """Shows `assessment` if it rates the command shown for `job` (not an older one)."""
        if job != self.shown.job or command != self.shown.command:
            return
        self.shown.assessment = assessment
        self._show_rating(assessment)

    def _show_rating(self, assessment: Assessment | None, *, rating: bool = False) -> None:
        badge = self.query_one("#risk", Static)
        for css in list(badge.classes):
            if css.startswith("-"):
                badge.remove_class(css)
        detail = self.query_one("#risk-detail", Static)
        if assessment is None:
            badge.update("rating…" if rating else "not rated")
            badge.add_class("-unrated")
            badge.tooltip = None
            detail.update("")
            detail.display = False
            return
        level = assessment.level.label
        badge.update(f"risk: {level}")
        badge.add_class(f"-{level}")
        reasons = "\n".join(displayable(reason) for reason in assessment.reasons)
        badge.tooltip = Text(reasons or "nothing risky found")
        text = risk_detail(assessment)
        detail.update(text)
        detail.display = bool(text.plain)

    # -- editing in place ---------------------------------------------------------------------

    @property
    def editing(self) -> bool:
        return self.has_class("-editing")

    def start_editing(self) -> bool:
        if self.shown.command is None and self.shown.result is None:
            return False
        editor = self.query_one("#command-edit", Input)
        editor.value = displayable(self.shown.command or "")  # what is shown is what is edited
        self.add_class("-editing")
        editor.focus()
        editor.cursor_position = len(editor.value)
        return True

    def stop_editing(self) -> None:
        self.remove_class("-editing")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.keep_edit()

    def keep_edit(self, *, announce: bool = True) -> str | None:
        """Ends editing, keeping the editor's text as the command; the new command, if it
        changed. `announce` posts CommandEdited (the app records the edit and has it rated);
        a caller that records it itself passes False."""
        command = self.query_one("#command-edit", Input).value.strip()
        was_editing = self.editing
        self.stop_editing()
        if not was_editing or not command or command == self.shown.command:
            return None
        self.shown.command = command
        self.shown.edited = True
        self.shown.assessment = None
        self._show_command(command)
        self._header("edited", "-done")
        self._show_rating(None, rating=True)
        if announce:
            self.post_message(CommandEdited(command))
        return command

    # -- an entry of the history --------------------------------------------------------------

    def show_entry(self, job: int, entry: Entry) -> None:
        """Shows a command from the history, as the person last left it (rated afresh later)."""
        self.begin(job, entry.backend or "history", entry.request, entry.cwd)
        self.shown.busy = False
        self.shown.entry_id = entry.id
        self.shown.command = entry.final_command
        self.shown.edited = bool(entry.edits)
        self.add_class("-finished")
        self.query_one("#stream", StreamView).set_text(displayable(entry.raw or "", multiline=True))
        self.set_class(True, "-plain-answer")
        if entry.final_command is None:
            self._header(f"history #{entry.id}: no usable command", "-failed")
            self.query_one("#notes", Static).update(
                Text(displayable(entry.error or ""), style="bold")
            )
            return
        self._header(f"from the history (#{entry.id})", "-done")
        self._show_command(entry.final_command)
        self._show_rating(None, rating=True)
        where = Text(f"asked in {displayable(entry.cwd)}", style="dim")
        self.query_one("#timings", Static).update(where)

    # -- running ------------------------------------------------------------------------------

    def begin_run(self, command: str, cwd: str) -> None:
        log = self.query_one("#run-log", RichLog)
        log.clear()
        self.add_class("-running", "-has-run")
        header = Text("running  ", style="bold")
        header.append(f"$ {displayable(command)}")
        header.append(f"  in {displayable(cwd)}  (Esc stops it)", style="dim")
        self.query_one("#run-header", Static).update(header)

    def add_output(self, lines: Sequence[OutputLine], skipped: int = 0) -> None:
        """Appends a batch (the log keeps its last RUN_LOG_LINES lines)."""
        log = self.query_one("#run-log", RichLog)
        if skipped:
            log.write(Text(f"… {skipped} lines skipped …", style="dim italic"))
        if not lines:
            return
        text = Text()
        for index, line in enumerate(lines):
            if index:
                text.append("\n")
            # The person ran it: its colours stay, any other escape is shown, not acted on.
            shown = displayable_output(line.text)
            text.append_text(Text.from_ansi(shown, style="red" if line.stream == "stderr" else ""))
        log.write(text)

    def end_run(self, result: RunResult) -> None:
        self.remove_class("-running")
        style = "bold green" if result.ok else "bold red"
        header = Text(result.describe(), style=style)
        header.append(f"  $ {displayable(result.command)}", style="dim")
        if result.truncated:
            header.append(f"  ({result.dropped_lines} earlier lines not kept)", style="dim")
        self.query_one("#run-header", Static).update(header)


def risk_detail(assessment: Assessment) -> Text:
    """The reasons (most severe first) and the pre-flight notes, a few of each."""
    text = Text()
    lines: list[tuple[str, str]] = [(f"• {displayable(r)}", "") for r in assessment.reasons]
    lines = lines[:MAX_REASONS_SHOWN]
    if len(assessment.reasons) > MAX_REASONS_SHOWN:
        lines.append((f"• and {len(assessment.reasons) - MAX_REASONS_SHOWN} more", "dim"))
    notes = [(f"note: {displayable(n)}", "dim italic") for n in assessment.notes[:MAX_NOTES_SHOWN]]
    if len(assessment.notes) > MAX_NOTES_SHOWN:
        notes.append((f"note: and {len(assessment.notes) - MAX_NOTES_SHOWN} more", "dim italic"))
    for index, (line, style) in enumerate(lines + notes):
        if index:
            text.append("\n")
        text.append(line, style=style)
    return text
