"""Progress of a download, told through a callback, with speed and time left.

huggingface-hub reports progress by instantiating the `tqdm_class` it is given and calling its
`update(n)` from the downloading thread. `TransferProgress.tqdm_class()` returns such a class,
bound to one `TransferProgress`, that draws nothing: it only counts. The CLI and the TUI read
`ProgressState` values from the callback (the TUI must marshal them to its own thread: the
callback runs in the downloading thread). `cancel()` makes the next update raise
`DownloadCancelled`, which ends the download from inside huggingface-hub's loop.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Speed is measured over the last few seconds: the whole-download average hides a stall.
SPEED_WINDOW_S = 5.0


class DownloadCancelled(Exception):
    """Raised from a progress update once `TransferProgress.cancel()` was called."""


@dataclass(frozen=True)
class ProgressState:
    label: str  # the file being downloaded
    done: int  # bytes of all files so far
    total: int | None  # bytes of all files, when known
    speed_bps: float | None  # bytes per second over the last seconds
    files_done: int = 0
    files_total: int = 1
    phase: str = "downloading"  # "downloading", "verifying", "done"

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return min(1.0, self.done / self.total)

    @property
    def eta_s(self) -> float | None:
        if not self.total or not self.speed_bps or self.speed_bps <= 0:
            return None
        return max(0.0, (self.total - self.done) / self.speed_bps)


Listener = Callable[[ProgressState], None]


class TransferProgress:
    """Counts bytes for one download (one or several files) and tells a listener.

    Thread-safe. The listener is called at most every `min_interval_s` while bytes flow, and
    always when a file starts or ends, when the phase changes, and at the end.
    """

    def __init__(
        self,
        listener: Listener | None = None,
        *,
        min_interval_s: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._listener = listener
        self._min_interval_s = min_interval_s
        self._clock = clock
        self._lock = threading.Lock()
        self._cancelled = threading.Event()
        self._samples: deque[tuple[float, int]] = deque()
        self._last_told = float("-inf")
        self.label = ""
        self.done = 0
        self.total: int | None = None
        self.files_done = 0
        self.files_total = 1
        self.phase = "downloading"

    # -- what the downloader calls -----------------------------------------------------------

    def begin(self, total: int | None, files_total: int) -> None:
        with self._lock:
            self.total, self.files_total = total, files_total
            self._samples.append((self._clock(), self.done))
        # Told with the first file's name, right after.

    def file_started(self, label: str) -> None:
        with self._lock:
            self.label = label
            self.phase = "downloading"
        self._tell(force=True)

    def advance(self, count: int) -> None:
        """Adds bytes (negative when a server ignored a range and the file starts over)."""
        if self._cancelled.is_set():
            raise DownloadCancelled("the download was cancelled")
        with self._lock:
            self.done = max(0, self.done + count)
            now = self._clock()
            self._samples.append((now, self.done))
            while len(self._samples) > 2 and now - self._samples[0][0] > SPEED_WINDOW_S:
                self._samples.popleft()
        self._tell()

    def set_phase(self, phase: str) -> None:
        with self._lock:
            self.phase = phase
        self._tell(force=True)

    def file_done(self) -> None:
        with self._lock:
            self.files_done += 1
        self._tell(force=True)

    # -- what the UI calls -------------------------------------------------------------------

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def state(self) -> ProgressState:
        with self._lock:
            return ProgressState(
                label=self.label,
                done=self.done,
                total=self.total,
                speed_bps=self._speed(),
                files_done=self.files_done,
                files_total=self.files_total,
                phase=self.phase,
            )

    def tqdm_class(self) -> type[HubBar]:
        """A class huggingface-hub can instantiate as its `tqdm_class`, feeding this object."""
        return type("BoundHubBar", (HubBar,), {"progress": self})

    # -- internals ---------------------------------------------------------------------------

    def _speed(self) -> float | None:
        if len(self._samples) < 2:
            return None
        (t0, n0), (t1, n1) = self._samples[0], self._samples[-1]
        if t1 - t0 <= 0:
            return None
        return max(0.0, (n1 - n0) / (t1 - t0))

    def _tell(self, force: bool = False) -> None:
        if self._listener is None:
            return
        now = self._clock()
        if not force and now - self._last_told < self._min_interval_s:
            return
        self._last_told = now
        self._listener(self.state())


class HubBar:
    """Stands in for tqdm inside huggingface-hub: counts bytes into `progress`, draws nothing.

    huggingface-hub calls it with tqdm's keyword arguments (`total`, `initial`, `desc`, `unit`,
    ...), uses it as a context manager, and calls `update(n)`. Defining `update_transfer`
    makes its Xet path use this one bar for bytes written, instead of a second bar for
    network bytes, so bytes are never counted twice.
    """

    progress: TransferProgress

    def __init__(self, *_args: Any, **kwargs: Any) -> None:
        self.total: int | None = kwargs.get("total")
        self.n: int = int(kwargs.get("initial") or 0)
        self.desc: str = str(kwargs.get("desc") or "")
        self.format_dict: dict[str, Any] = {}
        if self.n:
            self.progress.advance(self.n)

    def update(self, n: int | float | None = 1) -> None:
        count = int(n or 0)
        self.n += count
        self.progress.advance(count)

    def update_transfer(self, _n: int | float | None = 1) -> None:
        """Network bytes (Xet): not counted, `update` counts the bytes written."""

    def set_transfer_postfix_str(self, *_args: Any, **_kwargs: Any) -> None:
        """Xet's speed text for its own bar: not shown."""

    def set_postfix_str(self, *_args: Any, **_kwargs: Any) -> None:
        """tqdm's postfix text: not shown."""

    def set_description(self, desc: str | None = None, refresh: bool = True) -> None:
        self.desc = desc or ""

    def refresh(self) -> None:
        """Nothing to redraw."""

    def reset(self, total: int | None = None) -> None:
        self.progress.advance(-self.n)
        self.n, self.total = 0, total

    def close(self) -> None:
        """The download's end is reported by the downloader, not by the bar."""

    def __enter__(self) -> HubBar:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def describe(state: ProgressState) -> str:
    """One plain sentence about a download, for notices (the CLI draws a real bar)."""
    if state.phase != "downloading":
        return f"{state.label}: {state.phase}"
    mb = state.done / 1e6
    parts = [f"{mb:.0f} MB" + (f" of {state.total / 1e6:.0f} MB" if state.total else "")]
    if state.speed_bps:
        parts.append(f"{state.speed_bps / 1e6:.1f} MB/s")
    if state.eta_s is not None:
        parts.append(f"{state.eta_s:.0f} s left")
    return f"{state.label}: " + ", ".join(parts)


def every(seconds: float, tell: Callable[[str], None]) -> Listener:
    """A listener that tells `describe(state)` at most every `seconds`, and at each new phase."""
    told_at = [float("-inf")]
    told_phase = [""]

    def listener(state: ProgressState) -> None:
        now = time.monotonic()
        if state.phase != told_phase[0] or now - told_at[0] >= seconds:
            told_at[0], told_phase[0] = now, state.phase
            tell(describe(state))

    return listener
