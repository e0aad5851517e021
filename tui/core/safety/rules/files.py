"""Deleting, moving, copying, writing and re-permissioning files."""

from __future__ import annotations

import posixpath
import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules import access, persistence, weakening
from tui.core.safety.rules.accounts import ROOT_SHELL_PROGRAMS
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.rules.embedded import tar_code
from tui.core.safety.rules.network import heredoc_body
from tui.core.safety.rules.persistence import startup_content, startup_kind
from tui.core.safety.rules.resources import dd_fill, dd_size
from tui.core.safety.targets import (
    PERSONAL_FOLDERS,
    Verdict,
    classify_delete,
    classify_empty,
    classify_permissions,
    classify_write,
)
from tui.core.safety.words import Word, split_words

_SYMBOLIC = re.compile(r"^[ugoa]*[+=-][rwxXstugo]*$")
_MODE_CHARS = frozenset("rwxXstugoa+-=,01234567")


def rm(command: Command, ctx: Context) -> None:
    opts = options(command)
    recursive = command.implied_recursive or opts.has("-r", "-R", "--recursive")
    note = " (with --no-preserve-root)" if "--no-preserve-root" in opts.long else ""
    for path in operand_paths(opts.operands, ctx):
        verdict = classify_delete(path, recursive=recursive)
        ctx.add(verdict.level, verdict.reason + note, command)


def operand_paths(words: tuple[Word, ...] | list[Word], ctx: Context) -> list[str]:
    """Operands as paths: brace-expanded and seen from the current directory."""
    return [ctx.resolve(path) for word in words for path in paths.expand_braces(word.path)]


def unlink(command: Command, ctx: Context) -> None:
    for path in operand_paths(options(command).operands, ctx):
        verdict = classify_delete(path, recursive=False)
        ctx.add(verdict.level, verdict.reason, command)


def change_directory(command: Command, ctx: Context) -> None:
    """`cd DIR` / `pushd DIR`: later relative paths are seen from DIR when it is static."""
    operands = [w for w in command.args if not w.value.startswith("-") or w.value == "-"]
    if not operands:
        ctx.cwd = "~"
        return
    word = operands[0]
    if word.dynamic or word.value == "-":
        ctx.cwd = None
        return
    ctx.cwd = paths.normalise(ctx.resolve(word.path))


def rmdir(command: Command, ctx: Context) -> None:
    for word in options(command).operands:
        ctx.add(MODERATE, f"removes the empty directory {paths.normalise(word.path)}", command)


def shred(command: Command, ctx: Context) -> None:
    opts = options(command, "-n -s --iterations --size --random-source")
    recursive = command.implied_recursive or opts.has("-r", "-R", "--recursive")
    for path in operand_paths(opts.operands, ctx):
        if paths.is_block_device(path):  # shred of a whole disk
            ctx.add(CRITICAL, f"overwrites the whole disk {path}, destroying it", command)
            continue
        verdict = classify_delete(path, recursive=recursive)
        reason = verdict.reason.replace("deletes", "destroys", 1)
        level = max(verdict.level, MODERATE)
        if any(char in path for char in "*?[") and level < HIGH:
            # every matching file, overwritten first: no undelete tool brings one back
            personal = paths.home_relative(posixpath.dirname(path)) in PERSONAL_FOLDERS
            level = CRITICAL if personal else HIGH
            reason = f"destroys every file matching {path}, beyond recovery"
        ctx.add(level, reason, command)


def truncate(command: Command, ctx: Context) -> None:
    opts = options(command, "-s --size -r --reference")
    size = opts.value("-s", "--size") or ""
    for word in opts.operands:
        if size.strip() in ("0", "0K", "0M", "0k"):
            target = ctx.resolve(word.path)
            verdict = classify_empty(target) or classify_write(target, append=False)
            if command.implied_recursive:  # `find DIR -exec truncate -s 0 {} +`
                whole = classify_delete(target, recursive=True)
                verdict = Verdict(
                    whole.level, whole.reason.replace("deletes", "empties every file in", 1)
                )
            if verdict is not None:
                reason = verdict.reason.replace("overwrites", "empties", 1)
                ctx.add(verdict.level, reason, command)
            continue
        ctx.add(MODERATE, f"changes the size of {word.value}", command)


def move(command: Command, ctx: Context) -> None:
    opts = options(command, "-t --target-directory -S --suffix")
    operands = [w.path for w in opts.operands]
    target = opts.value("-t", "--target-directory")
    if target is None and len(operands) >= 2:
        target = operands.pop()
    if target is None:
        ctx.add(MODERATE, "moves files", command)
        return
    for source in operands:
        recursive = paths.normalise(target) == "/dev/null"
        verdict = classify_delete(source, recursive=True)
        if recursive or verdict.level >= CRITICAL:
            ctx.add(verdict.level, verdict.reason.replace("deletes", "moves away", 1), command)
    _copy_target(command, ctx, target, "moves")


def copy(command: Command, ctx: Context) -> None:
    opts = options(command, "-t --target-directory -S --suffix -m --mode -o --owner -g --group")
    operands = [w.path for w in opts.operands]
    target = opts.value("-t", "--target-directory")
    if target is None and len(operands) >= 2:
        target = operands[-1]
    if target is None:
        ctx.add(MODERATE, f"{command.name} needs a destination", command)
        return
    _copy_target(command, ctx, target, "copies")


def _copy_target(command: Command, ctx: Context, target: str, verb: str) -> None:
    verdict = classify_write(ctx.resolve(target), append=False)
    sources_given = [w.value for w in command.args if not w.value.startswith("-")][:-1]
    if sources_given == ["/dev/null"]:
        verdict = classify_empty(ctx.resolve(target)) or verdict
    sources = [w.value for w in command.args if not w.value.startswith("-")][:-1]
    lasting = persistence.placed(ctx.resolve(target), sources)
    if lasting is not None:
        doubtful = any(paths.is_world_writable(s) or "/." in f"/{s}" for s in sources)
        ctx.add(CRITICAL if doubtful else HIGH, lasting, command)
    if verdict is not None and verdict.level > MODERATE:
        ctx.add(verdict.level, verdict.reason, command)
    else:
        ctx.add(MODERATE, f"{verb} files to {paths.normalise(target)}", command)


def link(command: Command, ctx: Context) -> None:
    opts = options(command, "-t --target-directory -S --suffix")
    operands = opts.operands
    if len(operands) >= 2:
        lasting = persistence.placed(operands[-1].path, [w.value for w in operands[:-1]])
        if lasting is not None:
            ctx.add(HIGH, lasting, command)
    if opts.has("-f", "--force") and len(operands) >= 2:
        verdict = classify_write(operands[-1].path, append=False)
        if verdict is not None and verdict.level > MODERATE:
            ctx.add(verdict.level, verdict.reason.replace("overwrites", "replaces", 1), command)
            return
    ctx.add(MODERATE, "creates a link", command)


def tee(command: Command, ctx: Context) -> None:
    opts = options(command)
    append = opts.has("-a", "--append")
    for word in opts.operands:
        verdict = classify_write(ctx.resolve(word.path), append=append)
        if verdict is not None:
            ctx.add(verdict.level, verdict.reason, command)
        stdin = command.stdin
        text = None
        body = heredoc_body(command)
        if stdin is not None and stdin.literal is not None:
            text = "\n".join(w.value for w in stdin.literal)
        elif body is not None and not body.dynamic:  # `tee f <<EOF`
            text = body.value
        weakened = weakening.written(ctx.resolve(word.path), text) if text else None
        if weakened is not None:
            ctx.add(weakened.level, weakened.reason, command)
        kind = startup_kind(ctx.resolve(word.path))
        if kind is not None:
            startup_content(kind, word.path, text, command, ctx)


def dd(command: Command, ctx: Context) -> None:
    dd_fill(command, ctx)
    dd_size(command, ctx)
    settings = dict(arg.partition("=")[::2] for arg in command.argv if "=" in arg)
    target = settings.get("of")
    filler = settings.get("if", "") in ("/dev/zero", "/dev/urandom", "/dev/random")
    in_place = "notrunc" in settings.get("conv", "")  # a new image file is not a loss
    if target and filler and in_place and not target.startswith("/dev/"):
        reason = f"overwrites {target} with {settings['if'][5:]} data: what it held is lost"
        ctx.add(HIGH, reason, command)
    if target:
        # conv=notrunc still overwrites the blocks it writes; only oflag=append adds
        verdict = classify_write(target, append="append" in settings.get("oflag", ""))
        if verdict is not None:
            ctx.add(verdict.level, verdict.reason, command)
            return
    source = settings.get("if", "")
    what = f"reads the raw disk {source}" if paths.is_block_device(source) else "copies raw data"
    ctx.add(MODERATE, f"{what} (dd)", command)


def chmod(command: Command, ctx: Context) -> None:
    recursive = command.implied_recursive
    mode: str | None = None
    targets: list[Word] = []
    for word in command.args:
        value = word.value
        if value in ("-R", "--recursive"):
            recursive = True
        elif value.startswith("--"):
            mode = "" if value.startswith("--reference") else mode
        elif mode is None and (value[:1] != "-" or set(value[1:]) <= _MODE_CHARS):
            mode = value
        elif value.startswith("-") and set(value[1:]) <= set("cfvR"):
            recursive = recursive or "R" in value
        else:
            targets.append(word)
    mode = mode or ""
    if _setuid(mode):
        names = {posixpath.basename(w.value) for w in targets}
        if names & ROOT_SHELL_PROGRAMS:
            shell = sorted(names & ROOT_SHELL_PROGRAMS)[0]
            ctx.add(
                CRITICAL, f"makes {shell} setuid: every user can become its owner (root)", command
            )
        elif any(_chowned_to_root(w.value, ctx) for w in targets):
            reason = f"makes a program just given to root setuid ({mode}): it runs as root for all"
            ctx.add(CRITICAL, reason, command)
        elif any(paths.is_world_writable(w.value) for w in targets):
            reason = f"makes a program in a folder anyone can write setuid ({mode}): a way to root"
            ctx.add(CRITICAL, reason, command)
        else:
            reason = f"sets the setuid/setgid bit ({mode}): runs with its owner's rights"
            ctx.add(HIGH, reason, command)
    access.mode_effects(mode, [w.value for w in targets], command, ctx)
    for target in operand_paths(targets, ctx):
        verb = f"sets mode {mode} on" if mode else "changes permissions of"
        verdict = classify_permissions(target, recursive=recursive, verb=verb, loose=_loose(mode))
        ctx.add(verdict.level, verdict.reason, command)


def _chowned_to_root(target: str, ctx: Context) -> bool:
    """`chown root X && chmod +s X`: an earlier command of the line gave X to root."""
    for forms in ctx.simple_commands:
        words = forms[-1].split() if forms else []
        if (
            words[:1] == ["chown"]
            and target in words
            and any(w.startswith(("root", "0:")) or w == "0" for w in words[1:])
        ):
            return True
    return False


def _loose(mode: str) -> bool:
    """True when the mode lets every user write (777, 666, o+w, a+rwx, +w)."""
    if mode.isdigit():
        return len(mode) >= 3 and mode[-1] in "2367"
    for clause in mode.split(","):
        if not _SYMBOLIC.match(clause):
            continue
        who, op, perms = re.split(r"([+=-])", clause, maxsplit=1)
        if op in "+=" and "w" in perms and (not who or "a" in who or "o" in who):
            return True
    return False


def _setuid(mode: str) -> bool:
    if mode.isdigit():
        return len(mode) == 4 and mode[0] in "2467"
    return any(
        bool(_SYMBOLIC.match(clause)) and "s" in clause and "-s" not in clause
        for clause in mode.split(",")
    )


def chown(command: Command, ctx: Context) -> None:
    opts = options(command, "--from")
    recursive = command.implied_recursive or opts.has("-R", "--recursive")
    operands = list(opts.operands)
    if "--reference" not in opts.long and operands:
        operands.pop(0)
    for path in operand_paths(operands, ctx):
        verdict = classify_permissions(
            path, recursive=recursive, verb="changes the owner of", loose=False
        )
        ctx.add(verdict.level, verdict.reason, command)


def rsync(command: Command, ctx: Context) -> None:
    opts = options(command, "-e --rsh --exclude --include --filter -f --port")
    operands = opts.operands
    if not operands:
        return
    target = operands[-1].path
    if opts.has("-n", "--dry-run"):
        return  # only lists what it would do
    deleting = any(name.startswith("--delete") for name in opts.long)
    if deleting and ":" not in target:
        verdict = classify_delete(target, recursive=True)
        # a mirror of the source is what --delete is for; only the machine or a home is lost
        whole = paths.area(paths.normalise(target).rstrip("/") or "/")
        if verdict.level >= CRITICAL and whole in _MIRROR_LOSSES:
            ctx.add(CRITICAL, verdict.reason.replace("deletes", "syncs over", 1), command)
            return
        ctx.add(MODERATE, f"syncs into {target}, deleting files missing from the source", command)
        return
    _copy_target(command, ctx, target, "copies")


_MIRROR_LOSSES = frozenset(
    split_words("root all_homes home home_top home_credentials vital key_file")
)


def tar(command: Command, ctx: Context) -> None:
    tar_code(command, ctx)
    first = command.argv[0] if command.argv else ""
    listing = "--list" in command.argv or (
        not first.startswith("--") and "t" in first.lstrip("-") and "c" not in first
    )
    if not listing:
        ctx.add(MODERATE, "packs or unpacks files (tar)", command)


def create(command: Command, ctx: Context) -> None:
    names = ", ".join(w.value for w in options(command, "-m --mode -d -r -t").operands[:3])
    ctx.add(MODERATE, f"creates {names or 'files'} ({command.name})", command)


RULES: dict[str, Rule] = {
    "rm": rm,
    "cd": change_directory,
    "pushd": change_directory,
    "unlink": unlink,
    "rmdir": rmdir,
    "shred": shred,
    "srm": shred,
    "wipe": shred,
    "truncate": truncate,
    "mv": move,
    "cp": copy,
    "install": copy,
    "ln": link,
    "tee": tee,
    "dd": dd,
    "chmod": chmod,
    "chown": chown,
    "chgrp": chown,
    "rsync": rsync,
    "touch": create,
    "tar": tar,
    "mkdir": create,
}
