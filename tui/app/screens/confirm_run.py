"""Asks before running: shows the exact command, where it runs and with which shell."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.app import highlight


class ConfirmRunScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "dismiss(False)", "Don't run", id="confirm.cancel"),
        Binding("y", "dismiss(True)", "Run it", id="confirm.run"),
    ]

    def __init__(self, command: str, cwd: str, shell: str, risk: str = "") -> None:
        super().__init__(id="confirm-run")
        self.command = command
        self.cwd = cwd
        self.shell = shell
        self.risk = risk

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(Text("Run this command?", style="bold"), id="confirm-title")
            dark = self.app.current_theme.dark
            yield Static(
                highlight.shell(self.command, dark),
                id="confirm-command",
            )
            where = Text("in ", style="dim")
            where.append(self.cwd)
            where.append("  with ", style="dim")
            where.append(self.shell)
            yield Static(where, id="confirm-where")
            yield Static(Text(self.risk or "risk: not rated", style="italic"), id="confirm-risk")
            with Horizontal(id="confirm-buttons"):
                yield Button("Run  (y)", id="confirm-yes", variant="warning")
                yield Button("Cancel  (n / Esc)", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")
