"""incron: `incrontab` installs jobs that run a command whenever a watched file or folder
changes, like cron but on file events (`/etc IN_MODIFY /tmp/x.sh`).

Decisions: installing a table replaces the old one and its commands run by themselves later:
HIGH, CRITICAL when the table came from the internet or a job runs the very file that arrived
(`sh $@/$#`); each job's command is rated as if it ran.
`-l` and `-t` only list; `-e` and `-d` (reload) are MODERATE; `-r` deletes every job (HIGH).
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.rules.persistence import fetched_words, hidden, stdin_text
from tui.core.safety.rules.standing_leaks import run_repeatedly

# path, event mask, then the command.
_JOB = lazy_pattern(r"^\s*(\S+)\s+(\S+)\s+(?P<code>.+)$")

# A job whose program is the file the event names (`$@/$#`), or a shell or interpreter fed it.
_RUNS_EVENT_FILE = lazy_pattern(
    r"^\s*(?:(?:sudo\s+)?(?:\S*/)?(?:sh|bash|dash|zsh|ksh|python[\d.]*|perl|ruby|node|php|"
    r"source|\.)\s+)?['\"]?\$@/\$#"
)


def incrontab(command: Command, ctx: Context) -> None:
    opts = options(command, "-u --user -f --config")
    user = opts.value("-u", "--user")
    whose = f"{user}'s" if user else "your"
    if opts.has("-l", "--list", "-t", "--types"):
        return
    if opts.has("-r", "--remove"):
        ctx.add(HIGH, f"deletes {whose} whole incrontab: every file-event job in it", command)
        return
    if opts.has("-e", "--edit", "-d", "--reload"):
        ctx.add(MODERATE, f"edits or reloads {whose} file-event jobs (incrontab)", command)
        return
    reason = f"replaces {whose} file-event jobs: their commands run whenever a file changes"
    ctx.add(HIGH, reason, command)
    if fetched_words(command, opts.operands, ctx):
        ctx.add(CRITICAL, "installs file-event jobs fetched from the internet", command)
    for line in (stdin_text(command) or "").splitlines():
        job = _JOB.match(line)
        if job and not line.lstrip().startswith("#"):
            run_repeatedly(job.group("code"), "a file-event job", command, ctx)
            hidden(job.group("code"), "a file-event job", command, ctx)
            if _RUNS_EVENT_FILE.match(job.group("code")):
                where = job.group(1)
                reason = f"runs each file that lands in {where}: whoever puts one there runs code"
                ctx.add(CRITICAL, reason, command)


RULES: dict[str, Rule] = {"incrontab": incrontab}
