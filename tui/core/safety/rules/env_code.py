"""Variables set before a command that make it run code nobody sees in the line: git settings
given through the environment (`GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_n`/`GIT_CONFIG_VALUE_n`,
`GIT_CONFIG_PARAMETERS`), and start-up code loaded from a folder anyone can write
(`NODE_OPTIONS='--require /tmp/x.js'`, `RUBYOPT=-r/tmp/x.rb`, `BASH_ENV=/tmp/x`)."""

from __future__ import annotations

import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import git_programs
from tui.core.safety.rules.common import HIGH, MODERATE
from tui.core.safety.rules.embedded import git_config_code, runs_quietly
from tui.core.safety.words import Word

_PARAMETER = lazy_pattern(r"'(?P<key>[^']+)'\s*=\s*'(?P<value>[^']*)'")
# Options of these variables that load a file of code before the program starts.
_LOADS = {
    "NODE_OPTIONS": lazy_pattern(r"(?:--require|-r|--import|--loader)[=\s]+(?P<path>\S+)"),
    "RUBYOPT": lazy_pattern(r"-r\s*(?P<path>\S+)"),
    "PERL5OPT": lazy_pattern(r"-I\s*(?P<path>\S+)"),
    "BASH_ENV": lazy_pattern(r"^(?P<path>\S+)$"),
    "ENV": lazy_pattern(r"^(?P<path>\S+)$"),
}


def prefixed(command: Command, ctx: Context, assignments: list[tuple[str, Word]]) -> None:
    values = {name: word.value for name, word in assignments}
    if command.name == "git":
        for key, code in _git_settings(values):
            setting = git_config_code(key, code)
            if setting:
                git_programs.setting(key, setting, False, command, ctx)
                if not runs_quietly(ctx, setting, command):
                    ctx.add(MODERATE, f"git runs the program set in {key}", command)
    for name, pattern in _LOADS.items():
        for match in pattern.finditer(values.get(name, "")):
            path = match.group("path")
            if paths.is_world_writable(path):
                reason = f"makes {command.name} load code from {path}, a file anyone can replace"
                ctx.add(HIGH, f"{reason} ({name})", command)


def _git_settings(values: dict[str, str]) -> list[tuple[str, str]]:
    """The settings `GIT_CONFIG_COUNT`/`_KEY_n`/`_VALUE_n` and `GIT_CONFIG_PARAMETERS` give."""
    found = [
        (m["key"], m["value"]) for m in _PARAMETER.finditer(values.get("GIT_CONFIG_PARAMETERS", ""))
    ]
    count = values.get("GIT_CONFIG_COUNT", "")
    for index in range(min(int(count), 16) if count.isdigit() else 0):
        key = values.get(f"GIT_CONFIG_KEY_{index}")
        if key is not None:
            found.append((key, values.get(f"GIT_CONFIG_VALUE_{index}", "")))
    return [(key, value) for key, value in found if re.fullmatch(r"[\w.-]+", key)]
