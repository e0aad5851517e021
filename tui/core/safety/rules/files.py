"""Deleting, moving, copying, writing and re-permissioning files."""

from __future__ import annotations

import itertools
import posixpath
import re
import shlex
from dataclasses import replace

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.feeds import literal_output, ls_listing
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.rules import (
    access,
    exposed,
    persistence,
    setuid_programs,
    system,
    weakening,
)
from tui.core.safety.rules.accounts import is_shell_program, program_name
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.rules.configs import config_content
from tui.core.safety.rules.embedded import tar_code
from tui.core.safety.rules.network import heredoc_body
from tui.core.safety.rules.persistence import startup_content
from tui.core.safety.rules.resources import EXHAUSTS, dd_fill, dd_size, endless_input
from tui.core.safety.targets import (
    PERSONAL_FOLDERS,
    Verdict,
    classify_delete,
    classify_empty,
    classify_permissions,
    classify_write,
    is_core_program,
)
from tui.core.safety.words import SUBSTITUTED, Word, literal, node_text, split_words

_SYMBOLIC = lazy_pattern(r"^[ugoa]*[+=-][rwxXstugo]*$")
_MODE_CHARS = frozenset("rwxXstugoa+-=,01234567")


def rm(command: Command, ctx: Context) -> None:
    opts = options(command)
    recursive = command.implied_recursive or opts.has("-r", "-R", "--recursive")
    note = " (with --no-preserve-root)" if "--no-preserve-root" in opts.long else ""
    targets = operand_paths(_substituted(opts.operands, recursive, command, ctx), ctx)
    for path in targets:
        verdict = classify_delete(path, recursive=recursive)
        ctx.add(verdict.level, verdict.reason + note, command)
        module = persistence.replaces_auth_module(path)
        folder = posixpath.basename(paths.normalise(path)) == "security"
        if module is not None and (module[0] or folder):  # `rm .../security/pam_unix.so`
            what = "the log-in modules" if folder else "a log-in module in use"
            reason = f"deletes {path}, {what}: nobody can log in or use sudo"
            ctx.add(CRITICAL, reason, command)
    _system_names_under_variable(targets, recursive, command, ctx)


def _substituted(
    words: tuple[Word, ...], recursive: bool, command: Command, ctx: Context
) -> list[Word]:
    """Operands made by `$(...)`: `rm -rf $(echo ~)` deletes ~; `rm -rf $(cat list)` deletes
    whatever the list names, as `xargs rm -rf < list` does."""
    out: list[Word] = []
    for word in words:
        if not word.substitutions or SUBSTITUTED not in word.value:
            out.append(word)
            continue
        value = word.value
        for node in word.substitutions:
            text = literal_output(node) or _listed(node_text(node))
            value = value.replace(SUBSTITUTED, text.strip(), 1) if text is not None else value
        if SUBSTITUTED not in value:
            out.extend(literal(part) for part in value.split())
            continue
        if recursive and "file" in ctx.word_kinds(word):
            verdict = classify_delete("${input}", recursive=True)
            reason = verdict.reason.replace("its input lists", f"{word.raw} lists", 1)
            ctx.add(verdict.level, reason, command)
        out.append(word)
    return out


def _listed(raw: str) -> str | None:
    """`$(ls -d /home/*)` names the matches of the pattern; `$(ls /home)` what is in /home."""
    listing = ls_listing(raw)
    if listing is None:
        return None
    target, whole = listing
    return target if whole else target.rstrip("/") + "/*"


_UNDER_VARIABLE = lazy_pattern(r"^\$\{(\w+)\}(/[\w.-]+)/?$")


def _system_names_under_variable(
    targets: list[str], recursive: bool, command: Command, ctx: Context
) -> None:
    """`rm -rf "$STAGE"/{bin,lib,etc}`: with STAGE empty or unset, that is /bin, /lib, /etc."""
    if not recursive:
        return
    found = [m for m in map(_UNDER_VARIABLE.match, targets) if m]
    system = sorted({m.group(2) for m in found if m.group(2) in paths.SYSTEM_ROOTS | {"/home"}})
    if len(system) >= 2:
        variable = found[0].group(1)
        reason = f"deletes {', '.join(system)} recursively if ${variable} is empty or unset"
        ctx.add(CRITICAL, reason, command)


def operand_paths(words: tuple[Word, ...] | list[Word], ctx: Context) -> list[str]:
    """Operands as paths: brace-expanded and seen from the current directory."""
    return [
        resolved
        for word in words
        for path in paths.expand_braces(word.path)
        for resolved in paths.expand_braces(ctx.resolve(path))  # a variable set to `{a,b}`
    ]


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
    if "mktemp" in word.raw and " -d" in word.raw:  # `cd "$(mktemp -d)"`: a new, empty folder
        ctx.cwd = "/tmp/tmp.${mktemp}"
        return
    if word.dynamic or word.value == "-":
        ctx.cwd = None
        return
    ctx.cwd = paths.normalise(ctx.resolve(word.path))


def rmdir(command: Command, ctx: Context) -> None:
    for word in options(command).operands:
        ctx.add(MODERATE, f"removes the empty directory {paths.normalise(word.path)}", command)


# Options of each shredder that take a value (the word after is not a file).
_SHREDDER_VALUES = {
    "shred": "-n -s --iterations --size --random-source",
    "scrub": "-p --pattern -b --blocksize -s --device-size -D --dirent",
    "srm": "-n",
    "wipe": "-l -x -p -b -S",
}


def shred(command: Command, ctx: Context) -> None:
    opts = options(command, _SHREDDER_VALUES.get(command.name, ""))
    recursive = command.implied_recursive or opts.has("-r", "-R", "--recursive")
    for path in operand_paths(opts.operands, ctx):
        if paths.is_block_device(path):  # shred of a whole disk
            ctx.add(CRITICAL, f"overwrites the whole disk {path}, destroying it", command)
            continue
        verdict = classify_delete(path, recursive=recursive)
        reason = verdict.reason.replace("deletes", "destroys", 1)
        level = max(verdict.level, MODERATE)
        folder = paths.home_relative(posixpath.dirname(paths.normalise(path)))
        keys = folder is not None and folder.split("/", 1)[0] in _PRIVATE_KEY_DIRS
        throwaway = bool(_THROWAWAY.search(path)) and not keys
        if any(char in path for char in "*?[") and (level < HIGH or keys) and not throwaway:
            # every matching file, overwritten first: no undelete tool brings one back
            level = CRITICAL if folder in PERSONAL_FOLDERS or keys else HIGH
            reason = f"destroys every file matching {path}, beyond recovery"
            if keys:
                reason = f"destroys the private keys in {posixpath.dirname(path)}, beyond recovery"
        if level == HIGH and _across_a_home(path):
            level, reason = CRITICAL, f"{reason}, beyond recovery"
        ctx.add(level, reason, command)


def _across_a_home(path: str) -> bool:
    """`find ~ -name '*.pdf' -exec shred -u {} +`: every match in a whole home (or all)."""
    parent = paths.normalise(posixpath.dirname(path))
    return paths.is_find_match(path) and paths.area(parent) in ("home", "all_homes", "root")


_PRIVATE_KEY_DIRS = frozenset((".ssh", ".gnupg", ".password-store"))
# Patterns that only take scratch files: shredding them loses nothing anyone keeps.
_THROWAWAY = lazy_pattern(r"\*\.(tmp|temp|bak|swp|swo|o|pyc|part|crdownload|orig|old)$")


# `truncate -s 1 f`: cut to a few bytes, the content is as good as gone.
_FEW_BYTES = lazy_pattern(r"[1-9]\d{0,2}")


def truncate(command: Command, ctx: Context) -> None:
    opts = options(command, "-s --size -r --reference")
    size = opts.value("-s", "--size") or ""
    for word in opts.operands:
        if size.strip() in ("0", "0K", "0M", "0k") or _FEW_BYTES.fullmatch(size.strip()):
            target = ctx.resolve(word.path)
            verdict = classify_empty(target) or classify_write(target, append=False)
            if command.implied_recursive:  # `find DIR -exec truncate -s 0 {} +`
                whole = classify_delete(target, recursive=True)
                verdict = Verdict(
                    whole.level, whole.reason.replace("deletes", "empties every file in", 1)
                )
            elif any(c in target for c in "*?["):  # `truncate -s 0 ~/Documents/*`: each file
                every = classify_delete(target, recursive=False)
                if verdict is None or every.level > verdict.level:
                    reason = every.reason.replace("deletes", "empties each file of", 1)
                    verdict = Verdict(every.level, reason)
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
        if recursive:
            # the file is thrown away, and as root it replaces the device itself: every program
            # that writes to /dev/null then writes into that file
            level = max(verdict.level, HIGH)
            ctx.add(
                level, f"moves {source} onto /dev/null: it is lost, the device replaced", command
            )
        if recursive or verdict.level >= CRITICAL:
            ctx.add(verdict.level, verdict.reason.replace("deletes", "moves away", 1), command)
    _copy_target(command, ctx, target, "moves")


# `$(which sudo)`, `$(command -v ls)`: the path where the shell finds that program.
_LOOKUP = lazy_pattern(
    r"^[\"']?(?:\$\(|`)\s*(?:which|command\s+-v|type\s+-P)\s+[\w.+-]+\s*(?:\)|`)"
)


def _program_path(word: Word) -> str:
    """An operand that looks a program up (`"$(which sudo)"`) as the place it names, in the
    usual program folder; any other operand as its path."""
    if len(word.substitutions) == 1 and _LOOKUP.match(word.raw):
        name = literal_output(word.substitutions[0])
        located = f"/usr/bin/{(name or '').strip()}"
        if name and "/" not in name.strip() and is_core_program(located):
            return located  # a program everything relies on lives there on every system
    return word.path


def copy(command: Command, ctx: Context) -> None:
    opts = options(command, "-t --target-directory -S --suffix -m --mode -o --owner -g --group")
    operands = [_program_path(w) for w in opts.operands]
    target = opts.value("-t", "--target-directory")
    mode = opts.value("-m", "--mode")
    if command.name == "install" and opts.has("-d", "--directory"):
        for folder in operands:  # `install -d -m 0777 DIR`: DIR made (or set) with that mode
            if mode:
                home, rest = ("~/", folder[2:]) if folder.startswith("~/") else ("", folder)
                shell = f"chmod {shlex.quote(mode)} {home}{shlex.quote(rest)}"
                ctx.run_code(literal(shell), command)
            else:
                ctx.add(MODERATE, f"creates the folder {folder}", command)
        return
    if target is None and len(operands) >= 2:
        target = operands[-1]
    if target is None:
        ctx.add(MODERATE, f"{command.name} needs a destination", command)
        return
    if command.name == "install" and mode:
        _install_mode(command, ctx, mode, target, operands[:-1])
    if command.implied_recursive and operands[:-1] == ["/dev/null"]:
        # `find DIR -exec cp /dev/null {} \;`: every file under DIR emptied
        whole = classify_delete(ctx.resolve(target), recursive=True)
        ctx.add(whole.level, whole.reason.replace("deletes", "empties every file in", 1), command)
    _copy_target(command, ctx, target, "copies")
    if "/dev/stdin" in operands[:-1] or "-" in operands[:-1]:  # `cp /dev/stdin F <<< TEXT`
        fed = heredoc_body(command)
        text = fed.value if fed is not None else _stdin_text(command)
        content = config_content(ctx.resolve(target), text) if text else None
        if content is not None:
            ctx.add(content.level, content.reason, command)


def _stdin_text(command: Command) -> str:
    stdin = command.stdin
    if stdin is None or stdin.literal is None:
        return ""
    return " ".join(word.value for word in stdin.literal)


def _install_mode(
    command: Command, ctx: Context, mode: str, target: str, sources: list[str]
) -> None:
    """`install -m 4755 SRC DEST` is a copy and a chmod: DEST is rated as `chmod 4755 DEST`,
    and a shell or interpreter copied setuid is a root shell for everyone."""
    shells = {posixpath.basename(s) for s in sources if is_shell_program(posixpath.basename(s))}
    if _setuid(mode) and shells:
        reason = f"installs a setuid copy of {sorted(shells)[0]} ({mode}): a root shell for all"
        ctx.add(CRITICAL, reason, command)
    home, rest = ("~/", target[2:]) if target.startswith("~/") else ("", target)
    ctx.run_code(literal(f"chmod {shlex.quote(mode)} {home}{shlex.quote(rest)}"), command)


def _copy_target(command: Command, ctx: Context, target: str, verb: str) -> None:
    # `cp -n`, `mv -n`: an existing file is never replaced, only a missing one added
    adds_only = _no_clobber(command)
    verdict = classify_write(ctx.resolve(target), append=adds_only)
    sources_given = [w.value for w in command.args if not w.value.startswith("-")][:-1]
    if sources_given == ["/dev/null"] and not adds_only:
        verdict = classify_empty(ctx.resolve(target)) or verdict
        if any(c in target for c in "*?["):  # `cp /dev/null ~/Pictures/{}` from a listing
            every = classify_delete(ctx.resolve(target), recursive=False)
            if verdict is None or every.level > verdict.level:
                verdict = Verdict(
                    every.level, every.reason.replace("deletes", "empties each file of", 1)
                )
    sources = [w.value for w in command.args if not w.value.startswith("-")][:-1]
    kind = persistence.kind_at(ctx.resolve(target), ctx)
    typed = persistence.stdin_text(command) if set(sources) & _STDIN_FILES else None
    if kind is not None and set(sources) & _STDIN_FILES:  # `install /dev/stdin UNIT <<< TEXT`
        startup_content(kind, target, typed, command, ctx)
    for source in sources:  # `echo LINE > /tmp/x && sudo mv /tmp/x /etc/sudoers.d/eve`
        staged = ctx.written.get(posixpath.basename(source))
        if staged and source not in ctx.downloads:
            for place in (target, posixpath.join(target, posixpath.basename(source))):
                content = config_content(ctx.resolve(place), staged)
                if content is not None:
                    ctx.add(content.level, content.reason, command)
                    break
    module = persistence.replaces_auth_module(ctx.resolve(target))
    if module is not None:
        ctx.add(CRITICAL if module[0] else HIGH, module[1], command)
    lasting = persistence.placed(ctx.resolve(target), sources) if typed is None else None
    if lasting is not None:
        doubtful = any(map(persistence.doubtful_source, sources))
        level = CRITICAL if doubtful else _hook_level(target, sources)
        ctx.add(level, lasting, command)
    if (verdict is None or verdict.level < HIGH) and _over_system(command, target, sources):
        verdict = Verdict(
            HIGH, f"copies files over {paths.normalise(target)}: system files replaced"
        )
    if (verdict is None or verdict.level < HIGH) and not adds_only and _remote_login(ctx, target):
        reason = f"replaces {_REMOTE_LOGIN}: a mistake there locks out remote log-ins"
        verdict = Verdict(HIGH, reason)
    if (verdict is None or verdict.level < HIGH) and _removes_over_system(command, ctx, target):
        reason = f"copies over {paths.normalise(target)}, deleting the system files it meets first"
        verdict = Verdict(HIGH, reason)
    if (verdict is None or verdict.level < HIGH) and _forced_over_settings(command, ctx, target):
        reason = f"{verb} over {paths.normalise(target)} by force: that program's settings are lost"
        verdict = Verdict(HIGH, reason)
    if _backup_copy(sources, target) and verb == "copies":
        ctx.add(MODERATE, f"makes a backup copy of {sources[0]} ({target})", command)
    elif verdict is not None and verdict.level > MODERATE:
        ctx.add(verdict.level, verdict.reason, command)
    else:
        ctx.add(MODERATE, f"{verb} files to {paths.normalise(target)}", command)


# Where programs keep a person's settings, under the home folder.
_SETTINGS_DIRS = (".config/", ".mozilla/", "Library/Preferences/", "Library/Application Support/")


def _forced_over_settings(command: Command, ctx: Context, target: str) -> bool:
    """`mv -f new.json ~/.config/Code/User/settings.json`: an existing settings file replaced
    without a question or a copy (not a folder, where the file is only added)."""
    if command.name not in ("cp", "mv") or target.endswith("/"):
        return False
    forced = any(a == "--force" or re.fullmatch(r"-[a-zA-Z]*f[a-zA-Z]*", a) for a in command.argv)
    rel = paths.home_relative(paths.normalise(ctx.resolve(target)))
    named = rel is not None and "." in posixpath.basename(rel).lstrip(".")
    return forced and named and rel is not None and rel.startswith(_SETTINGS_DIRS)


_REMOTE_LOGIN = "/etc/ssh/sshd_config"


def _remote_login(ctx: Context, target: str) -> bool:
    """`sudo mv sshd_config.new /etc/ssh/sshd_config`: the SSH server's settings replaced whole
    (an edit in place, `sed -i`, changes a line and is rated as an edit)."""
    return paths.normalise(ctx.resolve(target)) == _REMOTE_LOGIN


def _removes_over_system(command: Command, ctx: Context, target: str) -> bool:
    """`cp -r --remove-destination conf/ /etc/`: each system file in the way is deleted first."""
    if command.name != "cp" or "--remove-destination" not in command.argv:
        return False
    return paths.area(paths.normalise(ctx.resolve(target)).rstrip("/") or "/") in ("root", "vital")


def _no_clobber(command: Command) -> bool:
    if command.name not in ("cp", "mv"):
        return False
    argv = command.argv
    short = any(re.fullmatch(r"-[a-zA-Z]*n[a-zA-Z]*", a) for a in argv)
    return short or "--no-clobber" in argv or "--update=none" in argv


def _backup_copy(sources: list[str], target: str) -> bool:
    """`cp /etc/hosts /etc/hosts.bak`, `cp f f.$(date +%F)`: a copy next to the file itself."""
    return (
        len(sources) == 1
        and target != sources[0]
        and target.startswith(sources[0] + ".")
        and persistence.startup_kind(target) in _BY_NAME
    )


_STDIN_FILES = frozenset(("/dev/stdin", "/dev/fd/0", "/proc/self/fd/0", "-"))
# Start-up places read by name (PAM's services, sudoers.d, which skips names with a dot): a
# copy under another name is never read.
_BY_NAME = frozenset((None, "config", "sudoers"))


def _hook_level(target: str, sources: list[str]) -> RiskLevel:
    """A repository's own script made a git hook (`ln -s ../../scripts/pre-commit .git/hooks/`)
    is how projects share hooks; from anywhere else it is code planted to run later."""
    own = all(not s.startswith(("/", "~")) and not paths.is_world_writable(s) for s in sources)
    if "/.git/hooks" in f"/{paths.normalise(target)}" and own and sources:
        return MODERATE
    if "autostart" in target and sources and all(s.startswith(_APP_ENTRIES) for s in sources):
        return MODERATE  # `cp /usr/share/applications/x.desktop ~/.config/autostart/`: an app
    return HIGH


# Where installed programs put their menu entries: one copied to autostart starts that program.
_APP_ENTRIES = (
    "/usr/share/applications/",
    "/usr/local/share/applications/",
    "/var/lib/flatpak/exports/share/applications/",
    "/var/lib/snapd/desktop/applications/",
)


def _over_system(command: Command, target: str, sources: list[str]) -> bool:
    """`cp -r ./etc/* /etc/`, `rsync -a ./overlay/ /`: a tree's contents copied over the
    system's own (not a new folder put inside it: `cp -r nginx/ /etc/`)."""
    whole = any(a in ("-r", "-R", "-a", "--recursive", "--archive") for a in command.argv)
    whole = whole or any(re.search(r"-[a-zA-Z]*[rRa]", a) for a in command.argv if a[:2] != "--")
    normal = paths.normalise(target).rstrip("/") or "/"
    if paths.area(normal) not in ("root", "vital") or normal == "/usr/local" or ":" in target:
        return False
    spills = normal == "/" or any("*" in s for s in sources)
    spills = spills or (command.name == "rsync" and any(s.endswith("/") for s in sources))
    same = any(posixpath.basename(s.rstrip("/")) == posixpath.basename(normal) for s in sources)
    return (whole or "*" in "".join(sources)) and (spills or same)


def link(command: Command, ctx: Context) -> None:
    opts = options(command, "-t --target-directory -S --suffix")
    operands = opts.operands
    if len(operands) >= 2:
        sources = [w.value for w in operands[:-1]]
        lasting = persistence.placed(operands[-1].path, sources)
        if lasting is not None:
            ctx.add(_hook_level(operands[-1].path, sources), lasting, command)
            _shared_link(command, ctx, operands[-1].path, sources)
    if len(operands) == 2 and operands[0].value == "/dev/null":
        unit = _unit_file(operands[1].path)
        if unit is not None:  # `ln -sf /dev/null /etc/systemd/system/x.timer`: `systemctl mask x`
            system.stopping(command, ctx, "mask", [system.unit_name(unit)])
            return
    if _sets_time_zone(operands):
        ctx.add(MODERATE, f"sets the time zone ({operands[0].value})", command)
        return
    if opts.has("-f", "--force") and len(operands) >= 2:
        verdict = classify_write(operands[-1].path, append=False)
        if verdict is not None and verdict.level > MODERATE:
            ctx.add(verdict.level, verdict.reason.replace("overwrites", "replaces", 1), command)
            return
    ctx.add(MODERATE, "creates a link", command)


def _shared_link(command: Command, ctx: Context, target: str, sources: list[str]) -> None:
    """`ln -sf /tmp/x.sh /etc/cron.hourly/job`: what runs later is a file anyone can replace."""
    shared = next((s for s in sources if paths.is_world_writable(s)), None)
    if shared is not None:
        reason = f"makes {target} run {shared}, a file in a folder anyone can write"
        ctx.add(CRITICAL, reason, command)


def _unit_file(path: str) -> str | None:
    """The unit a path names in systemd's folders (`/etc/systemd/system/x.service`)."""
    folder, _, unit = paths.normalise(path).rpartition("/")
    units = folder.endswith(("/systemd/system", "/systemd/user")) and "." in unit
    return unit if units else None


def _sets_time_zone(operands: tuple[Word, ...]) -> bool:
    """`ln -sf /usr/share/zoneinfo/Europe/Berlin /etc/localtime`: how the time zone is set."""
    return (
        len(operands) == 2
        and paths.normalise(operands[1].path) == "/etc/localtime"
        and "/zoneinfo/" in paths.normalise(operands[0].path)
    )


def tee(command: Command, ctx: Context) -> None:
    opts = options(command)
    append = opts.has("-a", "--append")
    endless = endless_input(command.stdin, "tee")
    for word in opts.operands:
        verdict = classify_write(ctx.resolve(word.path), append=append)
        if verdict is not None:
            ctx.add(verdict.level, verdict.reason, command)
        if command.name == "tee" and not append and _read_upstream(command, word.value):
            # `jq . f | tee f`: tee empties f at once, before the start of the pipe has read it
            reason = f"empties {word.value} while the pipeline still reads it: its content is lost"
            ctx.add(HIGH, reason, command)
        if endless is not None and not paths.is_block_device(word.value):
            reason = f"writes the endless {endless} into {word.value}: fills the disk"
            ctx.add(EXHAUSTS, reason, command)
        stdin = command.stdin
        written_content(word.path, fed_text(command), command, ctx)
        leaked = exposed.root_secrets_read(command)
        private = paths.normalise(word.value).startswith("/root/")  # root's own folder
        if leaked and not private and paths.normalise(word.value) not in paths.HARMLESS_SINKS:
            reason = f"saves {leaked[0]} to {word.value}, a file others may read"
            ctx.add(HIGH, reason, command)
        if stdin is not None and stdin.kinds & {"download", "decode"}:
            shadowed = persistence.shadows_program(ctx.resolve(word.path))
            if shadowed is not None:
                ctx.add(CRITICAL, shadowed, command)


def written_content(target: str, text: str | None, command: Command, ctx: Context) -> None:
    """Rates what `text` does in `target`: a protection turned off, code that runs later, a
    grant of access (sudoers, PAM, polkit)."""
    where = ctx.resolve(target)
    weakened = weakening.written(where, text) if text else None
    if weakened is not None:
        ctx.add(weakened.level, weakened.reason, command)
    kind = persistence.kind_at(where, ctx)
    if kind is not None:
        startup_content(kind, target, text, command, ctx)
        return
    content = config_content(where, text) if text else None
    if content is not None:
        ctx.add(content.level, content.reason, command)


def fed_text(command: Command) -> str | None:
    """The literal text piped or written in (`echo LINE | tee f`, `tee f <<EOF`), or None."""
    stdin = command.stdin
    body = heredoc_body(command)
    if stdin is not None and stdin.literal is not None:
        return "\n".join(w.value for w in stdin.literal)
    if body is not None and not body.dynamic:
        return body.value
    return None


def _read_upstream(command: Command, target: str) -> bool:
    wanted = paths.normalise(target)
    reads = command.stdin.reads if command.stdin is not None else ()
    return wanted not in paths.HARMLESS_SINKS and any(paths.normalise(r) == wanted for r in reads)


# Programs whose output names the machine's disks.
_DISK_LISTINGS = (("lsblk",), ("blkid",), ("ls",), ("fdisk",), ("sfdisk",), ("parted",))


def dd(command: Command, ctx: Context) -> None:
    dd_fill(command, ctx)
    dd_size(command, ctx)
    settings = dict(arg.partition("=")[::2] for arg in command.argv if "=" in arg)
    target = settings.get("of")
    if target == "/dev/null":
        return  # `dd if=/dev/sda of=/dev/null`: reads and throws away (a speed or read test)
    filler = settings.get("if", "") in ("/dev/zero", "/dev/urandom", "/dev/random")
    in_place = "notrunc" in settings.get("conv", "")  # a new image file is not a loss
    if target and filler and in_place and not target.startswith("/dev/"):
        reason = f"overwrites {target} with {settings['if'][5:]} data: what it held is lost"
        ctx.add(HIGH, reason, command)
    elif target and filler and not target.startswith("/dev/"):
        lost = classify_empty(ctx.resolve(target))  # a document or settings, not a new image
        if lost is not None and lost.level >= HIGH:
            why = lost.reason.partition(":")[2] or " what it held is lost"
            reason = f"overwrites {target} with {settings['if'][5:]} data:{why}"
            ctx.add(lost.level, reason, command)
    if target and filler and command.implied_recursive:
        # `find /etc -type f -exec dd if=/dev/zero of={} \;`: every file found is overwritten
        every = classify_delete(ctx.resolve(target), recursive=True)
        reason = every.reason.replace("deletes", "overwrites every file of", 1)
        ctx.add(every.level, reason, command)
    kind = persistence.kind_at(ctx.resolve(target), ctx) if target else None
    if target and kind is not None:  # `curl URL | dd of=~/.bashrc oflag=append`: runs later
        startup_content(kind, target, None, command, ctx)
    if target and target.startswith("/dev/") and "$" in target:
        listed = command.stdin is not None and command.stdin.producers[:1] in _DISK_LISTINGS
        if listed:  # `lsblk -dno NAME | xargs -I{} dd of=/dev/{}`: every disk listed
            reason = f"writes raw data over every disk a listing names ({target})"
        else:
            reason = f"writes raw data to a device named only when it runs ({target}): maybe a disk"
        ctx.add(CRITICAL if listed else HIGH, reason, command)
    if target:
        # conv=notrunc still overwrites the blocks it writes; only oflag=append adds
        append = "append" in settings.get("oflag", "")
        # `for d in sda sdb; do dd of=/dev/$d`: each disk the loop names
        verdicts = [
            classify_write(each, append=append) for each in paths.expand_braces(ctx.resolve(target))
        ]
        worst = max((v for v in verdicts if v is not None), key=lambda v: v.level, default=None)
        if "if" not in settings:  # `echo LINE | dd of=/etc/sudoers.d/x`: what the line grants
            written_content(target, fed_text(command), command, ctx)
        if worst is not None:
            ctx.add(worst.level, worst.reason, command)
            return
    source = settings.get("if", "")
    if source in ("/dev/zero", "/dev/urandom", "/dev/random") and "count" in settings:
        return  # `dd if=/dev/urandom bs=32 count=1 | xxd`: a few bytes, printed
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
    if re.fullmatch(r"[=+][0-7]{3,4}", mode):  # GNU chmod reads `=777` as `777`
        mode = mode[1:]
    looked_up = [  # `chmod 4755 $(which pkexec)`: the program the lookup finds
        f"/usr/bin/{program_name(w)}"
        for w in targets
        if w.raw.lstrip("\"'").startswith(("$(", "`"))
    ]
    looked_up = looked_up if len(looked_up) == len(targets) else []
    targets = _substituted(tuple(targets), False, command, ctx)  # `chmod u+s $(which bash)`
    if _setuid(mode) and _loose(mode):
        reason = f"makes files setuid and writable by everyone ({mode}): anyone can put code in"
        ctx.add(CRITICAL, reason + " that runs as their owner", command)
    resolved = operand_paths(targets, ctx)
    setuid_programs.mode_checks(mode, resolved, command, ctx)
    if _setuid(mode) and setuid_programs.usual_setuid(mode, looked_up or resolved):
        ctx.add(MODERATE, f"sets the usual setuid mode back on {', '.join(resolved)}", command)
    elif _setuid(mode):
        names = {program_name(w) for w in targets} | {posixpath.basename(p) for p in resolved}
        shells = sorted(name for name in names if is_shell_program(name))
        if shells:
            shell = shells[0]
            ctx.add(
                CRITICAL, f"makes {shell} setuid: every user can become its owner (root)", command
            )
        elif any(_copied_shell(w.value, ctx) for w in targets):
            reason = f"makes a copy of a shell setuid ({mode}): every user can become root"
            ctx.add(CRITICAL, reason, command)
        elif any(_chowned_to_root(w.value, ctx) for w in targets):
            reason = f"makes a program just given to root setuid ({mode}): it runs as root for all"
            ctx.add(CRITICAL, reason, command)
        elif any(paths.is_world_writable(w.value) for w in targets):
            reason = f"makes a program in a folder anyone can write setuid ({mode}): a way to root"
            ctx.add(CRITICAL, reason, command)
        elif _setgid_only(mode) and not any(_in_program_dir(w.value) for w in targets):
            # `chmod g+s /srv/team`: on a folder, new files keep its group (a shared folder)
            ctx.add(MODERATE, f"sets the setgid bit ({mode})", command)
        else:
            reason = f"sets the setuid/setgid bit ({mode}): runs with its owner's rights"
            ctx.add(HIGH, reason, command)
    access.mode_effects(mode, [w.value for w in targets], command, ctx)
    copied = [s for s in (exposed.copied_secret(w.value, ctx) for w in targets) if s is not None]
    if _readable_by_others(mode) and copied:
        level = CRITICAL if copied[0] in _HASHES else HIGH
        reason = f"sets mode {mode} on a copy of {copied[0]}: every user can read it"
        ctx.add(level, reason, command)
    if setuid_programs.regrouped_then_writable(mode, [w.value for w in targets], ctx):
        reason = f"lets the group just given {targets[0].value} change it ({mode}): a way to root"
        ctx.add(CRITICAL, reason, command)
    if _readable_by_others(mode) and {w.value for w in targets} & _HASHES:
        reason = f"sets mode {mode} on the password hashes: every user can read them"
        ctx.add(CRITICAL, reason, command)
    readable, writable = _readable_by_others(mode), _loose(mode)
    exposed.opened(
        resolved, readable=readable, writable=writable, who="every user", command=command, ctx=ctx
    )
    private = next((w.value for w in targets if _private_key(w.value)), None)
    if _readable_by_others(mode) and private is not None:
        reason = f"lets every user of the machine read {private}, a private key ({mode})"
        ctx.add(HIGH, reason, command)
    _shared_places(mode, [paths.normalise(w.value) for w in targets], command, ctx)
    for target in operand_paths(targets, ctx):
        verb = f"sets mode {mode} on" if mode else "changes permissions of"
        usual = _usual_or_tighter(mode, target, recursive=recursive)
        if usual is not None:
            ctx.add(MODERATE, f"{usual} ({mode} on {target})", command)
            continue
        verdict = classify_permissions(target, recursive=recursive, verb=verb, loose=_loose(mode))
        ctx.add(verdict.level, verdict.reason, command)


def _shared_places(mode: str, targets: list[str], command: Command, ctx: Context) -> None:
    """`chmod 755 /root`: root's files open to every user; `chmod 700 /tmp`: the folder every
    user and service writes its temporary files in, closed to them."""
    if "/root" in targets and _readable_by_others(mode):
        ctx.add(HIGH, f"lets every user read root's home folder ({mode} on /root)", command)
    shared = [t for t in ("/tmp", "/var/tmp", "/dev/shm") if t in targets]
    others = mode[-1:] if mode.isdigit() and len(mode) >= 3 else "2"
    closed = others not in "2367" or re.fullmatch(r"[oa]+-[rx]*w[rx]*", mode)
    if shared and closed:
        reason = f"closes {shared[0]} to other users and services: whatever writes there fails"
        ctx.add(HIGH, reason, command)


# The modes these files have on a healthy system: setting one back is routine repair.
_USUAL_MODES: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ("/etc/shadow", "/etc/gshadow"), frozenset(split_words("640 600 400 000 0 0640 0600 0400"))
    ),
    **dict.fromkeys(("/etc/passwd", "/etc/group"), frozenset(split_words("644 0644"))),
    "/etc/sudoers": frozenset(split_words("440 0440 u=r,g=r,o=")),
}
# `go-rwx`, `o-w`, `g-w,o-rwx`: only takes rights away from the group and the others.
_TIGHTENING = lazy_pattern(r"^[go]+-[rwxX]+(,[go]+-[rwxX]+)*$")


# Folders of settings every program may read and only root changes (never run, never secret).
_SETTINGS_FOLDERS = ("/etc/pam.d/", "/etc/polkit-1/rules.d/", "/usr/share/polkit-1/rules.d/")
_SETTINGS_FOLDERS_BARE = frozenset(f.rstrip("/") for f in _SETTINGS_FOLDERS)
_USUAL_SETTINGS = frozenset(split_words("644 0644 u=rw,go=r"))
_NO_WRITE = lazy_pattern(r"^[go]+-w(,[go]+-w)*$")
# Trees with no folder every user must write to (unlike /tmp, /dev, /var, /run).
_CLOSABLE = ("/usr/", "/opt/", "/srv/", "/etc/")


def _usual_or_tighter(mode: str, target: str, *, recursive: bool) -> str | None:
    """Why a chmod is routine: a system file set back to its usual mode, or files in a home
    closed to other users (`chmod -R go-rwx ~/.ssh`); None when it is not."""
    path = paths.normalise(target)
    usual = _USUAL_MODES.get(path)
    if path.startswith("/etc/sudoers.d/") and path != "/etc/sudoers.d/":
        usual = _USUAL_MODES["/etc/sudoers"]
    if path.startswith(_SETTINGS_FOLDERS) and path.rstrip("/") not in _SETTINGS_FOLDERS_BARE:
        usual = _USUAL_SETTINGS  # `chmod 644 /etc/pam.d/*`: read by all, changed by root
    if usual is not None and mode in usual and not recursive:
        return "sets the usual mode of a system file"
    owner_keeps = mode.isdigit() and len(mode) >= 3 and mode[-3] in "67" and mode[-2:] == "00"
    closable = path.startswith(_CLOSABLE) or path in ("/usr", "/opt", "/srv", "/etc")
    if _NO_WRITE.match(mode) and closable:  # `chmod -R o-w /usr/local`: closes what was open
        return "takes write away from other users"
    tighter = bool(_TIGHTENING.match(mode)) or owner_keeps  # `700`, `600`: the owner keeps it
    if tighter and paths.home_relative(path) is not None and not paths.is_block_device(path):
        return "closes files in a home to other users"
    return None


_HASHES = exposed.HASHES
# Groups that may hold the password hashes (Debian's `shadow`, root's own group).
_HASH_GROUPS = exposed.HASH_GROUPS


# Where servers keep their private keys, and names that say a file is one.
_PRIVATE_KEY_FOLDERS = lazy_pattern(
    r"^/etc/(ssl|pki/tls|pki/[\w-]+)/private(/|$)|^/etc/ssh/ssh_host_"
)
_PRIVATE_KEY_NAME = lazy_pattern(r"(^|[/_.-])(priv|private|privkey)[\w.-]*\.(pem|key)$|\.key$")


def _private_key(value: str) -> bool:
    """`/etc/ssl/private/*.key`, `/etc/letsencrypt/live/x/privkey.pem`: a server's own key
    (not its certificate, which everyone is meant to read)."""
    path = paths.normalise(value)
    if path.endswith(".pub"):
        return False
    return bool(_PRIVATE_KEY_FOLDERS.search(path) or _PRIVATE_KEY_NAME.search(path))


def _readable_by_others(mode: str) -> bool:
    if mode.isdigit():
        return len(mode) >= 3 and mode[-1] in "4567"
    return any(
        bool(_SYMBOLIC.match(c))
        and "r" in c.split("+")[-1]
        and (c[:1] == "+" or bool(set(c.split("+")[0]) & {"o", "a"}))
        for c in mode.split(",")
        if "+" in c
    )


def _hashes_given_away(command: Command, operands: list[Word], ctx: Context) -> None:
    """`chgrp users /etc/shadow`: the group can read the hashes (the file is 640 already)."""
    if len(operands) < 2 or not {w.value for w in operands[1:]} & _HASHES:
        return
    owner = operands[0].value
    group = owner if command.name == "chgrp" else owner.partition(":")[2] or owner.partition(".")[2]
    user = "" if command.name == "chgrp" else owner.partition(":")[0].partition(".")[0]
    if user and user not in ("root", "0"):
        reason = f"gives {user} the password hashes (/etc/shadow): they can be read and cracked"
        ctx.add(CRITICAL, reason, command)
    elif group and group not in _HASH_GROUPS:
        reason = f"gives the group {group} the password hashes (/etc/shadow): they can be cracked"
        ctx.add(CRITICAL, reason, command)


def _setgid_only(mode: str) -> bool:
    if mode.isdigit():
        return set(mode) <= set("01234567") and int(mode, 8) & 0o6000 == 0o2000
    return all(c.split("+")[0] in ("g",) for c in mode.split(",") if "s" in c)


def _in_program_dir(path: str) -> bool:
    folder = posixpath.dirname(paths.normalise(path))
    return folder in paths.PROGRAM_DIRS or folder.endswith(("/bin", "/sbin", "/libexec"))


def _copied_shell(target: str, ctx: Context) -> bool:
    """`cp /bin/bash X && chmod +s X`: an earlier command of the line copied a shell to X."""
    for forms in ctx.simple_commands:
        words = forms[-1].split() if forms else []
        copies = words[:1] in (["cp"], ["install"], ["rsync"]) and words[-1:] == [target]
        if copies and any(is_shell_program(posixpath.basename(w)) for w in words[1:-1]):
            return True
    return False


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
        return len(mode) >= 4 and set(mode) <= set("01234567") and bool(int(mode, 8) & 0o6000)
    return any(
        bool(_SYMBOLIC.match(clause)) and "s" in clause and "-s" not in clause
        for clause in mode.split(",")
    )


def chown(command: Command, ctx: Context) -> None:
    opts = options(command, "--from")
    recursive = command.implied_recursive or opts.has("-R", "--recursive")
    operands = list(opts.operands)
    _hashes_given_away(command, operands, ctx)
    owner = ""
    if "--reference" not in opts.long and operands:
        owner = operands.pop(0).value
    if command.name == "chown":
        setuid_programs.owner_checks(owner, operand_paths(operands, ctx), command, ctx)
    for path in operand_paths(operands, ctx):
        if command.name == "chown" and setuid_programs.usual_owner(owner, path):
            ctx.add(MODERATE, f"gives {path} back to root, its usual owner", command)
            continue
        verdict = classify_permissions(
            path, recursive=recursive, verb="changes the owner of", loose=False
        )
        service = _service_folder(owner, paths.normalise(path))
        if service is not None and verdict.level <= HIGH:
            ctx.add(MODERATE, f"gives {path} to {service}, the service that keeps it", command)
            continue
        ctx.add(verdict.level, verdict.reason, command)


# Where services keep their data, one folder each (`/var/lib/mysql`, `/var/log/nginx`).
_SERVICE_HOMES = (
    "/var/lib/",
    "/var/log/",
    "/var/cache/",
    "/var/spool/",
    "/var/www/",
    "/srv/",
    "/usr/share/nginx/",
)
_SYSTEM_OWNERS = frozenset(split_words("root 0 wheel adm sys bin daemon nobody nogroup"))


_WEB_ROOTS = ("/var/www/", "/usr/share/nginx/")


def _service_folder(owner: str, path: str) -> str | None:
    """`chown -R mysql:mysql /var/lib/mysql`, `chown -R postgres /var/lib/postgresql/15`: a
    service's own folder given back to the account that service runs as (the usual repair);
    the service's name, or None."""
    user = re.split(r"[:.]", owner, maxsplit=1)[0]
    home = next((h for h in _SERVICE_HOMES if path.startswith(h)), None)
    if home is None or len(user) < 3 or user in _SYSTEM_OWNERS or not user.isascii():
        return None
    folder = path[len(home) :].split("/", 1)[0]
    web = home in _WEB_ROOTS and user in ("www-data", "nginx", "apache", "http")
    named = len(folder) >= 3 and (folder.startswith(user) or user.startswith(folder))
    return user if web or named else None


def rsync(command: Command, ctx: Context) -> None:
    opts = options(command, "-e --rsh --exclude --include --filter -f --port")
    operands = opts.operands
    if not operands:
        return
    target = operands[-1].path
    if opts.has("-n", "--dry-run"):
        return  # only lists what it would do
    deleting = any(name.startswith("--delete") or name == "--del" for name in opts.long)
    if "--remove-source-files" in opts.long:
        for source in operand_paths(operands[:-1], ctx):
            moved = classify_delete(source, recursive=True)
            if moved.level >= HIGH and ":" not in source:
                reason = moved.reason.replace("deletes", "moves away", 1)
                ctx.add(HIGH, f"{reason} (rsync --remove-source-files)", command)
    if deleting and ":" in target and empty_source(operands[:-1]):
        reason = f"deletes everything in {target} (an empty folder mirrored over it with --delete)"
        ctx.add(HIGH, reason, command)
        return
    if deleting and ":" not in target:
        verdict = classify_delete(target, recursive=True)
        # a mirror of the source is what --delete is for; only the machine or a home is lost
        whole = paths.area(paths.normalise(target).rstrip("/") or "/")
        if verdict.level >= CRITICAL and whole in MIRROR_LOSSES:
            ctx.add(CRITICAL, verdict.reason.replace("deletes", "syncs over", 1), command)
            return
        if empty_source(operands[:-1]):  # the quick way to delete a big tree
            reason = f"{verdict.reason} (an empty folder mirrored over it with --delete)"
            ctx.add(max(verdict.level, MODERATE), reason, command)
            return
        ctx.add(MODERATE, f"syncs into {target}, deleting files missing from the source", command)
        return
    _copy_target(command, ctx, target, "copies")
    modes = (opts.long.get("--chmod") or "").split(",")
    readable = any(_readable_by_others(m.lstrip("DF")) for m in modes if m)
    secrets = [s for s in operand_paths(operands[:-1], ctx) if exposed.root_only(s)]
    if readable and secrets:  # `rsync --chmod=a+rwx /etc/shadow /tmp/`
        level = CRITICAL if secrets[0] in _HASHES else HIGH
        ctx.add(level, f"copies {secrets[0]} where every user can read it (--chmod)", command)


_EMPTY_NAME = lazy_pattern(r"(^|[-_.])(empty|blank|void|nothing)([-_.]?dir)?$", re.IGNORECASE)


def empty_source(words: tuple[Word, ...]) -> bool:
    """`rsync -a --delete empty/ T/`, `"$(mktemp -d)/"`: a source folder with nothing in it."""
    names = [posixpath.basename(paths.normalise(w.value).rstrip("/")) for w in words]
    fresh = ["mktemp" in w.raw and " -d" in w.raw for w in words]  # a new folder
    return bool(words) and all(
        bool(_EMPTY_NAME.search(name)) or new for name, new in zip(names, fresh, strict=True)
    )


MIRROR_LOSSES = frozenset(
    split_words("root all_homes home home_top home_credentials vital key_file")
)


def tar(command: Command, ctx: Context) -> None:
    tar_code(command, ctx)
    first = command.argv[0] if command.argv else ""
    listing = "--list" in command.argv or (
        not first.startswith("--") and "t" in first.lstrip("-") and "c" not in first
    )
    if not listing and not _tar_prints(command):
        _tar_effects(command, ctx)
        ctx.add(MODERATE, "packs or unpacks files (tar)", command)


def _tar_prints(command: Command) -> bool:
    """`tar -xzOf a.tgz README`: the files are unpacked to the output, none written."""
    words = list(command.args)
    first = words[0].value if words else ""
    if first and not first.startswith("-") and first.isalpha():  # `tar xzOf a.tgz`
        words[0] = replace(words[0], value="-" + first)
    opts = options(replace(command, words=(command.words[0], *words)), "-f --file")
    return (
        opts.has("-x", "--extract", "--get")
        and opts.has("-O", "--to-stdout")
        and not any(a.startswith(("--to-command", "--remove-files")) for a in command.argv)
    )


def _tar_effects(command: Command, ctx: Context) -> None:
    """`tar -xf a.tar -C /`: unpacked over the system; `tar --remove-files -cf /dev/null DIR`:
    DIR deleted after going nowhere."""
    words = list(command.args)
    first = words[0].value if words else ""
    if first and not first.startswith("-") and first.isalpha():  # `tar xzf a.tgz`
        words[0] = replace(words[0], value="-" + first)
    opts = options(replace(command, words=(command.words[0], *words)), "-f --file -C --directory")
    archive = opts.value("-f", "--file") or ""
    if opts.has("-x", "--extract", "--get") and opts.has("-P", "--absolute-names"):
        reason = (
            f"unpacks {archive or 'an archive'} at the absolute paths it carries: over system files"
        )
        ctx.add(HIGH, f"{reason} (tar -P)", command)
    if opts.has("-x", "--extract", "--get"):
        where = opts.value("-C", "--directory") or ctx.cwd
        if where is None:
            return
        target = paths.normalise(ctx.resolve(where))
        kind = paths.area(target)
        if target != "/usr/local" and kind in ("root", "vital", "system", "key_file"):
            reason = f"unpacks {archive or 'an archive'} over {target}: replaces system files"
            ctx.add(HIGH, reason, command)
        elif kind == "home" and opts.has("--overwrite"):
            ctx.add(
                HIGH, f"unpacks {archive or 'an archive'} over {target}, replacing files", command
            )
    if "--remove-files" in opts.long and paths.normalise(archive) in ("/dev/null", "-"):
        for path in operand_paths(opts.operands, ctx):
            verdict = classify_delete(path, recursive=True)
            if paths.normalise(archive) == "-":  # to a pipe: it may be kept, or thrown away
                ctx.add(
                    HIGH, verdict.reason + " once packed to the output (--remove-files)", command
                )
            else:
                level = max(verdict.level, HIGH)
                ctx.add(level, verdict.reason + " (packed into /dev/null)", command)


def openssl_writes(command: Command, ctx: Context) -> None:
    """`openssl rand -out ~/.ssh/id_ed25519 32`: what -out names is replaced (the rule for
    openssl is in lookups: most of its subcommands only read)."""
    argv = command.argv
    for index, value in enumerate(argv[:-1]):
        if value in ("-out", "-keyout"):
            verdict = classify_write(ctx.resolve(argv[index + 1]), append=False)
            if verdict is not None and verdict.level >= HIGH:
                ctx.add(verdict.level, verdict.reason, command)
                return
    ctx.add(MODERATE, "changes or creates files (openssl)", command)


_KEYGEN_READS = frozenset(split_words("-l -lf -y -yf -F -E -L -Q -B"))
_KEYGEN_OTHER = frozenset(split_words("-R -p -c -s -e -i -m -Y -r -k -u -A -D -H"))


def ssh_keygen(command: Command, ctx: Context) -> None:
    """`yes | ssh-keygen -f ~/.ssh/id_rsa`: the answer to "Overwrite?" is given in advance."""
    argv = command.argv
    if argv[:1] and argv[0] in _KEYGEN_READS:
        return
    target = next((argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "-f"), "")
    if target and not set(argv) & _KEYGEN_OTHER and _answers_yes(command):
        verdict = classify_write(ctx.resolve(target), append=False)
        if verdict is not None and verdict.level >= HIGH:
            reason = f"answers yes to replacing the key {target}: the old private key is lost"
            ctx.add(verdict.level, reason, command)
            return
    ctx.add(MODERATE, "changes or creates files (ssh-keygen)", command)


def _answers_yes(command: Command) -> bool:
    stdin = command.stdin
    fed = [r.body.value for r in command.redirects if r.body is not None]
    if stdin is not None and stdin.literal is not None:
        fed += [w.value for w in stdin.literal]
    piped_yes = stdin is not None and "yes" in stdin.producers
    return piped_yes or any(text.strip().lower() in ("y", "yes") for text in fed)


_GPG_READS = frozenset(
    split_words(
        "--list-keys --list-secret-keys -k -K --fingerprint --verify --list-sigs --show-keys "
        "--check-sigs --list-packets --list-public-keys"
    )
)


def gpg(command: Command, ctx: Context) -> None:
    argv = command.argv
    if not argv or argv[0] in _GPG_READS or argv[:2] == ["--import-options", "show-only"]:
        return  # `--import-options show-only --import KEY` shows the key, imports nothing
    secret = [a for a in argv if a.startswith(("--delete-secret-key", "--delete-secret-and-"))]
    if secret:
        unasked = "--yes" in argv and "--batch" in argv
        reason = "deletes GPG private keys" + (", without asking" if unasked else "")
        ctx.add(CRITICAL if unasked else HIGH, reason + ": they exist nowhere else", command)
        return
    if "--delete-keys" in argv or "--delete-key" in argv:
        ctx.add(MODERATE, "deletes public GPG keys from your keyring", command)
        return
    ctx.add(MODERATE, "changes or creates files (gpg)", command)


def unzip(command: Command, ctx: Context) -> None:
    """`unzip -o a.zip -d ~`: -o replaces files without asking; over a home or the system."""
    opts = options(command, "-d -x -P")
    if opts.has("-l", "-t", "-v", "-Z", "-p", "-c"):
        return  # lists, tests or prints: nothing is written
    where = opts.value("-d") or ctx.cwd
    if opts.has("-o") and where is not None:
        unpacked_over(command, ctx, where)
    ctx.add(MODERATE, "changes or creates files (unzip)", command)


_UNPACKED_OVER = frozenset(("root", "home", "vital", "system", "key_file", "home_credentials"))


def unpacked_over(command: Command, ctx: Context, where: str) -> None:
    target = paths.normalise(ctx.resolve(where)).rstrip("/") or "/"
    programs = target in ("/usr/local/bin", "/usr/local/sbin")
    if programs or (target != "/usr/local" and paths.area(target) in _UNPACKED_OVER):
        reason = f"unpacks an archive over {target}, replacing files there without asking"
        ctx.add(HIGH, reason, command)


def seven_zip(command: Command, ctx: Context) -> None:
    """`7z x -y -o/etc a.7z`: -y (or -aoa) replaces what is there without asking."""
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    if words[:1] in (["l"], ["t"], ["h"], ["i"]):
        return  # lists, tests, hashes: nothing is written
    where = next((a[2:] for a in argv if a.startswith("-o") and len(a) > 2), ctx.cwd)
    replaces = any(a in ("-y", "-aoa") for a in argv)
    if words[:1] in (["x"], ["e"]) and replaces and where is not None:
        unpacked_over(command, ctx, where)
    ctx.add(MODERATE, f"changes or creates files ({command.name})", command)


def zip_files(command: Command, ctx: Context) -> None:
    operands = [w for w in command.args if not w.value.startswith("-")]
    if "-T" in command.argv and len(operands) == 1 and "-TT" not in command.argv:
        return  # `zip -T a.zip` only tests the archive
    ctx.add(MODERATE, "changes or creates files (zip)", command)


# Programs that write the file named by an output option (`sort -o FILE`): rated as a write.
_OUTPUT_OPTIONS = dict.fromkeys(split_words("sort shuf pandoc"), ("-o", "--output"))


def output_option(command: Command, ctx: Context) -> None:
    """`sort -o /etc/passwd /dev/null` empties /etc/passwd; without -o, sort only prints."""
    flags = _OUTPUT_OPTIONS.get(command.name, ())
    argv = command.argv
    target = next(
        (b for a, b in itertools.pairwise(argv) if a in flags),
        next((a.split("=", 1)[1] for a in argv if a.startswith("--output=")), None),
    )
    if target is None:
        if command.name not in ("sort", "shuf"):
            ctx.add(MODERATE, f"changes or creates files ({command.name})", command)
        return
    inputs = [a for a in argv if not a.startswith("-") and a != target]
    verdict = classify_write(ctx.resolve(target), append=False)
    if inputs == ["/dev/null"]:
        verdict = classify_empty(ctx.resolve(target)) or verdict
    if verdict is not None and verdict.level >= HIGH:
        ctx.add(verdict.level, verdict.reason, command)
    elif target not in argv[: argv.index(target)] + argv[argv.index(target) + 1 :]:
        ctx.add(MODERATE, f"writes {target} ({command.name} -o)", command)
    # `sort -o f f`: the file sorted in place, its lines kept


def trash_empty(command: Command, ctx: Context) -> None:
    """`trash-empty`, `gio trash --empty`: what was in the trash is gone for good; with a
    number of days only the older items go."""
    if any(a.isdigit() for a in command.argv):
        ctx.add(MODERATE, "empties old items from the trash", command)
    else:
        ctx.add(HIGH, "empties the trash: nothing in it can be brought back", command)


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
    "scrub": shred,
    "truncate": truncate,
    "mv": move,
    "cp": copy,
    "install": copy,
    "ln": link,
    "tee": tee,
    "sponge": tee,  # moreutils: soaks up its input, then writes the file (-a appends)
    "dd": dd,
    "dcfldd": dd,
    "chmod": chmod,
    "chown": chown,
    "chgrp": chown,
    "rsync": rsync,
    "touch": create,
    "ssh-keygen": ssh_keygen,
    "gpg": gpg,
    "gpg2": gpg,
    "unzip": unzip,
    **dict.fromkeys(split_words("7z 7za 7zz"), seven_zip),
    "zip": zip_files,
    "tar": tar,
    "mkdir": create,
    "trash-empty": trash_empty,
    **dict.fromkeys(_OUTPUT_OPTIONS, output_option),
}
