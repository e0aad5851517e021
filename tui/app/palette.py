"""The command palette's caro entries: actions, backends, models and themes.

The provider sits on the main screen (`MainScreen.COMMANDS`) and asks the screen it was opened
from for its entries; `workbench_entries` builds them from a `PaletteHost`, the few things the
palette reads and calls.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.app.keys import APP_ACTIONS, KEYS
from tui.app.selection import Selection
from tui.core.backends.base import ModelInfo
from tui.core.display import displayable

# The palette lists this many models of each backend; the sidebar's filter finds any of them.
MODELS_PER_BACKEND = 200


@dataclass(frozen=True)
class PaletteEntry:
    title: str
    help: str
    run: Callable[[], object]


class HasPaletteEntries(Protocol):
    def palette_entries(self) -> list[PaletteEntry]: ...


class PaletteHost(Protocol):
    """What the palette's entries read (backends, their health and models, themes) and call."""

    @property
    def backend_names(self) -> list[str]: ...

    @property
    def state(self) -> Selection: ...

    @property
    def theme_names(self) -> list[str]: ...

    def choose_backend(self, name: str) -> None: ...

    def choose_model(self, backend: str, model: ModelInfo) -> None: ...

    def set_theme(self, name: str) -> None: ...

    async def run_action(self, action: str) -> None: ...


class CaroCommands(Provider):
    def _entries(self) -> list[PaletteEntry]:
        screen: HasPaletteEntries = self.screen  # type: ignore[assignment]
        return screen.palette_entries()

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(entry.title, entry.run, help=entry.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            score = matcher.match(entry.title)
            if score > 0:
                yield Hit(score, matcher.highlight(entry.title), entry.run, help=entry.help)


def workbench_entries(host: PaletteHost) -> list[PaletteEntry]:
    """The actions (from the key bindings), each backend, each usable model, each theme."""
    entries = [
        PaletteEntry(f"caro: {binding.description}", binding.tooltip, _runner(host, binding))
        for binding in KEYS
        if binding.description and not binding.action.startswith("select_backend")
    ]
    for name in host.backend_names:
        health = host.state.health.get(name)
        status = health.status.value if health else "checking"
        entries.append(PaletteEntry(f"backend: {name}", status, partial(host.choose_backend, name)))
        usable = (m for m in host.state.models.get(name, []) if m.can_generate)
        for model in itertools.islice(usable, MODELS_PER_BACKEND):
            entries.append(
                PaletteEntry(
                    f"model: {displayable(model.display_name)} ({name})",
                    displayable(model.source or model.provider),
                    partial(host.choose_model, name, model),
                )
            )
    for theme in host.theme_names:
        entries.append(
            PaletteEntry(f"theme: {theme}", "saved in the config", partial(host.set_theme, theme))
        )
    return entries


def _runner(host: PaletteHost, binding: Binding) -> Callable[[], object]:
    # An app-wide key's action lives on the app, the others on the main screen.
    action = f"app.{binding.action}" if binding.action in APP_ACTIONS else binding.action

    async def run() -> None:
        await host.run_action(action)

    return run
