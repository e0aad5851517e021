"""caro's TOML configuration, declared once (schema.py): loading with strict validation and
line-and-key messages (load.py), environment and flag overrides, writing back with the person's
comments kept (write.py), and the effective configuration with its sources (effective.py).

The file is read and written with tomlkit. A broken file is reported with its path, line and
key, and is never overwritten.
"""

from __future__ import annotations

from dataclasses import replace

from tui.core.config.errors import ConfigError, Problem, UnknownBackendError
from tui.core.config.load import (
    apply_env,
    from_document,
    load,
    read_document,
    validate,
    with_backend,
    with_model,
)
from tui.core.config.schema import (
    BACKEND_KINDS,
    DEFAULT_KEEP_ALIVE_S,
    DEFAULT_ORDER,
    DEFAULT_RUN_TIMEOUT_S,
    DEFAULT_TIMEOUT_S,
    DEFAULT_URLS,
    GENERATION_SAMPLER,
    KIND_BY_NAME,
    SAFETY_LEVELS,
    BackendConfig,
    Config,
    GenerationConfig,
    SafetyConfig,
    SelectionConfig,
    UiConfig,
    default_backends,
    is_apple_silicon,
)
from tui.core.config.write import parse_value, set_value, set_values, write_document

__all__ = [
    "BACKEND_KINDS",
    "DEFAULT_KEEP_ALIVE_S",
    "DEFAULT_ORDER",
    "DEFAULT_RUN_TIMEOUT_S",
    "DEFAULT_TIMEOUT_S",
    "DEFAULT_URLS",
    "GENERATION_SAMPLER",
    "KIND_BY_NAME",
    "SAFETY_LEVELS",
    "BackendConfig",
    "Config",
    "ConfigError",
    "GenerationConfig",
    "Problem",
    "SafetyConfig",
    "SelectionConfig",
    "UiConfig",
    "UnknownBackendError",
    "apply_env",
    "default_backends",
    "from_document",
    "is_apple_silicon",
    "load",
    "parse_value",
    "read_document",
    "replace",
    "set_value",
    "set_values",
    "show",
    "validate",
    "with_backend",
    "with_model",
    "write_document",
]


def show(config: Config) -> str:
    """The effective configuration as commented TOML (tui.core.config.effective, loaded when used:
    the one-shot path never shows it)."""
    from tui.core.config.effective import show as render

    return render(config)
