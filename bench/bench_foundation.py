"""The foundation's speed figures, each a ratio of two things measured side by side in one run.

    .venv/bin/python bench/bench_foundation.py [--runs N]

1. overhead: decode tokens/s through caro's embedded backend ÷ raw llama-cpp-python on the same
   Llama object, prompt, threads and settings (alternating runs, medians). Target >= 0.97.
2. prefix reuse: time to first token of a second request ÷ the first, same process (for the
   same request repeated, and for a different request sharing caro's system prompt).
   Target <= 0.15.
3. one-shot: wall time of `caro "..."` ÷ bench/naive_oneshot.py (import llama-cpp-python, load
   the model, answer behind a 600-token system prompt), alternating runs, medians.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.core.backends.base import (  # noqa: E402
    Finished,
    GenerationRequest,
    Message,
    SamplerSettings,
    Started,
    TextDelta,
)
from tui.core.backends.embedded.llamacpp import ENGINE_THREAD, LlamaCppBackend, sampler_kwargs  # noqa: E402
from tui.core.config import BackendConfig  # noqa: E402
from tui.core.generation.pipeline import ShellContext, build_request  # noqa: E402
from tui.core.models.resolve import bundled_model_path  # noqa: E402

STORY = GenerationRequest(
    messages=(Message("user", "Tell me a long story about a lighthouse keeper."),),
    sampler=SamplerSettings(temperature=0.0, max_tokens=160),
)
CONTEXT = ShellContext(os_name="Linux", shell="bash", cwd="/home/user/project")


async def caro_decode_rate(backend: LlamaCppBackend) -> float:
    first = last = 0.0
    count = 0
    async for event in backend.stream(STORY):
        if isinstance(event, TextDelta):
            now = time.perf_counter()
            first = first or now
            last = now
            count += 1
    return (count - 1) / (last - first)


def raw_decode_rate(backend: LlamaCppBackend) -> float:
    loaded = backend.loaded
    assert loaded is not None
    prompt, stops = loaded.render([{"role": m.role, "content": m.content} for m in STORY.messages])
    tokens = loaded.llm.tokenize(prompt.encode(), add_bos=False, special=True)
    first = last = 0.0
    count = 0
    with loaded.lock:
        for chunk in loaded.llm.create_completion(
            tokens, stream=True, stop=stops, **sampler_kwargs(STORY.sampler)
        ):
            if chunk["choices"][0]["text"]:
                now = time.perf_counter()
                first = first or now
                last = now
                count += 1
    return (count - 1) / (last - first)


async def overhead(backend: LlamaCppBackend, runs: int) -> None:
    ours: list[float] = []
    raw: list[float] = []
    await caro_decode_rate(backend)  # warm-up
    for _ in range(runs):
        ours.append(await caro_decode_rate(backend))
        # On the engine's own thread, as caro runs it: llama.cpp slows down for good once two
        # threads have called into it (see tui/core/backends/embedded/threaded.py).
        raw.append(ENGINE_THREAD.submit(raw_decode_rate, backend).result())
    ratio = statistics.median(ours) / statistics.median(raw)
    print(
        f"overhead: caro {statistics.median(ours):.1f} tok/s, raw llama-cpp-python "
        f"{statistics.median(raw):.1f} tok/s -> ratio {ratio:.3f} (target >= 0.97)"
    )


async def ttft(backend: LlamaCppBackend, request: GenerationRequest) -> tuple[float, int, int]:
    started_at = time.perf_counter()
    prompt = cached = 0
    async for event in backend.stream(request):
        if isinstance(event, Started):
            started_at = time.perf_counter()
            prompt, cached = event.prompt_tokens or 0, event.cached_prompt_tokens or 0
        elif isinstance(event, TextDelta | Finished):
            return time.perf_counter() - started_at, prompt, cached
    raise RuntimeError("no token")


async def prefix_reuse(model: Path, runs: int) -> None:
    same: list[float] = []
    different: list[float] = []
    for _ in range(runs):
        backend = LlamaCppBackend(
            BackendConfig(name="embedded-cpu", kind="llamacpp", model=str(model))
        )
        backend.load()
        one = _short(build_request("show the 10 biggest files in this folder", CONTEXT))
        two = _short(build_request("which process listens on port 8080", CONTEXT))
        cold, prompt_tokens, _ = await ttft(backend, one)
        again, _, cached_same = await ttft(backend, one)
        other, other_tokens, cached_other = await ttft(backend, two)
        same.append(again / cold)
        different.append(other / cold)
        await backend.aclose()
    print(
        f"prefix reuse, same request repeated: ttft ratio {statistics.median(same):.3f} "
        f"({cached_same}/{prompt_tokens} prompt tokens reused; target <= 0.15)"
    )
    print(
        f"prefix reuse, a different request: ttft ratio {statistics.median(different):.3f} "
        f"({cached_other}/{other_tokens} prompt tokens reused: only the system prompt is "
        f"shared, the retrieved examples differ)"
    )


def _short(request: GenerationRequest) -> GenerationRequest:
    return GenerationRequest(request.messages, SamplerSettings(temperature=0.0, max_tokens=1))


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, text=True)
    return time.perf_counter() - started


def one_shot(model: Path, runs: int) -> None:
    request = "find all python files changed in the last 7 days"
    caro: list[str] = [sys.executable, "-m", "tui", "-q", "--model", str(model), request]
    naive = [sys.executable, str(ROOT / "bench" / "naive_oneshot.py"), str(model), request]
    ours: list[float] = []
    theirs: list[float] = []
    wall(caro)
    wall(naive)  # warm the page cache for both
    for _ in range(runs):
        ours.append(wall(caro))
        theirs.append(wall(naive))
    ratio = statistics.median(ours) / statistics.median(theirs)
    print(
        f"one-shot: caro {statistics.median(ours):.2f} s, naive script "
        f"{statistics.median(theirs):.2f} s -> ratio {ratio:.3f} "
        "(reported now; the prompt-cache issue targets <= 0.25)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    model = bundled_model_path()
    if model is None:
        raise SystemExit("the bundled model is missing: run scripts/setup.sh")
    print(f"model: {model.name}; runs: {args.runs}")
    backend = LlamaCppBackend(BackendConfig(name="embedded-cpu", kind="llamacpp", model=str(model)))
    backend.load()
    asyncio.run(overhead(backend, args.runs))
    asyncio.run(prefix_reuse(model, args.runs))
    one_shot(model, args.runs)


if __name__ == "__main__":
    main()
