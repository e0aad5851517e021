"""The person's terminal, reached through /dev/tty: where `caro --run` shows a command and asks.

stdin and stdout may be pipes (`caro --run ... > out.txt`); the confirmation must come from a
person at a keyboard, so it is read from the controlling terminal and nowhere else. When there is
none (a cron job, a CI step, `setsid`), opening /dev/tty fails and nothing is run.
"""

from __future__ import annotations

import contextlib
import os
import termios
import tty

TTY = "/dev/tty"


class NoTerminal(Exception):
    """There is no terminal to confirm on; the message says why."""


class Terminal:
    """A read-write handle on the controlling terminal."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    @classmethod
    def open(cls, path: str = TTY) -> Terminal:
        try:
            fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
        except OSError as error:
            reason = error.strerror or str(error)
            raise NoTerminal(f"{path} cannot be opened to read and write ({reason})") from None
        if not os.isatty(fd):
            os.close(fd)
            raise NoTerminal(f"{path} is not a terminal")
        return cls(fd)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def say(self, text: str) -> None:
        data = text.encode("utf-8", "replace")
        while data:
            written = os.write(self.fd, data)
            data = data[written:]

    def read_line(self, prompt: str) -> str | None:
        """A line the person typed (without its newline); None when the terminal closed."""
        self._discard_typeahead()
        self.say(prompt)
        line = b""
        while not line.endswith(b"\n"):
            chunk = os.read(self.fd, 1024)
            if not chunk:
                return None if not line else line.decode("utf-8", "replace")
            line += chunk
        return line[:-1].decode("utf-8", "replace").rstrip("\r")

    def read_key(self, prompt: str) -> str | None:
        """One key press, without Enter (keys typed before the question do not count)."""
        try:
            saved = termios.tcgetattr(self.fd)
        except termios.error:
            return self.read_line(prompt)
        try:
            tty.setcbreak(self.fd, termios.TCSAFLUSH)  # and drops what was typed before
            self.say(prompt)
            key = os.read(self.fd, 32)
        finally:
            termios.tcsetattr(self.fd, termios.TCSAFLUSH, saved)
        text = key.decode("utf-8", "replace") if key else ""
        self.say((text if text.isprintable() else "") + "\n")  # the key was not echoed
        return text or None

    def _discard_typeahead(self) -> None:
        """Keys pressed before the question was asked are not an answer to it."""
        with contextlib.suppress(termios.error):
            termios.tcflush(self.fd, termios.TCIFLUSH)
