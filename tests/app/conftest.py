"""Fixtures for the workbench tests."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import closed_port
from tui.core.config import Config

from .helpers import write_config
from .tmux import Tmux


@pytest.fixture
def embedded_config(bundled_model: Path) -> Config:
    """embedded-cpu (the bundled model), a disabled mlx, and an ollama nobody runs."""
    return write_config(
        f"""
[backends.embedded-cpu]
model = "{bundled_model}"

[backends.ollama]
host = "http://127.0.0.1:{closed_port()}"
timeout = 2

[generation]
candidates = 1

[ui]
refresh_s = 3600
"""
    )


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    """tmux on a socket of this test's own; its server is killed at the end."""
    session = Tmux()
    try:
        yield session
    finally:
        subprocess.run(["tmux", "-L", session.socket, "kill-server"], capture_output=True)
