"""The installed `caro` in a real terminal: tmux runs it, send-keys types, capture-pane reads."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import closed_port

from .helpers import write_config
from .tmux import CARO, Tmux

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def command_on_screen(screen: str) -> str:
    """The line inside the command box that follows the results header."""
    lines = screen.splitlines()
    header = next(i for i, line in enumerate(lines) if "embedded-cpu  done" in line)
    top = next(i for i in range(header, len(lines)) if "╭" in lines[i])
    column = lines[top].index("╭")
    return lines[top + 1][column + 1 :].strip().strip("│").strip()


def test_caro_in_tmux_turns_a_typed_request_into_a_command(tmux: Tmux, bundled_model: Path) -> None:
    write_config(
        f"""
[backends.embedded-cpu]
model = "{bundled_model}"

[backends.ollama]
host = "http://127.0.0.1:{closed_port()}"
timeout = 2

[generation]
candidates = 1
"""
    )
    env = [f"{name}={os.environ[name]}" for name in os.environ if name.startswith(("CARO_", "HF_"))]
    options = [arg for pair in (("-e", item) for item in env) for arg in pair]
    # COLUMNS/LINES inherited from a test runner would override the real terminal's size.
    program = ["env", "-u", "COLUMNS", "-u", "LINES", str(CARO)]
    tmux("new-session", "-d", "-s", "caro", "-x", "120", "-y", "40", *options, *program)
    tmux.wait_for(lambda s: "What should the command do?" in s, "the prompt")

    tmux("send-keys", "-t", "caro", "-l", "list all files including hidden ones")
    tmux("send-keys", "-t", "caro", "Enter")
    screen = tmux.wait_for(lambda s: "embedded-cpu  done" in s, "a finished answer")

    command = command_on_screen(screen)
    assert command, screen
    assert "list all files including hidden ones" in screen

    tmux("send-keys", "-t", "caro", "C-q")
    tmux.wait_for(lambda s: "What should the command do?" not in s, "caro quitting")
