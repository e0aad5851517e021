"""The installed `caro` in a real terminal: tmux runs it, send-keys types, capture-pane reads."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import closed_port

from .helpers import write_config

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
CARO = Path(sys.executable).with_name("caro")
DEADLINE_S = 180.0


class Tmux:
    def __init__(self) -> None:
        self.socket = f"caro-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"

    def __call__(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30
        )
        if done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {done.stderr}")
        return done.stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "caro")

    def wait_for(self, ready: Callable[[str], bool], what: str) -> str:
        """The terminal only tells by what it shows: read the screen until it shows `what`."""
        deadline = time.monotonic() + DEADLINE_S
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if ready(screen):
                return screen
            time.sleep(0.25)
        raise AssertionError(f"the screen never showed {what}:\n{screen}")


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    session = Tmux()
    try:
        yield session
    finally:
        subprocess.run(["tmux", "-L", session.socket, "kill-server"], capture_output=True)


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
