"""Calls in inline programs of any language, with the constant values of their arguments.

`system("rm", "-rf", $ENV{HOME})`, `File.chmod(0777, "/etc/shadow")`,
`spawnSync('rm', ['-rf', '/etc'])`, `system2("rm", c("-rf", "/srv"))`,
`FileUtils.rm_r(File.expand_path("~/x"))`: a call is found by the last part of its name, its
argument list is cut at the matching bracket (or, for Perl and Ruby calls written without
brackets, at the end of the statement) and split at top-level commas. Each argument is a
constant string, a list of constants, or unknown (None). Path helpers (`expand_path`,
`path.join`, `file.path`, `joinpath`) and string concatenation of constants are folded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tui.core.safety.lazy import lazy_pattern

Value = str | tuple[str | None, ...] | None
MAX_CALLS = 64
_OPEN = {"(": ")", "[": "]", "{": "}"}
_QUOTE_OPS = lazy_pattern(r"(?:qq|q|qw|%[qQwWi]?)([({\[<])")
_PERL_CLOSE = {"(": ")", "{": "}", "[": "]", "<": ">"}


@dataclass(frozen=True)
class Call:
    """One call: the name as written (`FileUtils.rm_r`), its arguments and their raw text."""

    name: str
    args: tuple[Value, ...]
    text: str  # the raw argument text (keyword options such as `recursive: true` are read here)
    raw: tuple[str, ...] = ()  # each argument as written

    def keyword(self, name: str) -> Value:
        """The value of a keyword argument (`file = "x"`, `recursive: true`, `:force => 1`)."""
        for part in self.raw:
            match = re.fullmatch(r":?" + re.escape(name) + r"\s*(?:=>|=|:)\s*(?P<v>.+)", part, re.S)
            if match:
                return value(match.group("v"))
        return None

    def flag(self, name: str) -> bool:
        """Whether a keyword option is set to true (`recursive = TRUE`, `{recursive: true}`)."""
        pattern = r":?\b" + re.escape(name) + r"\s*(?:=>|=|:)\s*(?:true|TRUE|True|T\b|1\b)"
        return re.search(pattern, self.text) is not None

    @property
    def number(self) -> str | None:
        """The first argument written as a number (`0777`, `0o755`, `511`), as written."""
        return next((a for a in self.raw if re.fullmatch(r"0[oO]?[0-7]+|\d+", a)), None)

    @property
    def strings(self) -> list[str]:
        """The arguments that are constant strings, lists flattened."""
        found: list[str] = []
        for arg in self.args:
            if isinstance(arg, str):
                found.append(arg)
            elif isinstance(arg, tuple):
                found.extend(item for item in arg if item is not None)
        return found


_ASSIGNMENT = lazy_pattern(
    # never from inside a name: 16 KB of `a` took 2 s (each start rescanned the rest)
    r"(?<![\w$])(?:\b(?:my|our|local|const|let|var)\s+)?(?<![\w$])(?P<name>\$?[A-Za-z_]\w*)"
    r"\s*=\s*"
    r"(?P<value>(?P<q>['\"])(?:\\.|(?!(?P=q)).)*(?P=q))\s*(?:;|\n|$)"
)


def assignments(code: str) -> dict[str, str]:
    """Variables set once to a constant string (`$c = "rm -rf ~";`, `const c = '...'`)."""
    found: dict[str, str] = {}
    seen: set[str] = set()
    for match in _ASSIGNMENT.finditer(code):
        name = match.group("name")
        text = _quoted(match.group("value"))
        if name in seen or text is None:
            found.pop(name, None)  # set twice: not a constant
            continue
        seen.add(name)
        found[name] = text
    return found


def find(
    code: str, names: frozenset[str], variables: dict[str, str] | None = None
) -> Iterator[Call]:
    """Every call of one of `names` (matched on the last part of the callee's name)."""
    pattern = re.compile(
        # at most 8 qualifiers: an unbounded chain made 16 KB of `a.` take 5 s (quadratic)
        r"(?<![\w$@%])(?P<name>(?:[A-Za-z_]\w{0,80}\s{0,8}(?:\.|::|->)\s{0,8}){0,8}"
        r"(?P<last>" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r"))"
        r"(?![\w$])\s*(?P<open>\()?"
    )
    count = 0
    for match in pattern.finditer(code):
        if count >= MAX_CALLS:
            return
        start = match.end()
        if match.group("open"):
            inner = _until_close(code, start, ")")
        elif start < len(code) and (code[start] in "'\"[~$%qc`" or code[start].isdigit()):
            inner = _until_statement_end(code, start)  # `system "rm", "-rf", $d` (Perl, Ruby)
        else:
            continue
        if inner is None:
            continue
        count += 1
        parts = split(inner)
        args = tuple(value(a, variables) for a in parts)
        yield Call(name=match.group("name"), args=args, text=inner, raw=tuple(parts))


def split(text: str) -> list[str]:
    """`text` split at the commas that are not inside quotes or brackets (and at Julia's `;`
    before keyword arguments: `rm(path; recursive=true)`)."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char in "'\"`":
            end = _string_end(text, index)
            current.append(text[index:end])
            index = end
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        if char in ",;" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    if "".join(current).strip():
        parts.append("".join(current))
    return [p.strip() for p in parts]


_HELPERS = lazy_pattern(
    r"(?:[\w.:]+(?:\.|::))?(?P<helper>expand_path|expanduser|abspath|realpath|resolve|normpath|"
    r"normalize|normalizePath|path\.expand|Path|String|str|abs_path|canonicalize|join|joinpath|"
    r"file\.path|catfile|catdir)\s*\((?P<inner>.*)\)",
    re.DOTALL,
)


def value(arg: str, variables: dict[str, str] | None = None) -> Value:
    """The constant an argument expression stands for, or None."""
    arg = arg.strip()
    arg = re.sub(r"^(?:\w+\s*=>?\s*|:\w+\s*=>\s*|\w+:\s+)(?=['\"\[~])", "", arg)  # keywords
    if not arg:
        return None
    if arg == "~":
        return "~"
    if variables and arg in variables:
        return variables[arg]
    reversed_text = _reversed(arg, variables)
    if reversed_text is not None:
        return reversed_text
    listing = _LISTING.fullmatch(arg)
    if listing:  # `list.files("/etc")`, `Dir.glob("~/*")`: every file the listing gives
        folder = value((listing.group("inner") or listing.group("bare")).split(",")[0], variables)
        if isinstance(folder, str):
            return folder if "*" in folder else folder.rstrip("/") + "/*"
    quoted = _quoted(arg)
    if quoted is not None:
        return quoted
    listed = _listed(arg)
    if listed is not None:
        return listed
    helper = _HELPERS.fullmatch(arg)
    if helper:
        parts = [value(a) for a in split(helper.group("inner"))]
        strings = [p for p in parts if isinstance(p, str)]
        if not parts or len(strings) != len(parts):
            return None
        return "/".join(p.rstrip("/") if i < len(strings) - 1 else p for i, p in enumerate(strings))
    pieces = _concatenated(arg)
    if len(pieces) > 1:
        values = [value(piece) for piece in pieces]
        if all(isinstance(v, str) for v in values):
            return "".join(v for v in values if isinstance(v, str))
    return None


_LISTING = lazy_pattern(
    r"(?:list\.files|dir|Dir\.glob|Dir\.children|Dir\.entries|glob|readdirSync|listdir|"
    r"scandir|glob\.glob)\s*(?:\((?P<inner>[^()]*)\)|(?P<bare>['\"][^'\"]*['\"]))",
    re.DOTALL,
)
_REVERSALS = (
    lazy_pattern(r"(?P<s>(?P<q>['\"]).*(?P=q))\s*\.\s*reverse\b(?:\(\))?", re.DOTALL),  # Ruby
    lazy_pattern(
        r"(?:strrev|string\.reverse|reverse|scalar\s+reverse)\s*\(?\s*(?P<s>.+?)\s*\)?\s*$"
    ),
    lazy_pattern(
        r"(?P<s>(?P<q>['\"]).*(?P=q))\s*(?:\.split\(\s*(['\"])\3\s*\)\s*\.reverse\(\)"
        r"\s*\.join\(\s*(['\"])\4\s*\)|:reverse\(\))"
    ),
)


def _reversed(arg: str, variables: dict[str, str] | None) -> str | None:
    """`"~ fr- mr".reverse`, `strrev("...")`, `string.reverse("...")`, `scalar reverse "..."`,
    `"...".split("").reverse().join("")`: a constant string spelt backwards."""
    for pattern in _REVERSALS:
        match = pattern.fullmatch(arg)
        if match:
            inner = value(match.group("s"), variables)
            return inner[::-1] if isinstance(inner, str) else None
    return None


def _concatenated(arg: str) -> list[str]:
    """`"~" . "/x"`, `~ + '/.ssh/id_rsa'`, `homedir() * "/x"`: the operands of a string join."""
    pieces: list[str] = []
    start = 0
    index = 0
    depth = 0
    while index < len(arg):
        char = arg[index]
        if char in "'\"`":
            index = _string_end(arg, index)
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif depth == 0 and char in ".+*<>" and arg[index + 1 : index + 2] not in ("=",):
            before = arg[:index].rstrip()[-1:]
            after = arg[index + 1 :].lstrip(".+*<> ")[:1]
            if before and after and before in "'\"~)" and after in "'\"~":
                pieces.append(arg[start:index])
                start = index + 1
                while start < len(arg) and arg[start] in ".+*<> ":
                    start += 1
                index = start
                continue
        index += 1
    pieces.append(arg[start:])
    return [p.strip() for p in pieces if p.strip()]


def _quoted(arg: str) -> str | None:
    if len(arg) >= 2 and arg[0] in "'\"`" and _string_end(arg, 0) == len(arg):
        body = arg[1:-1]
        body = re.sub(r"#\{\s*~\s*\}|\$\{\s*~\s*\}", "~", body)  # `"#{Dir.home}/x"`, `${homedir}`
        return body.replace("\\\\", "\\").replace("\\" + arg[0], arg[0])
    op = _QUOTE_OPS.match(arg)
    if op and not op.group(0).startswith(("qw", "%w", "%W", "%i")):
        close = _PERL_CLOSE[op.group(1)]
        if arg.endswith(close):
            return arg[op.end() : -1]
    return None


def _listed(arg: str) -> tuple[str | None, ...] | None:
    """`["rm", "-rf"]`, `c("a", "b")`, `array(...)`, `list(...)`, `qw(rm -rf)`, `%w[rm -rf]`."""
    words = re.fullmatch(r"(?:qw|%[wWi])\s*[(\[{<](?P<w>[^)\]}>]*)[)\]}>]", arg)
    if words:
        return tuple(words.group("w").split())
    bracket = re.fullmatch(
        r"(?:c|array|list|Array|vector|tuple)?\s*[\[(](?P<inner>.*)[\])]", arg, re.S
    )
    if bracket is None:
        return None
    return tuple(v if isinstance(v, str) else None for v in map(value, split(bracket["inner"])))


def _string_end(text: str, start: int) -> int:
    quote = text[start]
    index = start + 1
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] == quote:
            return index + 1
        index += 1
    return len(text)


def _until_close(code: str, start: int, close: str) -> str | None:
    depth = 1
    index = start
    while index < len(code):
        char = code[index]
        if char in "'\"`":
            index = _string_end(code, index)
            continue
        if char in _OPEN:
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0:
                return code[start:index]
        index += 1
    return None


def _until_statement_end(code: str, start: int) -> str:
    index = start
    depth = 0
    while index < len(code):
        char = code[index]
        if char in "'\"`":
            index = _string_end(code, index)
            continue
        if char in _OPEN:
            depth += 1
        elif char in ")]}":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (char in ";\n" or code.startswith((" if ", " unless ", " or "), index)):
            break
        index += 1
    return code[start:index]
