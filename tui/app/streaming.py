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


class TailCoalescer(Coalescer[Item]):
    """A Coalescer for a flood: between two hand-overs only the last `limit` items are kept
    (memory stays bounded whatever the producer does), and how many were skipped is handed
    over with them. The skipped ones are older than `limit` newer ones, so a view that shows
    the last `limit` items would have scrolled them away anyway."""

    def __init__(
        self,
        deliver: Callable[[list[Item], int], object],
        limit: int,
        interval_s: float = FLUSH_INTERVAL_S,
    ) -> None:
        super().__init__(self._hand_over, interval_s)
        self._deliver_tail = deliver
        self._limit = max(1, limit)
        self._skipped = 0

    def add(self, item: Item) -> None:
        super().add(item)
        if len(self._pending) >= 2 * self._limit:  # trim now and then, not on every item
            self._skipped += len(self._pending) - self._limit
            del self._pending[: -self._limit]

    def _hand_over(self, batch: list[Item]) -> None:
        skipped, self._skipped = self._skipped, 0
        if len(batch) > self._limit:
            skipped += len(batch) - self._limit
            batch = batch[-self._limit :]
        self._deliver_tail(batch, skipped)
