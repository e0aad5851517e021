"""A command a program runs after spelling it in a disguise: escapes, character codes, ROT13.

`system("\\x72\\x6d -rf ~")`, `system(sprintf("%c%c", 114, 109))` and `"ez".tr(...)` all hide
`rm` from a reader; nobody writes a command that way unless the command should not be seen.
"""

from __future__ import annotations

import re

from tui.core.safety.model import RiskLevel

_RUNS = re.compile(r"\b(?:system|exec\w*|popen\w*|spawn\w*|run|call|check_output|Popen)\s*\(|`")
_DISGUISES = (
    (re.compile(r"\\x[0-9a-fA-F]{2}.*\\x[0-9a-fA-F]{2}"), "hex escapes"),
    (re.compile(r"\\[0-7]{3}.*\\[0-7]{3}"), "octal escapes"),
    (re.compile(r"%c.*%c.*\b\d{2,3}\s*,\s*\d{2,3}\b"), "character codes"),
    (re.compile(r"\b(?:chr|String\.fromCharCode|pack)\s*\(\s*\d{2,3}"), "character codes"),
    (
        re.compile(r"\.tr\s*\(\s*['\"]A-Za-z['\"]|rot_?13|N-ZA-M", re.IGNORECASE),
        "a rotation cipher",
    ),
)


def findings(code: str, language: str) -> list[tuple[RiskLevel, str]]:
    """HIGH when the code both runs a command and hides what it spells."""
    if not _RUNS.search(code):
        return []
    for pattern, disguise in _DISGUISES:
        if pattern.search(code):
            reason = f"{language} code runs a command spelled in {disguise}, hiding what it does"
            return [(RiskLevel.HIGH, reason)]
    return []
