"""The one declaration of caro's configuration: dataclasses whose fields carry their TOML key's
check, description and default. Validation, loading, `caro config show` and the README's table
are all derived from these fields (see fields.py for the walk over them)."""

from __future__ import annotations

import platform
import sys
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, NamedTuple

from tui.core.backends.base import SAMPLER_FIELDS, SamplerSettings
from tui.core.config import checks
from tui.core.config.checks import Check
from tui.core.config.errors import UnknownBackendError
from tui.core.preview.limits import DEFAULT_TIMEOUT_S as PREVIEW_TIMEOUT_S

BACKEND_KINDS = ("llamacpp", "mlx", "ollama", "vllm", "openai")
SAFETY_LEVELS = ("strict", "moderate", "permissive")
DEFAULT_ORDER = ("mlx", "embedded-cpu", "ollama", "vllm")

# A backend named like one of these needs no `kind` key.
KIND_BY_NAME = {"embedded-cpu": "llamacpp", "mlx": "mlx", "ollama": "ollama", "vllm": "vllm"}
DEFAULT_URLS = {"ollama": "http://localhost:11434", "vllm": "http://localhost:8000"}
DEFAULT_TIMEOUT_S = 30.0
DEFAULT_KEEP_ALIVE_S = 300.0
DEFAULT_RUN_TIMEOUT_S = 600.0

# Every dataclass of the package has a docstring: without one, dataclass writes it with
# inspect.signature, which the import of the config (every `caro "..."`) would pay for.

# The metadata names a field's declaration is kept under.
KEY = "caro.key"  # a Key: the field is a TOML key of its table
FLAT = "caro.flat"  # a mapping of Keys: the field gathers several keys of the same table
SECTION = "caro.section"  # the field is a [section] of the file


class Key(NamedTuple):
    """The declaration of one TOML key."""

    help: str
    check: Check
    # What leaving a key with no default (None) unset means, for `config show` and the README.
    unset: str = ""
    # Other spellings the file may use for the same key.
    aliases: tuple[str, ...] = ()


def setting(
    default: Any,
    help: str,
    check: Check,
    *,
    unset: str = "",
    aliases: tuple[str, ...] = (),
) -> Any:
    """A field that is a TOML key: its default, description and check, declared once."""
    key = Key(help, check, unset, aliases)
    if isinstance(default, dict):
        return field(default_factory=lambda: dict(default), metadata={KEY: key})
    return field(default=default, metadata={KEY: key})


# The sampler's keys, valid in [generation] and in every [backends.NAME]; their fields are those
# of SamplerSettings (backends.base), so only their checks and descriptions are declared here.
SAMPLER_KEYS: dict[str, Key] = {
    "temperature": Key("sampling temperature (0 = greedy)", checks.in_range(0, 5)),
    "top_p": Key(
        "nucleus sampling: keep the smallest set of tokens with this mass", checks.in_range(0, 1)
    ),
    "top_k": Key("keep only the k most likely tokens (0 = off)", checks.is_int),
    "min_p": Key("drop tokens less likely than min_p x the best one", checks.in_range(0, 1)),
    "repeat_penalty": Key("penalty for repeating recent tokens (1.0 = off)", checks.in_range(0, 5)),
    "max_tokens": Key("the most tokens one answer may have", checks.is_positive_int),
    "stop": Key("text that ends the answer", checks.str_or_list_of_str),
    "seed": Key("random seed, for repeatable answers", checks.is_int),
}
assert tuple(SAMPLER_KEYS) == SAMPLER_FIELDS, "declare every SamplerSettings field once"

# Measured on the dev set (bench/quality.py); [generation] overrides them, [backends.NAME] and
# the flags override that. The other sampler keys are left to the engine when unset.
GENERATION_SAMPLER = SamplerSettings(temperature=0.0, max_tokens=96)


def _kind_check(value: Any) -> str | None:
    """A built-in kind, or a string naming a plugin's kind (the loader checks that one)."""
    return None if isinstance(value, str) else checks.one_of(BACKEND_KINDS)(value)


def is_apple_silicon() -> bool:
    return sys.platform == "darwin" and platform.machine() == "arm64"


@dataclass(frozen=True)
class BackendConfig:
    """A [backends.NAME] table."""

    name: str
    kind: str = field(
        metadata={
            KEY: Key(
                "which engine: " + ", ".join(BACKEND_KINDS) + ", or a caro.backends plugin's kind",
                _kind_check,
                unset="implied by the names embedded-cpu, mlx, ollama and vllm",
            )
        }
    )
    enabled: bool = setting(True, "whether caro uses this backend", checks.is_bool)
    url: str | None = setting(
        None,
        "the server's base URL (`host` is Ollama's spelling of it)",
        checks.is_str,
        unset="http://localhost:11434 for ollama, http://localhost:8000 for vllm",
        aliases=("host",),
    )
    model: str | None = setting(
        None,
        "model name, path or repo id",
        checks.is_str,
        unset="embedded: the recommended model when it is there, else the bundled one; "
        "a server: the first model it lists",
    )
    timeout: float = setting(
        DEFAULT_TIMEOUT_S,
        "seconds to wait for each read from the server (and a stream's longest silence)",
        checks.is_positive_number,
    )
    # The limits on one whole answer; None: the defaults for its max_tokens (tui.core.limits).
    deadline_s: float | None = setting(
        None,
        "seconds one whole answer may take",
        checks.is_positive_number,
        unset="30 + max_tokens / 2",
    )
    reasoning_budget: int | None = setting(
        None,
        "pieces of reasoning text one answer may stream",
        checks.is_positive_int,
        unset="8 x max_tokens, at least 512",
    )
    threads: int | None = setting(
        None,
        "CPU threads for an embedded engine",
        checks.is_positive_int,
        unset="llama.cpp: the cores no other program wants when a generation starts",
    )
    gpu: bool = setting(True, "use the GPU where the engine can", checks.is_bool)
    api_key_env: str | None = setting(
        None,
        "name of the environment variable that holds the API key",
        checks.is_str,
        unset="no API key is sent",
    )
    n_ctx: int | None = setting(
        None,
        "context length for an embedded engine (Ollama: num_ctx)",
        checks.is_positive_int,
        unset="llama.cpp: 2048; a server: its own",
    )
    prompt_cache: bool = setting(
        True, "reuse the prompt prefix state between requests", checks.is_bool
    )
    max_cache_entries: int = setting(
        10, "most prompt states kept in memory", checks.is_positive_int
    )
    max_kv_size: int | None = setting(
        None, "most bytes of prompt state kept in memory", checks.is_positive_int, unset="no limit"
    )
    # Seconds the warm engine host of an embedded engine outlives its last answer; 0: no host.
    keep_alive: float = setting(
        DEFAULT_KEEP_ALIVE_S,
        "seconds the embedded engine's host stays loaded after its last answer (0: no host)",
        checks.is_non_negative_number,
    )
    sampler: SamplerSettings = field(default=SamplerSettings(), metadata={FLAT: SAMPLER_KEYS})
    # Where the model setting came from, for "using X because Y" messages.
    model_source: str = ""
    # A plugin kind's own settings: an instance of its `config_schema` (None for built-in kinds).
    options: Any = None


@dataclass(frozen=True)
class GenerationConfig:
    """The [generation] table."""

    sampler: SamplerSettings = field(default=GENERATION_SAMPLER, metadata={FLAT: SAMPLER_KEYS})
    # 3 retrieved after 2 fixed: on the blind tuning half (358 cases) 60.1% same utilities
    # against 58.1% for 4 retrieved, and a sixth less prompt to prefill where the engine keeps
    # the fixed ones' state (bench/quality.py, bench/bench_reuse.py).
    examples: int = setting(3, "how many similar examples go into the prompt", checks.is_int)
    fixed_examples: int = setting(
        2,
        "examples the same for every request, shown before the similar ones (an engine that "
        "keeps the prompt's state reads them once)",
        checks.is_int,
    )
    # 2: the same share of usable answers as 3 and more right ones, with fewer tokens (the blind
    # tuning half, bench/quality.py "defaults, two candidates").
    candidates: int = setting(
        2, "how many answers to generate and choose the best from", checks.is_positive_int
    )
    utility_first: bool = setting(
        False, "start the answer with the utility the examples agree on", checks.is_bool
    )


@dataclass(frozen=True)
class SelectionConfig:
    """The [selection] table."""

    order: tuple[str, ...] = setting(
        DEFAULT_ORDER, "backends tried in this order when none is chosen", checks.list_of_str
    )
    backend: str | None = setting(
        None,
        "the backend to use unless a flag or CARO_BACKEND says otherwise",
        checks.is_str,
        unset="the first healthy one in order",
    )
    backend_source: str = ""


@dataclass(frozen=True)
class SafetyConfig:
    """The [safety] table."""

    level: str = setting("moderate", "strict, moderate or permissive", checks.one_of(SAFETY_LEVELS))
    allow: tuple[str, ...] = setting((), "patterns of commands you trust", checks.list_of_str)
    deny: tuple[str, ...] = setting(
        (), "patterns of commands that are always blocked", checks.list_of_str
    )
    shell_history: bool = setting(
        False, "append commands caro runs to your shell's history", checks.is_bool
    )
    # A command caro runs is stopped (SIGINT, SIGTERM, SIGKILL) after this long.
    run_timeout_s: float = setting(
        DEFAULT_RUN_TIMEOUT_S, "seconds a command caro runs may take", checks.is_positive_number
    )
    # A command previewed (tui.core.preview) is stopped after this long.
    preview_timeout_s: float = setting(
        PREVIEW_TIMEOUT_S, "seconds a command may take in a preview", checks.is_positive_number
    )


@dataclass(frozen=True)
class UiConfig:
    """The [ui] table."""

    theme: str = setting("caro-dark", "the theme's name", checks.is_str)
    keymap: Mapping[str, str] = setting(
        {}, 'binding id -> keys, e.g. run = "ctrl+r"', checks.table_of_str
    )
    refresh_s: float = setting(
        30.0, "seconds between health checks of the backends", checks.is_positive_number
    )


@dataclass(frozen=True)
class Config:
    """The whole configuration in effect: the file, then the environment, then the flags."""

    path: Path
    backends: Mapping[str, BackendConfig]
    generation: GenerationConfig = field(default_factory=GenerationConfig, metadata={SECTION: True})
    selection: SelectionConfig = field(default_factory=SelectionConfig, metadata={SECTION: True})
    safety: SafetyConfig = field(default_factory=SafetyConfig, metadata={SECTION: True})
    ui: UiConfig = field(default_factory=UiConfig, metadata={SECTION: True})
    file_exists: bool = False
    # Dotted key -> where its value came from ("file", "env CARO_MODEL", "flag --backend");
    # a key not here has its default.
    sources: Mapping[str, str] = field(default_factory=dict)

    def backend(self, name: str) -> BackendConfig:
        try:
            return self.backends[name]
        except KeyError:
            raise UnknownBackendError(name, tuple(self.backends)) from None


def section_types() -> dict[str, type]:
    """[section] name -> its dataclass, in the order of Config (backends apart)."""
    return {
        f.name: typing.cast(type, f.default_factory)
        for f in fields(Config)
        if f.metadata.get(SECTION)
    }


def default_backends() -> dict[str, BackendConfig]:
    """The backends a person has without writing any config."""
    return {
        "mlx": BackendConfig(name="mlx", kind="mlx", enabled=is_apple_silicon(), threads=4),
        "embedded-cpu": BackendConfig(name="embedded-cpu", kind="llamacpp"),
        "ollama": BackendConfig(name="ollama", kind="ollama", url=DEFAULT_URLS["ollama"]),
    }


def base_backend(name: str, kind: str) -> BackendConfig:
    """What a [backends.NAME] table of this kind starts from before its own keys."""
    default = default_backends().get(name)
    if default is not None and default.kind == kind:
        return default
    return BackendConfig(name=name, kind=kind, url=DEFAULT_URLS.get(kind))
