"""The installed `caro` command, run as a subprocess with the real bundled model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import closed_port


def caro(
    *args: str,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
    python_flags: tuple[str, ...] = (),
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *python_flags, "-m", "tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        input=stdin if stdin is not None else "",
    )


def test_one_shot_prints_exactly_one_command_on_stdout() -> None:
    result = caro("list all files including hidden ones")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].strip()
    # Which model and why, on stderr.
    assert "SmolLM2-135M-Instruct.Q4_1.gguf" in result.stderr
    assert "bundled fallback" in result.stderr


def test_json_has_the_promised_fields() -> None:
    result = caro("--json", "show disk usage of this folder")
    assert result.returncode in (0, 4), result.stderr
    data = json.loads(result.stdout)
    for key in ("command", "raw", "backend", "model", "timings", "risk", "warnings"):
        assert key in data
    assert set(data["timings"]) >= {"ttft_s", "total_s", "tokens_per_s"}
    assert data["backend"] == "embedded-cpu"


def test_request_from_stdin() -> None:
    result = caro("-q", stdin="print the current date\n")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr == ""


def test_one_shot_does_not_import_textual() -> None:
    result = caro("-q", "show the current directory", python_flags=("-X", "importtime"))
    assert result.returncode == 0
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "llama_cpp" in imported  # the measurement saw the engine's imports
    assert not {name for name in imported if name.split(".")[0] == "textual"}


def test_version_and_help() -> None:
    assert caro("--version").stdout.startswith("caro ")
    help_text = caro("--help").stdout
    assert "exit codes" in help_text and "--backend" in help_text


def test_bad_usage_exits_2() -> None:
    result = caro("--no-such-flag", "x")
    assert result.returncode == 2
    assert "--help" in result.stderr


def test_unknown_backend_exits_2_and_lists_the_available_ones() -> None:
    result = caro("--backend", "olama", "list files")
    assert result.returncode == 2
    assert "embedded-cpu" in result.stderr and "ollama" in result.stderr


def test_no_backend_available_exits_3(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[backends.embedded-cpu]\nmodel = "{tmp_path / "missing.gguf"}"\n'
        f'[backends.ollama]\nhost = "http://127.0.0.1:{closed_port()}"\ntimeout = 2\n'
    )
    result = caro("list files", env={"CARO_CONFIG": str(config)})
    assert result.returncode == 3, result.stderr
    assert "no backend is available" in result.stderr
    assert "missing.gguf" in result.stderr


def test_model_without_a_usable_command_exits_4() -> None:
    # No examples, no utility hint, one token: the model cannot finish a command.
    result = caro(
        "--examples", "0", "--candidates", "1", "--max-tokens", "1", "write a poem about the sea"
    )
    assert result.returncode == 4, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "no usable command" in result.stderr


def test_broken_config_is_reported_and_kept(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[ui]\ntheme = 'x'\n[backends.ollama]\ntimeout = 'soon'\n")
    before = config.read_text()
    result = caro("list files", env={"CARO_CONFIG": str(config)})
    assert result.returncode == 1
    assert f"{config}:4:" in result.stderr and "timeout" in result.stderr
    assert config.read_text() == before


def test_backends_table_and_json() -> None:
    table = caro("backends", "--timeout", "2")
    assert table.returncode == 0
    assert "embedded-cpu" in table.stdout and "up" in table.stdout
    data = json.loads(caro("backends", "--json", "--timeout", "2").stdout)
    by_name = {row["name"]: row for row in data}
    assert by_name["embedded-cpu"]["status"] == "up"
    assert by_name["embedded-cpu"]["models"][0]["quantization"] == "Q4_1"
    assert by_name["ollama"]["status"] == "down"
    assert by_name["ollama"]["fix"]


def test_config_path_set_show(tmp_path: Path) -> None:
    config = tmp_path / "c" / "config.toml"
    env = {"CARO_CONFIG": str(config)}
    assert caro("config", "path", env=env).stdout.strip() == str(config)
    assert caro("config", "set", "backends.ollama.timeout", "45", env=env).returncode == 0
    assert "timeout = 45" in config.read_text()
    bad = caro("config", "set", "backends.ollama.timeout", "never", env=env)
    assert bad.returncode == 1 and "timeout" in bad.stderr
    assert "timeout = 45" in config.read_text()
    assert "[backends.ollama]" in caro("config", "show", env=env).stdout


@pytest.mark.parametrize("kind", ["openai", "vllm"])
def test_backends_add_writes_the_config(tmp_path: Path, kind: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text("# mine\n")
    env = {"CARO_CONFIG": str(config)}
    result = caro("backends", "add", "lab", "http://127.0.0.1:9", "--kind", kind, env=env)
    assert result.returncode == 0, result.stderr
    text = config.read_text()
    assert text.startswith("# mine") and "[backends.lab]" in text and f'kind = "{kind}"' in text
