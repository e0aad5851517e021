"""`caro models pull ollama:NAME`: pull a model into Ollama through /api/pull, with a progress
bar on stderr (one line per status when stderr is not a terminal).
"""

from __future__ import annotations

import asyncio
import sys
import time
from typing import TextIO

from tui.cli.common import CliError, Parser, fail, load_config, notice
from tui.core.backends.base import BackendError
from tui.core.backends.ollama import OllamaBackend
from tui.core.backends.ollama_pull import PullProgress
from tui.core.config import BackendConfig, Config

BAR_WIDTH = 30


def format_bytes(count: int) -> str:
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if count >= size:
            return f"{count / size:.1f} {unit}"
    return f"{count} B"


def progress_line(state: PullProgress, width: int = BAR_WIDTH) -> str:
    fraction = state.fraction
    if fraction is None:
        return state.status
    filled = round(fraction * width)
    bar = "#" * filled + "-" * (width - filled)
    sizes = f"{format_bytes(state.completed)} / {format_bytes(state.total)}"
    return f"{state.status:<24} [{bar}] {fraction * 100:5.1f}%  {sizes}"


class ProgressPrinter:
    """Redraws one line on a terminal; prints each new status once elsewhere."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.last_status = ""
        self.last_draw = 0.0

    def __call__(self, state: PullProgress) -> None:
        if self.tty:
            now = time.monotonic()
            if now - self.last_draw >= 0.1 or state.status != self.last_status:
                self.stream.write("\r\x1b[K" + progress_line(state))
                self.stream.flush()
                self.last_draw = now
        elif state.status != self.last_status:
            self.stream.write(progress_line(state) + "\n")
        self.last_status = state.status

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
        self.stream.flush()


def ollama_config(config: Config, backend_name: str | None) -> BackendConfig:
    names = [backend_name] if backend_name else [n for n, b in config.backends.items()]
    for name in names:
        backend = config.backends.get(name)
        if backend is not None and backend.kind == "ollama":
            return backend
    from tui.cli import EXIT_USAGE

    raise CliError(
        f"{backend_name or 'no backend'} is not an Ollama backend",
        EXIT_USAGE,
        "add one: caro backends add ollama http://localhost:11434 --kind ollama",
    )


async def pull(backend_config: BackendConfig, name: str) -> None:
    backend = OllamaBackend(backend_config)
    printer = ProgressPrinter(sys.stderr)
    try:
        await backend.pull(name, printer)
    finally:
        printer.close()
        await backend.aclose()


def main(argv: list[str]) -> int:
    parser = Parser(prog="caro models", description="Models for caro's backends.")
    commands = parser.add_subparsers(dest="command", required=True)
    pulling = commands.add_parser("pull", help="pull a model: ollama:NAME")
    pulling.add_argument("model", help="ollama:NAME, e.g. ollama:qwen2.5-coder:1.5b")
    pulling.add_argument("-b", "--backend", help="the Ollama backend to pull into")
    args = parser.parse_args(argv)
    source, _, name = args.model.partition(":")
    from tui.cli import EXIT_ERROR, EXIT_USAGE

    try:
        if source != "ollama" or not name:
            raise CliError(
                f"cannot pull {args.model!r}: only ollama:NAME is supported for now",
                EXIT_USAGE,
                "caro models pull ollama:qwen2.5-coder:1.5b",
            )
        backend_config = ollama_config(load_config(), args.backend)
        asyncio.run(pull(backend_config, name))
    except CliError as error:
        return fail(error)
    except BackendError as error:
        return fail(CliError(str(error.message), EXIT_ERROR, error.fix))
    notice(
        f"{name} is in Ollama ({backend_config.url}); use it with "
        f"caro --backend {backend_config.name} --model {name}"
    )
    return 0
