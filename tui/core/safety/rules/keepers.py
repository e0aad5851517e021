"""Process keepers that restart a program whenever it stops and bring it back at boot: pm2.

Decisions: `pm2 start X` is MODERATE like running X in the background, CRITICAL when X is a
hidden program or one in a folder anyone can write (it is kept alive and, after `pm2 save` and
`pm2 startup`, started at every boot); `pm2 startup` and `pm2 save` are MODERATE; the listings
are SAFE.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import MODERATE, Rule
from tui.core.safety.words import split_words

_READS = frozenset(
    split_words("list ls l status jlist prettylist show describe info logs monit ps env ping")
)
_STARTS = frozenset(split_words("start restart reload"))


def pm2(command: Command, ctx: Context) -> None:
    from tui.core.safety.rules.persistence import hidden  # imported here: a cycle

    argv = command.argv
    verb = argv[0] if argv else ""
    if not verb or verb in _READS:
        return
    if verb in _STARTS:
        program = next((a for a in argv[1:] if not a.startswith("-")), "")
        hidden(program, "pm2 (restarted whenever it stops)", command, ctx)
        ctx.add(MODERATE, f"keeps {program or 'a program'} running, restarted if it stops", command)
    elif verb == "startup":
        ctx.add(MODERATE, "makes pm2 start its saved programs at every boot (pm2 startup)", command)
    else:
        ctx.add(MODERATE, f"changes the programs pm2 keeps running (pm2 {verb})", command)


RULES: dict[str, Rule] = {"pm2": pm2}
