"""The main screen owns the main view: its keys reach it only while it is on top (the footer
behind another screen lists none of them but Esc), the command shown is the screen's own state,
and the palette lists its entries from the screen it was opened on."""

from __future__ import annotations

from textual.widgets import Footer

from tui.app.screens.confirm_run import ConfirmRunScreen
from tui.app.screens.main import MainScreen

from .helpers import ScriptedBackend, app_with, write_config


def footer_keys(screen: MainScreen) -> list[str]:
    return [str(key.render()) for key in screen.query_one(Footer).children]


async def test_the_main_keys_sleep_while_a_screen_is_on_top_and_wake_after() -> None:
    config = write_config("")
    app = app_with(config, {"embedded-cpu": ScriptedBackend("embedded-cpu", "ls -a")})
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        main = app.main
        assert app.screen is main and app.screen_stack[0] is main
        await pilot.press(*"list", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert main.shown.command == "ls -a" and main.shown.backend == "embedded-cpu"
        assert "^r Run" in footer_keys(main)

        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmRunScreen)
        assert footer_keys(main) == ["esc Cancel", "^p palette"]
        await pilot.press("ctrl+t")  # Compare is a main-screen key: it does not reach it now
        await pilot.pause()
        assert isinstance(app.screen, ConfirmRunScreen)

        await pilot.press("n")
        await pilot.pause()
        assert app.screen is main
        assert "^t Compare" in footer_keys(main) and "^r Run" in footer_keys(main)
        assert not main.results.has_class("-has-run")  # declined: nothing ran


async def test_the_palette_runs_main_and_app_actions_from_the_main_screen() -> None:
    config = write_config("")
    app = app_with(config, {"embedded-cpu": ScriptedBackend("embedded-cpu", "ls -a")})
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        entries = {entry.title: entry for entry in app.main.palette_entries()}
        theme_before = app.theme
        await entries["caro: Theme"].run()  # type: ignore[misc]
        await pilot.pause()
        assert app.theme != theme_before  # an app-wide action, reached from the screen
        await entries["caro: History"].run()  # type: ignore[misc]
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"
