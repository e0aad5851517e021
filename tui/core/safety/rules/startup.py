"""Variables that make a program run code it was not given on its command line.

A shell started with `BASH_ENV=FILE` (or `ENV=FILE` for an interactive `sh`) first runs FILE;
an interactive one with `PROMPT_COMMAND=CODE` runs CODE before each prompt; any program
started with `LD_PRELOAD=LIB` (or `LD_AUDIT`) loads LIB's code into itself first; and with
`PATH=DIR:$PATH`, a program this line wrote runs in place of the one named. The file or code
is rated as what the shell or program then runs.
"""

from __future__ import annotations

import posixpath
from dataclasses import replace

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.preflight import BUILTINS
from tui.core.safety.rules.code import run_script, run_written
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.unwrap import SHELLS
from tui.core.safety.words import Word, literal
from tui.core.safety.written import wrote_into

SCRIPT_VARIABLES = frozenset(("BASH_ENV", "ENV"))
LIBRARY_VARIABLES = frozenset(("LD_PRELOAD", "LD_AUDIT", "DYLD_INSERT_LIBRARIES"))
# Where libraries come from a package, not from whoever could write a file.
_LIBRARY_FOLDERS = ("/usr/lib", "/lib", "/usr/lib64", "/lib64", "/usr/local/lib", "/opt/")


def prefixed(command: Command, ctx: Context, assignments: list[tuple[str, Word]]) -> None:
    """`BASH_ENV=FILE bash -c ...`, `LD_PRELOAD=LIB prog`: set for this command only."""
    for name, value in assignments:
        if not value.value.strip():
            continue
        if name in SCRIPT_VARIABLES and command.name in SHELLS:
            run_script(command, ctx, value, "shell")  # the shell reads FILE before anything
        elif name == "PROMPT_COMMAND" and command.name in SHELLS:
            ctx.run_code(value, command)
        elif name in ("PS1", "PS2", "PS4") and command.name in SHELLS:
            for code in prompt_code(name, value):  # `PS4='$(CMD)' bash -x`: CMD runs
                ctx.run_code(literal(code), command)
        elif name in LIBRARY_VARIABLES:
            preloaded(name, value, ctx, command)
        elif name == "PATH":  # `PATH=/tmp:$PATH ls` after writing /tmp/ls: that file runs
            run_written(command, ctx)
            lead = planted_lead(value, ctx)
            if lead is not None:
                looked_up(command, ctx, lead)


# `$(CMD)` or `` `CMD` `` in a prompt: run each time the prompt is shown.
_PROMPT_CODE = lazy_pattern(r"\$\(([^()]+)\)|`([^`]+)`")


def prompt_code(name: str, value: Word) -> list[str]:
    """The commands a prompt (`PS1`, `PS2`, `PS4`) runs each time it is shown."""
    if name not in ("PS1", "PS2", "PS4"):
        return []
    return [m.group(1) or m.group(2) for m in _PROMPT_CODE.finditer(value.raw)]


def planted_lead(value: Word, ctx: Context) -> str | None:
    """The folder a PATH value puts before the system's folders that someone else could have
    filled: the current folder (`.` or an empty entry), a folder anyone can write (/tmp), or
    one this line wrote to. None for `$HOME/.local/bin:$PATH` or `$PATH:/tmp`."""
    parts = value.value.split(":")
    system = next((i for i, p in enumerate(parts) if p in ("${PATH}", "$PATH")), len(parts))
    for part in parts[:system]:
        if part in ("", ".", "./"):
            return "the current folder"
        if paths.is_world_writable(part) or wrote_into(part, ctx):
            return part
    return None


def looked_up(command: Command, ctx: Context, lead: str) -> None:
    """`export PATH=/tmp:$PATH; ls`: a program named without a folder is looked for in
    `lead` first; whatever was put there as `ls` runs in its place."""
    if not command.words or command.words[0].dynamic:
        return
    name = command.words[0].value
    if not name or "/" in name or name in BUILTINS or name in ctx.functions or "=" in name:
        return
    reason = (
        f"runs {name} with {lead} first in PATH: a program planted there as {name} runs "
        "instead of the system's"
    )
    ctx.add(HIGH, reason, command)


def preloaded(name: str, value: Word, ctx: Context, command: Command | str) -> None:
    """A library loaded into every program the variable reaches: HIGH unless it is one a
    package put in a system library folder (`LD_PRELOAD=/usr/lib/libjemalloc.so`)."""
    libraries = value.value.replace(":", " ").split()
    trusted = all(
        paths.normalise(library).startswith(_LIBRARY_FOLDERS)
        and not paths.is_world_writable(library)
        for library in libraries
    )
    shown = value.value.strip()[:60]
    fetched = [lib for lib in libraries if posixpath.basename(lib) in ctx.downloads]
    if fetched and not trusted:
        reason = f"loads {fetched[0]}, just downloaded, into the programs it starts ({name})"
        ctx.add(CRITICAL, f"{reason}: code from the internet runs inside them", command)
        return
    if trusted and not value.dynamic:
        ctx.add(
            MODERATE, f"loads the library {shown} into the programs it starts ({name})", command
        )
        return
    reason = f"loads {shown} into the programs it starts ({name}): its code runs inside them"
    ctx.add(HIGH, reason, command)


def env(command: Command, ctx: Context) -> None:
    """`env BASH_ENV=FILE bash`, `env LD_PRELOAD=LIB prog`: as if written before the program."""
    args = command.args
    assignments: list[tuple[str, Word]] = []
    index = 0
    while index < len(args):
        value = args[index].value
        if value.startswith("-"):
            index += 2 if value in ("-u", "-C", "--unset", "--chdir") else 1
            continue
        name, sep, rest = value.partition("=")
        if not sep or not name.isidentifier():
            break
        assignments.append((name, replace(args[index], value=rest)))
        index += 1
    if assignments and index < len(args):
        prefixed(command.wrapped(args[index:], "env"), ctx, assignments)


RULES: dict[str, Rule] = {"env": env}
