"""Keeping records: log rotation (logrotate, newsyslog), the audit rules (augenrules), login
records (utmpdump), chrony's manual clock, systemd-homed accounts (homectl) and the account
file checkers (pwck, grpck).

Dry runs and reports are safe; rotation, reloading rules and fixing the account files are
routine. Setting the clock by hand and removing a home area with everything in it are HIGH.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.rules.known import CTL_READS
from tui.core.safety.words import split_words


def rotation(command: Command, ctx: Context) -> None:
    """`logrotate -d` and `newsyslog -n` only show what they would rotate."""
    argv = command.argv
    dry = ("-d", "--debug") if command.name == "logrotate" else ("-n",)
    if any(a in dry for a in argv):
        return
    ctx.add(MODERATE, f"rotates logs ({command.name})", command)


def augenrules(command: Command, ctx: Context) -> None:
    if "--check" not in command.argv:
        ctx.add(MODERATE, "loads the audit rules from /etc/audit/rules.d (augenrules)", command)


def utmpdump(command: Command, ctx: Context) -> None:
    if any(a in ("-r", "--reverse") for a in command.argv):
        ctx.add(MODERATE, "turns text back into login records (utmpdump -r)", command)


def chronyc(command: Command, ctx: Context) -> None:
    """`chronyc settime`: the clock set by hand; `makestep`, `burst`: routine corrections."""
    words = [a for a in command.argv if not a.startswith("-")]
    verb = words[0] if words else ""
    if verb in CTL_READS or verb in _CHRONY_READS:
        return
    if verb in ("settime", "manual"):
        ctx.add(HIGH, f"sets the clock by hand (chronyc {verb})", command)
    elif verb in ("offline", "delete", "shutdown"):
        ctx.add(HIGH, f"stops the clock's synchronisation (chronyc {verb})", command)
    else:
        ctx.add(MODERATE, f"changes the time service (chronyc {verb})".replace(" )", ")"), command)


_CHRONY_READS = frozenset(split_words("ntpdata serverstats clients rtcdata waitsync"))


def homectl(command: Command, ctx: Context) -> None:
    verb = next((a for a in command.argv if not a.startswith("-")), "list")
    if verb in ("remove", "deactivate-all"):
        ctx.add(HIGH, f"removes a home area and everything in it (homectl {verb})", command)
    elif verb not in ("list", "inspect", "show"):
        ctx.add(MODERATE, f"changes a user's home area (homectl {verb})", command)


def account_check(command: Command, ctx: Context) -> None:
    """`pwck -r`, `grpck -r` only report; without it, they offer to delete broken entries."""
    if not any(a in ("-r", "--read-only") for a in command.argv):
        ctx.add(MODERATE, f"checks and fixes the account files ({command.name})", command)


RULES: dict[str, Rule] = {
    **dict.fromkeys(split_words("logrotate newsyslog"), rotation),
    "augenrules": augenrules,
    "utmpdump": utmpdump,
    "chronyc": chronyc,
    "homectl": homectl,
    **dict.fromkeys(split_words("pwck grpck"), account_check),
}
