"""The history database file: opening it (WAL, busy timeout), telling a busy database from a
damaged one, and moving a damaged one aside with its -wal/-shm companions."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from tui.core.history import search

BUSY_TIMEOUT_S = 15.0
_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: no implicit transactions; every write says BEGIN IMMEDIATE itself.
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        search.install_functions(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def is_busy(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def is_damage(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in _DAMAGED


def _companions(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def move_aside(path: Path) -> Path:
    """Renames a damaged database (and its -wal/-shm files, so they stay a pair) out of the way."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while any(p.exists() for p in _companions(target)):
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    for source, destination in zip(_companions(path), _companions(target), strict=True):
        if source.exists():
            source.rename(destination)
    return target
