"""The workbench with a server that lists 20,000 models, beside the same server listing 10:
resident memory and key latency while the list is fetched again and again.

Each case runs the real workbench (make_app, headless, under Pilot) in its own process, so its
RSS is its own, against tests/fault_api.py serving that many models through the OpenAI API or
Ollama's native API. The health checks repeat every `--refresh` seconds (each one fetches and
reads the whole list again) while a key is pressed every 50 ms; the latency of a key is the
time from the press to the prompt showing it.

    .venv/bin/python bench/bench_models_list.py [--seconds 12] [--refresh 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CASES = (10, 20_000)
KINDS = ("openai", "ollama")
TARGET_RSS_MB = 300
TARGET_KEY_MS = 100


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process, in MB."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        fields[name] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def child_config(kind: str, url: str) -> str:
    name = "lab" if kind == "openai" else "ollama"
    other = "[backends.ollama]\nenabled = false\n\n" if kind == "openai" else ""
    return (
        "[backends.embedded-cpu]\nenabled = false\n\n"
        + other
        + f'[backends.{name}]\nkind = "{kind}"\nurl = "{url}"\nmodel = "m"\ntimeout = 10\n'
    )


async def run_child(models: int, seconds: float, refresh_s: float) -> dict[str, Any]:
    from tui.app.widgets.prompt import PromptArea
    from tui.app.workbench import make_app
    from tui.core.config import load

    app = make_app(load(), refresh_s=refresh_s)
    latencies: list[float] = []
    async with app.run_test(size=(120, 40)):
        started = time.perf_counter()
        card = app.main.sidebar.cards()[-1]
        while len(card.models) < models:
            if time.perf_counter() - started > 120:
                raise SystemExit(f"the {models} models did not come in 120 s")
            await asyncio.sleep(0.05)
        listed_s = time.perf_counter() - started
        prompt = app.query_one(PromptArea)
        prompt.focus()
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            before = prompt.text
            sent = time.perf_counter()
            app.simulate_key("z")
            while prompt.text == before:
                await asyncio.sleep(0.0005)
            latencies.append(time.perf_counter() - sent)
            await asyncio.sleep(0.05)
        rows = sum(1 for row in card.query("ModelRow") if row.display)
        current, peak = rss_mb()
    latencies.sort()
    return {
        "models": models,
        "listed_s": listed_s,
        "rows_drawn": rows,
        "rss_mb": current,
        "peak_rss_mb": peak,
        "key_median_ms": statistics.median(latencies) * 1000,
        "key_p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        "key_max_ms": latencies[-1] * 1000,
        "presses": len(latencies),
    }


def measure(kind: str, models: int, seconds: float, refresh_s: float, home: Path) -> dict[str, Any]:
    from tests.fault_api import FaultApi

    with FaultApi("many", models=models) as server:
        config = home / f"{kind}-{models}" / "config.toml"
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text(child_config(kind, server.url), encoding="utf-8")
        env = {
            **os.environ,
            "CARO_CONFIG": str(config),
            "CARO_DATA_DIR": str(config.parent / "data"),
            "CARO_CACHE_DIR": str(config.parent / "cache"),
        }
        args = ["--child", str(models), "--seconds", str(seconds), "--refresh", str(refresh_s)]
        done = subprocess.run(
            [sys.executable, __file__, *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
    if done.returncode != 0:
        raise SystemExit(f"the {kind} case with {models} models failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=12.0, help="seconds of key presses")
    parser.add_argument("--refresh", type=float, default=2.0, help="seconds between refreshes")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(asyncio.run(run_child(args.child, args.seconds, args.refresh))))
        return 0
    import tempfile

    print(
        f"workbench with a model list of N entries, {args.seconds:g} s of key presses, "
        f"the list fetched again every {args.refresh:g} s"
    )
    header = "api     models  listed   rows  RSS MB  peak MB  key median  p95      max"
    with tempfile.TemporaryDirectory(prefix="caro-bench-models-") as home:
        for kind in KINDS:
            print(f"\n{header}")
            results = [measure(kind, n, args.seconds, args.refresh, Path(home)) for n in CASES]
            for r in results:
                print(
                    f"{kind:<7} {r['models']:>6,}  {r['listed_s']:5.2f} s  {r['rows_drawn']:>4}  "
                    f"{r['rss_mb']:6.1f}  {r['peak_rss_mb']:7.1f}  {r['key_median_ms']:7.1f} ms"
                    f"  {r['key_p95_ms']:5.1f} ms  {r['key_max_ms']:5.1f} ms"
                    f"  ({r['presses']} presses)"
                )
            small, large = results
            print(
                f"ratios {large['models']:,} / {small['models']:,} models: "
                f"RSS {large['rss_mb'] / small['rss_mb']:.2f}, "
                f"peak RSS {large['peak_rss_mb'] / small['peak_rss_mb']:.2f}, "
                f"key median {large['key_median_ms'] / small['key_median_ms']:.2f}, "
                f"key p95 {large['key_p95_ms'] / small['key_p95_ms']:.2f}"
            )
            verdict = (
                "meets"
                if large["peak_rss_mb"] < TARGET_RSS_MB and large["key_max_ms"] < TARGET_KEY_MS
                else "misses"
            )
            print(
                f"targets with {large['models']:,} models (< {TARGET_RSS_MB} MB, every key "
                f"< {TARGET_KEY_MS} ms): {verdict}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
