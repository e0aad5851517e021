"""The backend/model sidebar: one card per configured backend, filled by live health checks.

The cards only display what they are told (health, models, selection); the app's workers probe.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from tui.app import format
from tui.core.backends.base import Health, HealthStatus, ModelInfo
from tui.core.display import displayable, safe_message

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
        self.set_class(not model.can_generate, "-unusable")
        self.tooltip = Text(displayable(model.path or model.id))

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

    def compose(self) -> ComposeResult:
        yield Static(self._title(), classes="backend-title")
        yield Static("checking…", classes="backend-status")
        yield Static("", classes="backend-detail")
        yield Vertical(classes="model-list")

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

    def show_health(self, health: Health, enabled: bool = True) -> None:
        self.health = health
        self.remove_class("-starting")
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
        if health.fix and not health.usable and enabled:
            detail.append(f"\nfix: {safe_message(health.fix)}", style="bold")
        detail_widget = self.query_one(".backend-detail", Static)
        detail_widget.update(detail)
        detail_widget.display = bool(detail.plain)

    def show_models(self, models: Sequence[ModelInfo], error: str = "") -> None:
        self.models = list(models)
        holder = self.query_one(".model-list", Vertical)
        holder.remove_children()
        if error:
            note = Text(f"models: {safe_message(error)}", style="dim")
            holder.mount(Static(note, classes="model-note"))
            return
        if not models and self.usable:
            holder.mount(Static(Text("no models found", style="dim"), classes="model-note"))
        holder.mount_all(ModelRow(self.backend_name, model) for model in models)
        self.mark_model(self.chosen_model)

    def mark_model(self, model_id: str | None) -> None:
        self.chosen_model = model_id
        for row in self.query(ModelRow):
            row.set_class(row.model.id == model_id, "-chosen")
            row.refresh()

    def selectable_models(self) -> list[ModelInfo]:
        return [model for model in self.models if model.can_generate]


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
