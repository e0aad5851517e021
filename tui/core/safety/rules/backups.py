"""Backup tools' own deletes: `borg delete REPO` removes the repository and every backup in it
(HIGH); one archive (`REPO::NAME`), a prune that keeps a schedule, or a dry run stay moderate.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule

_READS = frozenset(("list", "info", "check", "diff", "version", "help", "benchmark"))


def borg(command: Command, ctx: Context) -> None:
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    verb = words[0] if words else ""
    if verb in _READS or not verb:
        return
    if verb != "delete":
        ctx.add(MODERATE, f"changes a backup repository (borg {verb})", command)
    elif any(a in ("-n", "--dry-run") for a in argv):
        ctx.add(MODERATE, "shows what borg delete would remove (--dry-run)", command)
    elif any("::" in w for w in words[1:]) or "--glob-archives" in argv or "-a" in argv:
        ctx.add(MODERATE, "deletes some backup archives (borg delete)", command)
    else:
        reason = "deletes a whole backup repository and every backup in it (borg delete)"
        ctx.add(HIGH, reason, command)


RULES: dict[str, Rule] = {"borg": borg}
