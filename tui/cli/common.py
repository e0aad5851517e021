"""What the CLI's commands share: loading the config with clear errors, printing to stderr."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.core import config as config_module
from tui.core.config import Config, UnknownBackendError
from tui.core.display import safe_message
from tui.core.errors import CaroError


class CliError(CaroError):
    """An error to print (with its fix) before exiting with `code`."""

    def __init__(self, message: str, code: int, fix: str = "") -> None:
        super().__init__(message, fix)
        self.code = code


def notice(message: str) -> None:
    """A message on stderr, with URL credentials masked and hidden characters made visible
    (a message may quote a server or a model)."""
    print(f"caro: {safe_message(message, multiline=True)}", file=sys.stderr, flush=True)


def exit_code(error: CaroError) -> int:
    """The exit code an error ends caro with (see tui.cli's docstring and the README)."""
    from tui.cli import EXIT_ERROR, EXIT_NO_BACKEND, EXIT_USAGE
    from tui.core.backends.registry import NoBackendError
    from tui.core.models.catalogue import UnknownModelError

    if isinstance(error, CliError):
        return error.code
    if isinstance(error, NoBackendError):
        return EXIT_NO_BACKEND
    if isinstance(error, UnknownBackendError | UnknownModelError):
        return EXIT_USAGE
    return EXIT_ERROR


def fail(error: CaroError, *, json: bool = False) -> int:
    """The CLI's one way to end on an error: what happened and the fix on stderr (and, with
    --json, `{"error", "fix", "exit_code"}` on stdout); returns the exit code."""
    code = exit_code(error)
    if json:
        from tui.core.display import json_text

        payload = {"error": error.message, "fix": error.fix or None, "exit_code": code}
        print(json_text(payload), flush=True)
    notice(error.message)
    if error.fix:
        print(f"  fix: {safe_message(error.fix, multiline=True)}", file=sys.stderr)
    return code


def load_config(
    backend: str | None = None, model: str | None = None, path: Path | None = None
) -> Config:
    """The config file, then CARO_BACKEND/CARO_MODEL, then the flags (each overrides the last).

    A broken file raises ConfigError and an unknown backend UnknownBackendError; `fail` gives
    them their exit codes (1 and 2)."""
    config = config_module.load(path)
    if backend:
        config = config_module.with_backend(config, backend, "--backend")
    if model:
        config = config_module.with_model(config, model, "--model")
    return config


class Parser(argparse.ArgumentParser):
    """argparse that exits with caro's usage code (2) and says how to get help."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message} (see {self.prog} --help)", file=sys.stderr)
        raise SystemExit(2)
