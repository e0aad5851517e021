"""Copies that fill the disk they land on: the whole root file system copied into a folder of
itself (`cp -a / /backup`, `rsync -a / /srv/copy`, `find / -type f -exec cp {} /tmp/ \\;`).

A copy onto another file system (a folder under /mnt, /media or /Volumes, `rsync -x`) is the
usual backup and is left to the other rules. A whole disk read into an image file
(`dd if=/dev/sda of=disk.img`) is not rated here: which disk the file lands on is not known,
and imaging another disk (an SD card, a USB stick) is the common case.
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.fanout import find_parts
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, Rule

# Where other disks are mounted: a copy there does not land on the disk it reads.
_ELSEWHERE = ("/mnt/", "/media/", "/run/media/", "/Volumes/")
_ONE_FS = frozenset(("-x", "--one-file-system"))


def _elsewhere(target: str) -> bool:
    return target.startswith(_ELSEWHERE) or ":" in target.split("/", 1)[0]


def root_copied(command: Command, ctx: Context) -> None:
    """`cp -a / /backup`, `rsync -a / /srv/root`: every file, its own copy among them."""
    argv = command.argv
    operands = [a for a in argv if not a.startswith("-")]
    if len(operands) < 2 or _ONE_FS & set(argv) or any(re.fullmatch(r"-\w*x\w*", a) for a in argv):
        return
    recursive = command.name == "rsync" or any(
        a in ("-r", "-R", "-a", "--recursive", "--archive") or re.fullmatch(r"-\w*[rRa]\w*", a)
        for a in argv
    )
    sources, target = operands[:-1], operands[-1]
    if recursive and any(s in ("/", "/*", "/.") for s in sources) and not _elsewhere(target):
        reason = f"copies the whole machine into {target}, on the same disk: it fills up"
        ctx.add(HIGH, reason, command)


def find_copies_all(command: Command, ctx: Context) -> None:
    """`find / -type f -exec cp {} /tmp/ \\;`: every file on the machine, into one folder."""
    parts = find_parts(command.args)
    if "/" not in parts.starts or parts.selects:  # `-name '*.conf'`: some files, not all
        return
    for words in parts.execs:
        values = [w.value for w in words]
        if values[:1] in (["cp"], ["rsync"]) and values[-1] not in ("{}", "+", ";"):
            target = values[-1]
        elif values[:1] in (["cp"], ["rsync"]) and len(values) > 2:
            target = values[-2]
        else:
            continue
        if target != "{}" and not _elsewhere(target):
            reason = f"copies every file on the machine into {target}: the disk fills up"
            ctx.add(HIGH, reason, command)
            return


EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    "cp": (root_copied,),
    "rsync": (root_copied,),
    "find": (find_copies_all,),
}
