"""The stage that runs inside the namespaces, as their PID 1: build the view, run, walk, report.

Started by sandbox.py through `unshare`, with the spec as its one argument (JSON). Builds a new
root in a size-limited tmpfs (an overlay on every writable filesystem, read-only binds of the
others, a minimal /dev, a fresh /proc, an empty /run, host sockets covered), pivots into it,
runs the person's shell with the command, kills whatever is left, reads the overlays' upper
layers, and prints one JSON object on stdout. Standard library only.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import select
import signal
import stat
import sys
import time
from dataclasses import dataclass, field
from typing import Any

from tui.core.preview import mounts, walk

# Filesystems that are not files a command could change (or that get their own fresh mount).
VIRTUAL = frozenset(
    "proc sysfs devtmpfs devpts cgroup cgroup2 mqueue debugfs tracefs securityfs pstore bpf "
    "configfs fusectl hugetlbfs autofs binfmt_misc nsfs efivarfs rpc_pipefs selinuxfs".split()
)
SKIPPED_TREES = ("/proc", "/sys", "/dev", "/run")
DEVICES = ("null", "zero", "full", "random", "urandom")
# The wrapper keeps the trace (fd 2 under strace) and the exit-code pipe (fd 4) away from the
# command, and reports the shell's status on fd 4 when the shell returns.
WRAPPER = 'exec 2>&3 3>&-; "$0" -c "$1" 4>&-; echo "$?" >&4'
GRACE_S = 0.1
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


def _under(path: str, tree: str) -> bool:
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
        found = [e for e in self.entries if _under(path, e.point)]
        return max(found, key=lambda e: len(e.point), default=None)

    def place(self, path: str, target: str) -> None:
        if _under(path, self.stage) or path in SKIPPED_TREES:
            return
        below = [
            e for e in self.entries if e.point != path and (path == "/" or _under(e.point, path))
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


@dataclass
class Outcome:
    exit_code: int | None = None
    timed_out: bool = False
    output: bytearray = field(default_factory=bytearray)
    output_bytes: int = 0
    trace: bytearray = field(default_factory=bytearray)
    trace_truncated: bool = False


def _child(spec: dict[str, Any], fds: dict[int, int]) -> None:
    """In the forked child: the descriptors, the limits, no capabilities kept, then exec."""
    try:
        for target, source in fds.items():
            os.dup2(source, target)
        os.closerange(5, 65536)
        limits = spec["limits"]
        for which, value in (
            (resource.RLIMIT_NPROC, limits["processes"]),
            (resource.RLIMIT_AS, limits["memory_bytes"]),
            (resource.RLIMIT_FSIZE, limits["file_bytes"]),
            (resource.RLIMIT_CORE, 0),
        ):
            resource.setrlimit(which, (int(value), int(value)))
        mounts.enter_child_namespaces(os.getuid(), os.getgid())
        mounts.clear_ambient_capabilities()
        os.setsid()
        try:
            os.chdir(spec["cwd"])
        except OSError:
            os.write(1, f"caro preview: cannot enter {spec['cwd']}\n".encode())
            os._exit(126)
        argv = ["/bin/sh", "-c", WRAPPER, spec["shell"], spec["command"]]
        if spec.get("strace"):
            argv = [spec["strace"], *STRACE_ARGS, "--", *argv]
        os.execv(argv[0], argv)
    except BaseException as error:  # noqa: BLE001 - the child must never return into PID 1's code
        with contextlib.suppress(OSError):
            os.write(1, f"caro preview: cannot start the command: {error}\n".encode())
    os._exit(127)


STRACE_ARGS = (
    "-f",
    "--seccomp-bpf",
    "-qq",
    "-s",
    "200",
    "-e",
    "trace=execve,connect,sendto,sendmsg",
    "-e",
    "signal=none",
)


def run(spec: dict[str, Any]) -> Outcome:
    # Not dumpable: the command may not open PID 1's handles on the real folders (/proc/1/fd).
    mounts.set_dumpable(False)
    out_r, out_w = os.pipe()
    done_r, done_w = os.pipe()
    trace_r, trace_w = os.pipe() if spec.get("strace") else (-1, out_w)
    null = os.open("/dev/null", os.O_RDONLY)
    pid = os.fork()
    if pid == 0:
        _child(spec, {0: null, 1: out_w, 2: trace_w, 3: out_w, 4: done_w})
    for fd in {null, out_w, done_w, trace_w}:
        os.close(fd)
    outcome = Outcome()
    limits = spec["limits"]
    deadline = time.monotonic() + float(limits["timeout_s"])
    readers = {out_r: "out", done_r: "done"} | ({trace_r: "trace"} if trace_r >= 0 else {})
    done = _pump(readers, outcome, limits, deadline, stop_on_done=True)
    outcome.timed_out = not done
    _pump(readers, outcome, limits, time.monotonic() + GRACE_S, stop_on_done=False)
    _stop_all(
        keep=pid if spec.get("strace") else None, readers=readers, outcome=outcome, limits=limits
    )
    return outcome


def _pump(
    readers: dict[int, str],
    outcome: Outcome,
    limits: dict[str, Any],
    deadline: float,
    *,
    stop_on_done: bool,
) -> bool:
    """Reads the pipes until the exit code arrives (True) or `deadline` passes (False)."""
    while readers:
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        ready, _, _ = select.select(list(readers), [], [], left)
        for fd in ready:
            chunk = os.read(fd, 65536)
            kind = readers[fd]
            if not chunk:
                del readers[fd]
                os.close(fd)
                if kind == "done" and stop_on_done:
                    return True
                continue
            _keep(kind, chunk, outcome, limits)
            if kind == "done" and stop_on_done:
                return True
    return True


def _keep(kind: str, chunk: bytes, outcome: Outcome, limits: dict[str, Any]) -> None:
    if kind == "out":
        outcome.output_bytes += len(chunk)
        room = int(limits["output_bytes"]) - len(outcome.output)
        outcome.output += chunk[: max(room, 0)]
    elif kind == "trace":
        room = int(limits["trace_bytes"]) - len(outcome.trace)
        outcome.trace += chunk[: max(room, 0)]
        outcome.trace_truncated |= len(chunk) > room
    else:
        text = chunk.decode("ascii", "replace").strip().splitlines()
        with contextlib.suppress(ValueError, IndexError):
            outcome.exit_code = int(text[0])


def _others(keep: int | None) -> list[int]:
    pids = [int(name) for name in os.listdir("/proc") if name.isdigit()]
    return [pid for pid in pids if pid not in (1, keep)]


def _stop_all(
    keep: int | None, readers: dict[int, str], outcome: Outcome, limits: dict[str, Any]
) -> None:
    """Kills every process but strace (so it writes its last lines), then strace; returns
    once /proc lists no process but this one (the report promises none survives)."""
    _kill_others(keep)
    if keep is not None:
        _pump(readers, outcome, limits, time.monotonic() + 1.0, stop_on_done=False)
    while _kill_others(None):
        time.sleep(0.005)
    _pump(readers, outcome, limits, time.monotonic() + 0.5, stop_on_done=False)


def _kill_others(keep: int | None) -> bool:
    """SIGKILL to every other process of the namespace, zombies reaped; True while any is left."""
    left = _others(keep)
    for pid in left:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            break
    return bool(_others(keep))


def walk_layers(layout: Layout, stage: str, spill: str) -> tuple[list[dict[str, Any]], int]:
    budget = walk.Budget()
    records: list[dict[str, Any]] = []
    for layer in layout.layers:
        for record in walk.changes(layer.point, layer.upper, layer.lower, budget):
            if _under(record["path"], stage) or _under(record["path"], spill):
                continue
            if len(records) < budget.records:
                records.append(record)
            else:
                budget.dropped += 1
    records.extend(_skeleton_changes(layout, stage, spill))
    return records, budget.dropped


def _skeleton_changes(layout: Layout, stage: str, spill: str) -> list[dict[str, Any]]:
    """Names made or removed in the rebuilt folders themselves (not inside an overlay)."""
    records: list[dict[str, Any]] = []
    for path, _target, names in layout.skeletons:
        try:
            now = set(os.listdir(path))
        except OSError:
            now = set()
        for name in sorted(now - set(names)):
            child = path.rstrip("/") + "/" + name
            if _under(child, stage) or _under(child, spill):
                continue
            st = os.lstat(child)
            size = st.st_size if stat.S_ISREG(st.st_mode) else 0
            records.append(
                {"op": "created", "path": child, "type": walk.kind(st.st_mode), "after": size}
            )
        for name in sorted(set(names) - now):
            records.append(
                {"op": "deleted", "path": path.rstrip("/") + "/" + name, "type": "other"}
            )
    return records


def main(argv: list[str]) -> int:
    spec = json.loads(argv[1])
    started = time.monotonic()
    try:
        layout = build(spec)
    except OSError as error:
        print(json.dumps({"ok": False, "error": str(error)}))
        return 0
    built = time.monotonic()
    outcome = run(spec)
    ran = time.monotonic()
    records, dropped = walk_layers(layout, spec["stage"], spec["spill"])
    phases = {"build_s": built - started, "run_s": ran - built, "walk_s": time.monotonic() - ran}
    result = {
        "ok": True,
        "exit_code": outcome.exit_code,
        "timed_out": outcome.timed_out,
        "output": outcome.output.decode("utf-8", "replace"),
        "output_bytes": outcome.output_bytes,
        "trace": outcome.trace.decode("utf-8", "replace"),
        "trace_truncated": outcome.trace_truncated,
        "changes": records,
        "dropped": dropped,
        "overlays": [layer.point for layer in layout.layers],
        "read_only": layout.read_only,
        "notes": layout.notes,
        "phases": phases,
    }
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
