"""The terminal watch on its own, in a child process: a pseudo-terminal whose other end closes, a
pipe that closes, SIGTERM and SIGHUP each ask the app to exit once, with the right code, and
leave the descriptors harmless: stdin then gives the focus-out report instead of an endless end
of file (which is what made Textual's input thread spin) or a read that never returns."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.app.lifeline import EXIT_HANGUP, EXIT_TERMINATED, FOCUS_OUT

CHILD = """
import os, sys, threading
from tui.app import lifeline
from tui.app.lifeline import Lifeline

lifeline.POLL_TTYS = sys.argv[3] == "poll"

report = sys.argv[1]
asked = threading.Event()

def request_exit(code):
    with open(report, "a") as out:
        out.write(f"exit {code}\\n")
    asked.set()

Lifeline(request_exit, grace_s=60).start()
with open(report, "a") as out:
    out.write("ready\\n")
asked.wait(60)
if sys.argv[2] == "read":
    data = os.read(0, 64)
    with open(report, "a") as out:
        out.write(f"read {data!r}\\n")
"""
WITHIN_S = 20.0


def wait_for(report: Path, text: str) -> str:
    deadline = time.monotonic() + WITHIN_S
    seen = ""
    while time.monotonic() < deadline:
        seen = report.read_text() if report.exists() else ""
        if text in seen:
            return seen
        time.sleep(0.05)
    raise AssertionError(f"{text!r} never came; the child said:\n{seen}")


def start(
    report: Path, mode: str, ttys: str = "poll", **streams: object
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(report), mode, ttys],
        start_new_session=True,  # the terminal below is not its controlling one: no SIGHUP
        **streams,  # type: ignore[call-overload]
    )


@pytest.mark.parametrize("ttys", ["poll", "check"], ids=["poll", "checked-every-second"])
def test_a_terminal_whose_other_end_closes_is_noticed_without_a_signal(
    tmp_path: Path, ttys: str
) -> None:
    """`checked-every-second` is how terminals are watched where poll() does not take them."""
    report = tmp_path / "report"
    controller, terminal = pty.openpty()
    child = start(report, "read", ttys, stdin=terminal, stdout=terminal, stderr=terminal)
    os.close(terminal)
    try:
        wait_for(report, "ready")
        os.close(controller)  # what closing the terminal window or killing tmux does
        said = wait_for(report, "read ")
        assert child.wait(timeout=WITHIN_S) == 0
    finally:
        if child.poll() is None:
            child.kill()
    assert said.splitlines() == ["ready", f"exit {EXIT_HANGUP}", f"read {FOCUS_OUT!r}"]


def test_a_closed_input_pipe_is_noticed(tmp_path: Path) -> None:
    report = tmp_path / "report"
    child = start(report, "read", stdin=subprocess.PIPE)
    assert child.stdin is not None
    try:
        wait_for(report, "ready")
        child.stdin.close()
        said = wait_for(report, "read ")
        assert child.wait(timeout=WITHIN_S) == 0
    finally:
        if child.poll() is None:
            child.kill()
    assert said.splitlines() == ["ready", f"exit {EXIT_HANGUP}", f"read {FOCUS_OUT!r}"]


@pytest.mark.parametrize(
    ("number", "code"), [(signal.SIGTERM, EXIT_TERMINATED), (signal.SIGHUP, EXIT_HANGUP)]
)
def test_sigterm_and_sighup_ask_the_app_to_exit(
    tmp_path: Path, number: signal.Signals, code: int
) -> None:
    report = tmp_path / "report"
    child = start(report, "stay", stdin=subprocess.PIPE)
    try:
        wait_for(report, "ready")
        child.send_signal(number)
        said = wait_for(report, "exit")
        assert child.wait(timeout=WITHIN_S) == 0  # it ended by itself, as asked
    finally:
        if child.poll() is None:
            child.kill()
    assert said.splitlines() == ["ready", f"exit {code}"]
