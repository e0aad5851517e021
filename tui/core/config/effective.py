"""`caro config show`: every effective key of every table, each with where its value came from
(default, file, env CARO_..., flag --...), derived from the declaration; as commented TOML or
as data for --json."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import tomlkit
from tomlkit.items import Table

from tui.core.config import fields as walk
from tui.core.config.schema import BackendConfig, Config, section_types

# What an unset sampler key means, by where it is unset.
_BACKEND_SAMPLER_UNSET = "[generation]'s values"
_GENERATION_SAMPLER_UNSET = "the engine's own"


@dataclass(frozen=True)
class Row:
    """One key as it is in effect: its value (None: not set, `unset` says what that means)."""

    key: str
    value: Any
    source: str
    unset: str = ""
    sampler: bool = False


def effective(config: Config) -> dict[str, list[Row]]:
    """Dotted table name ("backends.ollama", "ui") -> its keys, in declaration order."""
    tables: dict[str, list[Row]] = {}
    own = walk.entries(BackendConfig)
    for name, backend in config.backends.items():
        where = f"backends.{name}"
        tables[where] = _rows(backend, own, where, config.sources, _BACKEND_SAMPLER_UNSET)
        if backend.options is not None and dataclasses.is_dataclass(backend.options):
            names = walk.accepted(own)
            plugin = walk.plugin_entries(type(backend.options))
            extra = tuple(entry for entry in plugin if entry.key not in names)
            tables[where] += _rows(backend.options, extra, where, config.sources, "")
    for section, cls in section_types().items():
        tables[section] = _rows(
            getattr(config, section),
            walk.entries(cls),
            section,
            config.sources,
            _GENERATION_SAMPLER_UNSET,
        )
    return tables


def _rows(
    value: Any,
    declared: tuple[walk.Entry, ...],
    where: str,
    sources: Mapping[str, str],
    sampler_unset: str,
) -> list[Row]:
    rows: list[Row] = []
    for entry in declared:
        holder = getattr(value, entry.field) if entry.flat else value
        current = getattr(holder, entry.key if entry.flat else entry.field)
        if entry.flat and current == ():
            current = None
        unset = sampler_unset if entry.flat else entry.spec.unset
        source = sources.get(f"{where}.{entry.key}", "default")
        rows.append(Row(entry.key, current, source, unset, entry.flat))
    return rows


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
    tables = effective(config)
    backends = tomlkit.table(is_super_table=True)
    for where, rows in tables.items():
        if where.startswith("backends."):
            backends[where.removeprefix("backends.")] = _toml_table(rows)
    document["backends"] = backends
    for where, rows in tables.items():
        if not where.startswith("backends."):
            document[where] = _toml_table(rows)
    return document.as_string()


def _toml_table(rows: list[Row]) -> Table:
    table = tomlkit.table()
    unset_sampler = [row.key for row in rows if row.sampler and row.value is None]
    for row in rows:
        if row.value is not None:
            item = tomlkit.item(_plain(row.value))
            item.comment(row.source)
            table.add(row.key, item)
        elif not row.sampler:
            unset = row.unset or "no value"
            table.add(tomlkit.comment(f"{row.key} is not set: {unset} ({row.source})"))
    if unset_sampler:
        unset = next(row.unset for row in rows if row.sampler)
        table.add(tomlkit.comment(f"not set, so {unset}: {', '.join(unset_sampler)} (default)"))
    return table


def as_data(config: Config) -> dict[str, Any]:
    """For --json: the file, and table -> key -> {"value", "source"} (value null when unset,
    with "unset" saying what that means)."""
    tables: dict[str, Any] = {}
    for where, rows in effective(config).items():
        tables[where] = {
            row.key: {"value": _json_value(row.value), "source": row.source}
            | ({"unset": row.unset} if row.value is None and row.unset else {})
            for row in rows
        }
    return {"path": str(config.path), "file_exists": config.file_exists, "tables": tables}


def _json_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Mapping):
        return dict(value)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Mapping):
        inline = tomlkit.inline_table()
        inline.update(dict(value))
        return inline
    return value
