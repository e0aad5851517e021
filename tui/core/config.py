"""caro's TOML configuration: loading, strict validation, environment overrides, writing back.

The file is read and written with tomlkit so the person's comments and layout survive. A broken
file is reported with its path, line and key, and is never overwritten.
"""

from __future__ import annotations

import contextlib
import os
import platform
import stat
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import tomlkit
import tomlkit.exceptions
from tomlkit.items import Table
from tomlkit.toml_document import TOMLDocument

from tui.core import paths
from tui.core.backends.base import SamplerSettings

BACKEND_KINDS = ("llamacpp", "mlx", "ollama", "vllm", "openai")
SAFETY_LEVELS = ("strict", "moderate", "permissive")
DEFAULT_ORDER = ("mlx", "embedded-cpu", "ollama", "vllm")

# A backend named like one of these needs no `kind` key.
KIND_BY_NAME = {"embedded-cpu": "llamacpp", "mlx": "mlx", "ollama": "ollama", "vllm": "vllm"}
DEFAULT_URLS = {"ollama": "http://localhost:11434", "vllm": "http://localhost:8000"}
DEFAULT_TIMEOUT_S = 30.0
DEFAULT_KEEP_ALIVE_S = 300.0
DEFAULT_RUN_TIMEOUT_S = 600.0


class ConfigError(Exception):
    """Every problem found in a config file, each with its line where it has one."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        lines = [
            f"{path}:{p.line}: {p.message}" if p.line else f"{path}: {p.message}" for p in problems
        ]
        super().__init__(
            "the config file has problems (it was not changed):\n  " + "\n  ".join(lines)
        )


@dataclass(frozen=True)
class Problem:
    message: str
    line: int | None = None


# ---------------------------------------------------------------------------------------------
# The schema: one table per section, key -> (check, description).

Check = Callable[[Any], str | None]


def _is_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def _is_str(value: Any) -> str | None:
    return None if isinstance(value, str) else "must be a string"


def _is_positive_number(value: Any) -> str | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and value > 0
    return None if ok else "must be a number greater than 0"


def _is_non_negative_number(value: Any) -> str | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
    return None if ok else "must be a number of 0 or more"


def _is_positive_int(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
    return None if ok else "must be a whole number greater than 0"


def _is_int(value: Any) -> str | None:
    return (
        None if isinstance(value, int) and not isinstance(value, bool) else "must be a whole number"
    )


def _in_range(low: float, high: float) -> Check:
    def check(value: Any) -> str | None:
        ok = isinstance(value, int | float) and not isinstance(value, bool) and low <= value <= high
        return None if ok else f"must be a number from {low:g} to {high:g}"

    return check


def _one_of(choices: tuple[str, ...]) -> Check:
    def check(value: Any) -> str | None:
        return None if value in choices else f"must be one of: {', '.join(choices)}"

    return check


def _list_of_str(value: Any) -> str | None:
    ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    return None if ok else "must be a list of strings"


def _str_or_list_of_str(value: Any) -> str | None:
    return None if isinstance(value, str) else _list_of_str(value)


def _table_of_str(value: Any) -> str | None:
    ok = isinstance(value, Mapping) and all(isinstance(v, str) for v in value.values())
    return None if ok else "must be a table of strings"


SAMPLER_KEYS: dict[str, tuple[Check, str]] = {
    "temperature": (_in_range(0, 5), "sampling temperature (0 = greedy)"),
    "top_p": (_in_range(0, 1), "nucleus sampling: keep the smallest set of tokens with this mass"),
    "top_k": (_is_int, "keep only the k most likely tokens (0 = off)"),
    "min_p": (_in_range(0, 1), "drop tokens less likely than min_p x the best one"),
    "repeat_penalty": (_in_range(0, 5), "penalty for repeating recent tokens (1.0 = off)"),
    "max_tokens": (_is_positive_int, "the most tokens one answer may have"),
    "stop": (_str_or_list_of_str, "text that ends the answer"),
    "seed": (_is_int, "random seed, for repeatable answers"),
}

BACKEND_KEYS: dict[str, tuple[Check, str]] = {
    "enabled": (_is_bool, "whether caro uses this backend"),
    "kind": (_one_of(BACKEND_KINDS), "which engine: " + ", ".join(BACKEND_KINDS)),
    "url": (_is_str, "the server's base URL"),
    "host": (_is_str, "the server's base URL (Ollama's spelling)"),
    "model": (_is_str, "model name, path or repo id"),
    "timeout": (_is_positive_number, "seconds to wait for the server"),
    "deadline_s": (
        _is_positive_number,
        "seconds one whole answer may take (default: 30 + max_tokens / 2)",
    ),
    "reasoning_budget": (
        _is_positive_int,
        "pieces of reasoning text one answer may stream (default: 8 x max_tokens, at least 512)",
    ),
    "threads": (_is_positive_int, "CPU threads for an embedded engine"),
    "gpu": (_is_bool, "use the GPU where the engine can"),
    "api_key_env": (_is_str, "name of the environment variable that holds the API key"),
    "n_ctx": (_is_positive_int, "context length for an embedded engine"),
    "prompt_cache": (_is_bool, "reuse the prompt prefix state between requests"),
    "max_cache_entries": (_is_positive_int, "most prompt states kept in memory"),
    "max_kv_size": (_is_positive_int, "most bytes of prompt state kept in memory"),
    "keep_alive": (
        _is_non_negative_number,
        "seconds the embedded engine's host stays loaded after its last answer (0: no host)",
    ),
    **SAMPLER_KEYS,
}

GENERATION_KEYS: dict[str, tuple[Check, str]] = {
    **SAMPLER_KEYS,
    "examples": (_is_int, "how many similar examples go into the prompt"),
    "candidates": (_is_positive_int, "how many answers to generate and choose the best from"),
    "utility_first": (_is_bool, "start the answer with the utility the examples agree on"),
}

SECTION_KEYS: dict[str, dict[str, tuple[Check, str]]] = {
    "generation": GENERATION_KEYS,
    "selection": {
        "order": (_list_of_str, "backends tried in this order when none is chosen"),
        "backend": (_is_str, "the backend to use unless a flag or CARO_BACKEND says otherwise"),
    },
    "safety": {
        "level": (_one_of(SAFETY_LEVELS), "strict, moderate or permissive"),
        "allow": (_list_of_str, "patterns of commands you trust"),
        "deny": (_list_of_str, "patterns of commands that are always blocked"),
        "shell_history": (_is_bool, "append commands caro runs to your shell's history"),
        "run_timeout_s": (_is_positive_number, "seconds a command caro runs may take"),
        "preview_timeout_s": (_is_positive_number, "seconds a command may take in a preview"),
    },
    "ui": {
        "theme": (_is_str, "the theme's name"),
        "keymap": (_table_of_str, 'binding id -> keys, e.g. run = "ctrl+r"'),
        "refresh_s": (_is_positive_number, "seconds between health checks of the backends"),
    },
}


# ---------------------------------------------------------------------------------------------
# The parsed configuration.


@dataclass(frozen=True)
class BackendConfig:
    name: str
    kind: str
    enabled: bool = True
    url: str | None = None
    model: str | None = None
    timeout: float = DEFAULT_TIMEOUT_S
    # The limits on one whole answer; None: the defaults for its max_tokens (tui.core.limits).
    deadline_s: float | None = None
    reasoning_budget: int | None = None
    threads: int | None = None
    gpu: bool = True
    api_key_env: str | None = None
    n_ctx: int | None = None
    prompt_cache: bool = True
    max_cache_entries: int = 10
    max_kv_size: int | None = None
    # Seconds the warm engine host of an embedded engine outlives its last answer; 0: no host.
    keep_alive: float = DEFAULT_KEEP_ALIVE_S
    sampler: SamplerSettings = field(default_factory=SamplerSettings)
    # Where the model setting came from, for "using X because Y" messages.
    model_source: str = ""


@dataclass(frozen=True)
class GenerationConfig:
    sampler: SamplerSettings = field(default_factory=SamplerSettings)
    examples: int = 4
    candidates: int = 3
    utility_first: bool = False


@dataclass(frozen=True)
class SelectionConfig:
    order: tuple[str, ...] = DEFAULT_ORDER
    backend: str | None = None
    backend_source: str = ""


@dataclass(frozen=True)
class SafetyConfig:
    level: str = "moderate"
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    shell_history: bool = False
    # A command caro runs is stopped (SIGINT, SIGTERM, SIGKILL) after this long.
    run_timeout_s: float = DEFAULT_RUN_TIMEOUT_S
    # A command previewed (tui.core.preview) is stopped after this long.
    preview_timeout_s: float = 5.0


@dataclass(frozen=True)
class UiConfig:
    theme: str = "caro-dark"
    keymap: Mapping[str, str] = field(default_factory=dict)
    refresh_s: float = 30.0


@dataclass(frozen=True)
class Config:
    path: Path
    backends: Mapping[str, BackendConfig]
    generation: GenerationConfig = field(default_factory=GenerationConfig)
    selection: SelectionConfig = field(default_factory=SelectionConfig)
    safety: SafetyConfig = field(default_factory=SafetyConfig)
    ui: UiConfig = field(default_factory=UiConfig)
    file_exists: bool = False

    def backend(self, name: str) -> BackendConfig:
        try:
            return self.backends[name]
        except KeyError:
            raise UnknownBackendError(name, tuple(self.backends)) from None


class UnknownBackendError(ValueError):
    def __init__(self, name: str, available: tuple[str, ...]) -> None:
        self.name = name
        self.available = available
        super().__init__(f"unknown backend {name!r}; available: {', '.join(available) or 'none'}")


def is_apple_silicon() -> bool:
    return sys.platform == "darwin" and platform.machine() == "arm64"


def default_backends() -> dict[str, BackendConfig]:
    """The backends a person has without writing any config."""
    return {
        "mlx": BackendConfig(name="mlx", kind="mlx", enabled=is_apple_silicon(), threads=4),
        "embedded-cpu": BackendConfig(name="embedded-cpu", kind="llamacpp"),
        "ollama": BackendConfig(name="ollama", kind="ollama", url=DEFAULT_URLS["ollama"]),
    }


# ---------------------------------------------------------------------------------------------
# Loading.


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
    return _build(data, path)


def validate(data: Mapping[str, Any], text: str = "") -> list[Problem]:
    problems: list[Problem] = []
    known_sections = {*SECTION_KEYS, "backends"}
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
            problems += _validate_table(value, SECTION_KEYS[section], (section,), text)
    return problems


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
        problems += _validate_table(table, BACKEND_KEYS, where, text)
        if "kind" not in table and name not in KIND_BY_NAME:
            problems.append(
                Problem(
                    f"backends.{name}: say which engine it is with kind = "
                    + " | ".join(f'"{k}"' for k in BACKEND_KINDS),
                    _find_line(text, (), f"backends.{name}"),
                )
            )
    return problems


def _validate_table(
    table: Mapping[str, Any],
    keys: Mapping[str, tuple[Check, str]],
    where: tuple[str, ...],
    text: str,
) -> list[Problem]:
    problems: list[Problem] = []
    dotted = ".".join(where)
    for key, value in table.items():
        line = _find_line(text, where, key)
        if key not in keys:
            problems.append(
                Problem(f"unknown key {dotted}.{key}; known keys: {', '.join(keys)}", line)
            )
            continue
        check, _ = keys[key]
        complaint = check(value)
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


def _sampler_from(table: Mapping[str, Any]) -> SamplerSettings:
    stop = table.get("stop", ())
    return SamplerSettings(
        temperature=table.get("temperature"),
        top_p=table.get("top_p"),
        top_k=table.get("top_k"),
        min_p=table.get("min_p"),
        repeat_penalty=table.get("repeat_penalty"),
        max_tokens=table.get("max_tokens"),
        stop=(stop,) if isinstance(stop, str) else tuple(stop),
        seed=table.get("seed"),
    )


def _build(data: Mapping[str, Any], path: Path) -> Config:
    backends = default_backends()
    for name, table in data.get("backends", {}).items():
        kind = table.get("kind") or KIND_BY_NAME[name]
        base = backends.get(name)
        configured = BackendConfig(
            name=name,
            kind=kind,
            enabled=table.get("enabled", base.enabled if base and base.kind == kind else True),
            url=table.get("url") or table.get("host") or DEFAULT_URLS.get(kind),
            model=table.get("model"),
            timeout=float(table.get("timeout", DEFAULT_TIMEOUT_S)),
            deadline_s=float(table["deadline_s"]) if "deadline_s" in table else None,
            reasoning_budget=table.get("reasoning_budget"),
            threads=table.get("threads", base.threads if base else None),
            gpu=table.get("gpu", True),
            api_key_env=table.get("api_key_env"),
            n_ctx=table.get("n_ctx"),
            prompt_cache=table.get("prompt_cache", True),
            max_cache_entries=table.get("max_cache_entries", 10),
            max_kv_size=table.get("max_kv_size"),
            keep_alive=float(table.get("keep_alive", DEFAULT_KEEP_ALIVE_S)),
            sampler=_sampler_from(table),
            model_source=f"[backends.{name}] model in {path}" if table.get("model") else "",
        )
        backends[name] = configured
    generation = data.get("generation", {})
    selection = data.get("selection", {})
    safety = data.get("safety", {})
    ui = data.get("ui", {})
    return Config(
        path=path,
        backends=backends,
        generation=GenerationConfig(
            sampler=_sampler_from(generation),
            examples=generation.get("examples", GenerationConfig.examples),
            candidates=generation.get("candidates", GenerationConfig.candidates),
            utility_first=generation.get("utility_first", GenerationConfig.utility_first),
        ),
        selection=SelectionConfig(
            order=tuple(selection.get("order", DEFAULT_ORDER)),
            backend=selection.get("backend"),
            backend_source=f"[selection] backend in {path}" if selection.get("backend") else "",
        ),
        safety=SafetyConfig(
            level=safety.get("level", "moderate"),
            allow=tuple(safety.get("allow", ())),
            deny=tuple(safety.get("deny", ())),
            shell_history=safety.get("shell_history", False),
            run_timeout_s=float(safety.get("run_timeout_s", DEFAULT_RUN_TIMEOUT_S)),
            preview_timeout_s=float(
                safety.get("preview_timeout_s", SafetyConfig.preview_timeout_s)
            ),
        ),
        ui=UiConfig(
            theme=ui.get("theme", UiConfig.theme),
            keymap=dict(ui.get("keymap", {})),
            refresh_s=float(ui.get("refresh_s", UiConfig.refresh_s)),
        ),
    )


def apply_env(config: Config, env: Mapping[str, str]) -> Config:
    """CARO_BACKEND and CARO_MODEL override the file (flags override both, in the CLI)."""
    if env.get("CARO_BACKEND"):
        config = with_backend(config, env["CARO_BACKEND"], "CARO_BACKEND")
    if env.get("CARO_MODEL"):
        config = with_model(config, env["CARO_MODEL"], "CARO_MODEL")
    return config


def with_backend(config: Config, name: str, source: str) -> Config:
    config.backend(name)  # raises UnknownBackendError listing the available ones
    return replace(config, selection=replace(config.selection, backend=name, backend_source=source))


def with_model(config: Config, model: str, source: str) -> Config:
    """Sets the model of the chosen backend, or of every backend when none is chosen yet."""
    targets = [config.selection.backend] if config.selection.backend else list(config.backends)
    backends = dict(config.backends)
    for name in targets:
        if name in backends:
            backends[name] = replace(backends[name], model=model, model_source=source)
    return replace(config, backends=backends)


# ---------------------------------------------------------------------------------------------
# Writing: tomlkit keeps the person's comments; a broken file is never touched.


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


def show(config: Config) -> str:
    """The effective configuration, as TOML, with where each backend's model comes from."""
    document = tomlkit.document()
    document.add(
        tomlkit.comment(
            f"effective configuration (file: {config.path}"
            + ("" if config.file_exists else ", not created yet")
            + ")"
        )
    )
    backends = tomlkit.table(is_super_table=True)
    for name, backend in config.backends.items():
        table = tomlkit.table()
        table["kind"] = backend.kind
        table["enabled"] = backend.enabled
        if backend.url:
            table["url"] = backend.url
        if backend.model:
            table["model"] = backend.model
        table["timeout"] = backend.timeout
        if backend.deadline_s is not None:
            table["deadline_s"] = backend.deadline_s
        if backend.reasoning_budget is not None:
            table["reasoning_budget"] = backend.reasoning_budget
        if backend.kind in ("llamacpp", "mlx"):
            table["prompt_cache"] = backend.prompt_cache
            table["max_cache_entries"] = backend.max_cache_entries
            if backend.max_kv_size is not None:
                table["max_kv_size"] = backend.max_kv_size
        if backend.kind == "llamacpp":
            table["keep_alive"] = backend.keep_alive
        for key, value in backend.sampler.as_dict().items():
            table[key] = list(value) if isinstance(value, tuple) else value
        backends[name] = table
    document["backends"] = backends
    selection = tomlkit.table()
    selection["order"] = list(config.selection.order)
    if config.selection.backend:
        selection["backend"] = config.selection.backend
    document["selection"] = selection
    generation = tomlkit.table()
    generation["examples"] = config.generation.examples
    generation["candidates"] = config.generation.candidates
    for key, value in config.generation.sampler.as_dict().items():
        generation[key] = list(value) if isinstance(value, tuple) else value
    document["generation"] = generation
    safety = tomlkit.table()
    safety["level"] = config.safety.level
    document["safety"] = safety
    ui = tomlkit.table()
    ui["theme"] = config.ui.theme
    document["ui"] = ui
    return document.as_string()
