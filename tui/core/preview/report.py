"""What a preview saw, grouped by folder and worded for a person; also the JSON form.

would delete 3,412 files and 80 folders in ~/projects, e.g. app/ (3,412 files)
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from tui.core.display import displayable
from tui.core.preview import trace
from tui.core.preview.limits import Limits

OUTPUT_LINES = 8
EXAMPLES = 3
GROUPS = 8
TEMPORARY = ("/tmp", "/var/tmp", "/dev/shm")
OPS = ("deleted", "replaced", "modified", "created", "mode", "owner")


def _visible(text: str) -> str:
    """Text from the command (names, output) with control characters shown, not obeyed."""
    return displayable(text)


@dataclass(frozen=True)
class Change:
    op: str
    path: str
    type: str
    before: int | None = None
    after: int | None = None
    files: int = 0
    dirs: int = 0
    partial: bool = False
    old: str = ""
    new: str = ""

    @classmethod
    def of(cls, record: dict[str, Any]) -> Change:
        op = str(record.get("op", ""))
        old = new = ""
        if op == "mode":
            old, new = f"{int(record['from']):o}", f"{int(record['to']):o}"
        elif op == "owner":
            old, new = ":".join(map(str, record["from"])), ":".join(map(str, record["to"]))
        elif op == "replaced":
            old, new = str(record.get("was", "")), str(record.get("type", ""))
        return cls(
            op=op,
            path=str(record.get("path", "")),
            type=str(record.get("type", "")),
            before=record.get("before"),
            after=record.get("after"),
            files=int(record.get("files", 0) or 0),
            dirs=int(record.get("dirs", 0) or 0),
            partial=bool(record.get("partial", False)),
            old=old,
            new=new,
        )

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"op": self.op, "path": self.path, "type": self.type}
        for key in ("before", "after"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        if self.type == "dir" and self.op == "deleted":
            data.update(files=self.files, dirs=self.dirs, partial=self.partial)
        if self.old or self.new:
            data.update(old=self.old, new=self.new)
        return data


@dataclass(frozen=True)
class Report:
    """One preview: the changes, what it ran and reached, how it ended, and what it missed."""

    command: str
    cwd: str
    home: str
    changes: tuple[Change, ...]
    programs: tuple[tuple[str, ...], ...]
    reaches: tuple[trace.Reach, ...]
    exit_code: int | None
    timed_out: bool
    output: str
    output_bytes: int
    unseen: tuple[str, ...]
    traced: bool
    wall_s: float
    dropped: int = 0
    overlays: tuple[str, ...] = field(default=())

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def of(self, op: str) -> list[Change]:
        return [change for change in self.changes if change.op == op]

    def outside(self, folder: str | None = None) -> list[Change]:
        """Changes outside the working folder (or `folder`) and outside the temporary ones."""
        base = folder or self.cwd
        return [
            c
            for c in self.changes
            if not _under(c.path, base) and not any(_under(c.path, t) for t in TEMPORARY)
        ]

    def deleted_files(self) -> int:
        return sum(c.files if c.type == "dir" else 1 for c in self.of("deleted"))

    def as_dict(self) -> dict[str, Any]:
        return {
            "command": self.command,
            "cwd": self.cwd,
            "changed": self.changed,
            "summary": summary_lines(self),
            "changes": [change.as_dict() for change in self.changes],
            "changes_not_listed": self.dropped,
            "programs": [list(argv) for argv in self.programs],
            "network": [
                {"kind": r.kind, "address": r.address, "port": r.port, "outcome": r.outcome}
                for r in self.reaches
            ],
            "exit_code": self.exit_code,
            "timed_out": self.timed_out,
            "output": self.output,
            "output_bytes": self.output_bytes,
            "not_seen": list(self.unseen),
            "traced": self.traced,
            "wall_s": round(self.wall_s, 3),
            "home": self.home,
            "overlays": list(self.overlays),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """The report as stored in the history (see `as_dict`)."""
        return cls(
            command=str(data.get("command", "")),
            cwd=str(data.get("cwd", "")),
            home=str(data.get("home", "")),
            changes=tuple(Change.of(_stored_change(c)) for c in data.get("changes", [])),
            programs=tuple(tuple(str(a) for a in argv) for argv in data.get("programs", [])),
            reaches=tuple(
                trace.Reach(str(r["kind"]), str(r["address"]), r.get("port"), str(r["outcome"]))
                for r in data.get("network", [])
            ),
            exit_code=data.get("exit_code"),
            timed_out=bool(data.get("timed_out", False)),
            output=str(data.get("output", "")),
            output_bytes=int(data.get("output_bytes", 0)),
            unseen=tuple(str(s) for s in data.get("not_seen", [])),
            traced=bool(data.get("traced", False)),
            wall_s=float(data.get("wall_s", 0.0)),
            dropped=int(data.get("changes_not_listed", 0)),
            overlays=tuple(str(s) for s in data.get("overlays", [])),
        )


def _stored_change(data: dict[str, Any]) -> dict[str, Any]:
    record = dict(data)
    op = record.get("op")
    if op in ("mode", "owner") and "old" in record:
        if op == "mode":
            record["from"], record["to"] = int(record["old"], 8), int(record["new"], 8)
        else:
            record["from"] = record["old"].split(":")
            record["to"] = record["new"].split(":")
    if op == "replaced":
        record["was"] = record.get("old", "")
    return record


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def build_report(
    raw: dict[str, Any],
    *,
    command: str,
    cwd: str,
    home: str,
    limits: Limits,
    traced: bool,
    wall_s: float,
) -> Report:
    """The report from the inner stage's JSON."""
    seen = trace.parse(str(raw.get("trace", ""))) if traced else trace.Trace((), ())
    unseen = _unseen(raw, limits, traced, seen, bool(raw.get("trace_truncated")))
    return Report(
        command=command,
        cwd=cwd,
        home=home,
        changes=tuple(Change.of(r) for r in raw.get("changes", [])),
        programs=seen.programs,
        reaches=seen.reaches,
        exit_code=raw.get("exit_code"),
        timed_out=bool(raw.get("timed_out")),
        output=str(raw.get("output", "")),
        output_bytes=int(raw.get("output_bytes", 0)),
        unseen=tuple(unseen),
        traced=traced,
        wall_s=wall_s,
        dropped=int(raw.get("dropped", 0)),
        overlays=tuple(str(p) for p in raw.get("overlays", [])),
    )


def _unseen(
    raw: dict[str, Any], limits: Limits, traced: bool, seen: trace.Trace, truncated: bool
) -> list[str]:
    notes = [
        "effects outside this machine's files: nothing it would send or change over the network, "
        "on other machines or in running programs (databases, containers, services) is shown"
    ]
    if raw.get("timed_out"):
        notes.append(
            f"it was stopped after the time limit ({limits.timeout_s:g} s): what it would do "
            "after that is not shown"
        )
    if seen.reaches and any(r.kind == "inet" for r in seen.reaches):
        notes.append(
            "it tried the network, which the preview blocks: what it would do with an answer "
            "is not shown"
        )
    if not traced:
        notes.append(
            "the programs it started and its network attempts were not observed (strace is not "
            "installed, or was not used)"
        )
    if truncated:
        notes.append(
            "the trace was longer than the preview keeps: some programs or network attempts "
            "are not listed"
        )
    for point, reason in raw.get("read_only", []):
        if reason == "read-only for you":
            continue  # as read-only for the real run: nothing is missed
        notes.append(
            f"{point} was read-only in the preview ({reason}): writes there failed instead "
            "of being shown"
        )
    notes.extend(str(note) for note in raw.get("notes", []))
    if raw.get("dropped"):
        notes.append(f"{raw['dropped']:,} more changes were not listed")
    return notes


def tilde(path: str, home: str) -> str:
    if home and home != "/" and _under(path, home):
        return "~" + path[len(home.rstrip("/")) :]
    return path


def _size(count: int) -> str:
    value = float(abs(count))
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            text = f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
            return ("-" if count < 0 else "") + text
        value /= 1000
    return str(count)


def _counted(files: int, dirs: int) -> str:
    parts = []
    if files or not dirs:
        parts.append(f"{files:,} file{'s' if files != 1 else ''}")
    if dirs:
        parts.append(f"{dirs:,} folder{'s' if dirs != 1 else ''}")
    return " and ".join(parts)


_VERBS = {
    "deleted": "delete",
    "replaced": "replace",
    "modified": "change",
    "created": "create",
    "mode": "change the permissions of",
    "owner": "change the owner of",
}


def _example(change: Change, folder: str) -> str:
    name = change.path[len(folder.rstrip("/")) + 1 :] if folder != "/" else change.path[1:]
    name = _visible(name) + ("/" if change.type == "dir" else "")
    if change.op == "deleted" and change.type == "dir":
        more = "at least " if change.partial else ""
        return f"{name} ({more}{_counted(change.files, change.dirs)})"
    if change.op == "modified" and change.before is not None and change.after is not None:
        return f"{name} ({_size(change.before)} → {_size(change.after)})"
    if change.op in ("mode", "owner", "replaced"):
        return f"{name} ({change.old} → {change.new})"
    return name


def _group_line(op: str, folder: str, changes: list[Change], home: str) -> str:
    files = sum(
        (c.files if c.type == "dir" else 1) if op == "deleted" else int(c.type != "dir")
        for c in changes
    )
    dirs = sum(
        (c.dirs + 1)
        if op == "deleted" and c.type == "dir"
        else int(c.type == "dir" and op != "deleted")
        for c in changes
    )
    if op in ("mode", "owner", "replaced"):
        what = f"{len(changes):,} item{'s' if len(changes) != 1 else ''}"
    else:
        what = _counted(files, dirs)
    examples = ", ".join(_example(c, folder) for c in changes[:EXAMPLES])
    more = ", ..." if len(changes) > EXAMPLES else ""
    line = f"would {_VERBS[op]} {what} in {_visible(tilde(folder, home))}, e.g. {examples}{more}"
    if op == "modified":
        delta = sum((c.after or 0) - (c.before or 0) for c in changes)
        line += f" ({'+' if delta >= 0 else ''}{_size(delta)} in all)"
    return line


def summary_lines(report: Report) -> list[str]:
    """One line per kind of change and folder, most harmful first; or that nothing changed."""
    lines: list[str] = []
    for op in OPS:
        groups: dict[str, list[Change]] = defaultdict(list)
        for change in report.of(op):
            groups[os.path.dirname(change.path.rstrip("/")) or "/"].append(change)
        ordered = sorted(groups.items(), key=lambda item: -len(item[1]))
        lines.extend(
            _group_line(op, folder, changes, report.home) for folder, changes in ordered[:GROUPS]
        )
        if len(ordered) > GROUPS:
            rest = sum(len(changes) for _, changes in ordered[GROUPS:])
            lines.append(
                f"would {_VERBS[op]} {rest:,} more in {len(ordered) - GROUPS:,} other folders"
            )
    if not lines:
        lines.append("nothing changed in the files the preview could see")
    return lines


def render(report: Report) -> str:
    """The whole report as text for a terminal (every outside string made visible)."""
    lines = [
        f"preview of: {_visible(report.command)}",
        f"in: {_visible(tilde(report.cwd, report.home))}",
    ]
    lines += ["", "files:"] + [f"  {line}" for line in summary_lines(report)]
    if report.traced:
        lines += ["", "programs started:"]
        lines += [f"  {_visible(' '.join(argv))[:200]}" for argv in report.programs[:20]] or [
            "  none besides the shell"
        ]
        if len(report.programs) > 20:
            lines.append(f"  ... and {len(report.programs) - 20} more")
        lines += ["", "network:"]
        lines += [f"  tried {_visible(r.describe())}" for r in report.reaches] or [
            "  no attempt seen"
        ]
    ending = "stopped at the time limit" if report.timed_out else f"exit status {report.exit_code}"
    lines += ["", f"ended: {ending} after {report.wall_s:.1f} s (preview's wall time)"]
    head = report.output.splitlines()[:OUTPUT_LINES]
    if head:
        lines.append("output (first lines):")
        lines += [f"  | {_visible(line)[:200]}" for line in head]
        if (
            report.output_bytes > len(report.output.encode())
            or len(report.output.splitlines()) > OUTPUT_LINES
        ):
            lines.append(f"  | ... ({report.output_bytes:,} bytes in all)")
    lines += ["", "not seen by the preview:"] + [f"  {_visible(note)}" for note in report.unseen]
    return "\n".join(lines)
