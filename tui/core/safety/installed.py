"""Listings of every installed package: fed to a removal, they name everything.

A stage that only reshapes the listing (`cut -d= -f1`, `awk '{print $1}'`, `sed 1d`) or drops a
few lines from it (`grep -v pip`, `tail -n +2`) still passes on everything; a stage that picks
some lines (`grep nvidia`, `awk '/disabled/'`, `head -5`) does not. A listing saved to a file
(`pip freeze > r.txt`) still names everything when a removal reads it back (`-r r.txt`,
`cat r.txt | xargs`), and so does a loop variable that takes each line (`for p in $(pip
freeze)`, `pip freeze | while read p`). A listing narrowed to a pattern (`dpkg -l 'linux-*'`)
names every package the pattern matches.
"""

from __future__ import annotations

import itertools
import re
import shlex
from collections.abc import Sequence

from tree_sitter import Node

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.words import node_text, split_words

# Package managers' listings of everything installed (not `pacman -Qdt`, the orphans only).
_INSTALLED_LIST = lazy_pattern(
    r"^(?:sudo\s+)?(?:"
    r"(?:pip3?|python3?\s+-m\s+pip|uv\s+pip)\s+(?:freeze|list)|brew\s+(?:list|ls|leaves)|"
    r"dpkg(?:-query)?\s+(?:-l|--list|--get-selections|-W|--show)|rpm\s+-qa|pacman\s+-Q[qen]*|"
    r"apk\s+info|npm\s+(?:ls|list)|gem\s+list|(?:apt|dnf|yum)\s+list\s+(?:--)?installed|"
    r"conda\s+list|snap\s+list|flatpak\s+list|cargo\s+install\s+--list|pipx\s+list|"
    r"apt-mark\s+showmanual|apt\s+list|deborphan\s+(?:-a|--all-packages)|"
    # every unit systemd knows or runs (not only the failed or stopped ones)
    r"systemctl(?![^|]*(?:--failed|--state=(?:failed|inactive|dead|exited)))"
    r"(?:\s+-\S*)*\s+(?:list-units|list-unit-files)"
    r")(?:\s+(?:-f|--showformat)\s+\S+|\s+-\S*)*\s*$"
)
_GREPS = frozenset(split_words("grep egrep fgrep rg ag"))
_AWKS = frozenset(split_words("awk gawk mawk nawk"))
# An awk program that picks some lines: a regex (not dpkg's "installed" mark `^ii`), a `~ "x"`
# match, a line-number limit or an early exit.
_AWK_PICK = lazy_pattern(r"/(?!\^ii\b)[^/]+/|~\s*\"|NR\s*(?:==|<)|\bexit\b")
# A grep pattern made only of anchors, classes and repeats (`^[a-z]`, `^\S`) matches them all.
_BROAD = lazy_pattern(r"^\^?(?:\[[^\]]*\]|\\[SswW.]|\.|[*+?])*\$?$")


def picks_some(words: Sequence[str]) -> bool:
    """Whether a pipeline stage keeps only some of the lines it reads (`grep x`, `head`)."""
    if not words:
        return False
    name, args = words[0].rsplit("/", 1)[-1], list(words[1:])
    short = "".join(a[1:] for a in args if a.startswith("-") and not a.startswith("--"))
    if name in _GREPS:
        if "v" in short or "--invert-match" in args:
            return False
        patterns = [a for a in args if not a.startswith("-")]
        return not patterns or not _BROAD.match(patterns[0])
    if name == "sed":
        return "n" in short or bool({"--quiet", "--silent"} & set(args))
    if name == "head":
        return True
    if name == "tail":
        return not any(a.lstrip("-n").startswith("+") for a in args)
    if name in _AWKS:
        program = _awk_program(args)
        if "!/" in program or "!~" in program:
            return False  # `awk '!/npm$/'`: everything but some
        return bool(_AWK_PICK.search(program))
    return False


def _awk_program(args: list[str]) -> str:
    """The program of `awk -F '==' -v x=1 '{print $1}'` (option values skipped)."""
    index = 0
    while index < len(args) and args[index].startswith("-"):
        index += 2 if args[index] in ("-F", "-v", "-f", "--assign", "--field-separator") else 1
    return args[index] if index < len(args) else ""


def lists_installed(text: str) -> bool:
    """`pip freeze`, `dpkg -l | awk '{print $2}'`: every installed package, unselected."""
    stages = [stage.strip() for stage in text.split("|")]
    if not _INSTALLED_LIST.match(stages[0]):
        return False
    return not any(picks_some(_words(stage)) for stage in stages[1:])


# A listing narrowed to some names by a pattern: `dpkg -l 'linux-image-*'`, `rpm -qa 'kernel*'`.
_NAMED_LIST = lazy_pattern(
    r"^(?:sudo\s+)?(?:dpkg(?:-query)?\s+(?:-l|--list|-W|--show)|rpm\s+-qa|pacman\s+-Qq?)"
    r"((?:\s+[^-|\s]\S*)+)\s*$"
)


def listed_names(text: str) -> tuple[str, ...]:
    """The names or patterns a listing was narrowed to (`dpkg -l 'linux-image-*' | awk ...`):
    every installed package they match, when no later stage picks some lines."""
    stages = [stage.strip() for stage in text.split("|")]
    match = _NAMED_LIST.match(stages[0])
    if match is None or any(picks_some(_words(stage)) for stage in stages[1:]):
        return ()
    return tuple(_words(match.group(1)))


def fed_names(command: Command) -> tuple[str, ...]:
    """The patterns of a narrowed listing that feed `command` (piped or substituted)."""
    found: list[str] = []
    stdin = command.stdin
    if stdin is not None and ({"${input}", "-"} & set(command.argv)):
        found.extend(stdin.listed)
    for word in command.args:
        for node in word.substitutions:
            text = node_text(node).strip()
            found.extend(listed_names(text[2:-1] if text[:2] in ("$(", "<(") else text.strip("`")))
    return tuple(found)


def listing_command(command: Command) -> bool:
    """The command is itself a listing of everything installed (`pip freeze`, `rpm -qa`)."""
    return bool(_INSTALLED_LIST.match(" ".join((command.name, *command.argv))))


def _words(stage: str) -> list[str]:
    try:
        return shlex.split(stage)
    except ValueError:
        return stage.split()


def substituted_listing(nodes: tuple[Node, ...]) -> bool:
    """`$(brew list)`, `<(pip freeze)`, `` `rpm -qa` ``: a word made from such a listing."""
    for node in nodes:
        text = node_text(node).strip()
        inner = text[2:-1] if text[:2] in ("$(", "<(") else text.strip("`")
        if lists_installed(inner):
            return True
    return False


def remember_listing(command: Command, ctx: Context) -> None:
    """`pip freeze > r.txt`: r.txt now names every installed package."""
    if not listing_command(command):
        return
    for redirect in command.redirects:
        if redirect.writes and redirect.target is not None:
            ctx.listings.add(redirect.target.value)


_LIST_OPTIONS = frozenset(split_words("-r --requirement"))
# What `ctx.listed` records for a loop variable that takes each installed package's name.
EVERY_PACKAGE = "every installed package"


def remember_loop(node: Node, ctx: Context) -> None:
    """`for p in $(pip freeze); do ...`: `p` takes each installed package's name."""
    name = node.child_by_field_name("variable")
    values = [
        node.child(i) for i in range(node.child_count) if node.field_name_for_child(i) == "value"
    ]
    if name is None or len(values) != 1 or values[0] is None:
        return
    if substituted_listing((values[0],)):
        ctx.listed[node_text(name)] = EVERY_PACKAGE


def remember_read(variable: str, first: Sequence[Command], picked: bool, ctx: Context) -> None:
    """`pip freeze | while read p; do ...`: `p` takes each installed package's name."""
    if len(first) == 1 and not picked and listing_command(first[0]):
        ctx.listed[variable] = EVERY_PACKAGE


def _loops_over_everything(command: Command, ctx: Context) -> bool:
    """`pip uninstall -y $p` inside a loop whose `p` takes every installed package."""
    names = [name for name, source in ctx.listed.items() if source == EVERY_PACKAGE]
    return any(
        re.search(r"\$\{?" + re.escape(name) + r"\b", word.raw)
        for word in command.args
        for name in names
    )


def _saved_listing_read(command: Command, ctx: Context) -> bool:
    """`cat r.txt | xargs pip uninstall -y` after `pip freeze > r.txt`."""
    stdin = command.stdin
    if stdin is None or "${input}" not in command.argv or stdin.producers[:1] != ("cat",):
        return False
    return bool(set(stdin.reads) & ctx.listings)


def every_installed(command: Command, ctx: Context | None = None) -> bool:
    """`pip freeze | xargs pip uninstall -y`, `pacman -Rns $(pacman -Qq)`, `pip uninstall -r
    r.txt` after `pip freeze > r.txt`: the names given are those of every installed package."""
    stdin = command.stdin
    if stdin is not None and stdin.installed and ({"${input}", "-"} & set(command.argv)):
        return True
    if ctx is not None and (
        _loops_over_everything(command, ctx) or _saved_listing_read(command, ctx)
    ):
        return True
    if ctx is not None and ctx.listings:
        argv = command.argv
        for option, value in itertools.pairwise([*argv, ""]):
            given = value if option in _LIST_OPTIONS else option.partition("=")[2]
            if (option in _LIST_OPTIONS or option.startswith("--requirement=")) and (
                given in ctx.listings
            ):
                return True
    return any(substituted_listing(word.substitutions) for word in command.args)
