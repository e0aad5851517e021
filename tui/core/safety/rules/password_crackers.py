"""Programs that crack password hashes or pull saved passwords out of this machine.

`unshadow` joins the account list with the password hashes so a cracker can read them; john and
hashcat guess passwords from hashes (the system's own when given /etc/shadow); LaZagne and
mimipenguin dig saved and in-memory passwords out of the programs on this machine.
"""

from __future__ import annotations

from tui.core.safety import flow
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_CRACKERS = frozenset(split_words("john hashcat ophcrack"))
_HARVESTERS = frozenset(split_words("lazagne laZagne mimipenguin mimipenguin.sh"))
# Only report: a cracker's help, its list of hash formats, or what it cracked earlier.
_CRACKER_READS = frozenset(
    split_words("--list=formats --show --help -h --version -V --example-hashes")
)


def unshadow(command: Command, ctx: Context) -> None:
    reason = "joins the accounts with their password hashes, ready for a cracker (unshadow)"
    ctx.add(HIGH, reason, command)


def cracker(command: Command, ctx: Context) -> None:
    argv = command.argv
    if argv and all(a.split("=", 1)[0] in _CRACKER_READS or a in _CRACKER_READS for a in argv[:1]):
        return
    secret = next(filter(None, (flow.secret_path(a) for a in argv if not a.startswith("-"))), None)
    if secret:
        ctx.add(HIGH, f"tries to crack {secret} ({command.name})", command)
    else:
        ctx.add(MODERATE, f"tries to crack password hashes ({command.name})", command)


def harvester(command: Command, ctx: Context) -> None:
    reason = "pulls the saved and remembered passwords out of this machine's programs"
    ctx.add(HIGH, f"{reason} ({command.name})", command)


RULES: dict[str, Rule] = {
    "unshadow": unshadow,
    **dict.fromkeys(_CRACKERS, cracker),
    **dict.fromkeys(_HARVESTERS, harvester),
}
