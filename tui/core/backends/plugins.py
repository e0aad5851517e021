"""Third-party engines: the `caro.backends` entry-point group.

An entry point's name is the backend `kind`; it loads a callable that takes a BackendConfig and
returns an object speaking the Backend protocol. The callable may carry `config_schema`, a
dataclass of the settings its [backends.NAME] table takes besides caro's own backend keys; caro
validates the table against it and hands the plugin an instance as `BackendConfig.options`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

ENTRY_POINT_GROUP = "caro.backends"


class PluginLoadError(Exception):
    """An installed plugin's entry point failed to import; the message says why."""


def kinds() -> tuple[str, ...]:
    """The kinds installed plugins provide."""
    from importlib import metadata  # only for plugins: it costs the one-shot path ~20 ms

    return tuple(sorted({ep.name for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)}))


def find(kind: str) -> Any | None:
    """The factory an installed plugin provides for `kind`; None when no plugin does."""
    from importlib import metadata

    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if entry_point.name == kind:
            try:
                return entry_point.load()
            except Exception as error:  # noqa: BLE001 - any import failure of foreign code
                raise PluginLoadError(
                    f"the caro.backends plugin for {kind!r} ({entry_point.value}) cannot be "
                    f"loaded: {type(error).__name__}: {error}"
                ) from None
    return None


def schema_of(factory: Any) -> type | None:
    """The plugin's `config_schema` dataclass, when it declares one."""
    schema = getattr(factory, "config_schema", None)
    return schema if isinstance(schema, type) and dataclasses.is_dataclass(schema) else None
