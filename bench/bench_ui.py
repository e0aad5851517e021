"""The workbench's three figures, measured once each (not timed tests):

    .venv/bin/python bench/bench_ui.py

1. start-up: from launching the process to the first frame, and to a prompt that takes a key,
   with four configured backends that never answer (each probe has a 2-second timeout; they
   point at a local socket that accepts connections and never replies), and until the sidebar
   has every backend's health. Targets: interactive <= 0.6 s, sidebar complete <= 2.5 s.
2. tokens per second shown in the UI / the same generations without the UI (same engine, same
   requests, greedy), in pairs run back to back so that the load of a shared machine hits both
   sides alike; the figure is the median of the pairs' ratios. The engine uses one thread here:
   with every core busy-waiting, a second process on the machine would swamp the comparison.
   Target >= 0.95.
3. key-press latency while a generation runs, its prefill and its streaming (the engine with its
   default threads): from the key event entering the app to the prompt holding the character.
   Target < 50 ms.

The app runs headless (Textual's test driver), so terminal I/O is not part of the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REQUESTS = (
    "list all files including hidden ones",
    "show disk usage of each folder here",
    "find python files changed in the last week",
    "count the lines in every python file",
    "print the current date in iso format",
)


# -- 1. start-up ------------------------------------------------------------------------------


def blackhole() -> socket.socket:
    """A listening socket nobody accepts on: connections succeed, requests never get a reply."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    return server


def served_kinds_available() -> bool:
    try:
        import tui.core.backends.served.ollama  # type: ignore[import-not-found,unused-ignore]
        import tui.core.backends.served.openai  # type: ignore[import-not-found,unused-ignore]  # noqa: F401
    except ImportError:
        return False
    return True


def startup_config(port: int, model: Path) -> str:
    url = f"http://127.0.0.1:{port}"
    return f"""
[backends.embedded-cpu]
model = "{model}"

[backends.ollama]
host = "{url}"
timeout = 2

[backends.vllm]
url = "{url}"
timeout = 2

[backends.lab]
kind = "openai"
url = "{url}"
timeout = 2

[backends.studio]
kind = "openai"
url = "{url}"
timeout = 2

[ui]
refresh_s = 3600
"""


def measure_startup(model: Path) -> dict[str, Any]:
    server = blackhole()
    with tempfile.TemporaryDirectory(prefix="caro-bench-ui-") as home:
        config = Path(home) / "config.toml"
        config.write_text(startup_config(server.getsockname()[1], model))
        # Its own data folder too: the workbench records requests in the history.
        env = {
            **os.environ,
            "CARO_CONFIG": str(config),
            "CARO_CACHE_DIR": home,
            "CARO_DATA_DIR": home,
        }
        launched = time.time()
        child = subprocess.run(
            [sys.executable, __file__, "--startup-child", repr(launched)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    server.close()
    if child.returncode != 0:
        raise SystemExit(f"the start-up child failed:\n{child.stderr}")
    result: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
    return result


async def startup_child(launched: float) -> None:
    """Runs in a fresh process, so imports count. Prints one JSON line."""
    began_wall, began = time.time(), time.perf_counter()
    offset = began_wall - launched  # interpreter start, before this line ran

    from tui.app.widgets.prompt import PromptArea
    from tui.app.workbench import make_app
    from tui.core.config import load

    config = load()
    registry = None if served_kinds_available() else _silent_http_registry(config)
    app = make_app(config, registry=registry)
    async with app.run_test(size=(120, 36)):
        while app.first_frame_at is None:
            await asyncio.sleep(0.001)
        first_frame = app.first_frame_at
        app.simulate_key("x")
        prompt = app.query_one(PromptArea)
        while prompt.text != "x":
            await asyncio.sleep(0.001)
        interactive = time.perf_counter()
        cards = app.main.sidebar.cards()
        while any(card.health is None for card in cards):
            await asyncio.sleep(0.005)
        complete = time.perf_counter()
        statuses = {card.backend_name: card.health.status.value for card in cards if card.health}
    figures = {
        "first_frame_s": offset + first_frame - began,
        "interactive_s": offset + interactive - began,
        "sidebar_complete_s": offset + complete - began,
        "statuses": statuses,
        "silent_backends": "caro's own clients" if registry is None else "bench HTTP probes",
    }
    print(json.dumps(figures))


def _silent_http_registry(config: Any) -> Any:
    """Until caro's Ollama/OpenAI clients exist, the four silent backends are probed by a
    minimal HTTP client here (httpx GET of the models list), so the probes really wait on the
    socket; the registry applies the configured 2-second timeout exactly as it will then."""
    import httpx

    from tui.core.backends.base import Health, HealthStatus, ModelInfo
    from tui.core.backends.registry import Registry

    class HttpProbe:
        kind = "http-probe"
        supports_prefix = False

        def __init__(self, name: str, url: str) -> None:
            self.name, self.url = name, url
            self.client: httpx.AsyncClient | None = None

        async def probe(self) -> Health:
            # Plain HTTP: no TLS context to build (loading CA files costs ~80 ms per client).
            self.client = self.client or httpx.AsyncClient(verify=False)
            await self.client.get(f"{self.url}/v1/models")
            return Health(HealthStatus.UP)

        async def list_models(self) -> list[ModelInfo]:
            return []

        def stream(self, request: Any) -> Any:
            raise NotImplementedError

        def describe(self) -> Mapping[str, object]:
            return {}

        async def aclose(self) -> None:
            return None

    class SilentRegistry(Registry):
        def get(self, name: str) -> Any:
            backend = self.config.backend(name)
            if backend.kind in ("llamacpp", "mlx"):
                return super().get(name)
            return HttpProbe(name, backend.url or "")

    return SilentRegistry(config)


# -- 2 and 3: throughput and key latency while streaming ----------------------------------------


def bench_config(model: Path, threads: int | None = None) -> Any:
    from tui.core.config import load

    home = Path(tempfile.mkdtemp(prefix="caro-bench-ui-"))
    path = home / "config.toml"
    path.write_text(
        f'[backends.embedded-cpu]\nmodel = "{model}"\n'
        + (f"threads = {threads}\n" if threads else "")
        + "\n[generation]\ncandidates = 1\n"
        "temperature = 0.0\n\n[ui]\nrefresh_s = 3600\n"
    )
    os.environ["CARO_CONFIG"] = str(path)
    os.environ["CARO_CACHE_DIR"] = str(home)
    os.environ["CARO_DATA_DIR"] = str(home)  # the workbench's history goes there, not yours
    return load()


async def measure_throughput(model: Path, rounds: int = 2) -> dict[str, Any]:
    from tui.app.engines import Engines
    from tui.app.widgets.prompt import PromptArea
    from tui.app.workbench import make_app
    from tui.core.backends.embedded.llamacpp import LlamaCppBackend
    from tui.core.backends.registry import Registry
    from tui.core.generation.pipeline import detect_context, generate_command

    config = bench_config(model, threads=1)
    backend = LlamaCppBackend(config.backend("embedded-cpu"))
    backend.load()

    settings = Engines(config).settings("embedded-cpu")
    context = detect_context()
    pairs: list[tuple[tuple[int, float], tuple[int, float]]] = []

    class OneEngine(Registry):  # the UI uses the very engine the plain path uses
        def get(self, name: str) -> Any:
            return backend if name == "embedded-cpu" else super().get(name)

    async def plain(request: str) -> tuple[int, float]:
        result = await generate_command(backend, request, context=context, settings=settings)
        assert result.timings is not None
        return _decode(result.timings)

    app = make_app(config, registry=OneEngine(config), context=lambda: context)
    async with app.run_test(size=(120, 36)):
        await app.workers.wait_for_complete()
        prompt = app.query_one(PromptArea)

        async def shown(request: str) -> tuple[int, float]:
            # What Enter in the prompt does, without Pilot's key helper: that one polls the
            # process until it looks idle, which would wake the main thread all through the
            # generation and tax the UI side with the harness's own work.
            prompt.load_text(request)
            app.main.generate(request)
            await app.workers.wait_for_complete()
            result = app.main.results.shown.result
            assert result is not None and result.timings is not None
            return _decode(result.timings)

        await plain(REQUESTS[0])  # warm the prompt cache once, for neither side's benefit
        for round_ in range(rounds):
            for index, request in enumerate(REQUESTS):
                if (index + round_) % 2 == 0:
                    ui = await shown(request)
                    no_ui = await plain(request)
                else:
                    no_ui = await plain(request)
                    ui = await shown(request)
                pairs.append((ui, no_ui))
    await backend.aclose()
    ratios = [_rate([ui]) / _rate([no_ui]) for ui, no_ui in pairs if _rate([ui]) and _rate([no_ui])]
    return {
        "ui_tokens_per_s": _rate([ui for ui, _ in pairs]),
        "plain_tokens_per_s": _rate([no_ui for _, no_ui in pairs]),
        "median_pair_ratio": statistics.median(ratios),
        "pairs": len(ratios),
    }


def _decode(timings: Any) -> tuple[int, float]:
    """(tokens after the first, seconds after the first): the decode part of a generation."""
    decoded: tuple[int, float] = timings.decode()
    return decoded


def _rate(samples: list[tuple[int, float]]) -> float:
    tokens = sum(t for t, _ in samples)
    seconds = sum(s for _, s in samples)
    return tokens / seconds if seconds else 0.0


async def measure_key_latency(model: Path, presses: int = 40) -> dict[str, Any]:
    from tui.app.widgets.prompt import PromptArea
    from tui.app.workbench import make_app

    config = bench_config(model)
    app = make_app(config)
    latencies: list[float] = []
    async with app.run_test(size=(120, 36)):
        await app.workers.wait_for_complete()
        prompt = app.query_one(PromptArea)
        index = 0
        while len(latencies) < presses and index < 40:
            request = REQUESTS[index % len(REQUESTS)]
            index += 1
            # What Enter does, without Pilot's key helper, which waits for the app to go idle:
            # with a warm prompt cache the whole answer can come in before it returns.
            prompt.load_text(request)
            app.main.generate(request)
            while app.main.results.shown.busy and len(latencies) < presses:
                before = prompt.text
                sent = time.perf_counter()
                app.simulate_key("z")
                while prompt.text == before:
                    await asyncio.sleep(0.0005)
                latencies.append(time.perf_counter() - sent)
                await asyncio.sleep(0.02)
            await app.workers.wait_for_complete()
    if not latencies:
        raise SystemExit("key latency: no generation ran long enough to press a key during it")
    latencies.sort()
    return {
        "median_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        "max_ms": latencies[-1] * 1000,
        "presses": len(latencies),
    }


# -- report ------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="the workbench's start-up, speed and latency")
    parser.add_argument("--startup-child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.startup_child is not None:
        asyncio.run(startup_child(args.startup_child))
        return 0
    from tui.core.models.resolve import bundled_model_path

    model = bundled_model_path()
    if model is None:
        raise SystemExit("the bundled model is not installed: run scripts/setup.sh")
    os.environ["HF_ENDPOINT"] = "http://127.0.0.1:9"  # never download

    startup = measure_startup(model)
    print("start-up, four backends that never answer (2 s timeouts each):")
    print(f"  first frame        {startup['first_frame_s']:.3f} s")
    print(f"  interactive prompt {startup['interactive_s']:.3f} s   (target <= 0.6 s)")
    print(f"  sidebar complete   {startup['sidebar_complete_s']:.3f} s   (target <= 2.5 s)")
    print(f"  silent backends probed by {startup['silent_backends']}: {startup['statuses']}")

    throughput = asyncio.run(measure_throughput(model))
    print("tokens per second, shown in the UI / without the UI (greedy, pairs back to back):")
    print(
        f"  median of {throughput['pairs']} pair ratios {throughput['median_pair_ratio']:.3f}"
        f"   (target >= 0.95; all tokens: {throughput['ui_tokens_per_s']:.1f} with the UI,"
        f" {throughput['plain_tokens_per_s']:.1f} without)"
    )

    latency = asyncio.run(measure_key_latency(model))
    print("key-press latency while a generation streams:")
    print(
        f"  median {latency['median_ms']:.1f} ms, p95 {latency['p95_ms']:.1f} ms,"
        f" max {latency['max_ms']:.1f} ms over {latency['presses']} presses   (target < 50 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
