"""Tools that change a filesystem's structure in place (resize2fs, tune2fs, debugfs -w,
ntfsresize): a wrong size or feature, or an interruption, loses what the filesystem holds.
Their read-only forms (`tune2fs -l`, `resize2fs -P`, `debugfs` without -w) only report."""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule, options
from tui.core.safety.words import split_words

# tune2fs options that change on-disk features, inode size or the filesystem's identity.
_TUNE2FS_STRUCTURE = frozenset("OIUjJ")
# tune2fs options that only set tunables (labels, check intervals, reserved blocks).
_TUNE2FS_VALUES = "-c -C -e -E -g -i -I -J -L -m -M -o -O -r -T -u -U -Q"


def resize2fs(command: Command, ctx: Context) -> None:
    opts = options(command, "-d -S -z")
    if opts.has("-P"):
        return  # prints the smallest size the filesystem can take
    device = opts.operands[0].value if opts.operands else "the filesystem"
    if len(opts.operands) >= 2:
        reason = (
            f"resizes the filesystem on {device}: too small a size or an interruption "
            "loses its data"
        )
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"grows the filesystem on {device} to fill its partition", command)


def tune2fs(command: Command, ctx: Context) -> None:
    opts = options(command, _TUNE2FS_VALUES)
    if opts.short <= {"l"} and not opts.long:
        return  # `tune2fs -l`: lists the superblock
    if opts.short & _TUNE2FS_STRUCTURE:
        reason = "changes a filesystem's on-disk features or identity (tune2fs): it may not mount"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, "changes a filesystem's settings (tune2fs)", command)


def debugfs(command: Command, ctx: Context) -> None:
    opts = options(command, "-R -f -b -s -d")
    if opts.has("-w"):
        reason = "opens a filesystem for writing with debugfs: one wrong request corrupts it"
        ctx.add(HIGH, reason, command)


def ntfsresize(command: Command, ctx: Context) -> None:
    opts = options(command, "-s -c")
    if opts.has("-i", "--info", "-n", "--no-action", "-m", "--info-mb-only", "--check"):
        return
    ctx.add(HIGH, "resizes an NTFS filesystem: a wrong size or an interruption loses data", command)


RULES: dict[str, Rule] = {
    "resize2fs": resize2fs,
    "tune2fs": tune2fs,
    "debugfs": debugfs,
    **dict.fromkeys(split_words("ntfsresize"), ntfsresize),
}
