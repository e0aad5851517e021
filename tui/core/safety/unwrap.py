"""Wrappers: the commands that run other commands (sudo, env, xargs, find -exec, bash -c, ...).

`expand` turns one command into every layer it runs: `sudo -u root nice -n 5 rm -rf /` gives the
sudo, nice and rm layers, so rules see `rm -rf /` wherever it stands. Shell code strings
(`bash -c '...'`, `eval`, `su -c`, `ssh host '...'`, `watch '...'`) are returned separately to be
parsed again by the analyser.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from tui.core.safety.parse import Command
from tui.core.safety.words import Word, literal, split_words

MAX_LAYERS = 24
SHELLS = frozenset(split_words("sh bash zsh dash ksh mksh ash fish csh tcsh yash posh rbash"))
FIND_FILTERS = frozenset(
    split_words(
        "-name -iname -path -ipath -wholename -iwholename -regex -iregex -newer -mtime -mmin "
        "-atime -amin -ctime -cmin -size -user -group -perm -empty -inum -links -uid -gid -nouser "
        "-nogroup -samefile -lname -ilname -used -anewer -cnewer -newermt"
    )
)
FIND_EXEC = frozenset({"-exec", "-execdir", "-ok", "-okdir"})


@dataclass(frozen=True)
class Inner:
    """What one layer runs: further commands, and shell code strings."""

    commands: tuple[Command, ...] = ()
    code: tuple[Word, ...] = ()


@dataclass(frozen=True)
class FindParts:
    starts: tuple[str, ...]
    filtered: bool
    delete: bool
    execs: tuple[tuple[Word, ...], ...]


def expand(command: Command) -> tuple[list[Command], list[tuple[Command, Word]]]:
    """Every layer of `command` (outermost first) and the code strings they run."""
    layers: list[Command] = []
    code: list[tuple[Command, Word]] = []
    queue = [command]
    while queue and len(layers) < MAX_LAYERS:
        current = queue.pop(0)
        layers.append(current)
        inner = inner_of(current)
        queue.extend(inner.commands)
        code.extend((current, word) for word in inner.code)
    return layers, code


def inner_of(command: Command) -> Inner:
    handler = _HANDLERS.get(command.name)
    if handler is None or not command.words:
        return Inner()
    return handler(command)


def skip_options(args: tuple[Word, ...], takes_value: frozenset[str]) -> int:
    """Index of the first argument after the options (`--` ends them)."""
    index = 0
    while index < len(args):
        value = args[index].value
        if value == "--":
            return index + 1
        if not value.startswith("-") or value == "-":
            return index
        if value.startswith("--"):
            needs = "=" not in value and value in takes_value
        else:
            needs = value in takes_value or (
                len(value) > 2 and f"-{value[-1]}" in takes_value and value[:2] not in takes_value
            )
        index += 2 if needs else 1
    return index


def _after(command: Command, takes_value: str, wrapper: str, positionals: int = 0) -> Inner:
    args = command.args
    start = skip_options(args, frozenset(takes_value.split()))
    start = _skip_assignments(args, start) + positionals
    if start >= len(args):
        return Inner()
    return Inner(commands=(command.wrapped(args[start:], wrapper),))


def _skip_assignments(args: tuple[Word, ...], start: int) -> int:
    while start < len(args) and _is_assignment(args[start].value):
        start += 1
    return start


def _is_assignment(value: str) -> bool:
    name, sep, _ = value.partition("=")
    return bool(sep) and name.replace("_", "a").isalnum() and not name[:1].isdigit()


def _sudo(command: Command) -> Inner:
    return _after(
        command,
        "-u -g -h -p -C -D -r -t -T -U --user --group --host --prompt --close-from --chdir "
        "--role --type --command-timeout --other-user",
        "sudo",
    )


def _env(command: Command) -> Inner:
    args = command.args
    index = 0
    code: list[Word] = []
    while index < len(args):
        value = args[index].value
        if value in ("-u", "-C", "--unset", "--chdir"):
            index += 2
        elif value in ("-S", "--split-string") and index + 1 < len(args):
            code.append(args[index + 1])
            index += 2
        elif (value.startswith("-") and value != "-") or _is_assignment(value):
            index += 1
        else:
            break
    commands = (command.wrapped(args[index:], "env"),) if index < len(args) else ()
    return Inner(commands=commands, code=tuple(code))


def _command_builtin(command: Command) -> Inner:
    if any(word.value in ("-v", "-V") for word in command.args[:2]):
        return Inner()
    return _after(command, "", command.name)


def _code_flag(command: Command, flags: tuple[str, ...], takes_value: str) -> Inner:
    """`su -c '...'`, `runuser -c`, `flock -c`, `script -c`: the string is shell code."""
    args = command.args
    for index, word in enumerate(args[:-1]):
        if word.value in flags:
            return Inner(code=(args[index + 1],))
        for flag in flags:
            if flag.startswith("--") and word.value.startswith(flag + "="):
                return Inner(code=(replace(word, value=word.value[len(flag) + 1 :]),))
    if command.name in ("flock", "runuser", "chroot", "sg"):
        return _after(command, takes_value, command.name, positionals=1)
    return Inner()


def _shell(command: Command) -> Inner:
    """`bash -c 'code'`, `sh -lc "code"`: the first operand after a -c flag is shell code."""
    args = command.args
    has_c = False
    index = 0
    while index < len(args):
        value = args[index].value
        if value in ("-o", "+o", "-O", "+O", "--rcfile", "--init-file"):
            index += 2
            continue
        if value == "--":
            index += 1
            break
        if value.startswith(("-", "+")) and len(value) > 1 and not value.startswith("--"):
            has_c = has_c or "c" in value[1:]
            index += 1
            continue
        if value.startswith("--"):
            index += 1
            continue
        break
    if has_c and index < len(args):
        return Inner(code=(args[index],))
    return Inner()


def _eval(command: Command) -> Inner:
    return Inner(code=(join_words(command.args),))


def join_words(words: tuple[Word, ...]) -> Word:
    """Several words as one code string, the way `eval`, `ssh` and `watch` join them."""
    subs = tuple(node for word in words for node in word.substitutions)
    return Word(
        value=" ".join(word.value for word in words),
        raw=" ".join(word.raw for word in words),
        dynamic=any(word.dynamic for word in words),
        substitutions=subs,
    )


def _joined_after(command: Command, takes_value: str, positionals: int) -> Inner:
    args = command.args
    start = skip_options(args, frozenset(takes_value.split())) + positionals
    if start >= len(args):
        return Inner()
    return Inner(code=(join_words(args[start:]),))


def _ssh(command: Command) -> Inner:
    return _joined_after(
        command, "-b -c -D -E -e -F -I -i -J -L -l -m -O -o -p -Q -R -S -W -w -B", 1
    )


def _watch(command: Command) -> Inner:
    if any(word.value in ("-x", "--exec") for word in command.args):
        return _after(command, "-n --interval -q --equexit", "watch")
    return _joined_after(command, "-n --interval -q --equexit", 0)


def _timeout(command: Command) -> Inner:
    return _after(command, "-s --signal -k --kill-after", "timeout", positionals=1)


def _nice(command: Command) -> Inner:
    args = command.args
    start = 0
    while start < len(args) and args[start].value.startswith("-"):
        value = args[start].value
        start += 2 if value in ("-n", "--adjustment") else 1
    if start >= len(args):
        return Inner()
    return Inner(commands=(command.wrapped(args[start:], "nice"),))


def _pid_mode_or(takes_value: str, positionals: int) -> Callable[[Command], Inner]:
    def handler(command: Command) -> Inner:
        if any(word.value in ("-p", "--pid", "--all-tasks") for word in command.args):
            return Inner()
        return _after(command, takes_value, command.name, positionals)

    return handler


def _xargs(command: Command) -> Inner:
    args = command.args
    takes = frozenset(
        split_words(
            "-I -n -P -L -l -d -E -e -s -a --max-args --max-procs --max-lines --delimiter --eof "
            "--max-chars --arg-file --replace --process-slot-var"
        )
    )
    replace_str = _xargs_replace(args)
    start = skip_options(args, takes)
    inner = args[start:] or (literal("echo"),)
    items = stdin_items(command)
    implied = _stdin_unfiltered_find(command)
    if replace_str:
        words = tuple(_substitute(word, replace_str, items) for word in inner)
    else:
        words = (*inner, *(literal(item) for item in items))
    return Inner(commands=(command.wrapped(words, "xargs", implied_recursive=implied),))


def _xargs_replace(args: tuple[Word, ...]) -> str:
    for index, word in enumerate(args):
        value = word.value
        if value == "-I" and index + 1 < len(args):
            return args[index + 1].value
        if value.startswith("--replace"):
            return value.partition("=")[2] or "{}"
        if value.startswith("-I") and len(value) > 2:
            return value[2:]
        if value.startswith("-i"):
            return value[2:] or "{}"
        if not value.startswith("-"):
            break
    return ""


def stdin_items(command: Command) -> list[str]:
    """What a command reading arguments from stdin (xargs) will get, as far as it is known."""
    stdin = command.stdin
    if stdin is None:
        return ["${input}"]
    if stdin.literal is not None:
        items = [item for word in stdin.literal for item in word.value.split()]
        return items or ["${input}"]
    if stdin.listing:
        return list(stdin.listing)
    if stdin.find_paths:
        if stdin.find_filtered:
            return [f"{path.rstrip('/') or ''}/{{}}" for path in stdin.find_paths]
        return list(stdin.find_paths)
    return ["${input}"]


def _stdin_unfiltered_find(command: Command) -> bool:
    stdin = command.stdin
    return bool(stdin and stdin.find_paths and not stdin.find_filtered)


def _substitute(word: Word, marker: str, items: list[str]) -> Word:
    if marker not in word.value:
        return word
    return replace(word, value=word.value.replace(marker, " ".join(items)))


def find_parts(args: tuple[Word, ...]) -> FindParts:
    """Start paths, whether tests narrow the match, -delete, and the -exec command lines."""
    index = 0
    while index < len(args) and args[index].value in ("-H", "-L", "-P", "-O1", "-O2", "-O3"):
        index += 1
    starts: list[str] = []
    while index < len(args) and not args[index].value.startswith(("-", "(", "!", "\\(")):
        starts.append(args[index].value)
        index += 1
    filtered = False
    delete = False
    execs: list[tuple[Word, ...]] = []
    while index < len(args):
        value = args[index].value
        if value in FIND_FILTERS:
            nxt = args[index + 1].value if index + 1 < len(args) else ""
            filtered = filtered or nxt not in ("*", "*.*")
        elif value == "-delete":
            delete = True
        elif value in FIND_EXEC:
            end = index + 1
            while end < len(args) and args[end].value not in (";", "+"):
                end += 1
            execs.append(args[index + 1 : end])
            index = end
        index += 1
    return FindParts(tuple(starts or ["."]), filtered, delete, tuple(execs))


def _find(command: Command) -> Inner:
    parts = find_parts(command.args)
    if parts.filtered:
        targets = [f"{start.rstrip('/')}/{{}}" for start in parts.starts]
    else:
        targets = list(parts.starts)
    implied = not parts.filtered
    commands: list[Command] = []
    if parts.delete:
        words = (
            literal("rm"),
            *(literal("-r") for _ in range(int(implied))),
            *map(literal, targets),
        )
        commands.append(command.wrapped(words, "find"))
    for exec_words in parts.execs:
        if not exec_words:
            continue
        words = tuple(_substitute(word, "{}", targets) for word in exec_words)
        commands.append(command.wrapped(words, "find", implied_recursive=implied))
    return Inner(commands=tuple(commands))


def _busybox(command: Command) -> Inner:
    return _after(command, "", "busybox")


_HANDLERS: dict[str, Callable[[Command], Inner]] = {
    "sudo": _sudo,
    "doas": lambda c: _after(c, "-u -C", "doas"),
    "pkexec": lambda c: _after(c, "--user", "pkexec"),
    "run0": lambda c: _after(c, "-u --user -g --group -D --chdir --unit --property", "run0"),
    "env": _env,
    "nohup": lambda c: _after(c, "", "nohup"),
    "unbuffer": lambda c: _after(c, "", "unbuffer"),
    "torsocks": lambda c: _after(c, "", "torsocks"),
    "setsid": lambda c: _after(c, "", "setsid"),
    "caffeinate": lambda c: _after(c, "-t -w", "caffeinate"),
    "busybox": _busybox,
    "builtin": lambda c: _after(c, "", "builtin"),
    "stdbuf": lambda c: _after(c, "-i -o -e --input --output --error", "stdbuf"),
    "ionice": _pid_mode_or("-c -n -t --class --classdata", 0),
    "chrt": _pid_mode_or("", 1),
    "taskset": _pid_mode_or("", 1),
    "nice": _nice,
    "timeout": _timeout,
    "time": lambda c: _after(c, "-f --format -o --output", "time"),
    "command": _command_builtin,
    "exec": lambda c: _after(c, "-a", "exec"),
    "strace": _pid_mode_or("-o -e -s -u -E -a", 0),
    "ltrace": _pid_mode_or("-o -e -s -u -n -a", 0),
    "proxychains": lambda c: _after(c, "-f", "proxychains"),
    "proxychains4": lambda c: _after(c, "-f", "proxychains4"),
    "sshpass": lambda c: _after(c, "-p -f -d -P", "sshpass"),
    "su": lambda c: _code_flag(c, ("-c", "--command", "--session-command"), ""),
    "runuser": lambda c: _code_flag(c, ("-c", "--command"), "-u -g -G --user --group"),
    "flock": lambda c: _code_flag(c, ("-c", "--command"), "-w -E --timeout --conflict-exit-code"),
    "script": lambda c: _code_flag(c, ("-c", "--command"), ""),
    "sg": lambda c: _code_flag(c, ("-c",), ""),
    "chroot": lambda c: _code_flag(c, (), "--userspec --groups"),
    "watch": _watch,
    "ssh": _ssh,
    "xargs": _xargs,
    "find": _find,
    "eval": _eval,
    **dict.fromkeys(SHELLS, _shell),
}
