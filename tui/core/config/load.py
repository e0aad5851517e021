"""Reading the file (a missing one is fine), validating every key against the declaration with
its line, building the Config, and the overrides of the environment and the flags."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

import tomlkit
import tomlkit.exceptions
from tomlkit.toml_document import TOMLDocument

from tui.core import paths
from tui.core.config import fields as walk
from tui.core.config.errors import ConfigError, Problem
from tui.core.config.schema import (
    BACKEND_KINDS,
    KIND_BY_NAME,
    BackendConfig,
    Config,
    base_backend,
    default_backends,
    section_types,
)


def load(path: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Reads the config file (a missing file is fine) and applies CARO_BACKEND / CARO_MODEL."""
    path = path or paths.config_file()
    env = os.environ if env is None else env
    document = read_document(path) if path.exists() else tomlkit.document()
    config = from_document(document, path)
    config = replace(config, file_exists=path.exists())
    return apply_env(config, env)


def read_document(path: Path) -> TOMLDocument:
    text = _read_text(path)
    try:
        return tomlkit.parse(text)
    except tomlkit.exceptions.ParseError as error:
        problem = Problem(f"not valid TOML: {_parse_message(error)}", error.line)
        raise ConfigError(path, [problem]) from None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(path, [Problem(f"not UTF-8 text ({error.reason})")]) from None
    except OSError as error:
        raise ConfigError(path, [Problem(f"cannot be read: {error.strerror}")]) from None


def _parse_message(error: tomlkit.exceptions.ParseError) -> str:
    # tomlkit appends " at line L col C"; the line is reported separately.
    message = str(error)
    cut = message.rfind(" at line ")
    return message[:cut] if cut > 0 else message


def from_document(document: TOMLDocument, path: Path) -> Config:
    data = document.unwrap()
    text = document.as_string()
    problems = validate(data, text)
    if problems:
        raise ConfigError(path, problems)
    return _build(data, path, text)


# -- validation -------------------------------------------------------------------------------


def validate(data: Mapping[str, Any], text: str = "") -> list[Problem]:
    problems: list[Problem] = []
    sections = section_types()
    known_sections = {*sections, "backends"}
    for section, value in data.items():
        if section not in known_sections:
            problems.append(
                Problem(
                    f"unknown section [{section}]; known sections: "
                    + ", ".join(sorted(known_sections)),
                    _find_line(text, (), section),
                )
            )
            continue
        if not isinstance(value, Mapping):
            problems.append(
                Problem(f"{section} must be a table ([{section}])", _find_line(text, (), section))
            )
            continue
        if section == "backends":
            problems += _validate_backends(value, text)
        else:
            declared = walk.entries(sections[section])
            problems += _validate_table(value, declared, (section,), text)
    return problems


class _Kind(NamedTuple):
    """What a backend table's kind says about the keys it takes."""

    name: str | None
    # The plugin's schema, for a plugin kind that declares one.
    schema: type | None = None
    problem: str = ""


def _kind_of(name: str, table: Mapping[str, Any]) -> _Kind:
    kind = table.get("kind", KIND_BY_NAME.get(name))
    if not isinstance(kind, str) or kind in BACKEND_KINDS:
        return _Kind(kind if isinstance(kind, str) else None)
    from tui.core.backends import plugins

    try:
        factory = plugins.find(kind)
    except plugins.PluginLoadError as error:
        return _Kind(None, problem=f"backends.{name}.kind: {error}; reinstall or remove it")
    if factory is None:
        choices = ", ".join((*BACKEND_KINDS, *plugins.kinds()))
        return _Kind(None, problem=f"backends.{name}.kind must be one of: {choices} (got {kind!r})")
    return _Kind(kind, plugins.schema_of(factory))


def _validate_backends(backends: Mapping[str, Any], text: str) -> list[Problem]:
    problems: list[Problem] = []
    for name, table in backends.items():
        where = ("backends", name)
        if not isinstance(table, Mapping):
            problems.append(
                Problem(
                    f"backends.{name} must be a table ([backends.{name}])",
                    _find_line(text, ("backends",), name),
                )
            )
            continue
        kind = _kind_of(name, table)
        declared = walk.entries(BackendConfig)
        if kind.schema is not None:
            declared += _plugin_only(kind.schema)
        problems += _validate_table(table, declared, where, text)
        if kind.problem:
            problems.append(Problem(kind.problem, _find_line(text, where, "kind")))
        if "kind" not in table and name not in KIND_BY_NAME:
            problems.append(
                Problem(
                    f"backends.{name}: say which engine it is with kind = "
                    + " | ".join(f'"{k}"' for k in BACKEND_KINDS),
                    _find_line(text, (), f"backends.{name}"),
                )
            )
        problems += _missing_plugin_keys(kind, table, where, text)
    return problems


def _plugin_only(schema: type) -> tuple[walk.Entry, ...]:
    """The plugin's keys that are not caro's own backend keys (those stay caro's)."""
    own = walk.accepted(walk.entries(BackendConfig))
    return tuple(entry for entry in walk.plugin_entries(schema) if entry.key not in own)


def _missing_plugin_keys(
    kind: _Kind, table: Mapping[str, Any], where: tuple[str, ...], text: str
) -> list[Problem]:
    if kind.schema is None:
        return []
    dotted = ".".join(where)
    return [
        Problem(
            f"{dotted}: the {kind.name} plugin needs {entry.key}"
            + (f" ({entry.spec.help})" if entry.spec.help else ""),
            _find_line(text, (), dotted),
        )
        for entry in _plugin_only(kind.schema)
        if entry.default is dataclasses.MISSING and entry.key not in table
    ]


def _validate_table(
    table: Mapping[str, Any],
    declared: tuple[walk.Entry, ...],
    where: tuple[str, ...],
    text: str,
) -> list[Problem]:
    problems: list[Problem] = []
    dotted = ".".join(where)
    keys = walk.accepted(declared)
    for key, value in table.items():
        line = _find_line(text, where, key)
        if key not in keys:
            problems.append(
                Problem(f"unknown key {dotted}.{key}; known keys: {', '.join(keys)}", line)
            )
            continue
        complaint = keys[key].spec.check(value)
        if complaint:
            problems.append(Problem(f"{dotted}.{key} {complaint} (got {value!r})", line))
    return problems


def _find_line(text: str, table: tuple[str, ...], key: str) -> int | None:
    """The 1-based line where `key` is set inside `[table]` (or where [table.key] starts).

    tomlkit keeps no line numbers after parsing, so this scans the text: good enough for the
    plain layouts people write, and None when it cannot tell.
    """
    if not text:
        return None
    header = ".".join(table)
    current = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("["):
            current = line.strip("[]").strip()
            full = f"{header}.{key}" if header else key
            if current == full or current.startswith(full + "."):
                return number
            continue
        if current == header and _assigns(line, key):
            return number
        if not header and current == "" and _assigns(line, key):
            return number
    return None


def _assigns(line: str, key: str) -> bool:
    name, sep, _ = line.partition("=")
    return bool(sep) and name.strip().strip('"').strip("'") == key


# -- building ---------------------------------------------------------------------------------


def _build(data: Mapping[str, Any], path: Path, text: str = "") -> Config:
    sources: dict[str, str] = {}
    backends = default_backends()
    for name, table in data.get("backends", {}).items():
        kind = _kind_of(name, table)
        backends[name] = _build_backend(name, table, kind, path, text)
        declared = walk.entries(BackendConfig)
        if kind.schema is not None:
            declared += _plugin_only(kind.schema)
        sources |= _from_file(("backends", name), declared, table)
    sections: dict[str, Any] = {}
    for section, cls in section_types().items():
        table = data.get(section, {})
        sections[section] = walk.build(cls(), walk.entries(cls), table)
        sources |= _from_file((section,), walk.entries(cls), table)
    selection = sections["selection"]
    if selection.backend:
        sections["selection"] = replace(selection, backend_source=f"[selection] backend in {path}")
    return Config(path=path, backends=backends, sources=sources, **sections)


def _build_backend(
    name: str, table: Mapping[str, Any], kind: _Kind, path: Path, text: str
) -> BackendConfig:
    assert kind.name is not None  # validated
    built: BackendConfig = walk.build(
        base_backend(name, kind.name), walk.entries(BackendConfig), table
    )
    if table.get("model"):
        built = replace(built, model_source=f"[backends.{name}] model in {path}")
    if kind.schema is not None:
        built = replace(built, options=_plugin_options(name, table, kind, path, text))
    return built


def _plugin_options(name: str, table: Mapping[str, Any], kind: _Kind, path: Path, text: str) -> Any:
    """The plugin's config_schema built from its keys; what its own checks refuse is said as
    a problem of the file, with the table's line."""
    assert kind.schema is not None
    values = {
        entry.field: walk.coerce(entry.annotation, table[entry.key])
        for entry in _plugin_only(kind.schema)
        if entry.key in table
    }
    try:
        return kind.schema(**values)
    except Exception as error:  # noqa: BLE001 - the plugin's own validation, any exception
        problem = Problem(
            f"backends.{name}: the {kind.name} plugin refuses these settings: {error}",
            _find_line(text, (), f"backends.{name}"),
        )
        raise ConfigError(path, [problem]) from None


def _from_file(
    where: tuple[str, ...], declared: tuple[walk.Entry, ...], table: Mapping[str, Any]
) -> dict[str, str]:
    dotted = ".".join(where)
    return {f"{dotted}.{key}": "file" for key in walk.given(declared, table)}


# -- overrides --------------------------------------------------------------------------------


def apply_env(config: Config, env: Mapping[str, str]) -> Config:
    """CARO_BACKEND and CARO_MODEL override the file (flags override both, in the CLI)."""
    if env.get("CARO_BACKEND"):
        config = with_backend(config, env["CARO_BACKEND"], "CARO_BACKEND")
    if env.get("CARO_MODEL"):
        config = with_model(config, env["CARO_MODEL"], "CARO_MODEL")
    return config


def _origin(source: str) -> str:
    """A source name as `config show` says it: "env CARO_MODEL", "flag --model"."""
    if source.startswith("CARO_"):
        return f"env {source}"
    if source.startswith("-"):
        return f"flag {source}"
    return source


def with_backend(config: Config, name: str, source: str) -> Config:
    config.backend(name)  # raises UnknownBackendError listing the available ones
    return replace(
        config,
        selection=replace(config.selection, backend=name, backend_source=source),
        sources={**config.sources, "selection.backend": _origin(source)},
    )


def with_model(config: Config, model: str, source: str) -> Config:
    """Sets the model of the chosen backend, or of every backend when none is chosen yet."""
    targets = [config.selection.backend] if config.selection.backend else list(config.backends)
    backends = dict(config.backends)
    sources = dict(config.sources)
    for name in targets:
        if name in backends:
            backends[name] = replace(backends[name], model=model, model_source=source)
            sources[f"backends.{name}.model"] = _origin(source)
    return replace(config, backends=backends, sources=sources)
