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
from tui.core.backends.openai import OpenAICompatibleBackend
from tui.core.config import BackendConfig
from tui.core.models import bundled_model_path

PROMPT = "Write a long story about a dragon who learns to use the shell."


def rate(stamps: list[float]) -> float:
    if len(stamps) < 2 or stamps[-1] <= stamps[0]:
        return 0.0
    return (len(stamps) - 1) / (stamps[-1] - stamps[0])


async def through_caro(backend: OpenAICompatibleBackend, request: GenerationRequest) -> float:
    stamps: list[float] = []
    async for event in backend.stream(request):
        if isinstance(event, TextDelta):
            stamps.append(time.perf_counter())
        elif isinstance(event, Finished):
            break
    return rate(stamps)


async def bare(client: httpx.AsyncClient, payload: dict[str, object]) -> float:
    stamps: list[float] = []
    async with client.stream("POST", "/v1/chat/completions", json=payload) as response:
        async for line in response.aiter_lines():
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            chunk = json.loads(line[6:])
            for choice in chunk.get("choices", []):
                if choice.get("delta", {}).get("content"):
                    stamps.append(time.perf_counter())
    return rate(stamps)


async def measure(url: str, runs: int, max_tokens: int) -> tuple[list[float], list[float]]:
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
    caro_rates: list[float] = []
    bare_rates: list[float] = []
    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        await bare(client, payload)  # warm-up: first prompt evaluation, caches
        await through_caro(backend, request)
        for run in range(runs):
            order = ("caro", "bare") if run % 2 == 0 else ("bare", "caro")
            for which in order:
                if which == "caro":
                    caro_rates.append(await through_caro(backend, request))
                else:
                    bare_rates.append(await bare(client, payload))
    await backend.aclose()
    return caro_rates, bare_rates


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
        caro_rates, bare_rates = asyncio.run(measure(server.url, args.runs, args.max_tokens))
    finally:
        server.stop()
    caro_median, bare_median = statistics.median(caro_rates), statistics.median(bare_rates)
    print(f"server: llama-cpp-python, {model.name}, greedy, max_tokens {args.max_tokens}")
    print("caro client tok/s: " + " ".join(f"{r:.1f}" for r in caro_rates))
    print("bare httpx  tok/s: " + " ".join(f"{r:.1f}" for r in bare_rates))
    print(f"median: caro {caro_median:.1f} tok/s, bare {bare_median:.1f} tok/s")
    ratio = caro_median / bare_median if bare_median else 0.0
    print(f"ratio caro / bare = {ratio:.3f} (target >= 0.98)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
