"""What a program caro does not know is handed: a whole disk, an option that says it erases
something aimed at the whole machine or a home folder, or a delete verb (`destroy`, `purge`,
`cluster-delete`) with the flag that skips its question (`--force`, `--yes`). Its effect stays
unknown, but a careful person looks twice before running it (HIGH), where an unknown program
alone is moderate.
"""

from __future__ import annotations

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH

_ERASING = lazy_pattern(
    r"(?i)^--?(erase|wipe|destroy|nuke|zero|shred|purge|delete-all|remove-all|erase-all|"
    r"wipe-all|factory-reset)$"
)
_BROAD = frozenset(("/", "~", "$HOME", "${HOME}", "/home", "/Users", "/*", "~/*"))


def handed(command: Command, ctx: Context) -> None:
    words = [part for a in command.argv for part in a.split("=", 1)[-1:]]
    disks = [w for w in words if w.startswith("/dev/") and paths.is_block_device(w)]
    if disks:
        reason = (
            f"hands a whole disk ({disks[0]}) to `{command.name}`, a program caro does not know"
        )
        ctx.add(HIGH, reason, command)
        return
    erasing = next((a for a in command.argv if _ERASING.match(a)), None)
    broad = [w for w in words if w in _BROAD or paths.is_vital(paths.normalise(w))]
    if erasing and broad:
        reason = f"tells `{command.name}`, a program caro does not know, to {erasing.lstrip('-')}"
        ctx.add(HIGH, f"{reason} {broad[0]}", command)
        return
    verb = _unasked_delete(command.argv)
    if verb is not None:
        reason = f"tells `{command.name}`, a program caro does not know, to {verb} without asking"
        ctx.add(HIGH, reason, command)


_DELETE_VERB = lazy_pattern(
    r"(?i)^([\w.:-]*[-:.])?(destroy|delete|purge|terminate|wipe|nuke|teardown)"
    r"([-_]?(all|everything))?$"
)
_CAMEL_DELETE = lazy_pattern(r"^([Dd]elete|[Dd]estroy|[Pp]urge|[Tt]erminate)[A-Z]\w*$")
_SKIPS_QUESTION = frozenset(
    (
        "-f",
        "--force",
        "-y",
        "--yes",
        "--confirm",
        "--auto-approve",
        "-auto-approve",
        "--no-prompt",
        "--no-prompts",
        "--non-interactive",
        "--assume-yes",
    )
)


def _unasked_delete(argv: list[str]) -> str | None:
    """`destroy --force`, `cluster-delete -y`, `DeleteCluster --yes`: the verb, when one of the
    first words deletes and a flag skips the question."""
    words = [a for a in argv if not a.startswith("-")][:3]
    verb = next((w for w in words if _DELETE_VERB.match(w) or _CAMEL_DELETE.match(w)), None)
    if verb is None or not _SKIPS_QUESTION & {a.split("=", 1)[0] for a in argv}:
        return None
    return verb
