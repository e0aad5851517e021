"""One-shot `caro "..."` wall time ÷ the naive script, measured side by side in one run.

    .venv/bin/python bench/bench_oneshot.py [--rounds N] [--no-tabs] [--candidates N]
                                            [--examples N] [--threads N]

The naive script (bench/naive_oneshot.py) imports llama-cpp-python, loads the same model and
answers behind a ~600-token system prompt with no saved state. caro runs as a person runs it, a
new process each time, over a fixed list of requests, in four ways taken in turn per request:

* warm: the engine host and the warm starter run (the second and later requests of a
  session: the launcher hands the request to a child of the starter, tui/cli/starter.py);
* no starter (instead of warm on other requests): the host warm, `CARO_STARTER=0`, so caro
  starts and imports in its own process (what warm was before the starter);
* first after start (every third request instead of warm): the host and the starter were
  stopped just before, so this request starts both; the host never sees the same request twice
  in a round;
* in-process: `keep_alive = 0`, the model loads in caro's own process (the state on disk helps).

It also prints the warm time to the first token ÷ the cold one (caro's own `ttft_s`, in --json),
what the warm requests cost the model (candidates, prompt tokens, how many came from the prompt
cache, decoded tokens; bench/bench_warm.py breaks the time down further), and the resident
memory of three workbench processes (what `caro serve` runs per browser tab), each answering
one request, with and without the host (all processes' RSS added up).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.core.models.resolve import bundled_model_path  # noqa: E402

REQUESTS = (
    "find all python files modified in the last 7 days",
    "show the 10 biggest files in this folder",
    "count lines in all .txt files",
    "list all files including hidden ones",
    "show disk usage of each folder here",
    "compress the logs folder into a tar.gz",
    "find files larger than 100 MB",
    "show the processes using the most memory",
    "replace foo with bar in every .md file",
    "print the current date in iso format",
    "show which process listens on port 8080",
    "delete empty folders below here",
    # Twelve more, so that each way gets twice the samples per run (the machine is noisy).
    "show the last 20 lines of the system log",
    "list the 5 most recently modified files",
    "count how many files are in this folder",
    "search for the word error in all log files",
    "show my ip addresses",
    "make a folder called backup with today's date in its name",
    "find all empty files below here",
    "show the total size of my home folder",
    "list the running docker containers",
    "show the git log with one line per commit",
    "sort names.txt and drop duplicate lines",
    "show how long the machine has been running",
)
FIRST_EVERY = 3  # a "first after start" sample on every third request


def wall(command: list[str], env: dict[str, str]) -> tuple[float, dict[str, object]]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 4):  # 4: the model gave no usable command, a real outcome
        raise RuntimeError(f"{command[1:4]} failed ({done.returncode}): {done.stderr[-800:]}")
    try:
        result = json.loads(done.stdout) if done.stdout.startswith("{") else {}
    except ValueError:
        result = {}
    return seconds, result if isinstance(result, dict) else {}


def ttft(result: dict[str, object], wall_s: float) -> tuple[float, float] | None:
    """(the engine's time to first token, the time from launching caro to that token).

    The second is the wall time less what came after the first token (the rest of the
    generations: `total_s` adds up every candidate's); start-up, imports, starting or finding
    the host, loading and the prefill all count.
    """
    timings = result.get("timings")
    if not isinstance(timings, dict):
        return None
    first, total = timings.get("ttft_s"), timings.get("total_s")
    if not isinstance(first, int | float) or not isinstance(total, int | float):
        return None
    return float(first), wall_s - float(total) + float(first)


@dataclass
class Work:
    """What one answer cost the model, from caro's --json."""

    candidates: int
    prompt_tokens: int
    cached_tokens: int
    decoded_tokens: int

    @classmethod
    def of(cls, result: dict[str, object]) -> Work | None:
        timings, candidates = result.get("timings"), result.get("candidates")
        if not isinstance(timings, dict) or not isinstance(candidates, list):
            return None
        return cls(
            len(candidates),
            int(timings.get("prompt_tokens") or 0),
            int(timings.get("cached_prompt_tokens") or 0),
            int(timings.get("completion_tokens") or 0),
        )


def print_work(works: list[Work]) -> None:
    if not works:
        return
    count = len(works)
    candidates = sum(w.candidates for w in works)
    prompt = sum(w.prompt_tokens for w in works)
    cached = sum(w.cached_tokens for w in works)
    print(
        f"warm requests' model work (mean per request): {candidates / count:.2f} candidates, "
        f"{prompt / count:.0f} prompt tokens of which {cached / count:.0f} from the prompt cache "
        f"({cached / max(1, prompt):.0%}), {sum(w.decoded_tokens for w in works) / count:.0f} "
        "tokens decoded"
    )


def progress(index: int, times: dict[str, list[float]]) -> None:
    latest = ", ".join(f"{name} {values[-1]:.2f} s" for name, values in times.items() if values)
    print(f"  [{index + 1}/{len(REQUESTS)}] last of each: {latest}", file=sys.stderr, flush=True)


def stop_host(env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "tui", "engine", "stop"], capture_output=True, env=env, cwd=ROOT
    )
    time.sleep(0.3)  # let it release its socket and memory before the next sample


def compiled() -> None:
    """Writes caro's bytecode, as installing it does (pip compiles what it installs). An
    editable checkout under PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module
    from source in every new process, which the naive script's installed packages never do."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tui")], check=True)


def one_shot(model: Path, rounds: int, tuning: list[str], threads: int | None) -> None:
    with tempfile.TemporaryDirectory(prefix="caro-b-", dir="/tmp") as home:
        if threads is not None:
            Path(f"{home}/none.toml").write_text(
                f"[backends.embedded-cpu]\nthreads = {threads}\n", encoding="utf-8"
            )
        base = {
            **os.environ,
            "CARO_CACHE_DIR": f"{home}/cache",
            "CARO_CONFIG": f"{home}/none.toml",
            "XDG_RUNTIME_DIR": f"{home}/rt",
        }
        hosted = {**base, "CARO_ENGINE_KEEP_ALIVE": "600"}
        no_starter = {**hosted, "CARO_STARTER": "0"}
        # Its own runtime folder: the warm starter the hosted requests start is not used.
        in_process = {**base, "CARO_ENGINE_KEEP_ALIVE": "0", "XDG_RUNTIME_DIR": f"{home}/rt0"}
        times: dict[str, list[float]] = {
            "warm": [],
            "no starter": [],
            "first": [],
            "in-process": [],
            "naive": [],
        }
        firsts: list[tuple[float, float]] = []
        warms: list[tuple[float, float]] = []
        works: list[Work] = []
        settings = " ".join(tuning) or "caro's defaults"
        if threads is not None:
            settings += f"; threads = {threads}"
        print(f"model: {model.name}; {len(REQUESTS)} requests x {rounds} round(s); {settings}")
        caro = [sys.executable, "-m", "tui", "-q", "--json", "--model", str(model), *tuning]
        naive = [sys.executable, str(ROOT / "bench" / "naive_oneshot.py"), str(model)]
        # Warm-up, not counted: the page cache, caro's saved state on disk, a running host.
        wall([*naive, REQUESTS[0]], dict(os.environ))
        wall([*caro, REQUESTS[0]], in_process)
        wall([*caro, REQUESTS[0]], hosted)
        try:
            for round_ in range(rounds):
                for index, request in enumerate(REQUESTS):
                    times["naive"].append(wall([*naive, request], dict(os.environ))[0])
                    times["in-process"].append(wall([*caro, request], in_process)[0])
                    if (index + round_) % FIRST_EVERY == 0:
                        stop_host(hosted)
                        seconds, result = wall([*caro, request], hosted)
                        times["first"].append(seconds)
                        firsts += [t for t in [ttft(result, seconds)] if t is not None]
                        progress(index, times)
                        continue  # each request is asked of the host once: no exact repeat
                    if (index + round_) % FIRST_EVERY == 2:  # the host warm, no starter
                        times["no starter"].append(wall([*caro, request], no_starter)[0])
                        progress(index, times)
                        continue
                    seconds, result = wall([*caro, request], hosted)
                    times["warm"].append(seconds)
                    warms += [t for t in [ttft(result, seconds)] if t is not None]
                    works += [w for w in [Work.of(result)] if w is not None]
                    progress(index, times)
        finally:
            stop_host(hosted)
    naive_s = statistics.median(times["naive"])
    print(f"naive script (cold, per request): median {naive_s:.2f} s over {len(times['naive'])}")
    for name, target, label in (
        ("warm", 0.25, "second and later requests (host warm)"),
        ("no starter", None, "the same, without the warm starter (CARO_STARTER=0)"),
        ("first", 1.0, "first request after the host started"),
        ("in-process", None, "keep_alive = 0 (loads in-process, as before)"),
    ):
        ours = statistics.median(times[name])
        goal = f" (target <= {target})" if target is not None else ""
        print(
            f"one-shot wall time, {label}: {ours:.2f} s ÷ naive {naive_s:.2f} s "
            f"= {ours / naive_s:.3f}{goal}   [n={len(times[name])}]"
        )
    print_work(works)
    warm_s, alone_s = statistics.median(times["warm"]), statistics.median(times["in-process"])
    print(f"warm host ÷ in-process (what the host itself saves): {warm_s / alone_s:.3f}")
    if firsts and warms:
        for index, what in ((0, "the engine's"), (1, "from launching caro")):
            cold = statistics.median(t[index] for t in firsts)
            warm = statistics.median(t[index] for t in warms)
            print(
                f"time to first token ({what}), warm {warm * 1000:.0f} ms ÷ cold (first after "
                f"the host started) {cold * 1000:.0f} ms = {warm / cold:.3f}"
            )


TAB_SCRIPT = """
import asyncio, sys
from tui.core.config import load
from tui.app.workbench import make_app
from tui.core.measure.perf import rss_bytes

async def main():
    app = make_app(load())
    async with app.run_test(size=(100, 30)):
        await app.workers.wait_for_complete()
        app.main.generate(sys.argv[1])
        await app.workers.wait_for_complete()
        shown = app.main.results.shown.result
        print(rss_bytes(), shown is not None and shown.command is not None, flush=True)
        sys.stdin.readline()  # stays open (as a tab does) until the bench has measured all

asyncio.run(main())
"""


def rss_of(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def three_tabs(model: Path, keep_alive: str, home: str) -> tuple[int, int, int]:
    """(RSS of the three tab processes, RSS of the host, number of hosts) while all are open."""
    env = {
        **os.environ,
        "CARO_CACHE_DIR": f"{home}/cache",
        "CARO_CONFIG": f"{home}/none.toml",
        "CARO_MODEL": str(model),
        "XDG_RUNTIME_DIR": f"{home}/rt",
        "CARO_ENGINE_KEEP_ALIVE": keep_alive,
    }
    tabs = [
        subprocess.Popen(
            [sys.executable, "-c", TAB_SCRIPT, request],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
            cwd=ROOT,
        )
        for request in REQUESTS[:3]
    ]
    try:
        for tab in tabs:
            assert tab.stdout is not None
            line = tab.stdout.readline().split()
            if not line:
                raise RuntimeError("a workbench tab failed to answer")
        tab_rss = sum(rss_of(tab.pid) for tab in tabs)
        host = _host_pid(Path(f"{home}/rt/caro/engine.pid"))
        host_rss = rss_of(host) if host else 0
    finally:
        for tab in tabs:
            if tab.stdin:
                tab.stdin.close()
            tab.wait(60)
        stop_host(env)
    return tab_rss, host_rss, 1 if host else 0


def _host_pid(pid_file: Path) -> int | None:
    try:
        return int(json.loads(pid_file.read_text())["pid"])
    except (OSError, ValueError, KeyError):
        return None


def tabs_memory(model: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="caro-m-", dir="/tmp") as home:
        alone = three_tabs(model, "0", home)
        shared = three_tabs(model, "600", home)
    mb = 2**20
    print(
        f"three workbench tabs, each loading the model: {alone[0] / mb:.0f} MB "
        f"(3 models)\nthree workbench tabs with the engine host: {shared[0] / mb:.0f} MB "
        f"+ host {shared[1] / mb:.0f} MB = {(shared[0] + shared[1]) / mb:.0f} MB "
        f"({shared[2]} model) -> ratio {(shared[0] + shared[1]) / alone[0]:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--no-tabs", action="store_true", help="skip the memory of three tabs")
    parser.add_argument("--candidates", type=int, help="caro's --candidates (default: config)")
    parser.add_argument("--examples", type=int, help="caro's --examples (default: config)")
    parser.add_argument(
        "--threads", type=int, help="[backends.embedded-cpu] threads (default: chosen per request)"
    )
    args = parser.parse_args()
    tuning = [
        f"--{name}={value}"
        for name, value in (("candidates", args.candidates), ("examples", args.examples))
        if value is not None
    ]
    model = bundled_model_path()
    if model is None:
        raise SystemExit("the bundled model is missing: run scripts/setup.sh")
    compiled()
    one_shot(model, args.rounds, tuning, args.threads)
    if not args.no_tabs:
        tabs_memory(model)


if __name__ == "__main__":
    main()
