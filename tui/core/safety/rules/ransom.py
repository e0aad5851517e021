"""Inline code that encrypts files with a key it makes and never keeps: ransomware's shape."""

from __future__ import annotations

import re

from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.rules.common import CRITICAL, HIGH

_FRESH_KEY = lazy_pattern(
    r"generate_key|urandom|get_random_bytes|randomBytes|random_bytes|secrets\.token_bytes|"
    r"Random\.new|RandomNumberGenerator|openssl_random_pseudo_bytes|\bAes\.Create\b|"
    r"random_key|random_iv"
)
_ENCRYPTS = lazy_pattern(r"encrypt|createCipheriv|Cipher\.new|\bAES\b", re.IGNORECASE)
_EVERY_FILE = lazy_pattern(
    r"\bglob\b|\bwalk\b|readdir|rglob|listdir|scandir|Get-ChildItem|\bfind\b|EnumerateFiles|"
    r"GetFiles|\*\*/"
)
_WRITES_BACK = lazy_pattern(
    r"""open\([^)]*['"][wa]b?['"]|write_bytes|writeFile|WriteAll|fwrite|\bwrite\(|binwrite|"""
    r"""File\.write|file_put_contents"""
)


def encrypts_in_place(code: str) -> tuple[RiskLevel, str] | None:
    """(level, reason) when `code` encrypts with a fresh random key and writes the result back:
    the key is not saved anywhere, so what it encrypts cannot be read again."""
    if not (_FRESH_KEY.search(code) and _ENCRYPTS.search(code) and _WRITES_BACK.search(code)):
        return None
    if _EVERY_FILE.search(code):
        return CRITICAL, "encrypts every file it finds with a key it never saves (ransomware)"
    return HIGH, "encrypts a file in place with a key it never saves: it cannot be read again"
