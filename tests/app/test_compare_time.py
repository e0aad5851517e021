"""Compare on two backends that share one engine (they take turns, as two llama.cpp backends do
on the one engine thread): the wall time is true, and "one after another" is their work, not
their work plus the second one's wait."""

from __future__ import annotations

import asyncio

from tests.conftest import closed_port
from tests.replay import ReplayBackend
from tui.app.screens.compare import CompareScreen

from .helpers import app_with, settle, static_text, write_config

CONFIG = f"""
[backends.embedded-cpu]
model = "replay.gguf"

[backends.second]
kind = "llamacpp"
model = "replay.gguf"

[backends.ollama]
host = "http://127.0.0.1:{closed_port()}"
timeout = 2

[generation]
candidates = 1
"""


async def test_compare_on_a_shared_engine_does_not_count_the_wait_twice() -> None:
    engine = asyncio.Lock()
    first = ReplayBackend("embedded-cpu", ["wc -l app.log\n"], engine=engine, hold_s=0.3)
    second = ReplayBackend("second", ["grep -c . app.log\n"], engine=engine, hold_s=0.3)
    app = app_with(write_config(CONFIG), {"embedded-cpu": first, "second": second})
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app)
        await pilot.press(*"count the lines", "ctrl+t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.backends == ["embedded-cpu", "second"]
        await settle(app)
        await pilot.pause()

        # Both were asked at once, and the engine served them one after the other.
        (start_a, end_a), (start_b, end_b) = screen.spans.values()
        assert end_a is not None and end_b is not None
        assert start_b < end_a and start_a < end_b
        (turn_a,), (turn_b,) = first.turns, second.turns
        assert turn_a[1] <= turn_b[0] or turn_b[1] <= turn_a[0]

        wall = screen.wall_time_s
        serial = screen.one_after_another_s
        assert wall is not None and serial is not None
        assert wall == max(end_a, end_b) - min(start_a, start_b)
        # Their work was done in turns inside the wall time: asked one after another they
        # would take no longer than they did at once. Adding the spans counts a wait twice.
        assert serial <= wall
        assert serial < (end_a - start_a) + (end_b - start_b)
        assert "one after another it would be" in static_text(app, "#compare-summary")
