"""caro's command line: one-shot requests, subcommands, and the workbench when nothing is asked.

One-shot mode never imports Textual: the workbench is imported only when it opens.
Exit codes: 0 ok, 1 error, 2 bad usage, 3 no backend available, 4 no usable command.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence

from tui.core.errors import CaroError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_NO_BACKEND = 3
EXIT_NO_COMMAND = 4

# Subcommand -> "module:function"; each function takes the remaining argv and returns a code.
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "backends": ("tui.cli.backends:main", "list backends, their health and models; add one"),
    "config": ("tui.cli.config:main", "config path | show | set KEY VALUE"),
    "check": (
        "tui.core.safety.cli_check:check_main",
        "rate a command's risk: check [--json] -- CMD",
    ),
    "doctor": ("tui.cli.doctor:main", "what is wrong with each backend and the models cache"),
    "models": ("tui.cli.models:main", "models list | pull NAME | rm NAME | info NAME"),
    "bench": ("tui.cli.bench:main", "the performance table: bench [--backend NAME] [--runs N]"),
    "eval": ("tui.cli.eval:main", "answer quality on a case file: eval CASES.jsonl"),
    "history": (
        "tui.cli.history:main",
        "past requests and commands: history [SEARCH] [--ran] [--show ID]",
    ),
    "init": ("tui.cli.init:main", "print the shell widget: init zsh|bash|fish"),
    "engine": ("tui.cli.engine:main", "the warm engine host: engine status | stop"),
    "serve": ("tui.cli.serve:main", "the workbench as a web page: serve [--host H] [--port N]"),
}


def _resolve(target: str) -> Callable[[list[str]], int]:
    module_name, _, function = target.partition(":")
    module = importlib.import_module(module_name)
    entry: Callable[[list[str]], int] = getattr(module, function)
    return entry


def readable_args(args: Sequence[str]) -> list[str]:
    """The arguments as valid Unicode: bytes that are not UTF-8 (Python keeps them as lone
    surrogates, which no file, database or terminal takes) become U+FFFD, and caro says so."""
    readable = [arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for arg in args]
    if readable != list(args):
        print(
            "caro: an argument is not valid UTF-8: its undecodable bytes were replaced with \ufffd",
            file=sys.stderr,
        )
    return readable


def main(argv: Sequence[str] | None = None) -> int:
    args = readable_args(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in SUBCOMMANDS:
            return _resolve(SUBCOMMANDS[args[0]][0])(args[1:])
        from tui.cli.oneshot import main as oneshot_main

        return oneshot_main(args)
    except CaroError as error:  # one not handled by its subcommand: said, never a traceback
        from tui.cli.common import fail

        return fail(error)
    except KeyboardInterrupt:
        print("caro: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
