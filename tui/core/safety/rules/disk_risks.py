"""Disk tools the main disk rules leave at "manages disks": forensic copiers aimed at a disk,
partition images restored over one, a volume group or a RAID array stripped of a disk, repairs
that guess and throw away, and the random-key mapping people open only to wipe a disk through.
"""

from __future__ import annotations

import itertools
import posixpath

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.words import split_words


def dc3dd(command: Command, ctx: Context) -> None:
    """`dc3dd wipe=/dev/sdb`, `dc3dd if=x of=/dev/sda`: dd's forensic cousin."""
    targets = [
        a.split("=", 1)[1]
        for a in command.argv
        if a.split("=", 1)[0] in ("of", "hof", "wipe", "hwipe", "ofs", "hofs") and "=" in a
    ]
    disk = next((t for t in targets if paths.is_block_device(t)), None)
    if disk is not None:
        ctx.add(CRITICAL, f"writes over the disk {disk}: what it held is lost", command)
    else:
        ctx.add(MODERATE, f"copies or hashes data ({command.name})", command)


def partition_image(command: Command, ctx: Context) -> None:
    """`ntfsclone --overwrite /dev/sda1 img`, `partclone.ext4 -r -s img -o /dev/sdb1`."""
    argv = command.argv
    if command.name == "ntfsclone":
        target = next((b for a, b in itertools.pairwise(argv) if a in ("-O", "--overwrite")), None)
    else:
        restoring = any(a in ("-r", "--restore", "-b", "--dev-to-dev") for a in argv)
        out = next((b for a, b in itertools.pairwise(argv) if a in ("-o", "-O", "--output")), "")
        target = out if restoring or out.startswith("/dev/") else None
    if target is not None and paths.is_block_device(target):
        ctx.add(HIGH, f"restores an image over {target}: what it held is replaced", command)
    else:
        ctx.add(MODERATE, f"saves or restores a partition image ({command.name})", command)


def vgreduce(command: Command, ctx: Context) -> None:
    """`vgreduce --removemissing --force vg0`: volumes on the missing disk are dropped."""
    argv = command.argv
    if any(a in ("-t", "--test") for a in argv):
        ctx.add(MODERATE, "shows what vgreduce would do (--test)", command)
    elif "--removemissing" in argv and any(a in ("-f", "--force") for a in argv):
        reason = "drops the volumes on a missing disk from the group (vgreduce --force): data lost"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, "takes a disk out of a volume group (vgreduce)", command)


_BTRFS_GUESSES = frozenset(
    split_words(
        "--repair --init-csum-tree --init-extent-tree zero-log chunk-recover super-recover "
        "fix-device-size"
    )
)


def btrfs_repair(command: Command, ctx: Context) -> None:
    """`btrfs check --repair`, `btrfs rescue zero-log`: the tool's own manual warns of loss."""
    found = next((a for a in command.argv if a in _BTRFS_GUESSES), None)
    if found is not None:
        reason = f"repairs btrfs by guessing ({found}): what it cannot place is thrown away"
        ctx.add(HIGH, reason, command)


def mdadm_degrade(command: Command, ctx: Context) -> None:
    """`mdadm /dev/md0 --fail /dev/sda1 --remove /dev/sda1`: the array loses a mirror."""
    argv = command.argv
    first = next((i for i, a in enumerate(argv) if not a.startswith("-")), len(argv))
    array = first < len(argv) and argv[first].startswith("/dev/md")
    managed = set(argv[:first]) <= {"--manage", "-v", "--verbose"}
    degrading = {"--fail", "-f", "--remove", "-r", "--set-faulty"} & set(argv[first + 1 :])
    shrunk = any(a in ("--grow", "-G") for a in argv) and (
        any(a in ("--raid-devices=1", "-n1") for a in argv)
        or any(a in ("--raid-devices", "-n") and b == "1" for a, b in itertools.pairwise(argv))
    )
    if shrunk:
        reason = "shrinks a RAID array to one disk: it runs without its redundancy (mdadm)"
        ctx.add(HIGH, reason, command)
    elif array and managed and degrading:
        reason = "takes a disk out of a RAID array: it runs without its redundancy (mdadm)"
        ctx.add(HIGH, reason, command)


def random_mapping(command: Command, ctx: Context) -> None:
    """`cryptsetup open --type plain -d /dev/urandom /dev/sdb wipe`: a mapping nobody can read
    back, made only to write noise over the whole disk through it."""
    argv = command.argv
    plain = "plainOpen" in argv or "create" in argv or "--type=plain" in argv
    plain = plain or any(a == "--type" and b == "plain" for a, b in itertools.pairwise(argv))
    keys = [b for a, b in itertools.pairwise(argv) if a in ("-d", "--key-file")]
    keys += [a.split("=", 1)[1] for a in argv if a.startswith("--key-file=")]
    if plain and any(posixpath.basename(k) in ("urandom", "random") for k in keys):
        disk = next((a for a in argv if paths.is_block_device(a) and "random" not in a), "a disk")
        ctx.add(
            HIGH, f"maps {disk} with a throwaway random key: the first step of wiping it", command
        )


def header_restore(command: Command, ctx: Context) -> None:
    """`cryptsetup luksHeaderRestore DEV --header-backup-file F`: the disk's keys become F's."""
    if "luksHeaderRestore" in command.argv:
        reason = "replaces an encrypted disk's header and keys with a saved copy (cryptsetup)"
        ctx.add(HIGH, reason, command)


def pool_add(command: Command, ctx: Context) -> None:
    """`zpool add -f tank /dev/sdd`: a disk joins the pool for good, without redundancy."""
    words = [a for a in command.argv if not a.startswith("-")]
    if words[:1] == ["add"] and any(a in ("-f", "--force") for a in command.argv):
        reason = "adds a disk to a pool by force: it cannot be taken out, its data is lost"
        ctx.add(HIGH, reason, command)


# nvme verbs that erase a namespace or write over its blocks.
_NVME_WRITES = frozenset(split_words("delete-ns write-zeroes write-uncor detach-ns dsm"))


def nvme_writes(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    if words[:1] and words[0] in _NVME_WRITES:
        ctx.add(HIGH, f"erases or overwrites blocks of an NVMe drive (nvme {words[0]})", command)


def hdparm_settings(command: Command, ctx: Context) -> None:
    """`hdparm -N p1000000` hides the disk's end; `--fwdownload` replaces its firmware."""
    argv = command.argv
    hidden = any(a == "-N" and not b.startswith("/") for a, b in itertools.pairwise(argv))
    hidden = hidden or any(a.startswith("-N") and len(a) > 2 for a in argv)
    if hidden or any(a.startswith(("--fwdownload", "--make-bad-sector")) for a in argv):
        reason = "hides part of a drive or replaces its firmware (hdparm): data may be lost"
        ctx.add(HIGH, reason, command)


def sg_tools(command: Command, ctx: Context) -> None:
    """`sg_sanitize --crypto /dev/sdb`, `sg_unmap`, `sg_write_same`: SCSI commands that erase."""
    argv = command.argv
    disk = next((a for a in argv if paths.is_block_device(a) or a.startswith("/dev/sg")), None)
    if command.name == "sg_sanitize" and disk and len(argv) > 1:
        ctx.add(CRITICAL, f"erases the whole drive {disk} (sg_sanitize)", command)
    elif disk and command.name in ("sg_unmap", "sg_write_same"):
        ctx.add(HIGH, f"discards or overwrites blocks of {disk} ({command.name})", command)
    else:
        ctx.add(MODERATE, f"sends commands to a drive ({command.name})", command)


def volume_metadata(command: Command, ctx: Context) -> None:
    """`lvconvert --merge vg/snap` rolls a volume back; `vgcfgrestore` rewrites a group's map."""
    argv = command.argv
    if any(a in ("-t", "--test", "-l", "--list") for a in argv):
        ctx.add(MODERATE, f"shows what {command.name} would do", command)
    elif command.name == "vgcfgrestore" or "--merge" in argv or "--mergesnapshot" in argv:
        what = "a volume group's layout" if command.name == "vgcfgrestore" else "a volume"
        ctx.add(HIGH, f"rolls {what} back to an older copy ({command.name})", command)
    else:
        ctx.add(MODERATE, f"changes a logical volume ({command.name})", command)


def e2image(command: Command, ctx: Context) -> None:
    """`e2image -ra -O 0 /dev/sda1 /dev/sdb1`: the copy is written over the second device."""
    operands = [a for a in command.argv if not a.startswith("-")]
    if operands and paths.is_block_device(operands[-1]) and len(operands) > 1:
        ctx.add(HIGH, f"writes a filesystem image over {operands[-1]}", command)
    else:
        ctx.add(MODERATE, "saves a filesystem's metadata to a file (e2image)", command)


def dmsetup(command: Command, ctx: Context) -> None:
    """`dmsetup remove_all`: every mapped device (encrypted disks, LVM volumes) torn down under
    whatever is using it."""
    argv = command.argv
    verb = next((a for a in argv if not a.startswith("-")), "")
    if verb in ("ls", "info", "table", "status", "deps", "version", "targets", "udevcookies"):
        return
    if verb in ("remove_all", "remove", "wipe_table"):
        ctx.add(HIGH, f"tears down mapped disks under what uses them (dmsetup {verb})", command)
    else:
        ctx.add(MODERATE, f"changes mapped disks (dmsetup {verb})".strip(), command)


RULES: dict[str, Rule] = {
    "dmsetup": dmsetup,
    **dict.fromkeys(split_words("sg_sanitize sg_unmap sg_write_same"), sg_tools),
    **dict.fromkeys(split_words("lvconvert vgcfgrestore"), volume_metadata),
    "e2image": e2image,
    "dc3dd": dc3dd,
    **dict.fromkeys(
        split_words(
            "ntfsclone partclone.ext4 partclone.ext3 partclone.ntfs partclone.fat "
            "partclone.vfat partclone.btrfs partclone.xfs partclone.dd partclone.restore"
        ),
        partition_image,
    ),
    "vgreduce": vgreduce,
}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    "btrfs": (btrfs_repair,),
    "mdadm": (mdadm_degrade,),
    "cryptsetup": (random_mapping, header_restore),
    "zpool": (pool_add,),
    "nvme": (nvme_writes,),
    "hdparm": (hdparm_settings,),
}
