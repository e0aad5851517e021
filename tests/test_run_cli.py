"""`caro --run`: the command and its risk on the terminal, the confirmation `decide()` asks for,
then the run, with the command's own exit code; never a run without a terminal to confirm on.

Each test runs the real `caro` in a pseudo-terminal that is its controlling terminal (so
/dev/tty is the pty), answered by a fake Ollama whose models reply with known commands. The
commands are harmless whatever happens: echo, touch of a marker, `chmod -R 777` of a folder
made for it, sleep, and `history -c` (rated critical; in a `bash -c` it clears nothing). A
refused or blocked command must leave its marker absent and its history entry without a run.
"""

from __future__ import annotations

import os
import select
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_ollama import FakeModel, FakeOllama, RunningFake
from tui.core.history import Entry, History

REPLIES = {
    "marker": "echo caro-was-here > marker.txt",
    "streams": "echo to-stdout; echo to-stderr >&2; exit 3",
    "high": "chmod -R 777 ./sandbox",
    "critical": "history -c && touch ran-marker",
    "touch": "touch ran-marker",
    "sleep": "sleep 30",
}
# Makes the pty (stdin) the controlling terminal of the new session, then becomes caro.
ADOPT_TTY = (
    "import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
    "os.execv(sys.executable, [sys.executable, '-m', 'tui', *sys.argv[1:]])"
)


@pytest.fixture
def fake(isolated_env: Path) -> Iterator[FakeOllama]:
    server = FakeOllama()
    for name, reply in REPLIES.items():
        server.add(FakeModel(name, reply=reply + "\n"))
    with RunningFake(server) as running:
        yield running


def configure(fake: FakeOllama, safety: str = "") -> None:
    path = Path(os.environ["CARO_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'[backends.ollama]\nhost = "{fake.url}"\ntimeout = 10\n\n'
        f"[generation]\ncandidates = 1\n\n{safety}"
    )


class PtyCaro:
    """`caro --backend ollama --model MODEL --run ARGS...` with a pty as its terminal."""

    def __init__(
        self,
        model: str,
        *args: str,
        cwd: Path,
        stdout: int | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.master, slave = os.openpty()
        argv = ["--backend", "ollama", "--model", model, "--run", *args]
        self.process = subprocess.Popen(
            [sys.executable, "-c", ADOPT_TTY, *argv],
            stdin=slave,
            stdout=slave if stdout is None else stdout,
            stderr=slave,
            cwd=cwd,
            env={**os.environ, "SHELL": "/bin/bash", "LANG": "C.UTF-8", **(env or {})},
            start_new_session=True,
        )
        os.close(slave)
        self.seen = b""

    @property
    def text(self) -> str:
        return self.seen.decode("utf-8", "replace").replace("\r\n", "\n")

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: every end of the pty's other side is closed
            return False
        self.seen += chunk
        return bool(chunk)

    def expect(self, text: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.text:
            if time.monotonic() > deadline or not self._read(0.1):
                if text in self.text:
                    return
                raise AssertionError(f"caro never showed {text!r}; it showed:\n{self.text}")

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def finish(self, timeout: float = 60) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self._read(0.1):
            if self.process.poll() is not None and not select.select([self.master], [], [], 0)[0]:
                break
        code = self.process.wait(timeout=max(1.0, deadline - time.monotonic()))
        os.close(self.master)
        return code


def entries() -> list[Entry]:
    with History.open() as history:
        return history.search(None)


def test_a_moderate_command_runs_after_one_key(fake: FakeOllama, tmp_path: Path) -> None:
    configure(fake)
    caro = PtyCaro("marker", "leave a note in marker.txt", cwd=tmp_path)
    caro.expect("Run it?")
    assert "$ echo caro-was-here > marker.txt" in caro.text
    assert "risk: moderate" in caro.text and "overwrites marker.txt" in caro.text
    assert f"in {tmp_path}  with /bin/bash" in caro.text
    caro.send("y")
    assert caro.finish() == 0
    assert (tmp_path / "marker.txt").read_text() == "caro-was-here\n"
    assert "exit code 0" in caro.text
    (entry,) = entries()
    assert entry.cwd == str(tmp_path) and entry.source == "cli"
    assert entry.last_run is not None
    assert entry.last_run.confirmed_by == "key" and entry.last_run.exit_code == 0


def test_any_other_key_runs_nothing(fake: FakeOllama, tmp_path: Path) -> None:
    configure(fake)
    caro = PtyCaro("marker", "leave a note in marker.txt", cwd=tmp_path)
    caro.expect("Run it?")
    caro.send("n")
    assert caro.finish() == 1
    assert "not run: not confirmed" in caro.text
    assert not (tmp_path / "marker.txt").exists()
    (entry,) = entries()
    assert entry.command == REPLIES["marker"] and entry.runs == ()


def test_output_streams_to_stdout_and_stderr_and_the_exit_code_is_the_commands(
    fake: FakeOllama, tmp_path: Path
) -> None:
    configure(fake)
    with open(tmp_path / "stdout.txt", "wb") as stdout:
        caro = PtyCaro("streams", "print two lines and fail", cwd=tmp_path, stdout=stdout.fileno())
        caro.expect("Run it?")
        caro.send("y")
        assert caro.finish() == 3
    assert (tmp_path / "stdout.txt").read_text() == "to-stdout\n"  # the command's stdout alone
    assert "to-stderr" in caro.text and "exit code 3" in caro.text


def test_a_high_risk_command_needs_yes_typed(fake: FakeOllama, tmp_path: Path) -> None:
    configure(fake)
    sandbox = tmp_path / "sandbox"
    sandbox.mkdir(mode=0o700)
    caro = PtyCaro("high", "let everyone write in sandbox", cwd=tmp_path)
    caro.expect("Type yes to run it")
    assert "risk: high" in caro.text and "recursively" in caro.text
    caro.send("y\n")
    assert caro.finish() == 1
    assert stat.S_IMODE(sandbox.stat().st_mode) == 0o700

    caro = PtyCaro("high", "let everyone write in sandbox", cwd=tmp_path)
    caro.expect("Type yes to run it")
    caro.send("yes\n")
    assert caro.finish() == 0
    assert stat.S_IMODE(sandbox.stat().st_mode) == 0o777
    ran = [entry.last_run for entry in entries() if entry.runs]
    assert len(ran) == 1 and ran[0] is not None and ran[0].confirmed_by == "yes"


def test_a_critical_command_is_refused_without_override(fake: FakeOllama, tmp_path: Path) -> None:
    configure(fake)
    caro = PtyCaro("critical", "start with a clean slate", cwd=tmp_path)
    assert caro.finish() == 1
    assert "risk: critical" in caro.text and "erases the shell history" in caro.text
    assert "not run: Blocked" in caro.text and "--override" in caro.text
    assert "Type" not in caro.text  # nothing was even asked
    assert not (tmp_path / "ran-marker").exists()
    (entry,) = entries()
    assert entry.risk_level == "critical" and entry.runs == ()


def test_override_still_needs_the_first_word(fake: FakeOllama, tmp_path: Path) -> None:
    configure(fake)
    caro = PtyCaro("critical", "start with a clean slate", "--override", cwd=tmp_path)
    caro.expect("Type history (its first word) to run it")
    caro.send("yes\n")
    assert caro.finish() == 1
    assert not (tmp_path / "ran-marker").exists()

    caro = PtyCaro("critical", "start with a clean slate", "--override", cwd=tmp_path)
    caro.expect("Type history")
    caro.send("history\n")
    assert caro.finish() == 0
    assert (tmp_path / "ran-marker").exists()
    ran = [entry.last_run for entry in entries() if entry.runs]
    assert len(ran) == 1 and ran[0] is not None and ran[0].confirmed_by == "word"


@pytest.mark.parametrize(
    ("model", "safety", "why"),
    [
        ("touch", '[safety]\ndeny = ["touch *"]\n', "deny pattern `touch *`"),
        ("critical", '[safety]\nlevel = "strict"\n', "strict safety level"),
    ],
    ids=["deny-pattern", "critical-at-strict"],
)
def test_what_cannot_be_overridden_is_refused_even_with_override(
    fake: FakeOllama, tmp_path: Path, model: str, safety: str, why: str
) -> None:
    configure(fake, safety)
    caro = PtyCaro(model, "make a marker", "--override", cwd=tmp_path)
    assert caro.finish() == 1
    assert why in caro.text and "cannot be overridden" in caro.text
    assert not (tmp_path / "ran-marker").exists()
    assert all(entry.runs == () for entry in entries())


def test_the_run_timeout_stops_the_command(fake: FakeOllama, tmp_path: Path) -> None:
    configure(fake, "[safety]\nrun_timeout_s = 0.5\n")
    caro = PtyCaro("sleep", "wait a while", cwd=tmp_path)
    caro.expect("Run it?")
    caro.send("y")
    assert caro.finish() == 130  # SIGINT ended it: 128 + 2, as shells say
    assert "timed out" in caro.text
    (entry,) = entries()
    assert entry.last_run is not None and entry.last_run.stopped_by == "timeout"


def test_ctrl_c_stops_the_command_and_the_run_is_recorded(fake: FakeOllama, tmp_path: Path) -> None:
    configure(fake)
    caro = PtyCaro("sleep", "wait a while", cwd=tmp_path)
    caro.expect("Run it?")
    caro.send("y")
    time.sleep(1.0)  # the command has started
    caro.send("\x03")
    assert caro.finish() == 130
    assert "cancelled" in caro.text
    (entry,) = entries()
    assert entry.last_run is not None and entry.last_run.stopped_by == "cancel"


def test_without_a_terminal_nothing_is_asked_or_run(fake: FakeOllama, tmp_path: Path) -> None:
    configure(fake)
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--backend", "ollama", "--model", "touch", "--run", "x"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        start_new_session=True,  # no controlling terminal: /dev/tty cannot be opened
    )
    assert done.returncode == 2, done.stderr
    assert (
        "--run needs a terminal to confirm on" in done.stderr and "nothing was run" in done.stderr
    )
    assert fake.requests == []  # the model was not even asked
    assert not (tmp_path / "ran-marker").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--override", "list files"], "--override only applies with --run"),
        (["--run", "--json", "list files"], "--run and --json do not go together"),
        (["--run"], "--run needs a request"),
    ],
)
def test_run_flags_that_make_no_sense_are_usage_errors(args: list[str], message: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tui", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and message in done.stderr
