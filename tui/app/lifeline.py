"""The workbench ends when its terminal goes away, and on SIGTERM or SIGHUP, quietly.

Why it is needed: Textual's input thread takes an ended input (a terminal hung up, or
textual-serve's pipe closed) for "nothing to read yet" and asks again at once, so a workbench
that lost its terminal spins on a core for as long as it lives; and once the terminal refuses a
write, the output thread dies and the next frames block the app. The hang-up signal does not
always come either: the kernel sends it to the terminal's session leader only, so under
`make run`, or a shell that does not forward it, caro never hears of it.

So one thread waits in poll() on the terminal's descriptors, which report POLLHUP, POLLERR or
POLLNVAL when the other end is gone. Then stdout/stderr become /dev/null (restoring the screen
writes nowhere instead of failing), a terminal's stdin becomes a pipe that never ends (the
input thread waits instead of spinning), and the app is asked to exit: its workers are
cancelled (a running command's process group is stopped) and the history is closed as on any
exit. The pipe starts with one focus-out report: the input thread may have been woken by the
hang-up too and be about to read, and it must get something rather than block for good (the
app joins it on exit). textual-serve's web driver stops reading by itself at the end of its
pipe, so its stdin is left alone.
SIGTERM asks the same exit with the terminal left as it was. If the app has not ended after a
grace period, the process ends anyway: every history record is committed as it is made.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from types import FrameType

LOST = select.POLLHUP | select.POLLERR | select.POLLNVAL
GRACE_S = 10.0
EXIT_HANGUP = 128 + signal.SIGHUP
EXIT_TERMINATED = 128 + signal.SIGTERM
TERMINAL_FDS = (0, 1, 2)
FOCUS_OUT = b"\x1b[O"  # what a terminal reports when its window loses focus
# macOS's poll() does not take terminals (it answers POLLNVAL): there, and on systems not
# known to, terminals are checked every TTY_CHECK_S instead; pipes are polled everywhere.
POLL_TTYS = sys.platform.startswith("linux")
TTY_CHECK_S = 1.0


class Lifeline:
    """Watches `fds`; `request_exit(code)` is called once (from its own thread) when they go
    away or SIGTERM/SIGHUP arrives. `start()` must run in the main thread (signal handlers).
    `keep_stdin`: leave stdin as it is when the terminal goes (the web driver's case)."""

    def __init__(
        self,
        request_exit: Callable[[int], None],
        *,
        fds: Sequence[int] = TERMINAL_FDS,
        grace_s: float = GRACE_S,
        keep_stdin: bool = False,
    ) -> None:
        self._request_exit = request_exit
        self._fds = tuple(fds)
        self._grace_s = grace_s
        self._wake_read, self._wake_write = os.pipe()
        os.set_blocking(self._wake_write, False)
        self._keep: list[int] = []  # the write end of stdin's new pipe, never closed
        self._detaching = threading.Lock()
        self._detached = False
        self._keep_stdin = keep_stdin
        self._started = False

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        for number in (signal.SIGHUP, signal.SIGTERM):
            signal.signal(number, self._on_signal)
        threading.Thread(target=self._watch, name="caro-lifeline", daemon=True).start()

    def _on_signal(self, number: int, frame: FrameType | None) -> None:
        # The kernel sends SIGCONT with a hang-up, and Textual answers SIGCONT by starting its
        # terminal over (new output thread, writes to the dead terminal, which kill that thread):
        # Python runs SIGHUP's handler first, so the descriptors are harmless by then.
        if number == signal.SIGHUP:
            self._detach()
        # The rest in the thread: a handler may interrupt the event loop anywhere.
        with contextlib.suppress(OSError):
            os.write(self._wake_write, bytes([number]))

    def _watch(self) -> None:
        poller = select.poll()
        poller.register(self._wake_read, select.POLLIN)
        checked = [] if POLL_TTYS else [fd for fd in self._fds if os.isatty(fd)]
        for fd in self._fds:
            if fd not in checked:
                poller.register(fd, 0)  # 0: only hang-up, error and closed are reported
        timeout_ms = TTY_CHECK_S * 1000 if checked else None
        while True:
            events = poller.poll(timeout_ms)
            for fd, mask in events:
                if fd == self._wake_read:
                    number = os.read(self._wake_read, 1)[0]
                    self._end(terminal_lost=number == signal.SIGHUP)
                    return
                if mask & LOST:
                    self._end(terminal_lost=True)
                    return
            if not events and not all(os.isatty(fd) for fd in checked):
                self._end(terminal_lost=True)  # a hung-up terminal answers no terminal request
                return

    def _end(self, *, terminal_lost: bool) -> None:
        if terminal_lost:
            self._detach()
        code = EXIT_HANGUP if terminal_lost else EXIT_TERMINATED
        self._request_exit(code)
        backstop = threading.Timer(self._grace_s, os._exit, args=(code,))
        backstop.daemon = True
        backstop.start()
        self._wait_for_a_lost_terminal_after_sigterm(terminal_lost)

    def _wait_for_a_lost_terminal_after_sigterm(self, terminal_lost: bool) -> None:
        """After SIGTERM the terminal may still go while the app closes: detach then too."""
        if terminal_lost:
            return
        poller = select.poll()
        for fd in self._fds:
            if POLL_TTYS or not os.isatty(fd):
                poller.register(fd, 0)
        if any(mask & LOST for _, mask in poller.poll(self._grace_s * 1000)):
            self._detach()

    def _detach(self) -> None:
        """Points the terminal's descriptors at harmless ends (see the module's docstring)."""
        with self._detaching:  # the signal handler and the thread may both get here
            if self._detached:
                return
            self._detached = True
            quiet = os.open(os.devnull, os.O_WRONLY)
            for fd in self._fds:
                if fd != 0:
                    with contextlib.suppress(OSError):
                        os.dup2(quiet, fd)
            os.close(quiet)
            if 0 in self._fds and not self._keep_stdin:
                never_ends, kept_open = os.pipe()
                os.write(kept_open, FOCUS_OUT)
                self._keep.append(kept_open)
                with contextlib.suppress(OSError):
                    os.dup2(never_ends, 0)
                os.close(never_ends)
