"""The main screen: the backends, the request, the answer and what is done with it.

It owns the main view: its widgets, its keys (keys.MAIN_KEYS: they sleep by themselves while
another screen is on top), the selection of backend and model, and the record of what is
shown (`shown`: request, result, command as it stands, its rating, its history entry), which
the actions read instead of a widget. The app keeps what is app-wide (themes, engines, the
history ledger, the terminal); the run flow and the palette see this screen only through their
small protocols (run_flow.RunHost, palette.PaletteHost); health_checks.HealthChecks probes
the backends and applies what they report.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker

from tui.app import jobs, palette
from tui.app.health_checks import HealthChecks
from tui.app.keys import MAIN_KEYS
from tui.app.messages import CommandRated, HealthReport, ModelsReport
from tui.app.palette import CaroCommands, PaletteEntry
from tui.app.run_flow import RunFlow, RunTarget
from tui.app.selection import Selection
from tui.app.widgets.prompt import PromptArea
from tui.app.widgets.results import CommandEdited, ResultsPane, Shown
from tui.app.widgets.sidebar import BackendCard, BackendChosen, ModelChosen, Sidebar
from tui.app.worker_failures import report_failed_worker
from tui.core.backends.base import ModelInfo
from tui.core.display import handed_over

if TYPE_CHECKING:
    from tui.app.engines import Engines
    from tui.app.ledger import Ledger
    from tui.app.screens.history import HistoryPick
    from tui.core.generation.pipeline import CommandResult
    from tui.core.history import Entry
    from tui.core.history.recording import FinishedRun

ScreenResult = TypeVar("ScreenResult")


class AppServices(Protocol):
    """What the main screen asks of the app: the themes, and the clipboard."""

    @property
    def theme_names(self) -> list[str]: ...

    def set_theme(self, name: str) -> None: ...

    async def copy_text(self, command: str) -> None: ...


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = MAIN_KEYS
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {CaroCommands}

    def __init__(
        self,
        engines: Engines,
        ledger: Ledger,
        services: AppServices,
        *,
        cwd: str,
        shell: str,
        refresh_s: float,
    ) -> None:
        super().__init__()
        self.engines = engines
        self.config = engines.config
        self.ledger = ledger
        self.services = services
        self.cwd = cwd
        self.shell = shell
        self.refresh_s = refresh_s
        self.state = Selection(self.config, engines.registry.auto_order())
        self.shown = Shown()
        self.job = 0
        self.runs = RunFlow(self, self.config, lambda: self.engines.request.policy)
        self.health = HealthChecks(self)

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield Sidebar([(name, self.engines.kind(name)) for name in self.engines.names])
            with Vertical(id="main"):
                yield Static("", id="selection")
                yield PromptArea(id="prompt")
                yield ResultsPane(self.shown)
        yield Footer(compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys reach this screen only while it is on top; behind another screen its footer
        lists none of them but Esc, as the workbench's footer always has."""
        stack = self.app.screen_stack
        return (bool(stack) and stack[-1] is self) or action == "cancel"

    def show_first(self) -> None:
        """The selection and the focus, once the whole view is on screen. The app calls it when
        its first frame is drawn: this screen's Mount (and the app's) can come before the
        widgets nested in its containers are mounted."""
        cards_wanted = bool(self.engines.names)
        mounted = self.query(PromptArea) and self.query("#selection")
        if not mounted or (cards_wanted and not self.query(BackendCard)):
            self.call_after_refresh(self.show_first)  # not all there yet: after the next frame
            return
        self.selection_changed()
        self.prompt.focus()

    def start_checks(self) -> None:
        """Once the first frame is on screen: the health checks, and the earlier requests."""
        self.health.probe_all()
        if self.refresh_s > 0:
            self.set_interval(self.refresh_s, self.health.probe_all, name="health-refresh")
        self.start_job(self._recall_requests(), group="history")

    async def _recall_requests(self) -> None:
        """Up in the prompt walks back through the requests of earlier sessions too."""
        requests = await self.ledger.recent_requests()
        for prompt in self.query(PromptArea):
            prompt.remember(requests)

    # -- what the run flow, the palette and the workers use ------------------------------------

    @property
    def results(self) -> ResultsPane:
        return self.query_one(ResultsPane)

    @property
    def run_view(self) -> ResultsPane:
        return self.results

    @property
    def prompt(self) -> PromptArea:
        return self.query_one(PromptArea)

    @property
    def sidebar(self) -> Sidebar:
        return self.query_one(Sidebar)

    @property
    def backend_names(self) -> list[str]:
        return self.engines.names

    @property
    def theme_names(self) -> list[str]:
        return self.services.theme_names

    def set_theme(self, name: str) -> None:
        self.services.set_theme(name)

    def start_job(self, work: Coroutine[Any, Any, object], *, group: str, name: str = "") -> None:
        self.run_worker(work, name=name, group=group, exit_on_error=False)

    def open_screen(
        self, screen: Screen[ScreenResult], callback: Callable[[ScreenResult | None], None]
    ) -> Awaitable[object]:
        return self.app.push_screen(screen, callback=callback)

    async def note_run(self, entry_id: int | None, run: FinishedRun) -> None:
        await self.ledger.note_run(entry_id, run)

    def palette_entries(self) -> list[PaletteEntry]:
        return palette.workbench_entries(self)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(event, self.notify)

    # -- health (health_checks.HealthChecks does the work) ------------------------------------

    def find_card(self, name: str) -> BackendCard | None:
        """The backend's card; None while the app closes (cards go before the sidebar does)."""
        sidebars = self.query(Sidebar)
        card = sidebars.first().find_card(name) if sidebars else None
        return card if card is not None and card.children else None  # emptied: going away

    def action_refresh(self) -> None:
        self.health.refresh()

    def on_health_report(self, message: HealthReport) -> None:
        self.health.apply_health(message)

    def on_models_report(self, message: ModelsReport) -> None:
        self.health.apply_models(message)

    # -- selection ------------------------------------------------------------------------------

    def selection_changed(self) -> None:
        selection = self.query_one("#selection", Static)
        name = self.state.backend
        if name is None:
            selection.update("no backend is configured")
            return
        self.sidebar.select(name)
        self.sidebar.mark_for_compare(self.state.compare_marks)
        selection.update(self.state.describe())

    def choose_backend(self, name: str) -> None:
        self.state.choose_backend(name)
        self.selection_changed()

    def choose_model(self, backend: str, model: ModelInfo) -> None:
        self.state.choose_backend(backend)
        self._use_model(backend, model)

    def _use_model(self, backend: str, model: ModelInfo) -> None:
        self.state.choose_model(backend, model)
        self.sidebar.card(backend).mark_model(model.id)
        self.selection_changed()

    def action_select_backend(self, number: int) -> None:
        names = self.engines.names
        if 1 <= number <= len(names):
            self.choose_backend(names[number - 1])

    def action_next_backend(self) -> None:
        self.choose_backend(self.state.step_backend(1))

    def action_previous_backend(self) -> None:
        self.choose_backend(self.state.step_backend(-1))

    def action_next_model(self) -> None:
        self._step_model(1)

    def action_previous_model(self) -> None:
        self._step_model(-1)

    def _step_model(self, step: int) -> None:
        name = self.state.backend
        if name is None:
            return
        model = self.state.step_model(step)
        if model is None:
            self.notify(f"{name} has no model to choose from", severity="warning")
            return
        self._use_model(name, model)

    def on_backend_chosen(self, message: BackendChosen) -> None:
        self.choose_backend(message.name)

    def on_model_chosen(self, message: ModelChosen) -> None:
        self.choose_model(message.backend, message.model)

    def action_mark_compare(self) -> None:
        if self.state.backend is not None:
            self.state.toggle_compare_mark(self.state.backend)
            self.selection_changed()

    # -- generation -----------------------------------------------------------------------------

    def on_prompt_area_submitted(self, message: PromptArea.Submitted) -> None:
        self.generate(message.text)

    def generate(self, request: str, vary: int = 0) -> None:
        name = self.state.backend
        if name is None:
            self.notify("no backend is configured", severity="error")
            return
        self.job += 1
        self.results.begin(self.job, name, request, self.cwd)
        self.run_worker(
            self._generate(self.job, name, request, vary),
            name="generate",
            group="generate",
            exclusive=True,
            exit_on_error=False,
        )

    async def _generate(self, job: int, name: str, request: str, vary: int) -> None:
        health = self.state.health.get(name)
        result = await jobs.stream_generation(
            self.engines,
            self.results,
            job,
            name,
            self.state.chosen_model(name),
            request,
            vary=vary,
            fix_hint=health.fix if health else "",
            policy=self.runs.policy,
            record=self._record,
        )
        if result is not None:
            self.call_later(
                self.health.reprobe, name
            )  # an embedded engine has loaded its model now

    def action_regenerate(self) -> None:
        request = self.shown.request or self.prompt.text.strip()
        if not request:
            self.notify("nothing to regenerate yet", severity="warning")
            return
        self.generate(request, vary=self.job + 1)

    def action_cancel(self) -> None:
        if self.results.editing:
            self.results.stop_editing()
            self.prompt.focus()
        elif self.runs.stop():
            pass
        elif self.shown.busy:
            self.workers.cancel_group(self, "generate")

    # -- the other screens ----------------------------------------------------------------------

    def action_compare(self) -> None:
        request = self.prompt.text.strip() or self.shown.request
        if not request:
            self.notify("type a request first", severity="warning")
            return
        backends = self.state.compare_set()
        if not backends:
            self.notify("no healthy backend to compare yet", severity="warning")
            return
        from tui.app.screens.compare import CompareScreen

        models = {name: self.state.chosen_model(name) for name in backends}
        screen = CompareScreen(self.engines, request, backends, models)
        self.app.push_screen(screen, callback=self.show_result)

    def action_models(self) -> None:
        from tui.app.screens.models import ModelsScreen

        self.app.push_screen(ModelsScreen(self.engines, self.state.backend, reports_to=self))

    def action_bench(self) -> None:
        from tui.app.screens.bench import BenchScreen

        self.app.push_screen(BenchScreen(self.config))

    def action_history(self) -> None:
        from tui.app.screens.history import HistoryScreen

        screen = HistoryScreen(self.ledger, self.services.copy_text)
        self.app.push_screen(screen, callback=self._history_pick)

    # -- the command shown: copy, edit, run, accept ---------------------------------------------

    async def _record(self, result: CommandResult) -> int | None:
        return await self.ledger.record_result(result, cwd=self.cwd, shell=self.shell)

    def _command(self) -> str | None:
        if self.shown.command is None:
            self.notify("there is no command yet", severity="warning")
        return self.shown.command

    async def action_copy(self) -> None:
        command = self._command()
        if command is not None:
            await self.services.copy_text(command)

    def action_edit(self) -> None:
        if not self.results.start_editing():
            self.notify("there is no command to edit yet", severity="warning")

    def on_command_edited(self, message: CommandEdited) -> None:
        """An edit changes the risk: rate it again; and record it in the history."""
        self.prompt.focus()
        self._rate(self.shown.job, message.command, self.shown.request)
        self.start_job(
            self.ledger.record_edit(self.shown.entry_id, message.command), group="history"
        )

    def _rate(self, job: int, command: str, request: str | None) -> None:
        """Rates `command` in a thread; the results pane shows it if it still shows `command`."""

        async def rate() -> None:
            assessment = await asyncio.to_thread(
                jobs.assess_command, command, request, self.runs.policy
            )
            self.results.post_message(CommandRated(job, command, assessment))

        self.start_job(rate(), group="rate")

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
        shown = self.shown
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
            await self.ledger.record_edit(self.shown.entry_id, edit)
        self.app.exit(handed_over(command))

    def show_result(self, result: CommandResult | None) -> None:
        """Shows an answer that came from elsewhere (the compare view), recorded first (so an
        edit or a run made at once has its entry), then rated."""
        if result is None:
            return

        async def show() -> None:
            entry_id = await self._record(result)
            self.job += 1
            job = self.job
            self.results.begin(job, result.backend, result.request, self.cwd)
            self.results.finish(job, result, entry_id=entry_id)
            if result.command:
                self._rate(job, result.command, result.request)

        self.start_job(show(), group="history")

    def _history_pick(self, pick: HistoryPick | None) -> None:
        if pick is None:
            return
        self.load_entry(pick.entry)
        if pick.action == "run":
            self.action_run()

    def load_entry(self, entry: Entry) -> None:
        """Puts an entry of the history back: its request in the prompt, its command shown
        (rated again: the rules, the patterns and PATH may have changed since)."""
        self.prompt.load_text(entry.request)
        self.job += 1
        self.results.show_entry(self.job, entry)
        if entry.final_command:
            self._rate(self.job, entry.final_command, entry.request)
