"""A mirror copy whose source is an empty folder: `robocopy C:\\empty D:\\x /MIR`,
`rsync -a --delete empty/ /srv/x/`, `rclone sync ./empty remote:x`. A mirror deletes from the
target whatever the source lacks, so an empty source is the well-known trick to wipe the whole
target (CRITICAL). A dry run (`--dry-run`, `-n`, robocopy `/L`) deletes nothing.
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, Rule

_EMPTY_NAME = lazy_pattern(r"(^|[-_.])(empty|blank|void)([-_.]|$)", re.IGNORECASE)
_DRY_RUNS = frozenset({"--dry-run", "-n", "--list-only"})
_RSYNC_DELETES = ("--delete", "--del", "--remove-source-files")


def is_empty_source(path: str) -> bool:
    """`C:\\empty`, `./empty/`, `/tmp/empty_dir`: a folder named to be empty."""
    last = re.split(r"[\\/]", path.rstrip("\\/"))[-1]
    return bool(last) and _EMPTY_NAME.search(last) is not None


def _operands(command: Command) -> list[str]:
    return [a for a in command.argv if not a.startswith("-")]


def _dry(command: Command) -> bool:
    return any(
        a in _DRY_RUNS or (re.fullmatch(r"-[a-zA-Z]+", a) and "n" in a) for a in command.argv
    )


def rsync_empty(command: Command, ctx: Context) -> None:
    operands = _operands(command)
    deletes = any(a.startswith(_RSYNC_DELETES) for a in command.argv)
    if deletes and len(operands) >= 2 and is_empty_source(operands[0]) and not _dry(command):
        ctx.add(CRITICAL, _reason(operands[-1]), command)


def rclone_empty(command: Command, ctx: Context) -> None:
    operands = _operands(command)
    syncs = len(operands) >= 3 and operands[0] == "sync"
    if syncs and is_empty_source(operands[1]) and not _dry(command):
        ctx.add(CRITICAL, _reason(operands[2]), command)


def _reason(target: str) -> str:
    return f"mirrors an empty folder into {target}: everything there is deleted"


RULES: dict[str, Rule] = {}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {"rsync": (rsync_empty,), "rclone": (rclone_empty,)}
