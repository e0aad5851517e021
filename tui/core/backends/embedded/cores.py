"""How many threads one llama.cpp generation may use, chosen when it starts.

llama.cpp's threads wait for each other at every step of the graph by spinning, so a thread on
a core another program wants costs far more than it gives (measured on 2 busy cores: 2.8 tokens
a second with 2 threads, 64 with 1), while on idle cores every thread helps. A one-minute load
average is too slow to tell the two apart (a benchmark's own processes keep it above 1 for
minutes), so the choice reads how many tasks are ready to run at this moment.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

PROC_STAT = Path("/proc/stat")
SAMPLES = 3
SAMPLE_GAP_S = 0.002


def runnable_now(stat: Path = PROC_STAT) -> int | None:
    """The tasks the kernel has running or ready to run right now, the caller included
    (`procs_running` in /proc/stat); None where there is no such file."""
    try:
        with stat.open("rb") as handle:
            for line in handle:
                if line.startswith(b"procs_running "):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def busy_elsewhere(
    read: Callable[[], int | None] = runnable_now, samples: int = SAMPLES
) -> int | None:
    """Tasks other than the caller that want a core, the most of a few samples a moment apart
    (one sample can fall between two bursts of a busy program); None when unknown."""
    seen: list[int] = []
    for index in range(samples):
        if index:
            time.sleep(SAMPLE_GAP_S)
        count = read()
        if count is None:
            return None
        seen.append(count)
    return max(0, max(seen) - 1)


def base_threads(configured: int | None, cores: int | None = None) -> tuple[int, int]:
    """Threads to load with (generating, reading the prompt): `[backends.NAME] threads` sets
    both; else half the cores to generate and all but one for the prompt, the counts that are
    safe when other programs want the cores (each generation may then use more, see
    `threads_now`)."""
    if configured:
        return configured, configured
    cores = cores or os.cpu_count() or 1
    return max(1, cores // 2), max(1, cores - 1)


def threads_now(
    configured: int | None,
    cores: int | None = None,
    busy: Callable[[], int | None] = busy_elsewhere,
) -> tuple[int, int]:
    """Threads for one generation (generating, reading the prompt): the configured number, or
    every core nobody else wants right now (at least one); the safe counts when that is unknown."""
    if configured:
        return configured, configured
    cores = cores or os.cpu_count() or 1
    others = busy()
    if others is None:
        return base_threads(None, cores)
    free = max(1, cores - others)
    return free, free


def contended(threads: int, read: Callable[[], int | None] = runnable_now) -> bool:
    """True when, between two tokens of a generation on `threads` threads, another task wants
    a core. Our own worker threads still spin there and count as running, so only tasks
    beyond the caller and them are others; an unknown count is not contention."""
    count = read()
    return count is not None and count - 1 - (threads - 1) > 0
