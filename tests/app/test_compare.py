"""Compare: two real embedded engines answer the same request at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import closed_port
from tui.app.screens.compare import CandidateColumn, CompareScreen
from tui.core.backends.embedded.llamacpp import LlamaCppBackend

from .helpers import app_with, write_config

pytestmark = pytest.mark.slow


async def test_compare_runs_backends_concurrently_and_a_pick_comes_back(
    bundled_model: Path, llama_backend: LlamaCppBackend
) -> None:
    config = write_config(
        f"""
[backends.embedded-cpu]
model = "{bundled_model}"

[backends.second]
kind = "llamacpp"
model = "{bundled_model}"
threads = 1

[backends.ollama]
host = "http://127.0.0.1:{closed_port()}"
timeout = 2

[generation]
candidates = 1
"""
    )
    app = app_with(config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(140, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press(*"show the current date", "ctrl+t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        # Only the healthy ones: ollama is down, mlx disabled.
        assert screen.backends == ["embedded-cpu", "second"]
        await app.workers.wait_for_complete()
        await pilot.pause()

        columns = list(screen.query(CandidateColumn))
        assert all(column.result is not None for column in columns)
        # Concurrent: each started before the other finished (so wall time = the slowest).
        (start_a, end_a), (start_b, end_b) = screen.spans.values()
        assert end_a is not None and end_b is not None
        assert start_b < end_a and start_a < end_b
        assert screen.wall_time_s == max(end_a, end_b) - min(start_a, start_b)
        # Both share the one llama.cpp thread: the second waited for the first, and that wait
        # is not counted again in what they would take one after another.
        serial = screen.one_after_another_s
        assert serial is not None
        assert serial < (end_a - start_a) + (end_b - start_b)

        picked = columns[1].result
        assert picked is not None
        await pilot.press("2")
        await app.workers.wait_for_complete()  # the pick is recorded, then shown
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)
        assert app.main.results.shown.result is picked
        assert app.main.results.shown.backend == "second"
        assert app.main.results.shown.entry_id is not None


async def test_compare_uses_the_marked_backends(
    bundled_model: Path, llama_backend: LlamaCppBackend
) -> None:
    config = write_config(
        f"""
[backends.embedded-cpu]
model = "{bundled_model}"

[backends.ollama]
host = "http://127.0.0.1:{closed_port()}"
timeout = 2

[generation]
candidates = 1
"""
    )
    app = app_with(config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(140, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("alt+2", "f4", "alt+3", "f4")
        assert app.main.state.compare_set() == ["embedded-cpu", "ollama"]
        await pilot.press(*"count lines in main.py", "ctrl+t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        first, second = screen.query(CandidateColumn)
        assert first.result is not None
        assert second.result is None and second.has_class("-failed")
        await pilot.press("escape")
        assert not isinstance(app.screen, CompareScreen)
