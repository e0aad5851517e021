"""`caro models list | pull | rm | info` as a person runs them, against the fake Hub."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_hub import FakeFile, FakeHub, RunningHub
from tui.core import paths

REPO = "Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF"
FILE = "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"


def caro(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[FakeHub]:
    fake = FakeHub()
    fake.add(REPO, FILE, FakeFile(b"GGUF" + os.urandom(2_000_000)))
    with RunningHub(fake) as running:
        yield running


def hub_env(hub: FakeHub, tmp_path: Path) -> dict[str, str]:
    return {"HF_ENDPOINT": hub.url, "HF_HOME": str(tmp_path / "hf-home")}


def test_pull_shows_progress_checks_and_says_how_to_use_it(hub: FakeHub, tmp_path: Path) -> None:
    result = caro("models", "pull", "qwen2.5-coder-0.5b", env=hub_env(hub, tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert f"{FILE}  done, 2.0 MB" in result.stderr
    assert "sha256 checked" in result.stderr
    assert f"caro --model {FILE}" in result.stderr
    target = paths.models_dir() / FILE
    assert target.read_bytes() == hub.repos[REPO][FILE].content

    again = caro("models", "pull", "qwen2.5-coder-0.5b", env=hub_env(hub, tmp_path))
    assert again.returncode == 0 and "already in" in again.stderr

    info = json.loads(caro("models", "info", "qwen2.5-coder-0.5b", "--json").stdout)
    assert info["status"] == "installed" and info["path"] == str(target)
    assert len(info["details"]["files"][FILE]["sha256"]) == 64

    removed = caro("models", "rm", "qwen2.5-coder-0.5b")
    assert removed.returncode == 0 and "2.0 MB freed" in removed.stderr
    assert not target.exists()


def test_pull_offline_says_how_to_download_by_hand() -> None:
    result = caro("models", "pull", "qwen2.5-coder-1.5b")
    assert result.returncode == 1
    assert "cannot be reached" in result.stderr
    assert "curl -L -o" in result.stderr and str(paths.models_dir()) in result.stderr


def test_a_checksum_mismatch_fails_and_keeps_nothing(hub: FakeHub, tmp_path: Path) -> None:
    hub.repos[REPO][FILE].announced_sha256 = "f" * 64
    result = caro("models", "pull", "qwen2.5-coder-0.5b", env=hub_env(hub, tmp_path))
    assert result.returncode == 1
    assert "does not match its checksum" in result.stderr
    assert not (paths.models_dir() / FILE).exists()


def test_list_shows_the_catalogue_and_files_placed_by_hand() -> None:
    folder = paths.models_dir()
    folder.mkdir(parents=True)
    (folder / "mine-Q5_K_M.gguf").write_bytes(b"GGUF" + b"\0" * 100)
    table = caro("models", "list", "--local")
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["NAME", "FORMAT", "QUANT", "SIZE", "ENGINE", "STATUS"]
    assert any(line.startswith("qwen2.5-coder-1.5b *") for line in lines)
    placed = next(line for line in lines if line.startswith("mine-Q5_K_M.gguf"))
    assert "placed by hand" in placed and "Q5_K_M" in placed
    rows = json.loads(caro("models", "list", "--local", "--json").stdout)
    assert {"qwen2.5-coder-7b-mlx", "smollm2-135m", "mine-Q5_K_M.gguf"} <= {r["name"] for r in rows}


def test_unknown_names_are_a_usage_error() -> None:
    result = caro("models", "pull", "gpt-17")
    assert result.returncode == 2
    assert "no model called 'gpt-17'" in result.stderr and "caro models list" in result.stderr
    assert caro("models", "info", "gpt-17").returncode == 2
    assert caro("models", "rm", "gpt-17").returncode == 1
