"""Names a listing printed: `for b in $(git branch -r)`, `helm list -q | while read r`, `helm
list -q | xargs helm uninstall`, `helm uninstall $(helm list -q)`. A command that removes what
its operand names then removes every one the listing gave, not one the person picked."""

from __future__ import annotations

import re

from tree_sitter import Node

from tui.core.safety.context import Context
from tui.core.safety.parse import Command, build_command
from tui.core.safety.rules.common import subcommand
from tui.core.safety.words import Word, node_text

# Programs whose subcommand prints a list of names, one a line.
LISTINGS: dict[str, frozenset[str]] = {
    "git": frozenset(("branch", "tag", "for-each-ref", "ls-remote", "diff", "ls-files", "status")),
    "helm": frozenset(("list", "ls")),
}
_GLOBAL_OPTIONS = "-C -c --git-dir --work-tree -n --namespace --kube-context"


def listing(command: Command) -> str | None:
    """`git branch -r` -> "git branch", `helm ls -q -n prod` -> "helm ls", else None."""
    subs = LISTINGS.get(command.name)
    if subs is None:
        return None
    sub, rest = subcommand(command, _GLOBAL_OPTIONS)
    if sub not in subs or "--show-current" in rest.argv:
        return None
    return f"{command.name} {sub}"


def substituted_listing(node: Node | None) -> str | None:
    """The listing of `$(git branch -r | grep -v HEAD)`: the first command inside."""
    if node is None or node.type != "command_substitution":
        return None
    stack = [child for child in node.children if child.is_named]
    while stack:
        child = stack.pop(0)
        if child.type == "command":
            return listing(build_command(child))
        if child.type in ("pipeline", "list", "redirected_statement"):
            stack[:0] = [c for c in child.children if c.is_named]
    return None


def listed_by(word: Word, ctx: Context, program: str) -> str | None:
    """The listing (of `program`) whose names `word` takes, in a loop, a `read` or a
    substitution."""
    for name, source in ctx.listed.items():
        if source.startswith(program + " ") and re.search(
            r"\$\{?" + re.escape(name) + r"\b", word.raw
        ):
            return source
    for inner in word.substitutions:
        found = substituted_listing(inner)
        if found is not None and found.startswith(program + " "):
            return found
    return None


def fed_listing(command: Command, program: str) -> bool:
    """`helm list -q | xargs helm uninstall`: xargs hands on each name the listing printed."""
    stdin = command.stdin
    if "xargs" not in command.via or stdin is None or stdin.producers[:1] != (program,):
        return False
    return bool(set(stdin.reads[:1]) & LISTINGS.get(program, frozenset()))


def remember_loop(node: Node, ctx: Context) -> None:
    """`for b in $(git branch -r); do ...`: `b` takes each name the listing printed."""
    name = node.child_by_field_name("variable")
    values = [
        node.child(i) for i in range(node.child_count) if node.field_name_for_child(i) == "value"
    ]
    if name is None or len(values) != 1:
        return
    found = substituted_listing(values[0])
    if found is not None:
        ctx.listed[node_text(name)] = found


def remember_read(variable: str, first: list[Command], ctx: Context) -> None:
    """`git branch -r | sed ... | while read b`: `b` takes each line of the first stage."""
    found = listing(first[0]) if len(first) == 1 else None
    if found is not None:
        ctx.listed[variable] = found
