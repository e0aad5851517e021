"""Resource limits: `prlimit` on running processes, limits.conf for log-ins, and systemd's
(`systemctl set-property`, `DefaultTasksMax=` in system.conf).

`prlimit --pid N` alone, or with a limit's name and no value, only shows N's limits. Given a
limit's value, it changes them in place: for PID 1 every service started from then on inherits
them, and a limit of almost no open files or processes leaves the machine unable to start
anything (HIGH). Other limits, and another
process's, are MODERATE. `prlimit --nofile=4096 make` runs a command under the limits: that
command is rated on its own (unwrap.py), the limit itself is MODERATE. Limits so low that
log-ins, a whole slice or every service cannot run (`* hard nofile 10`, `maxlogins 0`,
`user.slice TasksMax=1`) are HIGH; ordinary limits are MODERATE.
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule

# Options that only pick the process or the way the limits are printed.
_SHOWING = re.compile(r"^(-p|--pid|-o|--output|--noheadings|--raw|--verbose|--pid=.*|-p\d+)$")
_INIT_PIDS = frozenset(("1", "--pid=1", "-p1"))


def prlimit(command: Command, ctx: Context) -> None:
    argv = command.argv
    limits = [a for a in argv if a.startswith("-") and not _SHOWING.match(a) and _sets(a)]
    if not limits:
        return  # `prlimit --pid $$`, `prlimit --pid 7 --nofile`: prints the limits
    pid_given = any(a in ("-p", "--pid") or a.startswith(("--pid=", "-p")) for a in argv)
    if pid_given and (_INIT_PIDS & set(argv)) and _starving(limits):
        reason = "starves PID 1 of files or processes: every service started from now inherits it"
        ctx.add(HIGH, f"{reason} (prlimit)", command)
    elif pid_given:
        ctx.add(MODERATE, "changes a running program's resource limits (prlimit)", command)
    else:
        ctx.add(MODERATE, "runs a program under other resource limits (prlimit)", command)


def _sets(option: str) -> bool:
    """`--nofile=1024`, `-n1024`: a limit with a value sets it; `--nofile`, `-n` only show it."""
    return "=" in option or (not option.startswith("--") and len(option) > 2)


def _starving(limits: list[str]) -> bool:
    """`--nofile=0:0`, `-u=5`: a limit of open files or processes below what anything needs."""
    for option in limits:
        match = re.fullmatch(r"(--nofile|-n|--nproc|-u)=?(\d+)(?::(\d+))?", option)
        if match is None:
            continue
        floor = _LIMIT_FLOORS["nofile" if match.group(1) in ("--nofile", "-n") else "nproc"]
        if any(int(v[:9]) < floor for v in match.groups()[1:] if v):
            return True
    return False


RULES: dict[str, Rule] = {"prlimit": prlimit}


# limits.conf items whose value, below a floor, leaves log-ins or their programs unable to run:
# too few open files or processes, no log-ins at all.
_LIMIT_FLOORS = {"nofile": 64, "nproc": 16, "maxlogins": 1, "maxsyslogins": 1}
_LIMIT_LINE = re.compile(
    r"^[^\S\n]*(?P<domain>[*@%\w.:-]+)[^\S\n]+(?:soft|hard|-)[^\S\n]+(?P<item>\w+)"
    r"[^\S\n]+(?P<value>-?\d+)[^\S\n]*$",
    re.M,
)
_LIMIT_FILES = ("/etc/security/limits.conf", "/etc/security/limits.d/")


def limits_file(where: str, text: str) -> tuple[RiskLevel, str] | None:
    """`* hard nofile 10`, `* - maxlogins 0` in limits.conf: log-ins fail or cannot run anything
    (HIGH); any other line is an ordinary limit (MODERATE)."""
    if not where.startswith(_LIMIT_FILES):
        return None
    for match in _LIMIT_LINE.finditer(text):
        floor = _LIMIT_FLOORS.get(match.group("item"))
        if floor is not None and int(match.group("value")[:9]) < floor:
            shown = " ".join(match.group(0).split())
            reason = f"leaves {match.group('domain')} unable to log in or run programs ({shown})"
            return HIGH, reason
    return MODERATE, f"changes resource limits of log-ins ({where})"


# systemd resource properties and the smallest values a whole slice or the system can run on.
_PROPERTY_FLOORS = {"tasksmax": 64, "memorymax": 256 * 2**20, "memoryhigh": 256 * 2**20}
_DEFAULT_FLOORS = {
    "defaulttasksmax": 64,
    "defaultlimitnofile": 64,
    "defaultlimitnproc": 16,
    "defaultmemorymax": 256 * 2**20,
}
_SIZE = re.compile(r"(\d+)([KMGT]?)", re.I)
_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30, "t": 2**40}
_WHOLE = re.compile(r"^(-|user|system|machine|user-\d+)\.slice$|^init\.scope$")


def _below(value: str, floor: int) -> bool:
    match = _SIZE.fullmatch(value.strip().strip("'\""))
    if match is None:
        return False
    return int(match.group(1)[:12]) * _UNITS[match.group(2).lower()] < floor


def starved(settings: list[str], floors: dict[str, int]) -> str | None:
    """The first `Name=value` among `settings` below its floor, else None."""
    for setting in settings:
        name, sep, value = setting.partition("=")
        floor = floors.get(name.strip().lower())
        if sep and floor is not None and _below(value, floor):
            return setting.strip()
    return None


def set_property(command: Command, ctx: Context, units: list[str]) -> None:
    """`systemctl set-property user.slice TasksMax=1`: every log-in starved of processes."""
    settings = [a for a in command.argv if "=" in a and not a.startswith("-")]
    low = starved(settings, _PROPERTY_FLOORS)
    whole = next((u for u in units if _WHOLE.match(u)), None)
    if low is not None and whole is not None:
        reason = f"starves {whole} of processes or memory ({low}): its programs fail"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(
            MODERATE, f"changes a unit's resource limits (set-property {' '.join(units)})", command
        )


def systemd_defaults(where: str, text: str) -> tuple[RiskLevel, str] | None:
    """`DefaultTasksMax=1` in /etc/systemd/system.conf: every service starved from next boot."""
    if not where.startswith(("/etc/systemd/system.conf", "/etc/systemd/user.conf")):
        return None
    if re.search(r"^\s*DefaultEnvironment\s*=.*\b(LD_PRELOAD|LD_LIBRARY_PATH)=", text, re.M):
        return HIGH, f"makes every service load a library it names (DefaultEnvironment, {where})"
    low = starved(text.splitlines(), _DEFAULT_FLOORS)
    if low is None:
        return None
    return HIGH, f"starves every service of processes, files or memory ({low}) ({where})"
