"""launchd jobs changed in place: `defaults write` or `plutil -insert` on a plist in a
LaunchAgents or LaunchDaemons folder. What the job runs, and when (StartInterval,
StartCalendarInterval, RunAtLoad), takes effect by itself at the next log-in or boot.

Decisions: HIGH, like copying a plist there; a program written into ProgramArguments is also
rated as if it ran (`sh -c 'curl ... | sh'` is CRITICAL). Other plists stay MODERATE; reading
one (`plutil -p`, `-lint`, `-extract`) is SAFE.
"""

from __future__ import annotations

import posixpath
import shlex

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import literal, split_words

_LAUNCH_FOLDERS = ("Library/LaunchAgents/", "Library/LaunchDaemons/")
_PROGRAM_KEYS = frozenset(("ProgramArguments", "Program"))
_TYPE_FLAGS = frozenset(
    split_words("-array -array-add -string -int -integer -bool -boolean -float -date -dict")
)
_PLUTIL_READS = frozenset(split_words("-p -lint -help -extract -type -s"))
_PLUTIL_EDITS = frozenset(split_words("-insert -replace -remove -convert -create -append"))


def launch_plist(path: str) -> bool:
    """A job file launchd starts by itself: `~/Library/LaunchAgents/com.x.plist`."""
    normal = paths.normalise(path)
    return any(folder in normal for folder in _LAUNCH_FOLDERS)


def defaults_write(argv: list[str], command: Command, ctx: Context) -> bool:
    """`defaults write ~/Library/LaunchAgents/com.x ProgramArguments -array sh -c CODE`: True
    when the domain is a launchd job (rated here)."""
    if argv[:1] != ["write"] or len(argv) < 3 or not launch_plist(argv[1]):
        return False
    _changed(argv[1], command, ctx)
    if argv[2] in _PROGRAM_KEYS:
        _program(argv[3:], argv[1], command, ctx)
    return True


def plutil(command: Command, ctx: Context) -> None:
    argv = command.argv
    if not argv or (argv[0] in _PLUTIL_READS and "-o" not in argv):
        return
    files = [a for a in argv if a.endswith(".plist")]
    if argv[0] in _PLUTIL_EDITS and any(launch_plist(f) for f in files):
        _changed(next(f for f in files if launch_plist(f)), command, ctx)
        return
    ctx.add(MODERATE, "changes a property list (plutil)", command)


def _changed(plist: str, command: Command, ctx: Context) -> None:
    where = paths.normalise(plist)
    what = "launch daemon, run as root" if "Daemons" in where else "launch agent"
    reason = f"changes a {what} ({where}): what it runs starts by itself from now on"
    ctx.add(HIGH, reason, command)


def _program(values: list[str], plist: str, command: Command, ctx: Context) -> None:
    """The program written into the job, rated as if it ran."""
    from tui.core.safety.rules.persistence import hidden  # imported here: a cycle

    words = [v for v in values if v not in _TYPE_FLAGS]
    if not words:
        return
    shell = posixpath.basename(words[0]) in ("sh", "bash", "zsh")
    code = words[2] if shell and len(words) >= 3 and words[1] == "-c" else shlex.join(words)
    ctx.run_code(literal(code), command)
    hidden(code, f"the launchd job {posixpath.basename(plist)}", command, ctx)


RULES: dict[str, Rule] = {"plutil": plutil}
