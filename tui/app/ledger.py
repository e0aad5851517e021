"""The workbench's side of the history: every write and read goes through one thread, in order.

The app never waits on SQLite on its event loop: each call here runs in a single worker thread
(so a run is never recorded before the request it belongs to, and an edit never before its
entry), and comes back as a value. Nothing here raises for a history problem: the problem comes
back as a sentence, said once, and the workbench goes on without the history.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # SQLite and the history modules load in the history thread, on first use
    from tui.core.generation.pipeline import CommandResult
    from tui.core.history import Entry, History
    from tui.core.history.recording import FinishedRun

T = TypeVar("T")
SOURCE = "workbench"
RECALL_LIMIT = 200


class Ledger:
    """Opens the history on first use (`opener`, default `History.open`) and records into it."""

    def __init__(
        self,
        say: Callable[[str], None],
        *,
        opener: Callable[[], History] | None = None,
        shell_history: bool = False,
    ) -> None:
        self._say = say
        self._opener = opener
        self._shell_history = shell_history
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="caro-history")
        self._history: History | None = None
        self._unavailable = False
        self._closed = False

    # -- in the history thread ------------------------------------------------------------------

    def _open(self) -> tuple[History | None, str]:
        if self._history is not None or self._unavailable:
            return self._history, ""
        from tui.core.history import History, HistoryError

        try:
            self._history = (self._opener or History.open)()
        except HistoryError as error:
            self._unavailable = True
            return None, f"the history is off for this session: {error}"
        recovery = self._history.recovery
        return self._history, recovery.describe() if recovery else ""

    def _with_history(self, work: Callable[[History], T], default: T) -> tuple[T, str]:
        from tui.core.history import HistoryError

        history, problem = self._open()
        if history is None:
            return default, problem
        try:
            return work(history), problem
        except HistoryError as error:
            return default, " ".join(part for part in (problem, str(error)) if part)

    async def _call(self, work: Callable[[History], T], default: T) -> T:
        if self._closed:
            return default
        loop = asyncio.get_running_loop()
        # Shielded: a worker cancelled as the app closes must not drop a write still queued
        # (aclose waits for every one of them).
        value, problem = await asyncio.shield(
            loop.run_in_executor(self._executor, partial(self._with_history, work, default))
        )
        if problem:
            self._say(problem)
        return value

    # -- what the workbench records and reads -----------------------------------------------------

    async def record_result(self, result: CommandResult, *, cwd: str, shell: str) -> int | None:
        """Records a request and the model's answer; the entry's id (None without a history)."""
        from tui.core.history.recording import record_result

        def work(history: History) -> int | None:
            return record_result(history, result, cwd=cwd, shell=shell, source=SOURCE)

        return await self._call(work, None)

    async def record_edit(self, entry_id: int | None, command: str) -> None:
        if entry_id is None:
            return

        def work(history: History) -> None:
            history.record_edit(entry_id, command)

        await self._call(work, None)

    async def note_run(self, entry_id: int | None, run: FinishedRun) -> None:
        """Records a finished run, and adds it to the shell's history file when asked to."""
        from tui.core.history.recording import note_run

        def work(history: History | None) -> list[str]:
            return note_run(history, entry_id, run, shell_history=self._shell_history)

        def without_history() -> tuple[list[str], str]:
            history, problem = self._open()
            return work(history), problem

        if self._closed:
            return
        loop = asyncio.get_running_loop()
        problems, problem = await asyncio.shield(
            loop.run_in_executor(self._executor, without_history)
        )
        for sentence in [problem, *problems]:
            if sentence:
                self._say(sentence)

    async def search(self, text: str, *, limit: int = 100) -> list[Entry]:
        """The newest entries with every word of `text` (all of them for no words)."""

        def work(history: History) -> list[Entry]:
            return history.search(text.strip() or None, limit=limit)

        return await self._call(work, [])

    async def recent_requests(self, limit: int = RECALL_LIMIT) -> list[str]:
        """Distinct earlier requests, oldest first (what Up in the prompt walks back through)."""
        entries = await self.search("", limit=limit)
        requests = dict.fromkeys(entry.request for entry in reversed(entries))
        return list(requests)

    async def aclose(self) -> None:
        """Waits for the writes in flight, then closes the database."""
        if self._closed:
            return
        self._closed = True

        def close() -> None:
            if self._history is not None:
                self._history.close()

        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._executor, close)
        self._executor.shutdown(wait=True)
