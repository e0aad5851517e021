"""Writing the file back: tomlkit keeps the person's comments; a broken file is never touched,
and nothing is written unless the whole file still validates."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomlkit
import tomlkit.exceptions
from tomlkit.items import Table
from tomlkit.toml_document import TOMLDocument

from tui.core.config.errors import ConfigError, Problem
from tui.core.config.load import from_document, read_document


def set_value(path: Path, dotted_key: str, raw_value: str) -> Any:
    """Sets `dotted_key` (e.g. backends.ollama.timeout) and writes the file back.

    The value is read as TOML when it parses as one (60, true, ["a"]) and as a string otherwise.
    The whole file is validated before anything is written.
    """
    document = read_document(path) if path.exists() else tomlkit.document()
    value = parse_value(raw_value)
    parts = [part for part in dotted_key.split(".") if part]
    if len(parts) < 2:
        raise ConfigError(path, [Problem(f"{dotted_key!r}: give section.key, e.g. ui.theme")])
    table: Any = document
    for part in parts[:-1]:
        if part not in table:
            table[part] = tomlkit.table(is_super_table=(table is document and part == "backends"))
        table = table[part]
        if not isinstance(table, Table | TOMLDocument) and not isinstance(table, dict):
            raise ConfigError(path, [Problem(f"{dotted_key}: {part} is not a table")])
    table[parts[-1]] = value
    from_document(document, path)  # validates; raises before writing
    write_document(path, document)
    return value


def set_values(path: Path, table_key: str, values: Mapping[str, Any]) -> None:
    """Sets several keys of one table (e.g. a new backend) in one validated write."""
    document = read_document(path) if path.exists() else tomlkit.document()
    parts = table_key.split(".")
    table: Any = document
    for part in parts:
        if part not in table:
            table[part] = tomlkit.table(is_super_table=(table is document and part == "backends"))
        table = table[part]
    for key, value in values.items():
        table[key] = value
    from_document(document, path)
    write_document(path, document)


def parse_value(raw: str) -> Any:
    try:
        return tomlkit.parse(f"v = {raw}")["v"].unwrap()
    except tomlkit.exceptions.ParseError:
        return raw


def write_document(path: Path, document: TOMLDocument) -> None:
    """Replaces the file in one step; it keeps its mode (a new one is 0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o600
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | os.O_NOFOLLOW
    with os.fdopen(os.open(temporary, flags, mode), "w", encoding="utf-8") as handle:
        os.fchmod(handle.fileno(), mode)  # the umask narrowed it
        handle.write(document.as_string())
    os.replace(temporary, path)
