"""The history holds the person's commands: its folder and files are private."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from tui.core import paths


def private_files(path: Path) -> None:
    """The history is the person's commands: its folder is created 0700 (caro's own data
    folder is tightened to 0700 when it was left open), the database created 0600 and an
    existing one made 0600 (SQLite gives its -wal and -shm files the database's mode)."""
    folder = path.parent
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    elif folder == paths.default_data_dir() and stat.S_IMODE(folder.stat().st_mode) & 0o077:
        with contextlib.suppress(OSError):
            folder.chmod(0o700)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o600))
    except OSError:
        return  # SQLite says what is wrong with it when it opens it
    for companion in (path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm")):
        with contextlib.suppress(OSError):
            if companion.exists() and stat.S_IMODE(companion.stat().st_mode) & 0o077:
                companion.chmod(0o600)
