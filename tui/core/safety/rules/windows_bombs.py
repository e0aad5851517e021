"""Windows moves rated on the whole line: UAC switched off, batch files that start themselves
over and over, PowerShell loops that start processes without end.

Kept apart from the other Windows rule files so each can change on its own.
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import LazyPattern, lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.rules.common import CRITICAL

# `EnableLUA` set to 0 by reg.exe (`/d 0`), a cmdlet (`-Value 0`) or a .reg line (`=dword:0`).
_UAC_OFF = lazy_pattern(
    r"enablelua\b['\"]?.{0,80}?(?:/d\s+['\"]?0x?0*\b|-value\s+['\"]?0\b|=\s*dword:0+\b)",
    re.IGNORECASE | re.DOTALL,
)
# `%0|%0`: a batch file piping itself into itself; `:a start %0 goto a`: starting itself in a loop.
_BATCH_BOMB = lazy_pattern(
    r"%0\s*\^?\|\s*%0|\bstart\b[^&|\n]{0,24}%0\b(?=.{0,120}\bgoto\b)", re.IGNORECASE | re.DOTALL
)
_PS_BOMB = lazy_pattern(
    r"(?:while\s*\(\s*\$true\s*\)|for\s*\(\s*;\s*;\s*\))\s*\{[^}]{0,120}"
    r"\b(?:start-process|saps|start-job|invoke-item)\b",
    re.IGNORECASE,
)
_CHECKS: tuple[tuple[RiskLevel, str, LazyPattern], ...] = (
    (
        CRITICAL,
        "turns off UAC (EnableLUA 0): every program gets administrator rights without asking",
        _UAC_OFF,
    ),
    (CRITICAL, "writes a batch file that starts itself without end (fork bomb)", _BATCH_BOMB),
    (CRITICAL, "starts new processes in an endless loop (PowerShell fork bomb)", _PS_BOMB),
)


def check_line(text: str, ctx: Context) -> None:
    for level, reason, pattern in _CHECKS:
        if pattern.search(text):
            ctx.add(level, reason, text[:200])
