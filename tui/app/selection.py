"""Which backend and model the workbench uses, and what it knows of each backend's health.

Plain state with the rules in one place: a backend chosen by the person (a key, a click, the
config, CARO_BACKEND) stays chosen; otherwise the first healthy one in the automatic order is
used, and the choice moves on when the current one turns out to be down.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tui.core.backends.base import Health, ModelInfo
from tui.core.config import Config


@dataclass
class Selection:
    config: Config
    auto_order: list[str]
    backend: str | None = None
    person_chose: bool = False
    health: dict[str, Health] = field(default_factory=dict)
    models: dict[str, list[ModelInfo]] = field(default_factory=dict)
    chosen_models: dict[str, ModelInfo] = field(default_factory=dict)
    compare_marks: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        chosen = self.config.selection.backend
        if chosen:
            self.backend, self.person_chose = chosen, True
        elif self.auto_order:
            self.backend = self.auto_order[0]
        elif self.config.backends:
            self.backend = next(iter(self.config.backends))

    @property
    def names(self) -> list[str]:
        return list(self.config.backends)

    def choose_backend(self, name: str) -> None:
        self.backend = name
        self.person_chose = True

    def fall_back_if_down(self) -> bool:
        """Moves an automatic choice to the first healthy backend; True when it moved."""
        if self.person_chose or self.backend is None:
            return False
        current = self.health.get(self.backend)
        if current is None or current.usable:
            return False
        for name in self.auto_order:
            health = self.health.get(name)
            if health is not None and health.usable:
                self.backend = name
                return True
        return False

    def step_backend(self, step: int) -> str:
        names = self.names
        index = names.index(self.backend) if self.backend in names else -1
        return names[(index + step) % len(names)]

    def choose_model(self, backend: str, model: ModelInfo) -> None:
        self.chosen_models[backend] = model

    def chosen_model(self, backend: str) -> ModelInfo | None:
        return self.chosen_models.get(backend)

    def model_id(self, backend: str) -> str | None:
        """The model shown as in use: chosen, else loaded, else the configured one."""
        chosen = self.chosen_models.get(backend)
        if chosen is not None:
            return chosen.id
        models = self.models.get(backend, [])
        loaded = [model.id for model in models if model.loaded]
        if loaded:
            return loaded[0]
        configured = self.config.backend(backend).model
        if not configured:
            return None
        for model in models:
            if configured == model.id or (
                model.path and Path(configured).expanduser() == Path(model.path)
            ):
                return model.id
        return None

    def step_model(self, step: int) -> ModelInfo | None:
        if self.backend is None:
            return None
        usable = [model for model in self.models.get(self.backend, []) if model.can_generate]
        if not usable:
            return None
        current = self.model_id(self.backend)
        ids = [model.id for model in usable]
        index = ids.index(current) if current in ids else -1
        return usable[(index + step) % len(usable)]

    def toggle_compare_mark(self, name: str) -> None:
        self.compare_marks ^= {name}

    def compare_set(self) -> list[str]:
        """The backends marked for comparing, else every healthy one."""
        if self.compare_marks:
            return [name for name in self.names if name in self.compare_marks]
        return [name for name in self.names if (h := self.health.get(name)) and h.usable]

    def describe(self) -> str:
        if self.backend is None:
            return "no backend"
        health = self.health.get(self.backend)
        model = self.model_id(self.backend) or self.config.backend(self.backend).model
        if model and "/" in model:
            model = Path(model).name
        parts = [f"backend {self.backend}"]
        parts.append(f"model {model}" if model else "model: the backend's default")
        if health is not None and not health.usable:
            parts.append(f"{health.status.value}: {health.detail}")
        if self.compare_marks:
            parts.append("compare: " + ", ".join(sorted(self.compare_marks)))
        return "  ·  ".join(parts)
