"""What a text filter prints for a constant input: `tr 'a-z' 'b-za' <<< 'ql'` prints `rm`,
`rev <<< 'mr'` prints `rm`, `base64 -d <<< cm0=` prints `rm`. Used to spell out a program name
or a path hidden in a `$(...)`."""

from __future__ import annotations

import base64
import binascii
import re

_MAX = 4_096
_DECODE = frozenset(("-d", "--decode", "-D"))
_DECODE_EXTRA = frozenset(("-i", "--ignore-garbage", "-w0"))


def filtered(name: str, args: list[str], text: str) -> str | None:
    """What the filter `name args` prints for `text`: rev, tr and the decoders (base64 -d,
    base32 -d, basenc --base64 -d, xxd -r -p); None for anything else or text that is not
    readable once decoded."""
    if name == "rev" and not args:
        return rev(text.rstrip("\n"))
    if name == "tr" and len(args) == 2 and not any(a.startswith("-") for a in args):
        return tr(args[0], args[1], text.rstrip("\n"))
    if name == "tr" and len(args) == 2 and args[0] == "-d":
        gone = _expand(args[1])
        return None if gone is None else "".join(c for c in text[:_MAX] if c not in gone)
    passed = passes(name, args, text)
    return passed if passed is not None else decoded(name, args, text)


def passes(name: str, args: list[str], text: str) -> str | None:
    """What the text tools that keep, pick or reorder lines print: cat, tee, iconv, head,
    tail, sort, uniq, and sed's plain substitutions; None for any other form."""
    lines = text[:_MAX].rstrip("\n").split("\n")
    if (name == "cat" and not args) or name == "tee" or (name == "iconv" and len(args) <= 4):
        return text
    if name in ("head", "tail"):
        count = _line_count(args)
        if count is None:
            return None
        return "\n".join(lines[:count] if name == "head" else lines[-count:] if count else [])
    if name == "tac" and not args:
        return "\n".join(reversed(lines))
    if name in ("grep", "egrep", "fgrep") and len(args) == 1 and not args[0].startswith("-"):
        pattern = args[0]
        if pattern == ".":
            return "\n".join(line for line in lines if line)
        if re.fullmatch(r"[\w -]+", pattern):
            return "\n".join(line for line in lines if pattern in line)
        return None
    if name in ("awk", "gawk", "mawk") and len(args) == 1:
        program = args[0].replace(" ", "")
        return text if program in ("{print}", "{print$0}", "1", "{print$0;}") else None
    if name == "sort" and set(args) <= {"-u"}:
        return "\n".join(sorted(set(lines) if args else lines))
    if name == "uniq" and not args:
        return "\n".join(line for i, line in enumerate(lines) if i == 0 or lines[i - 1] != line)
    if name == "sed":
        return _sed(args, text)
    return None


def _line_count(args: list[str]) -> int | None:
    if not args:
        return 10
    value = args[1] if args[0] == "-n" and len(args) == 2 else None
    if len(args) == 1 and args[0][:1] == "-":
        value = args[0].removeprefix("-n").removeprefix("-").removeprefix("-lines=")
    return int(value) if value is not None and value.isdigit() else None


_SED_PLAIN = re.compile(r"s(?P<d>[/|#:,])(?P<old>[\w .~-]*)(?P=d)(?P<new>[\w .~-]*)(?P=d)(?P<g>g?)")


def _sed(args: list[str], text: str) -> str | None:
    """`sed 's/x/y/'`, `sed -e 's/_/ /g'`: substitutions of plain text."""
    scripts = [a for a in args if a != "-e"]
    if not scripts or len(scripts) + args.count("-e") != len(args) or len(scripts) > 4:
        return None
    for script in scripts:
        match = _SED_PLAIN.fullmatch(script)
        if match is None or not match.group("old"):
            return None
        count = 0 if match.group("g") else 1
        text = "\n".join(
            line.replace(match.group("old"), match.group("new"), count or -1)
            for line in text.split("\n")
        )
    return text


def decoded(name: str, args: list[str], text: str) -> str | None:
    """The readable text a decoder prints for `text`, else None."""
    flags = set(args)
    data: bytes | None = None
    try:
        if name in ("base64", "base32", "basenc") and flags & _DECODE:
            rest = flags - _DECODE - _DECODE_EXTRA
            if name == "basenc" and rest in ({"--base64"}, {"--base32"}):
                name, rest = rest.pop()[2:], set()
            if not rest:
                decode = base64.b64decode if name == "base64" else base64.b32decode
                data = decode("".join(text[:_MAX].split()))
        elif name == "xxd" and flags in ({"-r", "-p"}, {"-rp"}, {"-r", "-ps"}, {"-p", "-r"}):
            data = bytes.fromhex("".join(text[:_MAX].split()))
    except (binascii.Error, ValueError):
        return None
    if data is None:
        return None
    try:
        out = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return out if all(c.isprintable() or c in "\n\t" for c in out) else None


def tr(set1: str, set2: str, text: str) -> str | None:
    """`tr SET1 SET2` on `text` (ranges and escapes `\\n` only; classes are not followed)."""
    source, target = _expand(set1), _expand(set2)
    if source is None or target is None or not source or not target:
        return None
    target = target + target[-1] * max(0, len(source) - len(target))  # the last char repeats
    table: dict[str, str] = {}
    for old, new in zip(source, target, strict=False):
        table[old] = new  # the last mapping of a character wins, as in GNU tr
    return "".join(table.get(c, c) for c in text[:_MAX])


def rev(text: str) -> str:
    """Each line reversed."""
    return "\n".join(line[::-1] for line in text[:_MAX].split("\n"))


_CLASSES = {
    "[:upper:]": "A-Z",
    "[:lower:]": "a-z",
    "[:digit:]": "0-9",
    "[:alpha:]": "A-Za-z",
    "[:space:]": " \\t\\n",
    "[:blank:]": " \\t",
}


def _expand(spec: str) -> str | None:
    for name, letters in _CLASSES.items():
        spec = spec.replace(name, letters)
    if "[:" in spec or "[=" in spec or len(spec) > 200:
        return None
    spec = spec.replace("\\n", "\n").replace("\\t", "\t")
    out: list[str] = []
    index = 0
    while index < len(spec):
        if index + 2 < len(spec) and spec[index + 1] == "-":
            start, end = ord(spec[index]), ord(spec[index + 2])
            if end < start:
                return None
            out.extend(chr(c) for c in range(start, end + 1))
            index += 3
            continue
        out.append(spec[index])
        index += 1
    return "".join(out)
