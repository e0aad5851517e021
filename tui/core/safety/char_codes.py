"""Text spelt in character codes: the way code hides the command it runs.

`[114,109].pack("c*")` (Ruby, Perl), `string.char(114, 109)` or a hex string turned back into
characters (Lua), `''.join(map(chr, [...]))` (Python), awk's `printf "%c", 114`: each builds
text nobody can read in the command. When that text is run, the command hides what it does.
"""

from __future__ import annotations

from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.words import split_words

# Calls that turn numbers or hex pairs back into characters, in the languages caro reads inline.
DECODING_CALLS = lazy_pattern(
    r"\bpack\s*\(?\s*['\"][cCU]\*|"  # Ruby `[..].pack("c*")`, Perl `pack("C*", ...)`
    r"\bstring\.char\s*\(\s*(?:tonumber\b|\d+\s*,)|"  # Lua
    r"\bmap\s*\(\s*chr\b|\bchr\s*\(\s*\w+\s*\)\s+for\b|"  # Python `map(chr, ...)`, `chr(c) for`
    r"\bchr\s*\(\s*\d+\s*\)\s*\+\s*chr\b|"  # Python `chr(114)+chr(109)`
    r"\bbytes(?:array)?\s*\(\s*\[\s*\d+\s*,|"  # Python `bytes([114, 109]).decode()`
    r"\bmap\s*(?:\{\s*chr\s*\}|chr\s*,)|"  # Perl `map { chr } 114, 109`, `map chr, ...`
    r"\barray_map\s*\(\s*['\"]chr['\"]"  # PHP `array_map("chr", [...])`
)
# PowerShell's `[char[]](114,109)`, `[char]114`, `[char]0x72`, `[Convert]::ToChar(114)`.
POWERSHELL_CODES = lazy_pattern(
    r"(?i)\[char\[?\]?\]\s*\(?\s*(?:\d+|0x[0-9a-f]+)|\[convert\]::tochar\s*\("
)
AWKS = frozenset(split_words("awk gawk mawk nawk busybox-awk"))
# awk's `printf "%c%c ...", 114, 109`: characters given as numbers.
_AWK_CODES = lazy_pattern(r"printf\s*\(?\s*\"[^\"]*%c[^\"]*\"\s*,\s*\d+")


def awk_spells(program: str) -> bool:
    """The awk program prints characters it is given as numbers (`printf "%c", 114`)."""
    return _AWK_CODES.search(program[:20_000]) is not None
