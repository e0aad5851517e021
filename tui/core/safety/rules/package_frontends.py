"""Package managers read as one they stand in for: nala is apt, dnf5 and microdnf are dnf, and
PackageKit's `pkcon`, Solus's `eopkg` and Clear Linux's `swupd` remove, install and list with
verbs of their own. Each is turned into the command it amounts to, rated by that manager's
rules (removing the C library stays CRITICAL, a listing stays safe).
"""

from __future__ import annotations

from dataclasses import replace

from tui.core.safety.parse import Command
from tui.core.safety.words import Word, literal, split_words

_SAME_AS = {"nala": "apt", "dnf5": "dnf", "microdnf": "dnf", "tdnf": "dnf"}
# Each front end's verbs, as the dnf verb they amount to ("list" for anything that only shows).
_VERBS = {
    "pkcon": {
        "remove": "remove",
        "install": "install",
        "install-local": "install",
        "update": "upgrade",
        "refresh": "makecache",
        **dict.fromkeys(
            split_words(
                "get-updates search get-details get-packages resolve what-provides get-depends "
                "get-requires get-files repo-list get-distro-upgrades get-time backend-details "
                "get-transactions get-update-detail get-roles get-filters get-groups"
            ),
            "list",
        ),
    },
    "eopkg": {
        **dict.fromkeys(("remove", "rm"), "remove"),
        **dict.fromkeys(("install", "it"), "install"),
        **dict.fromkeys(("upgrade", "up"), "upgrade"),
        **dict.fromkeys(
            split_words(
                "list-installed li info search sr list-available la list-upgrades lu check "
                "history hs list-repo lr blame bl"
            ),
            "list",
        ),
    },
    "swupd": {
        "bundle-remove": "remove",
        "bundle-add": "install",
        "update": "upgrade",
        **dict.fromkeys(
            split_words("bundle-list search search-file info check-update bundle-info os-format"),
            "list",
        ),
    },
}


def translate(command: Command) -> Command | None:
    """The command `command` amounts to under a manager caro knows, or None."""
    name = command.name
    if name in _SAME_AS:
        return _renamed(command, (literal(_SAME_AS[name]), *command.args))
    verbs = _VERBS.get(name)
    if verbs is None:
        return None
    position = next((i for i, w in enumerate(command.args) if not w.value.startswith("-")), None)
    if position is None:
        return None
    verb = verbs.get(command.args[position].value)
    if verb is None:
        return None
    rest = command.args[position + 1 :]
    return _renamed(command, (literal("dnf"), literal(verb), *rest))


def _renamed(command: Command, words: tuple[Word, ...]) -> Command:
    return replace(command, words=words)
