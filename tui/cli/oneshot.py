"""`caro "request"`: print one shell command on stdout and nothing else.

Notices (which backend, which model and why, warnings) go to stderr, so `$(caro "...")` and
pipes get the command alone. `--json` prints the whole result as one JSON object instead.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TYPE_CHECKING

from tui import __version__
from tui.cli.common import CliError, Parser, fail, load_config, notice
from tui.cli.inputs import check_workbench_terminal, readable
from tui.cli.output import check_output_file, print_result, write_output
from tui.core.backends.base import BackendError, ErrorKind, Notice, SamplerSettings, StreamEvent
from tui.core.config import Config, GenerationConfig
from tui.core.display import handed_over, json_text
from tui.core.errors import CaroError
from tui.core.generation.pipeline import CommandResult, generate_command
from tui.core.request import GenerationFlags, RequestContext

if TYPE_CHECKING:
    from tui.cli.terminal import Terminal
    from tui.core.backends.base import Backend
    from tui.core.backends.registry import Registry
    from tui.core.preview.front import Outcome

EPILOG = """\
subcommands:
  caro backends [--json]        backends, their health, latency and models
  caro config path|show|set     where the config is, what is in effect, change a key
  caro check [--json] -- CMD    rate any command's risk, with reasons
  caro doctor [--json]          what is wrong with each backend and the models cache, and the fix
  caro models list|pull|rm|info the catalogue, downloads (Hub or ollama:NAME), what is on disk
  caro bench [--backend NAME]   the performance table: load, first/next answer, tok/s, memory
  caro eval CASES.jsonl         answer quality on request -> reference cases (--per-utility)
  caro history [SEARCH]         past requests, their commands and runs (--show ID, --ran)
  caro init zsh|bash|fish       print the shell widget: Ctrl+G puts a command on your prompt
  caro serve [--port N]         the workbench as a web page on 127.0.0.1 (textual-serve)
  caro engine status|stop       the warm engine host: model, memory, idle time left; stop it

exit codes: 0 ok, 1 error, 2 bad usage, 3 no backend available, 4 the model gave no usable
command. With --run: the command's own exit code, 1 when it was not run (declined, blocked),
2 when there is no terminal to confirm on. The workbench opens when no request is given (and
stdin is a terminal); Ctrl+S there leaves with the command (printed, or in --output-file).
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
    parser.add_argument(
        "--output-file",
        metavar="PATH",
        help="write the command there instead of stdout (the shell widget reads it)",
    )
    parser.add_argument(
        "--run",
        action="store_true",
        help="run the command after showing its risk and asking on the terminal (/dev/tty)",
    )
    parser.add_argument(
        "--override",
        action="store_true",
        help="with --run: a command blocked at your safety level may still run once you type "
        "its first word (never a deny pattern, never a critical one at the strict level)",
    )
    parser.add_argument(
        "--preview",
        action="store_true",
        help="run the command in a throwaway copy of your files first (Linux) and show what it "
        "would change, on stderr (with --run: before asking)",
    )
    parser.add_argument("--version", action="version", version=f"caro {__version__}")
    tuning = parser.add_argument_group("generation")
    tuning.add_argument(
        "--candidates",
        type=int,
        metavar="N",
        help="answers to try before keeping the best "
        f"(default: [generation] candidates, {GenerationConfig.candidates})",
    )
    tuning.add_argument(
        "--examples",
        type=int,
        metavar="N",
        help="similar examples shown to the model "
        f"(default: [generation] examples, {GenerationConfig.examples})",
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
    args = build_parser().parse_args(argv)
    request = " ".join(args.request).strip()
    from_stdin = not request and not sys.stdin.isatty()
    if from_stdin:
        request = readable(sys.stdin.buffer.read(), "the request on stdin").strip()
    try:
        return _main(args, request, from_stdin)
    except CaroError as error:
        # With --json, a failure is one object on stdout too: what happened, the fix, the code.
        return fail(error, json=args.json)


def _main(args: argparse.Namespace, request: str, from_stdin: bool) -> int:
    from tui.cli import EXIT_USAGE

    if args.output_file:
        check_output_file(args.output_file)
    if args.run or args.override:
        _check_run_flags(args, request)
        terminal = _open_terminal()  # before any model runs: no terminal, nothing to do
    config = load_config(args.backend, args.model)
    context = RequestContext.build(config, cwd=args.cwd, flags=generation_flags(args))
    if not request:
        if args.json:
            raise CliError("--json needs a request", EXIT_USAGE, 'caro --json "list files"')
        check_workbench_terminal(from_stdin)
        return _open_workbench(config, args.output_file, context)
    if args.run:
        with terminal:
            return _run_request(context, request, args, terminal)
    return _one_shot(context, request, args)


def _check_run_flags(args: argparse.Namespace, request: str) -> None:
    from tui.cli import EXIT_USAGE

    if args.override and not args.run:
        raise CliError("--override only applies with --run", EXIT_USAGE)
    for flag, given in (("--json", args.json), ("--output-file", args.output_file)):
        if given:
            raise CliError(f"--run and {flag} do not go together", EXIT_USAGE)
    if not request:
        raise CliError("--run needs a request", EXIT_USAGE, 'caro --run "list files"')


def _open_terminal() -> Terminal:
    from tui.cli import EXIT_USAGE
    from tui.cli.terminal import NoTerminal, Terminal

    try:
        return Terminal.open()
    except NoTerminal as error:
        raise CliError(
            f"--run needs a terminal to confirm on, and there is none: {error}; nothing was run",
            EXIT_USAGE,
            "run it from a terminal, or drop --run and run the printed command yourself",
        ) from None


def generation_flags(args: argparse.Namespace) -> GenerationFlags:
    """The generation flags (`--candidates`, `--examples`, the sampler's) as given."""
    return GenerationFlags(
        examples=args.examples, candidates=args.candidates, sampler=_flag_sampler(args)
    )


def _one_shot(context: RequestContext, request: str, args: argparse.Namespace) -> int:
    from tui.cli import EXIT_NO_COMMAND

    result = asyncio.run(_answer(context, request, args))
    _attach_risk(result, context)
    preview = _preview(result, context) if args.preview else None
    entry_id = _record(result, context)
    _keep_preview(entry_id, preview)
    if preview is not None and args.json:
        if args.output_file and result.command:
            write_output(args.output_file, result.command)
        print(json_text({**result.as_dict(), "preview": preview.as_dict()}))
        return 0 if result.command else EXIT_NO_COMMAND
    if preview is not None:
        print(preview.text() + "\n", file=sys.stderr, flush=True)
    return print_result(result, args.json, EXIT_NO_COMMAND, args.output_file, args.quiet)


def _preview(result: CommandResult, context: RequestContext) -> Outcome | None:
    """Previews the command and folds what it showed into the result's risk."""
    if result.command is None:
        return None
    from tui.core.preview.front import run_preview

    outcome = run_preview(result.command, cwd=context.cwd)
    result.risk = outcome.rate(context.rate(result.command, result.request)).as_dict()
    return outcome


def _keep_preview(entry_id: int | None, preview: Outcome | None) -> None:
    if preview is not None:
        from tui.core.preview.front import record

        problem = record(entry_id, preview)
        if problem:
            notice(problem)


def _run_request(
    context: RequestContext, request: str, args: argparse.Namespace, terminal: Terminal
) -> int:
    """`--run`: the answer, recorded, then shown on the terminal, confirmed, and run."""
    from tui.cli import EXIT_NO_COMMAND
    from tui.cli.run import confirm_and_run

    result = asyncio.run(_answer(context, request, args))
    _attach_risk(result, context)
    preview = _preview(result, context) if args.preview else None
    entry_id = _record(result, context)
    _keep_preview(entry_id, preview)
    if result.command is None:
        return print_result(result, False, EXIT_NO_COMMAND)
    for warning in result.warnings:
        notice(f"warning: {warning}")
    return confirm_and_run(
        terminal,
        context,
        result.command,
        request,
        override=args.override,
        entry_id=entry_id,
        preview=preview,
    )


async def _answer(context: RequestContext, request: str, args: argparse.Namespace) -> CommandResult:
    """The model's answer to `request`, asked in `context` (folder, shell, settings)."""
    from tui.cli import EXIT_NO_BACKEND
    from tui.core.backends.registry import NoBackendError, Registry

    config = context.config
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
            if isinstance(event, Notice) and not event.warning:
                say(event.message)  # warnings come with the result

        try:
            result = await generate_command(
                backend,
                request,
                context=context.where,
                settings=context.settings(backend.name),
                model=config.backend(backend.name).model,
                on_event=on_event,
            )
        except BackendError as error:
            raise await _failed(registry, backend.name, error) from None
        _offer_starter(backend)
    finally:
        await registry.aclose()
    return result


def _offer_starter(backend: Backend) -> None:
    """After the engine host answered a request that no warm starter took, starts one: the
    next requests then skip caro's start-up (tui.cli.starter)."""
    from tui.cli import launch

    if launch.starter_missing and getattr(backend, "host_answered", False):
        from tui.cli.starter import spawn

        spawn(float(getattr(backend, "keep_alive_s", 0.0)))
        launch.starter_missing = False


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
        ErrorKind.BUSY,
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


def _attach_risk(result: CommandResult, context: RequestContext) -> None:
    """Rates the command (and the request: a request for harm is flagged too) under the
    person's policy, as `--run`, the workbench and `caro check` do."""
    if result.command is None:
        return
    from tui.core.truncation import rate_cut

    assessment = context.rate(result.command, result.request)
    result.risk = (rate_cut(assessment) if result.truncated else assessment).as_dict()


def _record(result: CommandResult, context: RequestContext) -> int | None:
    """Adds the request and its answer to the history (with the folder and the path of the
    shell it is meant for); its id. A failure is a notice."""
    from tui.core.history import History, HistoryError
    from tui.core.history.recording import record_result

    try:
        with History.open() as history:
            if history.recovery:
                notice(history.recovery.describe())
            return record_result(
                history, result, cwd=context.cwd, shell=context.shell.path, source="cli"
            )
    except HistoryError as error:
        notice(f"not recorded in the history: {error}")
        return None


def _open_workbench(
    config: Config, output_file: str | None = None, request: RequestContext | None = None
) -> int:
    from tui.cli import EXIT_ERROR

    try:
        from tui.app.workbench import make_app  # type: ignore[import-not-found,unused-ignore]
    except ImportError as error:
        raise CliError(
            f"the workbench cannot start: {error}",
            EXIT_ERROR,
            'give a request instead: caro "list files"',
        ) from None
    # The command the person accepts (Ctrl+S) is the app's return value (App.exit(command)):
    # the shell widget's file gets it; otherwise it is printed once the screen is restored.
    app = make_app(config, request=request, watch_terminal=True)
    accepted = app.run()
    if app.return_code:  # the terminal went away, or SIGTERM: nobody to print to
        return app.return_code
    if isinstance(accepted, str) and accepted.strip():
        command = handed_over(accepted.strip("\n"))
        if output_file:
            write_output(output_file, command)
        else:
            print(command, flush=True)
    return 0
