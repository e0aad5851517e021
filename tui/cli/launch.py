"""`caro` as installed (and `python -m tui`): a one-shot request goes to the warm starter when one
runs (tui.cli.starter), which answers it in a child that has caro imported already; anything
else, or when no starter answers, runs here as before.

Before it knows, this imports only the standard library's socket layer: that is the point.
`CARO_STARTER=0` turns the starter off (caro then neither uses nor starts one).
"""

from __future__ import annotations

import array
import contextlib
import json
import os
import signal
import socket
import sys
from typing import TYPE_CHECKING, Any

import tui
from tui.cli import SUBCOMMANDS
from tui.core.peer import peer_credentials

if TYPE_CHECKING:
    from pathlib import Path

SOCKET_NAME = "starter.sock"
CONNECT_TIMEOUT_S = 2.0  # to connect and to hear whether the starter takes the request
FORWARDED_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)

# Set when no starter was there to answer: a request answered by the engine host starts one.
starter_missing = False


def entry() -> None:
    """The console script."""
    argv = sys.argv[1:]
    try:
        code = run_in_starter(argv)
    except KeyboardInterrupt:
        print("caro: interrupted", file=sys.stderr)
        raise SystemExit(130) from None
    if code is None:
        from tui.cli import main

        code = main(argv)
    raise SystemExit(code)


def run_in_starter(argv: list[str]) -> int | None:
    """The exit code of the request answered by the warm starter; None when it did not take it
    (none runs, another version runs, or the request needs this process)."""
    global starter_missing
    if (argv and argv[0] in SUBCOMMANDS) or os.environ.get("CARO_STARTER", "").strip() == "0":
        return None
    try:
        sock = _connect()
    except OSError:
        starter_missing = True
        return None
    with sock, sock.makefile("rb") as reader:
        try:
            _hand_over(sock, argv)
            reply = _read_message(reader)
            if reply.get("op") == "exit":  # --help, --version, a usage error
                return int(reply.get("code", 1))
            if reply.get("op") != "accepted":
                return None
            # Only now does the child start: a launcher that gave up waiting never gets
            # its request answered twice.
            sock.sendall(b"go\n")
        except TimeoutError:
            _retire_hung(sock)
            starter_missing = True  # this request, answered here, starts a new one
            return None
        except (OSError, ValueError):
            return None
        return _wait_for_exit(sock, reader, int(reply["pid"]))


def socket_path() -> Path:
    """The starter's socket, beside the engine host's."""
    from tui.core import paths

    return paths.engine_runtime_dir() / SOCKET_NAME


def package_dir() -> str:
    """The folder of the caro that runs: a starter serves only its own installation."""
    return os.path.dirname(os.path.realpath(tui.__file__))


def _connect() -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(CONNECT_TIMEOUT_S)
    try:
        sock.connect(str(socket_path()))
    except OSError:
        sock.close()
        raise
    return sock


def _hand_over(sock: socket.socket, argv: list[str]) -> None:
    """Sends the request with this process's streams."""
    umask = os.umask(0)
    os.umask(umask)
    job = {
        "op": "run",
        "argv": argv,
        "cwd": os.getcwd(),
        "umask": umask,
        "env": dict(os.environ),
        "package": package_dir(),
        "version": tui.__version__,
    }
    body = json.dumps(job).encode("ascii") + b"\n"  # lone surrogates travel as \udcXX
    streams = array.array("i", [0, 1, 2])
    sent = sock.sendmsg([body], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, streams)])
    sock.sendall(body[sent:])


def _retire_hung(sock: socket.socket) -> None:
    """A starter that took the connection and said nothing in time is stuck, and would cost
    every request that wait: it is stopped, if the socket's far end is a process of this user
    (the socket lives in this user's private folder)."""
    with contextlib.suppress(OSError):
        credentials = peer_credentials(sock)
        if credentials is None:
            return
        pid, uid, _gid = credentials
        if uid == os.getuid() and pid > 1 and pid != os.getpid():
            print("caro: the warm starter did not answer; stopping it", file=sys.stderr)
            os.kill(pid, signal.SIGKILL)


def _read_message(reader: Any) -> dict[str, Any]:
    line = reader.readline()
    if not line:
        raise ValueError("the starter closed the connection")
    message = json.loads(line)
    if not isinstance(message, dict):
        raise ValueError("the starter sent something else than a message")
    return message


def _wait_for_exit(sock: socket.socket, reader: Any, pid: int) -> int:
    """Passes Ctrl+C and the like on to the child answering; its exit code."""

    def forward(signum: int, _frame: object) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signum)

    for signum in FORWARDED_SIGNALS:
        if signal.getsignal(signum) is not signal.SIG_IGN:  # ignored here: ignored there too
            signal.signal(signum, forward)
    sock.settimeout(None)
    try:
        message = _read_message(reader)
    except (OSError, ValueError):
        print("caro: the process answering the request ended without a status", file=sys.stderr)
        return 1
    return int(message.get("code", 1))
