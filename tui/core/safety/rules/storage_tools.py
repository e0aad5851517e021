"""Storage tools the disk rules leave at "manages storage": frozen filesystems, iSCSI sessions,
multipath maps, loop and zram devices, udisks, volume groups switched off, cgroups removed,
pools and arrays stripped of a disk, and drive firmware replaced.

Reports and checks are safe. Freezing the root filesystem, logging out of every iSCSI target,
powering off or deactivating the disks the system runs from, shrinking a btrfs filesystem or
giving up its redundancy, stopping a RAID array, and replacing a drive's firmware are HIGH.
"""

from __future__ import annotations

import itertools
import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

# Mount points whose freezing or loss stops the running system.
_SYSTEM_MOUNTS = frozenset(split_words("/ /usr /var /home /boot /etc"))


def fsfreeze(command: Command, ctx: Context) -> None:
    argv = command.argv
    target = next((a.rstrip("/") or "/" for a in argv if not a.startswith("-")), "")
    if any(a in ("-f", "--freeze") for a in argv) and target in _SYSTEM_MOUNTS:
        reason = f"freezes {target}: every program writing there hangs until it is thawed"
        ctx.add(HIGH, f"{reason} (fsfreeze)", command)
    else:
        ctx.add(MODERATE, "freezes or thaws a filesystem (fsfreeze)", command)


def iscsiadm(command: Command, ctx: Context) -> None:
    argv = command.argv
    logs_out = any(a in ("-u", "--logout") or a.startswith("--logoutall") for a in argv)
    ops = ("delete", "update")
    deletes = any(a in ("-o", "--op") and b in ops for a, b in itertools.pairwise(argv))
    if logs_out or deletes:
        ctx.add(HIGH, "disconnects network disks (iscsiadm): what runs from them fails", command)
    elif any(a in ("-l", "--login", "-o", "--op") for a in argv) or "discovery" in argv:
        ctx.add(MODERATE, "connects or configures network disks (iscsiadm)", command)


def multipath(command: Command, ctx: Context) -> None:
    argv = command.argv
    if any(re.fullmatch(r"-l+|-d|-t|-T|-c|-C|-i", a) for a in argv) and not any(
        a in ("-f", "-F") for a in argv
    ):
        return
    ctx.add(MODERATE, "changes multipath disk maps (multipath)", command)


def e4defrag(command: Command, ctx: Context) -> None:
    if "-c" not in command.argv:
        ctx.add(MODERATE, "defragments files in place (e4defrag)", command)


def xfs_admin(command: Command, ctx: Context) -> None:
    """`xfs_admin -l` and `-u` print the label and the UUID; the rest rewrite them."""
    changes = [a for a in command.argv if a.startswith("-") and a not in ("-l", "-u", "-f")]
    if changes:
        ctx.add(MODERATE, "changes a filesystem's label, UUID or features (xfs_admin)", command)


def losetup(command: Command, ctx: Context) -> None:
    argv = command.argv
    lists = ("-a", "--all", "-l", "--list", "-j", "--associated", "-n", "--noheadings")
    if not argv or all(a in lists or a.startswith("--output") for a in argv):
        return
    ctx.add(MODERATE, "attaches or detaches loop devices (losetup)", command)


def zramctl(command: Command, ctx: Context) -> None:
    argv = command.argv
    if not argv or all(
        a in ("-n", "--noheadings", "--raw", "-b", "--bytes") or a.startswith(("--output", "-o"))
        for a in argv
    ):
        return
    ctx.add(MODERATE, "sets up or resets compressed memory devices (zramctl)", command)


_UDISKS_READS = frozenset(split_words("status info dump monitor help"))


def udisksctl(command: Command, ctx: Context) -> None:
    argv = command.argv
    verb = argv[0] if argv else "status"
    device = next((b for a, b in itertools.pairwise(argv) if a in ("-b", "--block-device")), "")
    if verb in _UDISKS_READS:
        return
    if verb == "power-off" and _system_disk(device):
        reason = f"powers off {device}, a disk the system may be running from (udisksctl)"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"manages disks, volumes or filesystems (udisksctl {verb})", command)


def _system_disk(device: str) -> bool:
    """`/dev/sda`, `/dev/nvme0n1`, `/dev/vda`: the first disk, where systems are installed."""
    return bool(re.fullmatch(r"/dev/(sda|vda|xvda|hda|nvme0n1|mmcblk0)\d*(p\d+)?", device))


def vgchange(command: Command, ctx: Context) -> None:
    """`vgchange -an vg0`: every volume of the group goes away under what is using it."""
    argv = command.argv
    off = any(re.fullmatch(r"-a[n]|--activate=?n", a) for a in argv) or any(
        a in ("-a", "--activate") and b == "n" for a, b in itertools.pairwise(argv)
    )
    if off and not any(a in ("-t", "--test") for a in argv):
        ctx.add(HIGH, "switches off every volume of the group: filesystems on them stop", command)
    else:
        ctx.add(MODERATE, "changes a volume group (vgchange)", command)


def cgdelete(command: Command, ctx: Context) -> None:
    """`cgdelete -r -g cpu,memory:/system.slice`: the services' control groups torn down."""
    text = " ".join(command.argv)
    if re.search(r":/?(system\.slice|init\.scope)?(\s|$)", text):
        reason = "removes the control groups of the system's services (cgdelete)"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, "removes control groups (cgdelete)", command)


def zpool_detach(command: Command, ctx: Context) -> None:
    """`zpool detach tank sdb`: a mirror loses one of its copies."""
    words = [a for a in command.argv if not a.startswith("-")]
    if words[:1] == ["detach"]:
        ctx.add(HIGH, "takes a disk out of a mirror: the pool loses a copy (zpool detach)", command)


def btrfs_layout(command: Command, ctx: Context) -> None:
    """`btrfs filesystem resize -100g /`, `balance -dconvert=single`, `device add -f`."""
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    if words[:2] in (["filesystem", "resize"], ["fi", "resize"]) and any(
        re.fullmatch(r"(\d+:)?-\d+[kmgtKMGT]?", a) for a in argv
    ):
        ctx.add(HIGH, "shrinks a btrfs filesystem in place: a wrong size loses data", command)
    elif words[:1] == ["balance"] and any(re.search(r"convert=(single|raid0)\b", a) for a in argv):
        ctx.add(HIGH, "gives up a btrfs filesystem's second copies (balance convert)", command)
    elif words[:2] == ["device", "add"] and any(a in ("-f", "--force") for a in argv):
        disk = next((w for w in words[2:] if paths.is_block_device(w)), "the disk")
        ctx.add(HIGH, f"adds {disk} by force, over the filesystem it held (btrfs)", command)


def mdadm_stop(command: Command, ctx: Context) -> None:
    argv = command.argv
    if any(a in ("--stop", "-S") for a in argv):
        ctx.add(HIGH, "stops a RAID array under what uses it (mdadm --stop)", command)
    elif any(a in ("--assemble", "-A") for a in argv) and any(a in ("--force", "-f") for a in argv):
        reason = "forces a RAID array together from disks out of step: stale data may win"
        ctx.add(HIGH, f"{reason} (mdadm --assemble --force)", command)


def nvme_firmware(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    verb = words[0] if words else ""
    if verb in ("fw-download", "fw-commit", "fw-activate"):
        ctx.add(HIGH, f"replaces the drive's firmware (nvme {verb}): it may not start", command)
    elif verb == "delete-ns":
        ctx.add(
            CRITICAL, "deletes an NVMe namespace and every byte in it (nvme delete-ns)", command
        )


def hdparm_destroy(command: Command, ctx: Context) -> None:
    if "--please-destroy-my-drive" in command.argv:
        ctx.add(CRITICAL, "runs an hdparm action its makers say can destroy the drive", command)


RULES: dict[str, Rule] = {
    "fsfreeze": fsfreeze,
    "iscsiadm": iscsiadm,
    "multipath": multipath,
    "e4defrag": e4defrag,
    "xfs_admin": xfs_admin,
    "losetup": losetup,
    "zramctl": zramctl,
    "udisksctl": udisksctl,
    "vgchange": vgchange,
    "cgdelete": cgdelete,
}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    "zpool": (zpool_detach,),
    "btrfs": (btrfs_layout,),
    "mdadm": (mdadm_stop,),
    "nvme": (nvme_firmware,),
    "hdparm": (hdparm_destroy,),
}
