"""What a text filter prints for a constant input: `tr 'a-z' 'b-za' <<< 'ql'` prints `rm`,
`rev <<< 'mr'` prints `rm`, `base64 -d <<< cm0=` prints `rm`. Used to spell out a program name
or a path hidden in a `$(...)`."""

from __future__ import annotations

import base64
import binascii

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
    return decoded(name, args, text)


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


def _expand(spec: str) -> str | None:
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
