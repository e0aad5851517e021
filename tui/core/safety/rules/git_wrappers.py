"""Programs that are git under another name: yadm (dotfiles in the home folder) and vcsh
(`vcsh REPO GIT-ARGS`) pass their arguments to git, so they are rated as the same git command;
`reset --hard` there throws away changes to the dotfiles as it would in any repository. tig only
shows a repository's history and adds nothing.
"""

from __future__ import annotations

from dataclasses import replace

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import MODERATE, Rule
from tui.core.safety.rules.tools import git
from tui.core.safety.words import literal

_YADM_OWN = frozenset({"bootstrap", "alt", "perms", "encrypt", "decrypt", "transcrypt"})


def yadm(command: Command, ctx: Context) -> None:
    args = command.args
    if args and args[0].raw in _YADM_OWN:
        ctx.add(
            MODERATE, f"changes the dotfiles or runs their set-up (yadm {args[0].raw})", command
        )
        return
    git(replace(command, words=(literal("git"), *args)), ctx)


def vcsh(command: Command, ctx: Context) -> None:
    args = command.args
    if len(args) < 2:
        return
    git(replace(command, words=(literal("git"), *args[1:])), ctx)


def tig(command: Command, ctx: Context) -> None:
    """Only browses history; nothing to add."""


RULES: dict[str, Rule] = {"yadm": yadm, "vcsh": vcsh, "tig": tig}
