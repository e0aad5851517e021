"""Running from the workbench: a confirmation in proportion to the risk, and the run recorded.

The model's answer is not what these test, so a scripted backend gives a known command; the
commands really run (with bash, in a temporary folder), so each is harmless whatever happens:
`echo`, `touch` of a marker, `chmod -R 777` of a folder made for it, and `history -c`, which
the analyser rates critical but which only clears the in-memory history of a `bash -c` that
has none. A blocked or declined command must leave its marker file absent.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tui.app.screens.confirm_run import ConfirmRunScreen
from tui.app.workbench import WorkbenchApp
from tui.core.history import Entry, History

from .helpers import ScriptedBackend, app_with, log_text, settle, static_text, write_config

CONFIG = """
[backends.embedded-cpu]
model = "scripted.gguf"

[generation]
candidates = 1
"""
CRITICAL = "history -c && touch ran-marker"


def scripted(answer: str, cwd: Path, safety: str = "") -> WorkbenchApp:
    config = write_config(CONFIG + safety)
    backend = ScriptedBackend("embedded-cpu", answer)
    return app_with(config, {"embedded-cpu": backend}, cwd=str(cwd), shell="/bin/bash")


async def ask(pilot: Pilot[Any], request: str = "tidy up the folder") -> None:
    await settle(pilot.app)  # type: ignore[arg-type]
    await pilot.press(*request, "enter")
    await settle(pilot.app)  # type: ignore[arg-type]
    await pilot.pause()


async def press_run(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+r")
    await settle(pilot.app)  # type: ignore[arg-type]
    await pilot.pause()


async def type_in_dialog(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*text, "enter")
    await settle(pilot.app)  # type: ignore[arg-type]
    await pilot.pause()


def only_entry() -> Entry:
    with History.open() as history:
        entries = history.search(None)
    assert len(entries) == 1, entries
    return entries[0]


async def test_a_safe_command_runs_on_one_key_and_the_run_is_recorded(tmp_path: Path) -> None:
    app = scripted("echo caro-safe-run", tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot)
        assert static_text(app, "#risk") == "risk: safe"
        await press_run(pilot)
        screen = app.screen
        assert isinstance(screen, ConfirmRunScreen)
        assert screen.decision.action == "confirm_key"
        assert "echo caro-safe-run" in static_text(app, "#confirm-command")
        assert f"in {tmp_path}" in static_text(app, "#confirm-where")
        assert "/bin/bash" in static_text(app, "#confirm-where")
        assert not screen.query("#confirm-input")
        await pilot.press("y")
        await settle(app)
        await pilot.pause()
        assert "caro-safe-run" in log_text(app)
        assert "exit code 0" in static_text(app, "#run-header")
    entry = only_entry()
    assert entry.command == "echo caro-safe-run" and entry.source == "workbench"
    assert entry.cwd == str(tmp_path)
    assert entry.risk_level == "safe"
    assert entry.last_run is not None
    assert entry.last_run.confirmed_by == "key" and entry.last_run.exit_code == 0


async def test_a_high_risk_command_needs_yes_typed(tmp_path: Path) -> None:
    sandbox = tmp_path / "sandbox"
    sandbox.mkdir(mode=0o700)
    app = scripted("chmod -R 777 ./sandbox", tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot, "let everyone write in sandbox")
        assert static_text(app, "#risk") == "risk: high"
        assert "recursively" in static_text(app, "#risk-detail")
        await press_run(pilot)
        screen = app.screen
        assert isinstance(screen, ConfirmRunScreen)
        assert screen.decision.action == "confirm_yes"
        assert "risk: high" in static_text(app, "#confirm-risk")
        assert "recursively" in static_text(app, "#confirm-reasons")
        await pilot.press("y")  # one key is not enough: it only types a letter
        assert app.screen is screen
        assert app.screen.query_one("#confirm-input", Input).value == "y"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert "nothing was run" in static_text(app, "#confirm-error")
        await type_in_dialog(pilot, "yeah")
        assert app.screen is screen
        assert stat.S_IMODE(sandbox.stat().st_mode) == 0o700
        await type_in_dialog(pilot, "yes")
        assert not isinstance(app.screen, ConfirmRunScreen)
        assert "exit code 0" in static_text(app, "#run-header")
    assert stat.S_IMODE(sandbox.stat().st_mode) == 0o777
    last_run = only_entry().last_run
    assert last_run is not None and last_run.confirmed_by == "yes"


async def test_a_critical_command_is_blocked_until_overridden_with_its_first_word(
    tmp_path: Path,
) -> None:
    marker = tmp_path / "ran-marker"
    app = scripted(CRITICAL, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot)
        assert static_text(app, "#risk") == "risk: critical"
        await press_run(pilot)
        screen = app.screen
        assert isinstance(screen, ConfirmRunScreen)
        assert screen.decision.action == "blocked"
        assert "Blocked" in static_text(app, "#confirm-title")
        assert "erases the shell history" in static_text(app, "#confirm-reasons")
        assert "Press o to override" in static_text(app, "#confirm-verdict")
        assert not screen.query("#confirm-yes")  # no way to run it from here
        await pilot.press("y")  # the key that runs a safe command does nothing here
        await settle(app)
        assert app.screen is screen and not marker.exists()

        await pilot.press("o")
        await pilot.pause()
        assert screen.overridden and screen.decision.action == "confirm_word"
        assert screen.decision.required_text == "history"
        assert "history" in static_text(app, "#confirm-verdict")
        await type_in_dialog(pilot, "yes")
        assert app.screen is screen and not marker.exists()
        assert "yes is not history" in static_text(app, "#confirm-error")
        await type_in_dialog(pilot, "history")
        assert not isinstance(app.screen, ConfirmRunScreen)
        assert "exit code 0" in static_text(app, "#run-header")
    assert marker.exists()
    last_run = only_entry().last_run
    assert last_run is not None and last_run.confirmed_by == "word"


async def test_escape_on_a_blocked_command_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "ran-marker"
    app = scripted(CRITICAL, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot)
        await press_run(pilot)
        assert isinstance(app.screen, ConfirmRunScreen)
        await pilot.press("o", "escape")
        await settle(app)
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmRunScreen)
        assert not app.main.results.has_class("-has-run")
    assert not marker.exists()
    assert only_entry().runs == ()


@pytest.mark.parametrize(
    ("answer", "safety", "why"),
    [
        ("touch ran-marker", '[safety]\ndeny = ["touch *"]\n', "deny pattern `touch *`"),
        (CRITICAL, '[safety]\nlevel = "strict"\n', "at the strict safety level"),
    ],
    ids=["deny-pattern", "critical-at-strict"],
)
async def test_what_cannot_be_overridden_stays_blocked(
    tmp_path: Path, answer: str, safety: str, why: str
) -> None:
    marker = tmp_path / "ran-marker"
    app = scripted(answer, tmp_path, safety)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot)
        await press_run(pilot)
        screen = app.screen
        assert isinstance(screen, ConfirmRunScreen)
        assert screen.decision.action == "blocked"
        assert why in static_text(app, "#confirm-verdict")
        assert "cannot be overridden" in static_text(app, "#confirm-verdict")
        assert not screen.query("#confirm-override")
        await pilot.press("o", "y")
        await settle(app)
        await pilot.pause()
        assert app.screen is screen and not screen.overridden
        assert not screen.query("#confirm-input")
        await pilot.press("enter")  # on the one button there is: Close
        await settle(app)
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmRunScreen)
    assert not marker.exists()
    assert only_entry().runs == ()


async def test_an_edit_is_rated_again_and_recorded(tmp_path: Path) -> None:
    app = scripted("echo harmless", tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot)
        assert static_text(app, "#risk") == "risk: safe"
        await pilot.press("ctrl+l", "ctrl+u", *CRITICAL, "enter")
        await settle(app)
        await pilot.pause()
        assert static_text(app, "#risk") == "risk: critical"
        assert "erases the shell history" in static_text(app, "#risk-detail")
        await press_run(pilot)
        screen = app.screen
        assert isinstance(screen, ConfirmRunScreen) and screen.decision.action == "blocked"
        await pilot.press("escape")
        await settle(app)
    assert not (tmp_path / "ran-marker").exists()
    entry = only_entry()
    assert entry.command == "echo harmless"
    assert [edit.command for edit in entry.edits] == [CRITICAL]
    assert entry.final_command == CRITICAL


async def test_a_run_right_after_an_edit_does_not_use_the_old_rating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+R before the edit's new rating has reached the pane: the run rates it itself."""
    from tui.app.widgets.results import ResultsPane

    app = scripted("echo harmless", tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot)
        assert static_text(app, "#risk") == "risk: safe"
        monkeypatch.setattr(ResultsPane, "show_rating", lambda *_args: None)  # never arrives
        await pilot.press("ctrl+l", "ctrl+u", *CRITICAL, "enter")
        await press_run(pilot)
        screen = app.screen
        assert isinstance(screen, ConfirmRunScreen)
        assert screen.decision.action == "blocked"
        assert CRITICAL in static_text(app, "#confirm-command")
        await pilot.press("y", "escape")
        await settle(app)
    assert not (tmp_path / "ran-marker").exists()


async def test_permissive_runs_a_safe_command_without_asking(tmp_path: Path) -> None:
    app = scripted("echo no-questions", tmp_path, '[safety]\nlevel = "permissive"\n')
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot)
        await press_run(pilot)
        assert not isinstance(app.screen, ConfirmRunScreen)
        assert "no-questions" in log_text(app)
    last_run = only_entry().last_run
    assert last_run is not None and last_run.confirmed_by == "none"


async def test_a_run_is_stopped_at_the_configured_timeout(tmp_path: Path) -> None:
    app = scripted("sleep 30", tmp_path, "[safety]\nrun_timeout_s = 0.5\n")
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot, "wait half a minute")
        await press_run(pilot)
        await pilot.press("y")
        await settle(app)
        await pilot.pause()
        header = static_text(app, "#run-header")
        assert "timed out" in header and "SIGINT" in header
    last_run = only_entry().last_run
    assert last_run is not None and last_run.stopped_by == "timeout"


async def test_a_flood_of_output_stays_bounded_in_the_pane(tmp_path: Path) -> None:
    from tui.app.jobs import RUN_LOG_LINES

    app = scripted("seq 1 300000", tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot, "count to three hundred thousand")
        await press_run(pilot)
        await pilot.press("y")
        await settle(app)
        await pilot.pause()
        lines = log_text(app).splitlines()
        assert len(lines) <= RUN_LOG_LINES
        assert lines[-1] == "300000"
        header = static_text(app, "#run-header")
        assert "exit code 0" in header and "earlier lines not kept" in header


async def test_runs_go_to_the_shell_history_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    histfile = tmp_path / "bash_history"
    monkeypatch.setenv("CARO_SHELL", "bash")
    monkeypatch.setenv("CARO_HISTFILE", str(histfile))
    app = scripted("echo into-the-shell-history", tmp_path, "[safety]\nshell_history = true\n")
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot)
        await press_run(pilot)
        await pilot.press("y")
        await settle(app)
    assert histfile.read_text().splitlines()[-1] == "echo into-the-shell-history"
    assert os.environ["CARO_SHELL"] == "bash"
