"""Start-up file lines that match the risky shapes (an alias of `ls`, `PS1=`, `PROMPT_COMMAND=`,
`LD_LIBRARY_PATH=`, `NODE_OPTIONS=`) but are the everyday settings people keep there: an alias
that adds options to the same program, a prompt without commands in it, history saved at each
prompt, library folders of installed software, a larger Node heap. For one's own start-up
files: the same line in a system-wide one changes every user's commands, and stays HIGH."""

from __future__ import annotations

import re

from tui.core.safety import paths
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.words import split_words

_ALIAS = lazy_pattern(r"""^\s*alias\s+(?P<name>[\w.:-]+)=(?P<q>['"]?)(?P<value>.*)(?P=q)\s*$""")
_ASSIGN = lazy_pattern(
    r"""^\s*(?:export\s+)?(?P<name>PS1|PROMPT_COMMAND|LD_LIBRARY_PATH|NODE_OPTIONS)="""
    r"""(?P<q>['"]?)(?P<value>.*)(?P=q)\s*$"""
)
# Programs people alias a usual name to, for colour or paging.
_LOOKALIKES = frozenset(split_words("bat batcat eza exa lsd nvim vim less most colordiff grc rg"))
_OPERATORS = lazy_pattern(r"[;|&<>`]|\$\(")
# Node options that load or run code, or open a debugger port.
_NODE_CODE = lazy_pattern(
    r"(^|\s)(-r|--require|--import|--loader|--experimental-loader|"
    r"-e|--eval|-p|--print|--inspect\S*|--env-file\S*)(=|\s|$)"
)


def plain_setting(line: str) -> bool:
    """True when `line` sets one of the risky names to an everyday value."""
    alias = _ALIAS.match(line)
    if alias is not None:
        value = alias["value"]
        first = value.split()[0] if value.split() else ""
        name = alias["name"].rstrip(".")
        return (
            not _OPERATORS.search(value)
            and "/" not in value
            and (first == name or first in _LOOKALIKES)
        )
    assign = _ASSIGN.match(line)
    if assign is None:
        return False
    name, value = assign["name"], assign["value"]
    if name == "PS1":
        return not _OPERATORS.search(value)
    if name == "PROMPT_COMMAND":
        parts = [part.split() for part in re.split(r"\s*(?:;|&&)\s*", value.strip()) if part]
        return bool(parts) and all(words[0] == "history" for words in parts if words)
    if name == "NODE_OPTIONS":
        return not _NODE_CODE.search(value) and not _OPERATORS.search(value)
    folders = [f for f in value.split(":") if not re.fullmatch(r"\$\{?LD_LIBRARY_PATH\}?", f)]
    return bool(folders) and all(
        f.startswith(("/usr/", "/opt/", "$HOME/", "~/", "${HOME}/"))
        and not paths.is_world_writable(f)
        and "/." not in f
        for f in folders
    )
