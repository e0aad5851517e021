"""Persistence: commands that make code run later, again and again (cron, at, timers, start-up).

`echo '* * * * * CODE' | crontab -` replaces the crontab (HIGH) and CODE is rated as if it ran
(it will, every minute). `at now <<< CODE`, `systemd-run --on-calendar=... CODE` likewise.
What is written into start-up files, cron folders, unit files and sudoers is read by
`written_code` in the analyser (see `startup_content`).
"""

from __future__ import annotations

import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.words import Word, literal, split_words

_CRON_LINE = re.compile(r"^\s*(@\w+|(\S+\s+){4}\S+)\s+(?P<code>.+)$")
_UNIT_EXEC = re.compile(r"^\s*Exec\w*\s*=\s*[-@:+!]*(?P<code>.+)$")


def crontab(command: Command, ctx: Context) -> None:
    opts = options(command, "-u")
    user = opts.value("-u")
    if opts.has("-r"):
        ctx.add(HIGH, "deletes your whole crontab (crontab -r)", command)
        return
    if opts.has("-l"):
        return
    if opts.has("-e"):
        ctx.add(MODERATE, "edits scheduled jobs (crontab -e)", command)
        return
    source = opts.operands[0].value if opts.operands else "-"
    whose = f"{user}'s" if user else "your"
    stdin = command.stdin
    if stdin is not None and "crontab" in stdin.producers and source in ("-", "/dev/stdin"):
        ctx.add(MODERATE, f"adds scheduled jobs to {whose} crontab", command)
    else:
        how = "from its input" if source in ("-", "/dev/stdin") else f"with {source}"
        reason = f"replaces {whose} scheduled jobs (crontab) {how}: the jobs there are lost"
        ctx.add(HIGH, reason, command)
    text = _stdin_text(command)
    if text is not None:
        for line in text.splitlines():
            match = _CRON_LINE.match(line)
            if match and not line.lstrip().startswith("#"):
                ctx.run_code(literal(match.group("code")), command)


def at(command: Command, ctx: Context) -> None:
    argv = command.argv
    if command.name == "atq" or any(a in ("-l", "-c") for a in argv):
        return
    if command.name == "atrm" or "-r" in argv or "-d" in argv:
        ctx.add(MODERATE, "removes scheduled jobs (atrm)", command)
        return
    ctx.add(HIGH, f"schedules commands to run later, unattended ({command.name})", command)
    text = _stdin_text(command)
    if text is not None:
        ctx.run_code(literal(text), command)


def systemd_run(command: Command, ctx: Context) -> None:
    timed = any(
        a.startswith(("--on-calendar", "--on-boot", "--on-startup", "--on-active", "--on-unit"))
        for a in command.argv
    )
    if timed:
        ctx.add(HIGH, "sets a timer that runs a command later (systemd-run)", command)
    else:
        ctx.add(MODERATE, "runs a command as a background service (systemd-run)", command)


def _stdin_text(command: Command) -> str | None:
    for redirect in command.redirects:
        if redirect.op in ("<<", "<<<") and redirect.body is not None:
            return redirect.body.value
    stdin = command.stdin
    if stdin is not None and stdin.literal is not None:
        return "\n".join(word.value for word in stdin.literal).replace("\\n", "\n")
    return None


def startup_kind(path: str) -> str | None:
    """What kind of place `path` is, if code written there runs later on its own."""
    normal = paths.normalise(path)
    if paths.is_rc_file(normal):
        return "shell"
    if normal == "/etc/crontab" or normal.startswith(("/etc/cron", "/var/spool/cron")):
        return "cron"
    if normal.endswith((".service", ".timer", ".socket", ".path")) or "/systemd/" in normal:
        return "unit"
    if normal == "/etc/sudoers" or normal.startswith("/etc/sudoers.d/"):
        return "sudoers"
    rel = paths.home_relative(normal)
    if rel is not None and rel.startswith((".config/autostart/", "Library/LaunchAgents/")):
        return "shell"
    if normal.startswith(("/etc/profile.d/", "/etc/rc.local", "/etc/init.d/", "/Library/Launch")):
        return "shell"
    return None


def startup_content(kind: str, path: str, text: str | None, writer: Command, ctx: Context) -> None:
    """Rates what is written to a start-up place: it runs later, so it is rated as code.

    Unknown content (not a literal) is HIGH: nobody can say what will run.
    """
    where = paths.normalise(path)
    if text is None:
        if writer.name in ("curl", "wget"):
            ctx.add(CRITICAL, f"puts downloaded code in {where}, which runs it later", writer)
        elif kind != "shell" or writer.name not in ("cat", "echo", "printf"):
            ctx.add(HIGH, f"writes content known only when it runs into {where}", writer)
        return
    if kind == "sudoers":
        level = CRITICAL if "NOPASSWD" in text or re.search(r"ALL\s*$", text) else HIGH
        ctx.add(level, f"lets a user run commands as root ({where})", writer)
        return
    lines = [line for line in text.splitlines() if line.strip()]
    for line in lines:
        code = line
        if kind == "cron":
            match = _CRON_LINE.match(line)
            code = match.group("code") if match else ""
        elif kind == "unit":
            match = _UNIT_EXEC.match(line)
            code = match.group("code") if match else ""
        if code.strip():
            ctx.run_code(Word(value=code, raw=code), writer)
    if kind in ("cron", "unit"):
        ctx.add(HIGH, f"installs a job that runs by itself later ({where})", writer)


RULES: dict[str, Rule] = {
    "crontab": crontab,
    **dict.fromkeys(split_words("at batch atq atrm"), at),
    "systemd-run": systemd_run,
}
