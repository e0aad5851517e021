"""The history screen: every request, its command as last edited, its risk and its runs.

Typing filters at once (every word must occur in the request or a command, any case: the same
search as `caro history WORDS`). Enter loads the highlighted entry into the workbench (its
request into the prompt, its command into the results, ready to edit, copy or accept), Ctrl+R
runs it again (through the same confirmation as any run, in the folder it was asked in), Ctrl+O
copies its command, Esc goes back.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from tui.app.keys import HISTORY_KEYS
from tui.app.ledger import Ledger
from tui.app.worker_failures import report_failed_worker
from tui.core.display import displayable, handed_over
from tui.core.history import Entry

SEARCH_LIMIT = 200
RISK_STYLES = {"safe": "green", "moderate": "yellow", "high": "red", "critical": "bold red"}


@dataclass(frozen=True)
class HistoryPick:
    """What the person chose: load the entry into the workbench, or run it again."""

    action: Literal["load", "run"]
    entry: Entry


def row(entry: Entry) -> Text:
    """One line of the list: when, risk, how it last ran, the command, the request."""
    text = Text(time.strftime("%m-%d %H:%M", time.localtime(entry.created_at)), style="dim")
    level = displayable(entry.risk_level or "—")
    text.append(f"  {level:<8}", style=RISK_STYLES.get(level, "dim"))
    last = entry.last_run
    text.append(f"  {last.describe() if last else 'not run':<10}", style="dim")
    text.append(f"  {displayable(entry.final_command or '(no command)')}")
    text.append(f"   «{displayable(entry.request)}»", style="dim")
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


def detail(entry: Entry) -> Text:
    """Everything about one entry, for the pane below the list."""
    text = Text(f"#{entry.id}  ", style="bold")
    text.append(displayable(entry.request))
    text.append(f"\nasked in {displayable(entry.cwd)}", style="dim")
    if entry.backend:
        model = f" · {entry.model}" if entry.model else ""
        text.append(displayable(f" · {entry.backend}{model}"), "dim")
    if entry.final_command:
        text.append("\n$ ", style="dim")
        text.append(handed_over(entry.final_command), style="bold")
        if entry.edits:
            said = displayable(entry.command or "")
            text.append(f"   (edited; the model said: {said})", style="dim")
    elif entry.error:
        text.append(f"\nno usable command: {displayable(entry.error)}", style="italic")
    if entry.risk_level:
        level = displayable(entry.risk_level)
        text.append(f"\nrisk: {level}", style=RISK_STYLES.get(entry.risk_level, ""))
        for reason in entry.risk_reasons[:3]:
            text.append(f"\n  • {displayable(reason)}", style="dim")
    for run in entry.runs[-3:]:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(run.started_at))
        text.append(f"\nran {when}: {run.describe()}", style="dim")
        if run.duration_s is not None:
            text.append(f" after {run.duration_s:.2f} s", style="dim")
    return text


class HistoryScreen(Screen[HistoryPick | None]):
    BINDINGS: ClassVar[list[BindingType]] = list(HISTORY_KEYS)

    def __init__(self, ledger: Ledger, copy: Callable[[str], Awaitable[None]]) -> None:
        super().__init__(id="history")
        self.ledger = ledger
        self.copy = copy
        self.entries: list[Entry] = []
        self.searches = 0  # how many searches have come back (tests wait on it)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(event, self.notify)

    def compose(self) -> ComposeResult:
        yield Static(Text("History", style="bold"), id="history-title")
        yield Input(
            id="history-filter",
            placeholder="filter: words of the request or the command  (Enter: load · Esc: back)",
        )
        yield OptionList(id="history-list")
        yield Static("", id="history-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#history-filter", Input).focus()
        self._search("")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._search(event.value)

    def _search(self, text: str) -> None:
        self.run_worker(
            self._load(text), group="history-search", exclusive=True, exit_on_error=False
        )

    async def _load(self, text: str) -> None:
        entries = await self.ledger.search(text, limit=SEARCH_LIMIT)
        self.entries = entries
        listing = self.query_one("#history-list", OptionList)
        listing.clear_options()
        listing.add_options([Option(row(entry), id=str(entry.id)) for entry in entries])
        if entries:
            listing.highlighted = 0
        self._title(text)
        self._show_detail()
        self.searches += 1

    def _title(self, text: str) -> None:
        title = Text("History  ", style="bold")
        count = len(self.entries)
        noun = "entry" if count == 1 else "entries"
        found = f"{count}{'+' if count >= SEARCH_LIMIT else ''} {noun}"
        words = displayable(text.strip())
        title.append(f"{found} with every word of «{words}»" if words else found)
        self.query_one("#history-title", Static).update(title)

    @property
    def highlighted(self) -> Entry | None:
        index = self.query_one("#history-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.entries):
            return None
        return self.entries[index]

    def _show_detail(self) -> None:
        entry = self.highlighted
        shown = detail(entry) if entry else Text("nothing matches", style="dim")
        self.query_one("#history-detail", Static).update(shown)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_pick("load")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_pick("load")

    def action_move(self, step: int) -> None:
        listing = self.query_one("#history-list", OptionList)
        if step < 0:
            listing.action_cursor_up()
        else:
            listing.action_cursor_down()

    def action_pick(self, action: Literal["load", "run"]) -> None:
        entry = self.highlighted
        if entry is None:
            self.notify("no entry is highlighted", severity="warning")
            return
        if action == "run" and not entry.final_command:
            self.notify(f"entry #{entry.id} has no command to run", severity="warning")
            return
        self.dismiss(HistoryPick(action, entry))

    async def action_copy(self) -> None:
        entry = self.highlighted
        if entry is None or not entry.final_command:
            self.notify("no command to copy here", severity="warning")
            return
        await self.copy(entry.final_command)

    def action_close(self) -> None:
        self.dismiss(None)
