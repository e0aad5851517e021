"""A program told to replace what is there (`--force`, `--overwrite`) and handed a path whose
loss matters: a private key (`/etc/ssl/private/server.key`, `~/.ssh/id_ed25519`) or any file
whose overwrite caro already rates high. Whatever the program (step, mkcert, certtool, a tool
caro does not know), the force option removes the only question that would have saved it.

step (smallstep's command line) is rated here too: its reports (`certificate inspect`,
`certificate verify`) only read; what it creates lands where its operands say.
"""

from __future__ import annotations

from tui.core.safety import flow
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.targets import classify_write
from tui.core.safety.words import split_words

_FORCE = frozenset(split_words("--force -f --overwrite --force-overwrite --yes-overwrite"))


def _forced(argv: list[str]) -> str | None:
    return next((a for a in argv if a.split("=", 1)[0] in _FORCE), None)


def unknown_forced(command: Command, ctx: Context) -> None:
    """`step certificate create ... /etc/ssl/private/server.key --force`: the key is replaced."""
    force = _forced(command.argv)
    if force is None:
        return
    values = [a.split("=", 1)[-1] for a in command.argv if a not in _FORCE]
    for value in values:
        if value.startswith("-") or ("/" not in value and not value.startswith("~")):
            continue
        path = ctx.resolve(value)
        verdict = classify_write(path, append=False)
        if verdict is not None and verdict.level >= HIGH:
            ctx.add(verdict.level, f"{verdict.reason} (told to replace it: {force})", command)
            return
        what = flow.secret_path(path)
        if what and "key" in what.lower():
            reason = f"replaces {value}, {what}, by force ({force}): the key in use is lost"
            ctx.add(HIGH, reason, command)
            return


# step's subcommands that only report or check.
_STEP_READS = frozenset(
    split_words("inspect fingerprint verify lint needs-renewal format version path list help")
)


def step(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    if not words or set(words[:3]) & _STEP_READS:
        return
    unknown_forced(command, ctx)
    ctx.add(MODERATE, f"creates or changes keys and certificates (step {words[0]})", command)


RULES: dict[str, Rule] = {"step": step}
