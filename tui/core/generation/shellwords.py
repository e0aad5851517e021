"""Light, dependency-free reading of shell command lines: words, simple commands, utilities.

This is not a safety parser (see tui.core.safety, which uses tree-sitter-bash); it answers the
cheap questions that generation and evaluation ask many times: which utilities does a command
use, does it look like a command at all, do its quotes balance.
"""

from __future__ import annotations

import re
import shlex

# Words that introduce another command rather than being the utility themselves.
WRAPPERS = frozenset(
    {
        "sudo",
        "doas",
        "env",
        "nohup",
        "nice",
        "time",
        "timeout",
        "command",
        "exec",
        "builtin",
        "stdbuf",
        "ionice",
        "xargs",
        "watch",
        "strace",
    }
)
SHELL_KEYWORDS = frozenset(
    {
        "for",
        "while",
        "until",
        "if",
        "then",
        "else",
        "elif",
        "fi",
        "do",
        "done",
        "case",
        "esac",
        "in",
        "function",
        "select",
        "{",
        "}",
        "!",
    }
)
_OPERATORS = re.compile(r"\|\||&&|[|;&]|\$\(|`|\(|\)")
_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
_REDIRECTION = re.compile(r"^\d*(?:[<>]+|&>>?|>&|<&)$")


def split_words(command: str) -> list[str] | None:
    """shlex words of a command line, or None when its quotes do not balance."""
    try:
        lexer = shlex.shlex(command, posix=True, punctuation_chars=";&|()<>")
        lexer.whitespace_split = True
        lexer.commenters = ""
        return list(lexer)
    except ValueError:
        return None


def simple_commands(command: str) -> list[list[str]]:
    """The word lists of each simple command in a line: pipelines, lists, $(...) included."""
    words = split_words(command)
    if words is None:
        words = command.split()
    commands: list[list[str]] = []
    current: list[str] = []
    for word in words:
        pieces = [p for p in _OPERATORS.split(word) if p]
        if _OPERATORS.fullmatch(word) or not pieces:
            if current:
                commands.append(current)
            current = []
            continue
        if word.startswith(("$(", "`")) and current:
            commands.append(current)
            current = []
        current.extend(pieces if word.startswith(("$(", "`")) else [word])
    if current:
        commands.append(current)
    return commands


def utility_of(words: list[str]) -> str | None:
    """The utility a simple command runs, looking through sudo/env/assignments."""
    index = 0
    while index < len(words):
        word = words[index]
        if _REDIRECTION.match(word):
            index += 2  # the operator and its target
            continue
        if _ASSIGNMENT.match(word) or word in SHELL_KEYWORDS or word.startswith(("<", ">")):
            index += 1
            continue
        name = word.rsplit("/", 1)[-1].lstrip("\\")
        if name in WRAPPERS:
            index += 1
            # Skip the wrapper's own options (and a numeric argument such as `timeout 10`).
            while index < len(words) and (
                words[index].startswith("-")
                or words[index].isdigit()
                or _ASSIGNMENT.match(words[index])
            ):
                index += 1
            continue
        return name or None
    return None


def utilities(command: str) -> set[str]:
    """Every utility a command line runs, e.g. `du -sh * | sort -h` -> {"du", "sort"}."""
    found = set()
    for words in simple_commands(command):
        name = utility_of(words)
        if name:
            found.add(name)
    return found


def first_utility(command: str) -> str | None:
    for words in simple_commands(command):
        name = utility_of(words)
        if name:
            return name
    return None


def flags(command: str) -> set[str]:
    """Option words of a command line (`-la` counts as -l and -a), for flag-overlap scores."""
    found: set[str] = set()
    for word in split_words(command) or command.split():
        if word.startswith("--") and len(word) > 2:
            found.add(word.split("=", 1)[0])
        elif word.startswith("-") and len(word) > 1 and not word[1].isdigit():
            found.update(f"-{letter}" for letter in word[1:] if letter.isalnum())
    return found
