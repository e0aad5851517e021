"""`update-alternatives`: which program a generic name (`python3`, `editor`, `java`) runs.

Pointing `python3` (or `perl`) at another version changes the interpreter the
distribution's own tools run on: apt, dnf and cloud-init may stop working (HIGH). Other
alternatives are routine (MODERATE); `--display`, `--query`, `--list` and `--get-selections`
only show.
"""

from __future__ import annotations

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_READS = frozenset(split_words("--display --query --list --get-selections --help --version"))
_SYSTEM_NAMES = lazy_pattern(r"^(/usr/bin/)?(python3|perl)$")


def update_alternatives(command: Command, ctx: Context) -> None:
    argv = command.argv
    if _READS & set(argv):
        return
    action = next((a for a in argv if a in ("--install", "--set", "--config")), "")
    operands = [a for a in argv if not a.startswith("-")]
    if action and any(_SYSTEM_NAMES.match(a) for a in operands[:2]):
        name = next(a for a in operands[:2] if _SYSTEM_NAMES.match(a)).rsplit("/", 1)[-1]
        reason = f"points the system's {name} at another version: its own tools may stop working"
        ctx.add(HIGH, reason, command)
        return
    doubtful = [a for a in operands if paths.is_world_writable(a)]
    if action and doubtful:
        reason = f"makes a system-wide command run {doubtful[0]}, in a folder anyone can write"
        ctx.add(HIGH, reason, command)
        return
    ctx.add(MODERATE, f"changes the system ({command.name})", command)


RULES: dict[str, Rule] = {
    "update-alternatives": update_alternatives,
    "alternatives": update_alternatives,
}
