"""The files every name lookup reads (/etc/hosts, /etc/resolv.conf, /etc/nsswitch.conf): moved
away, `localhost` and every other name stop resolving."""

from __future__ import annotations

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule

LOOKUP_FILES = frozenset(("/etc/hosts", "/etc/resolv.conf", "/etc/nsswitch.conf"))


def moved_away(command: Command, ctx: Context) -> None:
    """`mv /etc/hosts /tmp/`: the file is gone from where every program looks for it."""
    operands = [a for a in command.argv if not a.startswith("-")]
    if len(operands) < 2:
        return
    moved = [o for o in operands[:-1] if paths.normalise(ctx.resolve(o)) in LOOKUP_FILES]
    if moved and paths.normalise(ctx.resolve(operands[-1])) not in LOOKUP_FILES:
        reason = f"moves {moved[0]} away: names stop resolving, localhost too"
        ctx.add(HIGH, reason, command)


def scutil(command: Command, ctx: Context) -> None:
    """macOS: `scutil --dns`, `--proxy`, `--nwi`, `--get NAME` only show; `--set` changes."""
    argv = command.argv
    if argv[:1] and argv[0] in ("--dns", "--proxy", "--nwi", "--get", "-r", "-w"):
        return
    ctx.add(MODERATE, f"changes system settings (scutil {' '.join(argv[:1])})".strip(), command)


RULES: dict[str, Rule] = {"scutil": scutil}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {"mv": (moved_away,)}
