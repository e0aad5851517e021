"""Walks a parsed command and runs the rules on every simple command wherever it stands.

Pipelines, lists, subshells, compound commands, functions, `$(...)`, backticks and `<(...)` are
all reached by one iterative walk (nesting can be thousands deep). Shell code in strings
(`bash -c`, `eval`, `su -c`, ...) is parsed again, with a depth and count limit.
"""

from __future__ import annotations

from tree_sitter import Node

from tui.core.safety import targets
from tui.core.safety.context import MAX_DEPTH, MAX_REPARSES, Context
from tui.core.safety.fanout import find_parts
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import (
    Command,
    Redirect,
    Stdin,
    assignment,
    build_command,
    parse,
    statement_redirects,
    syntax_errors,
)
from tui.core.safety.rules import check_layer
from tui.core.safety.rules.code import executing_kinds, literal_text
from tui.core.safety.rules.network import DOWNLOADERS, command_kinds, heredoc_body
from tui.core.safety.unwrap import SHELLS, expand
from tui.core.safety.words import SUBSTITUTED, Word, evaluate, node_text

MAX_KIND_NODES = 20_000  # node visits to classify substitutions, per assessment
HISTORY_VARIABLES = frozenset({"HISTFILE", "HISTSIZE", "HISTFILESIZE"})


class Analyser:
    """Runs the rules over one command line, collecting findings into a Context."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._kinds: dict[tuple[int, ...], frozenset[str]] = {}
        self._heredoc_owners: dict[int, list[Node]] = {}
        self._kind_budget = MAX_KIND_NODES
        ctx.run_code = self.run_code
        ctx.kinds_of = self.kinds_of

    def analyse(self, source: str) -> None:
        tree = parse(source)
        errors = syntax_errors(tree.root_node)
        if self.ctx.depth == 0:
            self.ctx.errors.extend(errors)
        self._collect_functions(tree.root_node)
        self.walk(tree.root_node)

    def walk(self, root: Node) -> None:
        """Visits every node once, in source order, knowing each node's parent."""
        stdin: dict[int, Stdin] = {}
        stack: list[tuple[Node, Node | None]] = [(root, None)]
        while stack:
            node, parent = stack.pop()
            kind = node.type
            if kind == "command":
                self.command(node, parent, stdin.get(node.id))
            elif kind == "pipeline":
                self.pipeline(node, parent, stdin)
            elif kind == "function_definition":
                self.function(node)
            elif kind in ("declaration_command", "unset_command") or (
                kind == "variable_assignment" and _bare(parent)
            ):
                self.declaration(node)
            elif kind == "redirected_statement":
                self.statement(node)
            stack.extend((child, node) for child in reversed(node.children))

    # -- simple commands ------------------------------------------------------------------------

    def command(self, node: Node, parent: Node | None, stdin: Stdin | None) -> None:
        command = build_command(node, parent, stdin)
        self.redirects(command)
        layers, code = expand(command)
        outer = self.ctx.subjects
        self.ctx.subjects = pattern_forms(layers)
        if self.ctx.subjects:
            self.ctx.simple_commands.append(self.ctx.subjects)
        try:
            for layer in layers:
                if layer.words and not layer.words[0].dynamic:
                    self.ctx.programs.append(layer.words[0].value)
                check_layer(layer, self.ctx)
            for by, word in code:
                self.run_code(word, by)
        finally:
            self.ctx.subjects = outer

    def statement(self, node: Node) -> None:
        body = node.child_by_field_name("body")
        if body is not None and body.type == "command":
            return  # the command picks up these redirections itself
        pseudo = Command(words=(), text=node_text(node), redirects=tuple(statement_redirects(node)))
        self.redirects(pseudo)

    def redirects(self, command: Command) -> None:
        layers, _ = expand(command)
        names = [layer.name for layer in layers]
        for redirect in command.redirects:
            self._redirect(command, redirect, names)

    def _redirect(self, command: Command, redirect: Redirect, names: list[str]) -> None:
        target = redirect.target
        if target is None:
            return
        value = target.value
        if value.startswith(("/dev/tcp/", "/dev/udp/")):
            self._socket(command, redirect, names)
            return
        if redirect.op in ("<&", ">&") and value in self.ctx.tcp_fds:
            if any(name in SHELLS for name in names):
                self.ctx.add(RiskLevel.CRITICAL, _REVERSE, command)
            return
        if not redirect.writes:
            return
        if any(name in DOWNLOADERS for name in names):
            self.ctx.downloads.add(value.rsplit("/", 1)[-1])
        verdict = targets.classify_write(self.ctx.resolve(target.path), append=redirect.appends)
        dynamic = target.substitutions or (target.dynamic and value.startswith("${"))
        if dynamic and (verdict is None or verdict.level <= RiskLevel.MODERATE):
            reason = f"writes to a file named at run time ({target.raw})"
            self.ctx.add(RiskLevel.MODERATE, reason, command)
        elif verdict is not None:
            self.ctx.add(verdict.level, verdict.reason, command)

    def _socket(self, command: Command, redirect: Redirect, names: list[str]) -> None:
        if any(name in SHELLS for name in names):
            self.ctx.add(RiskLevel.CRITICAL, _REVERSE, command)
        elif "exec" in names or not names:
            self.ctx.tcp_fds.add(redirect.fd or "0")
            self.ctx.add(RiskLevel.HIGH, "opens a raw network connection for the shell", command)
        else:
            self.ctx.add(RiskLevel.MODERATE, "talks to a network service through /dev/tcp", command)

    # -- pipelines --------------------------------------------------------------------------------

    def pipeline(self, node: Node, parent: Node | None, stdin: dict[int, Stdin]) -> None:
        stages = [(child, node) for child in node.children if child.is_named]
        if parent is not None and parent.type == "heredoc_redirect":
            # `cat <<EOF | sh`: tree-sitter puts the rest of the pipeline inside the heredoc
            self._heredoc_producer(parent, stages)
        kinds_so_far: set[str] = set()
        producers: list[str] = []
        all_kinds: list[set[str]] = []
        previous: list[Command] = []
        for stage, stage_parent in stages:
            commands = self._stage_commands(stage, stage_parent)
            command_node = _stage_command_node(stage)
            if command_node is not None and kinds_so_far:
                stdin[command_node.id] = _stdin_for(kinds_so_far, producers, previous)
            stage_kinds: set[str] = set()
            for command in commands:
                layers, _ = expand(command)
                for layer in layers[-1:]:
                    stage_kinds |= command_kinds(layer)
                producers.append(command.name or "…")
            kinds_so_far |= stage_kinds
            all_kinds.append(stage_kinds)
            previous = [expand(c)[0][-1] for c in commands]
        self._pipeline_rules(node, all_kinds)

    def _heredoc_producer(self, heredoc: Node, stages: list[tuple[Node, Node]]) -> None:
        """Finds the command that owns `heredoc` (searching down: no parent look-ups)."""
        for statement in self._heredoc_owners.get(heredoc.id, ()):
            body = statement.child_by_field_name("body")
            if body is not None:
                stages.insert(0, (body, statement))

    def _stage_commands(self, stage: Node, parent: Node) -> list[Command]:
        found: list[Command] = []
        stack = [(stage, parent)]
        while stack and len(found) < 16:
            node, above = stack.pop()
            if node.type == "command":
                found.append(build_command(node, above))
            elif node.type not in ("command_substitution", "process_substitution"):
                stack.extend((child, node) for child in reversed(node.children))
        return found

    def _pipeline_rules(self, node: Node, all_kinds: list[set[str]]) -> None:
        shells = [i for i, kinds in enumerate(all_kinds) if "shell" in kinds]
        network = [i for i, kinds in enumerate(all_kinds) if "network" in kinds]
        if shells and network and set(shells) != set(network):
            self.ctx.add(RiskLevel.CRITICAL, _REVERSE, node_text(node))
        secrets = [i for i, kinds in enumerate(all_kinds) if "secret" in kinds]
        senders = [i for i, k in enumerate(all_kinds) if k & {"network", "download"}]
        if secrets and senders and min(secrets) < max(senders):
            self.ctx.add(
                RiskLevel.HIGH,
                "sends a secret key or password file to another machine",
                node_text(node),
            )

    # -- functions, variables ---------------------------------------------------------------------

    def _collect_functions(self, root: Node) -> None:
        """Function names, and which statement owns each here-document."""
        stack = [root]
        while stack:
            node = stack.pop()
            if node.type == "function_definition":
                name = node.child_by_field_name("name")
                if name is not None:
                    self.ctx.functions.add(node_text(name))
            elif node.type == "redirected_statement":
                for child in node.children:
                    if child.type == "heredoc_redirect":
                        self._heredoc_owners.setdefault(child.id, []).append(node)
            stack.extend(node.children)

    def function(self, node: Node) -> None:
        name_node = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        if name_node is None or body is None:
            return
        name = node_text(name_node)
        calls, spawning = _self_calls(body, name)
        if calls >= 2 and spawning:
            reason = f"defines a fork bomb: `{name}` starts copies of itself without end"
            self.ctx.add(RiskLevel.CRITICAL, reason, node_text(node))

    def declaration(self, node: Node) -> None:
        text = node_text(node)
        if node.type == "unset_command":
            names = {node_text(c) for c in node.children if c.type == "variable_name"}
            names |= {c.value for c in (evaluate(ch) for ch in node.children if ch.type == "word")}
            if names & HISTORY_VARIABLES:
                self.ctx.add(RiskLevel.HIGH, "turns off the shell history (unset HISTFILE)", text)
            return
        items = [node] if node.type == "variable_assignment" else node.children
        for item in items:
            if item.type != "variable_assignment":
                continue
            name, value = assignment(item)
            if value.dynamic:
                self.ctx.variables.pop(name, None)
            else:
                self.ctx.variables[name] = value.path
            if name in HISTORY_VARIABLES and _disables_history(name, value):
                self.ctx.add(RiskLevel.HIGH, f"turns off the shell history ({name})", text)

    # -- code in strings and substitutions ------------------------------------------------------

    def run_code(self, word: Word, by: Command) -> None:
        ctx = self.ctx
        kinds = self.kinds_of(word.substitutions) if word.substitutions else frozenset()
        if executing_kinds(ctx, kinds, by, f"{by.name} with code from $(...)"):
            return
        if word.dynamic:
            ctx.add(RiskLevel.MODERATE, f"runs shell code built at run time ({word.raw[:60]})", by)
        if ctx.depth >= MAX_DEPTH or ctx.reparses >= MAX_REPARSES:
            ctx.add(RiskLevel.MODERATE, "shell code nested too deeply to check all of it", by)
            return
        ctx.reparses += 1
        ctx.depth += 1
        try:
            self.analyse(word.value.replace(SUBSTITUTED, "${subst}"))
        finally:
            ctx.depth -= 1

    def kinds_of(self, nodes: tuple[Node, ...]) -> frozenset[str]:
        """What the commands inside substitutions produce (download, decode, ...).

        Results are cached per node, and all calls of one assessment share a budget of node
        visits, so deeply nested substitutions cost linear time; past the budget the answer
        is `other` (unknown output).
        """
        key = tuple(node.id for node in nodes)
        if key in self._kinds:
            return self._kinds[key]
        kinds: set[str] = set()
        stack: list[tuple[Node, Node | None]] = [(node, None) for node in nodes]
        while stack:
            if self._kind_budget <= 0:
                kinds.add("other")
                break
            node, parent = stack.pop()
            self._kind_budget -= 1
            if node.type == "command":
                layers, _ = expand(build_command(node, parent))
                for layer in layers[-1:]:
                    kinds |= command_kinds(layer)
            stack.extend((child, node) for child in node.children)
        self._kinds[key] = frozenset(kinds)
        return self._kinds[key]


_REVERSE = "connects a shell to a remote machine (reverse shell)"


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


def _stdin_for(kinds: set[str], producers: list[str], previous: list[Command]) -> Stdin:
    literal: tuple[Word, ...] | None = None
    find_paths: tuple[str, ...] = ()
    listing: tuple[str, ...] = ()
    filtered = False
    if len(previous) == 1 and previous[0].name in ("echo", "printf"):
        text, _ = literal_text(previous[0])
        literal = (Word(value=text, raw=text),)
    elif len(previous) == 1 and command_kinds(previous[0]) == {"literal"}:
        body = heredoc_body(previous[0])
        literal = (body,) if body is not None else None
    elif len(previous) == 1 and previous[0].name == "find":
        parts = find_parts(previous[0].args)
        find_paths, filtered = parts.starts, parts.filtered
    elif len(previous) == 1 and previous[0].name in ("ls", "dir"):
        listing = _listing(previous[0])
    return Stdin(
        kinds=frozenset(kinds),
        literal=literal,
        find_paths=find_paths,
        find_filtered=filtered,
        listing=listing,
        producers=tuple(producers[-3:]),
    )


def _listing(command: Command) -> tuple[str, ...]:
    """What `ls DIR` prints, as paths: everything in DIR (`DIR/*`), or the names it was given."""
    operands = [w.path for w in command.args if not w.value.startswith("-")]
    if not operands:
        return ("*",)
    return tuple(p if any(c in p for c in "*?[") else p.rstrip("/") + "/*" for p in operands)


def _stage_command_node(stage: Node) -> Node | None:
    if stage.type == "command":
        return stage
    if stage.type == "redirected_statement":
        body = stage.child_by_field_name("body")
        if body is not None and body.type == "command":
            return body
    return None


def _command_name(node: Node) -> str:
    name = node.child_by_field_name("name")
    return evaluate(name).value if name is not None else ""


def _self_calls(body: Node, name: str) -> tuple[int, bool]:
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
            names = [_command_name(c) for c in node.children if c.type == "command"]
            spawning = spawning or names.count(name) >= 2
        elif node.type == "command" and _command_name(node) == name:
            calls += 1
            spawning = spawning or background
        children = node.children
        inherits = background and node.type in ("pipeline", "redirected_statement")
        for index, child in enumerate(children):
            after = children[index + 1].type if index + 1 < len(children) else ""
            stack.append((child, inherits or after == "&"))
    return calls, spawning


def _bare(parent: Node | None) -> bool:
    """True when an assignment stands alone (not `VAR=x cmd`, not `export VAR=x`)."""
    return parent is None or parent.type not in ("command", "declaration_command")


def _disables_history(name: str, value: Word) -> bool:
    if name == "HISTFILE":
        return value.value in ("", "/dev/null")
    return value.value.strip() in ("0", "")
