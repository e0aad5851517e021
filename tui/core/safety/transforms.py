"""What a text filter prints for a constant input: `tr 'a-z' 'b-za' <<< 'ql'` prints `rm`,
`rev <<< 'mr'` prints `rm`. Used to spell out a program name hidden in a `$(...)`."""

from __future__ import annotations

_MAX = 4_096


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
