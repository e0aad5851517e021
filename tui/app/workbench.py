"""The workbench: `caro` with no request. `make_app()` is the one factory for the CLI and tests.

The app holds the selection (backend, model) and starts workers; the widgets display what the
workers' messages say; `Engines` does the talking to backends.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.theme import Theme
from textual.widgets import Footer, Static

from tui.app import jobs, palette, selection, themes
from tui.app.command_actions import CommandActions
from tui.app.engines import Engines
from tui.app.errors import notify_error
from tui.app.keys import BINDING_IDS, BINDINGS, KEYS
from tui.app.ledger import Ledger
from tui.app.lifeline import Lifeline
from tui.app.messages import HealthReport, ModelsReport
from tui.app.palette import CaroCommands, PaletteEntry
from tui.app.run_flow import RunFlow
from tui.app.widgets.prompt import PromptArea
from tui.app.widgets.results import ResultsPane
from tui.app.widgets.sidebar import BackendCard, BackendChosen, ModelChosen, Sidebar
from tui.core.backends.base import BackendError, HealthStatus, ModelInfo
from tui.core.backends.registry import Registry
from tui.core.config import Config
from tui.core.request import RequestContext

if TYPE_CHECKING:
    from tui.core.generation import ShellContext

GENERATION_SWITCH_INTERVAL_S = 0.001
MAIN_VIEW_ACTIONS = frozenset(
    binding.action.split("(")[0] for binding in KEYS if binding.action != "cancel"
)


class WorkbenchApp(CommandActions):
    """The workbench. Its return value is the command the person accepted (None: none)."""

    CSS_PATH = "workbench.tcss"
    TITLE = "caro"
    COMMANDS = App.COMMANDS | {CaroCommands}
    BINDINGS = BINDINGS

    def __init__(
        self,
        engines: Engines,
        *,
        theme_set: dict[str, Theme],
        problems: Iterable[str] = (),
        cwd: str | None = None,
        shell: str | None = None,
        refresh_s: float | None = None,
        ledger: Ledger | None = None,
        watch_terminal: bool = False,
    ) -> None:
        super().__init__()
        self.engines = engines
        self.config = engines.config
        # Where requests are made and commands run: the request context's folder and shell.
        self.cwd = cwd or engines.request.cwd
        self.shell = shell or engines.request.shell.path
        self.refresh_s = self.config.ui.refresh_s if refresh_s is None else refresh_s
        self.state = selection.Selection(self.config, engines.registry.auto_order())
        self._problems = list(problems)
        self.caro_themes = sorted(theme_set)
        for theme in theme_set.values():
            self.register_theme(theme)
        self.theme = self._initial_theme(self.config.ui.theme)
        self._saved_theme = self.theme
        self._job = 0
        self._switch_interval = sys.getswitchinterval()
        self.ledger = ledger or Ledger(
            self._history_problem, shell_history=self.config.safety.shell_history
        )
        self.runs = RunFlow(self)
        self._watch_terminal = watch_terminal
        self._lifeline: Lifeline | None = None  # kept: its pipe must stay open
        # perf_counter() when the first frame was on screen (bench/bench_ui.py reads it).
        self.first_frame_at: float | None = None

    def _initial_theme(self, wanted: str) -> str:
        if wanted in self.available_themes:
            return wanted
        fallback = (
            themes.DEFAULT_THEME if themes.DEFAULT_THEME in self.caro_themes else "textual-dark"
        )
        self._problems.append(f"theme {wanted!r} was not found; using {fallback}")
        return fallback

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The main view's keys sleep while another screen (compare, confirm) is on top."""
        on_top = self.screen is not self.screen_stack[0]
        return not (on_top and action in MAIN_VIEW_ACTIONS)

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield Sidebar([(name, self.engines.kind(name)) for name in self.engines.names])
            with Vertical(id="main"):
                yield Static("", id="selection")
                yield PromptArea(id="prompt")
                yield ResultsPane()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self._watch_terminal:  # after the driver's own signal handlers, which it replaces
            self._lifeline = Lifeline(
                lambda code: self.exit(return_code=code), keep_stdin=self.is_web
            )
            self._lifeline.start()
        # An embedded engine's thread takes the interpreter lock back after every call into
        # llama.cpp; while this thread draws, each of those waits up to the switch interval
        # (5 ms by default), which costs a streaming model a quarter of its speed. 1 ms keeps
        # drawing from starving it.
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch_interval, GENERATION_SWITCH_INTERVAL_S))
        keymap = dict(self.config.ui.keymap)
        unknown = sorted(set(keymap) - BINDING_IDS)
        if unknown:
            self._problems.append(
                f"[ui.keymap] has unknown binding ids: {', '.join(unknown)} "
                f"(known: {', '.join(sorted(BINDING_IDS))})"
            )
        self.set_keymap(keymap)
        for problem in self._problems:
            self.notify(problem, title="caro", severity="warning", timeout=10)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._show_selection()
        self.query_one(PromptArea).focus()

    def on_ready(self) -> None:
        """The first frame is on screen: only now start the probes (importing an engine in a
        thread competes with drawing for the interpreter)."""
        self.first_frame_at = time.perf_counter()
        self._probe_all()
        if self.refresh_s > 0:
            self.set_interval(self.refresh_s, self._probe_all, name="health-refresh")
        self.run_worker(self._recall_requests(), group="history", exit_on_error=False)

    async def on_unmount(self) -> None:
        sys.setswitchinterval(self._switch_interval)
        self.workers.cancel_all()
        await self.engines.aclose()
        await self.ledger.aclose()

    async def _recall_requests(self) -> None:
        """Up in the prompt walks back through the requests of earlier sessions too."""
        requests = await self.ledger.recent_requests()
        if self.screen_stack:
            self.screen_stack[0].query_one(PromptArea).remember(requests)

    def _card(self, name: str) -> BackendCard | None:
        """The backend's card; None while the app closes (cards go before the sidebar does)."""
        sidebars = self.screen_stack[0].query(Sidebar) if self.screen_stack else None
        return sidebars.first().find_card(name) if sidebars else None

    @property
    def sidebar(self) -> Sidebar:
        return self.screen_stack[0].query_one(Sidebar)

    # -- health ---------------------------------------------------------------------------------

    def action_refresh(self) -> None:
        """F5: every card says "checking…" until its backend's new health comes in."""
        for name in self.engines.names:
            card = self._card(name)
            if card is not None:
                card.show_checking()
        self._probe_all()

    def _probe_all(self) -> None:
        """Probes every backend at once, each in its own worker with its own timeout."""
        for name in self.engines.names:
            self._reprobe(name)

    async def _probe(self, name: str) -> None:
        health = await self.engines.probe(name)
        self.post_message(HealthReport(name, health))
        if not health.usable:
            self.post_message(ModelsReport(name, []))
            return
        try:
            models = await self.engines.models(name)
        except BackendError as error:
            self.post_message(ModelsReport(name, [], error=error.message))
        except Exception as error:  # noqa: BLE001 - a broken model list must not end the app
            self.post_message(ModelsReport(name, [], error=f"{type(error).__name__}: {error}"))
        else:
            self.post_message(ModelsReport(name, models))

    def on_health_report(self, message: HealthReport) -> None:
        card = self._card(message.name)
        if card is None:
            return  # a late report while the app closes
        enabled = self.config.backend(message.name).enabled
        card.show_health(message.health, enabled)
        self.state.health[message.name] = message.health
        if self.state.fall_back_if_down():
            self._show_selection()

    def on_models_report(self, message: ModelsReport) -> None:
        card = self._card(message.name)
        if card is None:
            return
        if message.models == card.models and message.error == card.error and card.models:
            return  # the list a health check read again, unchanged: nothing to redraw
        self.state.models[message.name] = message.models
        card.chosen_model = self.state.model_id(message.name)
        card.show_models(message.models, message.error)
        health = self.state.health.get(message.name)
        if message.error and health is not None and health.status is HealthStatus.UP:
            # It answers its health check but not for its models: degraded, with the cause.
            degraded = replace(
                health,
                status=HealthStatus.DEGRADED,
                detail=f"{health.detail}; its model list fails: {message.error}",
            )
            self.state.health[message.name] = degraded
            card.show_health(degraded, self.config.backend(message.name).enabled)

    # -- selection ------------------------------------------------------------------------------

    def _show_selection(self) -> None:
        name = self.state.backend
        if name is None:
            self.query_one("#selection", Static).update("no backend is configured")
            return
        self.sidebar.select(name)
        self.sidebar.mark_for_compare(self.state.compare_marks)
        self.query_one("#selection", Static).update(self.state.describe())

    def choose_backend(self, name: str) -> None:
        self.state.choose_backend(name)
        self._show_selection()

    def action_select_backend(self, number: int) -> None:
        names = self.engines.names
        if 1 <= number <= len(names):
            self.choose_backend(names[number - 1])

    def action_next_backend(self) -> None:
        self.choose_backend(self.state.step_backend(1))

    def action_previous_backend(self) -> None:
        self.choose_backend(self.state.step_backend(-1))

    def _choose_model(self, backend: str, model: ModelInfo) -> None:
        self.state.choose_model(backend, model)
        self.sidebar.card(backend).mark_model(model.id)
        self._show_selection()

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
        self._choose_model(name, model)

    def on_backend_chosen(self, message: BackendChosen) -> None:
        self.choose_backend(message.name)

    def on_model_chosen(self, message: ModelChosen) -> None:
        self.choose_backend(message.backend)
        self._choose_model(message.backend, message.model)

    def action_mark_compare(self) -> None:
        if self.state.backend is not None:
            self.state.toggle_compare_mark(self.state.backend)
            self._show_selection()

    # -- generation -----------------------------------------------------------------------------

    def on_prompt_area_submitted(self, message: PromptArea.Submitted) -> None:
        self.generate(message.text)

    def generate(self, request: str, vary: int = 0) -> None:
        name = self.state.backend
        if name is None:
            self.notify("no backend is configured", severity="error")
            return
        self._job += 1
        self.results.begin(self._job, name, request, self.cwd)
        self.run_worker(
            self._generate(self._job, name, request, vary),
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
            self.call_later(self._reprobe, name)  # an embedded engine has loaded its model now

    def _reprobe(self, name: str) -> None:
        worker_name = f"probe:{name}"
        if not any(w.name == worker_name and w.is_running for w in self.workers):
            self.run_worker(self._probe(name), name=worker_name, group="probe", exit_on_error=False)

    def action_regenerate(self) -> None:
        request = self.results.shown.request or self.query_one(PromptArea).text.strip()
        if not request:
            self.notify("nothing to regenerate yet", severity="warning")
            return
        self.generate(request, vary=self._job + 1)

    def action_cancel(self) -> None:
        if self.results.editing:
            self.results.stop_editing()
            self.query_one(PromptArea).focus()
        elif self.runs.stop():
            pass
        elif self.results.shown.busy:
            self.workers.cancel_group(self, "generate")

    # -- compare --------------------------------------------------------------------------------

    def action_compare(self) -> None:
        request = self.query_one(PromptArea).text.strip() or self.results.shown.request
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
        self.push_screen(screen, callback=self.show_result)

    # -- models and the performance table -------------------------------------------------------

    def action_models(self) -> None:
        from tui.app.screens.models import ModelsScreen

        self.push_screen(ModelsScreen(self.engines, self.state.backend))

    def action_bench(self) -> None:
        from tui.app.screens.bench import BenchScreen

        self.push_screen(BenchScreen(self.config))

    # -- themes ---------------------------------------------------------------------------------

    def action_next_theme(self) -> None:
        names = self.caro_themes or sorted(self.available_themes)
        index = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(index + 1) % len(names)]

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name == self._saved_theme:
            return
        self._saved_theme = theme.name
        self.run_worker(
            partial(_save_theme, Path(self.config.path), theme.name, self.notify),
            thread=True,
            group="save-theme",
            exit_on_error=False,
        )

    # -- palette --------------------------------------------------------------------------------

    def palette_entries(self) -> list[PaletteEntry]:
        return palette.workbench_entries(self)

    def set_theme(self, name: str) -> None:
        self.theme = name


def _save_theme(path: Path, name: str, notify: Callable[..., None]) -> None:
    problem = themes.save_choice(path, name)
    if problem:
        notify_error(notify, problem, "the theme was not saved")


def make_app(
    config: Config,
    *,
    registry: Registry | None = None,
    context: Callable[[], ShellContext] | None = None,
    request: RequestContext | None = None,
    cwd: str | None = None,
    shell: str | None = None,
    refresh_s: float | None = None,
    ledger: Ledger | None = None,
    watch_terminal: bool = False,
) -> WorkbenchApp:
    """The workbench, as the CLI and every test build it.

    `registry` lets a test hand in backends it already built (the app then leaves closing
    them to the test); `request` is the request context (built from `config`, `cwd` and
    `shell` when None); `context` fixes the OS/shell/directory the prompt describes (tests);
    `watch_terminal` ends the app when its terminal goes away or on SIGTERM (tui.app.lifeline).
    """
    theme_set, theme_problems = themes.load_all()
    problems = [f"theme file skipped: {problem}" for problem in theme_problems]
    request = request or RequestContext.build(config, cwd=cwd, shell=shell)
    engines = Engines(config, registry, context, request)
    return WorkbenchApp(
        engines,
        theme_set=theme_set,
        problems=problems,
        refresh_s=refresh_s,
        ledger=ledger,
        watch_terminal=watch_terminal,
    )
