"""Two-way sync tools: Unison and Syncthing.

`unison A B -force A -batch` makes B an exact copy of A, deleting what A lacks: with an empty A
or a home folder as B, a whole home is lost (HIGH). Syncthing's control page served on every
address lets anyone on the network read and change what is shared (HIGH).
"""

from __future__ import annotations

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.rules.files import empty_source
from tui.core.safety.words import Word, split_words

_LOST = frozenset(("root", "home", "all_homes", "vital", "system"))


def _home_root(root: str) -> bool:
    """`~`, `/home/me`, or a remote home (`ssh://host//home/me`)."""
    local = root.split("//", 2)[-1] if root.startswith("ssh://") else root
    local = "/" + local.lstrip("/") if root.startswith("ssh://") else local
    return paths.area(paths.normalise(local.replace("$HOME", "~"))) in _LOST


def _roots(command: Command) -> tuple[list[Word], str | None]:
    """Unison's two roots, and the root `-force` makes win every conflict."""
    roots: list[Word] = []
    forced: str | None = None
    args = command.args
    index = 0
    while index < len(args):
        value = args[index].value
        if value in _VALUED and index + 1 < len(args):
            forced = args[index + 1].value if value == "-force" else forced
            index += 2
            continue
        if not value.startswith("-"):
            roots.append(args[index])
        index += 1
    return roots, forced


_VALUED = frozenset(split_words("-force -prefer -path -ignore -root -logfile -backup -sshargs"))


def unison(command: Command, ctx: Context) -> None:
    roots, forced = _roots(command)
    if forced is not None and len(roots) >= 2:
        source = tuple(w for w in roots if w.value == forced)
        others = [w.value for w in roots if w.value != forced]
        if empty_source(source) or any(_home_root(o) for o in others):
            reason = f"makes {' '.join(others)} an exact copy of {forced}, deleting the rest"
            ctx.add(HIGH, f"{reason} (unison -force)", command)
            return
    ctx.add(MODERATE, "syncs two folders both ways (unison)", command)


_EVERY_ADDRESS = ("0.0.0.0", "[::]", ":::")


def _serves_everywhere(argv: list[str], words: list[str]) -> bool:
    """`cli config gui raw-address set 0.0.0.0:8384`, `--gui-address=0.0.0.0:8384`."""
    if "gui" in words and "set" in words and any(w.startswith(_EVERY_ADDRESS) for w in words):
        return True
    return any(
        a.startswith("--gui-address=") and a.split("=", 1)[1].startswith(_EVERY_ADDRESS)
        for a in argv
    )


def syncthing(command: Command, ctx: Context) -> None:
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    if _serves_everywhere(argv, words):
        reason = "serves Syncthing's control page on every network: anyone reaching it may act"
        ctx.add(HIGH, reason, command)
    elif words[:2] == ["cli", "show"] or (
        words[:1] == ["cli"] and words[-1:] in (["list"], ["get"])
    ):
        return
    else:
        ctx.add(MODERATE, "runs or configures Syncthing", command)


RULES: dict[str, Rule] = {"unison": unison, "syncthing": syncthing}
