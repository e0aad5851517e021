"""nvidia-smi reports the GPUs; its options that reset a GPU, change its clocks, power limit or
compute mode change the hardware's state for every program using it."""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_RESETS = frozenset(split_words("-r --gpu-reset"))
_CHANGES = frozenset(
    split_words(
        "-pm --persistence-mode -e --ecc-config -c --compute-mode -pl --power-limit -ac "
        "--applications-clocks -rac -lgc --lock-gpu-clocks -lmc --lock-memory-clocks -rgc -rmc "
        "-mig --multi-instance-gpu -am --accounting-mode -caa"
    )
)


def nvidia_smi(command: Command, ctx: Context) -> None:
    names = {a.split("=", 1)[0] for a in command.argv}
    if names & _RESETS:
        ctx.add(HIGH, "resets a GPU: every program on it loses its work (nvidia-smi)", command)
    elif names & _CHANGES:
        ctx.add(MODERATE, "changes a GPU's power, clocks or mode (nvidia-smi)", command)


RULES: dict[str, Rule] = {"nvidia-smi": nvidia_smi}
