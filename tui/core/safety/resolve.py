"""Program names that are only known when the command runs, resolved where the line says them.

`a=rm; $a -rf ~`, `${x}m`, `$(echo rm)`, `rm${IFS}-rf${IFS}~`, `"$@"` after `set -- ...`, and
well-known variables (`$EDITOR`, `$SHELL`) are turned back into the command they run, so the
rules rate what really runs. A glob in the name (`/bin/r?`) is matched against the programs
caro knows; each match is rated. What cannot be resolved is reported by the caller as HIGH.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import replace

from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.words import SUBSTITUTED, Word, literal

# Variables that name a program by convention: the name stands for a harmless representative.
CONVENTIONAL = {
    "EDITOR": "vi",
    "VISUAL": "vi",
    "PAGER": "less",
    "MANPAGER": "less",
    "SHELL": "sh",
    "BASH": "bash",
    "BROWSER": "xdg-open",
    "CC": "cc",
    "CXX": "c++",
    "PYTHON": "python3",
    "MAKE": "make",
    "GIT": "git",
    "DOCKER": "docker",
}
NAMEREF = "&"  # `declare -n r=cmd` is kept as variables["&r"] = "cmd"
_VARIABLE = lazy_pattern(r"\$\{(\w+|[@*])(:[-=?+][^}]*)?\}")
_GLOB = lazy_pattern(r"[*?\[]")
UNRESOLVED = "the program that runs is only known when it runs"


def needs_resolving(word: Word) -> bool:
    value = word.value
    return bool(word.substitutions) or "${" in value or bool(_GLOB.search(value))


def resolve(
    command: Command, variables: dict[str, str], substitution_texts: list[str | None]
) -> Command | None:
    """The command with its name filled in, or None when the name stays unknown.

    `substitution_texts` is the literal output of each `$(...)` in the name word (None when
    the output is not known), in order.
    """
    name = command.words[0]
    value = name.value
    for text in substitution_texts:
        if text is None or SUBSTITUTED not in value:
            return None
        value = value.replace(SUBSTITUTED, text.strip(), 1)
    if SUBSTITUTED in value:
        return None
    special = _SPECIAL.search(name.raw) and not name.substitutions
    filled = fill_raw(name.raw, variables) if special else _fill(value, variables)
    if filled is None and not name.substitutions:
        filled = _gaps_filled(name.raw, variables)
    if filled is None:
        return None
    for separator in variables.get("IFS", "").strip(" \t\n"):  # `IFS=,; c=rm,-rf,~; $c`
        filled = filled.replace(separator, " ")
    words = [literal(part) for part in filled.split()] if filled.strip() else []
    rest: list[Word] = []
    for word in command.args:
        plain = _PLAIN.fullmatch(word.raw)
        if "${IFS}" in word.value or "$IFS" in word.value:  # (`$IFS/` is left as it stands)
            spaced = word.value.replace("${IFS}", " ").replace("$IFS", " ")
            rest.extend(literal(part) for part in spaced.split())
        elif word.value in ("${@}", "${*}") and "@" in variables:
            rest.extend(literal(part) for part in variables["@"].split())
        elif array_all(word.raw) in variables:  # `rm "${arr[@]}"` with `arr=(-rf /)`
            rest.extend(literal(part) for part in variables[array_all(word.raw) or ""].split())
        elif plain and plain.group(1) in variables:
            # `args="-rf ~"; $cmd $args`: an unquoted variable is split into words
            rest.extend(literal(part) for part in variables[plain.group(1)].split())
        elif _SPECIAL.search(word.raw) and not word.substitutions:
            spelt = fill_raw(word.raw, variables)
            rest.extend([literal(part) for part in spelt.split()] if spelt else [word])
        else:
            rest.append(word)
    if not words:
        if not rest:
            return None
        words, rest = [rest[0]], rest[1:]
    return replace(command, words=(*words, *rest))


_ARRAY_ALL = lazy_pattern(r"\"?\$\{([A-Za-z_]\w{0,63})\[[@*]\]\}\"?")


def array_all(raw: str) -> str | None:
    """`"${arr[@]}"`, `${arr[*]}`: the array's name, when the word is only that."""
    match = _ARRAY_ALL.fullmatch(raw.strip())
    return match.group(1) if match else None


def _fill(value: str, variables: dict[str, str]) -> str | None:
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "IFS":
            return " "
        if name in ("@", "*"):
            return variables.get("@", "\0")
        if name in variables or NAMEREF + name in variables:
            return _get(name, variables) or ""
        if name in CONVENTIONAL:
            return CONVENTIONAL[name]
        default = match.group(2) or ""
        if default[:2] in (":-", ":=") and "$" not in default:
            return default[2:]
        return "\0"

    filled = _VARIABLE.sub(one, value)
    return None if "\0" in filled or "$" in filled else filled


# `${a[1]}`, `${!v}`, `${x,,}`, `${x^^}`, `${v:-default}`: forms the parsed word flattens.
_EXPANSION = lazy_pattern(
    r"\$\{(?P<bang>!?)(?P<name>\w+|[@*])(?:\[(?P<index>\w+|[@*])\])?"
    r"(?P<op>,,|,|\^\^|\^|:?[-=][^}$]*|:\s*\d+(?::\s*\d+)?|##?[^}$]*|%%?[^}$]*|//?[^}$]*)?\}|"
    r"\$(?P<bare>[A-Za-z_]\w*)"
)
_PLAIN = lazy_pattern(r"\$\{?([A-Za-z_]\w*)\}?")
_SPECIAL = lazy_pattern(r"\$\{(!\w|[\w@*]+(\[|,|\^|:?-|:\s*\d|#|%|/))")


def fill_raw(raw: str, variables: dict[str, str]) -> str | None:
    """The text of a word from its source, with array items, indirect and case-changing
    expansions and defaults filled in from `variables`; None when something stays unknown."""
    if "$(" in raw or "`" in raw or "'" in raw:
        return None
    text = raw.replace('"', "")

    def one(match: re.Match[str]) -> str:
        if match.group("bare"):
            return _lookup(match.group("bare"), None, variables) or "\0"
        name, index, op = match.group("name"), match.group("index"), match.group("op") or ""
        found = _lookup(name, index, variables)
        if match.group("bang") and found is not None:
            target = re.fullmatch(r"(\w+)(?:\[(\w+|[@*])\])?", found)
            found = _lookup(target.group(1), target.group(2), variables) if target else None
        if found is None and op[:2].lstrip(":")[:1] in ("-", "="):
            return op.lstrip(":")[1:]
        if found is None:
            return "\0"
        return _case(found, op)

    filled = _EXPANSION.sub(one, text)
    return None if "\0" in filled or "$" in filled else filled


_GAP = lazy_pattern(r"\$\{?([a-z_][a-z0-9_]*|[@*])\}?")


def _gaps_filled(raw: str, variables: dict[str, str]) -> str | None:
    """`r${u}m`, `r$@m`, `w$x'get'`: variables the line never set are empty, and what is left
    names a program worth hiding. Only such names are taken (an unset `$x` in other words
    may well be set by the environment)."""
    if "$(" in raw or "`" in raw:
        return None

    def one(match: re.Match[str]) -> str:
        key = "@" if match.group(1) in ("@", "*") else match.group(1)
        return variables.get(key, "")

    filled = _GAP.sub(one, raw).replace('"', "").replace("'", "")
    base = filled.rsplit("/", 1)[-1]
    if "$" in filled or not (base in HIDDEN_WORTHY or base.startswith("mkfs")):
        return None
    return filled


def _lookup(name: str, index: str | None, variables: dict[str, str]) -> str | None:
    if name in ("@", "*"):
        return variables.get("@")
    if index is not None and index not in ("@", "*"):
        item = variables.get(f"{name}[{index}]")
        return item if item is not None or index != "0" else variables.get(name)
    found = _get(name, variables)
    if found is None and name == "IFS":
        return " \t\n"  # the shell's own: `${IFS%?}`, `${IFS:0:1}` are blanks too
    return found if found is not None else CONVENTIONAL.get(name)


def _get(name: str, variables: dict[str, str]) -> str | None:
    """A variable's value, following a name reference (`declare -n r=cmd`) once."""
    if name in variables:
        return variables[name]
    target = variables.get(NAMEREF + name)
    return variables.get(target) if target is not None else None


def _case(value: str, op: str) -> str:
    """The value after a case, substring, prefix/suffix or replace operator."""
    cut = re.fullmatch(r":\s*(\d+)(?::\s*(\d+))?", op)
    if cut:
        start = int(cut.group(1))
        return value[start : start + int(cut.group(2))] if cut.group(2) else value[start:]
    if op[:1] in ("#", "%", "/"):
        return _trim(value, op)
    if op == ",,":
        return value.lower()
    if op == "^^":
        return value.upper()
    if op == ",":
        return value[:1].lower() + value[1:]
    if op == "^":
        return value[:1].upper() + value[1:]
    return value


def _trim(value: str, op: str) -> str:
    """`${x#pat}`, `${x##pat}`, `${x%pat}`, `${x%%pat}`, `${x/pat/new}`, `${x//pat/new}`."""
    if len(value) > 512:
        return "\0"  # left unresolved: not worth the time
    if op.startswith("/"):
        every = op.startswith("//")
        pattern, _, new = op[2 if every else 1 :].partition("/")
        if not pattern:
            return value
        regex = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
        return re.sub(regex, lambda _: new, value, count=0 if every else 1, flags=re.DOTALL)
    longest = op[:2] in ("##", "%%")
    pattern = op[2:] if longest else op[1:]
    ends = range(len(value) + 1)
    if op.startswith("#"):
        cuts = [i for i in ends if fnmatch.fnmatchcase(value[:i], pattern)]
        return value[(max(cuts) if longest else min(cuts)) :] if cuts else value
    cuts = [i for i in ends if fnmatch.fnmatchcase(value[i:], pattern)]
    return value[: (min(cuts) if longest else max(cuts))] if cuts else value


def glob_candidates(pattern: str, known: frozenset[str] | set[str]) -> list[str]:
    """Known program names a globbed name (`/bin/r?`, `/usr/bin/sh*d`) could match."""
    base = pattern.rsplit("/", 1)[-1]
    if not _GLOB.search(base):
        return []
    return sorted(name for name in known if fnmatch.fnmatchcase(name, base))[:32]


_BRACE_COMMAND = lazy_pattern(r"(?:(?<=^)|(?<=[;&|(]))(\s*)\{([^{}\s]*,[^{}\s]*)\}")


def brace_commands(source: str) -> str | None:
    """`{rm,-rf,~}` (brace expansion as a whole command) spelt out as `rm -rf ~`, else None."""
    if "{" not in source or "," not in source:
        return None
    expanded, count = _BRACE_COMMAND.subn(
        lambda m: m.group(1) + " ".join(m.group(2).split(",")), source
    )
    return expanded if count else None


# Programs whose name is worth hiding: spelt through a variable, braces or a glob, they are
# HIGH whatever else the line says.
HIDDEN_WORTHY = frozenset(
    "rm rmdir dd shred wipefs mkfs chmod chown kill pkill killall curl wget nc ncat socat "
    "eval base64 xxd crontab iptables userdel passwd".split()
)


def hides(original: Word, resolved: Command) -> str | None:
    """The reason when a program worth hiding was named in a roundabout way."""
    name = resolved.name
    if name.startswith("mkfs"):
        name = "mkfs"
    if name in HIDDEN_WORTHY and original.raw.strip("'\"\\") != resolved.words[0].value:
        shown = original.raw[:40]
        return f"spells `{resolved.name}` in a roundabout way ({shown}), as code that hides does"
    return None


def brace_hidden(spelt: str | None) -> str | None:
    """`{rm,-rf,~}`: the reason when braces spell a program worth hiding."""
    first = spelt.split()[:1] if spelt else []
    if first and first[0] in HIDDEN_WORTHY:
        return f"spells `{first[0]}` in braces, as code that hides does"
    return None


def known_values(command: Command, variables: dict[str, str]) -> Command:
    """The command with `${name}` in its arguments filled in where the line set the variable
    (`f=~/.ssh/id_rsa; curl -F "k=@$f" URL`); names not set here stay as they are."""
    if not variables or not any("${" in word.value for word in command.args):
        return command

    def one(match: re.Match[str]) -> str:
        return variables.get(match.group(1), match.group(0))

    words = tuple(
        replace(word, value=_VARIABLE.sub(one, word.value))
        if "${" in word.value and not word.substitutions
        else word
        for word in command.args
    )
    return replace(command, words=(command.words[0], *words))
