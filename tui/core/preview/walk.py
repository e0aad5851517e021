"""Reading an overlay's upper layer: what the command created, changed and deleted.

The upper layer holds every created or changed file (copied up whole: metacopy is off for an
unprivileged overlay), a whiteout (a character device 0/0) for each deleted name, and marks a
folder that was deleted and made again as opaque. Comparing each upper entry with the lower
(the real, untouched files) gives the changes. Standard library only: runs in the inner stage.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from typing import Any

OPAQUE_XATTRS = ("user.overlay.opaque", "trusted.overlay.opaque")
_CHUNK = 1 << 16


class Budget:
    """Bounds the work of one walk: change records kept, and lower entries counted."""

    def __init__(self, records: int = 20_000, counted: int = 200_000) -> None:
        self.records = records
        self.counted = counted
        self.dropped = 0


def kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISLNK(mode):
        return "link"
    return "other"


def _lstat(name: str, dir_fd: int) -> os.stat_result | None:
    try:
        return os.lstat(name, dir_fd=dir_fd)
    except OSError:
        return None


def _is_whiteout(st: os.stat_result) -> bool:
    return stat.S_ISCHR(st.st_mode) and st.st_rdev == 0


def _opaque(name: str, dir_fd: int) -> bool:
    try:
        fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=dir_fd)
    except OSError:
        return False
    try:
        for key in OPAQUE_XATTRS:
            try:
                if os.getxattr(fd, key) == b"y":
                    return True
            except OSError:
                continue
        return False
    finally:
        os.close(fd)


def _same_content(rel: str, upper: int, lower: int) -> bool:
    try:
        a = os.open(rel, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=upper)
    except OSError:
        return False
    try:
        b = os.open(rel, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=lower)
    except OSError:
        os.close(a)
        return False
    try:
        while True:
            x, y = os.read(a, _CHUNK), os.read(b, _CHUNK)
            if x != y:
                return False
            if not x:
                return True
    finally:
        os.close(a)
        os.close(b)


def count_tree(rel: str, lower: int, budget: Budget) -> tuple[int, int, int, bool]:
    """Files, folders and bytes under the lower folder `rel`; the last item says "at least"."""
    files = dirs = size = 0
    try:
        for _top, subdirs, names, top_fd in os.fwalk(rel, dir_fd=lower):
            dirs += len(subdirs)
            for name in names:
                files += 1
                st = _lstat(name, top_fd)
                size += st.st_size if st is not None and stat.S_ISREG(st.st_mode) else 0
            budget.counted -= len(subdirs) + len(names)
            if budget.counted <= 0:
                return files, dirs, size, True
    except OSError:
        pass
    return files, dirs, size, False


def _join(point: str, rel: str) -> str:
    if rel in ("", "."):
        return point
    return point.rstrip("/") + "/" + rel if point != "/" else "/" + rel


def changes(point: str, upper: int, lower: int, budget: Budget) -> Iterator[dict[str, Any]]:
    """The changes recorded in one overlay (mounted at `point`) as JSON-ready records."""
    # A folder deleted and made again is opaque: it hides the lower's names, and so does every
    # folder inside it (only the top one carries the mark).
    hiding: set[str] = set()
    for top, subdirs, names, top_fd in os.fwalk(".", dir_fd=upper):
        rel_top = "" if top == "." else top[2:]
        for name in subdirs + names:
            rel = f"{rel_top}/{name}" if rel_top else name
            st = _lstat(name, top_fd)
            if st is not None:
                yield from _entry(point, rel, st, upper, lower, budget)
        parent = rel_top.rpartition("/")[0]
        if rel_top and (parent in hiding or _opaque_top(rel_top, upper)):
            hiding.add(rel_top)
            yield from _opaque_deletions(point, rel_top, set(subdirs) | set(names), lower, budget)


def _opaque_top(rel: str, upper: int) -> bool:
    parent, _, name = rel.rpartition("/")
    if not parent:
        return _opaque(name, upper)
    try:
        fd = os.open(parent, os.O_RDONLY | os.O_DIRECTORY, dir_fd=upper)
    except OSError:
        return False
    try:
        return _opaque(name, fd)
    finally:
        os.close(fd)


def _opaque_deletions(
    point: str, rel_top: str, kept: set[str], lower: int, budget: Budget
) -> Iterator[dict[str, Any]]:
    """An opaque folder hides everything the lower had there: each such name was deleted."""
    try:
        fd = os.open(rel_top, os.O_RDONLY | os.O_DIRECTORY, dir_fd=lower)
    except OSError:
        return
    try:
        names = os.listdir(fd)
    except OSError:
        names = []
    finally:
        os.close(fd)
    for name in sorted(set(names) - kept):
        yield from _deleted(point, f"{rel_top}/{name}", lower, budget)


def _deleted(point: str, rel: str, lower: int, budget: Budget) -> Iterator[dict[str, Any]]:
    before = _lstat(rel, lower)
    if before is None:
        return  # a whiteout over nothing: created and deleted again
    record: dict[str, Any] = {
        "op": "deleted",
        "path": _join(point, rel),
        "type": kind(before.st_mode),
    }
    if stat.S_ISDIR(before.st_mode):
        files, dirs, size, partial = count_tree(rel, lower, budget)
        record.update(files=files, dirs=dirs, before=size, partial=partial)
    else:
        record["before"] = before.st_size
    yield record


def _entry(
    point: str,
    rel: str,
    st: os.stat_result,
    upper: int,
    lower: int,
    budget: Budget,
) -> Iterator[dict[str, Any]]:
    path = _join(point, rel)
    if _is_whiteout(st):
        yield from _deleted(point, rel, lower, budget)
        return
    before = _lstat(rel, lower)
    what = kind(st.st_mode)
    if before is None:
        yield {"op": "created", "path": path, "type": what, "after": _size(st)}
        return
    if kind(before.st_mode) != what:
        yield {"op": "replaced", "path": path, "type": what, "was": kind(before.st_mode)}
        return
    if (
        what == "file" and (st.st_size != before.st_size or not _same_content(rel, upper, lower))
    ) or (what == "link" and os.readlink(rel, dir_fd=upper) != os.readlink(rel, dir_fd=lower)):
        yield {
            "op": "modified",
            "path": path,
            "type": what,
            "before": before.st_size,
            "after": st.st_size,
        }
    if stat.S_IMODE(st.st_mode) != stat.S_IMODE(before.st_mode) and what != "link":
        yield {
            "op": "mode",
            "path": path,
            "type": what,
            "from": stat.S_IMODE(before.st_mode),
            "to": stat.S_IMODE(st.st_mode),
        }
    if (st.st_uid, st.st_gid) != (before.st_uid, before.st_gid):
        yield {
            "op": "owner",
            "path": path,
            "type": what,
            "from": [before.st_uid, before.st_gid],
            "to": [st.st_uid, st.st_gid],
        }


def _size(st: os.stat_result) -> int:
    return st.st_size if stat.S_ISREG(st.st_mode) else 0
