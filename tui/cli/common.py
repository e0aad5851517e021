"""What the CLI's commands share: loading the config with clear errors, printing to stderr."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.core import config as config_module
from tui.core.config import Config, ConfigError, UnknownBackendError
from tui.core.display import safe_message


class CliError(Exception):
    """An error to print (with its fix) before exiting with `code`."""

    def __init__(self, message: str, code: int, fix: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.fix = fix


def notice(message: str) -> None:
    """A message on stderr, with URL credentials masked and hidden characters made visible
    (a message may quote a server or a model)."""
    print(f"caro: {safe_message(message, multiline=True)}", file=sys.stderr, flush=True)


def fail(error: CliError) -> int:
    notice(error.message)
    if error.fix:
        print(f"  fix: {safe_message(error.fix, multiline=True)}", file=sys.stderr)
    return error.code


def load_config(
    backend: str | None = None, model: str | None = None, path: Path | None = None
) -> Config:
    """The config file, then CARO_BACKEND/CARO_MODEL, then the flags (each overrides the last)."""
    from tui.cli import EXIT_ERROR, EXIT_USAGE

    try:
        config = config_module.load(path)
        if backend:
            config = config_module.with_backend(config, backend, "--backend")
        if model:
            config = config_module.with_model(config, model, "--model")
    except ConfigError as error:
        raise CliError(
            str(error), EXIT_ERROR, "fix the lines above; caro never rewrites a broken file"
        ) from None
    except UnknownBackendError as error:
        raise CliError(str(error), EXIT_USAGE) from None
    return config


class Parser(argparse.ArgumentParser):
    """argparse that exits with caro's usage code (2) and says how to get help."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message} (see {self.prog} --help)", file=sys.stderr)
        raise SystemExit(2)
