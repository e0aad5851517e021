"""The two moments the CLI and the workbench record: a generated command, and a finished run.

Neither ever stops the caller: a problem comes back as a sentence to show the person (the run
happened, the command was printed; losing a history line is worth a notice, not a failure).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.history.model import HistoryError
from tui.core.history.store import History

if TYPE_CHECKING:
    from tui.core.generation.pipeline import CommandResult
    from tui.core.run.runner import RunResult

# The safety decision's action (tui.core.safety.policy.Action) -> how the run was confirmed.
CONFIRMED_BY = {"run": "none", "confirm_key": "key", "confirm_yes": "yes", "confirm_word": "word"}


def record_result(
    history: History, result: CommandResult, *, cwd: str, shell: str | None, source: str
) -> int:
    """Records a request and the model's answer (with or without a usable command)."""
    return history.record_request(
        result.request,
        cwd=cwd,
        source=source,
        shell=shell,
        backend=result.backend,
        model=result.model,
        raw=result.raw,
        command=result.command,
        error=result.error or None,
        risk=result.risk,
        timings=result.timings.as_dict() if result.timings else None,
    )


@dataclass(frozen=True)
class FinishedRun:
    command: str
    exit_code: int | None
    duration_s: float
    started_at: float
    confirmed_by: str
    signal: int | None = None
    stopped_by: str | None = None

    @classmethod
    def of(cls, result: RunResult, started_at: float, confirmed_by: str) -> FinishedRun:
        """The runner's result as the history records it."""
        stopped_by = "timeout" if result.timed_out else ("cancel" if result.cancelled else None)
        return cls(
            command=result.command,
            exit_code=result.exit_code,
            duration_s=result.duration_s,
            started_at=started_at,
            confirmed_by=confirmed_by,
            signal=result.signal,
            stopped_by=stopped_by,
        )


def note_run(
    history: History | None,
    entry_id: int | None,
    run: FinishedRun,
    *,
    shell_history: bool,
    shell: str | None = None,
    env: Mapping[str, str] | None = None,
) -> list[str]:
    """Records `run` in caro's history and, when `[safety] shell_history` is on, in the shell's
    own history file. Returns the problems, one sentence each."""
    problems: list[str] = []
    if history is not None and entry_id is not None:
        try:
            history.record_run(
                entry_id,
                exit_code=run.exit_code,
                duration_s=run.duration_s,
                confirmed_by=run.confirmed_by,
                command=run.command,
                started_at=run.started_at,
                signal=run.signal,
                stopped_by=run.stopped_by,
            )
        except HistoryError as error:
            problems.append(f"the run was not recorded: {error}")
    if shell_history:
        from tui.core.run import shell_history as shell_file

        try:
            shell_file.append(
                run.command,
                shell=shell,
                started_at=run.started_at,
                duration_s=run.duration_s,
                env=env,
            )
        except shell_file.ShellHistoryError as error:
            problems.append(f"not added to the shell's history: {error}")
    return problems
