"""PowerShell pipelines with a filter between the listing and the action
(`gci $HOME -Recurse | Where-Object {...} | Remove-Item`): the action is rated on what the
listing gives, and a filter that keeps only some items lowers a CRITICAL to HIGH, since nobody
can tell from the line which items it keeps. A filter that keeps all but a few (`-ne`) does not.
A filter on age (`LastWriteTime -lt (Get-Date).AddDays(-30)`) lowers HIGH to MODERATE as well,
as `forfiles /d` and `find -mtime` do: old items of one folder, not the folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.windows import Statement

MODERATE = RiskLevel.MODERATE
HIGH = RiskLevel.HIGH

PASS_THROUGH = frozenset(
    "where-object where ? sort-object sort select-object select group-object".split()
)
_NARROWING = frozenset("where-object where ? select-object select".split())
# `Where-Object { $_.Name -ne 'explorer' }`: everything but what it names goes on.
_ALL_BUT = lazy_pattern(r"(?i)\s-(ne|notlike|notmatch|notin|notcontains)\s")
_OLD = lazy_pattern(r"(?i)\b(lastwritetime|creationtime|lastaccesstime)\b.*\s-(lt|le)\s")
ACTIONS = frozenset(
    "remove-item ri rm del erase rd rmdir remove-childitem taskkill stop-process kill spps "
    "clear-content clc remove-localuser remove-aduser remove-adcomputer".split()
)

Rate = Callable[[Statement, Context, Statement | None], None]


def filtered(sts: list[Statement], index: int) -> bool:
    """Whether sts[index] acts on what a filter passes on."""
    return index > 0 and sts[index].name in ACTIONS and sts[index - 1].name in PASS_THROUGH


def rate_through(sts: list[Statement], index: int, ctx: Context, rate: Rate) -> None:
    """Rates sts[index] on the listing before its filters; a narrowing filter caps it at HIGH."""
    first = index - 1
    narrowed = by_age = False
    while first >= 0 and sts[first].name in PASS_THROUGH:
        stage = sts[first]
        narrowed = narrowed or (stage.name in _NARROWING and not _ALL_BUT.search(stage.text))
        by_age = by_age or bool(stage.name in _NARROWING and _OLD.search(stage.text))
        first -= 1
    before = len(ctx.findings)
    rate(sts[index], ctx, sts[first] if first >= 0 else None)
    if not narrowed:
        return
    for position in range(before, len(ctx.findings)):
        finding = ctx.findings[position]
        if finding.level > HIGH:
            reason = f"{finding.reason}; a filter picks which ones, so any of them may go"
            ctx.findings[position] = replace(finding, level=HIGH, reason=reason)
        elif finding.level == HIGH and by_age:
            reason = f"{finding.reason}; only the old ones, as a filter on age picks"
            ctx.findings[position] = replace(finding, level=MODERATE, reason=reason)
