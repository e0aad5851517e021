"""`caro "request"`: print one shell command on stdout and nothing else.

Notices (which backend, which model and why, warnings) go to stderr, so `$(caro "...")` and
pipes get the command alone. `--json` prints the whole result as one JSON object instead.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import TYPE_CHECKING

from tui import __version__
from tui.cli.common import CliError, Parser, fail, load_config, notice
from tui.core.backends.base import BackendError, ErrorKind, Notice, SamplerSettings, StreamEvent
from tui.core.config import Config
from tui.core.generation import (
    DEFAULT_SAMPLER,
    CommandResult,
    GenerationSettings,
    detect_context,
    generate_command,
)

if TYPE_CHECKING:
    from tui.core.backends.registry import Registry

EPILOG = """\
subcommands:
  caro backends [--json]        backends, their health, latency and models
  caro config path|show|set     where the config is, what is in effect, change a key
  caro check [--json] -- CMD    rate any command's risk, with reasons
  caro doctor [--json]          what is wrong with each backend and the models cache, and the fix
  caro models list|pull|rm|info the catalogue, downloads (Hub or ollama:NAME), what is on disk
  caro bench [--backend NAME]   the performance table: load, first/next answer, tok/s, memory
  caro eval CASES.jsonl         answer quality on request -> reference cases (--per-utility)

exit codes: 0 ok, 1 error, 2 bad usage, 3 no backend available, 4 the model gave no usable
command. The workbench opens when no request is given (and stdin is a terminal).
"""


def build_parser() -> Parser:
    parser = Parser(
        prog="caro",
        description="Turn a request in plain language into one shell command, with a local model.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("request", nargs="*", help="what the command should do")
    parser.add_argument("-b", "--backend", help="backend to use (see `caro backends`)")
    parser.add_argument("-m", "--model", help="model name, path or id for that backend")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="no notices on stderr")
    parser.add_argument("--cwd", help="directory the command is meant for (default: here)")
    parser.add_argument("--version", action="version", version=f"caro {__version__}")
    tuning = parser.add_argument_group("generation")
    tuning.add_argument(
        "--candidates",
        type=int,
        metavar="N",
        help="answers to try before keeping the best (default 3)",
    )
    tuning.add_argument(
        "--examples", type=int, metavar="N", help="similar examples shown to the model (default 4)"
    )
    tuning.add_argument("--temperature", type=float)
    tuning.add_argument("--top-p", type=float)
    tuning.add_argument("--top-k", type=int)
    tuning.add_argument("--min-p", type=float)
    tuning.add_argument("--repeat-penalty", type=float)
    tuning.add_argument("--max-tokens", type=int)
    tuning.add_argument("--seed", type=int)
    return parser


def main(argv: list[str]) -> int:
    from tui.cli import EXIT_USAGE

    args = build_parser().parse_args(argv)
    request = " ".join(args.request).strip()
    if not request and not sys.stdin.isatty():
        request = sys.stdin.read().strip()
    try:
        config = load_config(args.backend, args.model)
        if not request:
            if args.json:
                raise CliError("--json needs a request", EXIT_USAGE, 'caro --json "list files"')
            return _open_workbench(config)
        return asyncio.run(_one_shot(config, request, args))
    except CliError as error:
        return fail(error)


def _settings(config: Config, backend_name: str, args: argparse.Namespace) -> GenerationSettings:
    """Defaults, then [generation], then [backends.NAME], then the flags."""
    sampler = (
        DEFAULT_SAMPLER.merged(config.generation.sampler)
        .merged(config.backend(backend_name).sampler)
        .merged(_flag_sampler(args))
    )
    return GenerationSettings(
        examples=config.generation.examples if args.examples is None else args.examples,
        candidates=config.generation.candidates if args.candidates is None else args.candidates,
        utility_first=config.generation.utility_first,
        sampler=sampler,
    )


async def _one_shot(config: Config, request: str, args: argparse.Namespace) -> int:
    from tui.cli import EXIT_NO_BACKEND, EXIT_NO_COMMAND
    from tui.core.backends.registry import NoBackendError, Registry

    say = (lambda _: None) if args.quiet else notice
    registry = Registry(config)
    try:
        try:
            selection = await registry.select(notify=say)
        except NoBackendError as error:
            raise CliError(error.message, EXIT_NO_BACKEND, error.fix) from None
        backend = selection.backend
        say(f"backend {backend.name} ({selection.reason})")

        def on_event(_index: int, event: StreamEvent) -> None:
            if isinstance(event, Notice):
                say(event.message)

        try:
            result = await generate_command(
                backend,
                request,
                context=detect_context(args.cwd),
                settings=_settings(config, backend.name, args),
                model=config.backend(backend.name).model,
                on_event=on_event,
            )
        except BackendError as error:
            raise await _failed(registry, backend.name, error) from None
    finally:
        await registry.aclose()
    _attach_risk(result)
    return _print_result(result, args.json, EXIT_NO_COMMAND)


async def _failed(registry: Registry, name: str, error: BackendError) -> CliError:
    """The failure, its fix, and the next healthy backend with the flag that picks it.

    caro does not retry on that backend by itself: its answer would come from another model
    (often a much smaller one) into a `$(caro ...)` whose stderr nobody reads.
    """
    from tui.cli import EXIT_ERROR, EXIT_NO_BACKEND

    code = EXIT_NO_BACKEND if error.kind in _UNAVAILABLE else EXIT_ERROR
    offer = await registry.offer_instead(name) if error.kind is not ErrorKind.CONFIG else ""
    fix = "\n  or: ".join(part for part in (error.fix, offer) if part)
    return CliError(f"{name} failed: {error.message}", code, fix)


_UNAVAILABLE = frozenset(
    {
        ErrorKind.CONNECTION,
        ErrorKind.UNAVAILABLE,
        ErrorKind.MODEL_MISSING,
        ErrorKind.TIMEOUT,
        ErrorKind.AUTH,
    }
)


def _flag_sampler(args: argparse.Namespace) -> SamplerSettings:
    return SamplerSettings(
        temperature=args.temperature,
        top_p=args.top_p,
        top_k=args.top_k,
        min_p=args.min_p,
        repeat_penalty=args.repeat_penalty,
        max_tokens=args.max_tokens,
        seed=args.seed,
    )


def _attach_risk(result: CommandResult) -> None:
    """Rates the command (and the request: a request for harm is flagged too)."""
    if result.command is None:
        return
    from tui.core.safety import assess

    result.risk = assess(result.command, result.request).as_dict()


def _print_result(result: CommandResult, as_json: bool, no_command: int) -> int:
    if as_json:
        print(json.dumps(result.as_dict(), ensure_ascii=False))
        return 0 if result.command else no_command
    if result.command is None:
        notice(f"no usable command: {result.error}")
        notice("the model said:\n" + _indent(result.raw or "(nothing)"))
        return no_command
    for warning in result.warnings:
        notice(f"warning: {warning}")
    if result.risk and result.risk.get("level") not in (None, "safe"):
        notice(f"risk: {result.risk['level']}: " + "; ".join(result.risk.get("reasons", [])))
    print(result.command, flush=True)
    return 0


def _indent(text: str) -> str:
    return "\n".join(f"  | {line}" for line in text.splitlines())


def _open_workbench(config: Config) -> int:
    from tui.cli import EXIT_ERROR

    try:
        from tui.app.workbench import make_app  # type: ignore[import-not-found,unused-ignore]
    except ImportError as error:
        raise CliError(
            f"the workbench cannot start: {error}",
            EXIT_ERROR,
            'give a request instead: caro "list files"',
        ) from None
    make_app(config).run()
    return 0
