"""macOS system tools not covered elsewhere: partition tables (gpt), the password policy
(pwpolicy), the startup disk (bless), power schedules (pmset), file flags (chflags), the privacy
database (tccutil, TCC.db), Apple Remote Desktop (kickstart) and the unified log (log). Their
reporting forms (`bless --info`, `pmset -g`, `pkgutil --pkgs`, `log show`)
only read.
"""

from __future__ import annotations

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_GPT_WRITES = frozenset(split_words("destroy create recover migrate"))
_GPT_CHANGES = frozenset(split_words("add remove resize label type boot"))


def gpt(command: Command, ctx: Context) -> None:
    verbs = [a for a in command.argv if not a.startswith("-")]
    verb = verbs[0] if verbs else ""
    if verb in _GPT_WRITES:
        reason = f"rewrites or destroys a disk's partition table (gpt {verb}): its data is lost"
        ctx.add(CRITICAL, reason, command)
    elif verb in _GPT_CHANGES:
        ctx.add(HIGH, f"changes a disk's partitions (gpt {verb})", command)


def pwpolicy(command: Command, ctx: Context) -> None:
    argv = [a.lower() for a in command.argv]
    if any(a.startswith("-clear") for a in argv) or "-disableuser" in argv:
        ctx.add(HIGH, "removes the password rules or locks an account (pwpolicy)", command)
    elif any(a.startswith(("-set", "-enable")) for a in argv):
        ctx.add(MODERATE, "changes the password rules (pwpolicy)", command)


def bless(command: Command, ctx: Context) -> None:
    argv = command.argv
    if "--info" in argv or "--getboot" in [a.lower() for a in argv]:
        return
    if any(a in argv for a in ("--setBoot", "--setboot", "--startupfile", "--bootefi")):
        ctx.add(HIGH, "changes the disk or file the Mac starts from (bless)", command)
    elif argv:
        ctx.add(MODERATE, "marks a folder or volume bootable (bless)", command)


def pmset(command: Command, ctx: Context) -> None:
    argv = [a.lower() for a in command.argv]
    if not argv or argv[0] == "-g":
        return
    if argv[0] in ("schedule", "repeat") and any(a in ("shutdown", "restart") for a in argv[1:3]):
        ctx.add(HIGH, f"schedules the Mac to shut down or restart (pmset {argv[0]})", command)
    else:
        ctx.add(MODERATE, "changes power settings (pmset)", command)


_LOCKING_FLAGS = frozenset(split_words("schg sappnd simmutable sunlnk"))


_UNLOCKING_FLAGS = frozenset(split_words("noschg nosappnd nosunlnk nosimmutable"))


def chflags(command: Command, ctx: Context) -> None:
    """chflags: the system flags (schg) are cleared only from single-user mode."""
    words = [a for a in command.argv if not a.startswith("-")]
    if not words:
        return
    flags = set(words[0].split(","))
    targets = [paths.normalise(t) for t in words[1:]]
    recursive = "-R" in command.argv
    system = any(paths.system_root(t) is not None for t in targets)
    if flags & _LOCKING_FLAGS and (recursive or system):
        ctx.add(HIGH, "locks system files (chflags schg): only single-user mode undoes it", command)
    elif flags & _UNLOCKING_FLAGS and recursive and (system or "/" in targets):
        reason = f"lifts the system's immutable flags from a whole tree (chflags {words[0]})"
        ctx.add(HIGH, f"{reason}: protected programs and logs can be changed", command)
    else:
        ctx.add(MODERATE, f"changes file flags ({words[0]})", command)


def tccutil(command: Command, ctx: Context) -> None:
    ctx.add(MODERATE, "resets apps' privacy permissions (tccutil)", command)


_TCC_WRITE = lazy_pattern(r"(?i)\b(insert|update|replace|delete)\b")


def privacy_database(command: Command, ctx: Context) -> None:
    """`sqlite3 .../TCC.db "INSERT INTO access ..."`: privacy permissions granted behind the
    person's back (full disk access, the camera, the screen)."""
    if any(a.endswith("TCC.db") for a in command.argv) and any(
        _TCC_WRITE.search(a) for a in command.argv
    ):
        reason = "writes macOS's privacy database (TCC.db): grants apps access without asking"
        ctx.add(CRITICAL, reason, command)


def remote_desktop(command: Command, ctx: Context) -> None:
    """Apple Remote Desktop's `kickstart -activate -configure -access -on ...`."""
    argv = [a.lower() for a in command.argv]
    if "-activate" in argv or ("-access" in argv and "-on" in argv):
        reason = "turns on remote control of this Mac (Apple Remote Desktop)"
        everyone = "-allusers" in argv or "-allowaccessfor" in argv
        ctx.add(HIGH, reason + (" for every user" if everyone else ""), command)
    elif argv:
        ctx.add(MODERATE, "changes Apple Remote Desktop settings", command)


def unified_log(command: Command, ctx: Context) -> None:
    verb = command.argv[0] if command.argv else ""
    if verb == "erase":
        ctx.add(HIGH, "erases the system log: what happened can no longer be seen", command)
    elif verb == "config":
        ctx.add(MODERATE, "changes what the system log keeps (log config)", command)


def reads_only(command: Command, ctx: Context) -> None:
    """hdiutil, pkgutil, mdutil: reports are safe; anything else changes something."""
    first = command.argv[0] if command.argv else ""
    if first in _REPORTS.get(command.name, frozenset()) or not first:
        return
    ctx.add(MODERATE, f"changes something ({command.name} {first})", command)


_REPORTS = {
    "hdiutil": frozenset(split_words("info imageinfo verify checksum pmap help isencrypted")),
    "pkgutil": frozenset(
        split_words(
            "--pkgs --pkgs-plist --files --pkg-info --pkg-info-plist --file-info --export-plist "
            "--check-signature --payload-files --lsbom --group-pkgs --groups --regexp"
        )
    ),
    "mdutil": frozenset(split_words("-s -t")),
}

RULES: dict[str, Rule] = {
    "gpt": gpt,
    "pwpolicy": pwpolicy,
    "bless": bless,
    "pmset": pmset,
    "chflags": chflags,
    "tccutil": tccutil,
    "kickstart": remote_desktop,
    "log": unified_log,
    **dict.fromkeys(("hdiutil", "pkgutil", "mdutil"), reads_only),
}
EXTRA_CHECKS = {"sqlite3": (privacy_database,)}
