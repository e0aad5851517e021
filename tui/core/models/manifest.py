"""What caro downloaded into the models folder: source, commit, sizes and checksums.

One JSON file in the models folder, written atomically. A model without an entry was placed
there by hand (or by an older caro); it is used all the same.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.core.models.hub_plan import DownloadPlan

MANIFEST_NAME = ".caro-models.json"


def path_in(directory: Path) -> Path:
    return directory / MANIFEST_NAME


def read(directory: Path) -> dict[str, dict[str, Any]]:
    """Entries by the model's path relative to the models folder; {} when none or unreadable."""
    try:
        data = json.loads(path_in(directory).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def entry_for(directory: Path, target: Path) -> dict[str, Any] | None:
    return read(directory).get(_key(directory, target))


def record(directory: Path, target: Path, plan: DownloadPlan) -> None:
    entries = read(directory)
    entries[_key(directory, target)] = {
        "source": plan.source,
        "repo_id": plan.repo_id,
        "revision": plan.revision,
        "downloaded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "size_bytes": plan.total_bytes,
        "files": {
            f.path: {"size": f.size, "sha256": f.sha256, "git_sha1": f.git_sha1} for f in plan.files
        },
    }
    _write(directory, entries)


def forget(directory: Path, target: Path) -> None:
    entries = read(directory)
    if entries.pop(_key(directory, target), None) is not None:
        _write(directory, entries)


def _key(directory: Path, target: Path) -> str:
    try:
        return target.relative_to(directory).as_posix()
    except ValueError:
        return str(target)


def _write(directory: Path, entries: dict[str, dict[str, Any]]) -> None:
    final = path_in(directory)
    temporary = final.with_name(f"{final.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(entries, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(temporary, final)
