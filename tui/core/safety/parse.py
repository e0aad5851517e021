"""Parsing with tree-sitter-bash, and the small command model the rules work on.

The rules never look at the raw string: they see `Command` objects, one per simple command, with
evaluated words (see words.py) and the redirections that apply to it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace

import tree_sitter_bash
from tree_sitter import Language, Node, Parser, Tree

from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.words import Word, evaluate, node_text

_LANGUAGE = Language(tree_sitter_bash.language())
REDIRECT_TYPES = ("file_redirect", "herestring_redirect", "heredoc_redirect")
_REDIRECT_OP = lazy_pattern(r"\s*(\d*|\{\w+\})\s*([<>&|-]+)")


def parse(source: str) -> Tree:
    """Parses shell source; never raises on odd text (invalid code points are replaced)."""
    data = _without_astral(source).encode("utf-8", "replace")
    return Parser(_LANGUAGE).parse(data)


def _without_astral(source: str) -> str:
    """Replaces code points beyond U+FFFF (and private-use ones) with U+FFFD.

    tree-sitter-bash 0.25's scanner crashes the process (segfault or bus error, now and then)
    on `{` followed by a code point beyond the Basic Multilingual Plane (measured: none of the
    BMP's 65,000 code points after `{`, `${`, `{a,` or `a{` crashes it in three runs; the
    planes above do). No shell syntax involves those characters, so the rules see the same
    structure with a stand-in.
    """
    if source.isascii():
        return source
    return "".join(
        "\ufffd" if ord(char) > 0xFFFF or unicodedata.category(char) in ("Co", "Cs") else char
        for char in source
    )


@dataclass(frozen=True)
class Redirect:
    """One redirection: `op` is the operator (`>`, `>>`, `&>`, `<`, `<<<`, `<<`, ...)."""

    op: str
    fd: str = ""
    target: Word | None = None
    body: Word | None = None

    @property
    def writes(self) -> bool:
        """True for redirections that write to a file (not `2>&1`-style duplications)."""
        if self.op in (">", ">|", "&>", "<>"):
            return True
        if self.op in (">>", "&>>"):
            return True
        return self.op == ">&" and self.target is not None and not self.target.value.isdigit()

    @property
    def appends(self) -> bool:
        return self.op in (">>", "&>>")


@dataclass(frozen=True)
class Command:
    """One simple command as the rules see it; `words[0]` is the program name."""

    words: tuple[Word, ...]
    text: str
    redirects: tuple[Redirect, ...] = ()
    implied_recursive: bool = False
    via: tuple[str, ...] = ()
    stdin: Stdin | None = None

    @property
    def name(self) -> str:
        """The program's base name: `/bin/rm`, `\\rm` and `"rm"` are all `rm`."""
        if not self.words:
            return ""
        value = self.words[0].value.lstrip("\\")
        return value.rsplit("/", 1)[-1] if "/" in value.rstrip("/") else value

    @property
    def args(self) -> tuple[Word, ...]:
        return self.words[1:]

    @property
    def argv(self) -> list[str]:
        """The argument values (without the program name)."""
        return [word.value for word in self.words[1:]]

    def wrapped(
        self, words: tuple[Word, ...], wrapper: str, *, implied_recursive: bool = False
    ) -> Command:
        """The command a wrapper (sudo, env, xargs, ...) runs, keeping where it came from."""
        return replace(
            self,
            words=words,
            via=(*self.via, wrapper),
            implied_recursive=self.implied_recursive or implied_recursive,
        )


@dataclass(frozen=True)
class Stdin:
    """What feeds a command's standard input in a pipeline: the kinds of the stages before it."""

    kinds: frozenset[str]
    literal: tuple[Word, ...] | None = None
    find_paths: tuple[str, ...] = ()
    find_filtered: bool = False
    listing: tuple[str, ...] = ()
    producers: tuple[str, ...] = field(default=())
    reads: tuple[str, ...] = ()
    installed: bool = False  # the input lists every installed package (`pip freeze | ...`)
    listed: tuple[str, ...] = ()  # the patterns a listing was narrowed to (`dpkg -l 'linux*'`)


def build_command(node: Node, parent: Node | None = None, stdin: Stdin | None = None) -> Command:
    """Turns a `command` node (and the redirections of its `parent` statement) into a Command.

    The parent is passed in rather than read from the node: tree-sitter finds a node's parent
    by descending from the root, which makes deep trees quadratic.
    """
    words: list[Word] = []
    redirects: list[Redirect] = []
    word_end = -1
    for index, child in enumerate(node.children):
        field_name = node.field_name_for_child(index)
        if child.type in REDIRECT_TYPES:
            redirects.append(build_redirect(child))
        elif field_name in ("name", "argument") or child.type == "command_name":
            word = evaluate(child)
            if child.start_byte == word_end:
                words[-1] = _one_word(words[-1], word)
            else:
                words.append(word)
            word_end = child.end_byte
    text = node_text(node)
    if parent is not None and parent.type == "redirected_statement":
        extra = statement_redirects(parent)
        if _descriptor_split(node, parent) and extra:
            # `sh 0</tmp/p`: tree-sitter-bash reads `0` as an argument before `</tmp/p`
            extra[0] = replace(extra[0], fd=words.pop().value)
        redirects.extend(extra)
        words.extend(_after_descriptor_herestring(parent))
        words.extend(_after_redirect_target(parent))
        text = node_text(parent)
    return Command(
        words=tuple(words),
        text=text,
        redirects=tuple(redirects),
        stdin=stdin,
    )


_NAME_START = lazy_pattern(r"[A-Za-z_]\w*")


def _one_word(before: Word, after: Word) -> Word:
    """Two nodes written against each other are one shell word. tree-sitter-bash splits some:
    `rm$IFS-rf$IFS/` ends the first at the bare `$` of `$IFS/` (and starts another with
    `IFS/`), `VAR=<(cmd)` puts the process substitution apart."""
    name = _NAME_START.match(after.raw)
    bare_dollar = before.raw.endswith("$") and not before.raw.endswith("\\$")
    if bare_dollar and name is not None:
        value = before.value[:-1] + "${" + name.group(0) + "}" + after.value[name.end() :]
    else:
        value = before.value + after.value
    return Word(
        value=value,
        raw=before.raw + after.raw,
        dynamic=before.dynamic or after.dynamic or (bare_dollar and name is not None),
        literal_tilde=before.literal_tilde,
        substitutions=before.substitutions + after.substitutions,
    )


def _after_descriptor_herestring(parent: Node) -> list[Word]:
    """`bash 3<<< 'CODE' /dev/fd/3`: lacking here-strings on a descriptor, the grammar reads
    the words after the text as more destinations of the redirection; they are arguments."""
    found: list[Word] = []
    for child in parent.children:
        match = _REDIRECT_OP.match(node_text(child)) if child.type == "file_redirect" else None
        if match is None or match.group(2) != "<<<":
            continue
        named = [c for c in child.children if c.is_named and c.type not in _NOT_TARGETS]
        found.extend(evaluate(c) for c in named[1:16])
    return found


_NOT_TARGETS = ("file_descriptor", "ERROR")


def _after_redirect_target(parent: Node) -> list[Word]:
    """`rm 2>/dev/null -rf ~`: tree-sitter-bash reads every word after a redirection's target
    as more targets; the shell takes the first as the target and the rest as arguments."""
    found: list[Word] = []
    for child in parent.children:
        redirects = [child] if child.type == "file_redirect" else []
        if child.type == "heredoc_redirect":
            redirects = [c for c in child.children if c.type == "file_redirect"]
        for redirect in redirects:
            targets = [
                c for c in redirect.children if c.is_named and c.type not in _NOT_REDIRECT_TARGETS
            ]
            found.extend(evaluate(c) for c in targets[1:])
    return found


_NOT_REDIRECT_TARGETS = frozenset(("file_descriptor", "ERROR", "comment"))


def _descriptor_split(node: Node, parent: Node) -> bool:
    """The command's last argument is a number written against the statement's redirection."""
    last = node.children[-1] if node.children else None
    if (
        last is None
        or last.type != "number"
        or node.field_name_for_child(node.child_count - 1) != "argument"
    ):
        return False
    first = next((c for c in parent.children if c.type in REDIRECT_TYPES), None)
    return first is not None and first.start_byte == last.end_byte


def assignment(node: Node) -> tuple[str, Word]:
    """`NAME=value` as (name, value word)."""
    name_node = node.child_by_field_name("name")
    value_node = node.child_by_field_name("value")
    name = node_text(name_node) if name_node is not None else ""
    if value_node is not None and value_node.type == "array":  # `a=(rm -rf ~)`: its words
        items = [evaluate(child) for child in value_node.children if child.is_named]
        if items and not any(item.dynamic and not item.value for item in items):
            joined = " ".join(item.value for item in items)
            return name, Word(value=joined, raw=node_text(value_node))
    value = evaluate(value_node) if value_node is not None else Word(value="", raw="")
    return name, value


def statement_redirects(node: Node) -> list[Redirect]:
    """The redirections of a `redirected_statement` node.

    In `cat <<EOF > f`, tree-sitter puts `> f` inside the here-document's node; it is the
    statement's all the same."""
    found: list[Redirect] = []
    previous: Node | None = None
    for child in node.children:
        if child.type not in REDIRECT_TYPES:
            previous = child
            continue
        redirect = build_redirect(child)
        if _split_herestring(previous, child) and redirect.target is not None:
            redirect = Redirect(op="<<<", body=redirect.target)
        found.append(redirect)
        previous = child
        if child.type == "heredoc_redirect":
            found.extend(build_redirect(c) for c in child.children if c.type == "file_redirect")
    return found


def _split_herestring(before: Node | None, redirect: Node) -> bool:
    """`cat >> f <<< 'text'`: after a file redirection the grammar reads `<<<` as an ERROR
    `<<` followed by a `< 'text'` redirection."""
    return (
        before is not None
        and before.type == "ERROR"
        and node_text(before) == "<<"
        and before.end_byte == redirect.start_byte
        and node_text(redirect).startswith("<")
    )


def build_redirect(node: Node) -> Redirect:
    if node.type == "herestring_redirect":
        words = [child for child in node.children if child.is_named]
        return Redirect(op="<<<", body=evaluate(words[-1]) if words else None)
    if node.type == "heredoc_redirect":
        return _heredoc(node)
    # The operator is read from the text: tree-sitter-bash hides some (`<&`) and does not know
    # the read-write one (`<>`), which it reports as an ERROR node inside the redirect.
    match = _REDIRECT_OP.match(node_text(node))
    fd = match.group(1) if match else ""
    op = match.group(2) if match else ""
    target: Word | None = None
    for child in node.children:
        if child.is_named and child.type not in ("file_descriptor", "ERROR") and target is None:
            target = evaluate(child)
    if op == "<<<":  # `3<<< 'text'`: the grammar lacks a here-string on a descriptor
        return Redirect(op=op, fd=fd, body=target)
    return Redirect(op=op, fd=fd, target=target)


def _heredoc(node: Node) -> Redirect:
    body = next((child for child in node.children if child.type == "heredoc_body"), None)
    if body is None:
        return Redirect(op="<<")
    word = evaluate(body)
    return Redirect(op="<<", body=replace(word, value=node_text(body)))


def syntax_errors(root: Node, limit: int = 3) -> list[str]:
    """Descriptions of ERROR and MISSING nodes (at most `limit`), ignoring known grammar gaps."""
    problems: list[str] = []
    stack: list[tuple[Node, str]] = [(root, "")]
    while stack and len(problems) < limit:
        node, parent_type = stack.pop()
        if node.is_missing:
            problems.append(f"missing `{node.type}` at {_where(node)}")
        elif node.is_error and not _known_gap(node, parent_type):
            snippet = node_text(node)[:30]
            problems.append(f"unexpected `{snippet}` at {_where(node)}")
        elif node.has_error:
            stack.extend((child, node.type) for child in reversed(node.children))
    return problems


def _known_gap(node: Node, parent_type: str) -> bool:
    """`3<>file`, `3<<< text`, `cat > f <<< text`: tree-sitter-bash lacks the read-write
    operator, here-strings on a descriptor and here-strings after a file redirection, and
    reports the `>` or the `<<` it did not expect."""
    if parent_type == "redirected_statement" and node_text(node) == "<<":
        after = node.next_sibling
        return after is not None and _split_herestring(node, after)
    return parent_type == "file_redirect" and node_text(node) in (">", "<<")


def _where(node: Node) -> str:
    row, column = node.start_point
    return f"line {row + 1}, column {column + 1}"
