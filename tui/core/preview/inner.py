"""The stage that runs inside the namespaces, as their PID 1: build the view, run, walk, report.

Started by sandbox.py through `unshare`, with the spec as its one argument (JSON). Builds the
view (view.py), runs the person's shell with the command in a user and mount namespace of its
own, kills whatever is left, reads the overlays' upper layers, and prints one JSON object on
stdout. Standard library only.
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
from tui.core.preview.view import Layout, build, under

# The wrapper keeps the trace (fd 2 under strace) and the exit-code pipe (fd 4) away from the
# command, and reports the shell's status on fd 4 when the shell returns.
WRAPPER = 'exec 2>&3 3>&-; "$0" -c "$1" 4>&-; echo "$?" >&4'
GRACE_S = 0.1


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
            if under(record["path"], stage) or under(record["path"], spill):
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
            if under(child, stage) or under(child, spill):
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
