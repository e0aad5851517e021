"""The preview's view of the files, built inside the namespaces by their PID 1 (inner.py).

A new root in a size-limited tmpfs: an overlay on every writable filesystem, read-only binds of
the others, a minimal /dev, a fresh /proc (its settings read-only), an empty /run, the host's
sockets covered; then pivot_root into it and let go of the old root. The layers' file
descriptors stay open for reading the changes afterwards. Standard library only.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from typing import Any

from tui.core.preview import mounts

# Filesystems that are not files a command could change (or that get their own fresh mount).
VIRTUAL = frozenset(
    "proc sysfs devtmpfs devpts cgroup cgroup2 mqueue debugfs tracefs securityfs pstore bpf "
    "configfs fusectl hugetlbfs autofs binfmt_misc nsfs efivarfs rpc_pipefs selinuxfs".split()
)
SKIPPED_TREES = ("/proc", "/sys", "/dev", "/run")
DEVICES = ("null", "zero", "full", "random", "urandom")
# Read-only for the person in the real run too: the preview misses nothing there.
READ_ONLY = "read-only for you"


@dataclass
class Layer:
    point: str
    upper: int
    lower: int


@dataclass
class Layout:
    layers: list[Layer] = field(default_factory=list)
    read_only: list[tuple[str, str]] = field(default_factory=list)
    skeletons: list[tuple[str, str, list[str]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def under(path: str, tree: str) -> bool:
    return path == tree or path.startswith(tree.rstrip("/") + "/")


def build(spec: dict[str, Any]) -> Layout:
    """Mounts the preview's root and pivots into it; the layers' fds stay open for the walk."""
    stage: str = spec["stage"]
    mounts.mount(None, "/", None, mounts.MS_REC | mounts.MS_PRIVATE)
    with open("/proc/self/mountinfo", encoding="utf-8", errors="surrogateescape") as handle:
        entries = mounts.parse_mountinfo(handle.read())
    data = f"size={int(spec['limits']['write_bytes'])},mode=700"
    mounts.mount("tmpfs", stage, "tmpfs", mounts.MS_NOSUID | mounts.MS_NODEV, data)
    for name in ("root", "low"):
        os.mkdir(f"{stage}/{name}")
    layout = Layout()
    changes = _changes_folder(spec, layout)
    # pivot_root wants the new root to be a mount point.
    mounts.mount(stage + "/root", stage + "/root", None, mounts.MS_BIND)
    placer = _Placer(stage, entries, layout)
    placer.changes = changes
    placer.place("/", stage + "/root")
    _devices(stage + "/root")
    _fresh_proc(stage + "/root/proc")
    _system(stage + "/root", layout)
    _cover_sockets(stage + "/root", spec.get("sockets", []), layout)
    os.chdir(stage + "/root")
    mounts.pivot_root(".", ".")
    mounts.umount(".", mounts.MNT_DETACH)
    os.chdir("/")
    return layout


def _changes_folder(spec: dict[str, Any], layout: Layout) -> str:
    """Where the overlays' upper and work folders go: the stage's tmpfs, bounded in size, when
    it keeps `user.` extended attributes (Linux 6.6 and later; overlay marks a folder deleted
    and made again with one); else a folder on disk (`spill`), bounded per file only."""
    stage: str = spec["stage"]
    try:
        if spec.get("force_spill"):
            raise OSError(0, "asked to")
        os.setxattr(stage, "user.caro-preview", b"y")
        changes = stage
    except OSError:
        changes = spec["spill"]
        layout.notes.append(
            "this kernel's tmpfs keeps no user extended attributes (before Linux 6.6): the "
            "preview's changes were held on disk in a folder removed afterwards, each file "
            "bounded in size but not their total"
        )
    for name in ("up", "work"):
        os.mkdir(f"{changes}/{name}")
    return changes


class _Placer:
    """Puts each folder of the real tree into the new root.

    A folder with no mount below it gets an overlay (or a read-only bind where its filesystem is
    read-only). A folder with mounts below it cannot: the kernel will not use a folder as an
    overlay's lower layer when mounts inherited from the parent namespace sit below it (they
    would be revealed). So it is rebuilt in the stage's tmpfs as a skeleton (its folders placed
    one by one, its links copied) and what the command does in the skeleton itself is compared
    with what it held afterwards.
    """

    def __init__(self, stage: str, entries: list[mounts.MountEntry], layout: Layout) -> None:
        self.stage = stage
        self.changes = stage
        self.entries = entries
        self.layout = layout
        self.count = 0

    def _mount_of(self, path: str) -> mounts.MountEntry | None:
        found = [e for e in self.entries if under(path, e.point)]
        return max(found, key=lambda e: len(e.point), default=None)

    def place(self, path: str, target: str) -> None:
        if under(path, self.stage) or path in SKIPPED_TREES:
            return
        below = [
            e for e in self.entries if e.point != path and (path == "/" or under(e.point, path))
        ]
        mount = self._mount_of(path)
        if mount is None or mount.fstype in VIRTUAL:
            return
        if not below:
            self._leaf(path, target, mount.writable)
            return
        self._skeleton(path, target)

    def _skeleton(self, path: str, target: str) -> None:
        try:
            names = sorted(os.listdir(path))
            mode = os.stat(path).st_mode & 0o7777
        except OSError as error:
            self.layout.notes.append(f"{path} is not in the preview ({error.strerror})")
            return
        for name in names:
            child = path.rstrip("/") + "/" + name
            inside = f"{target}/{name}"
            try:
                st = os.lstat(child)
                if os.path.islink(child):
                    os.symlink(os.readlink(child), inside)
                elif st.st_mode & 0o170000 == 0o040000:
                    os.mkdir(inside)
                    self.place(child, inside)
                elif st.st_mode & 0o170000 == 0o100000:
                    with open(inside, "w", encoding="utf-8"):
                        pass
                    mounts.mount(child, inside, None, mounts.MS_BIND)
                    mounts.make_read_only(inside, recursive=False)
            except OSError as error:
                self.layout.notes.append(f"{child} is not in the preview ({error.strerror})")
        self.layout.skeletons.append((path, target, names))
        with contextlib.suppress(OSError):
            os.chmod(target, mode)

    def _leaf(self, path: str, target: str, writable: bool) -> None:
        reason = READ_ONLY
        if writable:
            index = self.count
            self.count += 1
            low = f"{self.stage}/low/{index}"
            up, work = (f"{self.changes}/{kind}/{index}" for kind in ("up", "work"))
            for folder in (low, up, work):
                os.mkdir(folder)
            try:
                mounts.mount(path, low, None, mounts.MS_BIND)
                # The lower is the real folder: read-only, so not even a handle on it can write.
                mounts.make_read_only(low, recursive=False)
                options = f"lowerdir={low},upperdir={up},workdir={work},userxattr"
                mounts.mount("overlay", target, "overlay", 0, options)
                flags = os.O_RDONLY | os.O_DIRECTORY
                self.layout.layers.append(Layer(path, os.open(up, flags), os.open(low, flags)))
                return
            except OSError as error:
                # A folder the person cannot write to fails the same way in the real run.
                writable = os.access(path, os.W_OK)
                reason = READ_ONLY if not writable else f"no overlay there: {error.strerror}"
        try:
            mounts.mount(path, target, None, mounts.MS_BIND | mounts.MS_REC)
            mounts.make_read_only(target, recursive=True)
            self.layout.read_only.append((path, reason))
        except OSError as error:
            self.layout.notes.append(f"{path} is not in the preview ({error.strerror or error})")


def _devices(root: str) -> None:
    dev = root + "/dev"
    mounts.mount("tmpfs", dev, "tmpfs", mounts.MS_NOSUID, "size=1m,mode=755")
    for name in DEVICES:
        with open(f"{dev}/{name}", "w", encoding="utf-8"):
            pass
        mounts.mount(f"/dev/{name}", f"{dev}/{name}", None, mounts.MS_BIND)
    for name, points_to in (
        ("fd", "/proc/self/fd"),
        ("stdin", "/proc/self/fd/0"),
        ("stdout", "/proc/self/fd/1"),
        ("stderr", "/proc/self/fd/2"),
    ):
        os.symlink(points_to, f"{dev}/{name}")
    os.mkdir(f"{dev}/shm")
    mounts.mount("tmpfs", f"{dev}/shm", "tmpfs", mounts.MS_NOSUID | mounts.MS_NODEV, "size=16m")


def _fresh_proc(proc: str) -> None:
    """The preview's own /proc; its kernel settings read-only (a person running caro as root
    maps to root here, and some settings check no more than that)."""
    mounts.mount("proc", proc, "proc", mounts.MS_NOSUID | mounts.MS_NODEV)
    mounts.mount(proc + "/sys", proc + "/sys", None, mounts.MS_BIND | mounts.MS_REC)
    mounts.make_read_only(proc + "/sys", recursive=True)
    for name in ("sysrq-trigger", "kcore", "kmsg"):
        if os.path.exists(f"{proc}/{name}"):
            mounts.mount("/dev/null", f"{proc}/{name}", None, mounts.MS_BIND)


def _system(root: str, layout: Layout) -> None:
    try:
        mounts.mount("/sys", root + "/sys", None, mounts.MS_BIND | mounts.MS_REC)
        mounts.make_read_only(root + "/sys", recursive=True)
    except OSError as error:
        layout.notes.append(f"/sys is not in the preview ({error.strerror or error})")
    if os.path.isdir(root + "/run"):
        mounts.mount("tmpfs", root + "/run", "tmpfs", mounts.MS_NOSUID | mounts.MS_NODEV, "size=1m")


def _cover_sockets(root: str, sockets: list[str], layout: Layout) -> None:
    for path in sockets:
        target = root + path
        try:
            if os.path.exists(target) and not os.path.isdir(target):
                mounts.mount(root + "/dev/null", target, None, mounts.MS_BIND)
        except OSError as error:
            layout.notes.append(f"the socket {path} could not be hidden ({error.strerror})")
