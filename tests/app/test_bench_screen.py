"""The performance table in the workbench: the real embedded engine timed (one run after the
first), its row and its bars; a backend that is down gets a row that says so; Esc stops."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from tui.app.screens.bench import BenchScreen, charts
from tui.app.widgets.bars import BarChart, bar, chart_text
from tui.core.backends.embedded.llamacpp import LlamaCppBackend
from tui.core.config import Config
from tui.core.measure.perf import BenchRow

from .helpers import app_with, settle

pytestmark = pytest.mark.slow


def table_rows(screen: BenchScreen) -> dict[str, list[str]]:
    table = screen.query_one(DataTable)
    rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
    return {row[0]: row for row in rows}


async def test_the_bench_fills_a_row_and_a_bar_per_backend(
    embedded_config: Config, llama_backend: LlamaCppBackend
) -> None:
    app = app_with(embedded_config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(140, 44)) as pilot:
        await app.workers.wait_for_complete()
        screen = BenchScreen(embedded_config, runs=1)
        await app.push_screen(screen)
        await settle(app)
        await pilot.pause()

        rows = table_rows(screen)
        embedded = rows["embedded-cpu"]
        assert embedded[1] == "SmolLM2-135M-Instruct.Q4_1.gguf"
        assert embedded[2].endswith(("ms", " s"))  # a fresh engine: its load was timed
        assert float(embedded[6]) > 0  # tokens per second
        assert embedded[7].endswith("MB")  # the resident memory the load added
        assert rows["ollama"][1] == "down"
        why = str(screen.query_one("#bench-problems").render())
        assert why.startswith("ollama down: connection refused") and "ollama serve" in why

        measured = {row.backend: row for row in screen.rows}
        assert measured["embedded-cpu"].ok and measured["embedded-cpu"].runs == 1
        chart = str(screen.query_one(BarChart).render())
        speed_line = next(line for line in chart.splitlines() if "tok/s" in line)
        assert "embedded-cpu" in speed_line and "█" in speed_line
        assert "done: 1 backend(s) measured" in str(screen.query_one("#bench-status").render())


async def test_f10_opens_the_bench_and_esc_stops_it(
    embedded_config: Config, llama_backend: LlamaCppBackend
) -> None:
    app = app_with(embedded_config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(140, 44)) as pilot:
        await app.workers.wait_for_complete()
        assert any(entry.title == "caro: Performance table" for entry in app.main.palette_entries())
        await pilot.press("f10")
        screen = app.screen
        assert isinstance(screen, BenchScreen) and screen.running
        await pilot.press("escape")
        await settle(app)
        await pilot.pause()
        assert not isinstance(app.screen, BenchScreen)
        assert not [w for w in screen.workers if not w.is_finished]


def test_bars_grow_by_eighths_and_never_overflow() -> None:
    assert bar(0, 10, 8) == "" and bar(5, 0, 8) == "" and bar(-1, 10, 8) == ""
    assert bar(10, 10, 8) == "█" * 8
    assert bar(50, 10, 8) == "█" * 8  # clipped to the width
    assert bar(5, 10, 8) == "█" * 4
    assert bar(1, 64, 8) == "▏"  # one eighth of a cell
    assert bar(0.001, 10, 8) == "▏"  # a measured value always shows
    assert bar(3, 8, 1) == "▍"  # 3/8 of one cell


def test_the_fastest_backend_is_marked_on_each_chart() -> None:
    rows = [
        BenchRow("fast", "llamacpp", tokens_per_s=40.0, first_s=0.2),
        BenchRow("slow", "ollama", tokens_per_s=10.0, first_s=0.8),
        BenchRow("gone", "openai", status="down", detail="connection refused"),
    ]
    speed, first = charts(rows)
    assert [m.label for m in speed.measures] == ["fast", "slow"]  # down backends are not drawn
    speed_lines = chart_text(speed, 60).plain.splitlines()
    fast_line = next(line for line in speed_lines if "fast " in line)
    slow_line = next(line for line in speed_lines if "slow " in line)
    assert fast_line.rstrip().endswith("fastest") and "fastest" not in slow_line
    width = fast_line.count("█")  # the longest bar fills the room
    assert f" {bar(10.0, 40.0, width)} " in slow_line  # a quarter of it, to an eighth of a cell
    first_lines = chart_text(first, 60).plain.splitlines()
    assert next(line for line in first_lines if "fast " in line).endswith("fastest")


def test_one_backend_alone_is_not_called_fastest() -> None:
    (speed, _first) = charts([BenchRow("only", "llamacpp", tokens_per_s=12.0, first_s=0.5)])
    assert "fastest" not in chart_text(speed, 60).plain
