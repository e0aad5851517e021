"""Disks and filesystems: mkfs, wipefs, partitioning, secure erase, volume managers."""

from __future__ import annotations

import itertools
import posixpath
import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.targets import classify_empty
from tui.core.safety.words import split_words


def _devices(command: Command) -> list[str]:
    return [w.value for w in command.args if paths.is_block_device(w.value)]


# Names of disk image files: a partition table or a signature written there loses no disk.
_IMAGE_FILE = lazy_pattern(r"\.(img|iso|raw|qcow2|vhdx?|vmdk|vdi|dd|image|luks|dmg|sparseimage)$")


def image_only(command: Command) -> bool:
    """`parted disk.img mklabel gpt`, `wipefs -a disk.img`: the tool works on an image file
    named in the command, and on no device."""
    operands = [w for w in command.args if not w.value.startswith("-")]
    image = any(_IMAGE_FILE.search(w.value) and not w.dynamic for w in operands)
    return image and not _devices(command) and not _dynamic_target(command)


# `$(findmnt -no SOURCE /)`, `$(df / | tail -1 | awk ...)`, `/dev/root`: the device the running
# system is mounted from, found when the command runs.
_ROOT_SOURCE = lazy_pattern(
    r"(?:\$\(|`)\s*(?:sudo\s+)?(?:findmnt|df)\b[^)`]*?\s/(?:[\s)`\"'|]|$)|^/dev/root$"
)


def root_device(command: Command) -> bool:
    """The device named at run time is the one the running system is mounted from."""
    return any(_ROOT_SOURCE.search(w.raw) for w in command.args if not w.value.startswith("-"))


def _dynamic_target(command: Command) -> bool:
    return any(w.dynamic for w in command.args if not w.value.startswith("-"))


# Options with which a filesystem maker only shows what it would do (`mke2fs -n`).
_MKFS_DRY_RUNS = {
    **dict.fromkeys(split_words("mke2fs mkfs.ext2 mkfs.ext3 mkfs.ext4"), ("-n",)),
    **dict.fromkeys(split_words("mkfs.xfs newfs"), ("-N",)),
    "wipefs": ("-n", "--no-act"),
}


def _dry_run(command: Command) -> bool:
    flags = _MKFS_DRY_RUNS.get(command.name, ())
    if command.name == "mkfs" and any(w.value.startswith("ext") for w in command.args):
        flags = ("-n",)
    return any(_has_flag(w.value, flag) for w in command.args for flag in flags)


def _has_flag(value: str, flag: str) -> bool:
    """`-n` given alone, inside a cluster of short options (`-fn`), or as a long option."""
    if flag.startswith("--") or value.startswith("--"):
        return value == flag
    return value.startswith("-") and flag[1] in value[1:] and value[1:].isalpha()


def mkfs(command: Command, ctx: Context) -> None:
    if _dry_run(command):
        return  # `mke2fs -n`: only shows what it would do
    devices = _devices(command)
    if devices:
        ctx.add(CRITICAL, f"formats {devices[0]}: erases everything on it", command)
    elif root_device(command):
        reason = "formats the disk the running system is on (found with findmnt or df): erases it"
        ctx.add(CRITICAL, reason, command)
    elif _dynamic_target(command):
        ctx.add(HIGH, "formats a device named only at run time: erases everything on it", command)
    else:
        ctx.add(MODERATE, "creates a filesystem inside a file", command)


def wipefs(command: Command, ctx: Context) -> None:
    opts = options(command, "-o --offset -t --types -O --output")
    if _dry_run(command):
        return  # `wipefs --no-act`: only shows what it would erase
    if image_only(command):
        ctx.add(MODERATE, "wipes the signatures inside a disk image file (wipefs)", command)
        return
    if opts.has("-a", "--all", "-o", "--offset"):
        target = next(iter(_devices(command)), "the device")
        ctx.add(CRITICAL, f"wipes the filesystem signatures on {target}: its data is lost", command)
    # without -a or -o, wipefs only lists the signatures


_READ_MODES = {
    "hdparm": ("-I", "-i", "-t", "-T", "-g", "-C", "-B"),
    "sgdisk": ("-p", "--print", "-i", "--info", "-v", "--verify"),
    "sfdisk": (
        "-d",
        "--dump",
        "-l",
        "--list",
        "-s",
        "--show-size",
        "-J",
        "--json",
        "-V",
        "-F",
        "--list-free",
        "-T",
        "--list-types",
        "--verify",
    ),
    "mdadm": ("--detail", "-D", "--examine", "-E", "--query", "-Q"),
    "cryptsetup": ("status", "luksDump", "isLuks", "--version", "benchmark", "luksUUID"),
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
    clustered = [a for a in argv if re.fullmatch(r"-[a-zA-Z]{2,}", a)]  # `hdparm -tT`
    letters = {m[1] for m in modes if re.fullmatch(r"-[a-zA-Z]", m)}
    if clustered and all(set(a[1:]) <= letters for a in clustered):
        return True
    return any(a in modes for a in argv) or (command.name == "badblocks" and bool(argv))


def smartctl(command: Command, ctx: Context) -> None:
    if not reads_only(command):
        ctx.add(MODERATE, "starts a disk self-test or changes its settings (smartctl)", command)


def erase_tool(command: Command, ctx: Context) -> None:
    if reads_only(command):
        return
    if image_only(command):
        ctx.add(MODERATE, f"works on a disk image file ({command.name})", command)
        return
    """blkdiscard, badblocks -w, hdparm --security-erase, sgdisk --zap-all, ..."""
    name = command.name
    argv = command.argv
    destructive = {
        "blkdiscard": True,
        "badblocks": any(a in ("-w",) or (a.startswith("-") and "w" in a) for a in argv),
        "hdparm": any("erase" in a or "write-sector" in a or "trim-sector" in a for a in argv),
        "sgdisk": any(_option(a, _SGDISK_ERASES) for a in argv),
        "mdadm": any(a in ("--zero-superblock", "--create", "-C") for a in argv),
        "cryptsetup": any(a in ("luksFormat", "erase", "luksErase", "reencrypt") for a in argv),
        "zpool": any(a in ("destroy", "labelclear", "create") for a in argv),
        "sg_format": any(a in ("--format", "-F") for a in argv),
        "flashrom": any(a in ("-w", "--write", "-E", "--erase") for a in argv),
    }.get(name, False)
    if destructive:
        target = next(iter(_devices(command)), "the disk or pool")
        ctx.add(CRITICAL, f"erases {target} ({name})", command)
    elif name == "cryptsetup" and any(a in _KEY_REMOVALS for a in argv):
        reason = "removes a key of an encrypted disk: without another key its data is lost"
        ctx.add(HIGH, reason, command)
    elif name == "sgdisk" and any(_option(a, _SGDISK_EDITS) for a in argv):
        ctx.add(HIGH, "edits the partition table (sgdisk)", command)
    elif name == "hdparm" and any(_option(a, _HDPARM_LOCKS) for a in argv):
        reason = "sets a drive password or its size (hdparm): a mistake locks or hides the data"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"manages disks ({name})", command)


_KEY_REMOVALS = frozenset(split_words("luksKillSlot luksRemoveKey"))
# sgdisk options that wipe a table, delete a partition, or write another table over this one.
_SGDISK_ERASES = frozenset(
    split_words("-Z --zap-all -o --clear -z --zap -d --delete -R --replicate -l --load-backup")
)
_SGDISK_EDITS = frozenset(
    split_words("-n --new -t --typecode -c --change-name -s --sort -e --move-second-header")
)
_HDPARM_LOCKS = frozenset(split_words("--security-set-pass --dco-restore"))


def _option(arg: str, names: frozenset[str]) -> bool:
    """`-d`, `-d1`, `--delete`, `--delete=2`: the option given alone or with its value."""
    if arg.startswith("--"):
        return arg.partition("=")[0] in names
    return arg[:2] in names


def partition(command: Command, ctx: Context) -> None:
    argv = command.argv
    if command.name == "sfdisk" and reads_only(command):
        return
    if command.name == "sfdisk" and any(a in ("-n", "--no-act") for a in argv):
        ctx.add(MODERATE, "shows what sfdisk would write (--no-act)", command)
        return
    if image_only(command):
        ctx.add(MODERATE, f"partitions a disk image file ({command.name})", command)
        return
    shows: tuple[str, ...] = (
        "-l",
        "--list",
        "print",
        "-s",
        "align-check",
        "-x",
        "--list-details",
        "-F",
    )
    if command.name == "parted":  # parted's `-s` is --script: it answers every question itself
        shows = tuple(s for s in shows if s != "-s")
    if any(a in shows for a in argv) and not _writes_table(argv) and "mkpart" not in argv:
        return
    fed = command.stdin.literal if command.stdin is not None else None
    script = " ".join(w.value for w in fed) if fed else ""
    script += " ".join(r.body.value for r in command.redirects if r.body is not None)
    writes = bool(re.search(r"(^|\s|\\n)w(\s|\\n|$)", script))  # `echo -e "o\nw" | fdisk`
    shown = script.replace("\\n", " ").split()
    if shown and set(shown) <= _FDISK_SHOWS and not _writes_table(argv):
        ctx.add(
            MODERATE, f"shows the partition table ({command.name}, fed {' '.join(shown)})", command
        )
        return
    # sfdisk reads a new table from its input and writes it, unless told not to (--no-act)
    sfdisk_writes = command.name == "sfdisk" and not any(a in ("-n", "--no-act") for a in argv)
    if _writes_table(argv) or (sfdisk_writes and _devices(command)) or writes:
        ctx.add(CRITICAL, f"rewrites the partition table ({command.name}): data is lost", command)
        return
    ctx.add(HIGH, f"edits the partition table ({command.name})", command)


# fdisk's menu letters that only show something, or quit without writing.
_FDISK_SHOWS = frozenset(split_words("p l i v F q m"))


def _writes_table(argv: list[str]) -> bool:
    return any(a in ("mklabel", "mktable", "rm", "resizepart", "--wipe", "-w") for a in argv)


# diskutil verbs (lower case, also under `diskutil apfs` / `diskutil cs`) and what they do.
_DISKUTIL_VERBS = {
    "disableownership": (HIGH, "ignores who owns each file on the volume: anyone may change any"),
    **dict.fromkeys(
        split_words(
            "erasedisk erasevolume zerodisk secureerase randomdisk partitiondisk reformat "
            "deletecontainer deletevolume deletelvg deletelv mergepartitions"
        ),
        (CRITICAL, "erases a disk, a volume or a container (diskutil {verb})"),
    ),
    **dict.fromkeys(
        split_words("resizevolume resizecontainer splitpartition deletesnapshot eraseoptical"),
        (HIGH, "changes a disk's layout or deletes a snapshot (diskutil {verb})"),
    ),
}
_DISKUTIL_READS = frozenset(
    split_words(
        "list info activity verifyvolume verifydisk listfilesystems listsnapshots listcryptousers "
        "listvolumegroups listusers"
    )
)


def diskutil(command: Command, ctx: Context) -> None:
    argv = [a.lower() for a in command.argv if not a.startswith("-")]
    verbs = argv[1:2] if argv[:1] in (["apfs"], ["cs"], ["coreStorage".lower()]) else argv[:1]
    verb = verbs[0] if verbs else ""
    if verb in _DISKUTIL_VERBS:
        level, reason = _DISKUTIL_VERBS[verb]
        ctx.add(level, reason.format(verb=verb), command)
    elif verb in ("unmount", "unmountdisk", "eject") and "force" in argv:
        reason = "forces a disk off while in use: programs lose what they were writing"
        ctx.add(HIGH, f"{reason} (diskutil {verb} force)", command)
    elif verb in _DISKUTIL_READS:
        return
    else:
        ctx.add(MODERATE, "manages disks (diskutil)", command)


_TMUTIL = {
    **dict.fromkeys(
        split_words("delete deletelocalsnapshots thinlocalsnapshots disable removeexclusion"),
        HIGH,
    ),
    **dict.fromkeys(
        split_words(
            "listbackups latestbackup status destinationinfo listlocalsnapshots "
            "listlocalsnapshotdates isexcluded machinedirectory compare verifychecksums version"
        ),
        None,
    ),
}


def tmutil(command: Command, ctx: Context) -> None:
    """Time Machine: deleting backups or snapshots, or switching backups off, loses history."""
    verb = next((a.lower() for a in command.argv if not a.startswith("-")), "")
    if verb not in _TMUTIL:
        ctx.add(
            MODERATE, f"changes Time Machine backups (tmutil {verb})".replace(" )", ")"), command
        )
    elif verb == "delete" and _every_backup(command.argv):
        reason = "deletes every Time Machine backup of the machine: no older copy is left"
        ctx.add(CRITICAL, f"{reason} (tmutil delete)", command)
    elif _TMUTIL[verb] is not None:
        ctx.add(HIGH, f"deletes Time Machine backups or turns them off (tmutil {verb})", command)


def _every_backup(argv: list[str]) -> bool:
    """`tmutil delete .../Backups.backupdb/Mac/*`: a pattern, or the machine's folder, that
    names all of its backups rather than one dated backup."""
    for arg in argv:
        head, _, last = arg.rstrip("/").rpartition("/")
        if "Backups.backupdb" not in arg:
            continue
        if set(last) <= set("*?") or head.endswith("Backups.backupdb"):
            return True
    return False


def boot_loader(command: Command, ctx: Context) -> None:
    """`grub-install /dev/sda`: the disk's boot code is rewritten; a mistake stops the boot."""
    devices = _devices(command)
    if devices:
        ctx.add(
            HIGH, f"rewrites the boot loader on {devices[0]}: a mistake stops the boot", command
        )
    else:
        reason = f"reinstalls the boot loader ({command.name}): a mistake stops the boot"
        ctx.add(HIGH, reason, command)


# efibootmgr options that change the firmware's boot entries, and those that delete one.
_EFI_CHANGES = frozenset(split_words("-o --bootorder -n --bootnext -a -A --active --inactive -c"))
_EFI_DELETES = frozenset(split_words("-B --delete-bootnum -O --delete-bootorder"))


def efibootmgr(command: Command, ctx: Context) -> None:
    """`efibootmgr -b 0001 -B`: the firmware forgets how to start a system."""
    argv = set(command.argv)
    if argv & _EFI_DELETES:
        reason = "deletes a firmware boot entry (efibootmgr): the machine may no longer start"
        ctx.add(CRITICAL, reason, command)
    elif argv & _EFI_CHANGES:
        ctx.add(MODERATE, "changes the firmware's boot entries (efibootmgr)", command)


def asr(command: Command, ctx: Context) -> None:
    """`asr restore --source IMG --target VOL --erase`: the target volume is replaced."""
    if "--erase" in command.argv:
        ctx.add(CRITICAL, "erases the target volume and restores an image over it (asr)", command)
    else:
        ctx.add(MODERATE, "copies a disk image onto a volume (asr)", command)


def ddrescue(command: Command, ctx: Context) -> None:
    """`ddrescue [opts] INFILE OUTFILE [MAPFILE]`: OUTFILE is overwritten block by block."""
    operands = [w.value for w in command.args if not w.value.startswith("-")]
    target = operands[1] if len(operands) >= 2 else ""
    if paths.is_block_device(target):
        ctx.add(CRITICAL, f"overwrites the whole disk {target} (ddrescue)", command)
    else:
        ctx.add(MODERATE, "copies raw data (ddrescue)", command)


_VOLUME_EFFECTS = {
    **dict.fromkeys(split_words("pvremove vgremove lvremove"), "removes a storage volume"),
    **dict.fromkeys(split_words("lvreduce"), "shrinks a storage volume"),
    **dict.fromkeys(split_words("pvcreate"), "turns a disk into an LVM volume, over its data"),
}


def _shrinks(argv: list[str]) -> bool:
    """`-L-10G`, `--size=-10G`, `-L -10G`, `-l -50%FREE`: a size given with a minus sign."""
    if any(a.startswith(("-L-", "-l-", "--size=-", "--extents=-")) for a in argv):
        return True
    sized = ("-L", "-l", "--size", "--extents")
    return any(a in sized and b.startswith("-") for a, b in itertools.pairwise(argv))


def volumes(command: Command, ctx: Context) -> None:
    argv = command.argv
    if any(a in ("-t", "--test") for a in argv):  # LVM's dry run: nothing is written
        ctx.add(MODERATE, f"shows what {command.name} would do (--test)", command)
        return
    if command.name == "lvresize" and not _shrinks(argv):
        ctx.add(MODERATE, "resizes a storage volume (lvresize)", command)
        return
    forced = any(a in ("-f", "-ff", "--force", "-y", "--yes") for a in argv)
    # removing a logical volume or a group loses its data once the prompt is answered; pvremove
    # refuses a disk still in a group unless forced
    removes = command.name in ("lvremove", "vgremove")
    level = CRITICAL if forced or removes or any("root" in a for a in argv) else HIGH
    what = _VOLUME_EFFECTS.get(command.name, "shrinks a storage volume")
    ctx.add(level, f"{what} ({command.name}): its data is lost", command)


def _zfs_dry_run(argv: list[str]) -> bool:
    return any(re.fullmatch(r"-[a-zA-Z]*n[a-zA-Z]*", a) for a in argv)


# Verbs of zfs, btrfs and nvme that only report.
_STORAGE_READS = frozenset(
    split_words(
        "list get show status id-ctrl id-ns smart-log error-log df usage stats diff fw-log "
        "list-ns list-subsys show-regs get-feature get-log effects-log"
    )
)


def filesystems(command: Command, ctx: Context) -> None:
    """zfs destroy, btrfs subvolume delete, nvme format/sanitize."""
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    # `btrfs subvolume list /`, `btrfs filesystem df /`: the verb follows the object
    verb = words[1:2] if command.name == "btrfs" else words[:1]
    if command.name == "zfs" and words[:1] == ["destroy"] and _zfs_dry_run(argv):
        ctx.add(MODERATE, "shows what zfs destroy would remove (dry run)", command)
    elif command.name == "zfs" and words[:1] == ["destroy"]:
        level = CRITICAL if any(re.fullmatch(r"-[a-zA-Z]*[rR][a-zA-Z]*", a) for a in argv) else HIGH
        ctx.add(level, "destroys a ZFS dataset and its snapshots", command)
    elif command.name == "zfs" and words[:1] in (["receive"], ["recv"]) and "-F" in argv:
        reason = "replaces a ZFS dataset with the stream (zfs receive -F): its changes are lost"
        ctx.add(HIGH, reason, command)
    elif command.name == "zfs" and words[:1] == ["rollback"]:
        reason = "rolls a ZFS dataset back: every change since the snapshot is lost"
        ctx.add(HIGH, reason + (", and the later snapshots" if "-r" in argv else ""), command)
    elif command.name == "btrfs" and words[:1] == ["check"] and "--readonly" in argv:
        return
    elif command.name == "btrfs" and words[1:2] in (["delete"], ["del"], ["d"]):
        _subvolume_delete(command, ctx, words[2:])
    elif command.name == "nvme" and words[:1] in (["format"], ["sanitize"]):
        ctx.add(CRITICAL, f"erases the whole drive (nvme {words[0]})", command)
    elif verb and verb[0] in _STORAGE_READS:
        return
    else:
        ctx.add(MODERATE, f"manages storage ({command.name})", command)


# Subvolume names distributions and snapper give the system and the homes (`@`, `@home`).
_SYSTEM_SUBVOLUMES = frozenset(split_words("@ @home @root @var @usr @rootfs root home"))


def _subvolume_delete(command: Command, ctx: Context, targets: list[str]) -> None:
    """`btrfs subvolume delete /mnt/@home`: the whole system or every home folder is gone."""
    vital = [t for t in targets if posixpath.basename(t.rstrip("/")) in _SYSTEM_SUBVOLUMES]
    if "/" in targets:
        ctx.add(CRITICAL, "deletes the btrfs subvolume mounted at /: the whole system", command)
    elif vital:
        reason = f"deletes the btrfs subvolume {vital[0]}: the system or every home folder on it"
        ctx.add(CRITICAL, reason, command)
    else:
        ctx.add(HIGH, "deletes a btrfs subvolume and everything in it", command)


def gpart(command: Command, ctx: Context) -> None:
    """FreeBSD's `gpart destroy -F ada1`, `gpart delete -i 2 ada1` (show and list only report)."""
    words = [a for a in command.argv if not a.startswith("-")]
    verb = words[0] if words else ""
    disk = next((w for w in reversed(words[1:]) if not w.isdigit()), "the disk")
    if verb == "destroy":
        ctx.add(
            CRITICAL, f"destroys the partition table of {disk}: every partition is lost", command
        )
    elif verb == "delete":
        ctx.add(HIGH, f"deletes a partition of {disk} and what it holds", command)
    elif verb in ("create", "bootcode", "recover", "restore"):
        reason = f"writes a new partition table or boot code on {disk} (gpart {verb})"
        ctx.add(HIGH, f"{reason}: a mistake loses the disk or its boot", command)
    else:
        ctx.add(MODERATE, f"changes the partitions of {disk} (gpart {verb})".strip(), command)


# Folders every user may write to: mounted `nosuid,nodev` so nobody plants root programs there.
_SHARED_WRITABLE = frozenset(("/tmp", "/var/tmp", "/dev/shm"))


def swap_or_mount(command: Command, ctx: Context) -> None:
    if command.name == "mkswap" and _devices(command):
        ctx.add(CRITICAL, f"turns {_devices(command)[0]} into swap: erases it", command)
        return
    if command.name == "mkswap":
        _swap_over_file(command, ctx)
    if command.name in ("mount", "findmnt") and not command.args:
        return
    if command.name in ("swapon", "mount") and any(
        a in ("--show", "-s", "--summary", "-l", "--list") for a in command.argv
    ):
        return
    argv = command.argv
    operands = [a for a in argv if not a.startswith("-")]
    remount_ro = any("remount" in a and "ro" in a.split(",") for a in argv)
    flags = {f for a in argv for f in a.split(",")}
    shared = [o for o in operands if paths.normalise(o) in _SHARED_WRITABLE]
    if command.name == "mount" and shared and flags & {"suid", "dev"}:
        reason = f"lets setuid programs or devices that any user puts in {shared[0]} work"
        ctx.add(HIGH, f"{reason}: a way to root", command)
        return
    if command.name == "mount" and remount_ro and "/" in operands:
        ctx.add(HIGH, "makes the root filesystem read-only: the system stops working", command)
        return
    if command.name == "umount" and ("-a" in argv or "--all" in argv):
        ctx.add(HIGH, "unmounts every filesystem: programs lose their files", command)
        return
    if command.name == "umount" and "/" in operands:
        ctx.add(HIGH, "unmounts the root filesystem", command)
        return
    vital = [o for o in operands if paths.normalise(o) in _LIVE_TREES]
    if command.name == "umount" and vital and any(a in ("-l", "-f", "-lf", "-fl") for a in argv):
        ctx.add(HIGH, f"forces {vital[0]} off while it is in use", command)
        return
    if command.name == "mount" and vital and remount_ro:
        ctx.add(HIGH, f"makes {vital[0]} read-only: programs can no longer save there", command)
        return
    remounts = any("remount" in a.split(",") for a in argv)
    if command.name == "mount" and vital and operands[-1] in vital and not remounts:
        ctx.add(
            HIGH,
            f"hides {operands[-1]} under another filesystem: the system stops working",
            command,
        )
        return
    ctx.add(MODERATE, f"changes mounted filesystems ({command.name})", command)


def _swap_over_file(command: Command, ctx: Context) -> None:
    """`mkswap ~/Documents/thesis.pdf`: the swap signature is written over what the file held."""
    for word in command.args:
        if word.value.startswith("-"):
            continue
        lost = classify_empty(ctx.resolve(word.path))
        if lost is not None and lost.level >= HIGH:
            ctx.add(lost.level, lost.reason.replace("empties", "turns into swap", 1), command)


def nwipe(command: Command, ctx: Context) -> None:
    """nwipe (DBAN's successor): --autonuke wipes every disk it finds, without asking."""
    devices = _devices(command)
    if "--autonuke" in command.argv or devices:
        what = devices[0] if devices else "every disk attached"
        ctx.add(CRITICAL, f"wipes {what} beyond recovery (nwipe)", command)
    elif not any(a in ("--help", "-h", "--version", "-V") for a in command.argv):
        ctx.add(HIGH, "starts a disk wiper (nwipe): a disk picked in it is destroyed", command)


_FIO_WRITES = lazy_pattern(
    r"^(--)?(rw|readwrite)=(write|randwrite|rw|readwrite|randrw|trim|randtrim|trimwrite)$"
)


def fio(command: Command, ctx: Context) -> None:
    """`fio --filename=/dev/sdb --rw=write`: a write benchmark on a disk overwrites its data."""
    argv = command.argv
    targets = [a.split("=", 1)[1] for a in argv if a.startswith(("--filename=", "filename="))]
    disks = [t for part in targets for t in part.split(":") if paths.is_block_device(t)]
    if disks and any(_FIO_WRITES.match(a) for a in argv):
        ctx.add(
            CRITICAL, f"writes test data over the disk {disks[0]} (fio): its data is lost", command
        )
    else:
        ctx.add(MODERATE, "benchmarks storage (fio)", command)


def image_writer(command: Command, ctx: Context) -> None:
    """`bmaptool copy IMAGE /dev/sdb`: the image is written over the whole disk."""
    devices = _devices(command)
    if devices:
        ctx.add(CRITICAL, f"writes an image over {devices[0]}: what it held is lost", command)
    else:
        ctx.add(MODERATE, f"writes or maps disk images ({command.name})", command)


def fsck(command: Command, ctx: Context) -> None:
    """`e2fsck -n`, `xfs_repair -n`: check only, every repair answered no."""
    if any(a in ("-n", "--dry-run", "--readonly", "-N") for a in command.argv):
        return
    if command.name == "xfs_repair" and "-L" in command.argv:
        reason = "zeroes the filesystem's log (xfs_repair -L): the changes it held are lost"
        ctx.add(HIGH, reason, command)
        return
    ctx.add(MODERATE, f"checks and repairs a filesystem ({command.name})", command)


_LIVE_TREES = frozenset("/etc /usr /bin /sbin /lib /var /home /boot /root".split())
_MKFS = "mkfs mke2fs mkntfs mkdosfs mkexfatfs mkfs.ext2 mkfs.ext3 mkfs.ext4 mkfs.xfs mkfs.btrfs"
_MKFS += " mkfs.vfat mkfs.fat mkfs.msdos mkfs.ntfs mkfs.exfat mkfs.f2fs mkfs.minix newfs"
_MKFS += " newfs_apfs newfs_hfs newfs_msdos newfs_exfat newfs_udf mkfs.jfs mkfs.reiserfs mkudffs"

RULES: dict[str, Rule] = {
    **dict.fromkeys(_MKFS.split(), mkfs),
    "wipefs": wipefs,
    **dict.fromkeys(
        split_words("blkdiscard badblocks hdparm sgdisk mdadm cryptsetup zpool flashrom sg_format"),
        erase_tool,
    ),
    **dict.fromkeys(split_words("fdisk sfdisk cfdisk gdisk parted"), partition),
    "gpart": gpart,
    "diskutil": diskutil,
    "asr": asr,
    **dict.fromkeys(split_words("grub-install grub2-install"), boot_loader),
    "efibootmgr": efibootmgr,
    "tmutil": tmutil,
    "ddrescue": ddrescue,
    "nwipe": nwipe,
    "fio": fio,
    **dict.fromkeys(split_words("bmaptool bmap-tools"), image_writer),
    "smartctl": smartctl,
    **dict.fromkeys(split_words("pvremove vgremove lvremove lvreduce lvresize pvcreate"), volumes),
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
