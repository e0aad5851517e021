"""The performance table: the embedded engine with the bundled model for real, Ollama through
its fake (memory from /api/ps), a backend that is down, and `caro bench` itself."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import closed_port
from tests.fake_ollama import FakeModel, FakeOllama, RunningFake
from tui.cli import bench as bench_cli
from tui.core.backends.embedded.llamacpp import LlamaCppBackend
from tui.core.backends.registry import Registry
from tui.core.config import BackendConfig, Config
from tui.core.measure import perf
from tui.core.measure.perf import BenchRow

RSS_PROBE = """
from tui.core.measure import perf
before = perf.rss_bytes()
block = bytearray(64 * 1024 * 1024)
block[::4096] = b"x" * len(block[::4096])  # touch every page
print(before, perf.rss_bytes())
"""


def test_rss_is_read_from_the_process() -> None:
    # A fresh process: in the suite's own process, freed memory that stays resident can hold
    # the new block, and the resident size does not move.
    probe = subprocess.run(
        [sys.executable, "-c", RSS_PROBE], capture_output=True, text=True, timeout=120, check=True
    )
    before, after = (int(n) for n in probe.stdout.split())
    assert before > 10_000_000
    assert after - before > 48 * 1024 * 1024


@pytest.mark.slow
def test_the_embedded_engine_is_timed_from_its_load(bundled_model: Path) -> None:
    backend = LlamaCppBackend(
        BackendConfig(name="embedded-cpu", kind="llamacpp", model=str(bundled_model))
    )

    async def run() -> BenchRow:
        try:
            return await perf.bench_backend(backend, runs=2)
        finally:
            await backend.aclose()

    row = asyncio.run(run())
    assert row.ok and row.model == bundled_model.name and row.runs == 2
    assert row.load_s is not None and row.load_s > 0
    assert row.first_s is not None and row.first_s > 0
    assert row.subsequent_s is not None and row.subsequent_s > 0
    assert row.ttft_s is not None and 0 < row.ttft_s < row.subsequent_s
    assert row.tokens_per_s is not None and row.tokens_per_s > 0
    # The 98 MB model file is mapped and read while loading.
    assert row.memory_bytes is not None and row.memory_bytes > 20_000_000
    assert row.memory_source == "RSS growth over the load"


@pytest.fixture
def ollama() -> Iterator[FakeOllama]:
    server = FakeOllama()
    server.add(FakeModel("qwen2.5-coder:1.5b", reply="ls -la\n", loaded_context=4096))
    with RunningFake(server) as running:
        yield running


def test_served_backends_report_the_servers_memory_and_a_down_one_is_a_row(
    ollama: FakeOllama,
) -> None:
    backends = {
        "ollama": BackendConfig(
            name="ollama", kind="ollama", url=ollama.url, model="qwen2.5-coder:1.5b", timeout=5
        ),
        "vllm": BackendConfig(
            name="vllm", kind="vllm", url=f"http://127.0.0.1:{closed_port()}", timeout=2
        ),
    }
    registry = Registry(Config(path=Path("unused.toml"), backends=backends))
    steps: list[tuple[str, str]] = []

    async def run() -> list[BenchRow]:
        try:
            return await perf.bench(registry, runs=2, on_step=lambda b, w: steps.append((b, w)))
        finally:
            await registry.aclose()

    rows = {row.backend: row for row in asyncio.run(run())}
    served = rows["ollama"]
    assert served.ok and served.model == "qwen2.5-coder:1.5b"
    assert served.memory_bytes == 986_000_000 + 200_000_000
    assert served.memory_source == "Ollama /api/ps"
    assert served.subsequent_s is not None and served.tokens_per_s is not None
    assert rows["vllm"].status == "down" and "vllm serve" in rows["vllm"].detail
    assert [b for b, _ in steps] == ["ollama"] * 3
    assert len(ollama.requests) == 3


def test_the_table_has_every_column_and_the_down_backends_below() -> None:
    rows = [
        BenchRow(
            "embedded-cpu",
            "llamacpp",
            "SmolLM2-135M-Instruct.Q4_1.gguf",
            load_s=0.2,
            first_s=0.5,
            subsequent_s=1.25,
            ttft_s=0.04,
            tokens_per_s=80.0,
            memory_bytes=150_000_000,
            memory_source="RSS growth over the load",
            runs=3,
        ),
        BenchRow("ollama", "ollama", status="down", detail="connection refused"),
    ]
    lines = bench_cli.render(rows, 3).splitlines()
    assert lines[0].split() == [
        "backend",
        "model",
        "load",
        "first",
        "next",
        "ttft",
        "tok/s",
        "memory",
    ]
    assert lines[1].split()[:8] == [
        "embedded-cpu",
        "SmolLM2-135M-Instruct.Q4_1.gguf",
        "200",
        "ms",
        "500",
        "ms",
        "1.25",
        "s",
    ]
    assert "150.0 MB (RSS growth over the load)" in lines[1]
    assert lines[2] == "ollama  down: connection refused"
    data = json.loads(bench_cli.as_json(rows, 3))
    assert data["backends"][0]["tokens_per_s"] == 80.0 and data["runs"] == 3


@pytest.mark.slow
def test_caro_bench_on_the_embedded_engine(bundled_model: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui",
            "bench",
            "--backend",
            "embedded-cpu",
            "--runs",
            "1",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=240,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "CARO_MODEL": str(bundled_model)},
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    [row] = data["backends"]
    assert row["backend"] == "embedded-cpu" and row["status"] == "ok"
    assert row["model"] == bundled_model.name
    for key in ("load_s", "first_s", "subsequent_s", "ttft_s", "tokens_per_s", "memory_bytes"):
        assert isinstance(row[key], (int, float)) and row[key] > 0, key
    assert "caro bench: embedded-cpu: first request" in result.stderr


def test_caro_bench_refuses_an_unknown_backend() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "bench", "--backend", "nope"],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2 and "no backend called nope" in result.stderr
