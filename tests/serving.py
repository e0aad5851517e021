"""`caro serve` started for a test: on a free loopback port, in its own session, its output in a
file; the address it printed (with the secret) read from that output."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.conftest import closed_port
from tests.processes import descendants

OPEN_LINE = re.compile(r"caro serve: open (http://\S+)")
START_TIMEOUT_S = 60.0


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    url: str  # the address caro serve printed, secret included
    port: int
    log: Path
    started: set[int] = field(default_factory=set)  # tab processes seen by a test

    def note_tabs(self) -> set[int]:
        """The processes the server runs now (its tabs' workbenches), remembered for clean-up."""
        found = descendants(self.process.pid)
        self.started |= found
        return found

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def token(self) -> str:
        return parse_qs(urlsplit(self.url).query)["token"][0]

    @property
    def cookie(self) -> str:
        return f"caro-serve-{self.port}={self.token}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def write_serve_config(bundled_model: Path) -> None:
    config = Path(os.environ["CARO_CONFIG"])
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(
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
""",
        encoding="utf-8",
    )


def caro_command() -> list[str]:
    installed = Path(sys.executable).parent / "caro"  # the console script, as people run it
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "tui"]


def _wait_for_address(process: subprocess.Popen[bytes], log: Path, port: int) -> str:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace")
        match = OPEN_LINE.search(text)
        if match:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return match.group(1)
            except OSError:
                pass
        if process.poll() is not None:
            raise AssertionError(f"caro serve exited with {process.returncode}:\n{text}")
        time.sleep(0.1)
    raise AssertionError(f"caro serve did not listen within {START_TIMEOUT_S:.0f} s:\n{text}")


def stop(process: subprocess.Popen[bytes], number: int = signal.SIGTERM) -> None:
    """Stops the server as a person would (one signal to it); waits for it to exit."""
    if process.poll() is None:
        process.send_signal(number)
        with suppress(subprocess.TimeoutExpired):
            process.wait(timeout=30)


def _clean_up(process: subprocess.Popen[bytes], started: set[int]) -> None:
    """Whatever a failed test left: the server's group and every process it had started."""
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    for pid in started | descendants(process.pid):
        with suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    with suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


@contextmanager
def caro_serve(tmp_path: Path, *args: str) -> Iterator[Served]:
    port = closed_port()
    log_path = tmp_path / f"serve-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*caro_command(), "serve", "--port", str(port), *args],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=tmp_path,
            start_new_session=True,
        )
    served: Served | None = None
    try:
        url = _wait_for_address(process, log_path, port)
        served = Served(process, url, port, log_path)
        yield served
    finally:
        started = descendants(process.pid) | (served.started if served else set())
        stop(process)
        _clean_up(process, started)
