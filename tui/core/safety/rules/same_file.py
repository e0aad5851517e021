"""A tool told to write the file it reads, by its own options: `openssl enc -in f -out f`,
`uniq f f`, `tee f < f`. The output is opened (and emptied) before the input is
read, so the file's content is lost, as with `sort f > f`. (`sort -o f f` and `sed -i` read
everything first, and are left alone.)
"""

from __future__ import annotations

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, Rule

# Per tool: its input options and its output options (uniq takes `uniq IN OUT` instead).
_OPTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "openssl": (("-in",), ("-out",)),
    "uniq": ((), ()),
    "tee": ((), ()),
}


def same_file(command: Command, ctx: Context) -> None:
    inputs, outputs = _OPTIONS[command.name]
    argv = command.argv
    read: list[str] = []
    written: list[str] = []
    operands: list[str] = []
    index = 0
    while index < len(argv):
        value = argv[index]
        following = argv[index + 1] if index + 1 < len(argv) else ""
        if value in inputs:
            read.append(following)
            index += 2
            continue
        if value in outputs:
            written.append(following)
            index += 2
            continue
        if not value.startswith("-"):
            operands.append(value)
        index += 1
    if command.name == "uniq" and len(operands) == 2:  # `uniq IN OUT`
        read, written = operands[:1], operands[1:]
    if command.name == "tee" and not {"-a", "--append"} & set(argv):  # `tee f < f`
        read = [r.target.value for r in command.redirects if r.op == "<" and r.target]
        written = operands
    same = {paths.normalise(w) for w in written if w} & {paths.normalise(r) for r in read if r}
    if same:
        target = sorted(same)[0]
        reason = f"empties {target} before it is read: its content is lost ({command.name})"
        ctx.add(HIGH, reason, command)


EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = dict.fromkeys(_OPTIONS, (same_file,))
