"""The Linux mount system calls the inner stage needs, through ctypes (Python 3.11 has none).

Standard library only: the inner stage imports this module inside the namespaces.
"""

from __future__ import annotations

import ctypes
import os
import platform
from dataclasses import dataclass

MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18
MNT_DETACH = 2
MOUNT_ATTR_RDONLY = 1
AT_RECURSIVE = 0x8000
AT_FDCWD = -100
PR_SET_DUMPABLE = 4
CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
PR_CAP_AMBIENT = 47
PR_CAP_AMBIENT_CLEAR_ALL = 4
# mount_setattr has one number on every architecture; pivot_root does not.
SYS_MOUNT_SETATTR = 442
SYS_PIVOT_ROOT = {"x86_64": 155, "aarch64": 41, "riscv64": 41, "ppc64le": 203, "s390x": 217}

_libc = ctypes.CDLL(None, use_errno=True)


class MountError(OSError):
    pass


def _check(result: int, what: str) -> None:
    if result != 0:
        errno = ctypes.get_errno()
        raise MountError(errno, f"{what}: {os.strerror(errno)}")


def _b(text: str | None) -> bytes | None:
    return None if text is None else os.fsencode(text)


def mount(source: str | None, target: str, fstype: str | None, flags: int, data: str = "") -> None:
    result = _libc.mount(_b(source), _b(target), _b(fstype), ctypes.c_ulong(flags), _b(data))
    _check(result, f"mount {fstype or 'bind'} on {target}")


def umount(target: str, flags: int = 0) -> None:
    _check(_libc.umount2(_b(target), flags), f"umount {target}")


class _MountAttr(ctypes.Structure):
    _fields_ = [
        ("attr_set", ctypes.c_uint64),
        ("attr_clr", ctypes.c_uint64),
        ("propagation", ctypes.c_uint64),
        ("userns_fd", ctypes.c_uint64),
    ]


def make_read_only(target: str, *, recursive: bool) -> None:
    """Marks the mount at `target` (and with `recursive`, every mount below it) read-only."""
    attr = _MountAttr(MOUNT_ATTR_RDONLY, 0, 0, 0)
    flags = AT_RECURSIVE if recursive else 0
    result = _libc.syscall(
        ctypes.c_long(SYS_MOUNT_SETATTR),
        ctypes.c_int(AT_FDCWD),
        _b(target),
        ctypes.c_uint(flags),
        ctypes.byref(attr),
        ctypes.c_size_t(ctypes.sizeof(attr)),
    )
    _check(result, f"make {target} read-only")


def pivot_root(new_root: str, put_old: str) -> None:
    number = SYS_PIVOT_ROOT.get(platform.machine())
    if number is None:
        raise MountError(0, f"pivot_root: unknown system call number on {platform.machine()}")
    result = _libc.syscall(ctypes.c_long(number), _b(new_root), _b(put_old))
    _check(result, "pivot_root")


def clear_ambient_capabilities() -> None:
    _libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)


def set_dumpable(dumpable: bool) -> None:
    _check(_libc.prctl(PR_SET_DUMPABLE, int(dumpable), 0, 0, 0), "prctl(PR_SET_DUMPABLE)")


def enter_child_namespaces(uid: int, gid: int) -> None:
    """A user and mount namespace of the command's own, below the preview's: every mount the
    preview made is locked there (the command cannot unmount an overlay or make a read-only
    bind writable), and the preview's PID 1 is out of its reach. Same uid and gid inside."""
    _check(_libc.unshare(CLONE_NEWUSER | CLONE_NEWNS), "unshare")
    for name, text in (
        ("uid_map", f"{uid} {uid} 1"),
        ("setgroups", "deny"),
        ("gid_map", f"{gid} {gid} 1"),
    ):
        with open(f"/proc/self/{name}", "w", encoding="ascii") as handle:
            handle.write(text)


@dataclass(frozen=True)
class MountEntry:
    """One line of /proc/self/mountinfo: where, what type, and whether it is writable."""

    point: str
    fstype: str
    writable: bool


def _unescape(field: str) -> str:
    # mountinfo writes space, tab, newline and backslash as \ooo octal escapes.
    out = bytearray()
    raw = os.fsencode(field)
    index = 0
    while index < len(raw):
        if raw[index] == 0x5C and index + 3 < len(raw) + 0 and raw[index + 1 : index + 4].isdigit():
            out.append(int(raw[index + 1 : index + 4], 8))
            index += 4
        else:
            out.append(raw[index])
            index += 1
    return os.fsdecode(bytes(out))


def parse_mountinfo(text: str) -> list[MountEntry]:
    """The visible mounts, in mount order; a later mount on the same point hides the earlier."""
    by_point: dict[str, MountEntry] = {}
    for line in text.splitlines():
        left, sep, right = line.partition(" - ")
        fields = left.split()
        if not sep or len(fields) < 6:
            continue
        point = _unescape(fields[4])
        options = fields[5].split(",")
        fstype = right.split()[0] if right.split() else ""
        by_point.pop(point, None)
        by_point[point] = MountEntry(point, fstype, "rw" in options)
    return list(by_point.values())
