"""Which model the MLX engine runs: folders, repo ids, GGUF files, the fallback; and loading an
MLX-format folder for real (a tiny random llama saved here, with the bundled model's tokenizer)."""

from __future__ import annotations

import importlib.metadata
import json
import os
from pathlib import Path

import pytest

from tests.fake_hub import FakeFile, FakeHub, RunningHub
from tui.core import paths
from tui.core.backends.base import (
    BackendError,
    ErrorKind,
    Finished,
    GenerationRequest,
    Message,
    SamplerSettings,
)
from tui.core.backends.embedded import mlx_models
from tui.core.backends.embedded.mlx import MlxBackend
from tui.core.config import BackendConfig
from tui.core.models import catalogue, inventory


def resolve(requested: str | None) -> mlx_models.MlxSource:
    notes: list[str] = []
    return mlx_models.resolve(
        requested, "tests", allow_download=True, notify=notes.append, backend="mlx"
    )


def test_a_gguf_path_is_read_by_mlx_itself(bundled_model: Path) -> None:
    source = resolve(str(bundled_model))
    assert source.is_gguf and source.path == bundled_model.resolve()


def test_without_a_model_and_without_the_hub_the_bundled_gguf_is_used(
    bundled_model: Path,
) -> None:
    source = resolve(None)  # the tests' Hub endpoint refuses connections
    assert source.is_gguf and source.path == bundled_model
    assert "bundled" in source.reason and mlx_models.RECOMMENDED_REPO in source.hint


def test_a_repo_that_cannot_be_fetched_is_a_clear_error() -> None:
    with pytest.raises(BackendError) as raised:
        resolve("mlx-community/not-downloaded-4bit")
    assert raised.value.kind is ErrorKind.MODEL_MISSING
    assert "not-downloaded" in raised.value.message and "network" in raised.value.fix


def test_a_folder_must_hold_an_mlx_model(tmp_path: Path) -> None:
    with pytest.raises(BackendError) as raised:
        resolve(str(tmp_path))
    assert "config.json" in raised.value.message


def test_mlx_without_a_compute_backend_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.metadata.distribution

    def without_backends(name: str) -> importlib.metadata.Distribution:
        if name in mlx_models.LINUX_BACKENDS:
            raise importlib.metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(mlx_models.sys, "platform", "linux")
    monkeypatch.setattr(importlib.metadata, "distribution", without_backends)
    with pytest.raises(BackendError) as raised:
        mlx_models.installed_version("mlx")
    assert raised.value.kind is ErrorKind.UNAVAILABLE and "mlx[cpu]" in raised.value.fix


def save_tiny_mlx_model(folder: Path, bundled_model: Path) -> None:
    mx = pytest.importorskip("mlx.core")
    from mlx.utils import tree_flatten
    from mlx_lm.models import llama

    from tui.core.backends.embedded import mlx_gguf

    _, metadata = mlx_gguf.read_gguf(bundled_model)
    tokenizer = mlx_gguf.build_tokenizer(metadata)
    config = {
        "model_type": "llama",
        "hidden_size": 64,
        "num_hidden_layers": 2,
        "intermediate_size": 128,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "rms_norm_eps": 1e-5,
        "vocab_size": len(tokenizer),
        "tie_word_embeddings": True,
        "eos_token_id": metadata["tokenizer.ggml.eos_token_id"],
    }
    model = llama.Model(llama.ModelArgs.from_dict(config))
    folder.mkdir()
    mx.save_safetensors(str(folder / "model.safetensors"), dict(tree_flatten(model.parameters())))
    (folder / "config.json").write_text(json.dumps(config))
    tokenizer._tokenizer.save_pretrained(str(folder))


async def test_an_mlx_format_folder_loads_and_generates(
    tmp_path: Path, bundled_model: Path
) -> None:
    folder = tmp_path / "tiny-mlx"
    save_tiny_mlx_model(folder, bundled_model)
    backend = MlxBackend(BackendConfig(name="mlx", kind="mlx", model=str(folder)))
    request = GenerationRequest(
        (Message("user", "list files"),), SamplerSettings(temperature=0.0, max_tokens=5)
    )
    events = [event async for event in backend.stream(request)]
    finished = events[-1]
    assert isinstance(finished, Finished)
    assert finished.model == "tiny-mlx" and finished.timings.completion_tokens
    await backend.aclose()


# -- models fetched with `caro models pull` ---------------------------------------------------


def serve_folder(hub: FakeHub, repo: str, folder: Path) -> None:
    for path in folder.iterdir():
        hub.add(repo, path.name, FakeFile(path.read_bytes(), lfs=path.suffix == ".safetensors"))


def test_a_pulled_mlx_model_is_found_by_every_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    repo = mlx_models.RECOMMENDED_REPO
    fake = FakeHub()
    fake.add(repo, "config.json", FakeFile(b'{"model_type": "qwen2"}', lfs=False))
    fake.add(repo, "model.safetensors", FakeFile(b"\0" * 4096))
    refusing = os.environ["HF_ENDPOINT"]
    with RunningHub(fake) as running:
        monkeypatch.setenv("HF_ENDPOINT", running.url)
        pulled = inventory.pull(catalogue.lookup("qwen2.5-coder-1.5b-mlx")).path
    monkeypatch.setenv("HF_ENDPOINT", refusing)  # from now on the Hub cannot be reached
    assert pulled == paths.models_dir() / "mlx" / repo.replace("/", "--")
    for name in (None, repo, f"hf:{repo}", "qwen2.5-coder-1.5b-mlx"):
        source = resolve(name)
        assert source.path == pulled and not source.is_gguf, name
        assert source.repo == repo and "models folder" in source.reason


async def test_a_pulled_mlx_model_is_listed_and_runs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, bundled_model: Path
) -> None:
    repo = "mlx-community/Tiny-Coder-4bit"
    built = tmp_path / "built"
    save_tiny_mlx_model(built, bundled_model)
    fake = FakeHub()
    serve_folder(fake, repo, built)
    refusing = os.environ["HF_ENDPOINT"]
    with RunningHub(fake) as running:
        monkeypatch.setenv("HF_ENDPOINT", running.url)
        pulled = inventory.pull(catalogue.lookup(f"hf:{repo}")).path
    monkeypatch.setenv("HF_ENDPOINT", refusing)
    backend = MlxBackend(BackendConfig(name="mlx", kind="mlx", model=repo, model_source="tests"))
    listed = {info.id: info for info in await backend.list_models()}
    assert listed[repo].source == "models folder" and listed[repo].path == str(pulled)
    request = GenerationRequest(
        (Message("user", "list files"),), SamplerSettings(temperature=0.0, max_tokens=3)
    )
    events = [event async for event in backend.stream(request)]
    assert isinstance(events[-1], Finished) and events[-1].model == repo
    await backend.aclose()
