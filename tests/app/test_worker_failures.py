"""A worker that fails with an exception nobody expected is said on screen and logged.

Workers run with exit_on_error=False (one broken answer must not end the workbench); before
the handler in tui.app.worker_failures such an exception vanished without a word. The fault is
injected into the history ledger, whose reads never raise by design: a bug there is exactly
the kind of failure nothing else would catch.
"""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest
from textual.worker import WorkerState

from tui.app.ledger import Ledger
from tui.app.screens.main import MainScreen
from tui.app.worker_failures import report_failed_worker

from .helpers import ScriptedBackend, app_with, write_config


class BrokenLedger(Ledger):
    async def recent_requests(self) -> list[str]:
        raise RuntimeError("the history index is corrupt (injected)")


def on_screen_notices(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    return "\n".join(str(toast.render()) for toast in screen.query("Toast"))


async def test_a_failed_worker_becomes_a_notice_and_a_log_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    config = write_config("")
    ledger = BrokenLedger(lambda _problem: None)
    app = app_with(
        config, {"embedded-cpu": ScriptedBackend("embedded-cpu", "ls -a")}, ledger=ledger
    )
    caplog.set_level(logging.ERROR, logger="caro.workbench")
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        shown = on_screen_notices(app)
        assert "history failed" in shown, shown
        assert "RuntimeError: the history index is corrupt (injected)" in shown
        # the workbench carries on: a request still gets its answer
        await pilot.press(*"list", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.main.shown.command == "ls -a"
    (record,) = [r for r in caplog.records if r.name == "caro.workbench"]
    assert "history failed" in record.getMessage()
    assert record.exc_info is not None and isinstance(record.exc_info[1], RuntimeError)


def test_a_failed_workers_text_is_shown_plainly() -> None:
    """The exception may quote a server: the notice carries no markup and no raw escape."""
    error = RuntimeError("server said [b]bold[/b] \x1b]52;c;aGk=\x07")
    worker = SimpleNamespace(name="history", group="history", error=error)
    event = SimpleNamespace(state=WorkerState.ERROR, worker=worker)
    said: list[tuple[str, dict[str, object]]] = []
    assert report_failed_worker(event, lambda message, **kw: said.append((message, kw)))  # type: ignore[arg-type]
    ((message, options),) = said
    assert options.get("markup") is False
    assert "\x1b" not in message and "␛]52;c;aGk=␇" in message and "[b]bold[/b]" in message
