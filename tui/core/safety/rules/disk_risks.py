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
    array = bool(argv) and argv[0].startswith("/dev/md")
    if array and any(a in ("--fail", "-f", "--remove", "-r", "--set-faulty") for a in argv):
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


RULES: dict[str, Rule] = {
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
    "cryptsetup": (random_mapping,),
}
