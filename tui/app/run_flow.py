"""From Ctrl+R to a recorded run: rate the command as it stands, ask in proportion, run, record.

The command is rated again whenever the rating shown is not the rating of this exact command
(an edit changes the risk). `decide()` says what to ask; ConfirmRunScreen asks it; the runner
runs the command with the person's shell in the folder the request was made in, with the
configured timeout; the history records the run and, when the person asked for it, the shell's
own history gets it too.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from tui.app import jobs
from tui.core.request import safety_policy

if TYPE_CHECKING:  # the analyser (tree-sitter) loads on first use, not at start-up
    from tui.app.screens.confirm_run import Approval
    from tui.app.workbench import WorkbenchApp
    from tui.core.safety import Assessment, SafetyPolicy


@dataclass(frozen=True)
class RunTarget:
    """What to run and where: the command as it stands, the request it answers (rated too),
    the folder the request was made in, and its history entry."""

    command: str
    request: str | None
    cwd: str
    entry_id: int | None = None
    assessment: Assessment | None = None


class RunFlow:
    """One run at a time; Esc (`stop`) walks the running command's process group down."""

    def __init__(self, app: WorkbenchApp) -> None:
        self.app = app
        self._policy: SafetyPolicy | None = None
        self.timeout_s = app.config.safety.run_timeout_s
        self.cancel: asyncio.Event | None = None
        self.asking = False

    @property
    def policy(self) -> SafetyPolicy:
        if self._policy is None:
            self._policy = safety_policy(self.app.config)
        return self._policy

    @property
    def running(self) -> bool:
        return self.cancel is not None

    def stop(self) -> bool:
        """Stops the running command; False when nothing runs."""
        if self.cancel is None:
            return False
        self.cancel.set()
        return True

    def ask(self, target: RunTarget) -> None:
        """Rates `target` if needed, then asks (or runs, when the policy asks nothing)."""
        if self.running:
            self.app.notify("a command is still running (Esc stops it)", severity="warning")
            return
        if self.asking:
            return
        self.asking = True
        self.app.run_worker(self._ask(target), group="run-ask", exit_on_error=False)

    async def _ask(self, target: RunTarget) -> None:
        from tui.app.screens.confirm_run import Approval, ConfirmRunScreen
        from tui.core.safety import decide

        try:
            assessment = target.assessment
            if assessment is None or assessment.command != target.command:
                assessment = await asyncio.to_thread(
                    jobs.assess_command, target.command, target.request, self.policy
                )
            if decide(assessment, self.policy).action == "run":
                self._start(target, Approval("none"))
                return
            screen = ConfirmRunScreen(
                target.command, target.cwd, self.app.shell, assessment, self.policy
            )
            await self.app.push_screen(screen, callback=partial(self._confirmed, target))
        finally:
            self.asking = False

    def _confirmed(self, target: RunTarget, approval: Approval | None) -> None:
        if approval is not None:
            self._start(target, approval)

    def _start(self, target: RunTarget, approval: Approval) -> None:
        if self.running:
            return
        cancel = self.cancel = asyncio.Event()
        self.app.results.begin_run(target.command, target.cwd)
        self.app.run_worker(
            self._run(target, approval, cancel), name="run", group="run", exit_on_error=False
        )

    async def _run(self, target: RunTarget, approval: Approval, cancel: asyncio.Event) -> None:
        started_at = time.time()
        try:
            result = await jobs.stream_run(
                self.app.results,
                target.command,
                cwd=target.cwd,
                shell=self.app.shell,
                cancel=cancel,
                timeout_s=self.timeout_s,
            )
        finally:
            self.cancel = None
        if not result.error:  # it never started: nothing to record
            from tui.core.history.recording import FinishedRun

            run = FinishedRun.of(result, started_at, approval.confirmed_by)
            await self.app.ledger.note_run(target.entry_id, run)
