"""Client overhead: decode tokens per second through caro's OpenAI-compatible client, divided by
a bare httpx loop reading the same stream from the same server.

One llama-cpp-python server (bundled SmolLM2-135M, one thread), the same greedy request for
both, runs alternated so that both see the same machine load. Tokens per second is the decode
rate seen by the reader: (deltas - 1) / (time of last delta - time of first delta).

    .venv/bin/python bench/bench_client.py [--runs 8] [--max-tokens 96]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.servers import llama_cpp_server
from tui.core.backends.base import (
    Finished,
    GenerationRequest,
    Message,
    SamplerSettings,
    TextDelta,
)
from tui.core.backends.served.openai import OpenAICompatibleBackend
from tui.core.config import BackendConfig
from tui.core.models.resolve import bundled_model_path

PROMPT = "Write a long story about a dragon who learns to use the shell."


@dataclass
class Tally:
    rates: list[float] = field(default_factory=list)
    cpu_s: float = 0.0  # this process's CPU time spent reading the streams
    tokens: int = 0

    def cpu_per_token_us(self) -> float:
        return self.cpu_s / self.tokens * 1e6 if self.tokens else 0.0


def rate(stamps: list[float]) -> float:
    if len(stamps) < 2 or stamps[-1] <= stamps[0]:
        return 0.0
    return (len(stamps) - 1) / (stamps[-1] - stamps[0])


async def through_caro(backend: OpenAICompatibleBackend, request: GenerationRequest) -> list[float]:
    stamps: list[float] = []
    async for event in backend.stream(request):
        if isinstance(event, TextDelta):
            stamps.append(time.perf_counter())
        elif isinstance(event, Finished):
            break
    return stamps


async def bare(client: httpx.AsyncClient, payload: dict[str, object]) -> list[float]:
    stamps: list[float] = []
    async with client.stream("POST", "/v1/chat/completions", json=payload) as response:
        async for line in response.aiter_lines():
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            chunk = json.loads(line[6:])
            for choice in chunk.get("choices", []):
                if choice.get("delta", {}).get("content"):
                    stamps.append(time.perf_counter())
    return stamps


async def measure(url: str, runs: int, max_tokens: int) -> tuple[Tally, Tally]:
    sampler = SamplerSettings(temperature=0.0, max_tokens=max_tokens)
    request = GenerationRequest((Message("user", PROMPT),), sampler)
    backend = OpenAICompatibleBackend(
        BackendConfig(name="bench", kind="openai", url=url, timeout=120)
    )
    model = (await backend.server_info()).ids[0]
    payload: dict[str, object] = {
        "model": model,
        "messages": [{"role": "user", "content": PROMPT}],
        "stream": True,
        "max_tokens": max_tokens,
        "stream_options": {"include_usage": True},
        "temperature": 0.0,
    }
    caro, plain = Tally(), Tally()
    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        await bare(client, payload)  # warm-up: first prompt evaluation, caches
        await through_caro(backend, request)
        for run in range(runs):
            order = ("caro", "bare") if run % 2 == 0 else ("bare", "caro")
            for which in order:
                cpu = time.process_time()
                if which == "caro":
                    stamps, tally = await through_caro(backend, request), caro
                else:
                    stamps, tally = await bare(client, payload), plain
                tally.cpu_s += time.process_time() - cpu
                tally.tokens += len(stamps)
                tally.rates.append(rate(stamps))
    await backend.aclose()
    return caro, plain


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--max-tokens", type=int, default=96)
    args = parser.parse_args()
    model = bundled_model_path()
    if model is None:
        print("the bundled model is not installed: run scripts/setup.sh", file=sys.stderr)
        return 1
    server = llama_cpp_server(model).start()
    try:
        caro, plain = asyncio.run(measure(server.url, args.runs, args.max_tokens))
    finally:
        server.stop()
    caro_median, bare_median = statistics.median(caro.rates), statistics.median(plain.rates)
    print(f"server: llama-cpp-python, {model.name}, greedy, max_tokens {args.max_tokens}")
    print("caro client tok/s: " + " ".join(f"{r:.1f}" for r in caro.rates))
    print("bare httpx  tok/s: " + " ".join(f"{r:.1f}" for r in plain.rates))
    print(f"median: caro {caro_median:.1f} tok/s, bare {bare_median:.1f} tok/s")
    ratio = caro_median / bare_median if bare_median else 0.0
    print(f"ratio caro / bare = {ratio:.3f} (target >= 0.98)")
    # Each caro run has a bare run next to it (same load on the shared machine).
    paired = statistics.median(c / b for c, b in zip(caro.rates, plain.rates, strict=True) if b)
    print(f"median of paired ratios = {paired:.3f}")
    print(
        f"client CPU per token: caro {caro.cpu_per_token_us():.0f} us, "
        f"bare {plain.cpu_per_token_us():.0f} us"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
