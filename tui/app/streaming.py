"""Throttles a fast stream of small items into batches: at most one hand-over per interval.

A fast model produces a hundred deltas a second; one message per delta would flood the message
queue, and each repaint costs the main thread a few milliseconds, time during which an embedded
engine's thread waits for the interpreter lock. So the first item after a quiet spell is handed
over at once (the first token shows without delay), and whatever arrives after it waits for the
end of the interval and goes over in one batch. `close()` hands over the rest. Runs on the event
loop (the callers are async workers), so no locking is needed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

Item = TypeVar("Item")
# Ten updates a second still reads as streaming, and keeps drawing off the engine's back.
FLUSH_INTERVAL_S = 0.1


class Coalescer(Generic[Item]):
    def __init__(
        self, deliver: Callable[[list[Item]], object], interval_s: float = FLUSH_INTERVAL_S
    ) -> None:
        self._deliver = deliver
        self._interval_s = interval_s
        self._pending: list[Item] = []
        self._timer: asyncio.TimerHandle | None = None
        self._last_flush = float("-inf")
        self.batches = 0

    def add(self, item: Item) -> None:
        self._pending.append(item)
        if self._timer is not None:
            return
        loop = asyncio.get_running_loop()
        wait = self._last_flush + self._interval_s - loop.time()
        if wait <= 0:
            self.flush()
        else:
            self._timer = loop.call_later(wait, self.flush)

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
            self._last_flush = asyncio.get_running_loop().time()
            self._deliver(pending)

    def close(self) -> None:
        self.flush()
