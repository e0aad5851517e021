"""Exhausting the machine: endless loops that start processes or fill the disk, endless streams.

`while true; do sh & done` is a fork bomb written as a loop (CRITICAL); `yes > f`,
`cat /dev/zero > f` and `dd if=/dev/zero of=f` without a count fill the disk (HIGH);
`tail /dev/zero` or `sort /dev/urandom` eat all memory (HIGH).
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

ENDLESS = frozenset({"/dev/zero", "/dev/urandom", "/dev/random"})
_FOREVER = re.compile(
    r"^\s*(while\s+(true|:|\[\s*1\s*\]|\(\(\s*1\s*\)\)|\[\s*true\s*\]|/bin/true)|"
    r"until\s+(false|/bin/false)|for\s*\(\(\s*;\s*;\s*\)\))"
)
_BACKGROUND = re.compile(r"(?<![&>|])&(?!&|>)\s*(;|done|\n|$|\})")
_GROWS = re.compile(r">>|\bmkdir\b|\bfallocate\b|\bdd\b|\bcp\b|\btouch\b")
_MEMORY_EATERS = frozenset(split_words("tail sort tac uniq shuf"))


def endless_loop(text: str) -> tuple[RiskLevel, str] | None:
    """(level, reason) for an endless loop that forks or fills the disk, else None."""
    if not _FOREVER.match(text):
        return None
    body = text.split("do", 1)[1] if " do" in text or ";do" in text else text
    if _BACKGROUND.search(body) or "fork" in body:
        return CRITICAL, "starts new processes in an endless loop (fork bomb): the machine freezes"
    if _GROWS.search(body):
        return HIGH, "writes in an endless loop until the disk is full"
    return None


def yes(command: Command, ctx: Context) -> None:
    for target in _written_files(command):
        ctx.add(HIGH, f"writes without end into {target}: fills the disk", command)


def endless_reader(command: Command, ctx: Context) -> None:
    """`cat /dev/zero > f`, `tail /dev/zero`: an endless stream into a file or memory."""
    sources = [w.value for w in command.args if w.value in ENDLESS]
    sources += [
        r.target.value
        for r in command.redirects
        if r.op == "<" and r.target is not None and r.target.value in ENDLESS
    ]
    if not sources:
        return
    if command.name in _MEMORY_EATERS:
        ctx.add(HIGH, f"reads the endless {sources[0]} into memory: the machine runs out", command)
        return
    for _target in _written_files(command):
        ctx.add(HIGH, f"copies the endless {sources[0]} into a file: fills the disk", command)


def _written_files(command: Command) -> list[str]:
    return [
        r.target.value
        for r in command.redirects
        if r.writes and r.target is not None and r.target.value not in ENDLESS | {"/dev/null"}
    ]


def dd_fill(command: Command, ctx: Context) -> None:
    settings = dict(arg.partition("=")[::2] for arg in command.argv if "=" in arg)
    if settings.get("if") in ENDLESS and "count" not in settings and settings.get("of"):
        target = settings["of"]
        if not target.startswith("/dev/"):
            ctx.add(HIGH, f"writes {settings['if']} into {target} until the disk is full", command)


def stress(command: Command, ctx: Context) -> None:
    ctx.add(MODERATE, f"loads the machine on purpose ({command.name})", command)


RULES: dict[str, Rule] = {
    "yes": yes,
    "stress": stress,
    "stress-ng": stress,
}
