"""The backend/model sidebar: one card per configured backend, filled by live health checks.

The cards only display what they are told (health, models, selection); the app's workers probe.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Static

from tui.app import format
from tui.core.backends.base import Health, HealthStatus, ModelInfo
from tui.core.display import displayable, safe_message

# The most model rows a card draws; beyond, a filter and a count (see BackendCard.show_models).
MODEL_ROWS = 30
STATUS_MARK = {
    HealthStatus.UP: "●",
    HealthStatus.DEGRADED: "◐",
    HealthStatus.STARTING: "◌",
    HealthStatus.DOWN: "○",
}


class BackendChosen(Message):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class ModelChosen(Message):
    def __init__(self, backend: str, model: ModelInfo) -> None:
        super().__init__()
        self.backend = backend
        self.model = model


class ModelRow(Static):
    """One model: its name and badges. Models that cannot generate are shown, not selectable."""

    def __init__(self, backend: str, model: ModelInfo) -> None:
        super().__init__(classes="model-row")
        self.backend = backend
        self.model = model
        self.show(model)

    def show(self, model: ModelInfo) -> None:
        """The row shows another model (rows are kept and reused, not mounted again)."""
        self.model = model
        self.set_class(not model.can_generate, "-unusable")
        self.tooltip = Text(displayable(model.path or model.id))
        self.display = True
        self.refresh()

    def render(self) -> Text:
        marker = "›" if self.has_class("-chosen") else " "
        name = displayable(self.model.display_name)
        text = Text(f"{marker} {name}", no_wrap=True, overflow="ellipsis")
        badges = format.model_badges(self.model)
        if badges:
            shown = "  ".join(f"[{displayable(badge)}]" for badge in badges)
            text.append("\n    " + shown, style="dim")
        return text

    def on_click(self) -> None:
        if self.model.can_generate:
            self.post_message(ModelChosen(self.backend, self.model))


class BackendCard(Vertical):
    def __init__(self, name: str, number: int, kind: str) -> None:
        super().__init__(classes="backend-card -starting", id=f"backend-{_css_id(name)}")
        self.backend_name = name
        self.number = number
        self.kind = kind
        self.health: Health | None = None
        self.models: list[ModelInfo] = []
        self.chosen_model: str | None = None
        self.error = ""

    def compose(self) -> ComposeResult:
        yield Static(self._title(), classes="backend-title")
        yield Static("checking…", classes="backend-status")
        yield Static("", classes="backend-detail")
        search = Input(placeholder="filter models", classes="model-filter", compact=True)
        search.display = False
        yield search
        note = Static("", classes="model-note")
        note.display = False
        yield note
        yield Vertical(classes="model-list")
        count = Static("", classes="model-count")
        count.display = False
        yield count

    def _title(self) -> Text:
        key = f"{self.number} " if self.number <= 9 else "  "
        title = Text(key, style="dim")
        title.append(self.backend_name, style="bold")
        title.append(f"  {self.kind}", style="dim")
        return title

    def on_click(self) -> None:
        self.post_message(BackendChosen(self.backend_name))

    @property
    def usable(self) -> bool:
        return self.health is not None and self.health.usable

    def show_checking(self) -> None:
        """F5: the card says it is being checked until the new health comes in."""
        status = self.query_one(".backend-status", Static)
        line = Text()
        if self.health is not None:
            line.append(f"{STATUS_MARK[self.health.status]} {self.health.status.value}  ")
        line.append("checking…", style="italic")
        status.update(line)
        self.add_class("-checking")

    def show_health(self, health: Health, enabled: bool = True) -> None:
        self.health = health
        self.remove_class("-starting", "-checking")
        for status in HealthStatus:
            self.set_class(enabled and health.status == status, f"-{status.value}")
        self.set_class(not enabled, "-disabled")
        label = health.status.value if enabled else "off"
        line = Text(f"{STATUS_MARK[health.status]} {label}")
        if health.latency_s is not None:
            line.append(f"  {format.seconds(health.latency_s)}", style="dim")
        if health.version:
            line.append(f"  {displayable(health.version)}", style="dim")
        self.query_one(".backend-status", Static).update(line)
        detail = Text(safe_message(health.detail))
        if health.fix and (not health.usable or health.status is HealthStatus.DEGRADED) and enabled:
            detail.append(f"\nfix: {safe_message(health.fix)}", style="bold")
        detail_widget = self.query_one(".backend-detail", Static)
        detail_widget.update(detail)
        detail_widget.display = bool(detail.plain)

    def show_models(self, models: Sequence[ModelInfo], error: str = "") -> None:
        """Replaces the list (never adds to it). Only MODEL_ROWS rows are drawn at a time: a
        server with thousands of models gets a filter and a count instead of thousands of rows."""
        self.models = list(models)
        self.error = error
        search = self.query_one(".model-filter", Input)
        search.display = len(self.models) > MODEL_ROWS and not error
        self._draw_models()

    def _draw_models(self) -> None:
        holder = self.query_one(".model-list", Vertical)
        count = self.query_one(".model-count", Static)
        note = self.query_one(".model-note", Static)
        query = self.query_one(".model-filter", Input).value.strip().lower()
        shown, matching = (
            ([], 0) if self.error else visible_models(self.models, query, self.chosen_model)
        )
        self._fill_rows(holder, shown)
        if self.error:
            note.update(Text(f"models: {safe_message(self.error)}", style="dim"))
        elif not self.models and self.usable:
            note.update(Text("no models found", style="dim"))
        note.display = bool(self.error) or (not self.models and self.usable)
        count.display = not self.error and (len(self.models) > MODEL_ROWS or bool(query))
        count.update(Text(count_line(len(shown), matching, len(self.models), query), style="dim"))
        self.mark_model(self.chosen_model, redraw=False)

    def _fill_rows(self, holder: Vertical, shown: Sequence[ModelInfo]) -> None:
        """Reuses the rows already there (at most MODEL_ROWS), hiding the ones not needed."""
        rows = list(holder.query(ModelRow))
        for row, model in zip(rows, shown, strict=False):
            row.show(model)
        for row in rows[len(shown) :]:
            row.display = False
        if len(shown) > len(rows):
            holder.mount_all(ModelRow(self.backend_name, m) for m in shown[len(rows) :])

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._draw_models()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter chooses the first model that matches and can answer."""
        event.stop()
        rows = [row for row in self.query(ModelRow) if row.display and row.model.can_generate]
        if rows:
            self.post_message(ModelChosen(self.backend_name, rows[0].model))

    def mark_model(self, model_id: str | None, redraw: bool = True) -> None:
        self.chosen_model = model_id
        rows = [row for row in self.query(ModelRow) if row.display]
        if redraw and model_id and all(row.model.id != model_id for row in rows):
            self._draw_models()  # the chosen model is beyond the rows drawn: bring it in
            return
        for row in rows:
            row.set_class(row.model.id == model_id, "-chosen")
            row.refresh()

    def selectable_models(self) -> list[ModelInfo]:
        return [model for model in self.models if model.can_generate]


def visible_models(
    models: Sequence[ModelInfo], query: str, chosen: str | None, limit: int = 0
) -> tuple[list[ModelInfo], int]:
    """The rows to draw (at most `limit`, the chosen model always among them when it matches)
    and how many models match `query` in all."""
    limit = limit or MODEL_ROWS
    matches = [m for m in models if query in m.id.lower()] if query else list(models)
    shown = matches[:limit]
    if chosen and all(m.id != chosen for m in shown):
        picked = next((m for m in matches if m.id == chosen), None)
        if picked is not None:
            shown = [picked, *shown[: limit - 1]]
    return shown, len(matches)


def count_line(shown: int, matching: int, total: int, query: str) -> str:
    if query:
        return f"{shown} of {matching:,} matching «{query}» ({total:,} models)"
    return f"{shown} of {total:,} models: type in the filter to find one"


class Sidebar(VerticalScroll):
    """The cards, in the configured order, and which one is selected."""

    def __init__(self, backends: Sequence[tuple[str, str]]) -> None:
        super().__init__(id="sidebar")
        self._backends = list(backends)
        self.can_focus = False

    def compose(self) -> ComposeResult:
        for number, (name, kind) in enumerate(self._backends, start=1):
            yield BackendCard(name, number, kind)

    def card(self, name: str) -> BackendCard:
        return self.query_one(f"#backend-{_css_id(name)}", BackendCard)

    def find_card(self, name: str) -> BackendCard | None:
        """The card, or None once the cards are gone (the app is closing)."""
        return next(self.query(f"#backend-{_css_id(name)}").results(BackendCard), None)

    def cards(self) -> list[BackendCard]:
        return list(self.query(BackendCard))

    def select(self, name: str) -> None:
        for card in self.cards():
            card.set_class(card.backend_name == name, "-selected")
        self.card(name).scroll_visible(animate=False)

    def mark_for_compare(self, names: set[str]) -> None:
        for card in self.cards():
            card.set_class(card.backend_name in names, "-compare")


def _css_id(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name)
