"""The workbench's actions on the command it shows: copy, edit, run, accept, and the history.

`CommandActions` is the part of the workbench app that deals with one command and its history
entry; `WorkbenchApp` adds the backends, the generation and the rest. The command as it stands,
its rating, its entry and its folder are read from the results pane's `shown` record.

Accept (Ctrl+S) ends the app with the command as its return value: `caro --output-file FILE`
(the shell widget) writes it there, plain `caro` prints it once the screen is restored.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual.app import App
from textual.notifications import SeverityLevel

from tui.app import clipboard, jobs
from tui.app.messages import CommandRated
from tui.app.run_flow import RunTarget
from tui.app.widgets.prompt import PromptArea
from tui.app.widgets.results import CommandEdited, ResultsPane
from tui.core.display import handed_over, safe_message

if TYPE_CHECKING:
    from tui.app.ledger import Ledger
    from tui.app.run_flow import RunFlow
    from tui.app.screens.history import HistoryPick
    from tui.core.generation import CommandResult
    from tui.core.history import Entry


class CommandActions(App[str | None]):
    """The workbench's return value is the command the person accepted (None: none)."""

    cwd: str
    shell: str
    ledger: Ledger
    runs: RunFlow
    _job: int

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification (the screens' too) may quote a server or a model: shown with
        its hidden characters visible and URL credentials masked, and never read as markup."""
        super().notify(
            safe_message(message, multiline=True),
            title=safe_message(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    @property
    def results(self) -> ResultsPane:
        return self.screen_stack[0].query_one(ResultsPane)

    def _history_problem(self, problem: str) -> None:
        self.notify(problem, title="history", severity="warning", timeout=10)

    async def _record(self, result: CommandResult) -> int | None:
        return await self.ledger.record_result(result, cwd=self.cwd, shell=self.shell)

    def _command(self) -> str | None:
        command = self.results.shown.command
        if command is None:
            self.notify("there is no command yet", severity="warning")
        return command

    async def action_copy(self) -> None:
        command = self._command()
        if command is not None:
            await self.copy_text(command)

    async def copy_text(self, command: str) -> None:
        """Copies `command` as it is shown, every hidden character in it visible (the
        system clipboard, else OSC 52), and says how."""
        command = handed_over(command)
        problem = await asyncio.to_thread(clipboard.native_copy, command)
        outcome = clipboard.copy_text(command, self, native=lambda _text: problem)
        self.notify(
            outcome.message,
            title=f"copied ({outcome.method})",
            severity="information" if outcome.certain else "warning",
        )

    def write_escape(self, sequence: str) -> None:
        """Writes an escape sequence to the terminal, in order with the app's own output."""
        # Textual offers no public handle on its output; copy_to_clipboard uses the same one.
        driver = self._driver
        if driver is not None:
            driver.write(sequence)

    def action_edit(self) -> None:
        if not self.results.start_editing():
            self.notify("there is no command to edit yet", severity="warning")

    def on_command_edited(self, message: CommandEdited) -> None:
        """An edit changes the risk: rate it again; and record it in the history."""
        self.query_one(PromptArea).focus()
        shown = self.results.shown
        self._rate(shown.job, message.command, shown.request)
        self.run_worker(
            self.ledger.record_edit(shown.entry_id, message.command),
            group="history",
            exit_on_error=False,
        )

    def _rate(self, job: int, command: str, request: str | None) -> None:
        """Rates `command` in a thread; the results pane shows it if it still shows `command`."""

        async def rate() -> None:
            assessment = await asyncio.to_thread(
                jobs.assess_command, command, request, self.runs.policy
            )
            self.results.post_message(CommandRated(job, command, assessment))

        self.run_worker(rate(), group="rate", exit_on_error=False)

    def action_run(self) -> None:
        target = self._target()
        if target is not None:
            self.runs.ask(target)

    def action_preview(self) -> None:
        target = self._target()
        if target is not None:
            self.runs.preview(target)

    def _target(self) -> RunTarget | None:
        """The command as it stands, where it runs, its entry and its rating (if current)."""
        if self.results.editing:
            self.results.keep_edit()
        command = self._command()
        if command is None:
            return None
        shown = self.results.shown
        return RunTarget(
            command,
            shown.request or None,
            shown.cwd or self.cwd,
            shown.entry_id,
            shown.rating_for(command),
        )

    async def action_accept(self) -> None:
        """Leaves with the command as it stands: the shell widget puts it on the prompt line."""
        edit = self.results.keep_edit(announce=False) if self.results.editing else None
        command = self._command()
        if command is None:
            return
        if edit is not None:  # recorded here: the app is gone before a message would be
            await self.ledger.record_edit(self.results.shown.entry_id, edit)
        self.exit(handed_over(command))

    def show_result(self, result: CommandResult | None) -> None:
        """Shows an answer that came from elsewhere (the compare view), recorded first (so an
        edit or a run made at once has its entry), then rated."""
        if result is None:
            return

        async def show() -> None:
            entry_id = await self._record(result)
            self._job += 1
            job = self._job
            self.results.begin(job, result.backend, result.request, self.cwd)
            self.results.finish(job, result, entry_id=entry_id)
            if result.command:
                self._rate(job, result.command, result.request)

        self.run_worker(show(), group="history", exit_on_error=False)

    # -- history --------------------------------------------------------------------------------

    def action_history(self) -> None:
        from tui.app.screens.history import HistoryScreen

        self.push_screen(HistoryScreen(self.ledger, self.copy_text), callback=self._history_pick)

    def _history_pick(self, pick: HistoryPick | None) -> None:
        if pick is None:
            return
        self.load_entry(pick.entry)
        if pick.action == "run":
            self.action_run()

    def load_entry(self, entry: Entry) -> None:
        """Puts an entry of the history back: its request in the prompt, its command shown
        (rated again: the rules, the patterns and PATH may have changed since)."""
        prompt = self.query_one(PromptArea)
        prompt.load_text(entry.request)
        self._job += 1
        self.results.show_entry(self._job, entry)
        if entry.final_command:
            self._rate(self._job, entry.final_command, entry.request)
