"""The files and folders a command line writes, recorded as its commands are checked, so that a
later command's rule can ask "did this line put something there?" (a folder put first in PATH,
a key let into authorized_keys) from what was written, not from the words of earlier reasons.
"""

from __future__ import annotations

import posixpath

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import options

# Programs whose last operand (or `-t DIR`) is where they write.
_COPIERS = frozenset({"cp", "mv", "install", "ln", "rsync"})
# Options that take a value, per program, so that the value is not taken for an operand.
_COPY_VALUES = "-t -S -m -o -g -Z --target-directory --suffix --mode --owner --group -e --rsh"


def record_writes(command: Command, ctx: Context) -> None:
    """Adds the paths `command` writes to `ctx.wrote`."""
    for path in _targets(command):
        if path:
            ctx.wrote.add(normal(ctx.resolve(path)))


def normal(path: str) -> str:
    """`$HOME/b/` and `${HOME}/b` as `~/b`; `./x` as `x`: one spelling per place."""
    for home in ("${HOME}", "$HOME"):
        if path == home or path.startswith(home + "/"):
            path = "~" + path[len(home) :]
    return posixpath.normpath(path) if path else path


def wrote_into(folder: str, ctx: Context) -> bool:
    """An earlier command of this line wrote `folder` (copied into it) or a file right in it."""
    folder = normal(ctx.resolve(folder))
    return folder not in ("", ".") and any(
        folder in (path, posixpath.dirname(path)) for path in ctx.wrote
    )


def wrote_named(name: str, ctx: Context) -> bool:
    """An earlier command of this line wrote a file whose base name starts with `name`."""
    return any(posixpath.basename(path).startswith(name) for path in ctx.wrote)


def _targets(command: Command) -> list[str]:
    found = [r.target.value for r in command.redirects if r.writes and r.target is not None]
    name = command.name
    if name in _COPIERS:
        opts = options(command, _COPY_VALUES)
        directory = opts.value("-t", "--target-directory")
        operands = [word.value for word in opts.operands]
        if directory:
            found.append(directory)
        elif len(operands) >= 2:
            found.append(operands[-1])
    elif name == "tee":
        found += [word.value for word in options(command).operands]
    elif name == "curl":
        opts = options(command, "-o --output -d --data -H -F -u -X -A -e -T")
        found += [v for v in (opts.value("-o", "--output"),) if v]
    elif name == "wget":
        opts = options(command, "-O --output-document -P --directory-prefix -o -U")
        chosen = (opts.value("-O", "--output-document"), opts.value("-P", "--directory-prefix"))
        found += [v for v in chosen if v and v != "-"]
    elif name == "dd":
        found += [arg[3:] for arg in command.argv if arg.startswith("of=")]
    return found
