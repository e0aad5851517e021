"""Listings of every installed package: fed to a removal, they name everything."""

from __future__ import annotations

from tree_sitter import Node

from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.words import node_text, split_words

# Package managers' listings of everything installed (not `pacman -Qdt`, the orphans only).
_INSTALLED_LIST = lazy_pattern(
    r"^(?:sudo\s+)?(?:"
    r"(?:pip3?|python3?\s+-m\s+pip)\s+(?:freeze|list)|brew\s+(?:list|ls|leaves)|"
    r"dpkg(?:-query)?\s+(?:-l|--list|--get-selections|-W|--show)|rpm\s+-qa|pacman\s+-Q[qen]*|"
    r"apk\s+info|npm\s+(?:ls|list)|gem\s+list|(?:apt|dnf|yum)\s+list\s+(?:--)?installed|"
    r"conda\s+list|snap\s+list|flatpak\s+list"
    r")(?:\s+-[-\w=]*)*\s*$"
)
# Stages that pick some lines out of a listing rather than reformat all of it.
SELECTORS = frozenset(split_words("grep egrep fgrep rg head sed ag"))


def lists_installed(text: str) -> bool:
    """`pip freeze`, `dpkg -l | awk '{print $2}'`: every installed package, unselected."""
    stages = [stage.strip() for stage in text.split("|")]
    if not _INSTALLED_LIST.match(stages[0]):
        return False
    return not any(stage.split(" ", 1)[0] in SELECTORS for stage in stages[1:])


def substituted_listing(nodes: tuple[Node, ...]) -> bool:
    """`$(brew list)`, `<(pip freeze)`, `` `rpm -qa` ``: a word made from such a listing."""
    for node in nodes:
        text = node_text(node).strip()
        inner = text[2:-1] if text[:2] in ("$(", "<(") else text.strip("`")
        if lists_installed(inner):
            return True
    return False


def every_installed(command: Command) -> bool:
    """`pip freeze | xargs pip uninstall -y`, `pacman -Rns $(pacman -Qq)`: the names given
    are those of every installed package."""
    stdin = command.stdin
    if stdin is not None and stdin.installed and ({"${input}", "-"} & set(command.argv)):
        return True
    return any(substituted_listing(word.substitutions) for word in command.args)
