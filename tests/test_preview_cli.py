"""`caro --preview "request"`: the command on stdout, the preview's report on stderr (or in the
JSON), the raised risk, the report kept with the history entry; with --run, shown before the
question. The model is a fake Ollama replying with known commands; the previews are real."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_ollama import FakeModel, FakeOllama, RunningFake
from tests.test_run_cli import PtyCaro, configure, entries
from tui.core.preview.availability import check

pytestmark = pytest.mark.skipif(not check().available, reason="no user namespaces here")

REPLIES = {"tidy": "python3 -c \"import shutil; shutil.rmtree('cache')\"", "look": "ls"}


@pytest.fixture
def fake(isolated_env: Path) -> Iterator[FakeOllama]:
    server = FakeOllama()
    for name, reply in REPLIES.items():
        server.add(FakeModel(name, reply=reply + "\n"))
    with RunningFake(server) as running:
        yield running


def _folder(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    (work / "cache").mkdir(parents=True)
    for index in range(5):
        (work / "cache" / f"f{index}").write_text("x")
    return work


def _caro(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "--backend", "ollama", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "SHELL": "/bin/bash"},
        timeout=120,
    )


def test_the_report_goes_to_stderr_and_the_command_alone_to_stdout(
    fake: FakeOllama, tmp_path: Path
) -> None:
    configure(fake)
    work = _folder(tmp_path)
    done = _caro("--model", "tidy", "--preview", "empty the cache", cwd=work)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == REPLIES["tidy"]
    assert "would delete 5 files and 1 folder in" in done.stderr
    assert "risk: high: the preview shows it deletes 5 files" in done.stderr
    assert len(list((work / "cache").iterdir())) == 5
    (entry,) = entries()
    assert entry.risk_level == "high"
    assert entry.previews[0].report["summary"][0].startswith("would delete 5 files")
    shown = subprocess.run(
        [sys.executable, "-m", "tui", "history", "--show", str(entry.id)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "previewed" in shown.stdout and "would delete 5 files" in shown.stdout


def test_json_carries_the_preview(fake: FakeOllama, tmp_path: Path) -> None:
    configure(fake)
    work = _folder(tmp_path)
    done = _caro("--model", "look", "--json", "--preview", "list files", cwd=work)
    data = json.loads(done.stdout)
    assert data["command"] == "ls"
    assert data["preview"]["changed"] is False
    assert data["preview"]["output"].split() == ["cache"]


def test_with_run_the_report_comes_before_the_question(fake: FakeOllama, tmp_path: Path) -> None:
    configure(fake)
    work = _folder(tmp_path)
    caro = PtyCaro("tidy", "--preview", "empty the cache", cwd=work)
    caro.expect("Type yes to run it")
    text = caro.text
    assert text.index("would delete 5 files") < text.index("risk: high")
    caro.send("no\r")
    assert caro.finish() == 1
    assert len(list((work / "cache").iterdir())) == 5
