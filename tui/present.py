"""What the CLI and the workbench both show, worked out once: durations, sizes, the bench table.

Below both front ends (tui.cli and tui.app import it; it imports neither, nor Textual), so a
figure reads the same in `caro bench` and on the performance screen. Pure functions: the
snapshot tests rely on that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # perf pulls in generation and the registry: not for a progress line
    from tui.core.measure.perf import BenchRow

_UNITS = ("B", "kB", "MB", "GB", "TB")

# The columns of the performance table (`caro bench` and the workbench's F10 screen).
BENCH_COLUMNS = ("backend", "model", "load", "first", "next", "ttft", "tok/s", "memory")
# Longer model names are cut with an ellipsis so the table keeps its width.
BENCH_MODEL_WIDTH = 36


def seconds(value: float | None, missing: str = "—") -> str:
    """42 ms under a second, 2.50 s above; `missing` when there is no figure."""
    if value is None:
        return missing
    if value < 1:
        return f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def duration(value: float) -> str:
    """A time left or taken, to the second: 42s, 3m07s, 1h05m."""
    whole = round(value)
    if whole >= 3600:
        return f"{whole // 3600}h{whole % 3600 // 60:02d}m"
    if whole >= 60:
        return f"{whole // 60}m{whole % 60:02d}s"
    return f"{whole}s"


def size(value: int | None) -> str:
    """A size as read at a glance (98 MB, 1.5 GB); empty when unknown."""
    if value is None:
        return ""
    amount = float(value)
    for unit in _UNITS:
        if amount < 1000 or unit == _UNITS[-1]:
            return f"{amount:.0f} {unit}" if amount >= 10 else f"{amount:.1f} {unit}"
        amount /= 1000
    return ""  # unreachable: the loop always returns


def size_fixed(count: float) -> str:
    """A size with one decimal from the kilobyte up (3.0 MB): a redrawn progress line and a
    printed table keep their width while the figure changes."""
    for unit, factor in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if count >= factor:
            return f"{count / factor:.1f} {unit}"
    return f"{int(count)} B"


def bench_memory(row: BenchRow) -> str:
    """The memory figure and where it comes from (RSS growth, Ollama's /api/ps, ...)."""
    if row.memory_bytes is None:
        return row.memory_source
    return f"{size_fixed(row.memory_bytes)} ({row.memory_source})"


def bench_cells(row: BenchRow) -> tuple[str, ...]:
    """One row of the performance table; a backend that was not timed gets its status."""
    if not row.ok:
        return (row.backend, f"{row.status}: {row.detail}")
    model = row.model
    if len(model) > BENCH_MODEL_WIDTH:
        model = model[: BENCH_MODEL_WIDTH - 1] + "…"
    speed = f"{row.tokens_per_s:.1f}" if row.tokens_per_s is not None else "n/a"
    return (
        row.backend,
        model,
        seconds(row.load_s, "n/a"),
        seconds(row.first_s, "n/a"),
        seconds(row.subsequent_s, "n/a"),
        seconds(row.ttft_s, "n/a"),
        speed,
        bench_memory(row),
    )
