"""incron: `incrontab` installs jobs that run a command whenever a watched file or folder
changes, like cron but on file events (`/etc IN_MODIFY /tmp/x.sh`).

Decisions: installing a table replaces the old one and its commands run by themselves later:
HIGH, CRITICAL when the table came from the internet; each job's command is rated as if it ran.
`-l` and `-t` only list; `-e` and `-d` (reload) are MODERATE; `-r` deletes every job (HIGH).
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.rules.persistence import fetched_words, hidden, stdin_text
from tui.core.safety.words import literal

# path, event mask, then the command.
_JOB = lazy_pattern(r"^\s*(\S+)\s+(\S+)\s+(?P<code>.+)$")


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
            ctx.run_code(literal(job.group("code")), command)
            hidden(job.group("code"), "a file-event job", command, ctx)


RULES: dict[str, Rule] = {"incrontab": incrontab}
