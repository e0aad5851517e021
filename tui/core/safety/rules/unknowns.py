"""What a program caro does not know is handed: a whole disk, or an option that says it erases
something, aimed at the whole machine or a home folder, or a verb that destroys (`destroy`,
`delete`, `drop`, `purge`, `reset`, ...) with an option that skips its question (`--force`,
`--yes`). Its effect stays unknown, but a careful person looks twice before running it (HIGH),
where an unknown program alone is moderate.

An unknown package tool told to install straight from a URL or a git repository (`bpkg install
URL`, `rye add --git URL x`, `proto plugin add x URL`), or to install with its download checks
switched off (`pixi install --tls-no-verify`), is HIGH for the same reason as `pip install
git+URL`: whatever that place serves today is built and run. Only install verbs count: `mpc add
URL` queues a stream.
"""

from __future__ import annotations

import itertools

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH
from tui.core.safety.rules.databases import rate_sql
from tui.core.safety.rules.registries import is_default_index
from tui.core.safety.words import split_words

_ERASING = lazy_pattern(
    r"(?i)^--?(erase|wipe|destroy|nuke|zero|shred|purge|delete-all|remove-all|erase-all|"
    r"wipe-all|factory-reset)$"
)
# A verb that destroys, as programs spell it: `destroy`, `apps:destroy`, `delete-service`,
# `flushall`, `cluster-delete`, `vm.destroy`, `plugins:remove`, `DeleteCluster`.
_DESTROYING_VERB = lazy_pattern(
    r"""(?ix)
    ^(?:[\w-]+:)*
     (?:destroy|delete|drop|dropdb|purge|wipe|nuke|reset|flush|flushall|flushdb|erase|obliterate
       |teardown)
     (?:[-_][\w-]+)?$
    |^(?:[\w.:-]*[-:.])?(?:destroy|delete|purge|terminate|wipe|nuke|teardown)
     (?:[-_]?(?:all|everything))?$
    |^(?:[\w-]+:)+(?:remove|rm)$
    |^(?-i:(?:[Dd]elete|[Dd]estroy|[Pp]urge|[Tt]erminate)[A-Z]\w*)$
    """
)
# An argument that is itself a statement that destroys rows or tables.
_SQL_LOSS = lazy_pattern(r"(?i)^\s*(drop\s+(table|database|schema)|truncate|delete\s+from)\b")
# Options that answer a program's "are you sure?" in advance.
_UNASKED = frozenset(
    (
        "--force",
        "--yes",
        "-y",
        "--confirm",
        "--no-prompt",
        "--no-confirm",
        "--assume-yes",
        "--non-interactive",
        "--auto-approve",
        "--force-delete",
        "-f",
        "-auto-approve",
        "--no-prompts",
    )
)
# Leading words that install: `install`, `plugin add`, `global install`, and `add` only with an
# option that names where the code comes from.
_INSTALLS = frozenset(split_words("install plugin plugins global"))
_SOURCE_OPTIONS = frozenset(
    split_words("--git --index-url --extra-index-url --registry --channel -c --index --from")
)
_CHECKS_OFF = lazy_pattern(
    r"(?i)^--?(insecure|tls-no-verify|no-verify-ssl|no-check-certificate|skip-verify|"
    r"allow-unsigned|allow-untrusted|no-gpg-?checks?|no-signature-check|trust-all|skip-checksum)$"
)
_DIRECT_REFERENCE = lazy_pattern(r"\s@\s*(?:git\+|https?://)")  # `pkg @ git+URL` (PEP 508)
_REMOTE_CODE = lazy_pattern(r"^(?:git\+|git@|github:|gitlab:)|^(?:https?|git|ssh)://")
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
    _destroys_unasked(command, ctx)
    _sql_handed(command, ctx)
    installed = _installs_from(command)
    if installed is not None:
        ctx.add(
            HIGH, f"tells `{command.name}`, a program caro does not know, to {installed}", command
        )


def _destroys_unasked(command: Command, ctx: Context) -> None:
    """`lando destroy -y`, `turso db destroy prod --yes`, `dokku apps:destroy app --force`,
    `cluster-delete -f`, `DeleteCluster --yes`."""
    verbs = [a for a in command.argv if not a.startswith("-")][:3]
    verb = next((v for v in verbs if _destroys(v)), None)
    unasked = next((a for a in command.argv if a.split("=", 1)[0] in _UNASKED), None)
    if verb is not None and unasked is not None:
        reason = f"tells `{command.name}`, a program caro does not know, to {verb}"
        ctx.add(HIGH, f"{reason} without asking ({unasked})", command)


def _destroys(word: str) -> bool:
    return _DESTROYING_VERB.match(word) is not None


def _sql_handed(command: Command, ctx: Context) -> None:
    """`wrangler d1 execute db --command 'DROP TABLE users'`: SQL given to a program caro does
    not know is rated as the SQL it is."""
    statement = next((a for a in command.argv if _SQL_LOSS.match(a)), None)
    if statement is not None:
        rate_sql(statement, command, ctx, command.name)


def _installs_from(command: Command) -> str | None:
    """What an unknown tool's install verb fetches without a check, or None."""
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    verb = words[0] if words else ""
    sourced = _SOURCE_OPTIONS & set(argv) or any(_DIRECT_REFERENCE.search(a) for a in argv)
    if verb not in _INSTALLS and not (verb == "add" and sourced):
        return None
    off = next((a for a in argv if _CHECKS_OFF.match(a)), None)
    if off is not None:
        return f"install without checking what it downloads ({off})"
    for option, value in itertools.pairwise(["", *argv]):
        given = value.partition("=")[2] if value.startswith("--") and "=" in value else value
        from_option = option in _SOURCE_OPTIONS and "://" in given
        remote = _REMOTE_CODE.search(given) or _DIRECT_REFERENCE.search(given)
        if (from_option or remote) and not is_default_index(given):
            return f"install code straight from {given[:70]}: nobody reviewed it"
    return None
