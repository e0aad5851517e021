"""Shell code that tools run on other machines or in other sessions, found in their options.

`pssh -h hosts 'CMD'`, `pdsh -w web[1-3] 'CMD'`, `ansible all -m shell -a 'CMD'`,
`salt '*' cmd.run 'CMD'`, `vagrant ssh -c 'CMD'`, `gcloud compute ssh vm --command='CMD'`,
`aws ssm send-command ... --parameters commands='CMD'`, `az vm run-command invoke ... --scripts
'CMD'`, `fly ssh console -C 'CMD'`, `heroku run CMD`, `mosh host -- CMD`, `tmux send-keys 'CMD'
Enter`, `screen -X stuff 'CMD'`: CMD runs as shell code somewhere, so it is checked as such
(unwrap.py hands it to the analyser).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from tui.core.safety.parse import Command
from tui.core.safety.words import Word, join_words, split_words


def _option_value(command: Command, names: tuple[str, ...]) -> list[Word]:
    """The value of `--command CMD`, `--command=CMD`, `-c CMD` (the first one given)."""
    args = command.args
    for index, word in enumerate(args):
        if word.value in names and index + 1 < len(args):
            return [args[index + 1]]
        for name in names:
            if name.startswith("--") and word.value.startswith(name + "="):
                return [replace(word, value=word.value[len(name) + 1 :])]
    return []


def _last_word(command: Command) -> list[Word]:
    """`pssh -h hosts 'CMD'`, `pdsh -w hosts CMD`: the command is the last operand."""
    args = command.args
    return [args[-1]] if len(args) >= 2 and not args[-1].value.startswith("-") else []


def _after_separator(command: Command) -> list[Word]:
    """`mosh host -- CMD...`: the words after `--`."""
    values = [word.value for word in command.args]
    if "--" not in values:
        return []
    rest = command.args[values.index("--") + 1 :]
    return [join_words(rest)] if rest else []


_ANSIBLE_SHELLS = frozenset(("shell", "command", "raw", "ansible.builtin.shell"))


def _ansible(command: Command) -> list[Word]:
    module = _option_value(command, ("-m", "--module-name"))
    if module and module[0].value not in _ANSIBLE_SHELLS | {"ansible.builtin.command"}:
        return []
    return _option_value(command, ("-a", "--args"))


def _salt(command: Command) -> list[Word]:
    values = [word.value for word in command.args]
    if "cmd.run" not in values:
        return []
    index = values.index("cmd.run") + 1
    return [command.args[index]] if index < len(values) else []


def _knife(command: Command) -> list[Word]:
    """`knife ssh 'role:web' 'CMD'`: every node the search finds runs CMD."""
    values = [word.value for word in command.args if not word.value.startswith("-")]
    return [command.args[-1]] if values[:1] == ["ssh"] and len(values) >= 3 else []


def _subcommand_option(
    path: tuple[str, ...], names: tuple[str, ...]
) -> Callable[[Command], list[Word]]:
    """A tool whose subcommand (`compute ssh`, `ssh console`) takes the code as an option."""

    def handler(command: Command) -> list[Word]:
        words = [word.value for word in command.args if not word.value.startswith("-")]
        if tuple(words[: len(path)]) != path:
            return []
        return _option_value(command, names)

    return handler


def _aws(command: Command) -> list[Word]:
    """`aws ssm send-command --parameters commands='CMD'` (or `commands=["CMD"]`)."""
    words = [word.value for word in command.args]
    if words[:2] != ["ssm", "send-command"]:
        return []
    for value in _option_value(command, ("--parameters",)):
        text = value.value
        if text.startswith("commands="):
            return [replace(value, value=text[len("commands=") :].strip("[]\"'"))]
    return []


def _heroku(command: Command) -> list[Word]:
    args = command.args
    if not args or args[0].value != "run":
        return []
    rest = tuple(word for word in args[1:] if not word.value.startswith("-"))
    return [join_words(rest)] if rest else []


_KEY_NAMES = frozenset(split_words("Enter C-m KPEnter Escape C-c Space Tab"))


def _tmux(command: Command) -> list[Word]:
    """`tmux send-keys -t 0 'CMD' Enter`: CMD is typed into a shell and run."""
    args = command.args
    if not args or args[0].value not in ("send-keys", "send"):
        return []
    typed: list[Word] = []
    index = 1
    while index < len(args):
        value = args[index].value
        if value in ("-t", "-N"):
            index += 2
            continue
        if not value.startswith("-") and value not in _KEY_NAMES:
            typed.append(args[index])
        index += 1
    return [join_words(tuple(typed))] if typed else []


def _screen(command: Command) -> list[Word]:
    """`screen -S s -X stuff 'CMD\\n'`: CMD is typed into the session."""
    values = [word.value for word in command.args]
    if "stuff" not in values:
        return []
    index = values.index("stuff") + 1
    if index >= len(values):
        return []
    word = command.args[index]
    return [replace(word, value=word.value.replace("\\n", "\n").replace("\\r", "\n"))]


REMOTE_CODE: dict[str, Callable[[Command], list[Word]]] = {
    **dict.fromkeys(split_words("pssh parallel-ssh pdsh clush"), _last_word),
    "mosh": _after_separator,
    "ansible": _ansible,
    **dict.fromkeys(split_words("salt salt-call salt-ssh"), _salt),
    "knife": _knife,
    "vagrant": _subcommand_option(("ssh",), ("-c", "--command")),
    "gcloud": _subcommand_option(("compute", "ssh"), ("--command",)),
    "az": _subcommand_option(("vm", "run-command", "invoke"), ("--scripts",)),
    "fly": _subcommand_option(("ssh", "console"), ("-C", "--command")),
    "flyctl": _subcommand_option(("ssh", "console"), ("-C", "--command")),
    "aws": _aws,
    "heroku": _heroku,
    "tmux": _tmux,
    "screen": _screen,
}
