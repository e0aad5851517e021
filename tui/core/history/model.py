"""What the history holds: one Entry per request, with its edits and runs, and the errors."""

from __future__ import annotations

import signal as signals
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.errors import CaroError

# How a run was confirmed, from the safety decision's action: "none" when the policy let it run
# without asking, "key" for one key press, "yes" for a typed yes, "word" for the typed first word.
CONFIRMATIONS = ("none", "key", "yes", "word")
# Why a run was stopped before it ended on its own.
STOPS = ("timeout", "cancel")


class HistoryError(CaroError):
    """The history database could not be read or written; `path` says which file."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"history {path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class Recovery:
    """A damaged database that was moved aside (never deleted) so a new one could start."""

    path: Path
    moved_to: Path
    reason: str

    def describe(self) -> str:
        return (
            f"the history database {self.path} was damaged ({self.reason}); "
            f"it was moved to {self.moved_to} and a new one was started"
        )


@dataclass(frozen=True)
class Run:
    started_at: float
    command: str
    confirmed_by: str
    exit_code: int | None
    duration_s: float | None
    signal: int | None = None
    stopped_by: str | None = None

    def describe(self) -> str:
        """`exit 0`, `killed by SIGKILL`, `timed out`, ... for a history listing."""
        if self.stopped_by == "timeout":
            return "timed out"
        if self.stopped_by == "cancel":
            return "cancelled"
        if self.signal is not None:
            return f"killed by {_signal_name(self.signal)}"
        if self.exit_code is None:
            return "running?"
        return f"exit {self.exit_code}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "started_at": self.started_at,
            "command": self.command,
            "confirmed_by": self.confirmed_by,
            "exit_code": self.exit_code,
            "duration_s": self.duration_s,
            "signal": self.signal,
            "stopped_by": self.stopped_by,
        }


def _signal_name(number: int) -> str:
    try:
        return signals.Signals(number).name
    except ValueError:
        return f"signal {number}"


@dataclass(frozen=True)
class Edit:
    at: float
    command: str


@dataclass(frozen=True)
class Preview:
    """A preview of the entry's command: the report as tui.core.preview's `as_dict` made it."""

    at: float
    command: str
    report: dict[str, Any]


@dataclass(frozen=True)
class Entry:
    id: int
    created_at: float
    request: str
    cwd: str
    source: str
    shell: str | None
    backend: str | None
    model: str | None
    raw: str | None
    command: str | None
    error: str | None
    risk: dict[str, Any] | None
    timings: dict[str, Any] | None
    edits: tuple[Edit, ...] = ()
    runs: tuple[Run, ...] = ()
    previews: tuple[Preview, ...] = ()

    @property
    def final_command(self) -> str | None:
        """The command as the person last left it: the latest edit, else the model's."""
        return self.edits[-1].command if self.edits else self.command

    @property
    def risk_level(self) -> str | None:
        level = (self.risk or {}).get("level")
        return str(level) if level is not None else None

    @property
    def risk_reasons(self) -> list[str]:
        return [str(reason) for reason in (self.risk or {}).get("reasons", [])]

    @property
    def ran(self) -> bool:
        return bool(self.runs)

    @property
    def last_run(self) -> Run | None:
        return self.runs[-1] if self.runs else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_at": self.created_at,
            "request": self.request,
            "cwd": self.cwd,
            "source": self.source,
            "shell": self.shell,
            "backend": self.backend,
            "model": self.model,
            "raw": self.raw,
            "command": self.command,
            "final_command": self.final_command,
            "error": self.error,
            "risk": self.risk,
            "timings": self.timings,
            "edits": [{"at": edit.at, "command": edit.command} for edit in self.edits],
            "runs": [run.as_dict() for run in self.runs],
            "previews": [
                {"at": p.at, "command": p.command, "report": p.report} for p in self.previews
            ],
        }
