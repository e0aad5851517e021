"""The files and folders Windows cannot start without (the kernel, the boot loader, the driver
folder, the registry hives), and two tools that act on files below the usual commands: attrib
(the system, hidden and read-only marks) and fsutil (zeroed ranges, the change journal).
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.rules.hogs import fsutil_verdict
from tui.core.safety.targets import classify_write
from tui.core.safety.windows import Statement, posix_path

MODERATE = RiskLevel.MODERATE
HIGH = RiskLevel.HIGH
CRITICAL = RiskLevel.CRITICAL
QUOTES = "'\""

_WINDIR = r"(?:[a-z]:\\windows|%(?:systemroot|windir)%|\$env:(?:systemroot|windir))"
_SYSTEM32 = rf"{_WINDIR}\\(?:system32|sysnative)"
_DRIVE = r"(?:[a-z]:|%systemdrive%|\$env:systemdrive)"
# Files whose loss stops Windows from starting: kernel, HAL, boot loaders, registry hives.
_VITAL_FILES = lazy_pattern(
    rf"(?i)^['\"]?(?:{_SYSTEM32}\\(?:ntoskrnl\.exe|hal\.dll|winload\.(?:exe|efi)|ntdll\.dll|"
    rf"winresume\.(?:exe|efi)|ci\.dll|kernel32\.dll|smss\.exe|csrss\.exe|winlogon\.exe|"
    rf"lsass\.exe|config\\(?:sam|system|software|security|default))|"
    rf"{_DRIVE}\\(?:bootmgr|boot\\bcd|efi\\microsoft\\boot\\bcd))['\"]?$"
)
# Folders whose loss stops Windows from starting.
_VITAL_FOLDERS = lazy_pattern(
    rf"(?i)^['\"]?(?:{_SYSTEM32}\\(?:drivers|config|driverstore|boot)|{_WINDIR}\\(?:winsxs|boot)|"
    rf"{_DRIVE}\\(?:boot|efi))(?:\\\*?)?['\"]?$"
)


def vital(path: str) -> str | None:
    """What `path` is when Windows cannot start without it; None otherwise."""
    if _VITAL_FILES.match(path):
        return "a file Windows cannot start without"
    if _VITAL_FOLDERS.match(path):
        return "a folder Windows cannot start without"
    return None


def vital_write(path: str, st: Statement, ctx: Context, verb: str = "overwrites") -> bool:
    """Overwriting, deleting or moving away (`verb`) a vital file or folder: CRITICAL. True
    when rated here."""
    what = vital(path)
    if what is None:
        return False
    ctx.add(CRITICAL, f"{verb} {path.strip(QUOTES)}: {what}", st.text)
    return True


# attrib's marks: +/- with r (read-only), s (system), h (hidden), a, i, ...
_MARK = lazy_pattern(r"^[+-][rashioxvpu]$", re.IGNORECASE)
_SYSTEM_DRIVE = r"(?:c:|%systemdrive%|\$env:systemdrive)"
# Windows' own places: its folder, the programs' folders, the system drive's root.
_SYSTEM_PLACE = lazy_pattern(
    rf"(?i)^['\"]?(?:{_WINDIR}|{_SYSTEM_DRIVE}\\(?:program files|programdata|\*|$)|"
    rf"{_SYSTEM_DRIVE}$)"
)


def attrib(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """attrib without a mark only shows them; taking the system, hidden and read-only marks off
    Windows' own files, through whole trees, is the step before changing or deleting them."""
    marks = [a.lower() for a in st.args if _MARK.match(a)]
    if not marks:
        return
    recursive = any(a.lower() == "/s" for a in st.args)
    targets = [a for a in st.args if not _MARK.match(a) and not a.startswith("/")]
    stripped = {m[1] for m in marks if m[0] == "-"} & set("srh")
    if stripped and recursive and any(_SYSTEM_PLACE.match(t) for t in targets):
        reason = "takes the system, hidden and read-only marks off Windows' own files (attrib)"
        ctx.add(HIGH, reason, st.text)
        return
    ctx.add(MODERATE, "changes file attributes (attrib)", st.text)


# fsutil subcommands and verbs that only show.
_FSUTIL_READS = frozenset(
    "fsinfo query queryallocranges queryfileid queryfilenamebyid queryvaliddata queryextents "
    "queryjournal readdata enumusndata diskfree info layout querysparse queryflags "
    "queryoptimizemetadata querydirty help".split()
)


def fsutil(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """fsutil: `setzerodata` overwrites a range of a file with zeros (its data is gone),
    `usn deletejournal` erases the record of file changes; the query verbs only show."""
    words = [a.lower() for a in st.args]
    if not words or words[0] in _FSUTIL_READS or (len(words) > 1 and words[1] in _FSUTIL_READS):
        return
    if words[:2] == ["file", "createnew"]:
        found = fsutil_verdict(words)
        if found is not None:
            ctx.add(found[0], found[1], st.text)
    elif "setzerodata" in words:
        target = next((a for a in reversed(st.args) if "=" not in a), "")
        if vital_write(target, st, ctx, "overwrites with zeros"):
            return
        verdict = classify_write(posix_path(target), append=False)
        level = max(verdict.level, HIGH) if verdict is not None else HIGH
        ctx.add(level, f"overwrites {target or 'a file'} with zeros: its data is gone", st.text)
    elif words[:2] == ["volume", "dismount"]:
        reason = "dismounts a drive (fsutil volume dismount): open files on it are cut off"
        ctx.add(HIGH, reason, st.text)
    elif "deletejournal" in words:
        ctx.add(HIGH, "deletes the file system's change journal (fsutil usn)", st.text)
    else:
        ctx.add(MODERATE, f"changes the file system (fsutil {words[0]})", st.text)


HANDLERS = {"attrib": attrib, "fsutil": fsutil}
