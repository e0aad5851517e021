"""Desktop proxy settings: `gsettings set org.gnome.system.proxy.https host IP` sends the web
traffic of every program that follows the desktop's settings through that machine.

Decisions: a proxy (or a proxy auto-configuration URL) at an outside address is HIGH, as for
`networksetup -setwebproxy` on macOS: that machine reads or changes all the traffic. A proxy
named by host name (a company proxy) and the other settings are MODERATE; `get`, `list-*`,
`describe`, `range` and `monitor` only read.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.rules.resolvers import outside_address
from tui.core.safety.words import split_words

_READS = frozenset(
    split_words(
        "get list-schemas list-relocatable-schemas list-keys list-children list-recursively "
        "describe range monitor writable help"
    )
)


def gsettings(command: Command, ctx: Context) -> None:
    argv = [a for a in command.argv if not a.startswith("--schemadir")]
    verb = argv[0] if argv else ""
    if not verb or verb in _READS:
        return
    schema, key, value = ([*argv[1:4], "", "", ""])[:3]
    if verb == "set" and schema.startswith("org.gnome.system.proxy"):
        host = _url_host(value) if key == "autoconfig-url" else value.strip("'\"")
        if key in ("host", "autoconfig-url") and outside_address(host):
            reason = f"sends the desktop's web traffic through {host}, which can read or change it"
            ctx.add(HIGH, f"{reason} (gsettings)", command)
            return
    ctx.add(MODERATE, f"changes desktop settings (gsettings {verb})", command)


def _url_host(url: str) -> str:
    return url.strip("'\"").split("://", 1)[-1].split("/", 1)[0].rsplit("@", 1)[-1].split(":")[0]


RULES: dict[str, Rule] = {"gsettings": gsettings}
