"""Where a warm one-shot request's time goes, phase by phase.

    .venv/bin/python bench/bench_warm.py [--requests N] [--candidates N]

With an engine host running (started here, in a private runtime folder), it times the phases
of `caro "..."` one by one, the way bench/bench_oneshot.py's warm requests run them:

* start-up: a bare `python -c pass`, and the imports of the one-shot path above that;
* in a new process per request (nothing is warm in it that would not be in caro's): loading
  the config and selecting the backend (its probe), the context, the bank, retrieval,
  grounding, one socket round trip to the host (connect, hello, status), the generation
  (per candidate: prompt tokens, how many came from the prompt cache, time to the first
  token, i.e. the prefill, decoded tokens and their ms), the rating (with its pre-flight)
  and the history entry;
* and, in a pass before those, the wall time of each request as a new `caro` process.

It prints each phase's median over the requests, and the per-candidate totals.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_oneshot import REQUESTS  # noqa: E402

from tui.core.models.resolve import bundled_model_path  # noqa: E402


@dataclass
class CandidateTrace:
    prompt_tokens: int = 0
    cached_tokens: int = 0
    prefill_s: float = 0.0  # from sending the request to its first token
    decode_tokens: int = 0
    decode_s: float = 0.0


@dataclass
class Trace:
    phases: dict[str, float] = field(default_factory=dict)
    candidates: list[CandidateTrace] = field(default_factory=list)


class Recorder:
    """A backend that passes everything through and notes each candidate's timings."""

    def __init__(self, inner: Any, trace: Trace) -> None:
        self.inner = inner
        self.trace = trace
        self.name = inner.name
        self.kind = inner.kind
        self.supports_prefix = inner.supports_prefix

    async def probe(self) -> Any:
        return await self.inner.probe()

    async def list_models(self) -> Any:
        return await self.inner.list_models()

    def describe(self) -> Mapping[str, object]:
        described: Mapping[str, object] = self.inner.describe()
        return described

    async def aclose(self) -> None:
        await self.inner.aclose()

    def stream(self, request: Any) -> AsyncIterator[Any]:
        return self._stream(request)

    async def _stream(self, request: Any) -> AsyncIterator[Any]:
        from tui.core.backends.base import Finished, Started, TextDelta

        candidate = CandidateTrace()
        self.trace.candidates.append(candidate)
        sent = time.perf_counter()
        first: float | None = None
        async for event in self.inner.stream(request):
            now = time.perf_counter()
            if isinstance(event, Started):
                candidate.prompt_tokens = event.prompt_tokens or 0
                candidate.cached_tokens = event.cached_prompt_tokens or 0
            elif isinstance(event, TextDelta) and first is None:
                first = now
                candidate.prefill_s = now - sent
            elif isinstance(event, Finished):
                timings = event.timings
                candidate.decode_tokens = timings.completion_tokens or 0
                candidate.decode_s = now - (first if first is not None else now)
                if first is None:
                    candidate.prefill_s = now - sent
            yield event


def timed(trace: Trace, phase: str, work: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    result = work()
    trace.phases[phase] = trace.phases.get(phase, 0.0) + time.perf_counter() - started
    return result


async def atimed(trace: Trace, phase: str, work: Any) -> Any:
    started = time.perf_counter()
    result = await work
    trace.phases[phase] = trace.phases.get(phase, 0.0) + time.perf_counter() - started
    return result


async def one_request(request: str, model: Path, candidates: int | None) -> Trace:
    from tui.cli.common import load_config
    from tui.core.backends.embedded.engine_link import host_status
    from tui.core.backends.registry import Registry
    from tui.core.generation.examples import default_bank
    from tui.core.generation.pipeline import (
        GenerationSettings,
        detect_context,
        generate_command,
        grounding_for,
        retrieve,
    )

    trace = Trace()
    config = timed(trace, "config", lambda: load_config(None, str(model)))
    registry = Registry(config)
    selection = await atimed(trace, "select backend (probe)", registry.select())
    settings = GenerationSettings()
    if candidates is not None:
        settings = replace(settings, candidates=candidates)
    context = timed(trace, "context", detect_context)
    bank = timed(trace, "bank", default_bank)
    examples = timed(trace, "retrieval", lambda: retrieve(bank, request, settings))
    timed(
        trace,
        "grounding",
        lambda: grounding_for(request, bank, examples, settings.ground_below),
    )
    await atimed(trace, "socket round trip", host_status())
    backend = Recorder(selection.backend, trace)
    started = time.perf_counter()
    result = await generate_command(
        backend, request, context=context, settings=settings, model=str(model)
    )
    generation = time.perf_counter() - started
    model_s = sum(c.prefill_s + c.decode_s for c in trace.candidates)
    # generate_command repeats retrieval and grounding (timed above on their own).
    trace.phases["generation: model"] = model_s
    trace.phases["generation: the rest"] = max(
        0.0, generation - model_s - trace.phases["retrieval"] - trace.phases["grounding"]
    )
    await registry.aclose()
    if result.command:
        from tui.core.request import rate, safety_policy

        timed(trace, "rating", lambda: rate(result.command or "", request, safety_policy(config)))
    from tui.core.history import History
    from tui.core.history.recording import record_result

    def record() -> None:
        with History.open() as history:
            record_result(history, result, cwd=context.cwd, shell=context.shell, source="cli")

    timed(trace, "history", record)
    return trace


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, cwd=ROOT, check=False)
    return time.perf_counter() - started


def startup() -> tuple[float, float]:
    """(a bare interpreter, the one-shot path's imports above it), each the best of 3."""
    bare = min(wall([sys.executable, "-c", "pass"]) for _ in range(3))
    imports = min(wall([sys.executable, "-c", "import tui.cli.oneshot"]) for _ in range(3))
    return bare, imports - bare


def report(traces: list[Trace], bare: float, imports: float, walls: list[float]) -> None:
    print(f"{len(traces)} warm requests; medians per request (s):")
    print(f"  {'python start-up':34s} {bare:7.3f}")
    print(f"  {'imports of the one-shot path':34s} {imports:7.3f}")
    names = list(traces[0].phases)
    for trace in traces[1:]:
        names += [name for name in trace.phases if name not in names]
    total = bare + imports
    for name in names:
        value = statistics.median(t.phases.get(name, 0.0) for t in traces)
        total += value
        print(f"  {name:34s} {value:7.3f}")
    print(f"  {'sum of the medians':34s} {total:7.3f}")
    print(f"  {'caro as a new process (wall)':34s} {statistics.median(walls):7.3f}")
    candidates = [c for t in traces for c in t.candidates]
    counts = [len(t.candidates) for t in traces]
    print(
        f"candidates per request: mean {statistics.mean(counts):.2f} "
        f"({', '.join(str(n) for n in counts)})"
    )
    prompt = sum(c.prompt_tokens for c in candidates)
    cached = sum(c.cached_tokens for c in candidates)
    prefill_s = sum(c.prefill_s for c in candidates)
    decoded = sum(c.decode_tokens for c in candidates)
    decode_s = sum(c.decode_s for c in candidates)
    uncached = prompt - cached
    print(
        f"per candidate (mean): {prompt / len(candidates):.0f} prompt tokens, "
        f"{cached / len(candidates):.0f} from the cache, {uncached / len(candidates):.0f} "
        f"prefilled in {prefill_s / len(candidates) * 1000:.0f} ms; "
        f"{decoded / len(candidates):.1f} tokens decoded in "
        f"{decode_s / len(candidates) * 1000:.0f} ms"
    )
    if uncached and decoded:
        print(
            f"prefill {prefill_s / uncached * 1000:.1f} ms per uncached token; "
            f"decode {decode_s / decoded * 1000:.1f} ms per token"
        )


def traced(request: str, candidates: int | None) -> Trace:
    """One request's trace, taken in a new process."""
    command = [sys.executable, __file__, "--trace", request]
    if candidates is not None:
        command += ["--candidates", str(candidates)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode:
        raise RuntimeError(f"tracing {request!r} failed: {done.stderr[-800:]}")
    data = json.loads(done.stdout.splitlines()[-1])
    return Trace(data["phases"], [CandidateTrace(**c) for c in data["candidates"]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=len(REQUESTS))
    parser.add_argument("--candidates", type=int, help="caro's --candidates (default: config)")
    parser.add_argument("--trace", metavar="REQUEST", help=argparse.SUPPRESS)
    args = parser.parse_args()
    model = bundled_model_path()
    if model is None:
        raise SystemExit("the bundled model is missing: run scripts/setup.sh")
    if args.trace:  # the child: one request, its trace as JSON on stdout
        trace = asyncio.run(one_request(args.trace, model, args.candidates))
        print(
            json.dumps(
                {"phases": trace.phases, "candidates": [c.__dict__ for c in trace.candidates]}
            )
        )
        return
    with tempfile.TemporaryDirectory(prefix="caro-w-", dir="/tmp") as home:
        os.environ.update(
            CARO_CACHE_DIR=f"{home}/cache",
            CARO_CONFIG=f"{home}/none.toml",
            XDG_RUNTIME_DIR=f"{home}/rt",
            CARO_ENGINE_KEEP_ALIVE="600",
        )
        caro = [sys.executable, "-m", "tui", "-q", "--json", "--model", str(model)]
        if args.candidates is not None:
            caro += ["--candidates", str(args.candidates)]
        requests = REQUESTS[: args.requests]
        try:
            wall([*caro, "warm up the host and its caches"])
            bare, imports = startup()
            # All the walls first, then all the traces: by the time a request is traced, the
            # host's cache (the last 10 prompts) has moved on, as between a person's requests.
            walls = [wall([*caro, request]) for request in requests]
            traces = []
            for request in requests:
                traces.append(traced(request, args.candidates))
                print(f"  {request}: {sum(traces[-1].phases.values()):.2f} s", file=sys.stderr)
        finally:
            subprocess.run([*caro[:3], "engine", "stop"], capture_output=True, check=False)
    report(traces, bare, imports, walls)


if __name__ == "__main__":
    main()
