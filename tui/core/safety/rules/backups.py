"""Backup programs' own deletes and restores.

`tarsnap --nuke`, `duplicity remove-older-than 1s --force` and a prune or forget that keeps
one snapshot or fewer lose the backups themselves (HIGH; every archive of an account, or a whole
repository with `borg delete REPO`, CRITICAL). A restore written over the whole system or a
home folder overwrites live files (HIGH; over `/`, CRITICAL). One archive, a prune that keeps a
schedule or a listing stay moderate or below; a dry run of a prune or forget is safe.
"""

from __future__ import annotations

import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, number, options
from tui.core.safety.rules.databases import client_stdin
from tui.core.safety.words import split_words

_READS = frozenset(("list", "info", "check", "diff", "version", "help", "benchmark"))
_DRY = frozenset(split_words("-n --dry-run --dryrun --dry_run"))
# Verbs whose dry run only prints what would be removed or rewritten.
_PREVIEWED = frozenset(split_words("prune forget compact recreate"))


def _dry(command: Command) -> bool:
    return bool(_DRY & set(command.argv))


def borg(command: Command, ctx: Context) -> None:
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    verb = words[0] if words else ""
    if verb in _READS or not verb or (verb in _PREVIEWED and _dry(command)):
        return  # `borg prune --dry-run`: only lists what would go
    if verb == "prune" and _kept(argv) <= 1:
        ctx.add(HIGH, "deletes every backup archive but the newest (borg prune)", command)
    elif verb != "delete":
        ctx.add(MODERATE, f"changes a backup repository (borg {verb})", command)
    elif _dry(command):
        ctx.add(MODERATE, "shows what borg delete would remove (--dry-run)", command)
    elif any("::" in w for w in words[1:]) or "--glob-archives" in argv or "-a" in argv:
        ctx.add(MODERATE, "deletes some backup archives (borg delete)", command)
    else:
        reason = "deletes a whole backup repository and every backup in it (borg delete)"
        ctx.add(CRITICAL, reason, command)


_KEEP = re.compile(r"--keep-(?:last|hourly|daily|weekly|monthly|yearly|within|minutely|secondly)")


def _kept(argv: list[str]) -> int:
    """How many snapshots a `--keep-*` policy keeps at most (a duration counts as many)."""
    total, index, said = 0, 0, False
    while index < len(argv):
        name, sep, value = argv[index].partition("=")
        if _KEEP.fullmatch(name):
            said = True
            if not sep and index + 1 < len(argv):
                value, index = argv[index + 1], index + 1
            total += number(value) if value.isdigit() else 2
        index += 1
    return total if said else 2


_RESTIC_VALUED = (
    "-r --repo --repository-file --password-file -o --option --target -t --host --tag --path "
    "--keep-last --keep-hourly --keep-daily --keep-weekly --keep-monthly --keep-yearly "
    "--keep-within --keep-tag -g --group-by --cache-dir --max-unused --include --exclude"
)
_RESTIC_READS = frozenset(split_words("snapshots ls check diff stats find cat version mount dump"))


def restic(command: Command, ctx: Context) -> None:
    argv = command.argv
    opts = options(command, _RESTIC_VALUED)
    words = [w.value for w in opts.operands]
    verb = words[0] if words else ""
    if verb in _RESTIC_READS or not verb or (verb in _PREVIEWED and _dry(command)):
        return  # `restic forget --dry-run`: only lists the snapshots it would forget
    if verb == "forget" and (_kept(argv) <= 1 or len(words) > 1):
        what = "the snapshots named" if len(words) > 1 else "every snapshot but the newest"
        pruned = " and frees their data (--prune)" if "--prune" in argv else ""
        ctx.add(HIGH, f"forgets {what}{pruned} (restic forget)", command)
    elif verb == "restore":
        _restore_over(command, opts.value("--target", "-t") or "", ctx)
    else:
        ctx.add(MODERATE, f"changes a backup repository (restic {verb})", command)


def _restore_over(command: Command, target: str, ctx: Context) -> None:
    """A restore into `/` or a home folder writes over the files living there."""
    place = paths.area(paths.normalise(target.replace("$HOME", "~"))) if target else "other"
    deletes = "--delete" in command.argv
    if place == "root":
        reason = "restores a backup over the whole system, overwriting its files"
        ctx.add(CRITICAL, f"{reason} ({command.name})", command)
    elif place in ("home", "all_homes", "vital", "system") and (
        deletes or "--force" in command.argv
    ):
        reason = f"restores a backup over {target}, overwriting (or deleting) the files there"
        ctx.add(HIGH, f"{reason} ({command.name})", command)
    else:
        ctx.add(MODERATE, f"restores files from a backup ({command.name})", command)


_KOPIA_READS = frozenset(split_words("list ls status show info estimate verify"))


def kopia(command: Command, ctx: Context) -> None:
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    verb = words[1] if words[:1] in (["snapshot"], ["snap"]) and len(words) > 1 else words[:1]
    verb = verb if isinstance(verb, str) else (verb[0] if verb else "")
    if verb == "delete" and "--delete" in argv:
        ctx.add(HIGH, "deletes backup snapshots for good (kopia snapshot delete --delete)", command)
    elif verb == "restore" and len(words) >= 3:
        _restore_over(command, words[-1], ctx)
    elif not (set(words[:2]) & _KOPIA_READS):
        ctx.add(MODERATE, f"changes a backup repository (kopia {' '.join(words[:2])})", command)


# `1s`, `now`, `10m`: an age every backup has, so every backup goes.
_EVERY_AGE = re.compile(r"now|\d+[smh]|[01]B|[01]D")


def duplicity(command: Command, ctx: Context) -> None:
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    verb = words[0] if words else ""
    forced = "--force" in argv
    if (
        verb == "remove-older-than"
        and forced
        and _EVERY_AGE.fullmatch(words[1:2][0] if words[1:] else "")
    ):
        ctx.add(
            HIGH, "deletes every backup older than moments ago: all of them (duplicity)", command
        )
    elif verb.startswith("remove-all") and forced and words[1:2] in (["0"], ["1"]):
        ctx.add(HIGH, "deletes every backup chain but the newest (duplicity)", command)
    elif verb == "restore" and len(words) >= 3:
        _restore_over(command, words[-1], ctx)
    elif verb not in ("collection-status", "list-current-files", "verify"):
        ctx.add(MODERATE, f"backs up or changes backups (duplicity {verb})".strip(), command)


def duply(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    verbs = "_".join(words[1:]).lower()
    if "purge" in verbs and "--force" in command.argv:
        ctx.add(HIGH, "deletes old backups for good (duply purge --force)", command)
    elif not words[1:2] or words[1] not in ("status", "list", "verify"):
        ctx.add(MODERATE, "backs up or changes backups (duply)", command)


def duplicati(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    verb = words[0] if words else ""
    if verb in ("delete", "purge", "purge-broken-files"):
        ctx.add(HIGH, f"deletes backup versions or files from them (duplicati-cli {verb})", command)
    elif verb not in ("list", "find", "compare", "affected", "help", "test"):
        ctx.add(MODERATE, f"backs up or changes backups (duplicati-cli {verb})".strip(), command)


# Bacula console commands, read from its input: `delete`/`purge` lose backups' records.
_BACULA_LOSS = re.compile(r"^\s*(delete|purge|truncate)\b", re.IGNORECASE | re.MULTILINE)
_BACULA_READS = re.compile(r"^\s*(status|list|llist|show|messages|version|estimate)\b", re.I)


def bconsole(command: Command, ctx: Context) -> None:
    text = client_stdin(command)
    if text is None:
        ctx.add(MODERATE, "opens the Bacula console", command)
        return
    loss = _BACULA_LOSS.search(text)
    if loss is not None:
        reason = "the backups can no longer be restored"
        ctx.add(HIGH, f"deletes backup records or volumes ({loss.group(1)}): {reason}", command)
    elif not _BACULA_READS.match(text):
        ctx.add(MODERATE, "runs a Bacula console command", command)


def tarsnap(command: Command, ctx: Context) -> None:
    argv = command.argv
    if "--nuke" in argv:
        ctx.add(CRITICAL, "deletes every archive stored with tarsnap (--nuke)", command)
    elif "-d" in argv:
        ctx.add(HIGH, "deletes a tarsnap backup archive for good (-d)", command)
    elif not set(argv) & {"--list-archives", "--print-stats", "-t"}:
        ctx.add(MODERATE, "makes or unpacks a tarsnap archive", command)


def rdiff_backup(command: Command, ctx: Context) -> None:
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    age = _option_value(argv, "--remove-older-than") or _option_value(argv, "--older-than")
    removes = "--remove-older-than" in " ".join(argv) or words[:2] == ["remove", "increments"]
    if removes and (_EVERY_AGE.fullmatch(age or "") is not None):
        ctx.add(HIGH, "deletes every older backup increment (rdiff-backup)", command)
    elif ("-r" in argv or words[:1] == ["restore"]) and "--force" in argv and len(words) >= 2:
        _restore_over(command, words[-1], ctx)
    elif not (
        {"--list-increments", "--verify", "--compare"} & set(argv)
        or words[:1] in (["list"], ["verify"], ["compare"])
    ):
        ctx.add(MODERATE, "backs up or changes backups (rdiff-backup)", command)


def _option_value(argv: list[str], name: str) -> str | None:
    for index, arg in enumerate(argv):
        if arg == name and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith(name + "="):
            return arg.partition("=")[2]
    return None


def bup(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    if words[:1] in (["rm"], ["gc"], ["prune-older"]) and "--unsafe" in command.argv:
        ctx.add(HIGH, f"deletes saved backups for good (bup {words[0]})", command)
    elif words[:1] not in (["ls"], ["version"], ["help"]):
        ctx.add(MODERATE, f"backs up or changes backups (bup {' '.join(words[:1])})", command)


RULES: dict[str, Rule] = {
    "borg": borg,
    **dict.fromkeys(split_words("restic rustic"), restic),
    "kopia": kopia,
    "duplicity": duplicity,
    "duply": duply,
    "duplicati-cli": duplicati,
    "bconsole": bconsole,
    "tarsnap": tarsnap,
    "rdiff-backup": rdiff_backup,
    "bup": bup,
}
