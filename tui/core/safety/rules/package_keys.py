"""pacman's keyring: which signing keys the package manager trusts.

Listing, showing fingerprints and verifying only read. `--lsign-key` makes pacman trust every
package that key signs, as `rpm --import` does (HIGH); `--delete` drops a key's trust and
`--init`, `--populate`, `--refresh-keys` and fetching or adding a key not yet signed are
routine upkeep (MODERATE).
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_READS = frozenset(
    split_words("-l --list-keys --list-sigs -f --finger --fingerprint -v --verify -e --export")
)
_TRUSTS = frozenset(split_words("--lsign-key --lsign"))


def pacman_key(command: Command, ctx: Context) -> None:
    options = {a.split("=", 1)[0] for a in command.argv if a.startswith("-")}
    if options & _TRUSTS:
        reason = "trusts a new package signing key for the whole system (pacman-key --lsign-key)"
        ctx.add(HIGH, reason, command)
    elif options and options <= _READS | {"--keyring", "--gpgdir", "--config"}:
        return
    else:
        ctx.add(MODERATE, "changes the keys pacman trusts (pacman-key)", command)


RULES: dict[str, Rule] = {"pacman-key": pacman_key}
