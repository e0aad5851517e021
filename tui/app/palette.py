"""The command palette's caro entries: actions, backends, models and themes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from textual.command import DiscoveryHit, Hit, Hits, Provider


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
