"""Progress bars on stderr: one redrawn line on a terminal, a few plain lines elsewhere."""

from __future__ import annotations

import time
from typing import TextIO

from tui.core.backends.served.ollama_pull import PullProgress
from tui.core.display import displayable
from tui.core.models.progress import ProgressState
from tui.present import duration, size_fixed

BAR_WIDTH = 30
# Without a terminal, a line every this many seconds (a log, not an animation).
PLAIN_INTERVAL_S = 5.0


def bar(fraction: float, width: int = BAR_WIDTH) -> str:
    filled = round(fraction * width)
    return "#" * filled + "-" * (width - filled)


def progress_line(state: PullProgress, width: int = BAR_WIDTH) -> str:
    """An Ollama pull's line (its status is the server's words: shown visible)."""
    fraction = state.fraction
    status = displayable(state.status)
    if fraction is None:
        return status
    sizes = f"{size_fixed(state.completed)} / {size_fixed(state.total)}"
    return f"{status:<24} [{bar(fraction, width)}] {fraction * 100:5.1f}%  {sizes}"


def download_line(state: ProgressState, width: int = BAR_WIDTH) -> str:
    """A Hub download's line: file, bar, share, sizes, speed and time left."""
    shown = displayable(state.label)  # a file name from the Hub's listing
    label = shown if len(shown) <= 40 else "…" + shown[-39:]
    if state.files_total > 1:
        label = f"[{min(state.files_done + 1, state.files_total)}/{state.files_total}] {label}"
    if state.phase == "verifying":
        return f"{label}  verifying checksum ..."
    if state.phase == "done":
        return f"{label}  done, {size_fixed(state.done)}"
    fraction = state.fraction
    sizes = size_fixed(state.done) + (f" / {size_fixed(state.total)}" if state.total else "")
    speed = f"{size_fixed(state.speed_bps)}/s" if state.speed_bps else "-- /s"
    eta = f"{duration(state.eta_s)} left" if state.eta_s is not None else "-- left"
    if fraction is None:
        return f"{label}  {sizes}  {speed}"
    return f"{label}  [{bar(fraction, width)}] {fraction * 100:5.1f}%  {sizes}  {speed}  {eta}"


class ProgressPrinter:
    """Redraws one line on a terminal; prints each new Ollama pull status once elsewhere."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.last_status = ""
        self.last_draw = 0.0

    def __call__(self, state: PullProgress) -> None:
        if self.tty:
            now = time.monotonic()
            if now - self.last_draw >= 0.1 or state.status != self.last_status:
                self.stream.write("\r\x1b[K" + progress_line(state))
                self.stream.flush()
                self.last_draw = now
        elif state.status != self.last_status:
            self.stream.write(progress_line(state) + "\n")
        self.last_status = state.status

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
        self.stream.flush()


class DownloadPrinter:
    """Draws a Hub download: redrawn on a terminal, a line every few seconds elsewhere."""

    def __init__(self, stream: TextIO, *, tty: bool | None = None) -> None:
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.last_plain = float("-inf")
        self.last_phase = ""
        self.drawn = False

    def __call__(self, state: ProgressState) -> None:
        line = download_line(state)
        if self.tty:
            self.stream.write("\r\x1b[K" + line)
            self.drawn = True
        else:
            now = time.monotonic()
            if state.phase != self.last_phase or now - self.last_plain >= PLAIN_INTERVAL_S:
                self.stream.write(line + "\n")
                self.last_plain = now
        self.last_phase = state.phase
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self.drawn:
            self.stream.write("\n")
        self.stream.flush()
