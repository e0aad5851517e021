"""Asks before a model is deleted from the models folder: which one, where, how much it frees."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.app import model_view
from tui.core.display import displayable
from tui.core.models.inventory import ModelRecord


class ConfirmRemoveScreen(ModalScreen[bool]):
    DEFAULT_CSS = """
    ConfirmRemoveScreen {
        align: center middle;
        background: $background 60%;
    }
    #remove-dialog {
        width: 84;
        max-width: 95%;
        height: auto;
        border: thick $error;
        background: $surface;
        padding: 1 2;
    }
    #remove-where { color: $text-muted; margin: 1 0 0 0; }
    #remove-buttons { height: auto; align: right middle; margin: 1 0 0 0; }
    #remove-buttons Button { margin: 0 0 0 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "dismiss(False)", "Keep it", id="remove.cancel"),
        Binding("y", "dismiss(True)", "Delete it", id="remove.confirm"),
    ]

    def __init__(self, record: ModelRecord) -> None:
        super().__init__(id="confirm-remove")
        self.record = record

    def compose(self) -> ComposeResult:
        record = self.record
        with Vertical(id="remove-dialog"):
            title = Text("Delete ", style="bold")
            title.append(displayable(record.name), style="bold")
            title.append(f"  ({model_view.size_cell(record)})?", style="bold")
            yield Static(title, id="remove-title")
            yield Static(Text(displayable(str(record.path))), id="remove-where")
            with Horizontal(id="remove-buttons"):
                yield Button("Delete  (y)", id="remove-yes", variant="error")
                yield Button("Keep  (n / Esc)", id="remove-no")

    def on_mount(self) -> None:
        self.query_one("#remove-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "remove-yes")
