"""Everyday commands that only open something for the person: a folder or a document in its
viewer or editor, a login session on another machine, a tool's environment set-up script.
"""

from __future__ import annotations

import posixpath
import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import MODERATE, Rule
from tui.core.safety.words import split_words

# Files that open in a viewer or an editor: nothing runs.
_DOCUMENTS = lazy_pattern(
    r"\.(pdf|txt|md|rst|csv|tsv|json|ya?ml|toml|xml|html?|png|jpe?g|gif|svg|webp|heic|bmp|tiff?|"
    r"mp3|wav|flac|m4a|mp4|mov|mkv|avi|webm|docx?|xlsx?|pptx?|odt|ods|odp|rtf|pages|numbers|key|"
    r"epub|log|ini|conf|cfg|py|js|ts|go|rs|c|h|cpp|java|rb|ipynb|tex|bib)$",
    re.IGNORECASE,
)
_OPENERS = frozenset(split_words("open xdg-open gio gnome-open kde-open subl"))


def _shown_only(value: str) -> bool:
    """A folder (`.`, `~/Downloads/`) or a document, not an app, a script or a URL."""
    if "://" in value or value.startswith("-"):
        return False
    normal = paths.normalise(value)
    if value in (".", "..", "~") or value.endswith("/") or "." not in posixpath.basename(normal):
        return not normal.endswith((".app", ".exe"))
    return bool(_DOCUMENTS.search(normal))


def opener(command: Command, ctx: Context) -> None:
    """`open .`, `xdg-open report.pdf`, `gio open notes.md`: shown, nothing runs."""
    if command.name == "gio" and _gio_reads(command.argv):
        return
    operands = (
        command.argv[1:]
        if command.name == "gio" and command.argv[:1] == ["open"]
        else (command.argv)
    )
    if operands and all(_shown_only(value) for value in operands):
        return
    ctx.add(MODERATE, f"opens a program ({command.name})", command)


def _gio_reads(argv: list[str]) -> bool:
    """`gio list trash://`, `gio info F`, `gio trash --list`: only prints."""
    verb = argv[0] if argv else ""
    return verb in _GIO_READS or (verb == "trash" and argv[1:] in (["--list"], ["-l"]))


_GIO_READS = frozenset(split_words("list info cat tree version help"))


def shown_in_editor(command: Command) -> bool:
    """`code .`, `code README.md`: the editor opens a folder or files, and runs nothing."""
    return bool(command.argv) and all(_shown_only(value) for value in command.argv)


# ssh options that only say how to log in (port, key, user, config, verbosity).
_LOGIN_VALUES = frozenset(split_words("-p -i -l -F -c -m -b -E -Q"))
_LOGIN_FLAGS = frozenset(split_words("-4 -6 -C -q -t -T -v -vv -vvv -K -k -x -a"))


def only_logs_in(command: Command) -> bool:
    """`ssh alice@dev.example.com`, `ssh -p 2222 -i KEY host`: an interactive session and
    nothing else; what is typed there is the person's own doing."""
    if command.stdin is not None or command.redirects:
        return False
    operands: list[str] = []
    skip = False
    for value in command.argv:
        if skip:
            skip = False
        elif value in _LOGIN_VALUES:
            skip = True
        elif value.startswith("-"):
            if value not in _LOGIN_FLAGS and value[:2] not in _LOGIN_VALUES:
                return False
        else:
            operands.append(value)
    return len(operands) == 1


# Scripts tools ship to set up the shell for themselves: sourcing them is routine.
_SETUP_SCRIPTS = lazy_pattern(
    r"(^|/)(bin|Scripts)/activate(\.fish|\.csh|\.nu|\.ps1|\.bat)?$|"
    r"(^|/)\.cargo/env$|(^|/)\.nvm/nvm\.sh$|(^|/)\.sdkman/bin/sdkman-init\.sh$|"
    r"(^|/)\.asdf/asdf\.sh$|(^|/)\.ghcup/env$|(^|/)\.rvm/scripts/rvm$|"
    r"^/opt/ros/[\w.-]+/setup\.(bash|zsh|sh)$|(^|/)etc/profile\.d/conda\.sh$|"
    r"^/etc/profile$|^/etc/bash_completion$|(^|/)emsdk_env\.sh$|^/opt/intel/oneapi/setvars\.sh$"
)


def setup_script(value: str, ctx: Context) -> bool:
    """`source .venv/bin/activate`, `. "$HOME/.cargo/env"`: a tool's own set-up script (not one
    fetched or written in this line)."""
    normal = paths.normalise(value)
    name = posixpath.basename(normal)
    if name in ctx.downloads or name in ctx.written:
        return False
    return bool(_SETUP_SCRIPTS.search(normal))


RULES: dict[str, Rule] = dict.fromkeys(_OPENERS, opener)
