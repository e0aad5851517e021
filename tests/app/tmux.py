"""caro in a real terminal: tmux on a private socket runs it, send-keys types, capture-pane
reads."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

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
