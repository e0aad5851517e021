"""Bridges a blocking, token-by-token generation in a worker thread to an async stream.

The embedded engines generate in a plain thread (their calls block for seconds). The thread
pushes events through the event loop's thread-safe door; the consumer reads them as an async
iterator. Closing that iterator (or cancelling its task) sets `cancel`, which the worker checks
between tokens.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable

from tui.core.backends.base import Finished, StreamEvent

Emit = Callable[[StreamEvent], None]
Work = Callable[[Emit, threading.Event], None]


class _Done:
    """Sentinel: the worker returned."""


async def stream_from_thread(
    work: Work, *, name: str = "caro-generate"
) -> AsyncIterator[StreamEvent]:
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[StreamEvent | BaseException | _Done] = asyncio.Queue()
    cancel = threading.Event()

    def put(item: StreamEvent | BaseException | _Done) -> None:
        try:
            loop.call_soon_threadsafe(queue.put_nowait, item)
        except RuntimeError:  # the loop closed: nobody is listening any more
            cancel.set()

    def run() -> None:
        try:
            work(put, cancel)
        except BaseException as error:  # noqa: BLE001 - handed to the consumer, re-raised there
            put(error)
        finally:
            put(_Done())

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    try:
        while True:
            item = await queue.get()
            if isinstance(item, _Done):
                return
            if isinstance(item, BaseException):
                raise item
            yield item
            if isinstance(item, Finished):
                return
    finally:
        cancel.set()
