"""The CLI with a served backend: answers from Ollama, the offer of the next healthy backend
when the chosen one fails (never an answer from another model), and `caro models pull`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import closed_port
from tests.fake_ollama import FakeModel, FakeOllama, RunningFake

OFFER = "embedded-cpu is up: rerun with --backend embedded-cpu"


def caro(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def write_config(text: str) -> None:
    path = Path(os.environ["CARO_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


@pytest.fixture
def fake() -> Iterator[FakeOllama]:
    server = FakeOllama()
    server.add(FakeModel("qwen2.5-coder:1.5b", reply="ls -la\n"))
    with RunningFake(server) as running:
        write_config(
            f'[backends.ollama]\nhost = "{running.url}"\nmodel = "qwen2.5-coder:1.5b"\n'
            "timeout = 10\n"
        )
        yield running


def test_ollama_answers_the_request(fake: FakeOllama) -> None:
    result = caro("--backend", "ollama", "--candidates", "1", "list all files")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ls -la\n"
    assert "backend ollama (chosen by --backend)" in result.stderr
    sent = fake.requests[-1]
    assert sent["model"] == "qwen2.5-coder:1.5b" and sent["options"]["temperature"] == 0.0


def test_a_chosen_backend_that_is_down_offers_the_next_one() -> None:
    write_config(f'[backends.ollama]\nhost = "http://127.0.0.1:{closed_port()}"\n')
    result = caro("--backend", "ollama", "list all files")
    assert result.returncode == 3
    assert result.stdout == ""  # no answer from another model
    assert "connection refused" in result.stderr and "ollama serve" in result.stderr
    assert OFFER in result.stderr


def test_a_failure_during_the_request_offers_the_next_one(fake: FakeOllama) -> None:
    fake.fail_after = 0  # an error line right after the HTTP 200
    result = caro("--backend", "ollama", "list all files")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "ollama failed: Ollama reported an error" in result.stderr
    assert OFFER in result.stderr


def test_backends_lists_ollamas_models(fake: FakeOllama) -> None:
    result = caro("backends", "--json")
    assert result.returncode == 0, result.stderr
    ollama = next(r for r in json.loads(result.stdout) if r["name"] == "ollama")
    assert ollama["status"] == "up" and ollama["version"] == "Ollama 0.12.3"
    [model] = ollama["models"]
    assert model["id"] == "qwen2.5-coder:1.5b" and model["quantization"] == "Q4_K_M"


def test_models_pull_shows_progress(fake: FakeOllama) -> None:
    fake.pullable["llama3.2:1b"] = [1_000_000, 2_000_000]
    result = caro("models", "pull", "ollama:llama3.2:1b")
    assert result.returncode == 0, result.stderr
    assert "pulling manifest" in result.stderr
    assert "100.0%  3.0 MB / 3.0 MB" in result.stderr
    assert "success" in result.stderr and "--model llama3.2:1b" in result.stderr


def test_models_pull_of_an_unknown_model_fails(fake: FakeOllama) -> None:
    result = caro("models", "pull", "ollama:no-such-model")
    assert result.returncode == 1
    assert "file does not exist" in result.stderr


def test_models_pull_of_a_hub_repo_offline_says_how_to_get_it_by_hand() -> None:
    result = caro("models", "pull", "hf:mlx-community/Qwen2.5-Coder-1.5B-Instruct-4bit")
    assert result.returncode == 1 and "cannot be reached" in result.stderr
    assert "hf download mlx-community/Qwen2.5-Coder-1.5B-Instruct-4bit" in result.stderr


def test_the_documented_keys_work_as_written() -> None:
    from tui.core import config as config_module
    from tui.core.backends.registry import Registry
    from tui.core.backends.served.ollama import OllamaBackend
    from tui.core.backends.served.vllm import VllmBackend

    write_config(
        '[backends.ollama]\nenabled = true\nhost = "http://localhost:11434"\n'
        'model = "qwen2.5-coder:latest"\ntimeout = 30\n\n'
        '[backends.vllm]\nenabled = true\nurl = "http://localhost:8000"\ntimeout = 30\n'
    )
    registry = Registry(config_module.load())
    ollama, vllm = registry.get("ollama"), registry.get("vllm")
    assert isinstance(ollama, OllamaBackend) and isinstance(vllm, VllmBackend)
    assert ollama.endpoint.url == "http://localhost:11434" and ollama.endpoint.timeout_s == 30
    assert ollama.config.model == "qwen2.5-coder:latest"
    assert vllm.endpoint.url == "http://localhost:8000" and vllm.endpoint.timeout_s == 30
    assert registry.auto_order()[-2:] == ["ollama", "vllm"]
