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
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from textual.notifications import SeverityLevel
from textual.screen import Screen

from tui.app import jobs
from tui.app.jobs import MessageTarget
from tui.core.config import Config
from tui.core.request import safety_policy

if TYPE_CHECKING:  # the analyser (tree-sitter) loads on first use, not at start-up
    from tui.app.screens.confirm_run import Approval
    from tui.core.history.recording import FinishedRun
    from tui.core.preview.front import Outcome
    from tui.core.safety import Assessment, SafetyPolicy

ScreenResult = TypeVar("ScreenResult")


class RunView(MessageTarget, Protocol):
    """Where a run's output goes (the results pane): told the run began, then sent messages."""

    def begin_run(self, command: str, cwd: str) -> None: ...


class RunHost(Protocol):
    """What the run flow needs from the screen it serves, and nothing more."""

    @property
    def shell(self) -> str: ...

    @property
    def run_view(self) -> RunView: ...

    def notify(
        self,
        message: str,
        *,
        title: str = ...,
        severity: SeverityLevel = ...,
        timeout: float | None = ...,
    ) -> None: ...

    def start_job(
        self, work: Coroutine[Any, Any, object], *, group: str, name: str = ""
    ) -> None: ...

    def open_screen(
        self,
        screen: Screen[ScreenResult],
        callback: Callable[[ScreenResult | None], None],
    ) -> Awaitable[object]: ...

    async def note_run(self, entry_id: int | None, run: FinishedRun) -> None: ...


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

    def __init__(
        self, host: RunHost, config: Config, policy: Callable[[], SafetyPolicy] | None = None
    ) -> None:
        """`policy` gives the request context's policy (the one every front end rates with);
        without it the policy is built from `config`."""
        self.host = host
        self.config = config
        self._policy_source = policy
        self._policy: SafetyPolicy | None = None
        self.timeout_s = config.safety.run_timeout_s
        self.cancel: asyncio.Event | None = None
        self.asking = False
        self.previewing = False

    @property
    def policy(self) -> SafetyPolicy:
        if self._policy_source is not None:
            return self._policy_source()
        if self._policy is None:
            self._policy = safety_policy(self.config)
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
            self.host.notify("a command is still running (Esc stops it)", severity="warning")
            return
        if self.asking:
            return
        self.asking = True
        self.host.start_job(self._ask(target), group="run-ask")

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
                self.host.notify(
                    "Ctrl+B previews it first: what it would change, in a throwaway copy",
                    title=f"{assessment.level.label} risk",
                    timeout=8,
                )
            screen = ConfirmRunScreen(
                target.command, target.cwd, self.host.shell, assessment, self.policy
            )
            await self.host.open_screen(screen, partial(self._confirmed, target))
        finally:
            self.asking = False

    def preview(self, target: RunTarget) -> None:
        """Runs the command in the preview (a thread), then shows the report; Ctrl+R there
        goes on to the run confirmation, with the rating the preview left."""
        if self.asking or self.previewing:
            return
        self.previewing = True
        self.host.notify("previewing: running it in a throwaway copy of your files…")
        self.host.start_job(self._preview(target), group="preview")

    async def _preview(self, target: RunTarget) -> None:
        from tui.app.screens.preview import PreviewScreen
        from tui.core.preview import front
        from tui.core.preview.limits import limits_for

        try:
            limits = limits_for(self.config.safety.preview_timeout_s)
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
                self.host.notify(problem, title="history", severity="warning")
            screen = PreviewScreen(outcome, rated)
            await self.host.open_screen(
                screen, partial(self._after_preview, target, rated, outcome)
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
        self.host.run_view.begin_run(target.command, target.cwd)
        self.host.start_job(self._run(target, approval, cancel), name="run", group="run")

    async def _run(self, target: RunTarget, approval: Approval, cancel: asyncio.Event) -> None:
        started_at = time.time()
        try:
            result = await jobs.stream_run(
                self.host.run_view,
                target.command,
                cwd=target.cwd,
                shell=self.host.shell,
                cancel=cancel,
                timeout_s=self.timeout_s,
            )
        finally:
            self.cancel = None
        if not result.error:  # it never started: nothing to record
            from tui.core.history.recording import FinishedRun

            run = FinishedRun.of(result, started_at, approval.confirmed_by)
            await self.host.note_run(target.entry_id, run)
