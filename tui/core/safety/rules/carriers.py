"""Programs whose work is to run another command: GNU parallel, nsenter, toybox, terminals.

The command they carry is found by unwrap.py and rated as itself; these rules rate the carrier
alone: nothing when it carries a command, what it does otherwise (`parallel` without a command
runs the lines of its input; `nsenter -t 1` without one opens a shell inside pid 1's world).
"""

from __future__ import annotations

from dataclasses import replace

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.code import stdin_code
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.rules.config_management import salt
from tui.core.safety.rules.exposure import remote_terminal
from tui.core.safety.unwrap import inner_of
from tui.core.safety.words import literal, split_words

_TERMINALS = split_words("xterm uxterm gnome-terminal konsole alacritty kitty xfce4-terminal urxvt")


def _carries(command: Command) -> bool:
    inner = inner_of(command)
    return bool(inner.commands or inner.code)


def parallel(command: Command, ctx: Context) -> None:
    if _carries(command) or {"--dry-run", "--dryrun"} & set(command.argv):
        return  # what it carries is rated; a dry run prints the commands, runs none
    stdin = command.stdin
    if stdin is not None and stdin.kinds & {"download", "decode", "remote"}:
        ctx.add(CRITICAL, "parallel runs each line of a download as a command", command)
    elif stdin is not None or any(w.value in ("-a", "--arg-file", "::::") for w in command.args):
        ctx.add(HIGH, "parallel runs each line it reads as a command", command)
        if stdin is not None:  # `echo 'rm -rf ~' | parallel`: the lines are rated as code
            stdin_code(replace(command, words=(literal("sh"),)), ctx, "shell")
    else:
        ctx.add(MODERATE, "parallel runs commands it is given later", command)


def nsenter(command: Command, ctx: Context) -> None:
    if _carries(command):
        return
    values = [w.value for w in command.args]
    if any(v in ("-t", "--target") for v in values) or any(
        v.startswith("--target=") for v in values
    ):
        ctx.add(HIGH, "opens a shell inside another process's namespaces (nsenter)", command)
    else:
        ctx.add(MODERATE, "starts a shell in other namespaces (nsenter)", command)


def carrier(command: Command, ctx: Context) -> None:
    if not _carries(command):
        ctx.add(MODERATE, f"opens a program ({command.name})", command)


def terminal(command: Command, ctx: Context) -> None:
    """A terminal window that carries no command: rated by the screen it opens on."""
    if not _carries(command):
        remote_terminal(command, ctx)


def many_machines(command: Command, ctx: Context) -> None:
    """pssh, pdsh: the command they carry is rated; they reach other machines."""
    ctx.add(MODERATE, f"runs commands on other machines or containers ({command.name})", command)


RULES: dict[str, Rule] = {
    "parallel": parallel,
    "nsenter": nsenter,
    "toybox": carrier,
    "chroot": carrier,
    **dict.fromkeys(split_words("pssh parallel-ssh pdsh clush"), many_machines),
    "salt": salt,  # what the salt function does on each machine (config_management.py)
    **dict.fromkeys(_TERMINALS, terminal),
}
