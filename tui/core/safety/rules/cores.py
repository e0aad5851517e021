"""Processors kept busy for good: endless work left running in the background, run in parallel
by xargs, or at real-time priority; and cpupower, which reports or changes processor power.

One endless `yes > /dev/null &` is a nuisance until someone kills it (MODERATE); several, or
one per processor, leave the machine sluggish for everyone (HIGH), as does a busy loop at
real-time priority, which the scheduler lets starve everything else on that processor.
"""

from __future__ import annotations

import itertools
import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule

# Work that never ends and never waits: a loop with an empty body, `yes`, reading /dev/zero.
_BUSY = (
    r"(?:while\s+(?::|true|\[\s*1\s*\])\s*;\s*do\s*:?\s*;?\s*done|"
    r"(?:^|[;&|(]|\b(?:nohup|sudo|nice|setsid|time|exec|then|do)(?:\s+-[\w-]+(?:\s+\d+)?)*)"
    r"\s*[\"']?"
    r"(?:yes\b|cat\s+/dev/(?:zero|urandom)\b|(?:md5|sha\d*|b2)sum\s+/dev/(?:zero|urandom)\b))"
)
# The same among a wrapper's arguments (`chrt -f 99 yes`, `xargs -P 8 sh -c 'yes'`).
_BUSY_WORK = lazy_pattern(
    r"while\s+(?::|true|\[\s*1\s*\])\s*;\s*do\s*:?\s*;?\s*done|(?<![\w-])(?:yes\b|"
    r"cat\s+/dev/(?:zero|urandom)\b|(?:md5|sha\d*|b2)sum\s+/dev/(?:zero|urandom)\b)"
)
# ... then the rest of that command, and `&` (`yes > /dev/null &`, `(while :; do :; done) &`).
_IN_BACKGROUND = lazy_pattern(_BUSY + r"[^;&|\n]*(?=&(?![&>]))")


def background_burners(source: str) -> tuple[RiskLevel, str] | None:
    """`yes > /dev/null & yes > /dev/null &`, `while :; do :; done &`: endless work in the
    background (a loop that starts them is rated by resources.busy_cores)."""
    if re.search(r"&\s*\)?\s*done\b", source):
        return None
    count = len(_IN_BACKGROUND.findall(source))
    if count >= 2:
        return HIGH, f"keeps {count} processors busy without end in the background"
    if count == 1:
        return MODERATE, "keeps a processor busy without end in the background"
    return None


_REALTIME = frozenset(("-f", "--fifo", "-r", "--rr"))


def realtime(command: Command, ctx: Context) -> None:
    """`chrt -f 99 sh -c 'while :; do :; done'`: the loop outranks everything on its processor."""
    argv = command.argv
    if _REALTIME & set(argv[:3]) and _BUSY_WORK.search(" ".join(argv)):
        reason = "runs endless work at real-time priority: its processor serves nothing else"
        ctx.add(HIGH, reason, command)


_PARALLEL = lazy_pattern(r"^(?:-P\s*(?:0|[2-9]|\d\d+)|--max-procs=(?:0|[2-9]|\d\d+))$")


def parallel_burners(command: Command, ctx: Context) -> None:
    """`seq $(nproc) | xargs -P0 -I{} sh -c 'while :; do :; done'`: one endless loop per input,
    all at once."""
    argv = command.argv
    parallel = any(_PARALLEL.match(a) for a in argv) or any(
        a in ("-P", "--max-procs") and (b == "0" or (b.isdigit() and int(b[:6]) >= 2))
        for a, b in itertools.pairwise(argv)
    )
    if parallel and _BUSY_WORK.search(" ".join(argv)):
        reason = "runs endless busy work in many processes at once (xargs -P): all processors busy"
        ctx.add(HIGH, reason, command)


_CPUPOWER_READS = frozenset(("frequency-info", "idle-info", "info", "monitor", "help"))


def cpupower(command: Command, ctx: Context) -> None:
    """`cpupower frequency-info` reports; `frequency-set -g powersave` changes the governor."""
    verbs = [a for a in command.argv if not a.startswith("-")]
    if verbs and verbs[0] not in _CPUPOWER_READS:
        ctx.add(MODERATE, f"changes processor power settings (cpupower {verbs[0]})", command)


RULES: dict[str, Rule] = {"cpupower": cpupower}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {"chrt": (realtime,), "xargs": (parallel_burners,)}
