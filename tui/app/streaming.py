"""Coalesces a fast stream of small items into batches handed over at most every ~30 ms.

A fast model produces hundreds of deltas per second; one message per delta would flood the
message queue and re-render the pane each time. The first item after a flush arms a timer; when
it fires, everything gathered since is handed over in one call. `close()` hands over the rest.
Runs on the event loop (the callers are async workers), so no locking is needed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

Item = TypeVar("Item")
FLUSH_INTERVAL_S = 0.03


class Coalescer(Generic[Item]):
    def __init__(
        self, deliver: Callable[[list[Item]], object], interval_s: float = FLUSH_INTERVAL_S
    ) -> None:
        self._deliver = deliver
        self._interval_s = interval_s
        self._pending: list[Item] = []
        self._timer: asyncio.TimerHandle | None = None
        self.batches = 0

    def add(self, item: Item) -> None:
        self._pending.append(item)
        if self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self._interval_s, self.flush)

    def extend(self, items: Iterable[Item]) -> None:
        for item in items:
            self.add(item)

    def flush(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._pending:
            pending, self._pending = self._pending, []
            self.batches += 1
            self._deliver(pending)

    def close(self) -> None:
        self.flush()
