"""The answer as it streams in.

A `Static` re-lays out the whole screen on every update; here an append repaints this widget
alone, and the layout is redone only when the text needs one more (or one fewer) line. That
keeps the main thread, and so the interpreter lock the engine thread needs for every token,
mostly free while a model streams.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class StreamView(Widget):
    DEFAULT_CSS = """
    StreamView {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = Text()
        self._lines = 0

    @property
    def plain(self) -> str:
        return self._text.plain

    def render(self) -> Text:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = Text(text)
        self._lines = self._line_count()
        self.refresh(layout=True)

    def append(self, text: str) -> bool:
        """Adds text; True when it took another line (the caller may want to scroll)."""
        self._text.append(text)
        lines = self._line_count()
        grew = lines != self._lines
        self._lines = lines
        self.refresh(layout=grew)
        return grew

    def _line_count(self) -> int:
        width = self.size.width
        if width <= 0 or not self.is_mounted:
            return -1  # not laid out yet: let the layout decide
        return len(self._text.wrap(self.app.console, width))
