"""`caro serve [--host 127.0.0.1] [--port 8000] [--allow-remote]`: the workbench as a web page.

textual-serve starts one process per browser tab and talks to it through its standard input
and output. That process is caro itself (`python -m tui serve --workbench`), which builds the
workbench with the same `make_app` factory as `caro` in a terminal. The config reaches it
through the environment: CARO_CONFIG names the file this command read, and --backend /
--model become CARO_BACKEND / CARO_MODEL.

Whoever can open the page can run commands on this machine as this user (the workbench runs
what it generates, after asking). So the server listens on 127.0.0.1 unless told otherwise
(another address needs --allow-remote), and every launch has its own secret, printed in the
address to open; serve_access says what is refused.
"""

from __future__ import annotations

import os
import shlex
import socket
import sys

from tui.cli.common import CliError, Parser, fail, load_config, notice
from tui.core import paths
from tui.core.errors import CaroError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# Marks the process textual-serve starts: it opens the workbench instead of a server.
WORKBENCH_FLAG = "--workbench"


def workbench_command() -> str:
    """The shell command textual-serve runs for each browser tab: this caro, this Python."""
    return shlex.join([sys.executable, "-m", "tui", "serve", WORKBENCH_FLAG])


def child_environment(backend: str | None, model: str | None) -> dict[str, str]:
    """What the served workbench must see: the config file this process resolved, the flags."""
    env = {"CARO_CONFIG": str(paths.config_file().absolute())}
    if backend:
        env["CARO_BACKEND"] = backend
    if model:
        env["CARO_MODEL"] = model
    return env


def check_port(host: str, port: int) -> None:
    """Fails at once, with the way out, when the address is taken (aiohttp says it late)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            from tui.cli import EXIT_ERROR

            raise CliError(
                f"cannot listen on {host}:{port}: {error.strerror or error}",
                EXIT_ERROR,
                f"pick another port: caro serve --port {port + 1}",
            ) from None


def run_workbench() -> int:
    """The process textual-serve starts: the workbench, drawn through Textual's web driver.

    It ends when textual-serve's pipe closes or on SIGTERM (the app's terminal watch)."""
    from tui.app.workbench import make_app

    try:
        config = load_config()
    except CaroError as error:
        return fail(error)
    app = make_app(config, watch_terminal=True)
    app.run()
    return app.return_code or 0


REMOTE_WARNING = (
    "listening on {host}, not only on this machine: anyone who can reach {host}:{port} and has "
    "the address below can run commands on this machine as you. Stop it with Ctrl+C."
)


def check_host(host: str, port: int, allow_remote: bool) -> None:
    from tui.cli import EXIT_USAGE
    from tui.cli.serve_access import is_loopback

    if is_loopback(host):
        return
    if not allow_remote:
        raise CliError(
            f"--host {host} would let anyone who can reach this machine on port {port} run "
            "commands as you",
            EXIT_USAGE,
            f"keep the default (127.0.0.1), or say it is meant: caro serve --host {host} "
            "--allow-remote",
        )
    notice("WARNING: " + REMOTE_WARNING.format(host=host, port=port))


def serve(
    host: str, port: int, backend: str | None, model: str | None, allow_remote: bool = False
) -> int:
    from tui.cli.serve_access import Access, new_secret
    from tui.cli.serve_web import CaroServer

    load_config(backend, model)  # a broken config or an unknown backend is said here, once
    check_host(host, port, allow_remote)
    check_port(host, port)
    os.environ.update(child_environment(backend, model))
    access = Access.for_host(host, port, new_secret())
    CaroServer(workbench_command(), host=host, port=port, access=access).serve()
    return 0


def build_parser() -> Parser:
    parser = Parser(
        prog="caro serve",
        description="Serve the workbench as a web page (one workbench per browser tab).",
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"default {DEFAULT_HOST}")
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="needed for a --host other than this machine's loopback: whoever reaches it and "
        "has the printed address can run commands as you",
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    parser.add_argument("-b", "--backend", help="the backend the page starts with")
    parser.add_argument("-m", "--model", help="the model the page starts with")
    return parser


def main(argv: list[str]) -> int:
    if argv == [WORKBENCH_FLAG]:
        return run_workbench()
    args = build_parser().parse_args(argv)
    if not 0 < args.port < 65536:
        build_parser().error(f"--port must be between 1 and 65535, not {args.port}")
    try:
        return serve(args.host, args.port, args.backend, args.model, args.allow_remote)
    except CaroError as error:
        return fail(error)
