"""One-shot `caro "..."` wall time ÷ the naive script, measured side by side (alternating, medians).

    .venv/bin/python bench/bench_oneshot.py [--runs N]

The naive script (bench/naive_oneshot.py) imports llama-cpp-python, loads the same model and
answers behind a ~600-token system prompt with no saved state. caro runs as a person runs it:
a new process each time, with the system prompt's state that the previous run left on disk.
A third column runs caro with `prompt_cache = false`, to show what the saved state is worth.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.core.models import bundled_model_path  # noqa: E402

REQUESTS = (
    "find all python files changed in the last 7 days",
    "show the 10 biggest files in this folder",
    "count lines in all .txt files",
)


def wall(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode not in (0, 4):  # 4: the model gave no usable command, a real outcome
        raise RuntimeError(f"{command[1:4]} failed ({done.returncode}): {done.stderr[-500:]}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    model = bundled_model_path()
    if model is None:
        raise SystemExit("the bundled model is missing: run scripts/setup.sh")
    with tempfile.TemporaryDirectory() as home:
        cached_env = {
            **os.environ,
            "CARO_CACHE_DIR": f"{home}/cache",
            "CARO_CONFIG": f"{home}/none.toml",
        }
        plain_config = Path(home) / "plain.toml"
        plain_config.write_text("[backends.embedded-cpu]\nprompt_cache = false\n")
        plain_env = {**cached_env, "CARO_CONFIG": str(plain_config)}
        times: dict[str, list[float]] = {"caro": [], "caro, no saved state": [], "naive": []}
        print(f"model: {model.name}; runs: {args.runs}")
        for run in range(args.runs + 1):
            request = REQUESTS[run % len(REQUESTS)]
            caro = [sys.executable, "-m", "tui", "-q", "--model", str(model), request]
            naive = [sys.executable, str(ROOT / "bench" / "naive_oneshot.py"), str(model), request]
            measured = {
                "caro": wall(caro, cached_env),
                "caro, no saved state": wall(caro, plain_env),
                "naive": wall(naive, dict(os.environ)),
            }
            if run == 0:
                continue  # warms the page cache and writes caro's saved state
            for name, seconds in measured.items():
                times[name].append(seconds)
    naive_s = statistics.median(times["naive"])
    for name in ("caro", "caro, no saved state"):
        ours = statistics.median(times[name])
        print(
            f"one-shot wall time, {name}: {ours:.2f} s ÷ naive script {naive_s:.2f} s "
            f"= {ours / naive_s:.3f} (target <= 0.25)"
        )


if __name__ == "__main__":
    main()
