"""Appending a command caro ran to the shell's own history file, in that shell's format.

- bash: plain lines in `$HISTFILE` or ~/.bash_history. With a `#<epoch>` line first when the
  person keeps timestamps (HISTTIMEFORMAT set, or the file already starts with one). A command
  of several lines is never written there: bash would read each line as an entry of its own
  (lines that never ran as such), and a line of it such as `#1700000000` as a timestamp.
- zsh: extended history, `: <start>:<seconds>;<command>`, in `$HISTFILE` or
  `${ZDOTDIR:-~}/.zsh_history`. A newline inside the command is written as backslash-newline (a
  command ending in a backslash gets one space more, which zsh's reader drops), and the text is
  "metafied" like zsh's own: bytes zsh uses internally (NUL and 0x83-0xa2) are written as 0x83
  followed by the byte xor 32. Unescaped, a 0x83 inside UTF-8 text (Cyrillic "у" is d1 83) reads
  as that escape and garbles the command. zsh reads the extended form whether or not
  EXTENDED_HISTORY is set.
- fish: `- cmd: <command>` then `  when: <epoch>` in `$XDG_DATA_HOME/fish/<session>_history`
  (session `fish` unless `$fish_history` names another; an empty one means no history), with
  backslashes doubled and newlines written as `\\n`.

The file is opened for appending (never truncated), under an exclusive lock taken both with
flock (fish's lock) and with fcntl record locks (zsh's HIST_FCNTL_LOCK), and for zsh also with
its `$HISTFILE.LOCK` symlink. A file whose last line lacks its newline gets one first.

The shell widget (shell_bridge) passes CARO_SHELL, CARO_HISTFILE and CARO_HISTTIMESTAMPS, since
a shell does not export HISTFILE or HISTTIMEFORMAT to the programs it starts.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import socket
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from tui.core.errors import CaroError

SHELLS = ("bash", "zsh", "fish")
LOCK_TIMEOUT_S = 5.0
# zsh removes a .LOCK older than this, taking it for a crashed shell's.
ZSH_STALE_LOCK_S = 10.0
_BASH_TIMESTAMP = re.compile(rb"#\d+\r?\n")


class ShellHistoryError(CaroError):
    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path


# -- where ------------------------------------------------------------------------------------


def _home(env: Mapping[str, str]) -> Path:
    return Path(env.get("HOME") or Path.home())


def history_file(shell: str, env: Mapping[str, str] | None = None) -> Path:
    """The history file `shell` reads, as far as the environment tells."""
    env = os.environ if env is None else env
    if shell not in SHELLS:
        raise ShellHistoryError(
            f"cannot write {shell}'s history: caro knows the formats of {', '.join(SHELLS)}"
        )
    if "CARO_HISTFILE" in env:
        if not env["CARO_HISTFILE"]:
            raise ShellHistoryError(f"{shell} keeps no history file here (HISTFILE is empty)")
        return Path(env["CARO_HISTFILE"]).expanduser()
    if shell == "fish":
        return _fish_history_file(env)
    if env.get("HISTFILE"):
        return Path(env["HISTFILE"]).expanduser()
    if shell == "zsh":
        return Path(env.get("ZDOTDIR") or _home(env)) / ".zsh_history"
    return _home(env) / ".bash_history"


def _fish_history_file(env: Mapping[str, str]) -> Path:
    session = env.get("fish_history", "fish")
    if not session:
        raise ShellHistoryError("fish keeps no history here ($fish_history is empty)")
    data = Path(env.get("XDG_DATA_HOME") or _home(env) / ".local" / "share")
    return data / "fish" / f"{session}_history"


# -- formats ----------------------------------------------------------------------------------


def check_bash_entry(command: str) -> None:
    """Refuses a command that bash would read back as something else: several entries, or a
    line that bash takes for a timestamp (`#` then a digit)."""
    if any(char in command for char in "\n\r"):
        raise ShellHistoryError(
            "a command of several lines is not added to bash's history: bash would read each "
            "line as a command of its own"
        )
    if command.startswith("#"):
        raise ShellHistoryError(
            "a command that starts with # is not added to bash's history: bash would read it "
            "as the time of the next entry"
        )


def bash_entry(command: str, when: float, *, timestamps: bool) -> bytes:
    check_bash_entry(command)
    stamp = f"#{int(when)}\n" if timestamps else ""
    return (stamp + command + "\n").encode("utf-8", "surrogateescape")


_ZSH_META = 0x83


def _zsh_is_meta(byte: int) -> bool:
    # NUL, Meta itself and zsh's internal tokens up to Marker (0xa2 in zsh 5.9; older zshs used
    # fewer). Escaping a few bytes more than a given zsh needs is harmless: its reader undoes
    # every Meta pair.
    return byte == 0 or 0x83 <= byte <= 0xA2


def zsh_metafy(data: bytes) -> bytes:
    out = bytearray()
    for byte in data:
        if _zsh_is_meta(byte):
            out += bytes((_ZSH_META, byte ^ 32))
        else:
            out.append(byte)
    return bytes(out)


_ZSH_TRAILING_BACKSLASH = re.compile(r"\\ *\Z")


def zsh_entry(command: str, started_at: float, duration_s: float) -> bytes:
    body = command.replace("\n", "\\\n")
    if _ZSH_TRAILING_BACKSLASH.search(command):
        # zsh's reader drops one space after a final backslash, which would otherwise read as
        # a line continuation; zsh's own writer adds that space too.
        body += " "
    data = body.encode("utf-8", "surrogateescape")
    head = f": {int(started_at)}:{max(int(duration_s), 0)};".encode()
    return head + zsh_metafy(data) + b"\n"


def fish_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def fish_entry(command: str, when: float) -> bytes:
    text = f"- cmd: {fish_escape(command)}\n  when: {int(when)}\n"
    return text.encode("utf-8", "surrogateescape")


def _bash_wants_timestamps(path: Path, env: Mapping[str, str]) -> bool:
    if env.get("CARO_HISTTIMESTAMPS") or env.get("HISTTIMEFORMAT"):
        return True
    try:
        with path.open("rb") as handle:
            first = handle.readline(64)
    except OSError:
        return False
    return _BASH_TIMESTAMP.fullmatch(first) is not None


def entry_for(
    shell: str,
    command: str,
    path: Path,
    started_at: float,
    duration_s: float,
    env: Mapping[str, str],
) -> bytes:
    if shell == "zsh":
        return zsh_entry(command, started_at, duration_s)
    if shell == "fish":
        return fish_entry(command, started_at)
    return bash_entry(command, started_at, timestamps=_bash_wants_timestamps(path, env))


# -- appending --------------------------------------------------------------------------------


def append(
    command: str,
    *,
    shell: str | None = None,
    started_at: float | None = None,
    duration_s: float = 0.0,
    path: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Path:
    """Appends `command` to the shell's history file; returns the file. `shell` defaults to
    CARO_SHELL, then the shell caro was started from."""
    env = os.environ if env is None else env
    shell = shell or env.get("CARO_SHELL") or _detect_shell()
    command = command.strip("\n")
    if not command.strip():
        raise ShellHistoryError("an empty command is not added to the shell's history")
    if shell == "bash":
        check_bash_entry(command)
    path = path or history_file(shell, env)
    when = time.time() if started_at is None else started_at
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _zsh_lock(path, enabled=shell == "zsh"), _open_locked(path) as fd:
            data = entry_for(shell, command, path, when, duration_s, env)
            _write_all(fd, _newline_first(fd) + data)
    except OSError as error:
        raise ShellHistoryError(f"cannot append: {error.strerror or error}", path) from None
    return path


def _detect_shell() -> str:
    from tui.core.generation.pipeline import detect_shell

    return detect_shell()


def _newline_first(fd: int) -> bytes:
    """A newline to write first when the file's last line is unfinished."""
    size = os.fstat(fd).st_size
    if size and os.pread(fd, 1, size - 1) != b"\n":
        return b"\n"
    return b""


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _retry(attempt: Callable[[], None], what: str, path: Path) -> None:
    deadline = time.monotonic() + LOCK_TIMEOUT_S
    while True:
        try:
            attempt()
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                message = f"{what} is held by another process; not added"
                raise ShellHistoryError(message, path) from None
            time.sleep(0.02)


@contextlib.contextmanager
def _open_locked(path: Path) -> Iterator[int]:
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        _retry(lambda: fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB), "the file lock", path)
        _retry(lambda: fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB), "the record lock", path)
        yield fd
    finally:
        os.close(fd)  # releases both locks


@contextlib.contextmanager
def _zsh_lock(path: Path, *, enabled: bool) -> Iterator[None]:
    """zsh's own lock: a symlink `$HISTFILE.LOCK`, taken by creating it (see zsh's hist.c)."""
    if not enabled:
        yield
        return
    lock = path.with_name(path.name + ".LOCK")
    target = f"/pid-{os.getpid()}/host-{socket.gethostname()}"
    _retry(lambda: _take_symlink_lock(lock, target), "zsh's lock " + lock.name, path)
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()


def _take_symlink_lock(lock: Path, target: str) -> None:
    try:
        os.symlink(target, lock)
        return
    except FileExistsError:
        pass
    try:
        age = time.time() - lock.lstat().st_mtime
    except FileNotFoundError:
        raise BlockingIOError(errno.EAGAIN, "released meanwhile, try again") from None
    if age > ZSH_STALE_LOCK_S:
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()
    raise BlockingIOError(errno.EAGAIN, "held")
