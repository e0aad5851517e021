"""The workbenches `caro serve` starts end with it, and on their own when it is gone.

A tab is opened the way the page does it (a WebSocket with the cookie and the page's origin)
and the workbench behind it draws its first frames; then the server is stopped (Ctrl+C or
SIGTERM), killed outright, or the workbench itself gets SIGTERM. Every process the server had
started must be gone within a generous bound (slow machines), never merely "asked to stop".
"""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path

import aiohttp
import pytest

from tests.processes import describe, running
from tests.serving import Served, caro_serve, write_serve_config

pytestmark = pytest.mark.slow
GONE_WITHIN_S = 20.0
FIRST_FRAME_S = 90.0


async def open_tab(
    session: aiohttp.ClientSession, served: Served
) -> aiohttp.ClientWebSocketResponse:
    """A tab whose workbench has drawn: the socket has carried the workbench's screen."""
    socket = await session.ws_connect(
        f"ws://127.0.0.1:{served.port}/ws?width=100&height=30",
        headers={"Origin": f"http://127.0.0.1:{served.port}", "Cookie": served.cookie},
    )
    drawn = b""
    deadline = time.monotonic() + FIRST_FRAME_S
    while b"What should the command do?" not in drawn:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"the workbench never drew its prompt:\n{served.output()}")
        message = await socket.receive(timeout=left)
        if message.type == aiohttp.WSMsgType.BINARY:
            drawn += message.data
        elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            raise AssertionError(f"the tab closed before drawing:\n{served.output()}")
    return socket


async def wait_until_gone(pids: set[int], timeout_s: float = GONE_WITHIN_S) -> set[int]:
    deadline = time.monotonic() + timeout_s
    while (left := {pid for pid in pids if running(pid)}) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    return left


@pytest.fixture(autouse=True)
def config(bundled_model: Path) -> None:
    write_serve_config(bundled_model)


@pytest.mark.parametrize("stop_with", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
async def test_stopping_the_server_ends_every_workbench_it_started(
    tmp_path: Path, stop_with: signal.Signals
) -> None:
    with caro_serve(tmp_path) as served:
        async with aiohttp.ClientSession() as session:
            await open_tab(session, served)
            await open_tab(session, served)
            tabs = served.note_tabs()
            assert tabs, "no workbench process was found under caro serve"
            served.process.send_signal(stop_with)
            left = await wait_until_gone(tabs | {served.process.pid})
            assert not left, f"still running after {GONE_WITHIN_S:.0f} s:\n{describe(left)}"
            served.process.wait(timeout=5)


async def test_a_workbench_ends_when_the_server_is_killed(tmp_path: Path) -> None:
    """SIGKILL leaves the server no say: the workbench notices its pipe closing and ends."""
    with caro_serve(tmp_path) as served:
        async with aiohttp.ClientSession() as session:
            await open_tab(session, served)
            tabs = served.note_tabs()
            served.process.kill()
            served.process.wait(timeout=10)
            left = await wait_until_gone(tabs)
            assert not left, f"still running after {GONE_WITHIN_S:.0f} s:\n{describe(left)}"


async def test_sigterm_ends_a_served_workbench_and_closes_its_tab(tmp_path: Path) -> None:
    with caro_serve(tmp_path) as served:
        async with aiohttp.ClientSession() as session:
            socket = await open_tab(session, served)
            tabs = served.note_tabs()
            for pid in tabs:
                signal_process(pid, signal.SIGTERM)
            left = await wait_until_gone(tabs)
            assert not left, f"still running after {GONE_WITHIN_S:.0f} s:\n{describe(left)}"
            while not socket.closed:
                message = await socket.receive(timeout=GONE_WITHIN_S)
                if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                    break
            assert served.process.poll() is None, "the server must outlive one tab"


def signal_process(pid: int, number: signal.Signals) -> None:
    import os

    os.kill(pid, number)
