"""The workbench's main flows, driven with Pilot against the real embedded engine."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import Input

from tui.app import clipboard
from tui.app.screens.confirm_run import ConfirmRunScreen
from tui.app.widgets.prompt import PromptArea
from tui.core.backends.embedded.llamacpp import LlamaCppBackend
from tui.core.config import Config

from .helpers import app_with, log_text, settle, static_text

pytestmark = pytest.mark.slow


def no_system_clipboard(_text: str) -> str:
    return "no copy program (as on a server without a display)"


async def test_request_streams_then_copy_edit_and_run(
    embedded_config: Config, llama_backend: LlamaCppBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clipboard, "native_copy", no_system_clipboard)
    app = app_with(embedded_config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        assert app.main.state.backend == "embedded-cpu"
        await pilot.press(*"list all files including hidden ones", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()

        shown = app.main.results.shown
        assert shown.result is not None
        assert shown.streamed, "no text was streamed before the answer was complete"
        command = shown.command
        assert command, shown.result.error
        assert command in static_text(app, "#command")
        assert "first token" in static_text(app, "#timings")
        risk = shown.result.risk
        assert risk is not None and static_text(app, "#risk") == f"risk: {risk['level']}"

        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == command  # sent through OSC 52, the fallback path

        await pilot.press("ctrl+l")
        editor = app.query_one("#command-edit", Input)
        assert editor.has_focus and editor.value == command
        await pilot.press("ctrl+u", *"echo caro-ran-this", "enter")
        assert app.main.results.shown.command == "echo caro-ran-this"
        assert app.main.results.shown.edited

        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()  # the command is rated, then the dialog opens
        await pilot.pause()
        assert isinstance(app.screen, ConfirmRunScreen)
        assert "echo caro-ran-this" in static_text(app, "#confirm-command")
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "caro-ran-this" in log_text(app)
        assert "exit code 0" in static_text(app, "#run-header")


async def test_run_confirmation_can_be_declined(
    embedded_config: Config, llama_backend: LlamaCppBackend
) -> None:
    app = app_with(embedded_config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press(*"print the current directory", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+l", "ctrl+u", *"echo must-not-run", "enter")
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()  # the command is rated, then the dialog opens
        await pilot.pause()
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmRunScreen)
        assert "must-not-run" not in log_text(app)
        assert not app.main.results.has_class("-has-run")


async def test_escape_cancels_a_generation_and_the_next_one_works(
    embedded_config: Config, llama_backend: LlamaCppBackend
) -> None:
    app = app_with(embedded_config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        streaming = asyncio.Event()
        original = app.main.results.add_text

        def add_text(job: int, candidate: int, text: str, reasoning: str = "") -> None:
            original(job, candidate, text, reasoning)
            if not streaming.is_set():
                streaming.set()
                app.simulate_key("escape")  # pressed while the first tokens are on screen

        app.main.results.add_text = add_text  # type: ignore[method-assign]
        await pilot.press(*"find every file larger than one gigabyte", "enter")
        await asyncio.wait_for(streaming.wait(), timeout=120)
        await settle(app)
        await pilot.pause()
        assert not app.main.results.shown.busy
        assert app.main.results.shown.result is None
        assert "cancelled" in static_text(app, "#result-header")

        # The engine let go of the model: the next request is answered.
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.main.results.shown.result is not None


async def test_backends_switch_by_key(
    embedded_config: Config, llama_backend: LlamaCppBackend
) -> None:
    app = app_with(embedded_config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(120, 40)) as pilot:
        names = app.engines.names
        assert names == ["mlx", "embedded-cpu", "ollama"]
        await pilot.press("alt+3")
        assert app.main.state.backend == "ollama"
        assert app.main.sidebar.card("ollama").has_class("-selected")
        await pilot.press("alt+down")
        assert app.main.state.backend == "mlx"
        await pilot.press("alt+up", "alt+up")
        assert app.main.state.backend == "embedded-cpu"
        await pilot.press("f2")
        assert app.main.state.backend == "ollama"
        await app.workers.wait_for_complete()


async def test_a_down_backend_shows_why_and_the_fix(
    embedded_config: Config, llama_backend: LlamaCppBackend
) -> None:
    app = app_with(embedded_config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        card = app.main.sidebar.card("ollama")
        assert card.has_class("-down")
        assert card.health is not None and card.health.fix
        assert "fix:" in str(card.query_one(".backend-detail").render())
        assert app.main.sidebar.card("embedded-cpu").has_class("-up")
        # Generating on the down backend fails with its reason, and the app goes on.
        await pilot.press("alt+3", *"list files", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "failed" in static_text(app, "#result-header")
        assert static_text(app, "#notes").strip()


async def test_an_automatic_choice_moves_off_a_down_backend(
    embedded_config: Config, llama_backend: LlamaCppBackend
) -> None:
    from dataclasses import replace

    config = replace(
        embedded_config,
        selection=replace(embedded_config.selection, order=("ollama", "embedded-cpu")),
    )
    app = app_with(config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.main.state.backend == "ollama"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.main.state.backend == "embedded-cpu"


async def test_prompt_recalls_earlier_requests(
    embedded_config: Config, llama_backend: LlamaCppBackend
) -> None:
    app = app_with(embedded_config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        prompt = app.query_one(PromptArea)
        await pilot.press(*"show the date", "enter")
        await app.workers.wait_for_complete()
        prompt.clear()
        await pilot.press(*"draft", "ctrl+j", *"second line")
        assert prompt.text == "draft\nsecond line"
        await pilot.press("up")  # moves within the draft first
        await pilot.press("up")
        assert prompt.text == "show the date"
        await pilot.press("down")
        assert prompt.text == "draft\nsecond line"
