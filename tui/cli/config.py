"""`caro config path | show | set KEY VALUE`."""

from __future__ import annotations

from tui.cli import EXIT_ERROR
from tui.cli.common import CliError, Parser, fail, load_config, notice
from tui.core import config as config_module
from tui.core import paths
from tui.core.config import ConfigError
from tui.core.display import displayable, mask_credentials
from tui.core.errors import CaroError


def main(argv: list[str]) -> int:
    parser = Parser(
        prog="caro config",
        description="Where the config lives, what is in effect, "
        "and changing one key (the file's comments are kept).",
    )
    actions = parser.add_subparsers(dest="action", required=True)
    actions.add_parser("path", help="print the config file's path")
    shower = actions.add_parser(
        "show", help="print every key in effect and where its value came from"
    )
    shower.add_argument("-b", "--backend", help="as if caro were run with --backend NAME")
    shower.add_argument("-m", "--model", help="as if caro were run with --model NAME")
    setter = actions.add_parser("set", help="set KEY (e.g. backends.ollama.timeout) to VALUE")
    setter.add_argument("key")
    setter.add_argument("value")
    args = parser.parse_args(argv)
    if args.action == "path":
        print(paths.config_file())
        return 0
    if args.action == "show":
        try:
            shown = config_module.show(load_config(args.backend, args.model))
        except CaroError as error:
            return fail(error)
        print(displayable(mask_credentials(shown), multiline=True), end="")
        return 0
    path = paths.config_file()
    try:
        value = config_module.set_value(path, args.key, args.value)
    except ConfigError as error:
        return fail(CliError(error.message, EXIT_ERROR, "nothing was written"))
    notice(f"set {args.key} = {value!r} in {path}")
    return 0
