"""`caro init zsh|bash|fish [--key KEY]`: print the shell widget to source at start-up.

eval "$(caro init zsh)"        # ~/.zshrc
eval "$(caro init bash)"       # ~/.bashrc
caro init fish | source        # ~/.config/fish/config.fish
"""

from __future__ import annotations

import sys

from tui.cli.common import Parser
from tui.core.run.shell_bridge import DEFAULT_KEYS, SHELLS, BridgeError, widget


def build_parser() -> Parser:
    parser = Parser(
        prog="caro init",
        description=(
            "Print a widget for your shell: Ctrl+G opens caro, and the command you accept lands "
            "on your prompt line, not run. Words already on the line become the request."
        ),
        epilog=(
            'zsh: eval "$(caro init zsh)" in ~/.zshrc; bash: eval "$(caro init bash)" in '
            "~/.bashrc; fish: caro init fish | source in ~/.config/fish/config.fish. "
            "CARO_KEY, set before that line, changes the key too."
        ),
    )
    parser.add_argument("shell", choices=SHELLS)
    parser.add_argument(
        "--key",
        help="the key, in the shell's notation: "
        + ", ".join(f"{shell} {key}" for shell, key in DEFAULT_KEYS.items())
        + " (the defaults)",
    )
    return parser


def main(argv: list[str]) -> int:
    from tui.cli import EXIT_USAGE

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        print(widget(args.shell, key=args.key), end="")
    except BridgeError as error:
        parser.print_usage(sys.stderr)
        print(f"caro init: {error}", file=sys.stderr)
        return EXIT_USAGE
    return 0
