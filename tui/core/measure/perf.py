"""The performance table: how fast each backend answers caro's own kind of request.

For each backend: model load time, the first inference (after loading), later inferences
(median of N), time to first token, decode speed, and memory: the growth of this process's
resident memory over the model's load for the embedded engines, what the server reports
(Ollama's /api/ps) for served ones, else nothing. `bench()` returns plain `BenchRow` values
that the CLI prints and the TUI can draw as a table with bars.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tui.core.backends.base import Backend, BackendError, SamplerSettings, Started
from tui.core.backends.registry import EMBEDDED_KINDS, Registry
from tui.core.generation.pipeline import ShellContext, StreamMeter, build_request

# Requests like the ones caro answers; later runs cycle through them, so the prompt cache
# helps with the shared system prompt only, as it would in real use.
BENCH_REQUESTS = (
    "list all files including hidden ones",
    "show disk usage of each folder here, largest first",
    "find python files changed in the last 7 days",
    "count the lines in every .py file",
    "show the ten largest files under this directory",
)
BENCH_CONTEXT = ShellContext(os_name="Linux", shell="bash", cwd="/home/user/project")
BENCH_SAMPLER = SamplerSettings(temperature=0.0, max_tokens=48, seed=0)

StepListener = Callable[[str, str], None]  # (backend, what it is doing)


@dataclass(frozen=True)
class Run:
    wall_s: float
    ttft_s: float | None
    tokens_per_s: float | None
    completion_tokens: int | None
    load_s: float | None
    model: str
    rss_before: int | None = None
    rss_started: int | None = None


@dataclass(frozen=True)
class BenchRow:
    backend: str
    kind: str
    model: str = ""
    status: str = "ok"  # "ok", "down", "failed"
    detail: str = ""
    load_s: float | None = None
    first_s: float | None = None
    subsequent_s: float | None = None  # median over the later runs
    ttft_s: float | None = None  # median over the later runs
    tokens_per_s: float | None = None  # median over the later runs
    memory_bytes: int | None = None
    memory_source: str = "n/a"
    runs: int = 0

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def as_dict(self) -> dict[str, Any]:
        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, 4)

        return {
            "backend": self.backend,
            "kind": self.kind,
            "model": self.model,
            "status": self.status,
            "detail": self.detail,
            "load_s": rounded(self.load_s),
            "first_s": rounded(self.first_s),
            "subsequent_s": rounded(self.subsequent_s),
            "ttft_s": rounded(self.ttft_s),
            "tokens_per_s": rounded(self.tokens_per_s),
            "memory_bytes": self.memory_bytes,
            "memory_source": self.memory_source,
            "runs": self.runs,
        }


def rss_bytes() -> int | None:
    """This process's resident memory now (Linux), else its peak (other Unix systems)."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak) if sys.platform == "darwin" else int(peak) * 1024


async def measure(backend: Backend, request_text: str, *, watch_memory: bool = False) -> Run:
    """One whole generation (never stopped early, so every run decodes the same way)."""
    request = build_request(request_text, BENCH_CONTEXT)
    request = replace(request, sampler=BENCH_SAMPLER)
    meter = StreamMeter()
    rss_before = rss_bytes() if watch_memory else None
    rss_started = None
    started = time.perf_counter()
    stream = backend.stream(request)
    try:
        async for event in stream:
            meter.see(event)
            if watch_memory and isinstance(event, Started):
                rss_started = rss_bytes()  # the model has loaded: the engine says so first
    finally:
        await stream.aclose()  # type: ignore[attr-defined]
    wall = time.perf_counter() - started
    timings = meter.timings()
    return Run(
        wall_s=wall,
        ttft_s=timings.ttft_s,
        tokens_per_s=timings.tokens_per_s,
        completion_tokens=timings.completion_tokens,
        load_s=timings.load_s,
        model=meter.model,
        rss_before=rss_before,
        rss_started=rss_started,
    )


def _median(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


async def bench_backend(
    backend: Backend,
    *,
    runs: int = 3,
    url: str = "",
    on_step: StepListener | None = None,
) -> BenchRow:
    """Times one backend: a first request (loading the model if needed), then `runs` more."""
    step = on_step or (lambda _backend, _what: None)
    embedded = backend.kind in EMBEDDED_KINDS
    step(backend.name, "first request (loads the model)")
    first = await measure(backend, BENCH_REQUESTS[0], watch_memory=embedded)
    later = []
    for index in range(runs):
        step(backend.name, f"request {index + 2} of {runs + 1}")
        later.append(await measure(backend, BENCH_REQUESTS[(index + 1) % len(BENCH_REQUESTS)]))
    memory, source = await _memory(backend, first, url)
    return BenchRow(
        backend=backend.name,
        kind=backend.kind,
        model=first.model or next((r.model for r in later if r.model), ""),
        load_s=first.load_s,
        first_s=first.wall_s - (first.load_s or 0.0),
        subsequent_s=_median([r.wall_s for r in later]),
        ttft_s=_median([r.ttft_s for r in later]),
        tokens_per_s=_median([r.tokens_per_s for r in later]),
        memory_bytes=memory,
        memory_source=source,
        runs=runs,
        detail="" if first.load_s is not None or not embedded else "model was already loaded",
    )


async def _memory(backend: Backend, first: Run, url: str) -> tuple[int | None, str]:
    if backend.kind in EMBEDDED_KINDS:
        host_memory = getattr(backend, "host_memory", None)
        if host_memory is not None:  # the model lives in the warm engine host, not here
            rss: int | None = await host_memory()
            return (rss, "the engine host's RSS") if rss else (None, "n/a (no engine host)")
        if first.load_s is None:
            return None, "n/a (loaded before the bench)"
        if first.rss_before is None or first.rss_started is None:
            return None, "n/a"
        return max(0, first.rss_started - first.rss_before), "RSS growth over the load"
    if backend.kind == "ollama" and url:
        return await ollama_memory(url, first.model)
    return None, "n/a (the server does not report it)"


async def ollama_memory(url: str, model: str, timeout_s: float = 5.0) -> tuple[int | None, str]:
    """The size Ollama's /api/ps reports for the loaded model (weights, cache, buffers)."""
    import httpx

    try:
        async with httpx.AsyncClient(base_url=url, timeout=timeout_s) as client:
            response = await client.get("/api/ps")
            response.raise_for_status()
            entries = response.json().get("models", [])
    except (httpx.HTTPError, ValueError, AttributeError):
        return None, "n/a (/api/ps did not answer)"
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and model in (entry.get("name"), entry.get("model")):
            size = entry.get("size")
            if isinstance(size, int) and size > 0:
                vram = entry.get("size_vram")
                where = " (GPU)" if isinstance(vram, int) and vram >= size else ""
                return size, f"Ollama /api/ps{where}"
    return None, "n/a (not in /api/ps)"


async def bench(
    registry: Registry,
    names: Sequence[str] | None = None,
    *,
    runs: int = 3,
    on_step: StepListener | None = None,
) -> list[BenchRow]:
    """Every named (else every enabled) backend, one after the other (never two at once:
    they would share the CPU and both look slow)."""
    chosen = list(names) if names else registry.auto_order()
    healths = await registry.probe_all(chosen)
    rows = []
    for name in chosen:
        config = registry.config.backend(name)
        health = healths[name]
        if not health.usable:
            detail = health.detail + (f" — {health.fix}" if health.fix else "")
            rows.append(BenchRow(name, config.kind, status="down", detail=detail))
            continue
        try:
            rows.append(
                await bench_backend(
                    registry.get(name), runs=runs, url=config.url or "", on_step=on_step
                )
            )
        except BackendError as error:
            rows.append(BenchRow(name, config.kind, status="failed", detail=str(error)))
    return rows
