"""The results pane's other endings: no usable command, a run that is stopped, regenerate.

The model's answer is not what these test, so a scripted backend gives a known one; the
command really runs.
"""

from __future__ import annotations

from tui.app.screens.confirm_run import ConfirmRunScreen

from .helpers import ScriptedBackend, app_with, log_text, settle, static_text, write_config

CONFIG = """
[backends.embedded-cpu]
model = "scripted.gguf"

[generation]
candidates = 1
"""


async def test_prose_is_not_a_command_and_the_raw_text_is_kept() -> None:
    config = write_config(CONFIG)
    answer = "I am sorry, but I cannot help with that request."
    app = app_with(config, {"embedded-cpu": ScriptedBackend("embedded-cpu", answer)})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await pilot.press(*"delete everything", "enter")
        await settle(app)
        await pilot.pause()
        assert app.main.results.shown.command is None
        assert "no usable command" in static_text(app, "#result-header")
        assert answer in static_text(app, "#stream")
        assert "kept above" in static_text(app, "#notes")
        await pilot.press("ctrl+r")  # nothing to run
        assert not isinstance(app.screen, ConfirmRunScreen)


async def test_escape_stops_a_running_command() -> None:
    config = write_config(CONFIG)
    backend = ScriptedBackend("embedded-cpu", "echo started; sleep 30; echo never")
    app = app_with(config, {"embedded-cpu": backend})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await pilot.press(*"wait a while", "enter")
        await settle(app)
        assert app.main.results.shown.command == "echo started; sleep 30; echo never"
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()  # the command is rated, then the dialog opens
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("escape")
        await settle(app)
        await pilot.pause()
        header = static_text(app, "#run-header")
        assert "cancelled" in header and "SIGINT" in header
        assert "never" not in log_text(app)


async def test_regenerate_asks_again_with_sampling() -> None:
    config = write_config(CONFIG)
    app = app_with(config, {"embedded-cpu": ScriptedBackend("embedded-cpu", "ls -a")})
    settings = app.engines.settings("embedded-cpu", vary=3)
    assert settings.sampler.temperature == 0.7 and settings.sampler.seed == 3
    assert app.engines.settings("embedded-cpu").sampler.temperature == 0.0
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await pilot.press(*"list files", "enter")
        await settle(app)
        first_job = app.main.results.shown.job
        await pilot.press("ctrl+g")
        await settle(app)
        assert app.main.results.shown.job > first_job
        assert app.main.results.shown.request == "list files"
        assert app.main.results.shown.command == "ls -a"
