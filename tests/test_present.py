"""tui.present: the figures the CLI and the workbench both show, worked out once."""

from __future__ import annotations

from rich.text import Text

from tui import present
from tui.app.screens import bench as bench_screen
from tui.cli import bench as bench_cli
from tui.cli import progress
from tui.core.measure.perf import BenchRow
from tui.core.models.progress import ProgressState

TIMED = BenchRow(
    "embedded-cpu",
    "llamacpp",
    "a-model-whose-name-is-far-too-long-for-the-table-Q4_K_M.gguf",
    load_s=1.5,
    first_s=0.25,
    subsequent_s=0.5,
    ttft_s=None,
    tokens_per_s=41.25,
    memory_bytes=2_345_000_000,
    memory_source="RSS growth over the load",
    runs=3,
)


def test_durations_read_the_same_everywhere() -> None:
    assert [present.duration(s) for s in (4.6, 187, 3900)] == ["5s", "3m07s", "1h05m"]
    assert present.seconds(None) == "—" and present.seconds(None, "n/a") == "n/a"
    assert present.seconds(0.0421) == "42 ms" and present.seconds(12.345) == "12.35 s"


def test_the_two_size_styles() -> None:
    assert present.size(5_000) == "5.0 kB" and present.size(98_000_000) == "98 MB"
    assert present.size(None) == ""
    assert present.size_fixed(98_000_000) == "98.0 MB" and present.size_fixed(999) == "999 B"


def test_bench_cells_cut_long_names_and_say_what_is_missing() -> None:
    cells = present.bench_cells(TIMED)
    assert len(cells) == len(present.BENCH_COLUMNS)
    assert len(cells[1]) == present.BENCH_MODEL_WIDTH and cells[1].endswith("…")
    assert cells[2:7] == ("1.50 s", "250 ms", "500 ms", "n/a", "41.2")
    assert cells[7] == "2.3 GB (RSS growth over the load)"
    down = BenchRow("ollama", "ollama", status="down", detail="connection refused")
    assert present.bench_cells(down) == ("ollama", "down: connection refused")


def test_the_cli_table_and_the_performance_screen_show_the_same_cells() -> None:
    printed = bench_cli.render([TIMED], 3).splitlines()[1]
    on_screen = [cell.plain for cell in bench_screen.row_cells(TIMED)]
    # The screen says where the memory figure comes from once, under the charts.
    assert on_screen[:-1] == list(present.bench_cells(TIMED))[:-1]
    for cell in on_screen[:-1]:
        assert cell in printed
    assert isinstance(bench_screen.row_cells(TIMED)[0], Text)


def test_a_cli_download_line_uses_the_shared_figures() -> None:
    state = ProgressState("model.gguf", done=3_000_000, total=6_000_000, speed_bps=40_000)
    line = progress.download_line(state)
    assert "3.0 MB / 6.0 MB" in line and "1m15s left" in line
