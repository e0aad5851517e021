"""Windows moves rated on the whole line: UAC switched off, batch files that start themselves
over and over, PowerShell loops that start processes without end.

Kept apart from the other Windows rule files so each can change on its own.
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import LazyPattern, lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.rules.common import CRITICAL, HIGH
from tui.core.safety.windows import Statement

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


# `1..1000000 | ForEach-Object { New-Item ... }`: a file per number.
_MANY_FILES = lazy_pattern(
    r"\b(\d+)\s*\.\.\s*(\d{1,12})\s*\|\s*(?:foreach-object|foreach|%)\s*\{[^}]{0,200}"
    r"\b(?:new-item|ni|out-file|set-content|add-content|mkdir|md)\b",
    re.IGNORECASE,
)


def check_line(text: str, ctx: Context) -> None:
    for level, reason, pattern in _CHECKS:
        if pattern.search(text):
            ctx.add(level, reason, text[:200])
    many = _MANY_FILES.search(text)
    count = int(many.group(2)) - int(many.group(1)) + 1 if many is not None else 0
    if count >= 10**6:
        reason = f"creates {count} files: slow to clean up, and it fills the disk's file table"
        ctx.add(HIGH, reason, text[:200])


def endless_count(source: str) -> bool:
    """`(0,0,1)` in `for /l %i in (start,step,end)`: a step of 0 never reaches the end."""
    parts = [p.strip() for p in source.strip("()").split(",")]
    if len(parts) != 3 or not all(re.fullmatch(r"-?\d+", p) for p in parts):
        return False
    step = int(parts[1])
    return step == 0  # a step away from the end runs no round at all


# What a loop without end must not do each round: start a program that goes on running.
_STARTS = frozenset(("start", "cmd", "cmd.exe", "powershell", "powershell.exe", "pwsh"))


def endless_cmd_loop(st: Statement, body: tuple[str, ...], ctx: Context) -> None:
    """`for /l %i in (0,0,1) do start cmd`: a new window, and a new process, without end."""
    if body and body[0].lower() in _STARTS:
        reason = "starts new processes in an endless loop (for /l with step 0): fork bomb"
        ctx.add(CRITICAL, reason, st.text)


def many_starts(st: Statement, source: str, body: tuple[str, ...], ctx: Context) -> None:
    """`for /l %i in (1,1,1000) do start notepad`: a thousand programs at once."""
    parts = [p.strip() for p in source.strip("()").split(",")]
    if len(parts) != 3 or not all(re.fullmatch(r"-?\d{1,9}", p) for p in parts):
        return
    start, step, end = (int(p) for p in parts)
    rounds = (end - start) // step + 1 if step else 0
    if body and body[0].lower() == "start" and rounds >= 500:
        reason = f"starts {rounds} programs at once (for /l ... do start): the machine stalls"
        ctx.add(HIGH, reason, st.text)
