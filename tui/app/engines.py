"""The service between the workbench and the backends: probing, model lists, generation.

Textual-free, so the screens call one object instead of juggling the registry, the settings and
the embedded engines' model switching themselves.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from tui.core.backends.base import Backend, BackendError, ErrorKind, Health, ModelInfo
from tui.core.backends.registry import EMBEDDED_KINDS, BackendUnavailableError, Registry, create
from tui.core.config import Config
from tui.core.request import RequestContext

if TYPE_CHECKING:  # the generation pipeline loads on the first request, not at start-up
    from tui.core.generation.pipeline import (
        CommandResult,
        EventSink,
        GenerationSettings,
        ShellContext,
    )

# A list of thousands of models takes seconds to read on a busy machine; each of its HTTP reads
# still has the backend's own timeout, so a server that hangs is caught by that.
MODELS_TIMEOUT_FLOOR_S = 15.0


class Engines:
    """The configured backends, as the workbench uses them."""

    def __init__(
        self,
        config: Config,
        registry: Registry | None = None,
        context: Callable[[], ShellContext] | None = None,
        request: RequestContext | None = None,
    ) -> None:
        """`request` is the context every request is made in (built here when None);
        `context`, when given, replaces what the prompt says about the machine (tests fix it)."""
        self.config = config
        self.request = request or RequestContext.build(config)
        self.registry = registry or Registry(config)
        self._owns_registry = registry is None
        self._context = context
        # Embedded engines load one model file each; a model chosen in the workbench gets its
        # own engine, kept until another one is chosen.
        self._variants: dict[str, tuple[str, Backend]] = {}
        self._build_locks: dict[str, asyncio.Lock] = {}

    @property
    def names(self) -> list[str]:
        return self.registry.names

    def kind(self, name: str) -> str:
        return self.config.backend(name).kind

    def timeout(self, name: str) -> float:
        return self.config.backend(name).timeout

    async def build(self, name: str) -> Backend:
        """The backend, built off the event loop the first time.

        Building imports its client library and makes HTTP clients (TLS contexts load the
        system's certificates): tens of milliseconds each, which on the UI thread would hold
        up the first keystrokes.
        """
        lock = self._build_locks.setdefault(name, asyncio.Lock())
        async with lock:
            try:
                return await asyncio.to_thread(self.registry.get, name)
            except BackendUnavailableError as error:
                raise BackendError(
                    error.message, fix=error.fix, kind=ErrorKind.UNAVAILABLE, backend=name
                ) from None

    async def probe(self, name: str) -> Health:
        if self.config.backend(name).enabled:
            with contextlib.suppress(BackendError):
                await self.build(name)  # a failure is reported by the probe itself
        return await self.registry.probe(name)

    async def models(self, name: str) -> list[ModelInfo]:
        """The backend's models; raises BackendError with a fix when it cannot list them."""
        timeout_s = max(self.timeout(name), MODELS_TIMEOUT_FLOOR_S)
        backend = await self.build(name)
        try:
            return await asyncio.wait_for(backend.list_models(), timeout_s)
        except TimeoutError:
            raise BackendError(
                f"no model list within {timeout_s:g} s", fix="check the server", backend=name
            ) from None

    def settings(self, name: str, vary: int = 0) -> GenerationSettings:
        """The request context's settings for backend `name` (`vary` > 0: regenerate)."""
        return self.request.settings(name, vary)

    async def backend_for(self, name: str, model: ModelInfo | None) -> Backend:
        """The engine to ask: an embedded backend gets one built for the chosen model file."""
        default = await self.build(name)
        if model is None or self.kind(name) not in EMBEDDED_KINDS or not model.path:
            return default
        if default.describe().get("model") == model.id:
            return default  # the configured engine already has this file loaded
        held = self._variants.get(name)
        if held is not None and held[0] == model.path:
            return held[1]
        if held is not None:
            await held[1].aclose()
        configured = replace(
            self.config.backend(name), model=model.path, model_source="chosen in the workbench"
        )
        variant = create(configured)
        self._variants[name] = (model.path, variant)
        return variant

    async def generate(
        self,
        name: str,
        model: ModelInfo | None,
        request: str,
        on_event: EventSink,
        *,
        vary: int = 0,
    ) -> CommandResult:
        from tui.core.generation.pipeline import generate_command

        backend = await self.backend_for(name, model)
        served_model = model.id if model is not None and not model.path else None
        return await generate_command(
            backend,
            request,
            context=self._context() if self._context else self.request.where,
            settings=self.settings(name, vary),
            model=served_model or self.config.backend(name).model,
            on_event=on_event,
        )

    async def aclose(self) -> None:
        for _path, backend in self._variants.values():
            await backend.aclose()
        self._variants.clear()
        if self._owns_registry:
            await self.registry.aclose()
