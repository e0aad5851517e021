"""`COPY (SELECT ...) TO PROGRAM 'cmd'`: PostgreSQL pipes the rows into a shell command.

databases.py rates the command itself; what matters here is what it is fed: a table. A program
that sends its input on (`curl -d @-`, `nc host 9`) sends the table to another machine, rated
CRITICAL: the server itself, not a person, ships the data out.
"""

from __future__ import annotations

import re
import shlex

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, Rule
from tui.core.safety.rules.network import command_kinds
from tui.core.safety.words import literal

_TO_PROGRAM = lazy_pattern(r"\bto\s+program\s+'(?P<code>(?:[^']|'')*)'", re.I)


def rows_to_program(command: Command, ctx: Context) -> None:
    texts = [word.value for word in command.args]
    texts += [r.body.value for r in command.redirects if r.body is not None]
    for text in texts:
        for match in _TO_PROGRAM.finditer(text):
            program = match.group("code").replace("''", "'")
            if _sends_input(program):
                reason = "the database server sends table rows to another machine (TO PROGRAM)"
                ctx.add(CRITICAL, reason, command)
                return


def _sends_input(program: str) -> bool:
    """`curl -d @- URL`, `nc host 9`, `ssh host 'cat > f'`: what comes in goes out."""
    try:
        words = shlex.split(program)
    except ValueError:
        return False
    stage = Command(words=tuple(map(literal, words)), text=program)
    return bool(command_kinds(stage) & _SENDING)


_SENDING = frozenset(("upload", "network", "send"))


EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {"psql": (rows_to_program,)}
