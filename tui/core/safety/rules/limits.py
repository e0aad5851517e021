"""Resource limits of running processes: `prlimit`.

`prlimit --pid N` alone only shows N's limits. Given a limit, it changes them in place: for
PID 1 every service started from then on inherits them, and a limit of no open files or no
processes leaves the machine unable to start anything (HIGH). Another process's limits are
MODERATE. `prlimit --nofile=4096 make` runs a command under the limits: that command is rated
on its own (unwrap.py), the limit itself is MODERATE.
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule

# Options that only pick the process or the way the limits are printed.
_SHOWING = re.compile(r"^(-p|--pid|-o|--output|--noheadings|--raw|--verbose|--pid=.*|-p\d+)$")
_INIT_PIDS = frozenset(("1", "--pid=1", "-p1"))


def prlimit(command: Command, ctx: Context) -> None:
    argv = command.argv
    limits = [a for a in argv if a.startswith("-") and not _SHOWING.match(a)]
    if not limits:
        return  # `prlimit --pid $$`: prints the limits
    pid_given = any(a in ("-p", "--pid") or a.startswith(("--pid=", "-p")) for a in argv)
    if pid_given and (_INIT_PIDS & set(argv)):
        reason = "changes the limits of PID 1: every service started from now on inherits them"
        ctx.add(HIGH, f"{reason} (prlimit)", command)
    elif pid_given:
        ctx.add(MODERATE, "changes a running program's resource limits (prlimit)", command)
    else:
        ctx.add(MODERATE, "runs a program under other resource limits (prlimit)", command)


RULES: dict[str, Rule] = {"prlimit": prlimit}
