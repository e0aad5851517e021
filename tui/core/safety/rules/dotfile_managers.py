"""Dotfile managers that write a person's settings files from a source folder: chezmoi. Told
to force (`chezmoi apply --force`), it overwrites every managed file in the home, local edits
included, without the question it would otherwise ask. Its reports only read.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_READS = frozenset(
    split_words(
        "diff status data doctor managed unmanaged cat source-path target-path verify dump "
        "execute-template ignored help completion cat-config dump-config license list"
    )
)
_WRITES = frozenset(split_words("apply update init re-add add merge-all"))
_LOSSES = frozenset(split_words("purge destroy forget"))


def chezmoi(command: Command, ctx: Context) -> None:
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    verb = words[0] if words else ""
    dry = "--dry-run" in argv or "-n" in argv
    if not verb or verb in _READS or dry:
        return
    forced = "--force" in argv
    if verb in _LOSSES:
        ctx.add(HIGH, f"deletes what chezmoi manages or keeps (chezmoi {verb})", command)
    elif verb in _WRITES and forced and (verb != "init" or "--apply" in argv):
        reason = "overwrites every managed dotfile, local edits included, without asking"
        ctx.add(HIGH, f"{reason} (chezmoi {verb} --force)", command)
    ctx.add(MODERATE, f"writes your dotfiles from chezmoi's source (chezmoi {verb})", command)


RULES: dict[str, Rule] = {"chezmoi": chezmoi}
