"""The two embedded engines on the same GGUF file and machine, side by side in one run.

    .venv/bin/python bench/bench_engines.py [--runs N]

1. Decode speed: MLX tokens/s ÷ llama.cpp tokens/s (greedy, the same prompt, alternating runs,
   medians; both read the bundled SmolLM2 Q4_1 GGUF, MLX keeping it 4-bit quantized).
2. Agreement: for caro's prompts of a few requests, how many of the first 10 greedy tokens the
   two engines have in common (they compute differently, so near-ties may go either way).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.core.backends.base import (  # noqa: E402
    Finished,
    GenerationRequest,
    Message,
    SamplerSettings,
)
from tui.core.backends.embedded.llamacpp import ENGINE_THREAD as LLAMA_THREAD  # noqa: E402
from tui.core.backends.embedded.llamacpp import LlamaCppBackend  # noqa: E402
from tui.core.backends.embedded.mlx import MLX_LOCK, MlxBackend, encode, render  # noqa: E402
from tui.core.backends.embedded.mlx_generate import Job, generate  # noqa: E402
from tui.core.config import BackendConfig  # noqa: E402
from tui.core.generation.pipeline import ShellContext, build_request  # noqa: E402
from tui.core.models.resolve import bundled_model_path  # noqa: E402

STORY = GenerationRequest(
    messages=(Message("user", "Tell me a long story about a lighthouse keeper."),),
    sampler=SamplerSettings(temperature=0.0, max_tokens=64),
)
CONTEXT = ShellContext(os_name="Linux", shell="bash", cwd="/home/user/project")
REQUESTS = (
    "show disk usage of the current directory sorted by size",
    "count lines in all .txt files",
    "list all files including hidden ones",
    "find python files changed in the last 7 days",
    "print the current date in ISO format",
    "compress the logs folder into a tar.gz archive",
)


async def decode_rate(backend: Any) -> float:
    async for event in backend.stream(STORY):
        if isinstance(event, Finished):
            rate = event.timings.tokens_per_s
            if rate is None:
                raise RuntimeError("too few tokens to measure")
            return float(rate)
    raise RuntimeError("the stream ended without Finished")


def make_backend(kind: str, model: Path) -> Any:
    config = BackendConfig(name=kind, kind=kind, model=str(model))
    return MlxBackend(config) if kind == "mlx" else LlamaCppBackend(config)


async def measure_alone(kind: str, model: Path) -> None:
    """Runs in its own process: one engine, a warm-up, then one measured decode."""
    backend = make_backend(kind, model)
    backend.load()
    await decode_rate(backend)
    print(await decode_rate(backend))
    await backend.aclose()


def rate_in_new_process(kind: str, model: Path) -> float:
    done = subprocess.run(
        [sys.executable, __file__, "--alone", kind],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


def speed(model: Path, runs: int) -> None:
    # Each engine in its own process, alternating: in one process the two runtimes' worker
    # threads compete for the two cores, which is not how caro runs (one engine at a time).
    theirs: list[float] = []
    ours: list[float] = []
    for _ in range(runs):
        theirs.append(rate_in_new_process("llamacpp", model))
        ours.append(rate_in_new_process("mlx", model))
    ratio = statistics.median(ours) / statistics.median(theirs)
    print(
        f"decode speed: MLX {statistics.median(ours):.1f} tok/s ÷ llama.cpp "
        f"{statistics.median(theirs):.1f} tok/s = {ratio:.3f}"
    )


def llama_greedy(llama: LlamaCppBackend, prompt: list[int], count: int) -> list[int]:
    loaded = llama.loaded
    assert loaded is not None

    def run() -> list[int]:
        out: list[int] = []
        with loaded.lock:
            for token in loaded.llm.generate(prompt, temp=0.0, top_k=1, reset=True):
                out.append(int(token))
                if len(out) == count:
                    break
        return out

    return LLAMA_THREAD.submit(run).result()


def agreement(llama: LlamaCppBackend, mlx: MlxBackend) -> None:
    loaded = mlx.loaded
    assert loaded is not None
    greedy = SamplerSettings(temperature=0.0, max_tokens=10)
    counts = []
    for request in REQUESTS:
        messages = build_request(request, CONTEXT).messages
        prompt = encode(loaded.tokenizer, render(loaded.tokenizer, messages))
        with MLX_LOCK:
            job = Job(loaded.model, loaded.tokenizer, prompt, greedy, None, "")
            ours = generate(job, lambda _: None, threading.Event()).tokens
        theirs = llama_greedy(llama, prompt, len(ours))
        pairs = enumerate(zip(ours, theirs, strict=False))
        counts.append(next((i for i, (a, b) in pairs if a != b), min(len(ours), len(theirs))))
    print(
        f"greedy agreement on caro's prompts: first tokens in common (of 10) {counts}; "
        f"{sum(counts)} of {10 * len(counts)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--alone", choices=("llamacpp", "mlx"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    model = bundled_model_path()
    if model is None:
        raise SystemExit("the bundled model is missing: run scripts/setup.sh")
    if args.alone:
        asyncio.run(measure_alone(args.alone, model))
        return
    print(f"model: {model.name}; runs: {args.runs}")
    speed(model, args.runs)
    llama = make_backend("llamacpp", model)
    mlx = make_backend("mlx", model)
    llama.load()
    mlx.load()
    agreement(llama, mlx)
    mlx.join_workers()


if __name__ == "__main__":
    main()
