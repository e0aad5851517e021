"""The warm starter: a process with caro's one-shot path imported and ready, which forks one
child per `caro "request"`, so that the requests after the first skip Python's imports, the
example bank's loading and the rater's set-up.

    python -m tui.cli.starter --socket PATH --keep-alive SECONDS

The launcher (tui.cli.launch) connects to its socket and passes its standard input, output and
error (SCM_RIGHTS) with its arguments, folder, umask and environment. The child takes them over
and runs `tui.cli.main` as the launcher would have, then sends back its exit status. What a
child cannot do as well is handed back before anything runs, and the launcher runs it itself:
`--run` and `--override` (they confirm on the terminal), `--preview`, the workbench, subcommands.

One per user, beside the engine host's socket (mode 0600, peer credentials checked, never TCP).
A one-shot request answered by the engine host starts it when none answered; it exits after
`keep_alive` seconds without a request, when caro's code on disk changes (the next request runs
the new code in full), when its socket is removed or replaced, on `caro engine stop` and on
SIGTERM.
"""

from __future__ import annotations

import argparse
import array
import contextlib
import fcntl
import importlib
import json
import logging
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import tui
from tui.cli.launch import package_dir, socket_path
from tui.core import paths
from tui.core.backends.embedded.engine_wire import source_stamp
from tui.core.peer import peer_credentials, same_user

log = logging.getLogger("caro.starter")
LOCK_NAME = "starter.lock"
MAX_JOB = 1024 * 1024  # arguments and environment; far more than any shell passes
JOB_TIMEOUT_S = 2.0
STREAMS = 3  # standard input, output and error
# Flags whose work needs caro's own terminal (confirming on /dev/tty) or a sandbox run.
HANDED_BACK_FLAGS = ("run", "override", "preview")


def code_stamp() -> str:
    """A fingerprint of caro's code on disk, taken when the starter starts and per request."""
    return source_stamp(Path(package_dir()))


# -- messages (one JSON object per line) -------------------------------------------------------


def send(sock: socket.socket, message: dict[str, Any]) -> None:
    sock.sendall(json.dumps(message).encode("utf-8") + b"\n")


def receive_job(sock: socket.socket) -> tuple[dict[str, Any], list[int]]:
    """The launcher's job and the descriptors that came with it."""
    fds = array.array("i")
    body = b""
    while not body.endswith(b"\n"):
        data, ancillary, _flags, _ = sock.recvmsg(65536, socket.CMSG_SPACE(STREAMS * fds.itemsize))
        for level, kind, payload in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                fds.frombytes(payload[: len(payload) - len(payload) % fds.itemsize])
        if not data or len(body) + len(data) > MAX_JOB:
            _close_all(list(fds))
            raise ValueError("the job was cut short or too long")
        body += data
    job = json.loads(body)
    if not isinstance(job, dict):
        _close_all(list(fds))
        raise ValueError("the job is not a JSON object")
    return job, list(fds)


def _close_all(fds: list[int]) -> None:
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


# -- the starter --------------------------------------------------------------------------------


# What a one-shot request imports (checked by tests/test_starter.py: nothing else is left).
PRELOADED = (
    "concurrent.futures.thread",  # asyncio.to_thread's pool
    "encodings.ascii",  # decoding under the C locale (CI has no LANG)
    "platformdirs",  # tui.core.paths imports it when first needed
    "shellingham.posix",  # the parent shell, asked when $SHELL is unset (as in CI)
    "tui.cli.oneshot",
    "tui.cli.output",
    "tui.core.backends.embedded.engine_client",
    "tui.core.backends.registry",
    "tui.core.history.recording",
    "tui.core.truncation",
)


def preload() -> None:
    """Everything a one-shot request imports and sets up that is the same for every request."""
    for name in PRELOADED:
        importlib.import_module(name)
    from tui.core.generation.examples import default_bank
    from tui.core.safety import assess
    from tui.core.safety.lazy import compile_all

    default_bank()
    compile_all()
    assess("find . -name '*.py' -mtime -7 | xargs grep -l TODO > todo.txt", preflight=False)


@dataclass
class Starter:
    socket_path: Path
    keep_alive_s: float
    stamp: str = ""
    served: int = 0
    last_used: float = 0.0
    _inode: int | None = None
    _stopping: bool = False
    _held: tuple[int, ...] = ()  # the lock and the listening socket: not for children

    def run(self) -> int:
        lock = self._take_lock()
        if lock is None:
            log.info("another starter holds %s; exiting", self._lock_path)
            return 0
        self.stamp = code_stamp()
        preload()
        server = self._listen()
        self._held = (lock, server.fileno())
        self.last_used = time.monotonic()
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
        signal.signal(signal.SIGTERM, lambda *_: self._stop())
        log.info("serving on %s (pid %d)", self.socket_path, os.getpid())
        try:
            while not self._stopping:
                if select.select([server], [], [], 1.0)[0]:
                    self._accept(server)
                elif self._should_exit():
                    break
        finally:
            self._unlink()
            server.close()
            os.close(lock)
        log.info("exiting after %d requests", self.served)
        return 0

    @property
    def _lock_path(self) -> Path:
        return self.socket_path.parent / LOCK_NAME

    def _take_lock(self) -> int | None:
        self.socket_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        return fd

    def _listen(self) -> socket.socket:
        with contextlib.suppress(FileNotFoundError):
            self.socket_path.unlink()  # we hold the lock: whatever is there is stale
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        previous = os.umask(0o177)
        try:
            server.bind(str(self.socket_path))
        finally:
            os.umask(previous)
        os.chmod(self.socket_path, 0o600)
        self._inode = self.socket_path.stat().st_ino
        server.listen(16)
        return server

    def _should_exit(self) -> bool:
        if time.monotonic() - self.last_used > self.keep_alive_s:
            log.info("idle for %.0f s; exiting", self.keep_alive_s)
            return True
        try:
            replaced = self.socket_path.stat().st_ino != self._inode
        except FileNotFoundError:
            replaced = True
        if replaced:
            log.info("the socket was removed or replaced; exiting")
        return replaced

    def _stop(self) -> None:
        self._stopping = True

    def _unlink(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            if self.socket_path.stat().st_ino == self._inode:
                self.socket_path.unlink()

    def _accept(self, server: socket.socket) -> None:
        conn, _ = server.accept()
        fds: list[int] = []
        try:
            if not same_user(peer_credentials(conn)):
                log.warning("refused a connection from another user")
                return
            conn.settimeout(JOB_TIMEOUT_S)
            job, fds = receive_job(conn)
            conn.settimeout(None)
            self._serve(conn, job, fds)
        except (OSError, ValueError) as error:
            log.warning("a request failed: %s", error)
        finally:
            conn.close()
            _close_all(fds)

    def _serve(self, conn: socket.socket, job: dict[str, Any], fds: list[int]) -> None:
        op = job.get("op")
        if op == "stop":
            send(conn, {"op": "stopping", "pid": os.getpid()})
            self._stop()
            return
        if op == "status":
            idle_left = self.keep_alive_s - (time.monotonic() - self.last_used)
            send(
                conn,
                {
                    "op": "status",
                    "pid": os.getpid(),
                    "served": self.served,
                    "idle_left_s": max(0.0, idle_left),
                },
            )
            return
        refusal = self._refusal(job, fds)
        if refusal:
            send(conn, {"op": "fallback", "why": refusal})
            return
        self.last_used = time.monotonic()
        self.served += 1
        if os.fork() == 0:
            _close_all(list(self._held))
            run_child(conn, job, fds)

    def _refusal(self, job: dict[str, Any], fds: list[int]) -> str:
        if job.get("op") != "run" or len(fds) != STREAMS:
            return "not a request this starter serves"
        if job.get("package") != package_dir() or job.get("version") != tui.__version__:
            return "another caro installation"
        if code_stamp() != self.stamp:
            self._stop()  # the next request runs the new code in full, and starts a new starter
            return "caro's code changed since this starter started"
        return ""


# -- a child: one request --------------------------------------------------------------------


def run_child(conn: socket.socket, job: dict[str, Any], fds: list[int]) -> NoReturn:
    """Becomes the launcher's caro for one request; never returns (it is a fork of the
    starter: returning would run the starter's loop in it)."""
    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # its own subprocesses need their status
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        # Ctrl+C as in a caro started from a terminal, whatever the starter was started with (a
        # starter whose spawner ignored SIGINT would otherwise pass that on).
        signal.signal(signal.SIGINT, signal.default_int_handler)
        take_over(job, fds)
        code = _answer(conn, [str(arg) for arg in job.get("argv", [])])
    except KeyboardInterrupt:  # before caro's own handling began: said as caro says it
        code = 130
        with contextlib.suppress(BaseException):
            print("caro: interrupted", file=sys.stderr)
    except BaseException:  # noqa: BLE001 - whatever happens, the launcher gets a status
        with contextlib.suppress(BaseException):
            import traceback

            traceback.print_exc()
    finally:
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # the launcher may hang up now
            sys.stdout.flush()
            sys.stderr.flush()
            send(conn, {"op": "exit", "code": code})
        except BaseException:  # noqa: BLE001 - nobody is left to tell
            pass
        os._exit(code)


def take_over(job: dict[str, Any], fds: list[int]) -> None:
    """The launcher's streams, folder, umask, environment and arguments, as this process's."""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(str(job["cwd"]))
    os.umask(int(job.get("umask", 0o022)))
    os.environ.clear()
    os.environ.update({str(k): str(v) for k, v in dict(job.get("env", {})).items()})
    sys.argv = ["caro", *[str(arg) for arg in job.get("argv", [])]]
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stdout = open(  # noqa: SIM115
        1, "w", encoding="utf-8", buffering=1 if os.isatty(1) else -1, closefd=False
    )
    sys.stderr = open(  # noqa: SIM115
        2, "w", encoding="utf-8", errors="backslashreplace", buffering=1, closefd=False
    )


def _answer(conn: socket.socket, argv: list[str]) -> int:
    from tui.cli import main
    from tui.cli.oneshot import build_parser

    try:
        parsed = build_parser().parse_args(argv)
    except SystemExit as done:  # --help, --version, a usage error: said as caro says them
        return done.code if isinstance(done.code, int) else 1
    handed_back = [flag for flag in HANDED_BACK_FLAGS if getattr(parsed, flag)]
    if handed_back or (not parsed.request and sys.stdin.isatty()):
        send(conn, {"op": "fallback", "why": "needs caro's own terminal"})
        os._exit(0)
    send(conn, {"op": "accepted", "pid": os.getpid()})
    conn.settimeout(JOB_TIMEOUT_S)
    if conn.recv(3) != b"go\n":  # the launcher gave up waiting: it runs the request itself
        os._exit(0)
    conn.settimeout(None)
    _interrupt_when_gone(conn)
    return main(argv)


def _interrupt_when_gone(conn: socket.socket) -> None:
    """A launcher that goes away (killed, its terminal closed) interrupts the request."""

    def watch() -> None:
        with contextlib.suppress(OSError):
            conn.recv(1)
        os.kill(os.getpid(), signal.SIGINT)

    threading.Thread(target=watch, name="launcher-watch", daemon=True).start()


# -- starting one ------------------------------------------------------------------------------


def spawn(keep_alive_s: float) -> None:
    """Starts a starter in the background (it exits at once if another one runs)."""
    log_file = paths.cache_dir() / "starter.log"
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        with log_file.open("ab") as stderr:
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tui.cli.starter",
                    "--socket",
                    str(socket_path()),
                    "--keep-alive",
                    f"{keep_alive_s:g}",
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                cwd="/",
                start_new_session=True,
            )
    except OSError as error:  # a missing starter costs speed only
        log.debug("could not start the starter: %s", error)


def stop() -> int | None:
    """Asks the running starter to exit; its pid, or None when none answered."""
    answer = ask({"op": "stop"})
    return int(answer["pid"]) if answer and "pid" in answer else None


def status() -> dict[str, Any] | None:
    return ask({"op": "status"})


def checkup() -> tuple[str, str] | None:
    """(severity, message) for `caro doctor`: a starter running, or a stale socket removed;
    None when there is nothing to say."""
    answer = status()
    if answer is not None:
        pid, served = number(answer.get("pid")), number(answer.get("served"))
        return "ok", f"running (pid {pid}, {served} requests served)"
    path = socket_path()
    if not path.exists() or _lock_held(path.parent / LOCK_NAME):
        return None  # none, or one still starting
    path.unlink(missing_ok=True)
    return "warning", f"removed a stale socket ({path}): a starter ended without removing it"


def number(value: object) -> int:
    """A whole number from a status answer (a peer's text is never printed as it came)."""
    try:
        return round(float(str(value)))
    except ValueError:
        return 0


def _lock_held(lock: Path) -> bool:
    try:
        fd = os.open(lock, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # releases the lock if it was taken here
    return False


def ask(message: dict[str, Any]) -> dict[str, Any] | None:
    """One question to the running starter; None when none answers."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(JOB_TIMEOUT_S)
            sock.connect(str(socket_path()))
            send(sock, message)
            reply = sock.makefile("rb").readline()
    except OSError:
        return None
    with contextlib.suppress(ValueError):
        answer = json.loads(reply)
        return answer if isinstance(answer, dict) else None
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="caro-starter", description=__doc__)
    parser.add_argument("--socket", required=True, type=Path)
    parser.add_argument("--keep-alive", type=float, default=300.0)
    args = parser.parse_args(argv)
    logging.basicConfig(
        stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(name)s %(message)s"
    )
    code = Starter(args.socket, args.keep_alive).run()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
