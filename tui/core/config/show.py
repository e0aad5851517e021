"""`caro config show`: every effective key of every table, each with where its value came from
(default, file, env CARO_..., flag --...), derived from the declaration."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import tomlkit
from tomlkit.items import Table

from tui.core.config import fields as walk
from tui.core.config.schema import BackendConfig, Config, section_types

# What an unset sampler key means, by where it is unset.
_BACKEND_SAMPLER_UNSET = "[generation]'s values"
_GENERATION_SAMPLER_UNSET = "the engine's own"


def show(config: Config) -> str:
    """The effective configuration as TOML, each value followed by where it came from."""
    document = tomlkit.document()
    document.add(
        tomlkit.comment(
            f"effective configuration (file: {config.path}"
            + ("" if config.file_exists else ", not created yet")
            + ")"
        )
    )
    document.add(
        tomlkit.comment("after each key, where its value came from: default, file, env or flag")
    )
    backends = tomlkit.table(is_super_table=True)
    for name, backend in config.backends.items():
        backends[name] = _backend_table(config, name, backend)
    document["backends"] = backends
    for section, cls in section_types().items():
        document[section] = _table(
            getattr(config, section),
            walk.entries(cls),
            section,
            config.sources,
            _GENERATION_SAMPLER_UNSET,
        )
    return document.as_string()


def _backend_table(config: Config, name: str, backend: BackendConfig) -> Table:
    where = f"backends.{name}"
    table = _table(
        backend, walk.entries(BackendConfig), where, config.sources, _BACKEND_SAMPLER_UNSET
    )
    if backend.options is not None and dataclasses.is_dataclass(backend.options):
        own = walk.accepted(walk.entries(BackendConfig))
        plugin = tuple(
            entry for entry in walk.plugin_entries(type(backend.options)) if entry.key not in own
        )
        _add_entries(table, backend.options, plugin, where, config.sources, "")
    return table


def _table(
    value: Any,
    declared: tuple[walk.Entry, ...],
    where: str,
    sources: Mapping[str, str],
    sampler_unset: str,
) -> Table:
    table = tomlkit.table()
    _add_entries(table, value, declared, where, sources, sampler_unset)
    return table


def _add_entries(
    table: Table,
    value: Any,
    declared: tuple[walk.Entry, ...],
    where: str,
    sources: Mapping[str, str],
    sampler_unset: str,
) -> None:
    unset_sampler: list[str] = []
    for entry in declared:
        holder = getattr(value, entry.field) if entry.flat else value
        current = getattr(holder, entry.key if entry.flat else entry.field)
        source = sources.get(f"{where}.{entry.key}", "default")
        if entry.flat and current in (None, ()):
            unset_sampler.append(entry.key)
        elif current is None:
            unset = entry.spec.unset or "no value"
            table.add(tomlkit.comment(f"{entry.key} is not set: {unset} ({source})"))
        else:
            item = tomlkit.item(_plain(current))
            item.comment(source)
            table.add(entry.key, item)
    if unset_sampler:
        table.add(
            tomlkit.comment(f"not set, so {sampler_unset}: {', '.join(unset_sampler)} (default)")
        )


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Mapping):
        inline = tomlkit.inline_table()
        inline.update(dict(value))
        return inline
    return value
