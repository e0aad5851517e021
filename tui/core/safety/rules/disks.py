"""Disks and filesystems: mkfs, wipefs, partitioning, secure erase, volume managers."""

from __future__ import annotations

import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.words import split_words


def _devices(command: Command) -> list[str]:
    return [w.value for w in command.args if paths.is_block_device(w.value)]


def _dynamic_target(command: Command) -> bool:
    return any(w.dynamic for w in command.args if not w.value.startswith("-"))


def mkfs(command: Command, ctx: Context) -> None:
    devices = _devices(command)
    if devices:
        ctx.add(CRITICAL, f"formats {devices[0]}: erases everything on it", command)
    elif _dynamic_target(command):
        ctx.add(HIGH, "formats a device named only at run time: erases everything on it", command)
    else:
        ctx.add(MODERATE, "creates a filesystem inside a file", command)


def wipefs(command: Command, ctx: Context) -> None:
    opts = options(command, "-o --offset -t --types -O --output")
    if opts.has("-a", "--all", "-o", "--offset"):
        target = next(iter(_devices(command)), "the device")
        ctx.add(CRITICAL, f"wipes the filesystem signatures on {target}: its data is lost", command)
    # without -a or -o, wipefs only lists the signatures


_READ_MODES = {
    "hdparm": ("-I", "-i", "-t", "-T", "-g", "-C", "-B"),
    "sgdisk": ("-p", "--print", "-i", "--info", "-v", "--verify"),
    "sfdisk": ("-d", "--dump", "-l", "--list", "-s", "--show-size", "-J", "--json", "-V"),
    "mdadm": ("--detail", "-D", "--examine", "-E", "--query", "-Q"),
    "cryptsetup": ("status", "luksDump", "isLuks", "--version"),
    "zpool": ("status", "list", "iostat", "history", "get"),
    "badblocks": ("-s", "-v"),
    "smartctl": ("-a", "-i", "-H", "-x", "-A", "-l", "-c", "--all", "--info", "--health", "--scan"),
}


def reads_only(command: Command) -> bool:
    """A disk tool in a mode that only reports (`sfdisk -d`, `hdparm -I`, `zpool status`)."""
    modes = _READ_MODES.get(command.name)
    if modes is None:
        return False
    argv = command.argv
    if command.name == "badblocks" and any(
        a.startswith("-") and ("w" in a or "n" in a) for a in argv
    ):
        return False
    return any(a in modes for a in argv) or (command.name == "badblocks" and bool(argv))


def smartctl(command: Command, ctx: Context) -> None:
    if not reads_only(command):
        ctx.add(MODERATE, "starts a disk self-test or changes its settings (smartctl)", command)


def erase_tool(command: Command, ctx: Context) -> None:
    if reads_only(command):
        return
    """blkdiscard, badblocks -w, hdparm --security-erase, sgdisk --zap-all, ..."""
    name = command.name
    argv = command.argv
    destructive = {
        "blkdiscard": True,
        "badblocks": any(a in ("-w",) or (a.startswith("-") and "w" in a) for a in argv),
        "hdparm": any("erase" in a or "write-sector" in a or "trim-sector" in a for a in argv),
        "sgdisk": any(a in ("-Z", "--zap-all", "-o", "--clear", "-z", "--zap") for a in argv),
        "mdadm": "--zero-superblock" in argv,
        "cryptsetup": any(a in ("luksFormat", "erase", "luksErase", "reencrypt") for a in argv),
        "zpool": any(a in ("destroy", "labelclear") for a in argv),
        "flashrom": any(a in ("-w", "--write", "-E", "--erase") for a in argv),
    }.get(name, False)
    if destructive:
        target = next(iter(_devices(command)), "the disk or pool")
        ctx.add(CRITICAL, f"erases {target} ({name})", command)
    else:
        ctx.add(MODERATE, f"manages disks ({name})", command)


def partition(command: Command, ctx: Context) -> None:
    argv = command.argv
    if command.name == "sfdisk" and reads_only(command):
        return
    if any(a in ("-l", "--list", "print", "-s") for a in argv) and not _writes_table(argv):
        return
    fed = command.stdin.literal if command.stdin is not None else None
    script = " ".join(w.value for w in fed) if fed else ""
    writes = bool(re.search(r"(^|\s|\\n)w(\s|\\n|$)", script))  # `echo -e "o\nw" | fdisk`
    if _writes_table(argv) or (command.name == "sfdisk" and ("--delete" in argv)) or writes:
        ctx.add(CRITICAL, f"rewrites the partition table ({command.name}): data is lost", command)
        return
    ctx.add(HIGH, f"edits the partition table ({command.name})", command)


def _writes_table(argv: list[str]) -> bool:
    return any(a in ("mklabel", "mktable", "rm", "resizepart", "--wipe", "-w") for a in argv)


def diskutil(command: Command, ctx: Context) -> None:
    argv = [a.lower() for a in command.argv]
    erase = ("erasedisk", "erasevolume", "zerodisk", "securerase", "randomdisk", "partitiondisk")
    if any(a in erase for a in argv):
        ctx.add(CRITICAL, "erases a disk (diskutil)", command)
    elif argv[:1] and argv[0] in ("list", "info", "activity"):
        return
    else:
        ctx.add(MODERATE, "manages disks (diskutil)", command)


def volumes(command: Command, ctx: Context) -> None:
    argv = command.argv
    forced = any(a in ("-f", "-ff", "--force", "-y", "--yes") for a in argv)
    level = CRITICAL if forced or any("root" in a for a in argv) else HIGH
    ctx.add(level, f"removes a storage volume ({command.name}): its data is lost", command)


def filesystems(command: Command, ctx: Context) -> None:
    """zfs destroy, btrfs subvolume delete, nvme format/sanitize."""
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    if command.name == "zfs" and words[:1] == ["destroy"]:
        level = CRITICAL if any(a in ("-r", "-R", "-rf", "-Rf") for a in argv) else HIGH
        ctx.add(level, "destroys a ZFS dataset and its snapshots", command)
    elif command.name == "btrfs" and "delete" in words[:2]:
        ctx.add(HIGH, "deletes a btrfs subvolume and everything in it", command)
    elif command.name == "nvme" and words[:1] in (["format"], ["sanitize"]):
        ctx.add(CRITICAL, f"erases the whole drive (nvme {words[0]})", command)
    elif words[:1] and words[0] in ("list", "get", "show", "status", "id-ctrl", "smart-log"):
        return
    else:
        ctx.add(MODERATE, f"manages storage ({command.name})", command)


def swap_or_mount(command: Command, ctx: Context) -> None:
    if command.name == "mkswap" and _devices(command):
        ctx.add(CRITICAL, f"turns {_devices(command)[0]} into swap: erases it", command)
        return
    if command.name in ("mount", "findmnt") and not command.args:
        return
    if command.name in ("swapon", "mount") and any(
        a in ("--show", "-s", "--summary", "-l", "--list") for a in command.argv
    ):
        return
    argv = command.argv
    operands = [a for a in argv if not a.startswith("-")]
    remount_ro = any("remount" in a and "ro" in a.split(",") for a in argv)
    if command.name == "mount" and remount_ro and "/" in operands:
        ctx.add(HIGH, "makes the root filesystem read-only: the system stops working", command)
        return
    if command.name == "umount" and "/" in operands:
        ctx.add(HIGH, "unmounts the root filesystem", command)
        return
    vital = [o for o in operands if paths.normalise(o) in _LIVE_TREES]
    if command.name == "umount" and vital and any(a in ("-l", "-f", "-lf", "-fl") for a in argv):
        ctx.add(HIGH, f"forces {vital[0]} off while it is in use", command)
        return
    if command.name == "mount" and vital and operands[-1] in vital:
        ctx.add(
            HIGH,
            f"hides {operands[-1]} under another filesystem: the system stops working",
            command,
        )
        return
    ctx.add(MODERATE, f"changes mounted filesystems ({command.name})", command)


def fsck(command: Command, ctx: Context) -> None:
    """`e2fsck -n`, `xfs_repair -n`: check only, every repair answered no."""
    if any(a in ("-n", "--dry-run", "--readonly") for a in command.argv):
        return
    ctx.add(MODERATE, f"checks and repairs a filesystem ({command.name})", command)


_LIVE_TREES = frozenset("/etc /usr /bin /sbin /lib /var /home /boot /root".split())
_MKFS = "mkfs mke2fs mkntfs mkdosfs mkexfatfs mkfs.ext2 mkfs.ext3 mkfs.ext4 mkfs.xfs mkfs.btrfs"
_MKFS += " mkfs.vfat mkfs.fat mkfs.msdos mkfs.ntfs mkfs.exfat mkfs.f2fs mkfs.minix newfs"

RULES: dict[str, Rule] = {
    **dict.fromkeys(_MKFS.split(), mkfs),
    "wipefs": wipefs,
    **dict.fromkeys(
        split_words("blkdiscard badblocks hdparm sgdisk mdadm cryptsetup zpool flashrom"),
        erase_tool,
    ),
    **dict.fromkeys(split_words("fdisk sfdisk cfdisk gdisk parted"), partition),
    "diskutil": diskutil,
    "smartctl": smartctl,
    **dict.fromkeys(split_words("pvremove vgremove lvremove"), volumes),
    **dict.fromkeys(split_words("zfs btrfs nvme"), filesystems),
    **dict.fromkeys(split_words("mkswap mount umount swapon"), swap_or_mount),
    **dict.fromkeys(
        split_words(
            "fsck e2fsck fsck.ext2 fsck.ext3 fsck.ext4 fsck.vfat fsck.fat fsck.xfs dosfsck "
            "xfs_repair fsck_apfs fsck_hfs"
        ),
        fsck,
    ),
}
