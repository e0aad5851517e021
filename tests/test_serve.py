"""`caro serve` without a browser: the command it serves, what it passes on, a taken port."""

from __future__ import annotations

import shlex
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import serve


def test_the_served_command_is_this_caro_opening_the_workbench() -> None:
    words = shlex.split(serve.workbench_command())
    assert words == [sys.executable, "-m", "tui", "serve", serve.WORKBENCH_FLAG]


def test_the_config_and_the_flags_reach_the_served_workbench(isolated_env: Path) -> None:
    env = serve.child_environment("embedded-cpu", "smollm2-135m")
    assert env == {
        "CARO_CONFIG": str(isolated_env / "config" / "config.toml"),
        "CARO_BACKEND": "embedded-cpu",
        "CARO_MODEL": "smollm2-135m",
    }
    assert serve.child_environment(None, None).keys() == {"CARO_CONFIG"}


def test_a_taken_port_is_said_at_once_with_another_one() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "tui", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert f"caro serve --port {port + 1}" in result.stderr


@pytest.mark.parametrize("port", ["0", "70000"])
def test_a_port_out_of_range_is_a_usage_error(port: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "serve", "--port", port],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "--port must be between 1 and 65535" in result.stderr
