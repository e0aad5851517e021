"""Every place caro reads or writes on disk, in one module.

Environment variables override the platform defaults (tests rely on them). Nothing here creates
directories: callers create what they write into, when they write.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType

APP_NAME = "caro"


def _env_path(variable: str) -> Path | None:
    value = os.environ.get(variable)
    return Path(value).expanduser() if value else None


def _platformdirs() -> ModuleType:
    # Imported when first needed: the one-shot launcher finds its socket without it.
    import platformdirs

    return platformdirs


def config_file() -> Path:
    configured = _env_path("CARO_CONFIG")
    return configured or Path(_platformdirs().user_config_path(APP_NAME)) / "config.toml"


def config_dir() -> Path:
    return config_file().parent


def user_themes_dir() -> Path:
    return config_dir() / "themes"


def cache_dir() -> Path:
    return _env_path("CARO_CACHE_DIR") or Path(_platformdirs().user_cache_path(APP_NAME))


def models_dir() -> Path:
    return _env_path("CARO_MODELS_DIR") or cache_dir() / "models"


def prompt_state_dir() -> Path:
    return cache_dir() / "prompt-states"


def data_dir() -> Path:
    return _env_path("CARO_DATA_DIR") or default_data_dir()


def default_data_dir() -> Path:
    """caro's own data folder (`~/.local/share/caro` on Linux), whatever CARO_DATA_DIR says."""
    return Path(_platformdirs().user_data_path(APP_NAME))


def history_db() -> Path:
    return data_dir() / "history.sqlite3"


def engine_runtime_dir() -> Path:
    """Where the warm engine host's socket lives: the per-user runtime folder, else the cache."""
    runtime = _env_path("XDG_RUNTIME_DIR")
    return (runtime / APP_NAME) if runtime else cache_dir() / "run"


def engine_log() -> Path:
    return cache_dir() / "engine-host.log"
