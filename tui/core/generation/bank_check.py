"""Mechanical checks of the example bank that need no other program: every line an example,
every command one line that parses (tree-sitter-bash), no <placeholders>, no request twice,
and no request that a dev set also holds.

Flags are checked against each utility's own `--help` and man page by `scripts/check_data.py`
(that runs programs, so it is not part of the test suite); the test suite runs these checks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.core.generation.bank import BankFile, Example, request_key
from tui.core.safety.parse import parse, syntax_errors

BANK_KEYS = frozenset({"request", "command", "category", "utility"})
MAX_COMMAND_CHARS = 160
_PLACEHOLDER = re.compile(r"(?:^|[\s=/])<[A-Za-z_][A-Za-z0-9_ -]*>(?:$|[\s/])")


@dataclass(frozen=True)
class Row:
    file: str
    line: int
    example: Example


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def read_rows(files: Sequence[BankFile]) -> tuple[list[Row], list[Problem]]:
    """Every line of every file as a row, or as a problem when it is not an example."""
    rows: list[Row] = []
    problems: list[Problem] = []
    for file in sorted(files, key=lambda f: f.name):
        for number, line in enumerate(file.text.splitlines(), start=1):
            if not line.strip():
                continue
            row, problem = _read_line(file.name, number, line)
            if row is not None:
                rows.append(row)
            if problem is not None:
                problems.append(problem)
    return rows, problems


def _read_line(name: str, number: int, line: str) -> tuple[Row | None, Problem | None]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        return None, Problem(name, number, f"not JSON ({error.msg})")
    if not isinstance(value, dict) or set(value) != BANK_KEYS:
        keys = sorted(value) if isinstance(value, dict) else type(value).__name__
        return None, Problem(name, number, f"keys {keys} are not {sorted(BANK_KEYS)}")
    if not all(isinstance(value[key], str) for key in BANK_KEYS):
        return None, Problem(name, number, "every value must be a string")
    example = Example(value["request"], value["command"], value["category"], value["utility"])
    return Row(name, number, example), None


def command_problems(command: str) -> list[str]:
    """Why a command cannot be an example ([] when it can)."""
    if not command or command != command.strip() or "\n" in command:
        return ["the command must be one trimmed line"]
    problems = []
    if len(command) > MAX_COMMAND_CHARS:
        problems.append(f"the command is longer than {MAX_COMMAND_CHARS} characters")
    if _PLACEHOLDER.search(command):
        problems.append("the command holds a <placeholder>")
    errors = syntax_errors(parse(command).root_node)
    if errors:
        problems.append("the command does not parse: " + "; ".join(errors))
    return problems


def check_rows(rows: Iterable[Row]) -> list[Problem]:
    """Per-row problems, and requests given twice (the second is the problem)."""
    problems: list[Problem] = []
    first_seen: dict[str, Row] = {}
    for row in rows:
        example = row.example
        if not example.request.strip() or example.request != example.request.strip():
            problems.append(Problem(row.file, row.line, "the request is empty or untrimmed"))
        if not example.category.strip() or not example.key.strip():
            problems.append(Problem(row.file, row.line, "category and utility must be given"))
        for message in command_problems(example.command):
            problems.append(Problem(row.file, row.line, f"{message}: {example.command!r}"))
        key = request_key(example.request)
        if key in first_seen:
            earlier = first_seen[key]
            problems.append(
                Problem(
                    row.file,
                    row.line,
                    f"the same request as {earlier.file}:{earlier.line}: {example.request!r}",
                )
            )
        else:
            first_seen[key] = row
    return problems


def dev_requests(path: Path) -> set[str]:
    """The request keys of a dev set file (JSONL with a "request" field)."""
    keys: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict) and isinstance(value.get("request"), str):
            keys.add(request_key(value["request"]))
    return keys


def overlapping(rows: Iterable[Row], dev: set[str]) -> list[Row]:
    """The bank rows whose request a dev set holds too."""
    return [row for row in rows if request_key(row.example.request) in dev]
