"""Bridges a blocking, token-by-token generation in a worker thread to an async stream.

The embedded engines generate in a worker thread (their calls block for seconds). The worker
pushes events through the event loop's thread-safe door; the consumer reads them as an async
iterator. Closing that iterator (or cancelling its task) sets `cancel`, which the worker checks
between tokens.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import AsyncIterator, Callable

from tui.core.backends.base import Finished, StreamEvent

Emit = Callable[[StreamEvent], None]
Work = Callable[[Emit, threading.Event], None]


class _Done:
    """Sentinel: the worker returned."""


def engine_thread(name: str) -> concurrent.futures.ThreadPoolExecutor:
    """One long-lived thread for all of an engine's compute.

    llama.cpp's OpenMP runtime keeps a team of spinning worker threads for every thread that
    ever called into it; two calling threads on two cores halve the speed for the rest of the
    process (measured: 130 -> 60 tokens/s). Running every call on one thread avoids that.
    """
    return concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)


async def stream_from_thread(
    work: Work, *, executor: concurrent.futures.Executor | None = None, name: str = "caro-generate"
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

    if executor is None:
        threading.Thread(target=run, name=name, daemon=True).start()
    else:
        executor.submit(run)
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
