"""Static evaluation of tree-sitter-bash word nodes.

A word's `value` is what the shell would pass to the program as far as it can be known without
running anything: quotes are removed, escapes resolved, `~`, `$HOME` and `${HOME}` become `~`,
`$PWD` becomes `.`, other variables stay as `${NAME}` and make the word dynamic, and command or
process substitutions become placeholders whose nodes are kept for later analysis.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tree_sitter import Node

from tui.core.safety.lazy import lazy_pattern

MAX_WORD_DEPTH = 60
SUBSTITUTIONS = ("command_substitution", "process_substitution")
SUBSTITUTED = "$(...)"
KNOWN_VARIABLES = {"HOME": "~", "PWD": ".", "TMPDIR": "/tmp"}
_TILDE_USER = lazy_pattern(r"~([A-Za-z_][\w.-]*)(?=/|$)")
_DQ_ESCAPES = {"$": "$", "`": "`", '"': '"', "\\": "\\", "\n": ""}
_C_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "e": "\x1b",
    "E": "\x1b",
    "f": "\f",
    "v": "\v",
    "\\": "\\",
    "'": "'",
    '"': '"',
    "?": "?",
}


@dataclass(frozen=True)
class Word:
    """One shell word: its static value, its source text and what could not be known."""

    value: str
    raw: str
    dynamic: bool = False
    literal_tilde: bool = False
    substitutions: tuple[Node, ...] = field(default=(), compare=False, repr=False)
    # The value with each `${x:-TEXT}`, `${x:=TEXT}`, `${x:+TEXT}` taken as TEXT (None when
    # the word has none): what the shell passes when the variable is unset (or set, for `+`).
    alternative: str | None = field(default=None, compare=False, repr=False)
    # `${x:=TEXT}`, `${x=TEXT}`: variables the word sets when they are unset, with TEXT.
    defaults: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)

    @property
    def path(self) -> str:
        """The value as a path: a quoted leading `~` is a file named `~`, not the home."""
        return "./" + self.value if self.literal_tilde else self.value


def split_words(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of a table written as one string."""
    return tuple(text.split())


def literal(value: str) -> Word:
    """A word made by caro itself (for example a find match or an xargs input)."""
    return Word(value=value, raw=value)


def node_text(node: Node) -> str:
    """The source text of a node, decoded leniently."""
    return (node.text or b"").decode("utf-8", "replace")


class _Builder:
    """Accumulates the parts of one word while its node tree is walked."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.alternative_parts: list[str] = []
        self.alternatives = False
        self.defaults: list[tuple[str, str]] = []
        self.dynamic = False
        self.literal_tilde = False
        self.substitutions: list[Node] = []

    def add(self, text: str, alternative: str | None = None) -> None:
        self.parts.append(text)
        self.alternative_parts.append(text if alternative is None else alternative)
        self.alternatives = self.alternatives or alternative is not None

    def at_start(self) -> bool:
        return not any(self.parts)  # not "".join(...): quadratic over 30 KB of `[`


def evaluate(node: Node) -> Word:
    """Evaluates a word-like node (word, string, concatenation, expansion, ...)."""
    builder = _Builder()
    _eval(node, builder, 0)
    return Word(
        value="".join(builder.parts),
        raw=node_text(node),
        dynamic=builder.dynamic,
        literal_tilde=builder.literal_tilde,
        substitutions=tuple(builder.substitutions),
        alternative="".join(builder.alternative_parts) if builder.alternatives else None,
        defaults=tuple(builder.defaults),
    )


def _eval(node: Node, out: _Builder, depth: int) -> None:
    kind = node.type
    if depth > MAX_WORD_DEPTH:
        out.dynamic = True
        out.add("${...}")
    elif kind == "word":
        _eval_unquoted(node_text(node), out)
    elif kind == "raw_string":
        _eval_quoted_literal(node_text(node)[1:-1], out)
    elif kind == "ansi_c_string":
        _eval_quoted_literal(decode_c_escapes(node_text(node)[2:-1]), out)
    elif kind in ("string", "translated_string"):
        _eval_double_quoted(node, out, depth)
    elif kind in ("simple_expansion", "expansion"):
        _eval_expansion(node, out)
    elif kind in SUBSTITUTIONS and node_text(node) in ("$(pwd)", "`pwd`"):
        out.add(".")
    elif kind in SUBSTITUTIONS:
        out.dynamic = True
        out.substitutions.append(node)
        out.add(SUBSTITUTED if kind == "command_substitution" else "/dev/fd/63")
    elif kind == "concatenation" or (kind == "command_name" and node.child_count):
        for child in node.children:
            _eval(child, out, depth + 1)
    else:
        # numbers, arithmetic, brace expressions, globs: their text is their value
        _collect_substitutions(node, out)
        out.add(node_text(node))


def _eval_unquoted(text: str, out: _Builder) -> None:
    if out.at_start() and (text == "~" or text.startswith("~/")):
        out.add("~" + _unescape(text[1:]))
        return
    user = _TILDE_USER.match(text) if out.at_start() else None
    if user:
        out.add(f"/home/{user.group(1)}" + _unescape(text[user.end() :]))
        return
    out.add(_unescape(text))


def _eval_quoted_literal(text: str, out: _Builder) -> None:
    if out.at_start() and text.startswith("~"):
        out.literal_tilde = True
    out.add(text)


def _eval_double_quoted(node: Node, out: _Builder, depth: int) -> None:
    for child in node.children:
        if child.type in ("simple_expansion", "expansion"):
            lead = node_text(child).partition("$")[0]
            if lead and not lead.strip():  # `"$a $b"`: the grammar puts the blank in `$b`
                out.add(lead)
        if child.type == "string_content":
            text = _unescape_double_quoted(node_text(child))
            if out.at_start() and text.startswith("~"):
                out.literal_tilde = True
            out.add(text)
        elif child.type != '"' and child.is_named:
            _eval(child, out, depth + 1)


_PATHLIKE = lazy_pattern(r"^[~/.]")
_ABSOLUTE = frozenset({"PATH", "HOME", "PWD", "OLDPWD", "SHELL", "TMPDIR"})


def _eval_expansion(node: Node, out: _Builder) -> None:
    name = ""
    guarded = False
    default: str | None = None
    children = node.children
    for index, child in enumerate(children):
        if child.type in ("variable_name", "special_variable_name") and not name:
            name = node_text(child)
        elif child.type in (":?", "?"):
            guarded = True
        elif (
            child.type in (":-", "-", ":=", "=")
            and index + 1 < len(children)
            and children[index + 1].type == "word"
        ):
            default = node_text(children[index + 1])  # `${DIR:-/}` is `/` when DIR is unset
        elif (
            child.type in (":-", "-", ":=", "=")
            and index + 1 < len(children)
            and children[index + 1].type in ("simple_expansion", "expansion")
        ):  # `${DIR:-$HOME}`: the default is a variable whose value is known
            variable = node_text(children[index + 1]).strip("${}")
            default = KNOWN_VARIABLES.get(variable)
    if not name:  # `${arr[@]}`: the array's name is inside the subscript
        subscript = next((c for c in children if c.type == "subscript"), None)
        inner = subscript.child_by_field_name("name") if subscript is not None else None
        name = node_text(inner) if inner is not None else ""
    numbers = [node_text(c) for c in children if c.type == "number"]
    if name in _ABSOLUTE and numbers[:2] == ["0", "1"]:  # `${PATH:0:1}` is always `/`
        out.add("/")
        return
    _collect_substitutions(node, out)
    if name in KNOWN_VARIABLES:
        out.add(KNOWN_VARIABLES[name])
        return
    out.dynamic = True
    if default is not None and not out.substitutions and _PATHLIKE.match(default):
        out.add(default)
        return
    operand = _operand(children)
    if operand is not None and name and children[1].type != "!":
        if operand[0] in (":=", "="):
            out.defaults.append((name, operand[1]))
        out.add("${" + name + "}", operand[1])
        return
    out.add("${" + (name or "?") + (":?" if guarded else "") + "}")


_ALTERNATIVES = frozenset((":-", "-", ":=", "=", ":+", "+"))


def _operand(children: list[Node]) -> tuple[str, str] | None:
    """(`:-`, TEXT) for `${x:-TEXT}` (and `:=`, `:+`, with or without the colon): the text the
    expansion takes in place of the variable, evaluated as a word."""
    for index, child in enumerate(children):
        if child.type in _ALTERNATIVES:
            builder = _Builder()
            for part in children[index + 1 : -1]:
                _eval(part, builder, 1)
            return child.type, "".join(builder.parts)
    return None


def _collect_substitutions(node: Node, out: _Builder) -> None:
    """Finds substitutions nested anywhere under `node` (iteratively: nesting can be deep)."""
    stack = list(node.children)
    while stack:
        child = stack.pop()
        if child.type in SUBSTITUTIONS:
            out.dynamic = True
            out.substitutions.append(child)
        else:
            stack.extend(child.children)


def _unescape(text: str) -> str:
    """Removes the backslashes of an unquoted word (`\\rm` is `rm`, `\\;` is `;`)."""
    if "\\" not in text:
        return text
    chars: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            nxt = text[index + 1]
            chars.append("" if nxt == "\n" else nxt)
            index += 2
            continue
        chars.append(char)
        index += 1
    return "".join(chars)


def _unescape_double_quoted(text: str) -> str:
    if "\\" not in text:
        return text
    chars: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in _DQ_ESCAPES:
            chars.append(_DQ_ESCAPES[text[index + 1]])
            index += 2
            continue
        chars.append(char)
        index += 1
    return "".join(chars)


def decode_c_escapes(text: str) -> str:
    """Decodes the escapes of `$'...'` strings and `echo -e`/`printf` formats (\\x41, \\n)."""
    chars: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char != "\\" or index + 1 >= len(text):
            chars.append(char)
            index += 1
            continue
        nxt = text[index + 1]
        if nxt in _C_ESCAPES:
            chars.append(_C_ESCAPES[nxt])
            index += 2
        elif nxt in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[nxt]
            index = _decode_number(text, index + 2, width, 16, chars, fallback="\\" + nxt)
        elif nxt in "01234567":
            start = index + 2 if nxt == "0" else index + 1
            index = _decode_number(text, start, 3, 8, chars, fallback="\x00")
        else:
            chars.append(char + nxt)
            index += 2
    return "".join(chars)


def _decode_number(
    text: str, start: int, width: int, base: int, chars: list[str], *, fallback: str
) -> int:
    digits = "0123456789abcdefABCDEF"[: base if base <= 10 else 22]
    end = start
    while end < len(text) and end - start < width and text[end] in digits:
        end += 1
    if end == start:
        chars.append(fallback)
        return start
    code = int(text[start:end], base)
    chars.append(chr(code) if code < 0x110000 else "\ufffd")
    return end


def join_words(words: tuple[Word, ...]) -> Word:
    """Several words as one code string, the way `eval`, `ssh` and `watch` join them."""
    subs = tuple(node for word in words for node in word.substitutions)
    alternatives = any(word.alternative is not None for word in words)
    return Word(
        value=" ".join(word.value for word in words),
        raw=" ".join(word.raw for word in words),
        dynamic=any(word.dynamic for word in words),
        substitutions=subs,
        alternative=" ".join(w.alternative or w.value for w in words) if alternatives else None,
    )
