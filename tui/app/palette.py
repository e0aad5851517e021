"""The command palette's caro entries: actions, backends, models and themes."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Protocol

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.app.keys import KEYS
from tui.app.widgets.sidebar import ModelChosen
from tui.core.display import displayable

if TYPE_CHECKING:
    from tui.app.workbench import WorkbenchApp

# The palette lists this many models of each backend; the sidebar's filter finds any of them.
MODELS_PER_BACKEND = 200


@dataclass(frozen=True)
class PaletteEntry:
    title: str
    help: str
    run: Callable[[], object]


class HasPaletteEntries(Protocol):
    def palette_entries(self) -> list[PaletteEntry]: ...


class CaroCommands(Provider):
    def _entries(self) -> list[PaletteEntry]:
        app: HasPaletteEntries = self.app  # type: ignore[assignment]
        return app.palette_entries()

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(entry.title, entry.run, help=entry.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            score = matcher.match(entry.title)
            if score > 0:
                yield Hit(score, matcher.highlight(entry.title), entry.run, help=entry.help)


def workbench_entries(app: WorkbenchApp) -> list[PaletteEntry]:
    """The actions (from the key bindings), each backend, each usable model, each theme."""
    entries = [
        PaletteEntry(f"caro: {binding.description}", binding.tooltip, _runner(app, binding))
        for binding in KEYS
        if binding.description and not binding.action.startswith("select_backend")
    ]
    for name in app.engines.names:
        health = app.state.health.get(name)
        status = health.status.value if health else "checking"
        entries.append(PaletteEntry(f"backend: {name}", status, partial(app.choose_backend, name)))
        usable = (m for m in app.state.models.get(name, []) if m.can_generate)
        for model in itertools.islice(usable, MODELS_PER_BACKEND):
            if model.can_generate:
                entries.append(
                    PaletteEntry(
                        f"model: {displayable(model.display_name)} ({name})",
                        displayable(model.source or model.provider),
                        partial(app.on_model_chosen, ModelChosen(name, model)),
                    )
                )
    for theme in app.caro_themes:
        entries.append(
            PaletteEntry(f"theme: {theme}", "saved in the config", partial(app.set_theme, theme))
        )
    return entries


def _runner(app: WorkbenchApp, binding: Binding) -> Callable[[], object]:
    action = binding.action

    async def run() -> None:
        await app.run_action(action)

    return run
