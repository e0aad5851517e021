"""The warm starter: one-shot requests answered by a child forked from a process that has caro
imported already, with the launcher's streams, folder and environment; everything else handed
back to the launcher.

Each test gets its own short runtime folder (a Unix socket path must stay under ~100 bytes) and
stops, by pid, every starter and host it started.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.other_user import exchange_as
from tests.processes import descendants
from tui.cli import launch, starter
from tui.core.backends.embedded import engine_link
from tui.core.backends.embedded.engine_wire import source_stamp

ROOT = Path(__file__).resolve().parents[1]


def wait_until(condition: Callable[[], object], timeout_s: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="caro-st-", dir="/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    monkeypatch.setattr(launch, "starter_missing", False)
    yield folder
    with contextlib.suppress(Exception):
        starter.stop()
    for child in engine_link._children:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child.pid, signal.SIGKILL)
        child.wait(5)
    engine_link._children.clear()
    shutil.rmtree(folder, ignore_errors=True)  # a starter whose socket is gone exits


@pytest.fixture
def running(runtime: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A starter started by hand, serving this test's runtime folder."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.cli.starter", "--socket", str(starter.socket_path())],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert wait_until(lambda: starter.status() is not None), "the starter did not start"
    yield process
    process.terminate()
    process.wait(10)


def caro(args: list[str], **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=240,
        cwd=ROOT,
        **options,
    )


def served() -> int:
    status = starter.status()
    assert status is not None
    return int(status["served"])


@pytest.mark.slow
def test_a_request_is_answered_through_the_starter(
    running: subprocess.Popen[bytes], bundled_model: Path, tmp_path: Path
) -> None:
    done = caro(["--json", "--candidates", "1", "--model", str(bundled_model), "list files"])
    assert done.returncode in (0, 4), done.stderr
    result = json.loads(done.stdout)
    assert result["request"] == "list files" and "risk" in result
    assert served() == 1
    history = caro(["history", "--json"])
    assert "list files" in history.stdout  # recorded under the launcher's data folder


def test_usage_errors_come_back_with_their_exit_code(running: subprocess.Popen[bytes]) -> None:
    done = caro(["--candidates", "many", "list files"])
    assert done.returncode == 2
    assert "usage: caro" in done.stderr and "--candidates" in done.stderr
    assert served() == 1
    version = caro(["--version"])
    assert version.returncode == 0 and version.stdout.startswith("caro ")


def test_requests_that_need_caros_own_terminal_are_handed_back(
    running: subprocess.Popen[bytes],
) -> None:
    for argv in (["--run", "list files"], ["--preview", "list files"], ["--ov", "x"]):
        assert launch.run_in_starter(argv) is None, argv
    assert launch.run_in_starter(["history"]) is None  # subcommands never go
    assert served() == 3  # asked, and handed back; nothing ran
    assert not launch.starter_missing


def test_caro_starter_0_turns_it_off(
    running: subprocess.Popen[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CARO_STARTER", "0")
    assert launch.run_in_starter(["--version"]) is None
    assert served() == 0 and not launch.starter_missing


def test_without_a_starter_caro_runs_itself(runtime: Path) -> None:
    assert launch.run_in_starter(["list files"]) is None
    assert launch.starter_missing


def _as_from_a_terminal() -> None:
    """SIGINT handled as in a shell's foreground job (a test run in the background ignores it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_reaches_the_request(running: subprocess.Popen[bytes]) -> None:
    # No request words and a pipe on stdin: the request is read from stdin, which stays open.
    launcher = subprocess.Popen(
        [sys.executable, "-m", "tui", "-q"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        preexec_fn=_as_from_a_terminal,
    )
    assert wait_until(lambda: descendants(running.pid)), "no child took the request"
    launcher.send_signal(signal.SIGINT)
    _, stderr = launcher.communicate(timeout=30)
    assert launcher.returncode == 130 and "interrupted" in stderr, stderr


def test_a_launcher_that_dies_ends_its_request(running: subprocess.Popen[bytes]) -> None:
    launcher = subprocess.Popen(
        [sys.executable, "-m", "tui", "-q"], stdin=subprocess.PIPE, cwd=ROOT
    )
    assert wait_until(lambda: descendants(running.pid)), "no child took the request"
    launcher.kill()
    launcher.wait(10)
    assert wait_until(lambda: not descendants(running.pid), 15), "the child kept running"


def test_a_starter_of_changed_code_steps_aside(tmp_path: Path) -> None:
    module = tmp_path / "pkg" / "a.py"
    module.parent.mkdir()
    module.write_text("x = 1\n")
    before = source_stamp(tmp_path)
    module.write_text("x = 22\n")
    assert source_stamp(tmp_path) != before
    job = {"op": "run", "package": starter.package_dir(), "version": launch.tui.__version__}
    stale = starter.Starter(tmp_path / "s.sock", 60.0, stamp="old")
    assert "code changed" in stale._refusal(job, [0, 1, 2])
    assert stale._stopping
    other = starter.Starter(tmp_path / "s.sock", 60.0, stamp="old")
    assert "another caro" in other._refusal({**job, "package": "/elsewhere/tui"}, [0, 1, 2])


def test_a_hung_starter_is_stopped_and_the_request_runs_here(runtime: Path) -> None:
    """A process that holds the starter's socket and never answers: the launcher waits its
    time, stops it, answers here, and marks the starter missing so that a new one starts."""
    starter.socket_path().parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    hung = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import socket, sys, time\n"
            "s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(4)\n"
            "c, _ = s.accept(); time.sleep(600)\n",
            str(starter.socket_path()),
        ]
    )
    try:
        assert wait_until(starter.socket_path().exists)
        assert launch.run_in_starter(["list files"]) is None
        assert hung.wait(10) == -signal.SIGKILL
        assert launch.starter_missing
    finally:
        with contextlib.suppress(ProcessLookupError):
            hung.kill()
        hung.wait(10)


def test_exits_when_idle(runtime: Path) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tui.cli.starter",
            "--socket",
            str(starter.socket_path()),
            "--keep-alive",
            "0.5",
        ],
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
    )
    assert process.wait(60) == 0
    assert not starter.socket_path().exists()


def test_engine_stop_stops_the_starter(running: subprocess.Popen[bytes]) -> None:
    done = caro(["engine", "stop"])
    assert done.returncode == 0 and f"warm starter (pid {running.pid})" in done.stderr
    assert running.wait(10) == 0


@pytest.mark.skipif(os.getuid() != 0, reason="needs root to act as another user")
def test_a_connection_from_another_user_is_refused(
    running: subprocess.Popen[bytes], runtime: Path
) -> None:
    # Open the folder to everyone, as a careless setup might: the credentials check holds.
    os.chmod(runtime, 0o777)
    os.chmod(starter.socket_path().parent, 0o777)
    os.chmod(starter.socket_path(), 0o777)
    message = b'{"op": "status"}\n'
    answer = exchange_as(pwd.getpwnam("nobody").pw_uid, starter.socket_path(), message)
    assert b'"op"' not in answer, answer  # closed unanswered (or refused outright)
    assert served() == 0


@pytest.mark.slow
def test_a_request_answered_by_the_host_starts_a_starter(
    runtime: Path, bundled_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CARO_ENGINE_KEEP_ALIVE", "60")
    ask = ["--candidates", "1", "--model", str(bundled_model), "list files"]
    first = caro(ask)
    assert first.returncode in (0, 4), first.stderr
    log = Path(os.environ["CARO_CACHE_DIR"]) / "starter.log"
    started = wait_until(lambda: starter.status() is not None)
    assert started, first.stderr + (log.read_text() if log.exists() else "(no starter log)")
    second = caro(ask)
    assert second.returncode in (0, 4), second.stderr
    assert served() == 1
    assert caro(["engine", "stop"]).returncode == 0


@pytest.mark.slow
def test_the_starter_preloads_every_module_a_request_imports(
    runtime: Path, bundled_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CARO_ENGINE_KEEP_ALIVE", "60")
    # The sparest environment (CI's): no $SHELL (so caro asks for the parent shell) and no locale.
    for name in ("SHELL", "LANG", "LC_ALL", "LC_CTYPE"):
        monkeypatch.delenv(name, raising=False)
    script = (
        "import sys\nfrom tui.cli import main, starter\nstarter.preload()\n"
        "before = set(sys.modules)\n"
        f"code = main(['-q', '--model', {str(bundled_model)!r}, 'list files'])\n"
        "print(sorted(set(sys.modules) - before - {'tui.cli.launch'}), file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    for _ in range(2):  # the first request starts the host: the second one is the usual case
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=240, cwd=ROOT
        )
        assert done.returncode in (0, 4), done.stderr
    late = done.stderr.strip().splitlines()[-1]
    assert late == "[]", late
    assert caro(["engine", "stop"]).returncode == 0


def test_doctor_removes_a_stale_socket(runtime: Path) -> None:
    path = starter.socket_path()
    path.parent.mkdir(mode=0o700, parents=True)
    with socket.socket(socket.AF_UNIX) as dead:
        dead.bind(str(path))  # bound, never listening: what a killed starter leaves
    assert launch.run_in_starter(["list files"]) is None  # costs nothing: caro runs itself
    assert starter.checkup() == (
        "warning",
        f"removed a stale socket ({path}): a starter ended without removing it",
    )
    assert not path.exists()
    assert starter.checkup() is None


def test_doctor_reports_a_running_starter(running: subprocess.Popen[bytes]) -> None:
    found = starter.checkup()
    assert found is not None and found[0] == "ok" and f"pid {running.pid}" in found[1]
