"""The workbench: `caro` with no request. `make_app()` is the one factory for the CLI and tests.

The app holds what is app-wide: the engines, the history ledger, the themes, the terminal and
the app-wide keys (keys.APP_KEYS). The main view (backends, request, answer, and what is done
with it) is the main screen's (screens/main.py), which is the first screen on the stack.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker

from tui.app import clipboard, themes
from tui.app.engines import Engines
from tui.app.errors import notify_error
from tui.app.keys import APP_KEYS, BINDING_IDS
from tui.app.ledger import Ledger
from tui.app.lifeline import Lifeline
from tui.app.screens.main import MainScreen
from tui.app.worker_failures import report_failed_worker
from tui.core.backends.registry import Registry
from tui.core.config import Config
from tui.core.display import handed_over, safe_message
from tui.core.request import RequestContext

if TYPE_CHECKING:
    from tui.core.generation.pipeline import ShellContext

GENERATION_SWITCH_INTERVAL_S = 0.001


class WorkbenchApp(App[str | None]):
    """The workbench. Its return value is the command the person accepted (None: none)."""

    CSS_PATH = "workbench.tcss"
    TITLE = "caro"
    BINDINGS: ClassVar[list[BindingType]] = APP_KEYS

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
        self._problems = list(problems)
        self.caro_themes = sorted(theme_set)
        for theme in theme_set.values():
            self.register_theme(theme)
        self.theme = self._initial_theme(self.config.ui.theme)
        self._saved_theme = self.theme
        self._switch_interval = sys.getswitchinterval()
        self.ledger = ledger or Ledger(
            self._history_problem, shell_history=self.config.safety.shell_history
        )
        self._main: MainScreen | None = None
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

    def get_default_screen(self) -> Screen[None]:
        self._main = MainScreen(
            self.engines,
            self.ledger,
            self,
            cwd=self.cwd,
            shell=self.shell,
            refresh_s=self.refresh_s,
        )
        return self._main

    @property
    def main(self) -> MainScreen:
        """The main screen (the first on the stack, whatever is on top of it)."""
        if self._main is None:
            raise RuntimeError("the workbench has not started yet")
        return self._main

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

    def on_ready(self) -> None:
        """The first frame is on screen: only now start the probes (importing an engine in a
        thread competes with drawing for the interpreter)."""
        self.first_frame_at = time.perf_counter()
        self.main.show_first()
        self.main.start_checks()

    async def on_unmount(self) -> None:
        sys.setswitchinterval(self._switch_interval)
        self.workers.cancel_all()
        await self.engines.aclose()
        await self.ledger.aclose()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(event, self.notify)

    # -- notices and the clipboard --------------------------------------------------------------

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

    def _history_problem(self, problem: str) -> None:
        self.notify(problem, title="history", severity="warning", timeout=10)

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

    # -- themes ---------------------------------------------------------------------------------

    @property
    def theme_names(self) -> list[str]:
        return self.caro_themes

    def set_theme(self, name: str) -> None:
        self.theme = name

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
