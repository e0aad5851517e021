"""Code handed to a program through an option, from a substitution made in the line: a
Makefile, a debugger script, an awk or sed program, a shell's start-up file, an ssh config or a
tar program fetched or decoded on the spot (`make -f <(curl URL)`, `gdb -x <(curl URL)`,
`tar --to-command="$(curl URL)"`) runs unseen: CRITICAL, like `curl URL | sh`. Written out
(`make -f <(echo ...)`, `cmake -P <(echo ...)`), it is read and rated. Files named by text
fetched from the network and then deleted or changed (`rm -rf $(curl URL)`) are HIGH."""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.code import executing_kinds
from tui.core.safety.rules.common import HIGH
from tui.core.safety.rules.embedded import CODE_OPTIONS
from tui.core.safety.words import Word, literal, split_words

# Options whose value is a file of code the program runs.
_FILE_OPTIONS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("make", "gmake"), ("-f", "--file", "--makefile")),
    "cmake": ("-P",),
    "emacs": ("-l", "--load", "--script"),
    "gdb": ("-x", "--command", "-ix"),
    **dict.fromkeys(("awk", "gawk", "mawk", "nawk", "sed", "gsed"), ("-f", "--file")),
    **dict.fromkeys(("bash", "sh", "zsh", "ksh"), ("--rcfile", "--init-file")),
    **dict.fromkeys(("ssh", "scp", "sftp"), ("-F",)),
    **dict.fromkeys(("vim", "nvim", "vi", "ex"), ("-S", "-u")),
}
_CHANGERS = frozenset(split_words("rm shred unlink rmdir chmod chown truncate wipefs srm"))
_FETCHED = frozenset({"download", "network", "remote"})


def _option_values(command: Command) -> list[tuple[str, Word]]:
    options = (*_FILE_OPTIONS.get(command.name, ()), *CODE_OPTIONS.get(command.name, ()))
    if command.name == "tar":
        options = (*options, "--to-command", "--checkpoint-action", "--use-compress-program")
    found: list[tuple[str, Word]] = []
    args = command.args
    for index, word in enumerate(args):
        value = word.value
        if value in options and index + 1 < len(args):
            found.append((value, args[index + 1]))
        joined = next(
            (o for o in options if o.startswith("--") and value.startswith(o + "=")), None
        )
        if joined is not None:
            found.append((joined, word))
    return found


def fed_programs(command: Command, ctx: Context) -> None:
    for option, word in _option_values(command):
        if word.substitutions and executing_kinds(
            ctx, ctx.word_kinds(word), command, f"{command.name} {option}"
        ):
            return
        text = ctx.fed_code(word)
        if text is not None and command.name == "cmake":
            for line in _cmake_commands(text):
                ctx.run_code(literal(line), command)
        elif text is not None and command.name in ("make", "gmake"):
            for line in _recipes(text):
                ctx.run_code(literal(line), command)
    if command.name in _CHANGERS:
        for word in command.args:
            if word.substitutions and ctx.word_kinds(word) & _FETCHED:
                reason = f"acts on files named by text fetched from the network ({command.name})"
                ctx.add(HIGH, reason, command)
                return


_CMAKE_REMOVE = lazy_pattern(r"file\s*\(\s*REMOVE(?P<tree>_RECURSE)?\s+(?P<paths>[^)]*)\)", re.I)
_CMAKE_RUN = lazy_pattern(r"execute_process\s*\(\s*COMMAND\s+(?P<command>[^)]*?)\s*\)", re.I)


def _cmake_commands(script: str) -> list[str]:
    """`file(REMOVE_RECURSE DIR)` as `rm -rf DIR`; `execute_process(COMMAND CMD)` as CMD."""
    lines = [
        ("rm -rf " if m.group("tree") else "rm -f ") + m.group("paths").strip()
        for m in _CMAKE_REMOVE.finditer(script)
    ]
    lines += [m.group("command") for m in _CMAKE_RUN.finditer(script)]
    return lines


def _recipes(makefile: str) -> list[str]:
    """The recipe lines of a Makefile written in the line (tab-led, or after `target:;`)."""
    text = makefile.replace("\\t", "\t").replace("\\n", "\n")
    lines = [line[1:] for line in text.splitlines() if line.startswith("\t")]
    lines += [
        line.split(";", 1)[1] for line in text.splitlines() if re.match(r"[\w.-]+:[^;]*;", line)
    ]
    return [line.strip() for line in lines if line.strip()]
