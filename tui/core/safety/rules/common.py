"""Helpers the rules share: reading options and operands the way most utilities do."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tui.core.safety.context import Context
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.words import Word

Rule = Callable[[Command, Context], None]
SAFE = RiskLevel.SAFE
MODERATE = RiskLevel.MODERATE
HIGH = RiskLevel.HIGH
CRITICAL = RiskLevel.CRITICAL


@dataclass(frozen=True)
class Options:
    """Short option letters, long options (with their values) and operands of a command."""

    short: frozenset[str]
    long: dict[str, str]
    operands: tuple[Word, ...]
    values: dict[str, str]

    def has(self, *names: str) -> bool:
        """True if any of `-x` (one letter) or `--name` was given."""
        for name in names:
            if name.startswith("--") and name in self.long:
                return True
            if not name.startswith("--") and name[1:] in self.short:
                return True
        return False

    def value(self, *names: str) -> str | None:
        for name in names:
            if name in self.values:
                return self.values[name]
            if self.long.get(name):
                return self.long[name]
        return None


def options(command: Command, takes_value: str = "") -> Options:
    """Splits arguments into options and operands; `takes_value` lists options with a value."""
    takes = frozenset(takes_value.split())
    short: set[str] = set()
    long: dict[str, str] = {}
    values: dict[str, str] = {}
    operands: list[Word] = []
    args = command.args
    index = 0
    while index < len(args):
        value = args[index].value
        nxt = args[index + 1].value if index + 1 < len(args) else ""
        if value == "--":
            operands.extend(args[index + 1 :])
            break
        if value.startswith("--"):
            name, sep, val = value.partition("=")
            if not sep and name in takes:
                val, index = nxt, index + 1
            long[name] = val
        elif value.startswith("-") and len(value) > 1:
            index = _short_cluster(value, nxt, index, takes, short, values)
        else:
            operands.append(args[index])
        index += 1
    return Options(frozenset(short), long, tuple(operands), values)


def _short_cluster(
    value: str, nxt: str, index: int, takes: frozenset[str], short: set[str], values: dict[str, str]
) -> int:
    for position, letter in enumerate(value[1:], start=1):
        short.add(letter)
        if f"-{letter}" in takes:
            rest = value[position + 1 :]
            if rest:
                values[f"-{letter}"] = rest
                return index
            values[f"-{letter}"] = nxt
            return index + 1
    return index


def subcommand(command: Command, takes_value: str = "") -> tuple[str, Command]:
    """(`sub`, rest) for `tool [global options] sub args...` (git, docker, apt, ...)."""
    takes = frozenset(takes_value.split())
    args = command.args
    index = 0
    while index < len(args) and args[index].value.startswith("-"):
        value = args[index].value
        index += 2 if value in takes else 1
    if index >= len(args):
        return "", command.wrapped((), command.name)
    rest = command.wrapped((args[index], *args[index + 1 :]), command.name)
    return args[index].value, rest


_DIGITS_KEPT = 18


def number(digits: str) -> int:
    """`digits` as a number; beyond 18 digits, 10**18 (Python refuses to convert thousands of
    digits, and no count or size that large means anything but "without end")."""
    return int(digits) if len(digits) <= _DIGITS_KEPT else 10**_DIGITS_KEPT
