"""`caro serve` without a browser: the command it serves, what it passes on, a taken port."""

from __future__ import annotations

import inspect
import shlex
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import serve
from tui.cli.serve_access import Access, new_secret


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


def test_a_host_beyond_this_machine_needs_allow_remote() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "serve", "--host", "0.0.0.0", "--port", "8765"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "--host 0.0.0.0 would let anyone who can reach this machine" in result.stderr
    assert "caro serve --host 0.0.0.0 --allow-remote" in result.stderr


def test_allow_remote_says_loudly_what_it_exposes(capsys: pytest.CaptureFixture[str]) -> None:
    serve.check_host("192.0.2.7", 8000, allow_remote=True)
    said = capsys.readouterr().err
    assert "WARNING" in said and "run commands on this machine as you" in said
    for loopback in ("127.0.0.1", "localhost", "::1", "127.0.0.2"):
        serve.check_host(loopback, 8000, allow_remote=False)  # no flag needed, nothing said
    assert capsys.readouterr().err == ""


def test_the_host_names_a_server_answers_to() -> None:
    local = Access.for_host("127.0.0.1", 8000, "s")
    for header in ("127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"):
        assert local.host_allowed(header), header
    for header in ("evil.example:8000", "127.0.0.1.evil.example", "10.0.0.1:8000", "", None):
        assert not local.host_allowed(header), header
    remote = Access.for_host("192.0.2.7", 8000, "s")
    assert remote.host_allowed("192.0.2.7:8000") and not remote.host_allowed("192.0.2.8")
    everywhere = Access.for_host("0.0.0.0", 8000, "s")
    assert everywhere.host_allowed("192.0.2.8:8000") and everywhere.host_allowed("[2001:db8::1]")
    assert not everywhere.host_allowed("evil.example")


def test_each_launch_has_its_own_long_secret() -> None:
    first, second = new_secret(), new_secret()
    assert first != second and len(first) >= 40
    access = Access.for_host("::1", 8000, first)
    assert access.url("::1") == f"http://[::1]:8000/?token={first}"
    assert access.matches(first) and not access.matches(second) and not access.matches(None)
    assert not access.matches("é")  # not ASCII: refused, not a TypeError


def test_textual_serve_is_the_pinned_version_with_the_parts_caro_builds_on() -> None:
    """serve_web relies on textual-serve's internals; a new version must be checked by hand."""
    from importlib.metadata import version

    from textual_serve import server as textual_server
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    pinned = next(
        line.split('"')[1].split("==")[1]
        for line in (Path(__file__).parents[1] / "pyproject.toml").read_text().splitlines()
        if line.strip().startswith('"textual-serve==')
    )
    assert version("textual-serve") == pinned
    assert textual_server.AppService is AppService or issubclass(
        textual_server.AppService, AppService
    )
    for name in ("_make_app", "handle_index", "on_startup", "on_shutdown", "initialize_logging"):
        assert callable(getattr(Server, name)), name
    for name in ("_open_app_process", "_build_environment"):
        assert callable(getattr(AppService, name)), name
    assert "close" in inspect.signature(AppService).parameters  # kept as remote_close
