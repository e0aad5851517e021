"""Probing 8 backends of which 6 are down: the wall time of caro's concurrent probe against one
timeout, and against probing them one after another.

The 2 that are up are a fake Ollama and an OpenAI-compatible fault server answering well; the
6 that are down accept connections and never answer (the costly kind of down: a refused
connection fails at once). Each backend's timeout is --timeout seconds.

    .venv/bin/python bench/bench_probe.py [--timeout 1.0]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fake_ollama import FakeModel, FakeOllama, RunningFake
from tests.servers import FaultServer, hang
from tui.core.backends.registry import Registry
from tui.core.config import BackendConfig, Config

DOWN_KINDS = ("ollama", "openai", "vllm", "ollama", "openai", "vllm")


def config(up_urls: list[str], down_urls: list[str], timeout: float) -> Config:
    backends = {
        f"up-{n}": BackendConfig(name=f"up-{n}", kind="ollama", url=url, timeout=timeout)
        for n, url in enumerate(up_urls)
    }
    for n, (kind, url) in enumerate(zip(DOWN_KINDS, down_urls, strict=True)):
        name = f"down-{n}-{kind}"
        backends[name] = BackendConfig(name=name, kind=kind, url=url, timeout=timeout)
    return Config(path=Path("/dev/null"), backends=backends)


async def concurrent(cfg: Config) -> tuple[float, int]:
    registry = Registry(cfg)
    started = time.perf_counter()
    healths = await registry.probe_all()
    elapsed = time.perf_counter() - started
    await registry.aclose()
    return elapsed, sum(h.usable for h in healths.values())


async def sequential(cfg: Config) -> float:
    registry = Registry(cfg)
    started = time.perf_counter()
    for name in registry.names:
        await registry.probe(name)
    elapsed = time.perf_counter() - started
    await registry.aclose()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=1.0)
    args = parser.parse_args()
    fake = FakeOllama()
    fake.add(FakeModel("qwen2.5-coder:1.5b"))
    hanging = [FaultServer([hang]) for _ in DOWN_KINDS]
    with RunningFake(fake) as running:
        cfg = config([running.url, running.url], [s.url for s in hanging], args.timeout)
        wall, up = asyncio.run(concurrent(cfg))
        one_by_one = asyncio.run(sequential(cfg))
    for server in hanging:
        server.close()
    print(f"8 backends, {up} up, {8 - up} down (never answer), timeout {args.timeout:g} s each")
    print(f"concurrent probe (caro): {wall:.2f} s = {wall / args.timeout:.2f} x one timeout")
    print(f"one after another:       {one_by_one:.2f} s = {one_by_one / args.timeout:.2f} x")
    print(f"ratio sequential / concurrent = {one_by_one / wall:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
