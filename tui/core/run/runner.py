"""Runs a confirmed command: `$SHELL -c COMMAND` in its own process group, output streamed.

stdout and stderr are read as they come, line by line, and handed to `on_output` in batches.
Memory stays bounded whatever the command prints: only the last `max_lines` lines are kept (and,
when one read brings more than that, only its tail is even decoded); the rest are counted. The
pipes are always drained, so a chatty child never blocks on a full pipe.

Stopping (Esc, a timeout, or the caller's task being cancelled) walks the whole process group
down: SIGINT, then SIGTERM after a grace period, then SIGKILL. Grandchildren go with it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

StreamName = Literal["stdout", "stderr"]


@dataclass(frozen=True)
class OutputLine:
    stream: StreamName
    text: str


OutputSink = Callable[[Sequence[OutputLine]], None]


@dataclass(frozen=True)
class OutputLimits:
    max_lines: int = 2000
    max_line_chars: int = 4000
    # How long to keep reading after the shell exits, for background children still writing.
    linger_s: float = 0.5


@dataclass(frozen=True)
class RunResult:
    command: str
    exit_code: int | None
    signal: int | None
    duration_s: float
    lines: tuple[OutputLine, ...]
    dropped_lines: int = 0
    timed_out: bool = False
    cancelled: bool = False
    stopped_with: str = ""
    error: str = ""

    @property
    def truncated(self) -> bool:
        return self.dropped_lines > 0

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.error

    def describe(self) -> str:
        """One line for people: how it ended and how long it took."""
        if self.error:
            return f"could not run: {self.error}"
        if self.signal is not None:
            name = _signal_name(self.signal)
            how = f"killed by {name}"
        else:
            how = f"exit code {self.exit_code}"
        if self.timed_out:
            how = f"timed out, {how}"
        elif self.cancelled:
            how = f"cancelled, {how}"
        return f"{how} after {self.duration_s:.2f} s"


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


@dataclass
class _Output:
    """The kept tail of the output, and what was dropped."""

    limits: OutputLimits
    sink: OutputSink | None
    kept: deque[OutputLine] = field(init=False)
    dropped: int = 0

    def __post_init__(self) -> None:
        self.kept = deque(maxlen=self.limits.max_lines)

    def add(self, batch: list[OutputLine], skipped: int) -> None:
        overflow = max(0, len(self.kept) + len(batch) - self.limits.max_lines)
        self.dropped += skipped + overflow
        self.kept.extend(batch)
        if self.sink is not None and batch:
            self.sink(batch)


class _LineSplitter:
    """Turns chunks of bytes into lines, decoding only the tail that will be kept."""

    def __init__(self, stream: StreamName, limits: OutputLimits) -> None:
        self.stream = stream
        self.limits = limits
        self.partial = b""
        self.skipping_long_line = False

    def feed(self, chunk: bytes) -> tuple[list[OutputLine], int]:
        data = self.partial + chunk
        end = data.rfind(b"\n")
        if end == -1:
            return self._hold(data)
        complete, self.partial = data[:end], data[end + 1 :]
        # After a line cut short, the first piece is its rest: neither shown nor counted.
        rest_of_long_line = int(self.skipping_long_line)
        self.skipping_long_line = False
        total = complete.count(b"\n") + 1 - rest_of_long_line
        keep = min(total, self.limits.max_lines)
        lines = [self._line(raw) for raw in _last_lines(complete, keep)]
        return lines, total - keep

    def _hold(self, data: bytes) -> tuple[list[OutputLine], int]:
        limit = self.limits.max_line_chars * 4  # bytes: up to 4 per UTF-8 character
        if len(data) <= limit:
            self.partial = data
            return [], 0
        self.partial = b""
        if self.skipping_long_line:
            return [], 0
        self.skipping_long_line = True
        return [self._line(data)], 0

    def flush(self) -> list[OutputLine]:
        rest, self.partial = self.partial, b""
        if not rest or self.skipping_long_line:
            return []
        return [self._line(rest)]

    def _line(self, raw: bytes) -> OutputLine:
        text = raw.decode("utf-8", errors="replace").rstrip("\r")
        if len(text) > self.limits.max_line_chars:
            text = text[: self.limits.max_line_chars] + " …"
        return OutputLine(self.stream, text)


def _last_lines(data: bytes, count: int) -> list[bytes]:
    """The last `count` newline-separated pieces of `data`, without splitting the rest."""
    position = len(data)
    for _ in range(count):
        position = data.rfind(b"\n", 0, position)
        if position == -1:
            break
    start = 0 if position == -1 else position + 1
    return data[start:].split(b"\n")[-count:] if count else []


class _Protocol(asyncio.SubprocessProtocol):
    """Receives the child's output as it comes and knows when it exited.

    asyncio's `Process.wait()` waits for the pipes to close as well, which never happens while
    a background grandchild holds them open; `process_exited` says when the shell itself ended.
    """

    def __init__(self, output: _Output, limits: OutputLimits) -> None:
        loop = asyncio.get_running_loop()
        self.output = output
        self.splitters = {1: _LineSplitter("stdout", limits), 2: _LineSplitter("stderr", limits)}
        self.exited: asyncio.Future[None] = loop.create_future()
        self.closed: dict[int, asyncio.Future[None]] = {
            1: loop.create_future(),
            2: loop.create_future(),
        }

    def pipe_data_received(self, fd: int, data: bytes | str) -> None:
        raw = data.encode() if isinstance(data, str) else data
        lines, skipped = self.splitters[fd].feed(raw)
        self.output.add(lines, skipped)

    def pipe_connection_lost(self, fd: int, exc: Exception | None) -> None:
        if fd in self.closed and not self.closed[fd].done():
            self.output.add(self.splitters[fd].flush(), 0)
            self.closed[fd].set_result(None)

    def process_exited(self) -> None:
        if not self.exited.done():
            self.exited.set_result(None)


async def run_command(
    command: str,
    *,
    cwd: str | os.PathLike[str] | None = None,
    shell: str | None = None,
    timeout_s: float | None = None,
    on_output: OutputSink | None = None,
    cancel: asyncio.Event | None = None,
    grace_s: float = 2.0,
    limits: OutputLimits = OutputLimits(),
    env: dict[str, str] | None = None,
) -> RunResult:
    """Runs `command` with the person's shell and returns how it ended, with its output's tail.

    Setting `cancel` stops the run (and the result says so). Cancelling the calling task also
    stops the process group before the cancellation goes on.
    """
    shell = shell or os.environ.get("SHELL") or "/bin/sh"
    output = _Output(limits, on_output)
    started = time.perf_counter()
    if "\x00" in command:  # exec() cannot pass it; no shell could run it
        return RunResult(command, None, None, 0.0, (), error="the command contains a NUL byte")
    loop = asyncio.get_running_loop()
    try:
        transport, protocol = await loop.subprocess_exec(
            lambda: _Protocol(output, limits),
            shell,
            "-c",
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except OSError as error:
        return RunResult(
            command, None, None, time.perf_counter() - started, (), error=_os_error(error, shell)
        )
    run = _Run(transport, protocol, grace_s, limits)
    try:
        ending = await run.wait(timeout_s, cancel)
    except asyncio.CancelledError:
        await asyncio.shield(run.stop())
        transport.close()
        raise
    transport.close()
    return_code = transport.get_returncode()
    return RunResult(
        command=command,
        exit_code=return_code if return_code is not None and return_code >= 0 else None,
        signal=-return_code if return_code is not None and return_code < 0 else None,
        duration_s=time.perf_counter() - started,
        lines=tuple(output.kept),
        dropped_lines=output.dropped,
        timed_out=ending == "timeout",
        cancelled=ending == "cancelled",
        stopped_with=run.stopped_with,
    )


def _os_error(error: OSError, shell: str) -> str:
    if isinstance(error, FileNotFoundError) and error.filename in (shell, None):
        return f"the shell {shell} was not found (set SHELL)"
    return f"{error.strerror or error}" + (f": {error.filename}" if error.filename else "")


class _Run:
    def __init__(
        self,
        transport: asyncio.SubprocessTransport,
        protocol: _Protocol,
        grace_s: float,
        limits: OutputLimits,
    ) -> None:
        self.transport = transport
        self.protocol = protocol
        self.pid = transport.get_pid()
        self.grace_s = grace_s
        self.limits = limits
        self.stopped_with = ""

    async def wait(self, timeout_s: float | None, cancel: asyncio.Event | None) -> str:
        """Waits for the shell to exit, a timeout or a cancel; returns which one it was."""
        exited = self.protocol.exited
        waiters: set[asyncio.Future[Any]] = {exited}
        cancelled = asyncio.ensure_future(cancel.wait()) if cancel is not None else None
        if cancelled is not None:
            waiters.add(cancelled)
        try:
            done, _ = await asyncio.wait(
                waiters, timeout=timeout_s, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            if cancelled is not None:
                cancelled.cancel()
        ending = "exit" if exited in done else ("cancelled" if done else "timeout")
        if ending != "exit":
            await self.stop()
        await self._drain()
        return ending

    async def _drain(self) -> None:
        """Waits for the pipes to close; background children holding them get `linger_s`."""
        pipes = list(self.protocol.closed.values())
        _, pending = await asyncio.wait(pipes, timeout=self.limits.linger_s)
        if pending:
            for fd in (1, 2):
                pipe = self.transport.get_pipe_transport(fd)
                if pipe is not None:
                    pipe.close()

    async def stop(self) -> None:
        """SIGINT to the group, then SIGTERM, then SIGKILL, each after a grace period."""
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
            if not self._group_alive():
                return
            self.stopped_with = number.name
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.pid, number)
            if await self._group_gone_within(self.grace_s):
                return
        await self.protocol.exited

    async def _group_gone_within(self, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if not self._group_alive():
                return True
            await asyncio.sleep(0.02)
        return not self._group_alive()

    def _group_alive(self) -> bool:
        """Whether any process of the group still runs (zombies not yet reaped do not count)."""
        if not self.protocol.exited.done():
            return True
        try:
            os.killpg(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return any(_state(pid) not in ("Z", "") for pid in _group_members(self.pid))


def _group_members(pgid: int) -> list[int]:
    """Processes in the group, from /proc where there is one (Linux); else assume alive."""
    proc = "/proc"
    if not os.path.isdir(proc):
        return [pgid]
    members = []
    for entry in os.listdir(proc):
        if entry.isdigit():
            stat = _read_stat(int(entry))
            if stat is not None and stat[1] == pgid:
                members.append(int(entry))
    return members


def _read_stat(pid: int) -> tuple[str, int] | None:
    """(state, process group) of a process, from /proc/PID/stat."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return None
    fields = text[text.rfind(")") + 2 :].split()
    try:
        return fields[0], int(fields[2])
    except (IndexError, ValueError):
        return None


def _state(pid: int) -> str:
    stat = _read_stat(pid)
    if stat is None:
        return "" if os.path.isdir("/proc") else "R"
    return stat[0]
