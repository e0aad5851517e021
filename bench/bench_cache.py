"""What the prompt cache saves, as ratios measured side by side in one run (medians).

    .venv/bin/python bench/bench_cache.py [--runs N] [--engine llamacpp|mlx|both]

1. Time to first token with a cached prefix ÷ cold, for each embedded engine, in three cases:
   the same request again (best-of-n candidates, retries), a ~600-token system prompt shared by
   different requests, and caro's own prompt for a different request (only the system prompt is
   shared: the retrieved examples differ). "Cold" is a context with nothing to reuse; "cached"
   is a context that was emptied too, so the state comes from the prompt cache.
2. First request in a fresh process with the system prompt's state on disk ÷ without (llama.cpp),
   for caro's prompt and for the 600-token system prompt.

Timing is wall clock from asking to the first streamed token, with the model already loaded.
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from naive_oneshot import system_prompt as long_system_prompt  # noqa: E402

from tui.core.backends.base import (  # noqa: E402
    GenerationRequest,
    Message,
    SamplerSettings,
    Started,
    TextDelta,
)
from tui.core.backends.embedded.llamacpp_state import truncate  # noqa: E402
from tui.core.config import BackendConfig  # noqa: E402
from tui.core.generation.pipeline import ShellContext, build_request  # noqa: E402
from tui.core.models.resolve import bundled_model_path  # noqa: E402

CONTEXT = ShellContext(os_name="Linux", shell="bash", cwd="/home/user/project")
ONE_TOKEN = SamplerSettings(temperature=0.0, max_tokens=1)
REQUESTS = (
    "show the 10 biggest files in this folder",
    "which process listens on port 8080",
    "count lines in all python files",
    "find files changed in the last hour",
    "show free disk space in human units",
    "list running docker containers",
)


def caro_prompt(text: str) -> GenerationRequest:
    return GenerationRequest(build_request(text, CONTEXT).messages, ONE_TOKEN)


def long_prompt(text: str, examples: int) -> GenerationRequest:
    messages = (Message("system", long_system_prompt(examples)), Message("user", text))
    return GenerationRequest(messages, ONE_TOKEN)


def make_backend(kind: str, model: Path, prompt_cache: bool) -> Any:
    config = BackendConfig(name=kind, kind=kind, model=str(model), prompt_cache=prompt_cache)
    if kind == "mlx":
        from tui.core.backends.embedded.mlx import MlxBackend

        return MlxBackend(config)
    from tui.core.backends.embedded.llamacpp import LlamaCppBackend

    return LlamaCppBackend(config)


def empty_context(backend: Any) -> None:
    """Forgets the live context (llama.cpp keeps the last prompt in it by itself)."""
    loaded = backend.loaded
    if loaded is not None and hasattr(loaded, "llm"):
        with loaded.lock:
            truncate(loaded.llm, 0)


async def first_token_s(backend: Any, request: GenerationRequest) -> tuple[float, int, int]:
    """Seconds to the first token, prompt tokens, prompt tokens reused."""
    empty_context(backend)
    started = time.perf_counter()
    prompt = cached = 0
    async for event in backend.stream(request):
        if isinstance(event, Started):
            prompt, cached = event.prompt_tokens or 0, event.cached_prompt_tokens or 0
        if isinstance(event, TextDelta):
            break
    return time.perf_counter() - started, prompt, cached


async def ttft_ratios(kind: str, model: Path, runs: int) -> None:
    cold = make_backend(kind, model, prompt_cache=False)
    warm = make_backend(kind, model, prompt_cache=True)
    cold.load()
    warm.load()
    examples = 23 if kind == "llamacpp" else 8  # MLX on a CPU is slow: a shorter long prompt
    cases: dict[str, Callable[[int], tuple[GenerationRequest, GenerationRequest]]] = {
        "same request again": lambda i: (caro_prompt(REQUESTS[i]), caro_prompt(REQUESTS[i])),
        f"long system prompt ({examples} examples), another request": lambda i: (
            long_prompt(REQUESTS[i], examples),
            long_prompt(REQUESTS[(i + 1) % len(REQUESTS)], examples),
        ),
        "caro's prompt, another request": lambda i: (
            caro_prompt(REQUESTS[i]),
            caro_prompt(REQUESTS[(i + 1) % len(REQUESTS)]),
        ),
    }
    await first_token_s(cold, caro_prompt("warm up"))  # first-call costs out of the figures
    await first_token_s(warm, caro_prompt("warm up"))
    for name, pair in cases.items():
        if warm.cache is not None:
            warm.cache.clear()  # what earlier cases stored must not serve this one
        ratios = []
        for run in range(runs):
            seen, asked = pair(run % len(REQUESTS))
            await first_token_s(warm, seen)  # puts the prefix into the cache
            cached_s, prompt, reused = await first_token_s(warm, asked)
            cold_s, _, _ = await first_token_s(cold, asked)
            ratios.append(cached_s / cold_s)
        print(
            f"{kind}: ttft cached ÷ cold, {name}: {statistics.median(ratios):.3f} "
            f"({reused} of {prompt} prompt tokens reused; last run {cached_s:.3f} s "
            f"vs {cold_s:.3f} s)"
        )
    await cold.aclose()
    await warm.aclose()


FRESH_PROCESS = """
import asyncio, json, sys, time
sys.path.insert(0, sys.argv[1])
from tui.core.backends.base import GenerationRequest, Message, SamplerSettings, TextDelta
from tui.core.backends.embedded.llamacpp import LlamaCppBackend
from tui.core.config import BackendConfig

async def main():
    backend = LlamaCppBackend(BackendConfig(
        name="e", kind="llamacpp", model=sys.argv[2], prompt_cache=sys.argv[3] == "on"))
    backend.load()
    request = GenerationRequest(
        tuple(Message(m["role"], m["content"]) for m in json.loads(sys.argv[4])),
        SamplerSettings(temperature=0.0, max_tokens=1))
    started = time.perf_counter()
    async for event in backend.stream(request):
        if isinstance(event, TextDelta):
            break
    print(time.perf_counter() - started)
    await backend.aclose()

asyncio.run(main())
"""


def fresh_first_token_s(model: Path, request: GenerationRequest, cache: str, home: str) -> float:
    messages = json.dumps([{"role": m.role, "content": m.content} for m in request.messages])
    done = subprocess.run(
        [sys.executable, "-c", FRESH_PROCESS, str(ROOT), str(model), cache, messages],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "CARO_CACHE_DIR": home},
    )
    return float(done.stdout.strip().splitlines()[-1])


def persisted_ratios(model: Path, runs: int) -> None:
    cases: dict[str, Callable[[int], GenerationRequest]] = {
        "caro's prompt": lambda i: caro_prompt(REQUESTS[i]),
        "long system prompt (23 examples)": lambda i: long_prompt(REQUESTS[i], 23),
    }
    with tempfile.TemporaryDirectory() as home:
        for name, make in cases.items():
            fresh_first_token_s(model, make(0), "on", home)  # writes the system prompt's state
            ratios = []
            for run in range(runs):
                request = make((run + 1) % len(REQUESTS))
                with_state = fresh_first_token_s(model, request, "on", home)
                without = fresh_first_token_s(model, request, "off", home)
                ratios.append(with_state / without)
            print(
                "llamacpp: first request in a fresh process, persisted state ÷ none, "
                f"{name}: {statistics.median(ratios):.3f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--engine", choices=("llamacpp", "mlx", "both"), default="both")
    args = parser.parse_args()
    model = bundled_model_path()
    if model is None:
        raise SystemExit("the bundled model is missing: run scripts/setup.sh")
    print(f"model: {model.name}; runs: {args.runs}")
    for kind in ("llamacpp", "mlx"):
        if args.engine in (kind, "both"):
            asyncio.run(ttft_ratios(kind, model, args.runs))
    if args.engine in ("llamacpp", "both"):
        persisted_ratios(model, args.runs)


if __name__ == "__main__":
    main()
