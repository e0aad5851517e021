"""The backends' health on the main screen: each probe in its own worker, and what the reports
mean for the cards and for the selection (an automatic choice moves off a backend that is down;
a backend that answers its health check but not for its models is degraded, with the cause).
"""

from __future__ import annotations

from collections.abc import Coroutine
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from textual.message import Message

from tui.app.messages import HealthReport, ModelsReport
from tui.core.backends.base import BackendError, HealthStatus

if TYPE_CHECKING:
    from tui.app.engines import Engines
    from tui.app.selection import Selection
    from tui.app.widgets.sidebar import BackendCard


class HealthHost(Protocol):
    """The screen the checks report to: its engines, selection, cards and workers."""

    @property
    def engines(self) -> Engines: ...

    @property
    def state(self) -> Selection: ...

    def find_card(self, name: str) -> BackendCard | None: ...

    def selection_changed(self) -> None: ...

    def start_job(
        self, work: Coroutine[Any, Any, object], *, group: str, name: str = ""
    ) -> None: ...

    def post_message(self, message: Message) -> bool: ...


class HealthChecks:
    def __init__(self, host: HealthHost) -> None:
        self.host = host
        self._probing: set[str] = set()

    def refresh(self) -> None:
        """F5: every card says "checking…" until its backend's new health comes in."""
        for name in self.host.engines.names:
            card = self.host.find_card(name)
            if card is not None:
                card.show_checking()
        self.probe_all()

    def probe_all(self) -> None:
        """Probes every backend at once, each in its own worker with its own timeout."""
        for name in self.host.engines.names:
            self.reprobe(name)

    def reprobe(self, name: str) -> None:
        """Probes `name` again, unless a probe of it is under way."""
        if name not in self._probing:
            self._probing.add(name)
            self.host.start_job(self._probe(name), name=f"probe:{name}", group="probe")

    async def _probe(self, name: str) -> None:
        engines, post = self.host.engines, self.host.post_message
        try:
            health = await engines.probe(name)
            post(HealthReport(name, health))
            if not health.usable:
                post(ModelsReport(name, []))
                return
            try:
                models = await engines.models(name)
            except BackendError as error:
                post(ModelsReport(name, [], error=error.message))
            except Exception as error:  # noqa: BLE001 - a broken model list must not end the app
                post(ModelsReport(name, [], error=f"{type(error).__name__}: {error}"))
            else:
                post(ModelsReport(name, models))
        finally:
            self._probing.discard(name)

    def apply_health(self, message: HealthReport) -> None:
        card = self.host.find_card(message.name)
        if card is None:
            return  # a late report while the app closes
        state = self.host.state
        card.show_health(message.health, self.host.engines.config.backend(message.name).enabled)
        state.health[message.name] = message.health
        if state.fall_back_if_down():
            self.host.selection_changed()

    def apply_models(self, message: ModelsReport) -> None:
        card = self.host.find_card(message.name)
        if card is None:
            return
        if message.models == card.models and message.error == card.error and card.models:
            return  # the list a health check read again, unchanged: nothing to redraw
        state = self.host.state
        state.models[message.name] = message.models
        card.chosen_model = state.model_id(message.name)
        card.show_models(message.models, message.error)
        health = state.health.get(message.name)
        if message.error and health is not None and health.status is HealthStatus.UP:
            degraded = replace(
                health,
                status=HealthStatus.DEGRADED,
                detail=f"{health.detail}; its model list fails: {message.error}",
            )
            state.health[message.name] = degraded
            card.show_health(degraded, self.host.engines.config.backend(message.name).enabled)
