"""The prompt pane: a multi-line request. Enter submits; Ctrl+J (or Alt+Enter, or Shift+Enter
where the terminal reports it) inserts a newline; Up on the first line and Down on the last
recall earlier requests (this session's, and before them those of the history)."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import TextArea


class PromptArea(TextArea):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+j,alt+enter,shift+enter",
            "newline",
            "New line",
            id="prompt.newline",
            show=False,
        ),
    ]

    class Submitted(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            id=id,
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            placeholder="What should the command do?  (Enter: generate · Ctrl+J: new line)",
        )
        self.requests: list[str] = []
        # Position while browsing the history; len(history) means "the draft being typed".
        self._recall = 0
        self._draft = ""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.submit()
            return
        await super()._on_key(event)

    def submit(self) -> None:
        text = self.text.strip()
        if not text:
            return
        if not self.requests or self.requests[-1] != text:
            self.requests.append(text)
        self._recall = len(self.requests)
        self._draft = ""
        self.post_message(self.Submitted(text))

    def remember(self, earlier: list[str]) -> None:
        """Puts requests of earlier sessions (oldest first) before this session's ones."""
        browsing = self._recall < len(self.requests)
        known = set(self.requests)
        older = [request for request in earlier if request not in known]
        self.requests = older + self.requests
        self._recall = self._recall + len(older) if browsing else len(self.requests)

    def action_newline(self) -> None:
        self.insert("\n")

    def action_cursor_up(self, select: bool = False) -> None:
        if select or self.cursor_location[0] > 0 or not self.requests or self._recall == 0:
            super().action_cursor_up(select)
            return
        if self._recall == len(self.requests):
            self._draft = self.text
        self._recall -= 1
        self._show(self.requests[self._recall])

    def action_cursor_down(self, select: bool = False) -> None:
        last_row = self.document.line_count - 1
        if select or self.cursor_location[0] < last_row or self._recall >= len(self.requests):
            super().action_cursor_down(select)
            return
        self._recall += 1
        at_draft = self._recall == len(self.requests)
        self._show(self._draft if at_draft else self.requests[self._recall])

    def _show(self, text: str) -> None:
        self.load_text(text)
        self.move_cursor(self.document.end)
