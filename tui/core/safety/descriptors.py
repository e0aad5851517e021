"""File descriptors a shell or interpreter may read its program from.

`bash /dev/fd/3 3<<< 'CODE'`, `exec 3< <(curl URL); bash /dev/fd/3`, `exec 4<<< 'CODE';
sh <&4`: what was opened on descriptor N, on the command itself or by an earlier `exec`, is
the program. Each source is kept as (kind, word): "text" for a here-string or here-document
(the word is the code), "file" for `N< path` or `N< <(...)` (the word is the path, whose
substitutions say where it came from).
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command, Redirect
from tui.core.safety.words import Word

_FD_PATH = lazy_pattern(r"^/(?:dev/fd|proc/self/fd|dev/stdin)(?:/(?P<fd>\d{1,3}))?$")


def fd_of_path(path: str) -> str | None:
    """`/dev/fd/3` -> "3", `/proc/self/fd/0` and `/dev/stdin` -> "0", other paths -> None."""
    match = _FD_PATH.match(path)
    if match is None:
        return None
    return match.group("fd") or ("0" if path == "/dev/stdin" else None)


def source_of(redirect: Redirect) -> tuple[str, Word] | None:
    """What one input redirection opens: ("text", code) or ("file", path)."""
    if redirect.op in ("<<", "<<<") and redirect.body is not None:
        return "text", redirect.body
    if redirect.op in ("<", "<>") and redirect.target is not None:
        return "file", redirect.target
    return None


def remember(ctx: Context, command: Command) -> None:
    """`exec 3< <(curl URL)`, `exec 4<<< 'CODE'`: descriptors opened for the rest of the line."""
    if command.name != "exec" or len(command.words) != 1:
        return
    for redirect in command.redirects:
        source = source_of(redirect)
        if source is not None and redirect.fd not in ("", "0"):
            ctx.descriptors[redirect.fd] = source


def opened(command: Command, ctx: Context, fd: str) -> tuple[str, Word] | None:
    """The source of descriptor `fd` for `command`: its own redirections first."""
    for redirect in command.redirects:
        if (redirect.fd or "0") == fd:
            source = source_of(redirect)
            if source is not None:
                return source
    return ctx.descriptors.get(fd)
