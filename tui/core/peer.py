"""Who is at the other end of a Unix socket. Standard library only: the launcher imports it
before it knows whether it will import anything else."""

from __future__ import annotations

import os
import socket
import struct


def peer_credentials(sock: socket.socket) -> tuple[int, int, int] | None:
    """(pid, uid, gid) of the process at the other end; None where the OS does not say."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None
    raw = sock.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    pid, uid, gid = struct.unpack("3i", raw)
    return pid, uid, gid


def same_user(credentials: tuple[int, int, int] | None) -> bool:
    """Whether the peer runs as this process's user (the folder's 0700 covers other systems)."""
    return credentials is None or credentials[1] == os.getuid()
