"""The workbench ends when its terminal goes away, as it was seen: caro in tmux, the session killed.

Three ways a terminal goes: caro is the pane's session leader (the kernel sends it SIGHUP and
SIGCONT); caro runs under a parent such as make (tmux sends SIGHUP to the pane's foreground
group); caro is in a session of its own (`setsid`, a daemon's child...): no signal at all, only
the terminal's descriptors hanging up, which is where old caro spun on a core forever. Each
time it must be gone within seconds, having closed its history cleanly: the request it
answered is in the database and SQLite's write-ahead log is gone (a process killed by the
signal keeps its -wal file). SIGTERM ends it too, and hands the terminal back.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import closed_port
from tests.processes import descendants, describe, running, wait_until_gone
from tui.core import paths

from .helpers import write_config
from .tmux import CARO, Tmux

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
GONE_WITHIN_S = 30.0
REQUEST = "show the current directory"


def start_caro(tmux: Tmux, bundled_model: Path, *, how: str) -> int:
    """caro in a 120x40 tmux pane; returns its pid once its prompt is on screen."""
    write_config(
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
    env = [f"{name}={os.environ[name]}" for name in os.environ if name.startswith(("CARO_", "HF_"))]
    options = [arg for pair in (("-e", item) for item in env) for arg in pair]
    caro = ["env", "-u", "COLUMNS", "-u", "LINES", str(CARO)]
    if how == "own-session":  # setsid -w: caro in a new session; it waits for caro
        caro = ["setsid", "-w", *caro]
    if how == "session-leader":
        program = caro
    else:  # like make: waits for caro, then says how it ended
        program = ["sh", "-c", '"$@"; echo "caro ended with $?"; sleep 30', "sh", *caro]
    tmux("new-session", "-d", "-s", "caro", "-x", "120", "-y", "40", *options, *program)
    tmux.wait_for(lambda s: "What should the command do?" in s, "the prompt")
    pane = int(tmux("list-panes", "-t", "caro", "-F", "#{pane_pid}").split()[0])
    candidates = {pane} | descendants(pane)
    found = [pid for pid in candidates if _is_caro(pid)]
    assert len(found) == 1, describe(candidates)
    return found[0]


def _is_caro(pid: int) -> bool:
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return any(word.endswith(b"/caro") for word in words[:2])


def answer_a_request(tmux: Tmux) -> None:
    tmux("send-keys", "-t", "caro", "-l", REQUEST)
    tmux("send-keys", "-t", "caro", "Enter")
    tmux.wait_for(lambda s: "embedded-cpu  done" in s, "a finished answer")


def assert_history_closed_with(request: str) -> None:
    database = paths.history_db()
    assert not Path(f"{database}-wal").exists(), "the history was not closed (killed?)"
    with sqlite3.connect(database) as conn:
        requests = [row[0] for row in conn.execute("SELECT request FROM requests")]
    assert request in requests


@pytest.mark.parametrize("how", ["session-leader", "under-a-parent", "own-session"])
def test_killing_the_tmux_session_ends_caro_with_its_history_written(
    tmux: Tmux, bundled_model: Path, how: str
) -> None:
    pid = start_caro(tmux, bundled_model, how=how)
    try:
        answer_a_request(tmux)
        tmux("kill-session", "-t", "caro")
        left = wait_until_gone({pid}, GONE_WITHIN_S)
        assert not left, f"caro still runs {GONE_WITHIN_S:.0f} s after its terminal went:\n" + (
            describe(left)
        )
    finally:
        if running(pid):  # in its own session it outlives the tmux server
            os.kill(pid, signal.SIGKILL)
    assert_history_closed_with(REQUEST)


def test_sigterm_ends_caro_and_gives_the_terminal_back(tmux: Tmux, bundled_model: Path) -> None:
    pid = start_caro(tmux, bundled_model, how="under-a-parent")
    os.kill(pid, signal.SIGTERM)
    screen = tmux.wait_for(lambda s: "caro ended with" in s, "the shell after caro")
    assert "caro ended with 143" in screen, screen
    assert "What should the command do?" not in screen, "the workbench's screen was left behind"
    assert not wait_until_gone({pid}, GONE_WITHIN_S)
    database = paths.history_db()  # opened at start (Up recalls earlier requests)
    assert database.exists() and not Path(f"{database}-wal").exists()
