"""The preview's report before the run: what the command would change, and the rating with it.

Shows the command, the risk as the preview leaves it (raised by deletions or writes outside
the folder, never lowered) and the report (every string from the command already made
visible by the report). Ctrl+R goes on to the usual run confirmation; Esc closes. The screen
dismisses with True to go on to the run, else False.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.app.keys import PREVIEW_KEYS
from tui.app.widgets.results import risk_detail
from tui.core.preview.front import Outcome
from tui.core.safety import Assessment


class PreviewScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = list(PREVIEW_KEYS)
    DEFAULT_CSS = """
    PreviewScreen { align: center middle; }
    #preview-dialog {
        width: 90%; height: 85%; border: thick $accent; background: $surface; padding: 0 1;
    }
    #preview-report { height: 1fr; border: round $panel; }
    #preview-buttons { height: auto; align-horizontal: right; }
    #preview-buttons Button { margin-left: 2; }
    """

    def __init__(self, outcome: Outcome, assessment: Assessment) -> None:
        super().__init__(id="preview")
        self.outcome = outcome
        self.assessment = assessment

    def compose(self) -> ComposeResult:
        with Vertical(id="preview-dialog"):
            yield Static(Text("Preview: nothing of yours was changed", style="bold"))
            level = self.assessment.level.label
            yield Static(f"risk: {level}", id="preview-risk", classes=f"risk -{level}")
            detail = risk_detail(self.assessment)
            if detail.plain:
                yield Static(detail, id="preview-reasons")
            with VerticalScroll(id="preview-report"):
                yield Static(Text(self.outcome.text()), id="preview-text")
            with Horizontal(id="preview-buttons"):
                yield Button("Run…  (ctrl+r)", id="preview-run", variant="warning")
                yield Button("Close  (Esc)", id="preview-close")

    def on_mount(self) -> None:
        self.query_one("#preview-close", Button).focus()

    def action_close(self) -> None:
        self.dismiss(False)

    def action_go_run(self) -> None:
        self.dismiss(True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "preview-run")
