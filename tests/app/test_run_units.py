"""The plain parts of running from the workbench: the bounded output batches, what a real flood
posts to the pane, the ledger's handling of a history it cannot open, and the confirmation
screen's reading of what was typed."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.message import Message

from tui.app import jobs
from tui.app.keys import BINDING_IDS
from tui.app.ledger import Ledger
from tui.app.messages import RunFinished, RunOutput
from tui.app.screens.confirm_run import ConfirmRunScreen, approval_for
from tui.app.streaming import TailCoalescer
from tui.core.history import History, HistoryError
from tui.core.safety import SafetyPolicy, assess


async def test_a_tail_coalescer_keeps_only_the_last_items_between_hand_overs() -> None:
    delivered: list[tuple[list[int], int]] = []
    batcher: TailCoalescer[int] = TailCoalescer(
        lambda items, skipped: delivered.append((items, skipped)), limit=100, interval_s=10
    )
    for number in range(100_000):
        batcher.add(number)
        assert len(batcher._pending) < 200  # memory stays bounded however much comes
    batcher.close()
    first, rest = delivered
    assert first == ([0], 0)  # the first item goes at once
    assert rest[0] == list(range(99_900, 100_000))
    assert rest[1] == 99_999 - 100  # every item is either delivered or counted


class Collector:
    """Stands in for the results pane: keeps what a worker posts."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    def post_message(self, message: Message) -> bool:
        self.messages.append(message)
        return True


async def test_a_flood_reaches_the_pane_in_bounded_batches(tmp_path: Path) -> None:
    pane = Collector()
    result = await jobs.stream_run(
        pane,  # type: ignore[arg-type]
        "seq 1 500000",
        cwd=str(tmp_path),
        shell="/bin/sh",
        cancel=asyncio.Event(),
    )
    outputs = [m for m in pane.messages if isinstance(m, RunOutput)]
    assert outputs and all(len(m.lines) <= jobs.RUN_LOG_LINES for m in outputs)
    assert outputs[-1].lines[-1].text == "500000"
    assert sum(len(m.lines) for m in outputs) < 500_000 // 4
    assert isinstance(pane.messages[-1], RunFinished)
    assert result.exit_code == 0 and result.dropped_lines > 0


async def test_the_ledger_says_once_that_the_history_is_off_and_goes_on(tmp_path: Path) -> None:
    said: list[str] = []

    def broken() -> History:
        raise HistoryError(tmp_path / "history.sqlite3", "disk I/O error")

    ledger = Ledger(said.append, opener=broken)
    from tui.core.generation.pipeline import CommandResult

    result = CommandResult(
        request="list files", command="ls", raw="ls", backend="b", model="m", timings=None
    )
    assert await ledger.record_result(result, cwd=str(tmp_path), shell="bash") is None
    assert await ledger.search("") == []
    await ledger.record_edit(None, "ls -a")
    assert len(said) == 1 and "history is off" in said[0] and "disk I/O error" in said[0]
    await ledger.aclose()
    assert await ledger.search("") == []  # closed: nothing, and no error


def test_the_typed_confirmation_must_be_exact() -> None:
    policy = SafetyPolicy()

    def screen(command: str) -> Any:
        return ConfirmRunScreen(command, "/tmp", "/bin/bash", assess(command), policy)

    high = screen("chmod -R 777 ./sandbox")
    assert high.decision.action == "confirm_yes"
    assert high.typed_matches("yes") and high.typed_matches(" YES ")
    assert not high.typed_matches("y") and not high.typed_matches("yes please")
    critical = screen("history -c")
    assert critical.decision.action == "blocked" and critical.overridable
    assert not critical.typed_matches("history")  # blocked: nothing typed runs it
    critical.decision, critical.overridden = critical.override_decision, True
    assert critical.typed_matches("history") and not critical.typed_matches("History")
    assert approval_for(critical.decision, overridden=True).confirmed_by == "word"


def test_the_keys_of_the_dialogs_can_be_remapped_by_id() -> None:
    wanted = {"accept", "history", "confirm.run", "confirm.override", "history.run", "compare.pick"}
    assert wanted <= BINDING_IDS
