"""The workbench never puts a model's or a server's escapes on the screen, the clipboard or the
hand-over, and rates a command as the CLI does under the same config.

The backend is Ollama's real client against the fake Ollama (tests/fake_ollama.py), whose
model ids, version, answers and error lines carry every kind of escape the issue saw. What is
checked is the screen as Textual composes it for the terminal (every strip of every layer,
notifications included).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from textual.widgets import Input

from tests.fake_ollama import FakeModel, FakeOllama, RunningFake
from tests.test_trust_cli import BIDI, EVERY, OSC52, TITLE, ZERO_WIDTH, raw_in
from tui.app import clipboard
from tui.app.screens.confirm_run import ConfirmRunScreen
from tui.app.workbench import WorkbenchApp
from tui.core.config import Config

from .helpers import app_with, log_text, settle, static_text, write_config

HOSTILE_ID = f"evil{OSC52}:latest{ZERO_WIDTH}"
PRINTS_ESCAPES = (
    r"printf '\033[31mred\033[0m \033]52;c;eA==\007 \033]0;title\007 \033[2J \342\200\256x\n'"
)


def screen_text(app: WorkbenchApp) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def assert_screen_clean(app: WorkbenchApp) -> None:
    text = screen_text(app)
    found = raw_in(text)
    assert not found, f"raw {sorted(map(hex, map(ord, found)))} on screen:\n{text}"


@pytest.fixture
def fake() -> Iterator[FakeOllama]:
    server = FakeOllama(version_string=f"0.12.3{TITLE}{BIDI}")
    server.add(FakeModel("hostile-command", reply=f"ls -la {EVERY}\n"))
    server.add(FakeModel("force", reply="git push --force origin topic\n"))
    server.add(FakeModel(HOSTILE_ID, reply="ls\n"))
    with RunningFake(server) as running:
        yield running


def ollama_config(fake: FakeOllama, model: str, safety: str = "") -> Config:
    return write_config(
        f"""
[backends.embedded-cpu]
enabled = false

[backends.mlx]
enabled = false

[backends.ollama]
host = "{fake.url}"
model = "{model}"
timeout = 10

[selection]
backend = "ollama"

[generation]
candidates = 1

[ui]
refresh_s = 3600

{safety}
"""
    )


async def ask(app: WorkbenchApp, pilot: object, request: str) -> None:
    await app.workers.wait_for_complete()
    await pilot.press(*request, "enter")  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await settle(app)
    await pilot.pause()  # type: ignore[attr-defined]


async def test_answer_sidebar_dialog_copy_and_accept_show_nothing_raw(
    fake: FakeOllama, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied: list[str] = []

    def capture(text: str) -> None:
        copied.append(text)

    monkeypatch.setattr(clipboard, "native_copy", capture)
    app = app_with(ollama_config(fake, "hostile-command"), {})
    async with app.run_test(size=(140, 45)) as pilot:
        await ask(app, pilot, "list the files")
        shown = app.main.results.shown
        assert shown.command is not None and "\x1b]52" in shown.command  # kept as it is
        assert "ls -la ␛]52;c;cm0gLXJmIH4=␇" in static_text(app, "#command")
        assert static_text(app, "#risk") == "risk: high"
        assert "contains invisible or control characters" in static_text(app, "#risk-detail")
        screen = screen_text(app)
        assert "evil␛]52;c;" in screen and "0.12.3␛]0;owned␇" in screen  # sidebar
        assert_screen_clean(app)

        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert copied and not raw_in(copied[-1])
        assert copied[-1].startswith("ls -la ␛]52;c;cm0gLXJmIH4=␇")
        assert_screen_clean(app)  # the notification too

        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmRunScreen)
        assert "␛]52;c;" in static_text(app, "#confirm-command")
        assert_screen_clean(app)
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("ctrl+l")
        editor = app.query_one("#command-edit", Input)
        assert not raw_in(editor.value)
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
    assert isinstance(app.return_value, str) and not raw_in(app.return_value)
    assert app.return_value.startswith("ls -la ␛]52;")


async def test_a_hostile_error_and_history_show_nothing_raw(fake: FakeOllama) -> None:
    app = app_with(ollama_config(fake, "hostile-command"), {})
    async with app.run_test(size=(140, 45)) as pilot:
        await ask(app, pilot, "list the files")
        fake.fail_after = 0
        fake.fail_message = f"engine died{EVERY} see http://root:pw@10.0.0.1/"
        await pilot.press("ctrl+g")  # ask again: the server fails this time
        await app.workers.wait_for_complete()
        await settle(app)
        await pilot.pause()
        notes = static_text(app, "#notes")
        assert "engine died␛]52;" in notes and "root:***@" in notes and ":pw@" not in notes
        assert_screen_clean(app)

        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.pause()
        assert "␛]52;" in screen_text(app)
        assert_screen_clean(app)


async def test_the_output_of_a_run_keeps_colours_and_shows_other_escapes(
    fake: FakeOllama,
) -> None:
    app = app_with(ollama_config(fake, "hostile-command"), {})
    async with app.run_test(size=(140, 45)) as pilot:
        await ask(app, pilot, "list the files")
        await pilot.press("ctrl+l", "ctrl+u", *PRINTS_ESCAPES, "enter")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await settle(app)
        await pilot.pause()
        output = log_text(app)
        assert "red" in output and "␛]52;c;eA==␇" in output and "␛[2J" in output
        assert "⟨U+202E⟩x" in output
        assert "\x1b" not in output
        assert_screen_clean(app)


async def test_the_workbench_rates_as_one_shot_and_check_do(fake: FakeOllama) -> None:
    safety = '[safety]\nallow = ["git push --force *"]\ndeny = ["docker system prune*"]\n'
    config = ollama_config(fake, "force", safety)
    env = {**os.environ, "LANG": "C.UTF-8"}
    one_shot = subprocess.run(
        [sys.executable, "-m", "tui", "--json", "push it"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert one_shot.returncode == 0, one_shot.stderr
    check = subprocess.run(
        [sys.executable, "-m", "tui", "check", "--json", "--", "git push --force origin topic"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert check.returncode == 0, check.stderr
    levels = {json.loads(one_shot.stdout)["risk"]["level"], json.loads(check.stdout)["level"]}

    app = app_with(config, {})
    async with app.run_test(size=(140, 45)) as pilot:
        await ask(app, pilot, "push it")
        assessment = app.main.results.shown.assessment
        assert assessment is not None
        levels.add(assessment.level.label)
    # high, lowered by the allow pattern, everywhere (a force-push of main is critical: no
    # allow pattern lowers that)
    assert levels == {"moderate"}
