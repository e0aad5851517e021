"""The state shared by the analyser and the rules while one command is assessed."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field

from tree_sitter import Node

from tui.core.safety.model import Finding, RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.words import Word

MAX_DEPTH = 6  # nested `bash -c` / `eval` strings parsed again
MAX_REPARSES = 64  # strings parsed again in one assessment, all depths together


def _no_reparse(word: Word, by: Command) -> None:
    return None


def _no_kinds(nodes: tuple[Node, ...]) -> frozenset[str]:
    return frozenset()


def _nothing_printed(node: Node) -> str | None:
    return None


@dataclass
class Context:
    """Findings and facts gathered so far, and the analyser's callbacks for the rules."""

    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    functions: set[str] = field(default_factory=set)
    downloads: set[str] = field(default_factory=set)
    # Paths this line writes (redirections, copies, downloads), in one spelling: written.py.
    wrote: set[str] = field(default_factory=set)
    # Files a listing of every installed package was saved to (`pip freeze > r.txt`).
    listings: set[str] = field(default_factory=set)
    # Files this line writes with known text (`echo CODE > f.sh`), by base name.
    written: dict[str, str] = field(default_factory=dict)
    # Archives this line packs, by base name: (whether they hold secrets, what they hold).
    packed: dict[str, tuple[bool, str]] = field(default_factory=dict)
    tcp_fds: set[str] = field(default_factory=set)
    # Descriptors opened by `exec N< ...` / `exec N<<< ...`: ("text" | "file", word).
    descriptors: dict[str, tuple[str, Word]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    effects: list[str] = field(default_factory=list)
    tainted: dict[str, frozenset[str]] = field(default_factory=dict)
    # Variables that take each name a listing printed (`for b in $(git branch -r)`), by name:
    # the listing ("git branch"); see rules/listed.py.
    listed: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    cwd: str | None = None
    # Folders an earlier `git config core.hooksPath DIR` made git's hooks folder.
    hook_folders: set[str] = field(default_factory=set)
    # The folder an earlier `export PATH=DIR:$PATH` put first that anyone could have filled.
    planted_path: str | None = None
    variables: dict[str, str] = field(default_factory=dict)
    # `find D -type f -exec sh -c 'shred -u "$1"' _ {} +`: the operands that stand for each file
    # below D (D/*), so that a command given one of them acts on the whole tree.
    found_files: frozenset[str] = frozenset()
    depth: int = 0
    reparses: int = 0
    # The simple command being checked, in the forms patterns match (see Analyser.command).
    subjects: tuple[str, ...] = ()
    simple_commands: list[tuple[str, ...]] = field(default_factory=list)
    run_code: Callable[[Word, Command], None] = _no_reparse
    kinds_of: Callable[[tuple[Node, ...]], frozenset[str]] = _no_kinds
    # What a program reading `<(echo CODE)` gets (feeds.fed_text; passed in: an import cycle).
    fed_text: Callable[[Node], str | None] = _nothing_printed

    def add(self, level: RiskLevel, reason: str, command: Command | str) -> None:
        text = command if isinstance(command, str) else command.text
        finding = Finding(level, reason, text.strip(), subjects=self.subjects)
        self.findings.append(finding)

    def resolve(self, path: str) -> str:
        """`path` with variables set earlier in the command (`d=/; rm -rf $d`) filled in, seen
        from the directory an earlier `cd` moved to (when those are known)."""
        if "${" in path:
            for name, value in self.variables.items():
                path = path.replace("${" + name + "}", value)
        if self.cwd is None or not path or path.startswith(("/", "~", "${", "$(")):
            return path
        return posixpath.join(self.cwd, path)

    def fed_code(self, word: Word) -> str | None:
        """`<(echo 'CODE')` as a script operand: the CODE its reader runs, when it is known."""
        if len(word.substitutions) != 1 or word.value != "/dev/fd/63":
            return None
        return self.fed_text(word.substitutions[0])

    def word_kinds(self, word: Word) -> frozenset[str]:
        """Kinds of the commands inside a word's substitutions (download, decode, ...)."""
        kinds = self.kinds_of(word.substitutions) if word.substitutions else frozenset()
        if self.tainted and "${" in word.value:
            for name, tainted in self.tainted.items():
                if "${" + name + "}" in word.value:
                    kinds |= tainted
        return kinds
