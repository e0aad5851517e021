"""Talking to a Unix socket as another user: what a server answers a forked child that became
that user (the tests of the engine host and the warm starter, run as root)."""

from __future__ import annotations

import os
from pathlib import Path


def exchange_as(uid: int, path: Path, message: bytes) -> bytes:
    """Everything the server at `path` sends back to `message` from user `uid`, until it closes;
    `error: ...` when the child failed first (the server closing early, say)."""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # only system calls from here on, then _exit
        import socket

        try:
            os.close(read_end)
            os.setgid(uid)
            os.setuid(uid)
            with socket.socket(socket.AF_UNIX) as peer:
                peer.settimeout(20)
                peer.connect(str(path))
                peer.sendall(message)
                data = b""
                while chunk := peer.recv(65536):
                    data += chunk
            os.write(write_end, data)
        except BaseException as error:  # noqa: BLE001 - reported to the parent through the pipe
            os.write(write_end, f"error: {error!r}".encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        raw = pipe.read()
    os.waitpid(child, 0)
    return raw
