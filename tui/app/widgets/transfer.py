"""A download as the models screen shows it: a progress bar with speed and time left, then the
outcome (done, cancelled, or the failure with its fix).

It only displays what it is told; the screen feeds it from `PullProgress` messages, which the
downloading thread posts (never touching this widget itself).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ProgressBar, Static

from tui.core.display import displayable, safe_message
from tui.core.models.progress import ProgressState
from tui.present import duration, size


class PullProgress(Message, bubble=False):
    """How far a download got (posted from the downloading thread)."""

    def __init__(self, name: str, state: ProgressState) -> None:
        super().__init__()
        self.name = name
        self.state = state


class PullEnded(Message, bubble=False):
    """A download finished, failed or was cancelled; `path` is set when the model is on disk."""

    def __init__(
        self,
        name: str,
        *,
        path: str = "",
        summary: str = "",
        error: str = "",
        fix: str = "",
        reason: str = "",
    ) -> None:
        super().__init__()
        self.name = name
        self.path = path
        self.summary = summary
        self.error = error
        self.fix = fix
        self.reason = reason

    @property
    def ok(self) -> bool:
        return not self.error


def progress_line(state: ProgressState) -> str:
    """12 MB of 400 MB · 5.2 MB/s · 1m13s left (or what is happening when not downloading)."""
    if state.phase == "verifying":
        return f"checking {state.label}'s checksum…"
    if state.phase == "done":
        return "moving into place…"
    amount = size(state.done) or "0 B"
    if state.total:
        amount += f" of {size(state.total)}"
    parts = [amount]
    parts.append(f"{size(int(state.speed_bps))}/s" if state.speed_bps else "measuring speed")
    if state.eta_s is not None:
        parts.append(f"{duration(state.eta_s)} left")
    if state.files_total > 1:
        parts.append(f"file {min(state.files_done + 1, state.files_total)} of {state.files_total}")
    return " · ".join(parts)


class DownloadPanel(Vertical):
    """Hidden until a download starts; stays after it ends to tell how it ended."""

    DEFAULT_CSS = """
    DownloadPanel {
        display: none;
        height: auto;
        border: round $primary 60%;
        padding: 0 1;
    }
    DownloadPanel.-active { display: block; }
    DownloadPanel.-failed { border: round $error; }
    DownloadPanel.-done { border: round $success; }
    DownloadPanel ProgressBar { margin: 0; }
    DownloadPanel #download-title { text-style: bold; }
    DownloadPanel #download-line { color: $text-muted; }
    """

    def __init__(self) -> None:
        super().__init__(id="download")
        self.name_shown = ""
        self.busy = False

    def compose(self) -> ComposeResult:
        yield Static("", id="download-title")
        yield ProgressBar(total=None, show_eta=False, id="download-bar")
        yield Static("", id="download-line")

    def start(self, name: str) -> None:
        self.name_shown, self.busy = name, True
        self.set_classes("-active")
        self._bar.display = True
        self._bar.update(total=None, progress=0)
        self._title.update(Text(f"Downloading {name}  ", style="bold") + _hint("Esc cancels"))
        self._line.update("asking the Hub…")

    def show(self, state: ProgressState) -> None:
        if not self.busy:
            return  # a late event after the end
        if state.total:
            self._bar.update(total=state.total, progress=min(state.done, state.total))
        title = Text(f"Downloading {self.name_shown}", style="bold")
        if state.label:
            title.append(f"  {state.label}", style="dim")
        title.append("  ")
        self._title.update(title + _hint("Esc cancels"))
        self._line.update(progress_line(state))

    def cancelling(self) -> None:
        self._line.update("cancelling… (at the next bytes that arrive)")

    def end(self, message: PullEnded) -> None:
        self.busy = False
        self._bar.display = message.ok
        if message.ok:
            self.set_classes("-active -done")
            self._bar.update(total=1, progress=1)
            self._title.update(Text(f"{displayable(message.name)} is on disk", style="bold"))
            self._line.update(Text(safe_message(message.summary)))
            return
        self.set_classes("-active -failed")
        title = "cancelled" if message.reason == "cancelled" else "download failed"
        self._title.update(Text(f"{displayable(message.name)}: {title}", style="bold"))
        text = Text(safe_message(message.error, multiline=True))
        if message.fix:
            text.append("\nfix: ", style="bold")
            text.append(safe_message(message.fix, multiline=True))
        self._line.update(text)

    @property
    def _bar(self) -> ProgressBar:
        return self.query_one("#download-bar", ProgressBar)

    @property
    def _title(self) -> Static:
        return self.query_one("#download-title", Static)

    @property
    def _line(self) -> Static:
        return self.query_one("#download-line", Static)


def _hint(text: str) -> Text:
    return Text(f"({text})", style="dim italic")
