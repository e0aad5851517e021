"""What the workbench tests share: configs written to the test's CARO_CONFIG, a registry that
hands in already-built backends, a scripted backend for deterministic snapshots, and readers
for what is on screen."""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator, Mapping, Sequence
from pathlib import Path

from textual.widgets import RichLog
from textual.worker import WorkerCancelled, WorkerFailed

from tui.app.workbench import WorkbenchApp, make_app
from tui.core.backends.base import (
    Backend,
    Capability,
    Finished,
    GenerationRequest,
    Health,
    HealthStatus,
    ModelInfo,
    Started,
    StreamEvent,
    TextDelta,
    Timings,
)
from tui.core.backends.registry import Registry
from tui.core.config import Config, load
from tui.core.generation.pipeline import ShellContext

FIXED_CONTEXT = ShellContext(os_name="Linux", shell="bash", cwd="/home/person/project")


def write_config(text: str) -> Config:
    path = Path(os.environ["CARO_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load()


class PreloadedRegistry(Registry):
    """A Registry that uses backends the test built (and closes only the ones it built)."""

    def __init__(self, config: Config, backends: Mapping[str, Backend]) -> None:
        super().__init__(config)
        self.preloaded = dict(backends)

    def get(self, name: str) -> Backend:
        if name in self.preloaded:
            return self.preloaded[name]
        return super().get(name)


def app_with(config: Config, backends: Mapping[str, Backend], **options: object) -> WorkbenchApp:
    options.setdefault("context", lambda: FIXED_CONTEXT)
    options.setdefault("refresh_s", 0)
    return make_app(config, registry=PreloadedRegistry(config, backends), **options)  # type: ignore[arg-type]


class ScriptedBackend:
    """A backend that answers with a fixed text and fixed timings.

    Only for the snapshot tests, whose pictures must not change from run to run; every
    behaviour test uses the real embedded engine.
    """

    kind = "scripted"
    supports_prefix = False

    def __init__(
        self,
        name: str,
        answer: str,
        *,
        health: Health | None = None,
        models: Sequence[ModelInfo] = (),
    ) -> None:
        self.name = name
        self.answer = answer
        self.health = health or Health(HealthStatus.UP, latency_s=0.012, version="scripted 1.0")
        self.models = list(models)

    async def probe(self) -> Health:
        return self.health

    async def list_models(self) -> list[ModelInfo]:
        return self.models

    async def stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        yield Started(model="scripted-model", prompt_tokens=180)
        for piece in self.answer.split(" "):
            await asyncio.sleep(0)
            yield TextDelta(piece + " ")
        yield Finished(
            Timings(ttft_s=0.085, total_s=0.6, prompt_tokens=180, completion_tokens=12),
            model="scripted-model",
        )

    def describe(self) -> Mapping[str, object]:
        return {"engine": "scripted", "model": "scripted-model"}

    async def aclose(self) -> None:
        return None


def model(
    name: str, *, embed: bool = False, ctx: int = 32768, size: int = 986_000_000
) -> ModelInfo:
    capabilities = frozenset({Capability.EMBED}) if embed else frozenset({Capability.GENERATE})
    return ModelInfo(
        id=name,
        capabilities=capabilities,
        context_length=ctx,
        size_bytes=size,
        quantization="Q4_K_M" if not embed else "F16",
    )


def static_text(app: WorkbenchApp, selector: str) -> str:
    """The text a widget shows (a Static, or the stream view)."""
    widget = app.screen.query_one(selector)
    return str(widget.render())


def log_text(app: WorkbenchApp) -> str:
    log = app.query_one("#run-log", RichLog)
    return "\n".join(line.text for line in log.lines)


async def settle(app: WorkbenchApp) -> None:
    """Waits for every worker to end, cancelled ones included (wait_for_complete raises there)."""
    while running := [worker for worker in app.workers if not worker.is_finished]:
        for worker in running:
            with contextlib.suppress(WorkerCancelled, WorkerFailed):
                await worker.wait()
