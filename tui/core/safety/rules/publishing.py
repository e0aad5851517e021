"""Published packages taken back, deprecated or handed to someone else.

Publishing a release is the routine end of a project's work and is rated as the tool's other
verbs are (`twine upload`, `docker push`: MODERATE). Taking versions back from a registry
(`npm unpublish`, `cargo yank`, `gem yank`, `nuget delete`, `pod trunk delete`, `conan remove
-r`), deprecating or retiring them, or giving someone else the right to publish (`npm owner
add`, `cargo owner --add`) changes what every user of the package gets, and nobody downstream
is asked: HIGH. `cargo yank --undo` and dry runs change nothing that lasts.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, Rule
from tui.core.safety.words import split_words


@dataclass(frozen=True)
class Withdrawal:
    """The leading words that name the act, an option it needs (if any), and why it matters."""

    words: tuple[str, ...]
    reason: str
    needs: frozenset[str] = frozenset()


_GONE = "every project that depends on them stops installing"
_OWNER = "gives someone else the right to publish new versions of the package"
_WITHDRAWALS: dict[str, tuple[Withdrawal, ...]] = {
    **dict.fromkeys(
        ("npm", "pnpm"),
        (
            Withdrawal(
                ("unpublish",), f"removes published versions from the npm registry: {_GONE}"
            ),
            Withdrawal(("deprecate",), "marks published versions deprecated for every user"),
            Withdrawal(("owner", "add"), _OWNER),
            Withdrawal(("access", "grant"), "gives a team the right to publish the package"),
        ),
    ),
    "cargo": (
        Withdrawal(("yank",), f"yanks a published version from crates.io: {_GONE}"),
        Withdrawal(("owner",), _OWNER, frozenset(split_words("--add -a"))),
    ),
    "gem": (
        Withdrawal(("yank",), f"removes a published version from rubygems.org: {_GONE}"),
        Withdrawal(("owner",), _OWNER, frozenset(split_words("--add -a"))),
    ),
    "dotnet": (
        Withdrawal(("nuget", "delete"), f"deletes or unlists a published package: {_GONE}"),
    ),
    "nuget": (Withdrawal(("delete",), f"deletes or unlists a published package: {_GONE}"),),
    "mix": (
        Withdrawal(("hex.retire",), "retires a published version: every user is told to leave it"),
        Withdrawal(("hex.owner", "add"), _OWNER),
        Withdrawal(
            ("hex.publish",),
            f"removes a published version from Hex: {_GONE}",
            frozenset(("--revert",)),
        ),
    ),
    "rebar3": (
        Withdrawal(
            ("hex", "retire"), "retires a published version: every user is told to leave it"
        ),
        Withdrawal(("hex", "owner", "add"), _OWNER),
    ),
    "pod": (
        Withdrawal(("trunk", "delete"), f"deletes a published pod version: {_GONE}"),
        Withdrawal(("trunk", "deprecate"), "marks a published pod deprecated for every user"),
        Withdrawal(("trunk", "add-owner"), _OWNER),
    ),
    "conan": (
        Withdrawal(
            ("remove",),
            f"deletes packages from a shared Conan remote: {_GONE}",
            frozenset(split_words("-r --remote")),
        ),
    ),
    "anaconda": (Withdrawal(("remove",), f"deletes a package or file from Anaconda.org: {_GONE}"),),
}
# Options that only show what would happen, or undo the act itself.
_HARMLESS = frozenset(split_words("--dry-run --undo --help -h"))


def _words(command: Command) -> list[str]:
    return [a for a in command.argv if not a.startswith("-")]


def _needs_met(withdrawal: Withdrawal, argv: list[str]) -> bool:
    if not withdrawal.needs:
        return True
    return any(a.split("=", 1)[0] in withdrawal.needs for a in argv)


def withdrawal(command: Command) -> str | None:
    """Why `command` takes back or hands over a published package, or None."""
    argv = command.argv
    if _HARMLESS & set(argv):
        return None
    words = _words(command)
    for item in _WITHDRAWALS.get(command.name, ()):
        if tuple(words[: len(item.words)]) == item.words and _needs_met(item, argv):
            return item.reason
    return None


def withdrawn(command: Command, ctx: Context) -> None:
    reason = withdrawal(command)
    if reason is not None:
        ctx.add(HIGH, reason, command)


RULES: dict[str, Rule] = {}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {name: (withdrawn,) for name in _WITHDRAWALS}
