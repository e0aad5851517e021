"""The shell widget `caro init SHELL` prints: a key that puts caro's command on the prompt line.

The handoff: the widget makes a temporary file, runs `caro --output-file FILE` (with the words
already on the line as the request, if any: then the one-shot path answers without opening the
full screen), reads the command from the file, deletes the file, and replaces the line editor's
buffer with the command (zsh BUFFER/CURSOR, bash READLINE_LINE/READLINE_POINT, fish
`commandline -r`). Nothing is run: the person looks, then presses Enter. An empty file (no
command, an error, Esc in the workbench) leaves the line as it was.

A file rather than stdout, because the full-screen workbench owns stdout while it runs.
The scripts live in tui/core/data/shell/, with @CARO@ (the caro executable, quoted for that
shell), @KEY@ (the default key, in that shell's notation) and @KEY_NAME@ filled in here.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from importlib import resources
from pathlib import Path

from tui.core.errors import CaroError

SHELLS = ("zsh", "bash", "fish")
DEFAULT_KEYS = {"zsh": "^G", "bash": r"\C-g", "fish": r"\cg"}
DEFAULT_KEY_NAME = "Ctrl+G"
# Key notations of the three shells: ^G, \C-g, \cg, \eg, \e[24~ ... nothing that could end a
# quoted string or expand.
_KEY = re.compile(r"[A-Za-z0-9\\^\[\]~-]{1,24}")


class BridgeError(CaroError, ValueError):
    pass


def caro_executable() -> str:
    """The `caro` that runs now, when it sits beside this Python (a venv, pipx); else `caro`."""
    beside = Path(sys.executable).parent / "caro"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return "caro"


def fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _quote(shell: str, text: str) -> str:
    return fish_quote(text) if shell == "fish" else shlex.quote(text)


def widget(shell: str, *, key: str | None = None, caro: str | None = None) -> str:
    """The script for `shell`, bound to `key` (that shell's notation; default Ctrl+G)."""
    if shell not in SHELLS:
        raise BridgeError(f"no widget for {shell!r}; caro has one for {', '.join(SHELLS)}")
    if key is not None and not _KEY.fullmatch(key):
        raise BridgeError(
            f"{key!r} is not a key in {shell}'s notation (for example {DEFAULT_KEYS[shell]})"
        )
    template = resources.files("tui.core").joinpath(f"data/shell/caro.{shell}")
    text = template.read_text(encoding="utf-8")
    return (
        text.replace("@CARO@", _quote(shell, caro or caro_executable()))
        .replace("@KEY_NAME@", DEFAULT_KEY_NAME if key is None else key)
        .replace("@KEY@", key or DEFAULT_KEYS[shell])
    )
