"""Git settings that run a program or keep passwords: shell code hidden in a setting, and the
plain-text credential store.

Decisions: a program setting (`core.fsmonitor`, `core.sshCommand`, `core.pager`, `alias.x=!...`,
`credential.helper=!...`, `diff.external`, a filter) is HIGH when its value is shell code (a
shell, `;`, `|`, `&&`, a redirection), a script of this folder or a world-writable one, or a raw
network tool: git runs it on its own, later or hidden inside an ordinary command. A plain program
(`less -R`, `vim`, `delta`, `ssh -i KEY`) and an alias made only of git commands stay as they
were. `credential.helper store` is HIGH: every password git is given lands unencrypted in a file.
"""

from __future__ import annotations

import shlex

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH
from tui.core.safety.unwrap import SHELLS
from tui.core.safety.words import split_words

_NETWORK_TOOLS = frozenset(split_words("nc ncat netcat socat curl wget telnet"))
_CODE_RUNNERS = frozenset(split_words("python python3 perl ruby node php lua"))
# Commands an alias may chain without being more than git with extras.
_TAME = frozenset(split_words("git echo printf grep head tail sort uniq less more cat wc column"))
_OPERATORS = lazy_pattern(r"\|\||&&|[;|&]")
_REDIRECTION = lazy_pattern(r"(^|[^<>&0-9])\d?>>?|<")
_WORD_PARTS = lazy_pattern(r"[\s=\"'/]+")
_LONGEST = 4096  # a setting longer than this is not a program anyone types


def _words(code: str) -> list[str]:
    try:
        return shlex.split(code)
    except ValueError:
        return code.split()


# `!f() { git fetch origin "pull/$1/head"; }; f`: the usual wrapper that lets an alias take
# arguments; what matters is the body.
_WRAPPER = lazy_pattern(r"^\s*(\w+)\s*\(\)\s*\{(?P<body>[^{}]*)\}\s*;?\s*\1(\s+\S+)*\s*$")


def _tame(segment: list[str]) -> bool:
    """`git log`, `grep -v main`, `xargs git branch -d`: git and text tools only."""
    if segment[:1] == ["xargs"]:
        segment = [word for word in segment[1:] if not word.startswith("-")]
    return not segment or segment[0] in _TAME


def shell_code(code: str) -> str | None:
    """What makes `code` (a setting's program) more than a plain program, or None."""
    if len(code) > _LONGEST:
        return "runs a long piece of shell code"
    wrapped = _WRAPPER.match(code)
    if wrapped:
        code = wrapped.group("body").strip().rstrip(";")
    words = _words(code)
    if not words:
        return None
    first = words[0].rsplit("/", 1)[-1]
    if first in SHELLS or (first in _CODE_RUNNERS and len(words) > 1):
        return f"runs {first} with code"
    if _NETWORK_TOOLS & set(_WORD_PARTS.split(code)):
        return "reaches the network"
    if _REDIRECTION.search(code) or "$(" in code or "`" in code:
        return "runs shell code that writes or reads files"
    segments = [_words(part) for part in _OPERATORS.split(code)]
    if len(segments) > 1 and not all(_tame(segment) for segment in segments):
        return "runs shell code"
    program = words[0]
    if program.startswith(("./", "../")) or paths.is_world_writable(program):
        return f"runs the script {program}"
    return None


def setting(key: str, code: str, lasting: bool, command: Command, ctx: Context) -> None:
    """`git config core.fsmonitor CODE` (lasting) or `git -c core.pager=CODE log` (this once)."""
    what = shell_code(code)
    if what is None and key.lower() == "core.fsmonitor" and len(_words(code)) > 1:
        what = "a command where a hook program or `true` belongs"
    if what is None:
        return
    if lasting:
        reason = f"sets git to run shell code on its own ({key}: {what})"
    else:
        reason = f"hides shell code in a git setting ({key}: {what})"
    ctx.add(HIGH, reason, command)


def credential_store(key: str, value: str, command: Command, ctx: Context) -> None:
    """`git config --global credential.helper store`: passwords kept unencrypted."""
    if key.lower() == "credential.helper" and value.split()[:1] == ["store"]:
        reason = "keeps every git password unencrypted in a file (credential.helper store)"
        ctx.add(HIGH, reason, command)


def program_variable(name: str, code: str, command: Command, ctx: Context) -> None:
    """`GIT_SSH_COMMAND='sh -c ...' git fetch`: shell code in a variable git runs (the
    pagers' own idioms, `LESSOPEN='| lesspipe %s'`, `MANPAGER="sh -c 'col -bx | bat'"`, are
    left to the general rules)."""
    if not name.startswith("GIT_"):
        return
    what = shell_code(code)
    if what is not None:
        ctx.add(HIGH, f"hides shell code in {name} ({what})", command)
