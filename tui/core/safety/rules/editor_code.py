"""Editors told to act on start: Vim's `delete()` function (`call delete(expand("~"), "rf")` is
`rm -rf ~`), a whole buffer filtered through a shell or interpreter (`%!sh` runs the file's
lines), and Kakoune's `%sh{...}` blocks, which are shell code."""

from __future__ import annotations

import posixpath

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import literal, split_words

_DELETE = lazy_pattern(
    r"\bdelete\(\s*(?:expand\(\s*)?(?P<q>['\"])(?P<path>[^'\"]+)(?P=q)\s*\)?\s*"
    r"(?:,\s*(?P<fq>['\"])(?P<flags>\w*)(?P=fq)\s*)?\)"
)
_FILTER_ALL = lazy_pattern(r"^:?\s*(?:%|1,\$)\s*!\s*(?P<program>\S+)\s*$")
_INTERPRETERS = frozenset(split_words("sh bash zsh dash ksh ash python python3 perl ruby node php"))
_KAK_SHELL = lazy_pattern(r"%sh\{(?P<code>[^{}]*)\}")
# `call jobstart("CMD")`, `termopen('CMD')`, `systemlist("CMD")`: Neovim and Vim run CMD.
_JOB = lazy_pattern(
    r"\b(?:jobstart|termopen|systemlist|job_start|term_start)\(\s*(?P<q>['\"])(?P<code>[^'\"]+)(?P=q)"
)


def vim_calls(script: str, command: Command, ctx: Context) -> None:
    """Rates a Vim start-up command's `delete()` calls and whole-buffer filters."""
    for match in _DELETE.finditer(script):
        path = match.group("path")
        shown = path if path.startswith("~") and " " not in path else _quote(path)
        recursive = "rf" in (match.group("flags") or "")
        ctx.run_code(literal(f"rm {'-rf ' if recursive else ''}{shown}"), command)
    for match in _JOB.finditer(script):
        ctx.run_code(literal(match.group("code")), command)
    piped = _FILTER_ALL.match(script.strip())
    if piped and posixpath.basename(piped.group("program")) in _INTERPRETERS:
        reason = f"the editor runs the text of the file it opened as code ({script.strip()})"
        ctx.add(HIGH, reason, command)


def kakoune(command: Command, ctx: Context) -> None:
    """`kak -e 'nop %sh{CODE}'`: the shell blocks of the start-up commands run."""
    argv = command.argv
    for index, value in enumerate(argv[:-1]):
        if value == "-e":
            for match in _KAK_SHELL.finditer(argv[index + 1]):
                ctx.run_code(literal(match.group("code")), command)
    ctx.add(MODERATE, f"opens a program ({command.name})", command)


def _quote(item: str) -> str:
    return "'" + item.replace("'", "'\\''") + "'"


RULES: dict[str, Rule] = {"kak": kakoune}
