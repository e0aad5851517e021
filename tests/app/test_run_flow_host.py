"""The run flow needs only its RunHost protocol, not the app: driven here by a plain object,
from Ctrl+R's rating through the confirmation to a recorded run of a real command."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any

from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen

from tui.app.messages import RunFinished, RunOutput
from tui.app.run_flow import RunFlow, RunHost, RunTarget
from tui.app.screens.confirm_run import Approval, ConfirmRunScreen
from tui.core.history.recording import FinishedRun

from .helpers import write_config


class View:
    def __init__(self) -> None:
        self.began: list[tuple[str, str]] = []
        self.messages: list[Message] = []

    def begin_run(self, command: str, cwd: str) -> None:
        self.began.append((command, cwd))

    def post_message(self, message: Message) -> bool:
        self.messages.append(message)
        return True


class Host:
    shell = "/bin/sh"

    def __init__(self) -> None:
        self.view = View()
        self.notices: list[str] = []
        self.jobs: list[asyncio.Task[object]] = []
        self.screens: list[tuple[Screen[Any], Callable[[Any], None]]] = []
        self.runs: list[tuple[int | None, FinishedRun]] = []

    @property
    def run_view(self) -> View:
        return self.view

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
    ) -> None:
        self.notices.append(message)

    def start_job(self, work: Coroutine[Any, Any, object], *, group: str, name: str = "") -> None:
        self.jobs.append(asyncio.ensure_future(work))

    def open_screen(
        self, screen: Screen[Any], callback: Callable[[Any], None]
    ) -> Awaitable[object]:
        self.screens.append((screen, callback))
        return asyncio.sleep(0)

    async def note_run(self, entry_id: int | None, run: FinishedRun) -> None:
        self.runs.append((entry_id, run))

    async def settle(self) -> None:
        while not all(job.done() for job in self.jobs):
            await asyncio.gather(*self.jobs)


async def test_a_plain_host_rates_asks_runs_and_records(tmp_path: Path) -> None:
    host = Host()
    checked: RunHost = host  # the protocol is all the flow needs
    flow = RunFlow(checked, write_config(""))
    flow.ask(RunTarget("echo caro-flow-ran", "say something", str(tmp_path), entry_id=7))
    await host.settle()

    (screen, answer), *_ = host.screens  # echo is low risk, but the default policy still asks
    assert isinstance(screen, ConfirmRunScreen)
    assert not host.view.began, "nothing runs before the person answers"
    answer(Approval("key"))
    await host.settle()

    assert host.view.began == [("echo caro-flow-ran", str(tmp_path))]
    output = [line.text for m in host.view.messages if isinstance(m, RunOutput) for line in m.lines]
    assert output == ["caro-flow-ran"]
    (finished,) = [m for m in host.view.messages if isinstance(m, RunFinished)]
    assert finished.result.ok
    ((entry_id, run),) = host.runs
    assert entry_id == 7 and run.confirmed_by == "key"
    assert not flow.running


async def test_a_second_run_waits_for_the_first(tmp_path: Path) -> None:
    host = Host()
    flow = RunFlow(host, write_config(""))
    flow.ask(RunTarget("sleep 30", None, str(tmp_path)))
    await host.settle()
    (_screen, answer), *_ = host.screens
    answer(Approval("key"))
    await asyncio.sleep(0)
    assert flow.running
    flow.ask(RunTarget("echo second", None, str(tmp_path)))
    assert host.notices == ["a command is still running (Esc stops it)"]
    assert flow.stop()
    await host.settle()
    assert not flow.running and len(host.view.began) == 1
