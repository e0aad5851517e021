"""Fetching someone's public SSH keys from a forge or Launchpad into authorized_keys: whoever
holds those keys logs in here from now on, and the account named is easy to mistype or take."""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, Rule


def ssh_import_id(command: Command, ctx: Context) -> None:
    ids = [a for a in command.argv if not a.startswith("-")]
    if any(a in ("-h", "--help", "-r", "--remove") for a in command.argv) or not ids:
        return
    reason = f"lets whoever holds {ids[-1]}'s online SSH keys log in here (ssh-import-id)"
    ctx.add(CRITICAL, reason, command)


RULES: dict[str, Rule] = {
    "ssh-import-id": ssh_import_id,
    "ssh-import-id-gh": ssh_import_id,
    "ssh-import-id-lp": ssh_import_id,
}
