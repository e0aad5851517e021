"""The walk over the declaration (schema.py): which TOML keys a table takes, how a value is
checked, and how a table becomes its dataclass."""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Mapping
from typing import Any, NamedTuple

from tui.core.backends.base import SamplerSettings
from tui.core.config import checks
from tui.core.config.schema import FLAT, KEY, Key


class Entry(NamedTuple):
    """One TOML key of a table."""

    key: str
    field: str  # the dataclass field holding it (the gathering field for a sampler key)
    spec: Key
    default: Any  # dataclasses.MISSING when the key has none
    annotation: Any
    flat: bool = False


@functools.cache
def entries(cls: type) -> tuple[Entry, ...]:
    """The keys of the table `cls` declares, in declaration order.

    Annotations stay as written (strings, for `coerce`): evaluating them with get_type_hints
    costs every `caro "..."` tens of milliseconds."""
    found: list[Entry] = []
    for item in dataclasses.fields(cls):
        default = _default(item)
        if KEY in item.metadata:
            found.append(Entry(item.name, item.name, item.metadata[KEY], default, item.type))
        elif FLAT in item.metadata:
            inner = {f.name: f.type for f in dataclasses.fields(type(default))}
            for name, spec in item.metadata[FLAT].items():
                found.append(
                    Entry(name, item.name, spec, getattr(default, name), inner[name], flat=True)
                )
    return tuple(found)


def plugin_entries(schema: type) -> tuple[Entry, ...]:
    """A plugin's `config_schema`: every field is a key; a field without caro's metadata is
    checked by its type annotation and described by its metadata's "help"."""
    hints = typing.get_type_hints(schema)
    found: list[Entry] = []
    for item in dataclasses.fields(schema):
        spec = item.metadata.get(KEY) or Key(
            str(item.metadata.get("help", "")), checks.for_annotation(hints[item.name])
        )
        found.append(Entry(item.name, item.name, spec, _default(item), hints[item.name]))
    return tuple(found)


def _default(item: dataclasses.Field[Any]) -> Any:
    if item.default is not dataclasses.MISSING:
        return item.default
    if item.default_factory is not dataclasses.MISSING:
        return item.default_factory()
    return dataclasses.MISSING


def accepted(declared: tuple[Entry, ...]) -> dict[str, Entry]:
    """TOML key (and each alias) -> its entry."""
    names: dict[str, Entry] = {}
    for entry in declared:
        names[entry.key] = entry
        for alias in entry.spec.aliases:
            names[alias] = entry
    return names


def given(declared: tuple[Entry, ...], table: Mapping[str, Any]) -> dict[str, Any]:
    """The values `table` sets, by canonical key (an alias counts as its key; the key itself
    wins when both are there)."""
    values: dict[str, Any] = {}
    for entry in declared:
        for name in (*reversed(entry.spec.aliases), entry.key):
            if name in table:
                values[entry.key] = table[name]
    return values


def build(base: Any, declared: tuple[Entry, ...], table: Mapping[str, Any]) -> Any:
    """`base` with the keys `table` sets (checked already), converted to their field types."""
    values = given(declared, table)
    changes: dict[str, Any] = {}
    flats: dict[str, dict[str, Any]] = {}
    for entry in declared:
        if entry.key not in values:
            continue
        value = coerce(entry.annotation, values[entry.key])
        if entry.flat:
            flats.setdefault(entry.field, {})[entry.key] = value
        else:
            changes[entry.field] = value
    for name, settings in flats.items():
        changes[name] = getattr(base, name).merged(SamplerSettings(**settings))
    return dataclasses.replace(base, **changes)


def coerce(annotation: Any, value: Any) -> Any:
    """A TOML value as the field's type: floats from whole numbers, tuples from arrays,
    a plain dict from a table. `annotation` is a type, or its text as written."""
    if isinstance(annotation, str):
        return _coerce_written(annotation, value)
    origin = typing.get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        present = [a for a in typing.get_args(annotation) if a is not type(None)]
        return coerce(present[0], value) if len(present) == 1 and value is not None else value
    if annotation is float and isinstance(value, int):
        return float(value)
    if origin is tuple:
        return (value,) if isinstance(value, str) else tuple(value)
    if origin in (dict, Mapping) or annotation is Mapping:
        return dict(value)
    return value


def _coerce_written(annotation: str, value: Any) -> Any:
    written = annotation.replace(" ", "").removesuffix("|None")
    if written == "float" and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if written.startswith("tuple["):
        return (value,) if isinstance(value, str) else tuple(value)
    if written.startswith(("Mapping[", "dict[")):
        return dict(value)
    return value
