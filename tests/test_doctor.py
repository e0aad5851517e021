"""`caro doctor`: each problem is found and printed with its fix; the exit code says whether
anything is wrong."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import closed_port
from tests.fake_ollama import FakeModel, FakeOllama, RunningFake
from tests.servers import FaultServer, hang
from tui.cli.doctor import Finding, check_mlx, check_models_cache, diagnose, render
from tui.core import config as config_module
from tui.core.backends.discovery import Platform
from tui.core.config import BackendConfig

LINUX = Platform("Linux", "x86_64", cuda=False)
MAC = Platform("Darwin", "arm64", cuda=False)


def write_config(text: str) -> config_module.Config:
    path = Path(os.environ["CARO_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return config_module.load()


def by_subject(findings: list[Finding], subject: str) -> list[Finding]:
    return [f for f in findings if f.subject == subject]


@pytest.fixture
def fake() -> Iterator[FakeOllama]:
    server = FakeOllama()
    server.add(FakeModel("qwen2.5-coder:1.5b"))
    with RunningFake(server) as running:
        yield running


async def test_a_configured_server_that_is_down_fails_with_the_start_command() -> None:
    config = write_config(
        f'[backends.ollama]\nenabled = true\nhost = "http://127.0.0.1:{closed_port()}"\n'
    )
    findings = await diagnose(config, timeout_s=2)
    [ollama] = by_subject(findings, "ollama")
    assert ollama.severity == "error" and "connection refused" in ollama.message
    assert "ollama serve" in ollama.fix


async def test_ollama_caro_only_looks_for_is_not_a_failure() -> None:
    config = config_module.load()  # no file: Ollama at its default address, optional
    config = config_module.replace(
        config,
        backends={
            **config.backends,
            "ollama": config_module.replace(
                config.backends["ollama"], url=f"http://127.0.0.1:{closed_port()}"
            ),
        },
    )
    [ollama] = by_subject(await diagnose(config, timeout_s=2), "ollama")
    assert ollama.severity == "info" and "optional" in ollama.message


async def test_a_timeout_names_the_config_key_to_raise() -> None:
    with FaultServer([hang]) as server:
        config = write_config(f'[backends.vllm]\nurl = "{server.url}"\ntimeout = 0.5\n')
        findings = await diagnose(config)
    [vllm] = by_subject(findings, "vllm")
    assert vllm.severity == "error" and "0.5 s" in vllm.message
    assert "[backends.vllm] timeout" in vllm.fix


async def test_a_missing_ollama_model_says_how_to_pull_it(fake: FakeOllama) -> None:
    config = write_config(f'[backends.ollama]\nhost = "{fake.url}"\nmodel = "llama3.2:3b"\n')
    findings = by_subject(await diagnose(config), "ollama")
    assert findings[0].severity == "ok"
    assert (
        findings[1].severity == "error" and "'llama3.2:3b' is not available" in findings[1].message
    )
    assert "ollama pull llama3.2:3b" in findings[1].fix


async def test_an_ollama_with_the_model_is_fine(fake: FakeOllama) -> None:
    config = write_config(f'[backends.ollama]\nhost = "{fake.url}"\nmodel = "qwen2.5-coder:1.5b"\n')
    findings = await diagnose(config)
    assert [f.severity for f in by_subject(findings, "ollama")] == ["ok", "ok"]
    assert not [f for f in findings if f.severity == "error"]


def test_broken_and_partial_downloads_get_the_manual_command(tmp_path: Path) -> None:
    (tmp_path / "qwen.gguf").write_bytes(b"<html>rate limited</html>")
    (tmp_path / ".cache" / "huggingface" / "download").mkdir(parents=True)
    partial = tmp_path / ".cache" / "huggingface" / "download" / "x.gguf.incomplete"
    partial.write_bytes(b"GGUF")
    good = tmp_path / "good.gguf"
    good.write_bytes(b"GGUF" + bytes(2 << 20))
    findings = check_models_cache(tmp_path)
    broken = next(f for f in findings if "qwen.gguf" in f.message)
    assert broken.severity == "error" and "not a GGUF file" in broken.message
    assert f"rm {tmp_path / 'qwen.gguf'}" in broken.fix and "curl -L -o" in broken.fix
    assert str(tmp_path) in broken.fix  # the path the download goes to
    unfinished = next(f for f in findings if "did not finish" in f.message)
    assert unfinished.severity == "warning" and str(partial) in unfinished.message
    assert any(f.severity == "ok" and "good.gguf" in f.message for f in findings)


def test_an_empty_cache_says_the_fallback_is_used(tmp_path: Path) -> None:
    [finding] = check_models_cache(tmp_path / "missing")
    assert finding.severity == "info" and "bundled fallback" in finding.message


def test_mlx_checks() -> None:
    mlx = BackendConfig(name="mlx", kind="mlx", enabled=True)
    [linux] = check_mlx(mlx, LINUX)
    assert linux.severity == "warning" and "Apple Silicon" in linux.message
    assert check_mlx(BackendConfig(name="mlx", kind="mlx", enabled=False), LINUX) == []
    [missing] = check_mlx(mlx, MAC, has_module=lambda name: name == "mlx")
    assert missing.severity == "error" and "mlx_lm" in missing.message
    assert "pip install" in missing.fix
    [no_metal] = check_mlx(mlx, MAC, has_module=lambda _: True, metal_available=lambda: False)
    assert no_metal.severity == "error" and "xcode-select --install" in no_metal.fix
    assert check_mlx(mlx, MAC, has_module=lambda _: True, metal_available=lambda: True) == []


def test_render_puts_each_fix_under_its_problem() -> None:
    text = render([Finding("ollama", "error", "down", "ollama serve"), Finding("x", "ok", "up")])
    lines = text.splitlines()
    assert lines[0].startswith("FAIL") and lines[1].strip() == "fix: ollama serve"
    assert lines[-1] == "1 problem(s), 0 warning(s)"


def test_the_command_exits_1_when_something_is_wrong() -> None:
    write_config(f'[backends.ollama]\nhost = "http://127.0.0.1:{closed_port()}"\n')
    result = subprocess.run(
        [sys.executable, "-m", "tui", "doctor", "--timeout", "5"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "FAIL  ollama" in result.stdout and "fix: start it with `ollama serve`" in result.stdout
