"""A health or models report that arrives while the app closes (its cards already gone)."""

from __future__ import annotations

from tui.app.messages import HealthReport, ModelsReport
from tui.app.widgets.sidebar import BackendCard
from tui.core.backends.base import Health, HealthStatus

from .helpers import ScriptedBackend, app_with, write_config


async def test_reports_reach_the_card_and_are_dropped_once_it_is_gone() -> None:
    config = write_config("")
    app = app_with(config, {"embedded-cpu": ScriptedBackend("embedded-cpu", "ls -a")})
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()  # the screen takes in the reports the probes posted
        down = Health(HealthStatus.DOWN, detail="gone", fix="start it")
        app.main.on_health_report(HealthReport("embedded-cpu", down))
        (card,) = [c for c in app.query(BackendCard) if c.backend_name == "embedded-cpu"]
        assert card.health == down

        await app.query(BackendCard).remove()  # what closing does before the sidebar goes
        app.main.on_health_report(HealthReport("embedded-cpu", Health(HealthStatus.UP)))
        app.main.on_models_report(ModelsReport("embedded-cpu", []))
        assert app.main.state.health["embedded-cpu"] == down  # dropped, not applied half-way
