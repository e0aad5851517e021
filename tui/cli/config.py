"""`caro config path | show | set KEY VALUE`."""

from __future__ import annotations

from tui.cli import EXIT_ERROR
from tui.cli.common import CliError, Parser, fail, load_config, notice
from tui.core import config as config_module
from tui.core import paths
from tui.core.config import ConfigError
from tui.core.config.effective import as_data as show_data
from tui.core.display import displayable, json_text, mask_credentials
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
    shower.add_argument(
        "--json", action="store_true", help="print each key's value and source as JSON"
    )
    setter = actions.add_parser("set", help="set KEY (e.g. backends.ollama.timeout) to VALUE")
    setter.add_argument("key")
    setter.add_argument("value")
    args = parser.parse_args(argv)
    if args.action == "path":
        print(paths.config_file())
        return 0
    if args.action == "show":
        try:
            config = load_config(args.backend, args.model)
        except CaroError as error:
            return fail(error, json=args.json)
        if args.json:
            print(mask_credentials(json_text(show_data(config), indent=2)))
        else:
            print(displayable(mask_credentials(config_module.show(config)), multiline=True), end="")
        return 0
    path = paths.config_file()
    try:
        value = config_module.set_value(path, args.key, args.value)
    except ConfigError as error:
        return fail(CliError(error.message, EXIT_ERROR, "nothing was written"))
    notice(f"set {args.key} = {value!r} in {path}")
    return 0
