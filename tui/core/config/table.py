"""The README's table of every config key, written from the declaration
(scripts/config_table.py writes it; a test fails when the README and the schema disagree)."""

from __future__ import annotations

import dataclasses
from typing import Any

from tui.core.config import fields as walk
from tui.core.config.schema import BackendConfig, section_types

START = "<!-- config-table: written by scripts/config_table.py from tui/core/config/schema.py -->"
END = "<!-- config-table: end -->"


def markdown() -> str:
    """One row per key: the table it belongs in, its default, what it sets."""
    rows = ["| key | default | what it sets |", "|---|---|---|"]
    rows += _rows("[backends.NAME]", walk.entries(BackendConfig), "as in [generation]")
    for section, cls in section_types().items():
        rows += _rows(f"[{section}]", walk.entries(cls), "the engine's own")
    return "\n".join(rows)


def _rows(table: str, declared: tuple[walk.Entry, ...], sampler_unset: str) -> list[str]:
    rows: list[str] = []
    sampler = [entry for entry in declared if entry.flat]
    for entry in declared:
        if entry.flat:
            continue
        name = " / ".join(f"`{n}`" for n in (entry.key, *entry.spec.aliases))
        rows.append(f"| {table} {name} | {_default(entry)} | {entry.spec.help} |")
    if sampler:
        keys = ", ".join(
            f"`{e.key}` ({_default(e)})" if e.default not in (None, ()) else f"`{e.key}`"
            for e in sampler
        )
        rows.append(
            f"| {table} sampler keys | {sampler_unset} where no default is given | "
            f"{keys}: the sampler settings (see "
            "[Prompt cache and sampler settings](#prompt-cache-and-sampler-settings)) |"
        )
    return rows


def _default(entry: walk.Entry) -> str:
    default: Any = entry.default
    if default is dataclasses.MISSING or default is None:
        return entry.spec.unset or "not set"
    return f"`{_toml(default)}`"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{}"
            if not value
            else "{" + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + "}"
        )
    return f"{value:g}" if isinstance(value, float) else str(value)


def replace_block(readme: str) -> str:
    """`readme` with the text between the markers replaced by the current table."""
    head, start, rest = readme.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError(f"the README has no {START!r} ... {END!r} block")
    return f"{head}{START}\n{markdown()}\n{END}{tail}"
