"""The history in the workbench: the searchable screen (filter as you type, load, run again
through the same confirmation, copy), the prompt's recall of earlier sessions, and accept.

The history is written beforehand through the core's History (as earlier caro sessions would
have); the commands that run are `touch` of a marker in a temporary folder.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tui.app import clipboard
from tui.app.screens.confirm_run import ConfirmRunScreen
from tui.app.screens.history import HistoryScreen
from tui.app.widgets.prompt import PromptArea
from tui.app.workbench import WorkbenchApp
from tui.core.history import History

from .helpers import ScriptedBackend, app_with, settle, static_text, write_config

CONFIG = """
[backends.embedded-cpu]
model = "scripted.gguf"

[generation]
candidates = 1
"""
SAFE = {"level": "safe", "reasons": [], "notes": []}


def earlier_sessions(folder: Path) -> dict[str, int]:
    """Three requests of earlier sessions; the second one's command was edited."""
    with History.open() as history:
        ids = {
            "files": history.record_request(
                "list the files", cwd=str(folder), command="ls -la", risk=SAFE
            ),
            "marker": history.record_request(
                "make a marker", cwd=str(folder), command="touch history-marker", risk=SAFE
            ),
            "date": history.record_request(
                "show the date", cwd=str(folder), command="date", risk=SAFE
            ),
        }
        history.record_edit(ids["marker"], "touch history-marker-edited")
    return ids


def workbench(tmp_path: Path, answer: str = "echo from-the-model") -> WorkbenchApp:
    config = write_config(CONFIG)
    backend = ScriptedBackend("embedded-cpu", answer)
    # The app runs elsewhere: commands of the history run in the folder they were asked in.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    return app_with(config, {"embedded-cpu": backend}, cwd=str(elsewhere), shell="/bin/bash")


async def open_history(pilot: Pilot[Any]) -> HistoryScreen:
    app = pilot.app
    await settle(app)  # type: ignore[arg-type]
    await pilot.press("ctrl+f")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, HistoryScreen)
    await searched(pilot, screen, 1)
    return screen


async def searched(pilot: Pilot[Any], screen: HistoryScreen, count: int) -> None:
    """Waits until `count` searches have come back (each keystroke starts one)."""
    async with asyncio.timeout(10):
        while screen.searches < count or any(not w.is_finished for w in pilot.app.workers):
            await pilot.pause(0.02)


def no_system_clipboard(_text: str) -> str:
    return "no copy program (as on a server without a display)"


async def test_the_history_filters_as_you_type_copies_and_runs_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clipboard, "native_copy", no_system_clipboard)
    ids = earlier_sessions(tmp_path)
    app = workbench(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_history(pilot)
        assert [entry.id for entry in screen.entries] == [ids["date"], ids["marker"], ids["files"]]
        assert "3 entries" in static_text(app, "#history-title")

        await pilot.press(*"marker edited")
        await searched(pilot, screen, 2)
        assert [entry.id for entry in screen.entries] == [ids["marker"]]
        assert "touch history-marker-edited" in static_text(app, "#history-detail")
        await pilot.press(*" nowhere")
        await searched(pilot, screen, 3)
        assert screen.entries == [] and "nothing matches" in static_text(app, "#history-detail")
        await pilot.press(*["backspace"] * len(" nowhere"))
        await searched(pilot, screen, 4)
        assert [entry.id for entry in screen.entries] == [ids["marker"]]

        await pilot.press("ctrl+o")
        await settle(app)
        assert app.clipboard == "touch history-marker-edited"  # the command as last edited
        assert app.screen is screen

        await pilot.press("ctrl+r")  # runs again: through the same confirmation
        await settle(app)
        await pilot.pause()
        assert isinstance(app.screen, ConfirmRunScreen)
        assert f"in {tmp_path}" in static_text(app, "#confirm-where")
        await pilot.press("y")
        await settle(app)
        await pilot.pause()
        assert "exit code 0" in static_text(app, "#run-header")
    assert (tmp_path / "history-marker-edited").exists()
    with History.open() as history:
        entry = history.get(ids["marker"])
    assert entry is not None and entry.last_run is not None
    assert entry.last_run.command == "touch history-marker-edited"
    assert entry.last_run.confirmed_by == "key"


async def test_enter_loads_an_entry_and_accept_leaves_with_its_command(tmp_path: Path) -> None:
    ids = earlier_sessions(tmp_path)
    app = workbench(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_history(pilot)
        await pilot.press(*"date")
        await searched(pilot, screen, 2)
        await pilot.press("enter")
        await settle(app)
        await pilot.pause()
        assert not isinstance(app.screen, HistoryScreen)
        assert app.query_one(PromptArea).text == "show the date"
        shown = app.main.results.shown
        assert shown.command == "date" and shown.entry_id == ids["date"]
        assert shown.cwd == str(tmp_path)
        assert static_text(app, "#risk") == "risk: safe"  # rated again on loading
        assert "from the history" in static_text(app, "#result-header")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.return_value == "date"


async def test_the_prompt_recalls_requests_of_earlier_sessions(tmp_path: Path) -> None:
    earlier_sessions(tmp_path)
    app = workbench(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        prompt = app.query_one(PromptArea)
        await pilot.press("up")
        assert prompt.text == "show the date"
        await pilot.press("up")
        assert prompt.text == "make a marker"
        await pilot.press("down", "down")
        assert prompt.text == ""


async def test_the_history_is_in_the_palette(tmp_path: Path) -> None:
    app = workbench(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        titles = {entry.title: entry for entry in app.main.palette_entries()}
        assert "caro: History" in titles and "caro: Accept" in titles
        await titles["caro: History"].run()  # type: ignore[misc]
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HistoryScreen)


async def test_accept_keeps_an_edit_in_progress_and_records_it(tmp_path: Path) -> None:
    app = workbench(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await pilot.press("ctrl+s")  # nothing to accept yet: the app stays
        await pilot.pause()
        assert app.is_running and app.return_value is None
        await pilot.press(*"say something", "enter")
        await settle(app)
        await pilot.press("ctrl+l", "ctrl+u", *"echo edited-then-accepted", "ctrl+s")
        await pilot.pause()
    assert app.return_value == "echo edited-then-accepted"
    with History.open() as history:
        (entry,) = history.search(None)
    assert entry.command == "echo from-the-model"
    assert [edit.command for edit in entry.edits] == ["echo edited-then-accepted"]
    assert entry.runs == ()


async def test_accept_after_an_edit_records_the_edit_once(tmp_path: Path) -> None:
    app = workbench(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await pilot.press(*"say something", "enter")
        await settle(app)
        await pilot.press("ctrl+l", "ctrl+u", *"echo edited-before", "enter")
        await settle(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.return_value == "echo edited-before"
    with History.open() as history:
        (entry,) = history.search(None)
    assert [edit.command for edit in entry.edits] == ["echo edited-before"]
