"""What goes wrong with a config: a file with problems (each with its line), an unknown backend."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tui.core.errors import CaroError

BROKEN_FILE_FIX = "fix the lines above; caro never rewrites a broken file"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file, at its line when known."""

    message: str
    line: int | None = None


class ConfigError(CaroError):
    """Every problem found in a config file, each with its line where it has one."""

    def __init__(self, path: Path, problems: list[Problem], fix: str = BROKEN_FILE_FIX) -> None:
        self.path = path
        self.problems = problems
        lines = [
            f"{path}:{p.line}: {p.message}" if p.line else f"{path}: {p.message}" for p in problems
        ]
        super().__init__(
            "the config file has problems (it was not changed):\n  " + "\n  ".join(lines), fix
        )


class UnknownBackendError(CaroError, ValueError):
    def __init__(self, name: str, available: tuple[str, ...]) -> None:
        self.name = name
        self.available = available
        super().__init__(f"unknown backend {name!r}; available: {', '.join(available) or 'none'}")
