"""ripgrep's `--pre PROGRAM`: PROGRAM runs on every file searched (`rg --pre rm x ~` hands
each file of the home to rm). What it runs is rated by unwrap.py as `PROGRAM FILES`; a program
kept in a folder anyone can write is a finding here."""

from __future__ import annotations

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, Rule


def pre_program(argv: list[str]) -> str | None:
    """The program of `--pre PROGRAM` or `--pre=PROGRAM`, if any."""
    for index, value in enumerate(argv):
        if value == "--pre" and index + 1 < len(argv):
            return argv[index + 1]
        if value.startswith("--pre="):
            return value.split("=", 1)[1]
    return None


def ripgrep(command: Command, ctx: Context) -> None:
    program = pre_program(command.argv)
    if program is not None and paths.is_world_writable(program):
        reason = f"rg runs {program} on every file it searches, a program anyone can replace"
        ctx.add(HIGH, reason, command)


RULES: dict[str, Rule] = {"rg": ripgrep}
