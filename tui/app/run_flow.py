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
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from tui.app import jobs

if TYPE_CHECKING:  # the analyser (tree-sitter) loads on first use, not at start-up
    from tui.app.screens.confirm_run import Approval
    from tui.app.workbench import WorkbenchApp
    from tui.core.preview.front import Outcome
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
    previewed: bool = False


class RunFlow:
    """One run at a time; Esc (`stop`) walks the running command's process group down."""

    def __init__(self, app: WorkbenchApp) -> None:
        self.app = app
        self.timeout_s = app.config.safety.run_timeout_s
        self.cancel: asyncio.Event | None = None
        self.asking = False
        self.previewing = False

    @property
    def policy(self) -> SafetyPolicy:
        return self.app.engines.request.policy

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
        from tui.core.preview.rating import worth_previewing
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
            if not target.previewed and worth_previewing(assessment):
                self.app.notify(
                    "Ctrl+B previews it first: what it would change, in a throwaway copy",
                    title=f"{assessment.level.label} risk",
                    timeout=8,
                )
            screen = ConfirmRunScreen(
                target.command, target.cwd, self.app.shell, assessment, self.policy
            )
            await self.app.push_screen(screen, callback=partial(self._confirmed, target))
        finally:
            self.asking = False

    def preview(self, target: RunTarget) -> None:
        """Runs the command in the preview (a thread), then shows the report; Ctrl+R there
        goes on to the run confirmation, with the rating the preview left."""
        if self.asking or self.previewing:
            return
        self.previewing = True
        self.app.notify("previewing: running it in a throwaway copy of your files…")
        self.app.run_worker(self._preview(target), group="preview", exit_on_error=False)

    async def _preview(self, target: RunTarget) -> None:
        from tui.app.screens.preview import PreviewScreen
        from tui.core.preview import front
        from tui.core.preview.limits import limits_for

        try:
            limits = limits_for(self.app.config.safety.preview_timeout_s)
            outcome = await asyncio.to_thread(
                front.run_preview, target.command, cwd=target.cwd, limits=limits
            )
            assessment = target.assessment
            if assessment is None or assessment.command != target.command:
                assessment = await asyncio.to_thread(
                    jobs.assess_command, target.command, target.request, self.policy
                )
            rated = outcome.rate(assessment)
            problem = await asyncio.to_thread(front.record, target.entry_id, outcome)
            if problem:
                self.app.notify(problem, title="history", severity="warning")
            screen = PreviewScreen(outcome, rated)
            await self.app.push_screen(
                screen, callback=partial(self._after_preview, target, rated, outcome)
            )
        finally:
            self.previewing = False

    def _after_preview(
        self, target: RunTarget, rated: Assessment, outcome: Outcome, go_on: bool | None
    ) -> None:
        if go_on:
            self.ask(replace(target, assessment=rated, previewed=outcome.report is not None))

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
