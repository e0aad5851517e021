"""Arguments handed to inline code, put in where the code reads them.

`find ~ -type f -exec perl -e 'unlink shift' {} \\;`, `python3 -c 'import os, sys;
os.remove(sys.argv[1])' FILE`, `ruby -e 'File.delete(ARGV[0])' FILE`: the code acts on its
arguments, which the command line shows. Each way a language reads its arguments is replaced
by the constant it stands for, so that the code is read as if the path were written in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.core.safety.lazy import LazyPattern, lazy_pattern

# `shift` on its own takes the first argument (`shift @x`, `$x->shift` are something else).
_PERL_SHIFT = lazy_pattern(
    r"(?<![\w$@%>-])shift(?:\s*\(\s*\))?(?=\s*[;)}\n]|\s*$|\s+(?:or|and|if)\b)"
)
# (pattern, what it stands for): an index into the arguments, or "all" of them as a list.
_READS: dict[str, tuple[tuple[LazyPattern, int | str], ...]] = {
    "Python": (
        (lazy_pattern(r"\bsys\.argv\[\s*(\d)\s*\]"), -1),
        (lazy_pattern(r"\bsys\.argv\[\s*1\s*:\s*\]"), "all"),
    ),
    "Perl": (
        (lazy_pattern(r"\$ARGV\[\s*(\d)\s*\]"), 0),
        (lazy_pattern(r"@ARGV\b"), "all"),
        (_PERL_SHIFT, 1),
    ),
    "Ruby": (
        (lazy_pattern(r"\bARGV\[\s*(\d)\s*\]"), 0),
        (lazy_pattern(r"\bARGV\.first\b"), 1),
        (lazy_pattern(r"\bARGV\b(?!\s*[\[.])"), "all"),
    ),
    "JavaScript": ((lazy_pattern(r"\bprocess\.argv\[\s*(\d)\s*\]"), -1),),
    "PHP": ((lazy_pattern(r"\$argv\[\s*(\d)\s*\]"), -1),),
}


def filled(code: str, language: str, operands: list[str]) -> str:
    """`code` with its reads of `operands` replaced by the operands, quoted."""
    reads = _READS.get(language)
    if not reads or not operands:
        return code
    for pattern, meaning in reads:
        code = pattern.sub(_replacement(meaning, operands), code[:20_000])
    return code


def _replacement(meaning: int | str, operands: list[str]) -> Callable[[re.Match[str]], str]:
    def one(match: re.Match[str]) -> str:
        if meaning == "all":
            return "(" + ", ".join(_quote(item) for item in operands[:16]) + ")"
        if meaning == 1:  # `shift`, `ARGV.first`: the first argument
            return _quote(operands[0])
        index = int(match.group(1)) + (meaning if isinstance(meaning, int) else 0)
        return _quote(operands[index]) if 0 <= index < len(operands) else match.group(0)

    return one


def _quote(item: str) -> str:
    return '"' + item.replace("\\", "\\\\").replace('"', '\\"') + '"'
