"""Accept (Ctrl+S) hands the command to whoever started caro.

`_open_workbench` (what plain `caro` and the shell widget's `caro --output-file FILE` run) is
driven with the real app, headless: the command lands in the file, or on stdout when there is
no file. Then the whole bridge in a real bash under tmux: an empty prompt line and Ctrl+G open
the workbench, a request is answered by the bundled model, Ctrl+S accepts, and the command is on
bash's prompt line, not executed.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.test_shell_bridge import SHELLS, Pane
from tui.app import workbench
from tui.cli import oneshot
from tui.core.config import Config
from tui.core.history import Entry, History

from .helpers import ScriptedBackend, app_with, settle, write_config

CONFIG = """
[backends.embedded-cpu]
model = "scripted.gguf"

[generation]
candidates = 1
"""
COMMAND = "grep -rn TODO ."


def headless_workbench(monkeypatch: pytest.MonkeyPatch, keys: list[str]) -> Config:
    """make_app builds the scripted workbench, which runs headless and presses `keys`."""
    config = write_config(CONFIG)

    async def auto_pilot(pilot: Pilot[Any]) -> None:
        await settle(pilot.app)  # type: ignore[arg-type]
        await pilot.press(*"find the todo notes", "enter")
        await settle(pilot.app)  # type: ignore[arg-type]
        await pilot.press(*keys)
        await pilot.pause()
        if pilot.app.is_running:
            pilot.app.exit()  # what Ctrl+Q does: no command

    def make_app(config: Config, **options: Any) -> workbench.WorkbenchApp:
        # options (watch_terminal) left out: a headless app has no terminal to watch.
        app = app_with(config, {"embedded-cpu": ScriptedBackend("embedded-cpu", COMMAND)})
        run = app.run
        app.run = lambda: run(headless=True, size=(120, 40), auto_pilot=auto_pilot)  # type: ignore[method-assign]
        return app

    monkeypatch.setattr(workbench, "make_app", make_app)
    return config


def test_the_accepted_command_goes_to_the_output_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = headless_workbench(monkeypatch, ["ctrl+s"])
    output = tmp_path / "handoff"
    assert oneshot._open_workbench(config, str(output)) == 0
    assert output.read_text() == COMMAND + "\n"
    assert capsys.readouterr().out == ""


def test_without_an_output_file_the_accepted_command_is_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = headless_workbench(monkeypatch, ["ctrl+s"])
    assert oneshot._open_workbench(config, None) == 0
    assert capsys.readouterr().out.endswith(COMMAND + "\n")


def test_quitting_without_accepting_hands_over_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = headless_workbench(monkeypatch, ["ctrl+q"])
    output = tmp_path / "handoff"
    output.write_text("")  # the widget made it; it stays empty
    assert oneshot._open_workbench(config, str(output)) == 0
    assert output.read_text() == ""
    assert COMMAND not in capsys.readouterr().out


# -- the bash widget, in tmux ---------------------------------------------------------------------


def _entries() -> list[Entry]:
    from tui.core import paths

    if not paths.history_db().exists():
        return []
    with History.open() as history:
        return [entry for entry in history.search(None) if entry.command]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_ctrl_g_on_an_empty_line_opens_the_workbench_and_accept_fills_the_line(
    isolated_env: Path, bundled_model: Path
) -> None:
    assert "bash" in SHELLS
    pane = Pane("bash", isolated_env / "shell-home")  # its caro reads the test's CARO_CONFIG
    write_config(
        f'[backends.embedded-cpu]\nmodel = "{bundled_model}"\n\n[generation]\ncandidates = 1\n'
    )
    try:
        pane.start()
        assert pane.prompt_line() == ""
        pane.keys("C-g")
        pane.wait_for(
            lambda: any("What should the command do?" in line for line in pane.screen()),
            "the workbench",
            timeout=60,
        )
        pane.type("list all files including hidden ones")
        pane.keys("Enter")
        pane.wait_for(lambda: bool(_entries()), "the model's answer", timeout=240)
        command = _entries()[0].command
        assert command and "\n" not in command
        pane.wait_for(
            lambda: any("embedded-cpu  done" in line for line in pane.screen()), "the result"
        )
        pane.keys("C-s")
        pane.wait_for(lambda: pane.prompt_line() == command, f"{command!r} on the prompt line")
        assert not any("What should the command do?" in line for line in pane.screen())
        time.sleep(1.0)  # a command that had been run would have touched the marker by now
        assert not pane.marker.exists(), "the shell ran the accepted command"
        assert pane.leftover_temp_files() == []
        assert _entries()[0].runs == ()  # nor did caro run it
    finally:
        pane.close()
