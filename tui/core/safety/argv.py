"""Reading a wrapper's own options to find where the command it runs begins."""

from __future__ import annotations

from tui.core.safety.words import Word


def skip_options(args: tuple[Word, ...], takes_value: frozenset[str]) -> int:
    """Index of the first argument after the options (`--` ends them)."""
    index = 0
    while index < len(args):
        value = args[index].value
        if value == "--":
            return index + 1
        if not value.startswith("-") or value == "-":
            return index
        if value.startswith("--"):
            needs = "=" not in value and value in takes_value
        else:
            needs = value in takes_value or (
                len(value) > 2 and f"-{value[-1]}" in takes_value and value[:2] not in takes_value
            )
        index += 2 if needs else 1
    return index
