"""The history across processes: a writer killed with SIGKILL mid-way loses nothing it had
committed, and two caro processes writing at once both get every record in."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tui.core.history import History

# A writer: records requests (each with an edit and a run) in a loop and prints each id once
# its last transaction has committed. With a go file, it waits for the file before opening the
# database, so that two writers create and migrate a fresh database at the same moment.
WRITER = """
import os, sys, time
from pathlib import Path
from tui.core.history import History

path, name, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
if go:
    while not os.path.exists(go):
        time.sleep(0.001)
history = History.open(Path(path))
for number in range(count):
    entry_id = history.record_request(
        f"{name} request {number}", cwd="/tmp", command=f"echo {name} {number}",
        raw=f"echo {name} {number}", backend="embedded-cpu", model="m",
        risk={"level": "safe", "reasons": []}, timings={"total_s": 0.1},
    )
    history.record_edit(entry_id, f"echo {name} {number} edited")
    history.record_run(entry_id, exit_code=number % 3, duration_s=0.01, confirmed_by="key")
    print(entry_id, flush=True)
print("done", flush=True)
"""


def _writer(path: Path, name: str, count: int, go: Path | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), name, str(count), str(go or "")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _assert_intact(path: Path) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_kill_9_mid_write_loses_nothing_committed(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    committed: list[int] = []
    rng = random.Random(5)
    for round_number in range(3):
        writer = _writer(path, f"round{round_number}", 100_000)
        assert writer.stdout is not None
        wanted = rng.randint(20, 120)
        seen: list[int] = []
        while len(seen) < wanted:
            line = writer.stdout.readline()
            assert line, writer.stderr.read() if writer.stderr else "writer ended"
            seen.append(int(line))
        os.kill(writer.pid, signal.SIGKILL)  # while it writes the next records
        # Ids printed before the kill are still in the pipe: each was committed.
        seen += [int(line) for line in writer.stdout.read().split()]
        writer.wait(timeout=30)
        assert writer.returncode == -signal.SIGKILL
        committed += seen

    _assert_intact(path)
    with History.open(path) as history:
        assert history.recovery is None
        for entry_id in committed:
            entry = history.get(entry_id)
            assert entry is not None, f"entry {entry_id} was committed, then lost"
            assert entry.final_command is not None and entry.final_command.endswith(" edited")
            assert len(entry.runs) == 1
        # The record being written at the kill is either whole or absent (one more at most).
        assert history.count() - len(committed) in (0, 1, 2, 3)
        history.record_request("after the crashes", cwd="/", command="ls")


def test_two_writers_at_once_each_get_every_record_in(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"  # does not exist yet: both create it at once
    go = tmp_path / "go"
    writers = [_writer(path, name, 200, go) for name in ("left", "right")]
    time.sleep(0.5)  # both are up and polling for the go file
    go.touch()
    outputs = [writer.communicate(timeout=240) for writer in writers]
    for writer, (stdout, stderr) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, stderr
        assert "locked" not in stderr
        assert stdout.split()[-1] == "done"
        assert len(stdout.split()) == 201

    _assert_intact(path)
    with History.open(path) as history:
        assert history.count() == 400
        for name in ("left", "right"):
            entries = history.search(f"{name} request", limit=1000)
            assert len(entries) == 200
            numbers = sorted(int(e.request.rsplit(" ", 1)[1]) for e in entries)
            assert numbers == list(range(200))
            assert all(len(e.runs) == 1 and len(e.edits) == 1 for e in entries)
        assert len(history.search("edited", ran_only=True, limit=1000)) == 400
