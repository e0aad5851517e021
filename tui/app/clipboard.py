"""Copying the command: the system clipboard when there is one, else the terminal's (OSC 52).

pyperclip reaches a native clipboard (pbcopy, wl-copy, xclip, xsel, ...) and can tell whether it
worked. Without one (an SSH session, a bare console, a container), the OSC 52 escape asks the
terminal to set its clipboard; nothing comes back, so success is never certain. Inside tmux the
escape is wrapped so tmux passes it on to the outer terminal (that needs tmux's
`allow-passthrough on`; a plain copy is sent too, which tmux takes itself with `set-clipboard on`).
"""

from __future__ import annotations

import base64
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class CopyOutcome:
    method: str
    certain: bool
    message: str


class Terminal(Protocol):
    """The part of the app that reaches the terminal."""

    def copy_to_clipboard(self, text: str) -> None: ...

    def write_escape(self, sequence: str) -> None: ...


def osc52(text: str) -> str:
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"\x1b]52;c;{payload}\x07"


def tmux_wrap(sequence: str) -> str:
    """tmux's passthrough: DCS tmux; <sequence with every ESC doubled> ST."""
    return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"


def native_copy(text: str) -> str | None:
    """Copies with pyperclip; None when it worked, else why not."""
    import pyperclip

    try:
        pyperclip.copy(text)
    except pyperclip.PyperclipException as error:
        return str(error).splitlines()[0] if str(error) else "no clipboard program found"
    return None


def copy_text(
    text: str,
    terminal: Terminal,
    *,
    environ: Mapping[str, str] | None = None,
    native: Callable[[str], str | None] = native_copy,
) -> CopyOutcome:
    environ = os.environ if environ is None else environ
    problem = native(text)
    if problem is None:
        return CopyOutcome("system clipboard", True, "Copied to the system clipboard.")
    terminal.copy_to_clipboard(text)
    if environ.get("TMUX"):
        terminal.write_escape(tmux_wrap(osc52(text)))
        return CopyOutcome(
            "OSC 52 through tmux",
            False,
            "Sent to the terminal's clipboard (OSC 52, wrapped for tmux); the terminal does not "
            "confirm, so caro cannot be sure it worked. tmux needs `set -g allow-passthrough on` "
            f"or `set -g set-clipboard on`. (No system clipboard: {problem}.)",
        )
    return CopyOutcome(
        "OSC 52",
        False,
        "Sent to the terminal's clipboard (OSC 52); the terminal does not confirm, so caro "
        f"cannot be sure it worked. (No system clipboard: {problem}.)",
    )
