"""Wrappers: the commands that run other commands (sudo, env, xargs, find -exec, bash -c, ...).

`expand` turns one command into every layer it runs: `sudo -u root nice -n 5 rm -rf /` gives the
sudo, nice and rm layers, so rules see `rm -rf /` wherever it stands. Shell code strings
(`bash -c '...'`, `eval`, `su -c`, `ssh host '...'`, `watch '...'`) are returned separately to be
parsed again by the analyser. `xargs` and `find -exec` live in fanout.py.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, replace

from tui.core.safety import deleters
from tui.core.safety.argv import skip_options
from tui.core.safety.fanout import fd_commands, find_commands, stdin_items, xargs_commands
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.remote_code import REMOTE_CODE
from tui.core.safety.words import Word, join_words, literal, split_words

MAX_LAYERS = 24
SHELLS = frozenset(
    split_words("sh bash zsh dash ksh mksh ash fish csh tcsh yash posh rbash hush oksh loksh nu")
    + split_words("xonsh elvish")
)


# Variables whose value a program runs as a command.
PROGRAM_VARIABLES = frozenset(
    "PAGER GIT_PAGER MANPAGER LESSOPEN LESSCLOSE EDITOR VISUAL GIT_EDITOR SUDO_EDITOR "
    "GIT_SSH GIT_SSH_COMMAND GIT_ASKPASS SSH_ASKPASS BROWSER SYSTEMD_PAGER PSQL_PAGER "
    "GIT_EXTERNAL_DIFF GIT_PROXY_COMMAND RSYNC_RSH FCEDIT GIT_SEQUENCE_EDITOR SYSTEMD_EDITOR "
    "KUBE_EDITOR SVN_EDITOR HGEDITOR".split()
)


@dataclass(frozen=True)
class Inner:
    """What one layer runs: further commands, and shell code strings."""

    commands: tuple[Command, ...] = ()
    code: tuple[Word, ...] = ()


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


def _deleter(read: Callable[[Command], Command | None]) -> Callable[[Command], Inner]:
    """A tool that deletes as `rm` does (deleters.py): that `rm` is its inner layer."""

    def handler(command: Command) -> Inner:
        inner = read(command)
        return Inner(commands=(inner,)) if inner is not None else Inner()

    return handler


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


_SUDO_VALUES = frozenset(split_words("-u -g -h -p -C -D -r -t -T -U --user --group --host"))


def _sudo(command: Command) -> Inner:
    own = command.args[: skip_options(command.args, _SUDO_VALUES)]
    if any(w.value in ("-e", "--edit") for w in own):
        return Inner()  # `sudo -e FILE`: FILE is edited, not run
    return _after(
        command,
        "-u -g -h -p -C -D -r -t -T -U --user --group --host --prompt --close-from --chdir "
        "--role --type --command-timeout --other-user",
        "sudo",
    )


_EXPORTED_FUNCTION = lazy_pattern(
    r"BASH_FUNC_[\w.:-]+(?:%%|\(\))=\s*\(\)\s*\{(?P<body>.*)\}\s*", re.S
)


def _requoted(value: str) -> str:
    """A word put back in a line as one word (`~` and plain words as they are)."""
    return value if re.fullmatch(r"[\w@%+=:,./~-]+", value) else shlex.quote(value)


def _env(command: Command) -> Inner:
    args = command.args
    index = 0
    code: list[Word] = []
    while index < len(args):
        value = args[index].value
        if value in ("-u", "-C", "--unset", "--chdir"):
            index += 2
        elif value in ("-S", "--split-string") and index + 1 < len(args):
            # the string is split into words, and the words after it are added to them whole
            split, rest = args[index + 1], args[index + 2 :]
            quoted = tuple(replace(w, value=_requoted(w.value)) for w in rest)
            code.append(join_words((split, *quoted)))
            index = len(args)
        elif value.startswith(("-S", "--split-string=")) and value not in ("-S", "--split-string="):
            # `env -S'sh -c ...'`, `env --split-string='...'`: the string is attached
            cut = 2 if value.startswith("-S") else len("--split-string=")
            code.append(replace(args[index], value=value[cut:]))
            index += 1
        elif _EXPORTED_FUNCTION.fullmatch(value):
            # `env 'BASH_FUNC_ls%%=() { CODE; }' bash -c ls`: bash defines ls as CODE, and runs it
            body = _EXPORTED_FUNCTION.fullmatch(value)
            code.append(replace(args[index], value=body.group("body") if body else ""))
            index += 1
        elif (value.startswith("-") and value != "-") or _is_assignment(value):
            name, _, program = value.partition("=")
            if name in PROGRAM_VARIABLES and program.strip() and index + 1 < len(args):
                code.append(replace(args[index], value=program))  # `env PAGER='CODE' git log`
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
    named_user = command.name == "runuser" and any(
        w.value in ("-u", "--user") or w.value.startswith("--user=") for w in command.args
    )
    if command.name in ("flock", "runuser", "chroot", "sg"):
        # `runuser -u git -- cmd` names the user with -u; `runuser git cmd` does not
        return _after(command, takes_value, command.name, positionals=0 if named_user else 1)
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


def _joined_after(command: Command, takes_value: str, positionals: int) -> Inner:
    args = command.args
    start = skip_options(args, frozenset(takes_value.split())) + positionals
    if start >= len(args):
        return Inner()
    return Inner(code=(join_words(args[start:]),))


def _ssh(command: Command) -> Inner:
    inner = _joined_after(
        command, "-b -c -D -E -e -F -I -i -J -L -l -m -O -o -p -Q -R -S -W -w -B", 1
    )
    if inner.code and inner.code[0].value.startswith("-- "):  # `ssh host -- CMD`
        word = inner.code[0]
        return Inner(code=(replace(word, value=word.value[3:], raw=word.raw.removeprefix("-- ")),))
    return inner


def _remote(command: Command) -> Inner:
    """Tools that run shell code elsewhere (remote_code.py): the code they are given."""
    return Inner(code=tuple(REMOTE_CODE[command.name](command)))


# Ansible modules whose arguments are a command line each host runs (command is the default).
_ANSIBLE_RUNNERS = frozenset(
    split_words(
        "command shell raw ansible.builtin.command ansible.builtin.shell ansible.builtin.raw"
    )
)


def _ansible(command: Command) -> Inner:
    """`ansible all -b -m shell -a 'CMD'`: every host of the inventory runs CMD."""
    args = command.args
    module, code = "command", None
    for index, word in enumerate(args[:-1]):
        if word.value in ("-m", "--module-name"):
            module = args[index + 1].value
        elif word.value in ("-a", "--args"):
            code = args[index + 1]
    if code is None or module not in _ANSIBLE_RUNNERS:
        return Inner()
    return Inner(code=(code,))


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


def _parallel(command: Command) -> Inner:
    """`parallel CMD ::: ARGS`: CMD runs with each argument (rated with all of them)."""
    args = command.args
    if {"--dry-run", "--dryrun"} & set(command.argv):
        return Inner()  # prints the commands it would run, runs none
    start = skip_options(args, frozenset(split_words("-j --jobs -S --sshlogin --delay -a")))
    rest = list(args[start:])
    marker = next((i for i, w in enumerate(rest) if w.value in (":::", "::::", ":::+")), None)
    if marker is not None and marker > 0 and len(rest) > marker + 1:
        # `parallel 'CMD {}' ::: a b`: the words after ::: are the inputs, put in for {}
        item = rest[marker + 1]
        template = [replace(w, value=w.value.replace("{}", item.value)) for w in rest[:marker]]
        if not any("{}" in w.value for w in rest[:marker]):
            template.append(item)  # without {} the input goes last
        if len(template) > 1 and not any(c in template[0].value for c in " ;|&"):
            return Inner(commands=(command.wrapped(tuple(template), "parallel"),))
        return Inner(code=(join_words(tuple(template)),))
    words = [w for w in rest if w.value not in (":::", "::::", ":::+")]
    if not words:
        return Inner()
    if marker is None and command.stdin is not None and len(words) > 1:
        return Inner(commands=(_fed_from_stdin(command, words),))
    if len(words) == 1 or any(c in words[0].value for c in " ;|&"):
        return Inner(code=(join_words(tuple(words)),))
    return Inner(commands=(command.wrapped(tuple(words), "parallel"),))


def _fed_from_stdin(command: Command, words: list[Word]) -> Command:
    """`ls | parallel shred -u {}`: like xargs, each line of the input goes in for {} (or last)."""
    items = " ".join(stdin_items(command))
    filled = [replace(w, value=w.value.replace("{}", items)) for w in words]
    if not any("{}" in w.value for w in words):
        filled.append(literal(items))
    stdin = command.stdin
    implied = bool(stdin and stdin.find_paths and not stdin.find_filtered)
    return command.wrapped(tuple(filled), "parallel", implied_recursive=implied)


# `uv run`, `poetry run`, `pipenv run`, `pdm run`, `hatch run`, `conda run`, `bundle exec`:
# a project's environment around a command, which runs as itself.
_ENV_RUNNERS = {
    "uv": (
        "run",
        "--with -w --python -p --project --directory --package --extra --group "
        "--env-file --index --index-url --only-group",
    ),
    "poetry": ("run", "-C --directory -P --project"),
    "pipenv": ("run", ""),
    "pdm": ("run", "-p --project"),
    "hatch": ("run", ""),
    "conda": ("run", "-n --name -p --prefix"),
    "mamba": ("run", "-n --name -p --prefix"),
    "bundle": ("exec", "--gemfile"),
}


def _env_runner(command: Command) -> Inner:
    verb, takes = _ENV_RUNNERS[command.name]
    args = command.args
    if not args or args[0].value != verb:
        return Inner()
    rest = args[1:]
    start = skip_options(rest, frozenset(takes.split()))
    if start >= len(rest):
        return Inner()
    return Inner(commands=(command.wrapped(rest[start:], f"{command.name} {verb}"),))


# `system("rm -rf " $1)`: a command whose start is written out and whose end is a field of
# the input; awk's escaped quotes (`"shred -u \\""`) are part of the string.
_AWK_BUILT = lazy_pattern(
    r'\bsystem\s*\(\s*"(?P<start>(?:\\.|[^"\\]){1,300})"(?P<rest>[^)]{0,300})\)'
)
_AWK_VALUES = frozenset(split_words("-F -v --assign --field-separator"))


def _awk(command: Command) -> Inner:
    """`ls | awk '{system("rm -rf " $1)}'` runs `rm -rf NAME` for each line it reads, as
    `ls | xargs rm -rf` does: the command is fed the input the way xargs is. Built from
    constants only (`-v d="$HOME"`, `ENVIRON["HOME"]`), it is that one command."""
    args = command.args
    start = skip_options(args, _AWK_VALUES)
    if start >= len(args) or any(w.value in ("-f", "--file") for w in args[:start]):
        return Inner()
    known = _awk_variables(args[:start])
    commands: list[Command] = []
    code: list[Word] = []
    for match in _AWK_BUILT.finditer(args[start].value[:20_000]):
        words = match.group("start").replace('\\"', '"').strip().rstrip("\"'").split()
        if not words or not re.fullmatch(r"[\w./-]+", words[0]):
            continue
        if not re.search(r"\$\w+", match.group("rest")):
            tail = _awk_constant(match.group("rest"), known)
            if tail is not None:  # `system("rm -rf " d)` with `-v d=~`
                code.append(literal(f"{match.group('start')}{tail}"))
            continue
        fed = replace(command, words=(literal("xargs"), *map(literal, words)))
        commands.extend(xargs_commands(fed))
        if len(commands) + len(code) >= 4:
            break
    return Inner(commands=tuple(commands), code=tuple(code))


def _awk_variables(options: tuple[Word, ...]) -> dict[str, str]:
    """`-v d="$HOME"`: the variables awk is given, and `ENVIRON["HOME"]`."""
    known = {'ENVIRON["HOME"]': "~"}
    for index, word in enumerate(options[:-1]):
        if word.value in ("-v", "--assign"):
            name, sep, value = options[index + 1].value.partition("=")
            if sep and name.isidentifier() and not options[index + 1].substitutions:
                known[name] = "~" if value == "${HOME}" else value
    return known


def _awk_constant(rest: str, known: dict[str, str]) -> str | None:
    """The rest of a built command when it is made of strings and known variables only."""
    pieces = re.findall(r'"((?:\\.|[^"\\])*)"|(ENVIRON\["\w+"\]|[A-Za-z_]\w*)|(\S)', rest)
    text: list[str] = []
    for quoted, name, other in pieces:
        if other or (name and name not in known):
            return None
        text.append(known[name] if name else quoted)
    return "".join(text) if text else None


def _container_exec(command: Command) -> Inner:
    """`docker exec [opts] CONTAINER CMD...`, `kubectl exec [opts] POD -- CMD...`: the command
    runs inside the container, on its data, and is rated like a local one."""
    args = command.args
    if command.name in ("kubectl", "lxc", "incus"):
        # `kubectl exec POD -- CMD`, `kubectl debug node/x -- CMD`, `lxc exec C -- CMD`
        words = [w.value for w in args]
        verb = "exec" if "exec" in words else "debug"
        if verb not in words or "--" not in words:
            return Inner()
        inside = args[words.index("--") + 1 :]
        return Inner(commands=(command.wrapped(inside, f"{command.name} {verb}"),))
    if args and args[0].value == "compose":  # `docker compose exec|run SERVICE CMD`
        args = args[1:]
        if args and args[0].value == "run":  # a service's container, with its volumes
            args = (replace(args[0], value="exec"), *args[1:])
    if not args or args[0].value != "exec":
        return Inner()
    rest = args[1:]
    takes = "-u --user -w --workdir -e --env --env-file --index"
    start = skip_options(rest, frozenset(split_words(takes)))
    if start + 1 >= len(rest):
        return Inner()
    return Inner(commands=(command.wrapped(rest[start + 1 :], f"{command.name} exec"),))


def _busybox(command: Command) -> Inner:
    return _after(command, "", command.name)


def _coproc(command: Command) -> Inner:
    """`coproc CMD`, `coproc NAME { CMD; }`: the command runs beside the shell. The grammar
    reads the braces as words: the command is what follows the `{`."""
    args = command.args
    brace = next((i for i, word in enumerate(args[:2]) if word.raw == "{"), None)
    rest = args[brace + 1 :] if brace is not None else args
    return Inner(commands=(command.wrapped(rest, "coproc"),)) if rest else Inner()


# Programs that run the command after their own options, unchanged in what it does: a
# session bus, a virtual display, a debugger's harness, a sandbox, a scheduler's knobs.
_PLAIN_RUNNERS = {
    "eatmydata": "",
    "catchsegv": "",
    "valgrind": "",
    "firejail": "",
    "setpriv": "",
    "dbus-run-session": "--config-file --dbus-daemon",
    "dbus-launch": "",
    "xvfb-run": "-n --server-num -s --server-args -f --auth-file -e --error-file -p",
    "numactl": "-N -m -C -p -i --cpunodebind --membind --physcpubind --preferred --interleave",
    "systemd-inhibit": "--what --who --why --mode",
    "trickle": "-d -u -w -t -l -n",
    "chpst": "-u -U -e -/ -n -l -L -m -d -o -p -f -c -r",
    "dtach": "-n -A -c -a -e -r",
    "abduco": "-c -n -A -a -e",
    "nq": "",
}


def _runs_rest(takes_value: str) -> Callable[[Command], Inner]:
    def handler(command: Command) -> Inner:
        return _after(command, takes_value, command.name)

    return handler


def _debugged(command: Command) -> Inner:
    """`gdb -ex run --args PROG ARGS`: the debugger starts PROG with ARGS."""
    values = [word.value for word in command.args]
    if "--args" not in values:
        return Inner()
    runs = any(
        values[i] in ("-ex", "--eval-command") and values[i + 1].strip() in ("run", "r", "start")
        for i in range(len(values) - 1)
    ) or any(v.startswith("--eval-command=") and v.split("=", 1)[1] in ("run", "r") for v in values)
    rest = command.args[values.index("--args") + 1 :]
    return Inner(commands=(command.wrapped(rest, "gdb"),)) if runs and rest else Inner()


def _entr(command: Command) -> Inner:
    """`ls | entr -s 'CODE'`, `entr CMD ARGS`: run again each time a listed file changes."""
    args = command.args
    start = skip_options(args, frozenset())
    if start >= len(args):
        return Inner()
    if any(word.value.startswith("-") and "s" in word.value[1:] for word in args[:start]):
        return Inner(code=(args[start],))
    return Inner(commands=(command.wrapped(args[start:], "entr"),))


def _project_exec(command: Command) -> Inner:
    """`yarn exec CMD`, `pnpm exec CMD`: CMD runs as itself, in the project's environment."""
    args = command.args
    if args[:1] and args[0].value == "exec" and len(args) > 1:
        rest = args[2:] if args[1].value == "--" else args[1:]
        return Inner(commands=(command.wrapped(rest, command.name),)) if rest else Inner()
    return _deleter(deleters.package_delete)(command)


def _capsh(command: Command) -> Inner:
    """`capsh [OPTIONS] -- ARGS`: bash runs with ARGS (`-- -c CODE` runs CODE)."""
    values = [word.value for word in command.args]
    if "--" not in values:
        return Inner()
    rest = command.args[values.index("--") + 1 :]
    return (
        Inner(commands=(command.wrapped((literal("bash"), *rest), "capsh"),)) if rest else Inner()
    )


def _machinectl_shell(command: Command) -> Inner:
    """`machinectl shell [USER@]HOST PROGRAM ARGS`: PROGRAM runs there (`.host` is here)."""
    args = command.args
    verb = next((i for i, w in enumerate(args) if not w.value.startswith("-")), None)
    if verb is None or args[verb].value != "shell" or len(args) < verb + 3:
        return Inner()
    return Inner(commands=(command.wrapped(args[verb + 2 :], "machinectl"),))


_RG_VALUES = frozenset(
    split_words(
        "-e --regexp -f --file -g --glob -t --type -T --type-not -m --max-count -j -A -B -C"
    )
    + split_words("--pre --pre-glob -M --max-columns --max-depth -d -r --replace --color")
)


def _ripgrep_pre(command: Command) -> Inner:
    """`rg --pre PROGRAM PATTERN PATHS`: PROGRAM runs on each file under PATHS."""
    args = command.args
    values = [word.value for word in args]
    program = next((values[i + 1] for i, v in enumerate(values[:-1]) if v == "--pre"), None)
    program = program or next((v.split("=", 1)[1] for v in values if v.startswith("--pre=")), None)
    if not program:
        return Inner()
    operands: list[Word] = []
    index, pattern_given = 0, any(v in ("-e", "--regexp", "-f", "--file") for v in values)
    while index < len(args):
        value = values[index]
        if value in _RG_VALUES:
            index += 2
            continue
        if not value.startswith("-"):
            operands.append(args[index])
        index += 1
    paths = operands if pattern_given else operands[1:]
    words = (literal(program), *(paths or [literal(".")]))
    return Inner(commands=(command.wrapped(words, "rg", implied_recursive=True),))


def _start_stop_daemon(command: Command) -> Inner:
    """`start-stop-daemon --start --exec PROG -- ARGS`: PROG runs with ARGS."""
    args = command.args
    values = [word.value for word in args]
    if not {"--start", "-S"} & set(values):
        return Inner()
    program = None
    for index, value in enumerate(values[:-1]):
        if value in ("--exec", "-x", "--startas", "-a"):
            program = args[index + 1]
    if program is None:
        return Inner()
    rest = args[values.index("--") + 1 :] if "--" in values else ()
    return Inner(commands=(command.wrapped((program, *rest), "start-stop-daemon"),))


def _doas(command: Command) -> Inner:
    """`doas -C FILE CMD` only says whether FILE's rules permit CMD; it runs nothing."""
    if any(word.value == "-C" for word in command.args):
        return Inner()
    return _after(command, "-u -C", "doas")


def _terminal(command: Command) -> Inner:
    """`xterm -e CMD...`, `gnome-terminal -- CMD...`, `kitty CMD...`: a terminal window that
    runs a command; one word after -e is shell code (`xterm -e 'rm -rf ~'`)."""
    args = command.args
    for index, word in enumerate(args):
        if word.value in ("-e", "-x", "--command", "--") and index + 1 < len(args):
            rest = args[index + 1 :]
            if len(rest) == 1 and " " in rest[0].value:
                return Inner(code=(rest[0],))
            return Inner(commands=(command.wrapped(rest, command.name),))
    return Inner()


_HANDLERS: dict[str, Callable[[Command], Inner]] = {
    "sudo": _sudo,
    "doas": _doas,
    "pkexec": lambda c: _after(c, "--user", "pkexec"),
    "run0": lambda c: _after(c, "-u --user -g --group -D --chdir --unit --property", "run0"),
    "env": _env,
    "nohup": lambda c: _after(c, "", "nohup"),
    "unbuffer": lambda c: _after(c, "", "unbuffer"),
    "torsocks": lambda c: _after(c, "", "torsocks"),
    "setsid": lambda c: _after(c, "", "setsid"),
    "caffeinate": lambda c: _after(c, "-t -w", "caffeinate"),
    "busybox": _busybox,
    "toybox": _busybox,
    **dict.fromkeys(
        split_words("xterm uxterm gnome-terminal konsole alacritty kitty xfce4-terminal urxvt"),
        _terminal,
    ),
    **dict.fromkeys(_ENV_RUNNERS, _env_runner),
    "nsenter": lambda c: _after(c, "-t --target -S --setuid -G --setgid", "nsenter"),
    "parallel": _parallel,
    "cmake": _deleter(deleters.cmake_delete),
    **dict.fromkeys(split_words("npx bunx pnpx npm"), _deleter(deleters.package_delete)),
    **dict.fromkeys(split_words("pnpm yarn"), _project_exec),
    "docker": _container_exec,
    "podman": _container_exec,
    "docker-compose": _container_exec,
    "podman-compose": _container_exec,
    "kubectl": _container_exec,
    "lxc": _container_exec,
    "incus": _container_exec,
    **dict.fromkeys(REMOTE_CODE, _remote),
    "systemd-run": lambda c: _after(
        c,
        "-u --unit -p --property -d --description --slice -E --setenv -H --host -M --machine "
        "--uid --gid --nice --working-directory --on-calendar --on-active --on-boot --on-startup "
        "--on-unit-active --on-unit-inactive --timer-property --path-property --socket-property",
        "systemd-run",
    ),
    "builtin": lambda c: _after(c, "", "builtin"),
    **{name: _runs_rest(takes) for name, takes in _PLAIN_RUNNERS.items()},
    "cpulimit": _pid_mode_or("-l --limit -e --exe -P --path", 0),
    "faketime": lambda c: _after(c, "", "faketime", positionals=1),
    "setarch": lambda c: _after(c, "", "setarch", positionals=1),
    **dict.fromkeys(split_words("linux32 linux64 i386 x86_64"), _runs_rest("")),
    "capsh": _capsh,
    "machinectl": _machinectl_shell,
    **dict.fromkeys(
        split_words("tcpsvd udpsvd"),
        lambda c: _after(c, "-c -C -b -u -l -i -x -t", c.name, positionals=2),
    ),
    "start-stop-daemon": _start_stop_daemon,
    "gdb": _debugged,
    "rg": _ripgrep_pre,
    "entr": _entr,
    "chronic": lambda c: _after(c, "", "chronic"),
    "fakeroot": lambda c: _after(c, "-l --lib -s -i -b --faked", "fakeroot"),
    "ssh-agent": lambda c: _after(c, "-a -E -P -t", "ssh-agent"),
    "coproc": _coproc,
    "stdbuf": lambda c: _after(c, "-i -o -e --input --output --error", "stdbuf"),
    "ionice": _pid_mode_or("-c -n -t --class --classdata", 0),
    "chrt": _pid_mode_or("", 1),
    "prlimit": _pid_mode_or("-o --output", 0),
    "taskset": _pid_mode_or("", 1),
    "nice": _nice,
    "timeout": _timeout,
    "time": lambda c: _after(c, "-f --format -o --output", "time"),
    "command": _command_builtin,
    "exec": lambda c: _after(c, "-a", "exec"),
    "unshare": lambda c: _after(
        c,
        "--map-user --map-group --setgroups --propagation -S -G --setuid --setgid -R --root "
        "-w --wd --map-users --map-groups",
        "unshare",
    ),
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
    "ansible": _ansible,
    "xargs": lambda c: Inner(commands=xargs_commands(c)),
    "find": lambda c: Inner(commands=find_commands(c)),
    "fd": lambda c: Inner(commands=fd_commands(c)),
    "fdfind": lambda c: Inner(commands=fd_commands(c)),
    "eval": _eval,
    **dict.fromkeys(split_words("awk gawk mawk nawk"), _awk),
    **dict.fromkeys(SHELLS, _shell),
}
