"""Builds backends from the configuration, probes them, and picks one.

Engines are imported only when a backend of their kind is built, so `caro "..."` with the
embedded engine never imports an HTTP client it does not need. Third-party engines plug in
through the `caro.backends` entry-point group: the entry point's name is the `kind`, and it
loads a callable taking a BackendConfig and returning an object that speaks the Backend protocol.
"""

from __future__ import annotations

import asyncio
import importlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from tui.core.backends import plugins
from tui.core.backends.base import Backend, Health, HealthStatus
from tui.core.config import BackendConfig, Config, is_apple_silicon
from tui.core.errors import CaroError

ENTRY_POINT_GROUP = plugins.ENTRY_POINT_GROUP
# The longest a failure waits for the other backends' probes, to suggest one of them.
OFFER_CAP_S = 3.0
BUILTIN_KINDS: dict[str, str] = {
    "llamacpp": "tui.core.backends.embedded.engine_client:embedded_llamacpp",
    "mlx": "tui.core.backends.embedded.mlx:MlxBackend",
    "ollama": "tui.core.backends.served.ollama:OllamaBackend",
    "vllm": "tui.core.backends.served.vllm:VllmBackend",
    "openai": "tui.core.backends.served.openai:OpenAICompatibleBackend",
}
EMBEDDED_KINDS = frozenset({"llamacpp", "mlx"})
# How to start each kind, for "down" messages.
START_HINTS = {
    "ollama": "start it with `ollama serve`",
    "vllm": "start it with `vllm serve MODEL --port 8000`",
    "openai": "start the server, or check [backends.NAME] url",
}

Factory = Callable[[BackendConfig], Backend]


class BackendUnavailableError(CaroError):
    pass


def _load_factory(kind: str) -> Factory:
    target = BUILTIN_KINDS.get(kind)
    if target is None:
        try:
            factory: Factory | None = plugins.find(kind)
        except plugins.PluginLoadError as error:
            raise BackendUnavailableError(str(error), "reinstall or remove that plugin") from None
        if factory is not None:
            return factory
        raise BackendUnavailableError(
            f"no engine of kind {kind!r}",
            f"use one of {', '.join(BUILTIN_KINDS)} or install a plugin that provides it",
        )
    module_name, _, attribute = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise BackendUnavailableError(
            f"the {kind} engine cannot be imported ({error})",
            "install caro's optional extra for it (see the README)",
        ) from None
    built: Factory = getattr(module, attribute)
    return built


def create(config: BackendConfig) -> Backend:
    return _load_factory(config.kind)(config)


@dataclass(frozen=True)
class Selection:
    backend: Backend
    reason: str


class NoBackendError(CaroError):
    def __init__(self, message: str, fixes: Iterable[str] = (), *, chosen: bool = False) -> None:
        self.fixes = list(fixes)
        # True: one named backend failed and `fixes` are alternatives; False: per-backend fixes.
        self.chosen = chosen
        super().__init__(message, ("\n  or: " if chosen else "\n  ").join(self.fixes))


class Registry:
    """The configured backends, built on first use and kept for the life of the process."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._built: dict[str, Backend] = {}
        # The latest health of each backend probed in this process.
        self.latest: dict[str, Health] = {}

    @property
    def names(self) -> list[str]:
        return list(self.config.backends)

    def enabled_names(self) -> list[str]:
        return [name for name, backend in self.config.backends.items() if backend.enabled]

    def get(self, name: str) -> Backend:
        if name not in self._built:
            self._built[name] = create(self.config.backend(name))
        return self._built[name]

    async def probe(self, name: str, timeout_s: float | None = None) -> Health:
        """One backend's health, never raising and never taking longer than its timeout."""
        health = await self._probe(name, timeout_s)
        self.latest[name] = health
        return health

    async def _probe(self, name: str, timeout_s: float | None) -> Health:
        backend_config = self.config.backend(name)
        if not backend_config.enabled:
            return Health(
                HealthStatus.DOWN,
                detail="disabled in the config",
                fix=f"set [backends.{name}] enabled = true",
            )
        timeout_s = timeout_s or backend_config.timeout
        started = time.perf_counter()
        try:
            backend = self.get(name)
            return await asyncio.wait_for(backend.probe(), timeout_s)
        except BackendUnavailableError as error:
            return Health(HealthStatus.DOWN, detail=error.message, fix=error.fix)
        except TimeoutError:
            return Health(
                HealthStatus.DOWN,
                latency_s=time.perf_counter() - started,
                detail=f"no answer within {timeout_s:g} s",
                fix=f"raise [backends.{name}] timeout, or check the server",
            )
        except Exception as error:  # noqa: BLE001 - a probe must never take the caller down
            return Health(
                HealthStatus.DOWN,
                latency_s=time.perf_counter() - started,
                detail=f"probe failed: {error}",
                fix=START_HINTS.get(backend_config.kind, ""),
            )

    async def probe_all(
        self, names: Iterable[str] | None = None, timeout_s: float | None = None
    ) -> dict[str, Health]:
        """Probes concurrently: the wall time is that of the slowest probe, not the sum."""
        chosen = list(names) if names is not None else self.names
        results = await asyncio.gather(*(self.probe(name, timeout_s) for name in chosen))
        return dict(zip(chosen, results, strict=True))

    def auto_order(self) -> list[str]:
        """The configured order, then any other enabled backend, skipping disabled ones."""
        order = [n for n in self.config.selection.order if n in self.config.backends]
        order += [n for n in self.config.backends if n not in order]
        names = [n for n in order if self.config.backends[n].enabled]
        if not is_apple_silicon():
            # MLX leads only on Apple Silicon; elsewhere it is used when chosen by name.
            names = [n for n in names if self.config.backends[n].kind != "mlx"] + [
                n for n in names if self.config.backends[n].kind == "mlx"
            ]
        return names

    async def select(self, notify: Callable[[str], None] = lambda _: None) -> Selection:
        """The chosen backend if one is named (flag, env, config), else the first healthy one.

        A chosen backend that is down is never swapped for another: the error names the next
        healthy backend and the flag that picks it.
        """
        chosen = self.config.selection.backend
        if chosen:
            health = await self.probe(chosen)
            source = self.config.selection.backend_source or "the config"
            if not health.usable:
                offer = await self.offer_instead(chosen)
                raise NoBackendError(
                    f"{chosen} (chosen by {source}) is {health.status}: {health.detail}",
                    [f for f in (health.fix, offer) if f],
                    chosen=True,
                )
            return Selection(self.get(chosen), f"chosen by {source}")
        problems: list[str] = []
        fixes: list[str] = []
        for name in self.auto_order():
            health = await self.probe(name)
            if health.usable:
                reason = (
                    "first in the automatic order"
                    if not problems
                    else "first healthy backend in the automatic order"
                )
                return Selection(self.get(name), reason)
            problems.append(f"{name}: {health.status} ({health.detail})")
            if health.fix:
                fixes.append(f"{name}: {health.fix}")
            notify(f"{name} is {health.status}: {health.detail}")
        raise NoBackendError(
            "no backend is available:\n  " + "\n  ".join(problems or ["none is enabled"]), fixes
        )

    async def next_healthy(
        self, failed: str, cap_s: float = OFFER_CAP_S
    ) -> tuple[str | None, list[str]]:
        """The first backend after `failed` in the automatic order that is up, and the ones
        that did not answer a check within `cap_s`.

        Health already known in this process is used as it is; the others are probed
        together, each for at most `cap_s`, so a slow backend never delays the failure.
        """
        others = [name for name in self.auto_order() if name != failed]
        unknown = [name for name in others if name not in self.latest]
        answered = await asyncio.gather(*(self._answers_within(name, cap_s) for name in unknown))
        silent = [name for name, ok in zip(unknown, answered, strict=True) if not ok]
        known = [name for name in others if name in self.latest]
        return next((name for name in known if self.latest[name].usable), None), silent

    async def _answers_within(self, name: str, cap_s: float) -> bool:
        """Probes `name`; False when it gave no answer within `cap_s` (its health stays
        unknown: a slow backend is not a down one)."""
        try:
            await asyncio.wait_for(self.probe(name), cap_s)
        except TimeoutError:
            return False
        return True

    async def offer_instead(self, failed: str) -> str:
        """What to say when `failed` cannot answer: the next healthy backend and how to use it."""
        other, silent = await self.next_healthy(failed)
        if other is not None:
            return f"{other} is up: rerun with --backend {other}"
        if silent:
            return (
                f"no other backend is known to be up: {', '.join(silent)} did not answer "
                f"within {OFFER_CAP_S:g} s (see `caro doctor`)"
            )
        return "no other backend is up (see `caro doctor`)"

    async def aclose(self) -> None:
        # A health check may still build a backend while these close (SIGTERM at start-up):
        # take them one at a time until none is left, never iterate the live dict.
        while self._built:
            _name, backend = self._built.popitem()
            await backend.aclose()
